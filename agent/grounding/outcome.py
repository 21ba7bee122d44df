"""What a checked sentence comes to: supported, contradicted or unverifiable, with the
reading shown (each typed claim, the facts it was checked against, and whether it held).

* **contradicted**: a claim was checked against its facts and does not hold — in the
  sentence as a whole or in any one of its clauses ("X raised it, but Y lowered it": each
  half is read on its own too, and one false half makes the sentence false);
* **unverifiable**: the sentence claims something no check covered — a judgement word no
  measure backs, a number tied to nothing, a subject the evidence does not know, no or an
  unknown citation where one is required;
* **supported**: every claim read was checked and holds, and nothing was left unread.

A clause read on its own only ever adds contradictions: out of its sentence it may lack
the subject or citation that makes it checkable, which is not the sentence's fault.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from agent.grounding.evidence import Ledger

Outcome = Literal["supported", "contradicted", "unverifiable", "no_claim"]

#: Reasons that say a claim was checked and failed (the rest say nothing could be checked).
_UNCHECKED = re.compile(
    r"^(could not|makes a claim but cites|cites E\d+, which is not|names '|judges the model|"
    r"E\d+ has no |the judgement |'[^']+', which no rate)"
)

#: Where a sentence splits into clauses that each make their own claim.
_CLAUSE = re.compile(
    r"\s*;\s*|,\s*(?:and|but|while|whereas|although|though|yet|so)\s+|\s+(?:but|whereas|while)\s+"
    r"|\s+[–—]\s+"
)


class ClaimCheck(BaseModel):
    """One typed claim read from a sentence, the facts it was checked against, the result."""

    claim: dict[str, object]
    holds: bool
    reason: str = ""
    facts: list[str] = Field(default_factory=list, description="'E2: subject quantity = v'.")


def outcome_of(reasons: list[str], has_claims: bool) -> Outcome:
    if not reasons:
        return "supported" if has_claims else "no_claim"
    if any(not _UNCHECKED.match(r) for r in reasons):
        return "contradicted"
    return "unverifiable"


def clauses(sentence: str) -> list[str]:
    """The sentence's clauses (outside quotes), or [] when it has only one."""
    quoted = [
        (m.start(), m.end()) for m in re.finditer(r"'[^'\n]*'|\"[^\"\n]*\"|“[^”]*”", sentence)
    ]
    cuts = [m for m in _CLAUSE.finditer(sentence) if not any(a < m.start() < b for a, b in quoted)]
    if not cuts:
        return []
    parts, last = [], 0
    for m in cuts:
        parts.append(sentence[last : m.start()])
        last = m.end()
    parts.append(sentence[last:])
    return [p.strip() for p in parts if len(p.split()) >= 2]


def facts_checked(claim: dict[str, object], ledger: Ledger) -> list[str]:
    """The facts a claim speaks of: its record's facts of its subject(s) and quantity."""
    rid = str(claim.get("evidence", ""))
    if rid not in ledger:
        return []
    subjects = {str(claim[k]).casefold() for k in ("subject", "other", "edit") if claim.get(k)}
    quantity = claim.get("quantity")
    out = []
    for f in ledger.get(rid).facts:
        if subjects - {"*"} and f.subject.casefold() not in subjects:
            continue
        if quantity and quantity != "subjects" and f.quantity != quantity:
            continue
        out.append(
            f"{rid}: {f.subject} {f.quantity} = {f.value:.4g}{' ' + f.unit if f.unit else ''}"
        )
    return out[:12]


#: Sentences about the text itself ("Here is a summary", "Let's turn to the probe",
#: "Below, each finding cites its record"): the closed class of words that open discourse.
_META = re.compile(
    r"^\W*(?:here(?:'s| is| are)|let(?:'s| us| me)|below\b|above\b|next\b|first\b|finally\b|"
    r"now\b|the following|what follows|to (?:recap|summari[sz]e|sum up|conclude)|in summary|"
    r"in short|overall,|summary\b|i(?:'ll| will| have| looked)|we(?:'ll| will| now| turn| look)|"
    r"this (?:section|report|summary|note|answer)|these (?:are|findings)|with that|so,|"
    r"(?:key )?findings?:|notes?:|details?\b)",
    re.I,
)


_META_ANYWHERE = re.compile(
    r"\b(?:(?:are|is) (?:summari[sz]ed|shown|listed|given|described) (?:below|above|here)|"
    r"as follows|in turn|in the next (?:section|paragraph)s?)\b",
    re.I,
)


def framing(sentence: str) -> bool:
    """A sentence that claims nothing: it is about the text itself (it opens, orders or
    closes the discourse), a heading, or a few words without a verb of its own."""
    text = re.sub(r"^[#>*\-\s]+|\*\*", "", sentence).strip()
    heading = ":" in text and len(text.split()) <= 8 and not re.search(r"\d", text)
    return (
        bool(_META.match(text) or _META_ANYWHERE.search(text))
        or heading
        or text.endswith(":")
        or len(text.split()) <= 3
    )

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

"""Honest framing of a checked answer, written by code from the evidence:

* an answer to "why?" states the strongest contributor first — the narrator's selection
  may add claims, never drop that one (a code-written rank claim is always the first
  line; a selected line that repeats it shows once);
* when the target's own answer does not address the question (it names none of the
  options the prompt offers), the answer says so before explaining, and says what was
  explained instead.
"""

from __future__ import annotations

import re
from typing import Any

from agent.grounding.claims import Claim, RankClaim
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import SentenceCheck, Verification, split_sentences
from agent.grounding.written import fact_claims

POINTS = "probability_difference"  # the answer's probability with the unit, less without
READABLE_POINTS = 0.01  # one percentage point
_WHY = re.compile(r"\b(why|explain\w*|reason|what made|how come)\b", re.I)


def _top(record: Evidence) -> RankClaim | None:
    scores = [f for f in record.facts if f.quantity == "attribution"]
    if len(scores) < 2:
        return None
    best = max(scores, key=lambda f: f.value)
    if best.value <= 0:
        return None
    # Read in percentage points of the answer's probability where occlusion measured them
    # and they are large enough to read (a 0.02% answer's words move it by hundredths).
    points = [f for f in record.facts if f.quantity == POINTS]
    mine = [f.value for f in points if f.subject == best.subject]
    # Context attribution ranks by its surrogate and measures points by leaving one unit
    # out: read points only where both put the same unit first.
    first = max(points, key=lambda f: f.value) if points else None
    if mine and max(mine) >= READABLE_POINTS and first and first.subject == best.subject:
        return RankClaim(evidence=record.id, subject=best.subject, quantity=POINTS)
    return RankClaim(evidence=record.id, subject=best.subject, quantity="attribution")


def _unaddressed(record: Evidence) -> str | None:
    data = record.data
    if data.get("addressed") is not False or not data.get("options"):
        return None
    options = ", ".join(repr(o) for o in data["options"])
    said = str(data.get("generated") or "").strip()
    return (
        f"Note: the model's own answer ({said[:120]!r}) names none of the options "
        f"({options}); what is explained is the option it would start with, "
        f"{data.get('decision')!r} [{record.id}]."
    )


def lead(
    question: str, records: list[Evidence], *, focus: str | None = None, direct: bool = False
) -> list[SentenceCheck]:
    """The sentences code puts first, from the evidence alone (so a streamed answer can
    send them before the narrator has spoken): a note when the target's answer names no
    option, then, for a "why" question, the strongest contributor; with ``direct``, for
    any other question the turn's newest record's leading fact (the word asked about
    first: "what about 'good'?" → what 'good' did)."""
    ledger = Ledger(records)
    attributions = [r for r in records if r.tool == "attribute"]
    out = [SentenceCheck(text=n, verdict="no_claim",
                         reasons=["written by code from the record's data"])
           for r in attributions if (n := _unaddressed(r))]  # fmt: skip
    why = bool(attributions and _WHY.search(question))
    claim: Claim | None = _top(attributions[-1]) if why else None
    reason = "a 'why' answer states the strongest contributor first"
    if not why and direct and records:
        claim = next(iter(fact_claims(records[-1], 1, focus)), None)
        reason = "the answer starts with the fact the question is about"
    if claim is not None and claim.verdict(ledger).holds:
        out.append(SentenceCheck(
            text=claim.render(ledger), verdict="supported", citations=[claim.evidence],
            reasons=[f"written by code: {reason}"], claims=[claim.model_dump(mode="json")],
        ))  # fmt: skip
    return out


def frame(
    verification: Verification, question: str, records: list[Evidence], *,
    early: bool = False, focus: str | None = None,
) -> Verification:  # fmt: skip
    """The answer with its framing (see the module) first. The verdicts are unchanged.

    ``early``: the framing was sent before the narrator spoke (claims mode streams it), so
    it leads whatever the narrator chose, and a line that repeats it shows once. Else (prose)
    the strongest contributor is added only when the answer's first line does not name it
    already, and never to an answer code wrote alone."""
    framing = lead(question, records, focus=focus, direct=early)
    if not early:
        first = verification.answer.split("\n", 1)[0]
        framing = [c for c in framing if c.verdict == "no_claim" or (
            not verification.made_by_code and f"'{_subject(c)}'" not in first)]  # fmt: skip
    if not framing:
        return verification
    texts = [c.text for c in framing]
    said = {key for c in framing for claim in c.claims for key in _keys(claim)}
    claims_of = {c.text: c.claims for c in verification.sentences}
    if verification.templated:  # code wrote the answer: its lines' claims, to drop repeats
        ledger = Ledger(records)
        for record in records:
            for claim in fact_claims(record, 3, focus):
                claims_of.setdefault(claim.render(ledger), [claim.model_dump(mode="json")])

    def repeats(line: str) -> bool:  # the line, or every claim in it, was said already
        claims = claims_of.get(line) or []
        stated = {
            key
            for claim in claims
            for key in _keys(claim)
            if key[-1] != "fact" or claim.get("kind") != "rank"
        }  # a rank states its rank, not only the fact
        return line in texts or (early and bool(claims) and stated <= said)

    rest = [line for line in verification.answer.split("\n") if line and not repeats(line)]
    answer = "\n".join([*texts, *rest])
    return verification.model_copy(update={"answer": answer, "framing": framing})


def _keys(claim: dict[str, Any]) -> set[tuple[str, ...]]:
    """What a claim states, as keys: a value or a sign of a fact states the fact (its
    number), a rank the fact and its rank; other kinds state themselves."""
    kind = str(claim.get("kind"))
    quantity = str(claim.get("quantity"))
    quantity = "attribution" if quantity == POINTS else quantity  # the same effect, read
    fact = (str(claim.get("evidence")), str(claim.get("subject")), quantity)
    if claim.get("negated"):
        return {(kind, *sorted(f"{k}={v}" for k, v in claim.items()))}
    if kind in ("value", "sign"):
        return {(*fact, "fact")}
    if kind == "rank":
        return {(*fact, "fact"), (*fact, f"rank {claim.get('rank')} {claim.get('lowest')}")}
    return {(kind, *sorted(f"{k}={v}" for k, v in claim.items()))}


def _subject(check: SentenceCheck) -> str:
    return str(check.claims[0].get("subject", "")) if check.claims else ""


def pieces(answer: str, framing: list[SentenceCheck]) -> list[str]:
    """The answer cut where a stream sends it: each framing sentence, then each sentence
    after them; the pieces, joined, are the answer exactly (separators included)."""
    out, at = [], 0
    texts = [c.text for c in framing]
    for text in [*texts, *split_sentences(answer[len("\n".join(texts)) :])]:
        end = answer.find(text, at)
        if end < 0:
            continue
        out.append(answer[at : end + len(text)])
        at = end + len(text)
    if at < len(answer):
        out.append(answer[at:])
    return out


def target_answer(records: list[Evidence]) -> dict[str, Any] | None:
    """What the target answered and what was explained of it (the latest record that ran
    the target), for the JSON and the API."""
    for record in reversed(records):
        d = record.data
        if "answer" in d or "original_answer" in d:
            return {
                "evidence": record.id,
                "answer": d.get("generated") or d.get("answer") or d.get("original_answer"),
                "explained": d.get("target"),
                "decision": d.get("decision"),
                "options": d.get("options") or [],
                "foil": d.get("foil"),
                "addresses_the_question": d.get("addressed"),
            }
    return None

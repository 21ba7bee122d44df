"""Honest framing of a checked answer, written by code from the evidence:

* an answer to "why?" states the strongest contributor first — the narrator's selection
  may add claims, never drop that one (a code-written rank claim is put first when the
  selection left it out or put something else first);
* when the target's own answer does not address the question (it names none of the
  options the prompt offers), the answer says so before explaining, and says what was
  explained instead.
"""

from __future__ import annotations

import re
from typing import Any

from agent.grounding.claims import RankClaim
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import SentenceCheck, Verification

_WHY = re.compile(r"\b(why|explain\w*|reason|what made|how come)\b", re.I)


def _top(record: Evidence) -> RankClaim | None:
    scores = [f for f in record.facts if f.quantity == "attribution"]
    if len(scores) < 2:
        return None
    best = max(scores, key=lambda f: f.value)
    if best.value <= 0:
        return None
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


def frame(verification: Verification, question: str, records: list[Evidence]) -> Verification:
    """The answer with its framing (see the module); the verdicts are unchanged."""
    ledger = Ledger(records)
    attributions = [r for r in records if r.tool == "attribute"]
    lead: list[str] = [n for r in attributions if (n := _unaddressed(r))]
    framing: list[SentenceCheck] = []
    answer = verification.answer
    if attributions and _WHY.search(question) and not verification.made_by_code:
        top = _top(attributions[-1])
        first = answer.split("\n", 1)[0]
        if top is not None and f"'{top.subject}'" not in first and top.verdict(ledger).holds:
            text = top.render(ledger)
            framing.append(SentenceCheck(
                text=text, verdict="supported", citations=[top.evidence],
                reasons=["written by code: a 'why' answer states the strongest contributor "
                         "first"], claims=[top.model_dump(mode="json")],
            ))  # fmt: skip
            answer = f"{text}\n{answer}" if answer else text
    if lead:
        answer = "\n".join([*lead, answer])
        framing[:0] = [SentenceCheck(text=n, verdict="no_claim", reasons=["written by code "
                       "from the record's data"]) for n in lead]  # fmt: skip
    if answer == verification.answer:
        return verification
    return verification.model_copy(update={"answer": answer, "framing": framing})


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

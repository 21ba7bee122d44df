"""Answers written by code from facts alone (used when no LLM claim holds): each record's
strongest facts as typed claims, rendered with their numbers."""

from __future__ import annotations

from collections.abc import Iterable

from agent.grounding.claims import ChangeClaim, Claim, RankClaim, SignClaim, ValueClaim
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.units import DETAIL_ONLY
from tools.base import Fact

_SIGNED = ("attribution", "change", "effect", "correlation", "difference", "selectivity")


def _is_signed(fact: Fact) -> bool:
    return any(word in fact.quantity for word in _SIGNED)


def fact_claims(record: Evidence, per_record: int = 3, focus: str | None = None) -> list[Claim]:
    """Typed claims code makes from a record's facts, strongest first: the subject that
    ranks first on a signed quantity (attribution), the signs and values of the next ones,
    the answer's change under an edit, the layer where the answer first tops the lens.
    The word the user asked about (``focus``) comes first."""
    facts = [f for f in record.facts if any(ch.isalnum() for ch in f.subject)
             and f.quantity not in DETAIL_ONLY]  # fmt: skip
    ranked = sorted(facts, key=lambda f: -abs(f.value) if _is_signed(f) else 0)
    if focus:
        ranked.sort(key=lambda f: f.subject.casefold() != focus.casefold())
    out: list[Claim] = []
    for f in ranked[:per_record]:
        kind = [g for g in record.facts if g.quantity == f.quantity]
        if f.quantity == "answer_changed":
            out.append(ChangeClaim(evidence=record.id, edit=f.subject, changed=f.value >= 0.5))
        elif f.quantity == "first_top1_layer":
            out.append(
                ValueClaim(
                    evidence=record.id, subject=f.subject, quantity=f.quantity, stated=f.value
                )
            )
        elif _is_signed(f) and len(kind) > 1 and f.value == max(g.value for g in kind) > 0:
            out.append(RankClaim(evidence=record.id, subject=f.subject, quantity=f.quantity))
        elif _is_signed(f) and f.value != 0:
            out.append(
                SignClaim(
                    evidence=record.id,
                    subject=f.subject,
                    quantity=f.quantity,
                    direction="up" if f.value > 0 else "down",
                )
            )
        else:
            out.append(
                ValueClaim(
                    evidence=record.id, subject=f.subject, quantity=f.quantity, stated=f.value
                )
            )
    return out


def templated_answer(
    records: Iterable[Evidence], per_record: int = 3, focus: str | None = None
) -> str:
    """An answer written by code from facts alone (used when no LLM sentence survives):
    each record's strongest facts as typed claims, rendered with their numbers."""
    ledger = Ledger(list(records))
    return "\n".join(
        claim.render(ledger) for r in ledger for claim in fact_claims(r, per_record, focus)
    )

"""What a narrator may say about a fact: the families of facts (an attribution, a signed
effect, an answer change under an edit, a probe layer, a p-value, any other value) and,
for each, the relations a pick may state, each with the typed claim it makes.

The phrases are the enum values of the selection schema (:mod:`agent.grounding.selection`);
``PLAIN`` relations need one fact, ``OTHER`` relations a second fact of the same record and
measure. Imports the claims and the ledger only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from agent.grounding.claims import (
    ChangeClaim,
    Claim,
    CompareClaim,
    RankClaim,
    SignClaim,
    SignificanceClaim,
    ThresholdClaim,
    ValueClaim,
)
from agent.grounding.evidence import Evidence
from tools.base import Fact

SIGNED = ("attribution", "change", "effect", "correlation", "difference", "pearson")

Family = Literal["attribution", "signed", "changed", "probe", "pvalue", "value"]


@dataclass(frozen=True)
class Item:
    """One fact on the menu, with the record it belongs to and the line the LLM sees."""

    record: Evidence
    fact: Fact
    line: str
    key: str = ""  # the short id the schema's enums use: F1, F2, …

    @property
    def family(self) -> Family:
        q = self.fact.quantity
        if q == "attribution":
            return "attribution"
        if q == "answer_changed":
            return "changed"
        if q == "probe_accuracy" and self.fact.subject.startswith("layer "):
            return "probe"
        if "p_adjusted" in q or q == "p_value":
            return "pvalue"
        if any(w in q for w in SIGNED):
            return "signed"
        return "value"


Make = Callable[[Item, Item | None], Claim]


def _sign(direction: Literal["up", "down", "none"]) -> Make:
    return lambda i, _: SignClaim(
        evidence=i.record.id, subject=i.fact.subject, quantity=i.fact.quantity, direction=direction
    )


def _rank(rank: int, lowest: bool = False) -> Make:
    return lambda i, _: RankClaim(
        evidence=i.record.id, subject=i.fact.subject, quantity=i.fact.quantity, rank=rank,
        lowest=lowest,
    )  # fmt: skip


def _compare(relation: Literal["more", "less", "same"]) -> Make:
    def make(i: Item, other: Item | None) -> Claim:
        assert other is not None
        return CompareClaim(
            evidence=i.record.id, subject=i.fact.subject, other=other.fact.subject,
            quantity=i.fact.quantity, relation=relation,
        )  # fmt: skip

    return make


def _value(i: Item, _: Item | None) -> Claim:
    return ValueClaim(
        evidence=i.record.id, subject=i.fact.subject, quantity=i.fact.quantity,
        stated=i.fact.value, tolerance=1e-9,
    )  # fmt: skip


def _changed(changed: bool) -> Make:
    return lambda i, _: ChangeClaim(evidence=i.record.id, edit=i.fact.subject, changed=changed)


def _threshold(i: Item, _: Item | None) -> Claim:
    return ThresholdClaim(evidence=i.record.id, layer=int(i.fact.subject.split()[-1]))


def _significant(negated: bool) -> Make:
    return lambda i, _: SignificanceClaim(
        evidence=i.record.id, subject=i.fact.subject, quantity=i.fact.quantity, negated=negated
    )


_RANKS: dict[str, Make] = {
    "is the highest": _rank(1),
    "is the second highest": _rank(2),
    "is the third highest": _rank(3),
    "is the lowest": _rank(1, lowest=True),
}
_COMPARES: dict[str, Make] = {
    "is higher than": _compare("more"),
    "is lower than": _compare("less"),
    "is about the same as": _compare("same"),
}
#: What a pick may say about a fact of each family ("other": needs a second fact).
PLAIN: dict[Family, dict[str, Make]] = {
    "attribution": {
        "pushed towards the answer": _sign("up"),
        "pushed away from the answer": _sign("down"),
        "had almost no effect": _sign("none"),
        "mattered most": _rank(1),
        "mattered second most": _rank(2),
        "mattered third most": _rank(3),
        "pushed away from the answer most": _rank(1, lowest=True),
        "has this value": _value,
        # the generic phrases mean the same of an attribution (the schema is flat: a
        # narrator may pick either wording)
        "is positive": _sign("up"),
        "is negative": _sign("down"),
        "is near zero": _sign("none"),
        **_RANKS,
    },
    "signed": {
        "is positive": _sign("up"),
        "is negative": _sign("down"),
        "is near zero": _sign("none"),
        **_RANKS,
        "has this value": _value,
    },
    "changed": {
        "changed the answer": _changed(True),
        "did not change the answer": _changed(False),
    },
    "probe": {
        "is the first layer where the probe beats its control": _threshold,
        **_RANKS,
        "has this value": _value,
    },
    "pvalue": {
        "is significant": _significant(False),
        "is not significant": _significant(True),
        "has this value": _value,
    },
    "value": {**_RANKS, "has this value": _value},
}
OTHER: dict[Family, dict[str, Make]] = {
    "attribution": {
        "pushed towards the answer more than": _compare("more"),
        "pushed towards the answer less than": _compare("less"),
        "mattered about as much as": _compare("same"),
        **_COMPARES,
    },
    "signed": _COMPARES,
    "probe": _COMPARES,
    "value": _COMPARES,
}

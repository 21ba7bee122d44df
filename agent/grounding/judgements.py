"""Judgement words as claims with stated thresholds: how strong an association is, how
confident the model is, "never / always / none / all".

A sentence that says "'age' is strongly associated with survival" or "the model is
confident" makes a claim as surely as one that states a number; here each such word is
read into a typed claim and checked against the fact it speaks of, by the thresholds in
:data:`STRENGTH` and :data:`CONFIDENCE` (one table, printed in ``docs/verify.md``). A
judgement word whose subject has no measure behind it is left *unread*, so the sentence
is unverifiable, never passed.

Thresholds (|value|; the lower edge of each level):

============  ==========  ======  ========  ======  ===================================
measure       negligible  weak    moderate  strong  convention
============  ==========  ======  ========  ======  ===================================
Cramér's V    0           0.10    0.30      0.50    Cohen (1988), df* = 1
r / rho       0           0.10    0.30      0.50    Cohen (1988)
eta squared   0           0.01    0.06      0.14    Cohen (1988), small/medium/large
AUC           0           0.60    0.70      0.80    Hosmer & Lemeshow (2000)
============  ==========  ======  ========  ======  ===================================

Confidence, by the probability the model gave its answer (a decision's option
probability; a free answer's geometric-mean token probability): *confident / sure /
certain* at 0.70 or more, *fairly / moderately / somewhat confident* from 0.50 to 0.70,
*unsure / uncertain / guessing / low confidence* below 0.50.
"""

from __future__ import annotations

from typing import Literal

from agent.grounding.claims import _Claim as ClaimBase
from agent.grounding.evidence import Evidence
from tools.base import Fact

Level = Literal["negligible", "weak", "moderate", "strong"]
LEVELS: tuple[Level, ...] = ("negligible", "weak", "moderate", "strong")

#: Lower edges of weak, moderate and strong, by measure (matched in the fact's quantity).
STRENGTH: dict[str, tuple[float, float, float]] = {
    "cramers_v": (0.10, 0.30, 0.50),
    "pearson_r": (0.10, 0.30, 0.50),
    "spearman": (0.10, 0.30, 0.50),
    "correlation": (0.10, 0.30, 0.50),
    "eta_squared": (0.01, 0.06, 0.14),
    "auc": (0.60, 0.70, 0.80),
}
#: Confidence levels: "confident" from CONFIDENT, "fairly confident" from FAIRLY.
CONFIDENT, FAIRLY = 0.70, 0.50

ConfidenceLevel = Literal["unsure", "fairly", "confident"]


def strength(f: Fact) -> Level | None:
    """The level of an association fact, or None when its quantity is no strength measure."""
    for key, (weak, moderate, strong) in STRENGTH.items():
        if f.quantity.endswith(key) or f.quantity.startswith(key):
            v = abs(f.value) if key != "auc" else max(f.value, 1 - f.value)
            return (
                "strong"
                if v >= strong
                else "moderate"
                if v >= moderate
                else "weak"
                if v >= weak
                else "negligible"
            )
    return None


def confidence_level(p: float) -> ConfidenceLevel:
    return "confident" if p >= CONFIDENT else "fairly" if p >= FAIRLY else "unsure"


def _fact_of(record: Evidence, subject: str, quantity: str) -> Fact | str:
    """The record's fact of ``subject`` and ``quantity``, or why there is none."""
    found = [f for f in record.facts if f.subject == subject and f.quantity == quantity]
    return found[0] if found else f"{record.id} has no {quantity} of {subject!r}"


class StrengthClaim(ClaimBase):
    """S's association (Q) is at ``level`` (``at_least`` for "associated with")."""

    kind: Literal["strength"] = "strength"
    subject: str
    quantity: str
    level: Level
    at_least: bool = False

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        f = _fact_of(record, self.subject, self.quantity)
        if isinstance(f, str):
            return f
        actual = strength(f)
        assert actual is not None
        rank = LEVELS.index
        truth = rank(actual) >= rank(self.level) if self.at_least else actual == self.level
        return truth, (
            f"{self.subject!r} has {self.quantity.replace('_', ' ')} {f.value:.3g}: "
            f"{actual} by the thresholds (docs/verify.md), not "
            f"{'at least ' * self.at_least}{self.level}"
        )

    def _text(self, record: Evidence) -> str:
        return f"'{self.subject}' is {'not ' * self.negated}{self.level}ly associated"


class ConfidenceClaim(ClaimBase):
    """The model's confidence in its answer is at ``level``."""

    kind: Literal["confidence"] = "confidence"
    subject: str
    quantity: str
    level: ConfidenceLevel

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        f = _fact_of(record, self.subject, self.quantity)
        if isinstance(f, str):
            return f
        actual = confidence_level(f.value)
        words = {"confident": "confident", "fairly": "fairly confident", "unsure": "unsure"}
        return actual == self.level, (
            f"the answer's {self.quantity.replace('_', ' ')} is {f.value:.2f}: "
            f"{words[actual]} by the thresholds (docs/verify.md), not {words[self.level]}"
        )

    def _text(self, record: Evidence) -> str:
        return f"the model is {'not ' * self.negated}{self.level}"


class ExtremeClaim(ClaimBase):
    """S's Q is at its bound: 0 ("never", "none") or 1 / the whole ("always", "all")."""

    kind: Literal["extreme"] = "extreme"
    subject: str
    quantity: str
    at: Literal["zero", "whole"]
    whole: float = 1.0

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        f = _fact_of(record, self.subject, self.quantity)
        if isinstance(f, str):
            return f
        target = 0.0 if self.at == "zero" else self.whole
        return abs(f.value - target) < 1e-9, (
            f"{self.subject!r} has {self.quantity.replace('_', ' ')} {f.value:.4g}, not "
            f"{'0' if self.at == 'zero' else f'{target:g} (all)'}"
        )

    def _text(self, record: Evidence) -> str:
        return f"'{self.subject}' has {self.quantity} {'0' if self.at == 'zero' else 'all'}"


class AnswerClaim(ClaimBase):
    """The model answered ``stated`` (the record's answer, or its answer after an edit)."""

    kind: Literal["answer"] = "answer"
    stated: str
    edited: bool = False
    original: bool = False

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        key = "edited_answer" if self.edited else "original_answer" if self.original else "answer"
        actual = record.data.get(key) or record.data.get("original_answer")
        if not isinstance(actual, str) or not actual.strip():
            return f"{record.id} has no {key.replace('_', ' ')}"
        same = _label(actual) == _label(self.stated)
        return same, f"the {key.replace('_', ' ')} is {actual.strip()!r}, not {self.stated!r}"

    def _text(self, record: Evidence) -> str:
        return f"the model {'did not answer' if self.negated else 'answered'} '{self.stated}'"


class Present(ClaimBase):
    """The sentence names only things the evidence contains ("'zebra' is in the input"):
    checked by the names check, which passed."""

    kind: Literal["present"] = "present"
    names: list[str]

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        return True, ""

    def _text(self, record: Evidence) -> str:
        return ", ".join(f"'{n}'" for n in self.names) + " occur in the evidence"


class GapClaim(ClaimBase):
    """S's Q differs from O's by ``stated`` ("25 percentage points more likely than",
    "higher by 0.3"); rates in points when ``percent``."""

    kind: Literal["gap"] = "gap"
    subject: str
    other: str
    quantity: str
    stated: float
    tolerance: float = 0.0
    percent: bool = False
    hedged: bool = False

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        pair = [
            next((f for f in record.facts if f.subject == s and f.quantity == self.quantity), None)
            for s in (self.subject, self.other)
        ]
        if pair[0] is None or pair[1] is None:
            return f"{record.id} has no {self.quantity} of both {self.subject!r} and {self.other!r}"
        gap = abs(pair[0].value - pair[1].value) * (100 if self.percent else 1)
        near = abs(gap - abs(self.stated)) <= self.tolerance + 1e-9
        near = near or (self.hedged and abs(gap - abs(self.stated)) <= 0.05 * gap)
        unit = " points" if self.percent else ""
        return (
            near,
            f"{self.subject!r} and {self.other!r} differ by {gap:.3g}{unit}, "
            f"not {abs(self.stated):g}",
        )

    def _text(self, record: Evidence) -> str:
        return f"'{self.subject}' and '{self.other}' differ by {self.stated:g}"


def _label(text: str) -> str:
    return text.strip().strip(".!'\"").casefold()


JudgementClaim = StrengthClaim | ConfidenceClaim | ExtremeClaim | AnswerClaim | GapClaim

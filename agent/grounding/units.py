"""How a fact's value reads: fractions (rates, probabilities, accuracies) as percents,
differences of fractions as percentage points, counts as integers, nats as nats."""

from __future__ import annotations

from agent.grounding.evidence import Evidence
from tools.base import Fact

_FRACTION_WORDS = ("rate", "probab", "accuracy", "fraction", "share", "proportion")
_POINTS_WORDS = ("difference",)


def is_fraction(fact: Fact) -> bool:
    """A share in [0, 1] (rates, probabilities, accuracies): shown as a percent."""
    q = fact.quantity.casefold()
    return not fact.unit and any(w in q for w in _FRACTION_WORDS) and -1 <= fact.value <= 1


def is_points(fact: Fact, record: Evidence) -> bool:
    """A difference of two fractions (shown in percentage points)."""
    if fact.unit or not any(w in fact.quantity for w in _POINTS_WORDS):
        return False
    return any(is_fraction(f) for f in record.facts if f.subject == fact.subject)


def show(fact: Fact, record: Evidence) -> str:
    """A fact's value as a person reads it."""
    v = fact.value
    if is_points(fact, record):
        return f"{v * 100:+.1f} percentage points"
    if is_fraction(fact):
        return f"{v * 100:.1f}%"
    if float(v).is_integer() and abs(v) < 1e15:
        return f"{int(v)}"
    text = f"{v:.3g}" if abs(v) >= 0.001 else f"{v:.2g}"
    return f"{text} {fact.unit}" if fact.unit else text


def words(quantity: str) -> str:
    return quantity.replace("_", " ")

"""How a fact's value reads: fractions (rates, probabilities, accuracies) as percents,
differences of fractions as percentage points, counts as integers, nats as nats."""

from __future__ import annotations

from agent.grounding.evidence import Evidence
from tools.base import Fact

#: Facts that restate others: occlusion's effects in probability terms (and the
#: probability they start from). The "why?" lead
#: reads them; on the narrator's menu and in code-written answers they would crowd out
#: other words' attributions.
DETAIL_ONLY = frozenset({"probability_without", "probability_difference", "explained_probability"})

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


def removal(record: Evidence, subject: str, points: float, rank: int) -> str | None:
    """A removal effect read as a person would: "Removing 'not' lowers the probability of
    the decision 'negative' the most: from 81.0% to 12.0% (69.0 percentage points)"."""
    found = {(f.subject, f.quantity): f for f in reversed(record.facts)}  # first one wins
    without, whole = (
        found.get((subject, "probability_without")),
        found.get(("answer", "explained_probability")),
    )
    if without is None or whole is None:
        return None
    what = str(record.data.get("target") or "the answer")
    verb = "lowers" if points >= 0 else "raises"
    most = {1: "the most", 2: "the second most", 3: "the third most"}.get(rank, f"#{rank}")
    return (
        f"Removing '{subject}' {verb} the probability of {what} {most}: from "
        f"{show(whole, record)} to {show(without, record)} "
        f"({abs(points) * 100:.1f} percentage points)"
    )

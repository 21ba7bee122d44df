"""Numbers as a reviewer compares them: the same measure said another way (rounded to
the digits written, hedged, in another unit, a range, a percentage or a time of day), and
whether two numbers are for the same measure at all (both years, the same kind of unit
with a word beside each in common, ordinals with ordinals). Used by the claim judges
(:mod:`tools.audit.judges`); the unit tables are :mod:`tools.audit.normalise`'s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tools.audit.align import stem
from tools.audit.normalise import (
    IN_BASE,
    UNITS,
    Quantity,
    in_celsius,
    is_content,
    is_number,
    percents,
    quantities,
    rate_unit,
    tokens,
)

CONVERTED = 0.03  # relative tolerance of a measure given in another unit
_PER = frozenset(["per", "par", "por", "pro"])

_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b(\d{1,2}):(\d{2})\b", re.I)


def _clock(m: re.Match[str]) -> str:
    """A time of day as hours (14.5 for "2:30 p.m." and "14:30"): one number, not two."""
    if m.group(4):
        hours, minutes = int(m.group(4)), int(m.group(5))
    else:
        hours, minutes = int(m.group(1)) % 12, int(m.group(2) or 0)
        hours += 12 if m.group(3).lower() == "p" else 0
    return f"{hours + minutes / 60:g} h"


@lru_cache(maxsize=65536)
def toks(text: str) -> tuple[str, ...]:
    """Tokens with percentages as fractions and times of day as hours."""
    return tuple(tokens(percents(_CLOCK.sub(_clock, text))))


def _base(q: Quantity, t: Sequence[str]) -> tuple[str, float] | None:
    """A measure in its family's base unit, a rate per second where one is written."""
    if not q.unit:
        return None
    family, unit = q.unit
    if family == "temperature":
        return "temperature", in_celsius(q)
    if unit not in IN_BASE:
        return None
    value = q.value * IN_BASE[unit]
    rate = rate_unit(list(t), q.at)
    if rate and family != "time":
        return f"{family}/time", value / IN_BASE[rate[1]]
    return family, value


def _significant(value: float) -> int:
    return len(f"{abs(value):.0f}".rstrip("0")) if float(value).is_integer() else 0


def same_number(q: Quantity, qt: Sequence[str], w: Quantity, wt: Sequence[str],
                hedged: bool) -> bool:  # fmt: skip
    """The claim's number says the reference's: equal (in the same unit), rounded to the
    digits written, or the same measure in another unit (to 3%)."""
    a, b = _base(q, qt), _base(w, wt)
    if a and b and a[0] == b[0] and q.unit != w.unit:
        return abs(a[1] - b[1]) <= CONVERTED * abs(b[1])
    if q.value == w.value:
        return True
    if _is_year(q) or _is_year(w):
        return False  # a year is never rounded ("1950" is not 1948)
    if 0 < q.decimals < w.decimals and round(w.value, q.decimals) == q.value:
        return True
    sig = _significant(q.value)
    if q.decimals == 0 and sig and (hedged or _significant(w.value) > sig):
        scale = 10 ** (len(f"{abs(q.value):.0f}") - sig)  # "8 million" for 8,336,817
        if scale > 1 and round(w.value / scale) * scale == q.value:
            return True
    return False


def measures(t: Sequence[str]) -> list[Quantity]:
    """The numbers of a token list; the first of a range takes the unit written after the
    second ("310 to 340 miles", "500-550 km")."""
    out = [
        Quantity(q.value, q.decimals, None, q.at)
        if q.unit and q.at + 1 < len(t) and t[q.at + 1] in _PER
        else q
        for q in quantities(list(t))
    ]  # "3 per week" counts per week: no unit of its own
    for i, q in enumerate(out[:-1]):
        nxt = out[i + 1]
        gap = t[q.at + 1 : nxt.at]
        if q.unit is None and nxt.unit and (not gap or list(gap) in (["to"], ["and"], ["or"])):
            out[i] = Quantity(q.value, q.decimals, nxt.unit, q.at)
    return out


def _is_year(q: Quantity) -> bool:
    return q.unit is None and q.decimals == 0 and 1000 <= q.value <= 2100


def _ordinal(q: Quantity, t: Sequence[str]) -> bool:
    return q.at + 1 < len(t) and t[q.at + 1] in ("st", "nd", "rd", "th")


def _near(q: Quantity, t: Sequence[str], span: int = 3) -> set[str]:
    around = [*t[max(0, q.at - span) : q.at], *t[q.at + 1 : q.at + 1 + span]]
    return {stem(x) for x in around if is_content(x) and not is_number(x) and x not in UNITS}


def same_slot(q: Quantity, qt: Sequence[str], w: Quantity, wt: Sequence[str]) -> bool:
    """Two numbers for the same measure: both years, or of the same kind of unit (or
    none) with a word beside each that is the same ("6 moons" and "4 moons", "8,849
    metres above sea level" and "8,848 metres above"; not "aged 49 years" and "22 years
    of experience")."""
    if _is_year(q) or _is_year(w):
        return _is_year(q) and _is_year(w)
    if _ordinal(q, qt) != _ordinal(w, wt):
        return False  # "the first picture" is no count of pictures
    if (q.unit or w.unit) and not (q.unit and w.unit and q.unit[0] == w.unit[0]):
        return False
    return bool(_near(q, qt) & _near(w, wt))


DERIVED = 1e-6  # relative: a number computed from two others is that number


def _values(q: Quantity) -> list[float]:
    """A number as written and, for a time, in hours and in minutes ("30 minutes" is 0.5
    hours: "16:30" is 17:00 less 30 minutes)."""
    out = [q.value]
    if q.unit and q.unit[0] == "time" and q.unit[1] in IN_BASE:
        seconds = q.value * IN_BASE[q.unit[1]]
        out += [seconds / 3600, seconds / 60]
    return out


def derived(
    q: Quantity, claim: Sequence[Quantity], reference: Sequence[tuple[Quantity, object]]
) -> bool:
    """The claim's number is the sum, difference, product or quotient of two numbers the
    claim or the reference states ("six tablets of 200 mg" is 1,200 mg a day; last entry
    at 16:30 for closing at 17:00 and last entry 30 minutes before): a computation the
    judge cannot check, so it abstains rather than calling the number unsupported."""
    if _is_year(q):
        return False  # a year is stated, not computed
    pool = sorted({v for m in [*claim, *(w for w, _ in reference)] for v in _values(m)})
    target = q.value
    if len(pool) > 60:  # a long passage: pairs of its numbers would explain any number
        return False
    for i, a in enumerate(pool):
        for b in pool[i:]:
            for v in (a + b, abs(a - b), a * b, a / b if b else 0.0, b / a if a else 0.0):
                if v and abs(v - target) <= DERIVED * max(1.0, abs(target)):
                    return True
    return False

"""Numbers that belong to more than the nearest subject: paired by order ("7.3 words
against 6.9", "respectively"), the gap of two subjects ("25 percentage points more likely",
"a 23.8-point gap"), every group of a column ("each team contributed 80 items"), a
what-if's effect on the original answer ("lost 4.7 nats"), and bounds ("under 0.30").
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Literal

from agent.grounding import claims as C
from agent.grounding import signals as S
from agent.grounding.evidence import Evidence
from agent.grounding.judgements import GapClaim
from agent.grounding.mentions import GENERIC, Mention, hint
from agent.grounding.units import is_fraction
from tools.base import Fact

if TYPE_CHECKING:
    from agent.grounding.reading import Reading


_VERSUS = re.compile(
    r"\s*(?:%|percent|percentage points?|points?|pp|words?|nats?|items?|rows?)?\s*,?\s*"
    r"(?:against|vs\.?|versus|compared (?:with|to)|as against)\s*"
    r"(?:about |roughly |around |nearly |~)?",
    re.I,
)


def paired(text: str, ms: list[Mention]) -> dict[int, Mention]:
    """Numbers given to subjects by order, not nearness: "beta's outputs are longer than
    alpha's, at 7.3 words against 6.9" (7.3 is beta's), "south and north refuse 32.5% and
    8.8% respectively". Returns the subject of each such number, by its position."""
    named = [x for x in ms if x.subject.casefold() not in GENERIC]
    nums = [m for m in S.NUM.finditer(text) if not any(x.start <= m.start() < x.end for x in ms)]
    out: dict[int, Mention] = {}

    def order(before: int) -> list[Mention]:
        seen: dict[str, Mention] = {}
        for x in named:
            if x.end <= before:
                seen.setdefault(x.subject, x)
        return list(seen.values())

    for a, b in itertools.pairwise(nums):
        if not _VERSUS.fullmatch(text[a.end() : b.start()]):
            continue
        if any(a.end() <= x.start < b.start() for x in named):
            continue  # "7.3 for beta against 6.9 for alpha": nearness is right
        if re.match(r"\s*%?\s*(?:\w+\s+)?(?:for|of|in|among|at)\s", text[b.end() :]):
            continue
        subjects = order(a.start())
        if len(subjects) >= 2:
            out[a.start()], out[b.start()] = subjects[-2], subjects[-1]
    tail = re.search(r"\brespectively\b", text, re.I)
    if tail:
        listed = [m for m in nums if m.end() <= tail.start()]
        if listed:
            subjects = order(listed[0].start())
            k = min(len(listed), len(subjects))
            if k >= 2 and len(listed) == len(subjects):
                for m, x in zip(listed, subjects, strict=True):
                    out[m.start()] = x
    return out


POINTS = re.compile(r"\s*(?:percentage points?|points?|pp)\b", re.I)


def gap(
    out: Reading, text: str, m: re.Match[str], stated: float, tol: float, hedged: bool,
    ms: list[Mention],
) -> bool:  # fmt: skip
    """A number that is the gap of a comparison just read ("'No' is 25 percentage points
    more likely than 'Yes'", "higher by 0.3"): a gap claim on the compared pair."""
    compares = [c for c in out.claims if isinstance(c, C.CompareClaim) and c.ratio is None]
    points = bool(POINTS.match(m.group("pct") or ""))
    if not compares:
        return _named_gap(out, text, m, stated, tol, hedged, ms)

    by = re.search(
        r"\b(?:by|gap of|difference of|margin of)\s*(?:about |roughly |around |~)?$",
        text[: m.start()],
        re.I,
    )
    if not (points or by):
        return False
    c = compares[-1]
    out.claims.append(
        GapClaim(
            evidence=c.evidence,
            subject=c.subject,
            other=c.other,
            quantity=c.quantity,
            stated=stated,
            tolerance=tol,
            percent=points or bool(m.group("pct")),
            hedged=hedged,
        )
    )
    return True


_CHANGE_BY = re.compile(
    r"\b(?:lost|loses|fell|falls|dropped|drops|declined|rose|rises|gained|gains|went (?:up|down)|"
    r"less likely|more likely|by)\b",
    re.I,
)


def edit_effect(
    who: Mention, records: list[Evidence], text: str, m: re.Match[str]
) -> tuple[Fact, int] | None:
    """A number about the original answer of a what-if, phrased as the edit's effect
    ("lost 4.7 nats", "fell by 0.16": the log-probability change, its sign from the verb)
    or as where it ends ("after the edit it sits at -19.9": the log-probability after)."""
    if who.subject.casefold() not in ("original answer", "answer"):
        return None
    edits = [r for r in records if any(f.quantity == "answer_changed" for f in r.facts)]
    if not edits:
        return None
    facts = {f.quantity: f for f in edits[0].facts if f.quantity != "answer_changed"}
    clause = text[max(0, m.start() - 60) : m.end() + 40]
    if _CHANGE_BY.search(clause) and "log_prob_change" in facts:
        up = re.search(r"\b(?:rose|rises|gained|gains|went up|more likely)\b", clause, re.I)
        return facts["log_prob_change"], 1 if up else -1
    if re.search(r"\bafter\b|\bunder the edit\b|\bnow\b", clause, re.I):
        after = facts.get("log_prob_of_original_answer")
        return (after, 0) if after is not None else None
    return None


_UNDER = re.compile(
    r"\b(?:under|below|less than|lower than|at most|no more than|smaller than)\s*$|<\s*$", re.I
)
_OVER = re.compile(
    r"\b(?:over|above|more than|greater than|higher than|at least|no less than)\s*$|>\s*$", re.I
)


def bound(before: str) -> Literal["eq", "le", "ge"]:
    """ "p is under 0.30": a bound on the value, not the value."""
    if _UNDER.search(before):
        return "le"
    return "ge" if _OVER.search(before) else "eq"


_GAP_WORD = re.compile(r"\b(?:gap|difference|spread|apart)\b", re.I)


def _named_gap(
    out: Reading, text: str, m: re.Match[str], stated: float, tol: float, hedged: bool,
    ms: list[Mention],
) -> bool:  # fmt: skip
    """ "South vs north: a 23.8-point gap in refusal rate": the gap of the two subjects the
    sentence names, in the quantity it names."""
    if not _GAP_WORD.search(text[m.end() : m.end() + 30]) and not _GAP_WORD.search(
        text[max(0, m.start() - 20) : m.start()]
    ):
        return False
    pair = list({x.subject: x for x in ms if x.subject.casefold() not in GENERIC}.values())
    if len(pair) != 2 or pair[0].record is not pair[1].record:
        return False
    r = pair[0].record
    q = hint(text, r)
    shared = [f.quantity for f in r.facts if f.subject == pair[0].subject] if q is None else [q]
    both = [k for k in shared if any(f.subject == pair[1].subject and f.quantity == k
                                     for f in r.facts)]  # fmt: skip
    if not both:
        return False
    fact = next(f for f in r.facts if f.subject == pair[0].subject and f.quantity == both[0])
    out.claims.append(
        GapClaim(evidence=r.id, subject=pair[0].subject, other=pair[1].subject,
                 quantity=both[0], stated=stated, tolerance=tol,
                 percent=is_fraction(fact), hedged=hedged)
    )  # fmt: skip
    return True


_EVERY = re.compile(
    r"\b(?:each|every|all(?: the)?|both)\s+(?:of the\s+)?"
    r"(?:(?:\d+|#+|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?P<col>[^\W\d_]+?)s?\b"
    r"(?P<rest>[^.;]*)$",
    re.I,
)


def every_group(
    out: Reading, text: str, m: re.Match[str], records: list[Evidence], stated: float,
    tol: float, pct: bool, hedged: bool,
) -> bool:  # fmt: skip
    """A number said of every group of a column ("each team contributed 80 items", "all
    three teams refuse under 40%"): a value claim on each group, in the quantity named."""
    clause = _EVERY.search(text[: m.start()])
    if clause is None:
        return False
    col = clause.group("col").casefold()
    for r in records:
        groups = sorted({f.subject for f in r.facts
                         if f.subject.casefold().startswith(col + " = ")})  # fmt: skip
        if len(groups) < 2:
            continue
        q = hint(text[clause.start() : m.end() + 20], r)
        if q is None or not all(any(f.subject == g and f.quantity == q for f in r.facts)
                                for g in groups):  # fmt: skip
            return False
        fact = next(f for f in r.facts if f.subject == groups[0] and f.quantity == q)
        said_bound = bound(text[: m.start()])
        for g in groups:
            out.claims.append(C.ValueClaim(evidence=r.id, subject=g, quantity=q, stated=stated,
                                           tolerance=tol, percent=pct and is_fraction(fact),
                                           hedged=hedged, bound=said_bound))  # fmt: skip
        return True
    return False

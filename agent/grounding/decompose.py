"""Prose mode's second reader: a sentence the code reader could not fully read is
decomposed into typed claims by the LLM, and code decides.

The code reader (:mod:`agent.grounding.reading`) stays the first judge: a sentence with a
claim it read and found false is never rescued. Only a sentence whose sole problems are
signals the reader could not attach ("could not check ...", "could not read a claim ...",
"could not attach the negation ...") is *eligible*. For it, the LLM returns picks from the
menu of the cited records (:class:`agent.grounding.selection.Menu`), each possibly
negated; code then requires that

* every pick is on the menu and holds against the facts, and
* the picks *cover* every claim signal of the sentence: each number matches a value of a
  picked fact (as written, or as a percent of a fraction), each quoted subject is a
  picked subject, and each kind of word (direction, no effect, rank, comparison, ratio,
  change, significance, negation) has a pick of a kind that states it.

A sentence that passes is supported "as decomposed"; otherwise it stays unsupported with
the reasons. The regular expressions only detect signals here; they never judge.
"""

from __future__ import annotations

import re
from typing import Any

from agent.grounding import claims as C
from agent.grounding import signals as S
from agent.grounding.evidence import Ledger
from agent.grounding.selection import Menu
from agent.grounding.verify import SentenceCheck, bare_prose, named_subjects, numbers

_ELIGIBLE = ("could not check", "could not read a claim", "could not attach the negation")


def eligible(check: SentenceCheck, ledger: Ledger) -> bool:
    """Whether the LLM may decompose this sentence: it cites given evidence and its only
    problems are signals the code reader left unread."""
    return (
        check.verdict == "unsupported"
        and bool(check.citations)
        and all(e in ledger for e in check.citations)
        and bool(check.reasons)
        and all(r.startswith(_ELIGIBLE) for r in check.reasons)
    )


def menu_for(check: SentenceCheck, ledger: Ledger) -> Menu:
    """The facts of the records the sentence cites, for the LLM to decompose it into."""
    return Menu(Ledger([ledger.get(e) for e in dict.fromkeys(check.citations)]))


def judge(check: SentenceCheck, picks: list[dict[str, Any]], menu: Menu) -> SentenceCheck:
    """The verdict on a sentence from the LLM's decomposition, decided by code."""
    claims: list[C.Claim] = []
    reasons: list[str] = []
    for pick in picks:
        made = menu.claim(pick)
        if isinstance(made, str):
            reasons.append(made)
            continue
        claims.append(made)
        verdict = made.verdict(menu.ledger)
        if not verdict.holds:
            reasons.append(verdict.reason)
    if not claims:
        reasons.append("the decomposition found no claim the facts can check")
    reasons += uncovered(check.text, claims, menu)
    return check.model_copy(
        update={
            "verdict": "unsupported" if reasons else "supported",
            "reasons": reasons or ["read by the LLM into claims; each checked by code"],
            "claims": [c.model_dump(mode="json") for c in claims],
        }
    )


def _subjects(claim: C.Claim) -> list[str]:
    return [
        str(v)
        for k in ("subject", "other", "edit")
        if isinstance(v := getattr(claim, k, None), str)
    ]


def _values(claims: list[C.Claim], menu: Menu) -> list[float]:
    """Every number a reader may see for the picked facts: the value, its percent, its
    magnitude; for a comparison, the other's value and the ratio; for a threshold, the
    layer."""
    out: list[float] = []
    for claim in claims:
        record = menu.ledger.get(claim.evidence)
        names = {s.casefold() for s in _subjects(claim)}
        for f in record.facts:
            if f.subject.casefold() in names:
                out += [f.value, abs(f.value), f.value * 100, abs(f.value) * 100]
        if isinstance(claim, C.ThresholdClaim):
            out.append(float(claim.layer))
        if isinstance(claim, C.RankClaim):
            out.append(float(claim.rank))
    return out


def _kinds(prose: str) -> dict[str, str]:
    """The kinds of claim word in the sentence (without quoted words and citations). A
    phrase counts once, for its first kind: "more than any other" is a rank, and its
    "than" is no comparison."""
    found: dict[str, str] = {}
    for kind, pattern in (
        ("ratio", S.RATIO),
        ("rank", S.TOP),
        ("rank", S.BOTTOM),
        ("rank", S.ORDINAL),
        ("none", S.NONE),
        ("up", S.UP),
        ("down", S.DOWN),
        ("compare", S.THAN),
        ("compare", S.SAME),
        ("change", S.CHANGED),
        ("change", S.KEPT),
        ("significance", S.SIGNIF),
        ("negation", S.NEG),
    ):
        m = pattern.search(prose)
        if m and kind not in found:
            found[kind] = m.group(0)
        prose = pattern.sub(lambda z: " " * len(z.group()), prose)
    return found


def _states(kind: str, claim: C.Claim) -> bool:
    """Whether ``claim`` is of a kind that states a word of ``kind``."""
    if kind == "up":
        return isinstance(claim, C.SignClaim | C.RankClaim | C.CompareClaim | C.ChangeClaim)
    if kind == "down":
        return isinstance(claim, C.SignClaim | C.RankClaim | C.CompareClaim)
    if kind == "none":
        return (isinstance(claim, C.SignClaim) and claim.direction == "none") or (
            isinstance(claim, C.ChangeClaim) and not claim.changed
        )
    if kind == "negation":
        return (
            claim.negated
            or (isinstance(claim, C.SignClaim) and claim.direction in ("none", "down"))
            or (isinstance(claim, C.ChangeClaim) and not claim.changed)
            or (isinstance(claim, C.SignificanceClaim) and claim.negated)
        )
    kinds: dict[str, Any] = {
        "rank": C.RankClaim,
        "compare": C.CompareClaim,
        "change": C.ChangeClaim,
        "significance": C.SignificanceClaim,
    }
    if kind == "ratio":  # a pick states no ratio: a stated ratio is never covered
        return False
    return isinstance(claim, kinds[kind])


def uncovered(sentence: str, claims: list[C.Claim], menu: Menu) -> list[str]:
    """The sentence's claim signals that no checked claim accounts for."""
    out: list[str] = []
    values = _values(claims, menu)
    for value, tolerance, _, _ in numbers(sentence):
        if not any(abs(v - value) <= tolerance + 1e-9 for v in values):
            out.append(f"states {value:g}, which no checked claim has")
    picked = {s.casefold() for c in claims for s in _subjects(c)}
    for subject in named_subjects(sentence):
        s = subject.casefold()
        if s.startswith("layer ") and any(isinstance(c, C.ThresholdClaim) for c in claims):
            continue
        if not any(s == p or f"'{s}'" in p for p in picked):
            out.append(f"names {subject!r}, which no checked claim is about")
    prose = re.sub(r"\blayers?\s+\d+\b", " ", bare_prose(sentence), flags=re.I)
    for kind, word in _kinds(prose).items():
        if not any(_states(kind, c) for c in claims):
            out.append(f"says {word!r}, which no checked claim states")
    return out

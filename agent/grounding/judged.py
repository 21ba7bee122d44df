"""Reading judgement words into the claims of :mod:`agent.grounding.judgements`: "strongly
associated", "the model is confident", "north is never refused", "the model answered
'No'". Regular expressions detect the words; the subject each speaks of is the one its
clause names (:mod:`agent.grounding.mentions`); a word with no measure behind it is
returned unread, so the sentence is unverifiable.
"""

from __future__ import annotations

import re

from agent.grounding.claims import ValueClaim
from agent.grounding.evidence import Evidence
from agent.grounding.judgements import (
    AnswerClaim,
    ConfidenceClaim,
    ConfidenceLevel,
    ExtremeClaim,
    JudgementClaim,
    Level,
    StrengthClaim,
    strength,
)
from agent.grounding.mentions import Mention, negated
from tools.base import Fact

_STRONG = (
    r"strong(?:ly)?|large(?:ly)?|substantial(?:ly)?|high(?:ly)?|tight(?:ly)?|very|"
    r"(?:almost |nearly |near-?)?perfect(?:ly)?"
)
_MODERATE = r"moderate(?:ly)?|medium|fair(?:ly)?|reasonabl[ey]|modest(?:ly)?"
_WEAK = r"weak(?:ly)?|small|slight(?:ly)?|mild(?:ly)?|loose(?:ly)?|low"
_NEGLIGIBLE = r"negligibl[ey]|barely|hardly|little(?: to no| or no)?|no real"
_ASSOC = (
    r"associat\w*|correlat\w*|relat\w*|relationship|link\w*|tied|connect\w*|dependen\w*|"
    r"predict\w*|driver|effect|association"
)
STRENGTH_WORDS = re.compile(
    rf"\b(?P<level>{_STRONG}|{_MODERATE}|{_WEAK}|{_NEGLIGIBLE})\s+(?:\w+\s+)?(?P<noun>{_ASSOC})\b"
    rf"|\b(?P<none>unrelated|uncorrelated|independent of|no (?:real )?(?:association|"
    rf"relationship|link|correlation))\b"
    rf"|\b(?P<bare>associated with|related to|correlated with|linked to|tied to|"
    rf"depends? on|depended on|varies with|vary with)\b",
    re.I,
)
CONFIDENCE_WORDS = re.compile(
    r"(?<!how )(?<!whether )\b(?P<mod>(?:very|highly|quite|fairly|moderately|somewhat|"
    r"reasonably|only|not|n't|rather|pretty)\s+)?"
    r"(?P<word>confident(?:ly)?|sure|certain(?:ty)?|unsure|uncertain(?:ty)?|hesitant|"
    r"guessing|guessed|guesses|low confidence|high confidence|confidence is (?:high|low)|"
    r"with (?:high |great |full |little |low )?confidence)\b",
    re.I,
)
EXTREME_WORDS = re.compile(
    r"\b(?P<zero>never|none of|no one|nobody)\b"
    r"|\b(?P<whole>always|all(?: of)?(?: the)? (?:items|outputs|answers|responses|rows))\b",
    re.I,
)
#: Words that judge without a number; a sentence with one that no claim read is unverifiable.
JUDGE = re.compile(
    r"(?<!how )(?<!whether )\b(associated|correlated|related|linked|connected|dependent|unrelated|"
    r"uncorrelated|independent of|confident(?:ly)?|sure|certain(?:ly)?|unsure|uncertain|"
    r"hesitant|guessing|guessed|never|always|reliabl[ey]|robust(?:ly)?|accurate(?:ly)?)\b",
    re.I,
)


def judges(prose: str) -> bool:
    """Whether the prose holds a judgement word any reader here reads (strength,
    confidence, never/always/none) or that no measure backs."""
    return any(p.search(prose) for p in (JUDGE, STRENGTH_WORDS, CONFIDENCE_WORDS, _NONE_OF))


_NONE_OF = re.compile(r"\b(?:none of|no one|nobody|every one of|all of the)\b", re.I)


def _level(word: str) -> Level:
    w = word.casefold()
    for level, pattern in (("strong", _STRONG), ("moderate", _MODERATE), ("weak", _WEAK)):
        if re.fullmatch(pattern, w):
            return level  # type: ignore[return-value]
    return "negligible"


def read_judgements(
    text: str, ms: list[Mention], records: list[Evidence], raw: str | None = None
) -> tuple[list[JudgementClaim | ValueClaim], list[str], list[tuple[int, int]]]:
    """The judgement claims of a sentence (``text``: its prose, subjects and quoted labels
    blanked; ``raw``: as written, same positions), the judgement words it could not tie
    to a measure, and the spans read (so other readers do not read them again)."""
    claims: list[JudgementClaim | ValueClaim] = []
    unread: list[str] = []
    spans: list[tuple[int, int]] = []
    measured = [
        (x, f)
        for x in ms
        for f in x.record.facts
        if f.subject == x.subject and strength(f) is not None
    ]
    for m in STRENGTH_WORDS.finditer(text):
        signed = any(
            f.quantity in ("attribution", "log_prob_change") and f.subject == x.subject
            for x in ms
            for f in x.record.facts
        )
        if m.group("level") and m.group("noun").casefold().startswith("effect") and signed:
            continue  # "a small effect" of a word: the attribution reader's
        facts = _closest(measured, m.start(), text)
        if not facts:
            unread.append(f"the judgement {m.group(0)!r}, which no association measure backs")
            continue
        neg = negated(text, m.start())
        if m.group("none"):
            level: Level = "negligible"
            at_least = False
        elif m.group("bare"):
            level, at_least = "weak", True
        else:
            level, at_least = _level(m.group("level")), False
        for x, f in facts:
            claims.append(
                StrengthClaim(
                    evidence=x.record.id,
                    subject=f.subject,
                    quantity=f.quantity,
                    level=level,
                    at_least=at_least,
                    negated=neg,
                )
            )
        spans.append((m.start(), m.end()))
    conf = [r for r in records if r.tool == "confidence"]
    for m in CONFIDENCE_WORDS.finditer(text):
        if not conf:
            unread.append(f"the judgement {m.group(0).strip()!r}, which no confidence record backs")
            continue
        fact = _answer_probability(conf[0])
        if fact is None:
            unread.append(f"the judgement {m.group(0).strip()!r}: no answer probability")
            continue
        word, mod = m.group("word").casefold(), (m.group("mod") or "").strip().casefold()
        low = word.startswith(("unsure", "uncertain", "hesitant", "guess", "doubt", "low"))
        low = low or word == "confidence is low" or bool(re.search(r"\b(?:little|low)\b", word))
        clevel: ConfidenceLevel = (
            "unsure"
            if low
            else "fairly"
            if mod in ("fairly", "moderately", "somewhat", "reasonably", "rather", "pretty")
            else "confident"
        )
        neg = (mod in ("not", "n't", "only") and not low) or negated(text, m.start())
        if mod == "only" and clevel == "confident":
            neg = True
        claims.append(
            ConfidenceClaim(
                evidence=conf[0].id,
                subject=fact.subject,
                quantity=fact.quantity,
                level=clevel,
                negated=neg,
            )
        )
        spans.append((m.start(), m.end()))
    answered = [r for r in records if isinstance(r.data.get("answer"), str)]
    for m in _ANSWERED.finditer(raw or text):
        known = {f.subject.casefold() for r in records for f in r.facts}
        said = m.group("label").strip(" .").casefold()
        answers = {
            str(r.data.get(k) or "").strip(" .").casefold()
            for r in records
            for k in ("answer", "original_answer", "edited_answer")
        }
        if said in known and said not in answers:
            continue  # "… the answer is 'good'": a word the facts are about, not an answer
        if answered and not any(isinstance(c, AnswerClaim) for c in claims):
            r = answered[0]
            claims.append(
                AnswerClaim(
                    evidence=r.id, stated=m.group("label"), negated=negated(text, m.start())
                )
            )
            spans.append((m.start(), m.end()))
    for m in _PERFECT.finditer(text):  # "layer 14 separates them perfectly": accuracy 1
        if any(m.start() < b and a < m.end() for a, b in spans):
            continue
        near = [x for x in ms if any(f.subject == x.subject and "accuracy" in f.quantity
                                     for f in x.record.facts)]  # fmt: skip
        for x in {x.subject: x for x in near}.values():
            q = next(f.quantity for f in x.record.facts
                     if f.subject == x.subject and "accuracy" in f.quantity)  # fmt: skip
            claims.append(ValueClaim(evidence=x.record.id, subject=x.subject, quantity=q,
                                     stated=1.0, tolerance=0.0005))  # fmt: skip
        if near:
            spans.append((m.start(), m.end()))
    for m in EXTREME_WORDS.finditer(text):
        claim = _extreme(m, text, ms)
        if claim is not None:
            claims.append(claim)
            spans.append((m.start(), m.end()))
        elif m.group(0).casefold() in ("never", "always"):
            unread.append(f"{m.group(0)!r}, which no rate or count was read for")
    return claims, unread, spans


def _closest(
    measured: list[tuple[Mention, Fact]], at: int, text: str
) -> list[tuple[Mention, Fact]]:
    """The association facts the judgement at ``at`` speaks of: those of the subjects named
    in its clause, narrowed by a measure's name in the sentence ("refusal" for
    refusal_rate_cramers_v)."""
    clause = [
        (x, f)
        for x, f in measured
        if not re.search(r"[;.]", text[min(x.end, at) : max(x.start, at)])
    ]
    if not clause:
        return []
    low = _clause_at(text, at).casefold()
    named = [(x, f) for x, f in clause if f.quantity.split("_")[0] in low]
    pool = named or clause
    subjects = {x.subject for x, _ in pool}
    if not named and any(
        len({f.quantity for x, f in pool if x.subject == s}) > 1 for s in subjects
    ):
        levels = {strength(f) for _, f in pool}
        if len(levels) > 1:
            return []  # several measures disagree and the sentence names none of them
    seen: dict[tuple[str, str], tuple[Mention, Fact]] = {}
    for x, f in pool:
        seen.setdefault((f.subject, f.quantity), (x, f))
    return list(seen.values())


def _clause_at(text: str, at: int) -> str:
    """The clause of ``text`` around position ``at``."""
    cuts = [0, *(m.end() for m in _CUT.finditer(text)), len(text)]
    start = max(c for c in cuts if c <= at)
    return text[start : min(c for c in cuts if c > at)]


_CUT = re.compile(r"[;.]|,\s*(?:and|but|while|whereas)\b|\b(?:but|while|whereas)\b")


def _answer_probability(record: Evidence) -> Fact | None:
    answer = str(record.data.get("answer") or "").strip().strip(".")
    decided = record.data.get("decision") or record.data.get("options")
    if decided:
        for f in record.facts:
            if f.quantity == "probability" and f.subject.casefold() == answer.casefold():
                return f
    return next((f for f in record.facts if f.quantity == "mean_token_probability"), None)


_PERFECT = re.compile(r"\bperfect(?:ly)?\b|\b(?:gets|got|get) everything right\b", re.I)
_ANSWERED = re.compile(
    r"\b(?P<which>original |new |edited )?(?:answered(?: with)?|answers|says|said|"
    r"predict(?:s|ed)|outputs|output(?:ted)?|chose|replie[sd]|respond(?:s|ed)|"
    r"answer (?:is|was|of))\s+['\"‘“](?P<label>[^'\"’”\n]{1,40})['\"’”]",
    re.I,
)
_RATE = re.compile(r"refus\w*|flag\w*|declin\w*", re.I)


def _extreme(m: re.Match[str], text: str, ms: list[Mention]) -> ExtremeClaim | None:
    """ "North is never refused" (its refusal rate is 0), "none of the items were flagged"
    (the flagged count is 0), "all items were flagged" (flagged = items)."""
    clause = re.split(r"[;.]|\b(?:but|while|whereas)\b", text[m.end() :])[0]
    before = re.split(r"[;.]|\b(?:but|while|whereas)\b", text[: m.start()])[-1]
    verb = _RATE.search(clause) or _RATE.search(before)
    if verb is None:
        return None
    stem = verb.group(0).casefold()[:4]
    near = [x for x in ms if text[: m.start()].rfind(before) <= x.start <= m.end() + len(clause)]
    for x in near or ms:
        facts = {f.quantity: f for f in x.record.facts if f.subject == x.subject}
        rate = next((q for q in facts if q.startswith(stem) and "rate" in q), None)
        if rate is not None:
            return ExtremeClaim(
                evidence=x.record.id,
                subject=x.subject,
                quantity=rate,
                at="zero" if m.group("zero") else "whole",
            )
        if stem == "flag" and "flagged" in facts:
            whole = facts.get("count") or facts.get("items")
            return ExtremeClaim(
                evidence=x.record.id,
                subject=x.subject,
                quantity="flagged",
                at="zero" if m.group("zero") else "whole",
                whole=whole.value if whole else 1.0,
            )
    return None

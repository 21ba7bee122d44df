"""Does an output agree with its reference? Graded the way a careful reviewer grades.

* **The prompt is context, not a claim.** "95 times 18 is 1710." states 1710; 95 and 18
  restate the question. Numbers and words the prompt already holds are never counted
  against the output (when the output states no number of its own, its numbers are its
  claims: "What is 5 - 0?" → "5").
* **Surface form does not count**: case, accents, articles, punctuation, number words,
  thousands separators (:mod:`tools.audit.normalise`); any of several references agrees.
* **Numbers**: an output agrees when a number it claims equals the reference's, or is the
  reference rounded to the digits written ("3.14" for 3.14159), or — when it hedges
  ("about", "roughly") — lies within 1% of it; a different unit of the same kind (per
  hour for per second) disagrees; °F is converted for a °C reference.
* **Words**: the reference (or a spelling one letter away for names of 5+ letters, "Tokio")
  occurs in the output, not negated ("is not Rome" disagrees; "Rome (not Milan)" agrees).
* **Long references** (a sentence or more) are not graded here: the output is split into
  claims and each judged against the sentences it speaks about (:mod:`tools.audit.reference`).
Each :class:`Grade` says what was compared with what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.audit import polarity
from tools.audit.normalise import (
    PART,
    Quantity,
    fold,
    fractions,
    in_celsius,
    is_number,
    key_terms,
    percents,
    quantities,
    rate_unit,
    same_word,
    tokens,
)
from tools.decision import options_in

HEDGED_TOLERANCE = 0.01  # relative: "about 300,000 km/s" for 299,792 (0.07% off)
_APPROX = re.compile(
    r"\b(about|around|roughly|approximately|approx|nearly|almost|circa|close to|some|"
    r"environ|aproximadamente|unos|unas|etwa|ungefähr|rund)\b|~|≈",
    re.I,
)
_NEGATION = frozenset(
    [
        "not",
        "no",
        "never",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "doesnt",
        "dont",
        "didnt",
        "cannot",
        "cant",
        "nor",
        "neither",
        "pas",
        "jamais",
        "nunca",
        "nicht",
        "kein",
        "keine",
    ]
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]]|\b(but|however|although|while|whereas|mais|pero|aber)\b", re.I
)
LONG_REFERENCE_WORDS = 12  # a reference this long is read claim by claim, not here


@dataclass
class Grade:
    agrees: bool
    compared: str = ""  # what was compared with what
    reason: str = ""
    sentence: str | None = None  # the sentence that disagrees (long outputs)
    checked: list[str] = field(default_factory=list)


def grade(prompt: str, output: str, references: list[str]) -> Grade:
    """The output against each short reference answer: the first that agrees, else the
    closest miss. A reference of a sentence or more is read claim by claim instead
    (:func:`tools.audit.reference.check`)."""
    if not output.strip():
        return Grade(False, "an empty output", "the output is empty")
    if any(len(tokens(r)) >= LONG_REFERENCE_WORDS for r in references):
        raise ValueError("grade() takes short answers; use tools.audit.reference.check for "
                         "a reference of a sentence or more")  # fmt: skip
    misses = []
    for ref in references:
        if not ref.strip():
            continue
        g = _one(prompt, output, ref)
        if g.agrees:
            return g
        misses.append(g)
    if not misses:
        return Grade(True, "no usable reference", "nothing to compare with")
    return next((g for g in misses if g.sentence), misses[0])


def _one(prompt: str, output: str, ref: str) -> Grade:
    if (yes_no := polarity.check(prompt, output, ref)) is not None:
        return Grade(*yes_no)
    ref_toks = tokens(ref)
    words = [t for t in ref_toks if not is_number(t)]
    if any(is_number(t) for t in ref_toks) and len(words) <= 3:
        return _numeric(prompt, output, ref)
    return _words(prompt, output, ref)


# ----------------------------------------------------------------------------- numbers


def claimed(prompt: str, output: str) -> tuple[list[Quantity], list[str]]:
    """The numbers the output states that its prompt does not (all of them when it states
    none of its own), and the tokens of the output."""
    out = tokens(output)
    context = {t for t in tokens(prompt) if is_number(t)}
    numbers = quantities(out)
    own = [q for q in numbers if f"{q.value:g}" not in {f"{float(c):g}" for c in context}]
    return (own or numbers), out


def _close(q: Quantity, want: Quantity, hedged: bool) -> bool:
    value = in_celsius(q) if want.unit == ("temperature", "c") else q.value
    if abs(value - want.value) <= 1e-9 * max(1.0, abs(want.value)):
        return True
    if 0 < q.decimals < want.decimals and round(want.value, q.decimals) == value:
        return True  # the reference rounded to the digits written ("3.14" for 3.14159)
    if not hedged:
        return False
    # a hedged round number is read to its last significant digit ("roughly nine
    # million" for 9.2 million; "about 300,000 km/s" for 299,792)
    unit = 1.0
    if q.decimals == 0 and value and float(value).is_integer():
        while int(value) % int(unit * 10) == 0:
            unit *= 10
    return abs(value - want.value) <= max(HEDGED_TOLERANCE * abs(want.value), unit / 2)


def _numeric(prompt: str, output: str, ref: str) -> Grade:
    shown = ref.strip()
    if PART.search(ref):  # "1/2", "25%": the reference is a value (0.5, 0.25), so is
        prompt, output, ref = (fractions(percents(t)) for t in (prompt, output, ref))
    ref_toks = tokens(ref)
    wanted = quantities(ref_toks)
    own, out = claimed(prompt, output)  # "1 / 4 equals 0.5": the fraction restates
    if not own or all(f"{q.value:g}" in tokens(prompt) for q in own):
        own, out = claimed(fractions(prompt), fractions(output))  # "1/4" for 0.25
    hedged = bool(_APPROX.search(output))
    said = ", ".join(f"{q.value:g}" for q in own) or "no number"
    compared = f"the number the output states ({said}) with the reference's ({shown!r})"
    if not own:
        return Grade(False, compared, f"states no number; the reference says {shown!r}")
    for want in wanted:
        for q in own:
            if not _close(q, want, hedged):
                continue
            if _negated(out, q.at):
                return Grade(False, compared, f"denies {q.value:g}, the reference's number")
            clash = _unit_clash(out, q, ref_toks, want)
            if clash:
                return Grade(False, compared, clash)
            return Grade(True, compared, f"states {q.value:g}, as the reference does")
    return Grade(False, compared, f"states {said}; the reference says {shown!r}")


def _unit_clash(out: list[str], q: Quantity, ref_toks: list[str], want: Quantity) -> str:
    for mine, theirs in ((q.unit, want.unit), (rate_unit(out, q.at), rate_unit(ref_toks, want.at))):
        if mine and theirs and mine[0] == theirs[0] and mine != theirs:
            if mine[0] == "temperature" and theirs[1] == "c":
                continue  # converted above
            return f"states {q.value:g} in {mine[1]}s; the reference is in {theirs[1]}s"
    return ""


def _negated(toks: list[str], at: int, span: int = 1) -> bool:
    """A negation among the three tokens before ``at`` (or right after the span: "Rome,
    not" is not one — the clause is cut at punctuation before tokenising)."""
    return any(t.replace("'", "") in _NEGATION for t in toks[max(0, at - 3) : at])


# ----------------------------------------------------------------------------- words


def _words(prompt: str, output: str, ref: str) -> Grade:
    want = tokens(ref)
    compared = f"the output with the reference {ref.strip()!r}"
    names = {fold(w) for w in re.findall(r"(?<![\w'])[A-Z][\w'-]+", output)} - set(want)
    asked = set(tokens(prompt))
    for clause in _answering(prompt, output):
        toks = tokens(clause)
        at = _find(toks, want) if want else None
        if at is None and len(want) > 1:  # "Orwell", "da Vinci", "the Pacific"
            for part in (want[1:], want[:-1]):
                i = _find(toks, part) if any(len(t) > 3 for t in part) else None
                if i is None or all(any(same_word(t, a) for a in asked) for t in part):
                    continue  # the prompt's own words ("India" for "Indian rupee")
                before = toks[i - 1] if i > 0 else ""
                after = toks[i + len(part)] if i + len(part) < len(toks) else ""
                if before not in names and after not in names:  # not "Emily Brontë"
                    at = i  # nor "Lake Tanganyika" for "Lake Baikal"
                    break
        if at is None:
            at = _find_text(clause, ref)
        if at is not None:
            if _negated(toks, at):
                return Grade(False, compared, f"denies {ref.strip()!r}")
            return Grade(True, compared, f"states {ref.strip()!r}")
    return Grade(False, compared, f"does not state {ref.strip()!r}")


def _clauses(text: str) -> list[str]:
    parts = _CLAUSE_BREAK.split(text)
    return [c for c in parts if c and c.strip() and not _CLAUSE_BREAK.fullmatch(c)]


def _answering(prompt: str, output: str) -> list[str]:
    """The clauses that can answer: the one restating the question ("so Sydney is the
    capital of Australia") when one does and names something the prompt does not; else
    every clause ("Rome (not Milan)")."""
    clauses = _clauses(output)
    asked = {t for t in tokens(prompt) if len(t) > 2}
    overlap = [len(asked & set(tokens(c))) for c in clauses]
    if not clauses or max(overlap) < 2:
        return clauses
    best = clauses[overlap.index(max(overlap))]
    options = {t for o in options_in(prompt) for t in tokens(o)}
    named = [t for t in key_terms(best) if t not in asked or t in options]
    return [best] if named else clauses


def _find(toks: list[str], want: list[str]) -> int | None:
    n = len(want)
    for i in range(len(toks) - n + 1):
        if all(same_word(a, b) for a, b in zip(toks[i : i + n], want, strict=True)):
            return i
    return None


def _find_text(clause: str, ref: str) -> int | None:
    """Scripts without spaces (東京): the reference as a substring, not inside a Latin word."""
    hay, needle = fold(clause), fold(ref.strip())
    if not needle or needle.isascii():
        return None
    i = hay.find(needle)
    return 0 if i >= 0 else None

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
* **Long references** (a paragraph): sentence by sentence against the reference sentences
  on its topic (:func:`contradiction`, :mod:`tools.audit.swaps`); the verdict names it.
Each :class:`Grade` says what was compared with what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.audit import aliases, antonyms, polarity
from tools.audit.normalise import (
    MONTHS,
    PART,
    Quantity,
    covered,
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
from tools.audit.swaps import (
    comparison,
    denial,
    other_year,
    renamed,
    sentences,
    substitution,
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
LONG_REFERENCE_WORDS = 12  # a reference this long is checked sentence by sentence


@dataclass
class Grade:
    agrees: bool
    compared: str = ""  # what was compared with what
    reason: str = ""
    sentence: str | None = None  # the sentence that disagrees (long outputs)
    checked: list[str] = field(default_factory=list)


def grade(prompt: str, output: str, references: list[str]) -> Grade:
    """The output against each reference: the first that agrees, else the closest miss."""
    if not output.strip():
        return Grade(False, "an empty output", "the output is empty")
    long_refs = [r for r in references if len(tokens(r)) >= LONG_REFERENCE_WORDS]
    if len(long_refs) > 1 and len(long_refs) == len([r for r in references if r.strip()]):
        # paragraphs of the same facts in other words: a sentence one of them contradicts
        # is wrong, whichever paragraph words it closest
        return _long(prompt, output, "\n".join(long_refs))
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
    if len(ref_toks) >= LONG_REFERENCE_WORDS:
        return _long(prompt, output, ref)
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


# ----------------------------------------------------------------------------- sentences


def _long(prompt: str, output: str, ref: str) -> Grade:
    """Sentence by sentence: a sentence disagrees when the reference sentence on its topic
    states a number or a name the sentence replaces with another, or copies it with a word
    swapped. A detail the reference never addresses is not held against the output."""
    checked = sentences(output)
    ref_sentences = sentences(ref)
    compared = f"each of the output's {len(checked)} sentences with the reference's facts"
    asked = set(tokens(prompt))
    stated = {tuple(tokens(r)) for r in ref_sentences}  # a reference sentence word for word
    for s in checked:
        if tuple(tokens(s)) in stated:
            continue
        known = asked | aliases.restated(s, ref_sentences)  # "Venetian" for "Venice"
        clash = (contradiction(s, ref_sentences, known)
                 or [t for t in substitution(s, ref_sentences) if t not in known]
                 or opposite(s, ref_sentences, asked) or denial(s, ref_sentences)
                 or comparison(s, ref_sentences)
                 or [t for t in renamed(s, ref_sentences, output) if t not in known]
                 or other_year(s, ref_sentences, known))  # fmt: skip
        if clash:
            return Grade(False, compared, f"states {', '.join(dict.fromkeys(clash))} where the "
                         "reference says otherwise", sentence=s, checked=checked)  # fmt: skip
    return Grade(True, compared, "no sentence contradicts the reference", checked=checked)


def opposite(sentence: str, reference: list[str], asked: set[str]) -> list[str]:
    """Words whose opposites the reference sentences on the sentence's topic use ("the
    shortest range" against "the longest range"; :mod:`tools.audit.antonyms`)."""
    mine = set(antonyms.sided(tokens(sentence)))
    topic = {t for t in mine if len(t) > 3 and not is_number(t)}
    names = [t for t in key_terms(sentence) if not is_number(t)]
    on_topic = [antonyms.sided(tokens(r)) for r in reference
                if topic and (_share(topic, r) >= 1 / 3 or _names(names, r) >= 2)]  # fmt: skip
    crossed = [w for r in on_topic for w in antonyms.crossed(antonyms.sided(tokens(sentence)), r)]
    opposed = antonyms.opposed(mine - asked, {t for r in on_topic for t in r})
    return opposed or crossed or antonyms.placed(sentence, reference)


def contradiction(
    sentence: str, reference: list[str], asked: set[str], *, close_only: bool = False
) -> list[str]:
    """The sentence's numbers and names that the reference sentences on its topic (those
    sharing a third of its other words) replace with numbers or names of their own.
    ``close_only``: only a sentence saying the same thing counts (a sample that leaves the
    fact out is silent, not contrary)."""
    asked = asked | aliases.restated(sentence, reference)  # "EU" for "European Union"
    terms = [
        t for t in key_terms(sentence) + aliases.opening(sentence, reference) if t not in asked
    ]
    topic = {t for t in tokens(sentence) if len(t) > 3 and not is_number(t)} - set(terms)
    if len(topic) < 2:  # a sentence of names ("It stands in Berlin on the Champ de Mars"):
        topic |= {t for t in terms if not is_number(t)}  # its names find its topic too
    if not terms or not topic:
        return []
    vocabulary = {t for r in reference for t in aliases.vocabulary(r)}
    # on its topic: a third of its other words, or two of its names and numbers
    on_topic = [r for r in reference if _share(topic, r) >= 1 / 3 or _names(terms, r) >= 2]
    if not on_topic:
        return [] if close_only else _other_measure(sentence, reference, vocabulary)
    theirs = {t for r in on_topic for t in key_terms(r)} - asked
    # the reference sentence that says the same thing (most of the sentence's other words):
    # a name or number in the sentence that this one replaces, though the reference may
    # use it elsewhere ("invented ... by Emile Berliner" against "Thomas Edison invented")
    out = [] if close_only else _replaced(terms, vocabulary, theirs)
    close = [r for r in on_topic if _share(topic, r) >= 0.6]
    clashes = [_replaced(terms, aliases.vocabulary(r), set(key_terms(r)) - asked) for r in close]
    if clashes and all(clashes):  # every sentence saying the same thing disagrees
        merged = _merged(sentence, clashes[0], reference, asked)
        out += [t for t in clashes[0] if t not in out and t not in merged]
    return out


def _merged(sentence: str, names: list[str], reference: list[str], asked: set[str]) -> set[str]:
    """The names another reference sentence states with more of this sentence's words:
    facts merged into one ("built in Belfast by Harland and Wolff"). Numbers stay."""
    mine = {t for t in tokens(sentence) if len(t) > 3 or is_number(t)} - asked - set(names)
    rts = [aliases.vocabulary(r) for r in reference]
    return {t for t in names if not is_number(t) and any(covered(t, r) and mine & r for r in rts)}


def _replaced(terms: list[str], seen: set[str], named: set[str]) -> list[str]:
    """The terms (numbers, months, then names) ``seen`` lacks where ``named`` has others of
    the same kind ("June 1889" where the reference says "1889" adds a month, and names
    no other)."""
    out = []
    for kind in (is_number, MONTHS.__contains__,
                 lambda t: not is_number(t) and t not in MONTHS):  # fmt: skip
        mine = [t for t in terms if kind(t) and not covered(t, seen)]
        if mine and any(kind(t) and not covered(t, set(terms)) for t in named):
            out += mine
    return out


def _other_measure(sentence: str, reference: list[str], vocabulary: set[str]) -> list[str]:
    """A quantity in a unit the reference measures in, with none of the reference's
    values: "roughly 1,850 kilometres" against "about 2,850 km"."""
    theirs = [q for r in reference for q in quantities(tokens(r)) if q.unit]
    hedged = bool(_APPROX.search(sentence))
    out = []
    for q in quantities(tokens(sentence)):
        same = [w for w in theirs if w.unit == q.unit]
        known = f"{q.value:g}" in vocabulary or any(_close(q, w, hedged) for w in same)
        if q.unit and same and not known:
            out.append(f"{q.value:g} {q.unit[1]}")
    return out


def _names(terms: list[str], text: str) -> int:
    return len(set(terms) & set(key_terms(text)))


def _share(topic: set[str], text: str) -> float:
    other = {t for t in tokens(text) if len(t) > 3}
    return len(topic & other) / len(topic)

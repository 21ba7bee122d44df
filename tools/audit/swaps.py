"""Sentences of long answers and three ways one of them is wrong against the reference:
words swapped into a sentence that otherwise copies a reference sentence (the commonest way
a long answer is wrong in one place), a denial of what the reference sentence saying the
same thing states, and a comparison the reference turns round.

A swap is told from a paraphrase by how much of the sentence is the reference's, word for
word and in order, and by where the new word stands: where a name or a thing stands
(after an article, a preposition, a conjunction or a comma, or capitalised), not where a
paraphrase rewords the verb ("the Revolution started" for "... began").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from tools.audit.aliases import vocabulary as names_too
from tools.audit.normalise import (
    MONTHS,
    covered,
    digits,
    is_content,
    is_number,
    key_terms,
    tokens,
)

_SENTENCE = re.compile("(?<=[.!?\u3002\uff01\uff1f])\\s+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def substitution(sentence: str, reference: list[str]) -> list[str]:
    """Words swapped into a sentence that otherwise copies one of the reference's ("the
    theory of evolution by intelligent design" for "... by natural selection"): in word
    order, at least 70% of the sentence's words are the reference sentence's and half of
    that sentence's words are the output's; each side has 1-3 content words (or numbers)
    the other lacks. Paraphrases reword more than that and pass."""
    mine = tokens(sentence)
    said = names_too(sentence)
    for r in reference:
        theirs = tokens(r)
        if not mine or not theirs:
            continue
        matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
        same = sum(m.size for m in matcher.get_matching_blocks())
        if same < 0.7 * len(mine) or same < 0.5 * len(theirs):
            continue
        seen = names_too(r)
        new = [t for t in dict.fromkeys(mine) if is_content(t) and not covered(t, seen)]
        gone = [t for t in dict.fromkeys(theirs) if is_content(t) and not covered(t, said)]
        if not 0 < len(new) <= 2 or not 0 < len(gone) <= 3:
            continue
        # a swap puts a thing where the reference sentence has another thing: the new word
        # and a word it replaces, in the same place (or either side of a word or two kept:
        # "chemistry and literature" for "physics and chemistry"), both where a name or a
        # thing stands ("his output includes" for "he wrote" rewords the verb; "most of
        # the world's coffee" for "most coffee" only adds)
        swapped = _swapped(matcher.get_opcodes(), sentence, r, mine, theirs, new, gone)
        if swapped:
            # a number or a month swaps for one ("in June 1889" for "in 1889" adds one)
            for kind in (is_number, MONTHS.__contains__):
                if all(kind(t) for t in new) and not any(kind(t) for t in gone):
                    break
            else:
                return sorted(new)
    return []


def _swapped(
    ops: Sequence[tuple[str, int, int, int, int]],
    sentence: str,
    ref: str,
    mine: list[str],
    theirs: list[str],
    new: list[str],
    gone: list[str],
) -> list[str]:
    """New words of the sentence that stand in for gone words of the reference sentence."""
    out = []
    for k, (tag, i1, i2, _, _) in enumerate(ops):
        added = [t for t in mine[i1:i2] if t in new and _noun_slot(sentence, t)]
        if tag not in ("replace", "delete") or not added:  # (opcodes turn mine into theirs)
            continue
        near = [ops[k]] if tag == "replace" else []
        for side in (k - 2, k + 2):  # across one short stretch both keep
            if 0 <= side < len(ops) and ops[(k + side) // 2][2] - ops[(k + side) // 2][1] <= 2:
                near.append(ops[side])
        if any(g in gone and _noun_slot(ref, g) for o in near if o[0] in ("replace", "insert")
               for g in theirs[o[3] : o[4]]):  # fmt: skip
            out += added
    return out


#: Words after which a swapped word names a thing ("by intelligent design", "in the
#: mitochondria", "adenine, tyrosine"); after a subject or an auxiliary it is usually the
#: verb a paraphrase rewords ("the Revolution started", "it is among").
_NOUN_BEFORE = frozenset(
    str.split("the a an of in on at by from with into and or than as its his her their both , for")
)
_RAW = re.compile(r"\d[\d,.]*|[^\W\d_]+(?:['-][^\W\d_]+)*|,")


def _noun_slot(sentence: str, term: str) -> bool:
    """The term stands where a name or a thing stands: a number, a capitalised word inside
    the sentence, or after an article, a preposition, a conjunction or a count, or as an item of a
    list ("adenine, tyrosine, guanine"; not "Olympus Mons, found on Mars")."""
    if is_number(term):
        return True
    raw = _RAW.findall(sentence)
    for i, word in enumerate(raw):
        if word == "," or term not in tokens(word):
            continue
        before = raw[i - 1].casefold() if i else ""
        listed = i + 1 < len(raw) and raw[i + 1].casefold() in (",", "and", "or")
        if (i and word[:1].isupper()) or (before in _NOUN_BEFORE and (before != "," or listed)):
            return True
        after = raw[i + 1] if i + 1 < len(raw) else ""
        if before and before != "," and all(is_number(t) for t in tokens(before)):
            # a count of things ("nine symphonies and"; not "two small moons")
            return not after or after.casefold() in _NOUN_BEFORE
    return False


_DENIALS = frozenset(str.split("not no never nor neither cannot nt nothing none nobody nowhere"))
_COMPARED = re.compile(
    r"\b(?:than|more|most|less|least|fewer|as \w+ as|no other|(?:larg|bigg|tall|long|high|old|"
    r"earli|lat|fast|slow|great|small|deep|cold|hott|wid|heavi|light|strong|rich|poor)(?:er|est))\b",
    re.I,
)


_NOT_BUT = re.compile(r"\bnot\b[^.;]*\bbut\b", re.I)


def denial(sentence: str, reference: list[str]) -> list[str]:
    """A sentence that denies what the reference sentence saying the same thing states, or
    states what it denies ("Fleming did not share the 1945 Nobel Prize" against "Fleming,
    Florey and Chain shared the Nobel Prize"): 60% of its content words in that sentence,
    and a negation on one side only. "No other X is taller" is a comparison, not a denial."""
    mine = _words(sentence)
    content = {t for t in mine if is_content(t) and t not in _DENIALS}
    if not content:
        return []
    best = max(reference, key=lambda r: len(content & _words(r)), default="")
    if len(content & _words(best)) < 0.6 * len(content):
        # a denial reworded round the names it denies ("He did not write The Magic Flute"
        # against "His operas include ... The Magic Flute"): two names or more, all in one
        # reference sentence that shares 40% of its words
        names = {t for t in key_terms(sentence) if not is_number(t)}
        named = [r for r in reference if names <= set(key_terms(r))]
        if not _DENIALS & mine or _NOT_BUT.search(sentence) or _COMPARED.search(sentence):
            return []  # "not one single wall but a chain": a correction, not a denial
        if _affirmed(sentence, reference) and not _denied_elsewhere(sentence, reference):
            return ["a negation"]
        if len(names) < 2 or not named:
            return []
        # its main clause ("..., which is often wrongly attributed to him" is an aside)
        main = {t for t in _words(_ASIDE.sub("", sentence)) if t in content}
        if not main:
            return []
        best = max(named, key=lambda r: len(main & _words(r)))
        if len(main & _words(best)) < 0.4 * len(main):
            return []
    negated, theirs = bool(_DENIALS & mine), bool(_DENIALS & _words(best))
    if negated == theirs or _COMPARED.search(sentence if negated else best):
        return []
    if negated and _denied_elsewhere(sentence, reference):
        return []  # "..., a creature the book never names": "The creature is never named"
    return ["a negation" if negated else "no negation"]


_ADVERBS = frozenset(
    str.split("once ever really actually even again yet still quite any be been being "
              "is was are were has have had do does did")
)  # fmt: skip


def _affirmed(sentence: str, reference: list[str]) -> bool:
    """What a clause denies (the words after its negation: "it has never once been stolen")
    is in one reference sentence that denies nothing ("In 1911 it was stolen from the
    Louvre"), by the words' first 4 letters: all of them, or two or more and at least half
    where the rest are words no reference uses ("never awarded a Nobel Prize in chemistry"
    against "She won a second Nobel Prize, in Chemistry")."""
    known = {t[:4] for r in reference for t in _words(r)}
    for clause in re.split(r"[,;:]", sentence):
        toks = [t.replace("'", "") for t in tokens(clause.replace("n't", " not"))]
        at = next((i for i, t in enumerate(toks) if t in _DENIALS), None)
        if at is None:
            continue
        stems = {t[:4] for t in toks[at + 1 :]
                 if is_content(t) and t not in _DENIALS and t not in _ADVERBS}  # fmt: skip
        used = stems & known
        if len(used) < len(stems) and (len(used) < 2 or 2 * len(used) < len(stems)):
            continue
        for r in reference:
            theirs = _words(r)
            if used and not _DENIALS & theirs and used <= {t[:4] for t in theirs}:
                return True
    return False


def _denied_elsewhere(sentence: str, reference: list[str]) -> bool:
    """The clause holding the sentence's negation is what another reference sentence
    denies: most of its content words (by their first 4 letters) in a negated sentence."""
    for clause in re.split(r"[,;:]", sentence):
        words = _words(clause)
        if not _DENIALS & words:
            continue
        stems = {t[:4] for t in words if is_content(t) and t not in _DENIALS}
        for r in reference:
            theirs = _words(r)
            if (
                stems
                and _DENIALS & theirs
                and len(stems & {t[:4] for t in theirs}) >= 0.6 * len(stems)
            ):
                return True
    return False


_ASIDE = re.compile(r",\s*(?:which|who|whom|whose)\b[^,;]*", re.I)


def _words(text: str) -> set[str]:
    return {t.replace("'", "") for t in tokens(text.replace("n't", " not"))}


#: Comparatives and superlatives by direction: +1 more of something, -1 less.
_UP = ("more", "larg", "bigg", "high", "great", "tall", "long", "heavi", "old", "fast", "wid",
       "deep", "strong", "rich", "hott", "warm", "far")  # fmt: skip
_DOWN = ("less", "fewer", "small", "low", "short", "light", "young", "slow", "narrow",
         "shallow", "weak", "poor", "cold", "cool", "near")  # fmt: skip


_IS = frozenset(("is", "was", "are", "were"))


def _direction(word: str, ending: str) -> int:
    """+1 / -1 for a comparative ("er") or superlative ("est") of a known measure, else 0."""
    if word in ("more", "less", "fewer", "most", "least", "fewest"):
        return 1 if word in ("more", "most") else -1
    if not word.endswith(ending):
        return 0
    stem = word[: -len(ending)]
    return 1 if stem in _UP else -1 if stem in _DOWN else 0


def _compared(toks: list[str]) -> tuple[set[str], int, set[str]] | None:
    """(what is compared, direction, what it is compared with) of "A is larger than B"."""
    if "than" not in toks:
        return None
    at = toks.index("than")
    for i in range(at - 1, max(-1, at - 5), -1):
        if sign := _direction(toks[i], "er"):
            before = {t for t in toks[:i] if is_content(t)}
            after = {t for t in toks[at + 1 : at + 5] if is_content(t)}
            return before - after, sign, after - before  # "A beans ... than B beans"
    return None


def comparison(sentence: str, reference: list[str]) -> list[str]:
    """A comparison the reference turns round: "Arabica beans are higher in caffeine than
    robusta" against "Robusta beans contain more caffeine than arabica", or "The stomach is
    larger than the liver" against "The liver is the largest internal organ"."""
    mine = _compared(tokens(sentence))
    # "No country grows more than Brazil", "longer than any other play" say "the most"
    if mine is None or _DENIALS & _words(sentence) or {"any", "other", "all"} & mine[2]:
        return []
    a, sign, b = mine

    def meets(x: set[str], y: set[str]) -> bool:
        return any(covered(t, y) for t in x if not is_number(t))

    for r in reference:
        toks = tokens(r)
        theirs = _compared(toks)
        if theirs is not None:
            a2, sign2, b2 = theirs
            if (meets(a, b2) and meets(b, a2) and sign == sign2) or (
                meets(a, a2) and meets(b, b2) and sign == -sign2
            ):
                return ["than"]
            continue
        for i, word in enumerate(toks):
            # "B is the largest ...": nothing is larger than B
            verb = next((j for j in (i - 1, i - 2) if j >= 0 and toks[j] in _IS), None)
            top = _direction(word, "est") if verb is not None else 0
            if top and top == sign and meets(b, {t for t in toks[:verb] if is_content(t)}):
                return [word]
    return []


def renamed(sentence: str, reference: list[str], output: str) -> list[str]:
    """Names swapped in a sentence that shares another name with a reference sentence
    ("Elizabeth Woodhouse" where the reference says "Elizabeth Bennet"): names of the
    sentence the reference never uses, where that reference sentence has names the output
    never uses."""
    vocabulary = {t for r in reference for t in names_too(r)}
    said = names_too(output)
    mine = [t for t in key_terms(sentence) if not is_number(t) and t not in MONTHS]
    new = [t for t in mine if not covered(t, vocabulary)]
    if not new:
        return []
    for r in reference:
        names = [t for t in key_terms(r) if not is_number(t) and t not in MONTHS]
        shared = set(names) & set(mine)
        if shared and any(not covered(t, said) for t in names if t not in shared):
            return new
    return []


YEAR_WINDOW = 10  # years: a wrong date for the same event is a near miss
_YEAR = re.compile(r"(?<![\d.,])(1\d{3}|20\d{2})(?!\d|s\b|'s\b)")  # not "the 1930s"


def other_year(sentence: str, reference: list[str], asked: set[str]) -> list[str]:
    """A year no reference sentence states but near one it does (within ``YEAR_WINDOW``), in
    a sentence that names something the reference names ("Orwell's book first reached
    readers in 1948" against "... by George Orwell, published in 1949"), however the rest
    is reworded. A year far from the reference's is a detail it does not address ("Austen
    was born in 1775" beside "published in 1813")."""
    stated = {int(y) for r in reference for y in _YEAR.findall(digits(r))}
    mine = [y for y in _YEAR.findall(digits(sentence)) if int(y) not in stated and y not in asked]
    near = [y for y in mine if any(abs(int(y) - s) <= YEAR_WINDOW for s in stated)]
    words = {t for t in tokens(sentence) if not is_number(t)}  # "Orwell's book" opens it
    if near and words & {t for r in reference for t in key_terms(r)}:
        return near
    # or a sentence sharing another year with the reference sentence that holds the near
    # one ("expected back in 2071, having last appeared in 1986" against "It last passed
    # ... in 1986 and is expected to return in 2061")
    years = set(_YEAR.findall(digits(sentence))) - set(near)
    return [y for y in near
            if any(years & set(found) and any(abs(int(y) - int(f)) <= YEAR_WINDOW for f in found)
                   for found in (_YEAR.findall(digits(r)) for r in reference))]  # fmt: skip

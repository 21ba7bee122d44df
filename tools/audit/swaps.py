"""Sentences of long answers, and words swapped into a sentence that otherwise copies a
reference sentence (the commonest way a long answer is wrong in one place).

A swap is told from a paraphrase by how much of the sentence is the reference's, word for
word and in order, and by where the new word stands: where a name or a thing stands
(after an article, a preposition, a conjunction or a comma, or capitalised), not where a
paraphrase rewords the verb ("the Revolution started" for "... began").
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from tools.audit.normalise import MONTHS, covered, is_content, is_number, tokens

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
    for r in reference:
        theirs = tokens(r)
        if not mine or not theirs:
            continue
        same = sum(m.size for m in SequenceMatcher(None, mine, theirs, autojunk=False)
                   .get_matching_blocks())  # fmt: skip
        if same < 0.7 * len(mine) or same < 0.5 * len(theirs):
            continue
        new = [t for t in dict.fromkeys(mine) if is_content(t) and not covered(t, set(theirs))]
        gone = [t for t in dict.fromkeys(theirs) if is_content(t) and not covered(t, set(mine))]
        if 0 < len(new) <= 2 and 0 < len(gone) <= 3 and any(_noun_slot(sentence, t) for t in new):
            # a number or a month swaps for one ("in June 1889" for "in 1889" adds one)
            for kind in (is_number, MONTHS.__contains__):
                if all(kind(t) for t in new) and not any(kind(t) for t in gone):
                    break
            else:
                return sorted(new)
    return []


#: Words after which a swapped word names a thing ("by intelligent design", "in the
#: mitochondria", "adenine, tyrosine"); after a subject or an auxiliary it is usually the
#: verb a paraphrase rewords ("the Revolution started", "it is among").
_NOUN_BEFORE = frozenset(
    str.split("the a an of in on at by from with into and or than as its his her their both , for")
)
_RAW = re.compile(r"\d[\d,.]*|[^\W\d_]+(?:['-][^\W\d_]+)*|,")


def _noun_slot(sentence: str, term: str) -> bool:
    """The term stands where a name or a thing stands: a number, a capitalised word inside
    the sentence, or after an article, a preposition or a conjunction, or as an item of a
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
    return False


_DENIALS = frozenset(str.split("not no never nor neither cannot nt"))
_COMPARED = re.compile(
    r"\b(?:than|more|most|less|least|fewer|as \w+ as|(?:larg|bigg|tall|long|high|old|earli|"
    r"lat|fast|slow|great|small|deep|cold|hott|wid|heavi|light|strong|rich|poor)(?:er|est))\b",
    re.I,
)


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
        return []
    negated, theirs = bool(_DENIALS & mine), bool(_DENIALS & _words(best))
    if negated == theirs or _COMPARED.search(sentence if negated else best):
        return []
    return ["a negation" if negated else "no negation"]


def _words(text: str) -> set[str]:
    return {t.replace("'", "") for t in tokens(text.replace("n't", " not"))}

"""Subjects named in other words: a group or a slice found by the words that define it,
in any order, close together — "women in first class" for ``sex = women and class = 1st
class``, "rows with 'bmi' below 24.7" for ``bmi = < 24.7``, "schools whose mealpct is
under 10.08" for ``mealpct = < 10.08``.

A subject is a list of *slots*, each a set of words that can fill it (a value with its
inflections, synonyms and ordinal spellings; a column; a bound word and its number); the
subject is named where one word of every slot occurs within :data:`WINDOW` words. Exact
forms are found first by :func:`agent.grounding.mentions.mentions`; this reader runs on
what those leave, so it never moves a number or a name that was already placed.
"""

from __future__ import annotations

import re
from functools import lru_cache

WINDOW = 7

_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth"}
_SAME = {
    "women": "woman", "females": "woman", "female": "woman", "f": "woman",
    "men": "man", "males": "man", "male": "man", "m": "man",
}  # fmt: skip
_BOUND_WORDS = {
    ">=": {"at", "least", "above", "over", "more", ">=", "≥", "or", "higher", "exceeding"},
    ">": {"above", "over", "more", ">", "higher", "exceeding", "greater"},
    "<": {"below", "under", "less", "<", "lower", "beneath", "fewer"},
    "<=": {"at", "most", "below", "under", "<=", "≤", "or", "less"},
}
_TOKEN = re.compile(r"[<>≥≤]=?|\d+(?:\.\d+)?(?![^\W_])|[^\W_]+(?:'[^\W_]+)*")


def norm(word: str) -> str:
    w = word.casefold().strip("'\"‘’“”`.")
    w = _ORDINALS.get(w, w)
    w = _SAME.get(w, w)
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


@lru_cache(maxsize=4096)
def slots(subject: str) -> tuple[frozenset[str], ...]:
    """The word slots that name ``subject``; () when it is not a group or slice."""
    if " = " not in subject:
        return ()
    out: list[frozenset[str]] = []
    for part in subject.split(" and "):
        col, _, val = part.partition(" = ")
        bound = re.fullmatch(r"(>=|<=|>|<)\s*(\S+)", val.strip())
        span = re.fullmatch(r"(\S+) to (\S+)", val.strip())
        if bound:
            out += [
                _words(col),
                frozenset({bound.group(2)}),
                frozenset(_BOUND_WORDS[bound.group(1)]),
            ]
        elif span:
            out += [_words(col), frozenset({span.group(1)}), frozenset({span.group(2)})]
        else:
            words = [norm(w) for w in _TOKEN.findall(val)]
            if not words or all(len(w) <= 1 for w in words):
                out += [_words(col)]  # "Eth = A": the column must be named too
            out += [frozenset({w}) for w in words]
    return tuple(out)


def _words(col: str) -> frozenset[str]:
    parts = [norm(w) for w in _TOKEN.findall(col.replace("_", " "))]
    return frozenset({norm(col.replace("_", "")), *parts[-1:]}) if parts else frozenset()


def find(text: str, subject: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where ``text`` names ``subject`` by its defining words (outside ``taken``), or None."""
    want = slots(subject)
    if len(want) < 2:
        return None
    free = [t for t in _tokens(text) if not any(a < t[2] and t[1] < b for a, b in taken)]
    for i in range(len(free)):
        window = free[i : i + WINDOW]
        if not any(window[0][0] in s for s in want):
            continue
        filled, last = _fill(want, window)
        if filled:
            return window[0][1], window[last][2]
    return None


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((norm(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text))


def _fill(want: tuple[frozenset[str], ...], window: list[tuple[str, int, int]]) -> tuple[bool, int]:
    """Whether every slot takes a different word of the window, and the last word used."""
    used: set[int] = set()
    for slot in sorted(want, key=len):
        pick = next((j for j, (w, _, _) in enumerate(window) if w in slot and j not in used), None)
        if pick is None:
            return False, 0
        used.add(pick)
    return True, max(used)

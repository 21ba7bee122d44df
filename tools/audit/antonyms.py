"""Opposite words a grader must read: "lost" answers "did it win?" with no, "the shortest
range" contradicts "the longest range".

A short table of gradable and directional opposites, each side with its inflections. No
package on PyPI ships WordNet's antonym relations for offline use (the WordNet readers
download their data at run time), so the table is written here and kept to pairs that
are opposite in every sense a short answer uses them: no "light" (weight or lamp), no
"first" and "last" (ordinals are counted as numbers), no "old" (old and new, old and
young).
"""

from __future__ import annotations

import re

from tools.audit.normalise import key_terms, tokens

_PAIRS = [
    ("win wins won winning winner victory victorious", "lose loses lost losing loser"),
    ("succeed succeeds succeeded success successful", "fail fails failed failure"),
    ("long longer longest", "short shorter shortest"),
    ("high higher highest", "low lower lowest"),
    ("large larger largest big bigger biggest", "small smaller smallest"),
    ("hot hotter hottest warm warmer warmest", "cold colder coldest cool cooler coolest"),
    ("fast faster fastest", "slow slower slowest"),
    ("deep deeper deepest", "shallow shallower shallowest"),
    ("wide wider widest", "narrow narrower narrowest"),
    ("thick thicker thickest", "thin thinner thinnest"),
    ("wet wetter wettest", "dry drier driest"),
    ("rich richer richest", "poor poorer poorest"),
    ("oldest", "youngest newest"),
    ("north northern northernmost", "south southern southernmost"),
    ("east eastern easternmost", "west western westernmost"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("maximum", "minimum"),
    ("inside", "outside"),
    ("alive", "dead"),
    ("visible", "invisible"),
    ("possible", "impossible"),
    ("legal", "illegal"),
    ("above", "below"),
    ("positive", "negative"),
    ("male", "female"),
    ("left-side", "right-side"),  # only where a side is meant: see :func:`sided`
    ("accept accepts accepted", "reject rejects rejected"),
]
_SIDE: dict[str, tuple[int, int]] = {}  # word -> (pair, side)
for _i, (_a, _b) in enumerate(_PAIRS):
    for _side, _words in enumerate((_a, _b)):
        for _w in _words.split():
            _SIDE[_w] = (_i, _side)


def opposed(mine: set[str], theirs: set[str]) -> list[str]:
    """The words of ``mine`` whose opposite ``theirs`` holds while ``theirs`` holds
    nothing of their own side and ``mine`` nothing of the other ("the shortest" against
    "the longest"; not "higher than A, lower than B")."""
    sides_mine = {_SIDE[w] for w in mine if w in _SIDE}
    sides_theirs = {_SIDE[w] for w in theirs if w in _SIDE}
    out = []
    for w in sorted(mine):
        if w not in _SIDE:
            continue
        pair, side = _SIDE[w]
        other = (pair, 1 - side)
        if other in sides_theirs and (pair, side) not in sides_theirs and other not in sides_mine:
            out.append(w)
    return out


_SIDE_BEFORE = frozenset(str.split("far upper lower top bottom on at to from"))  # articles dropped
_SIDE_AFTER = frozenset(
    str.split("side sides hand bank wing foreground background column edge corner")
)


_LIFE = frozenset(("life", "lives"))


def sided(toks: list[str]) -> list[str]:
    """The tokens, with "left" and "right" read as sides where a side is meant ("the far
    left", "on the right", "the left foreground"), so that they oppose each other there and
    nowhere else ("Mendeleev left gaps", "the right to vote", "that's right"); "lost his
    life" is a death, not a defeat."""
    out = list(toks)
    for i, t in enumerate(toks):
        if t in ("lose", "loses", "lost", "losing") and _LIFE.intersection(toks[i + 1 : i + 3]):
            out[i] = "died"  # "Harold lost his life": no defeat
        if t not in ("left", "right"):
            continue
        before = toks[i - 1] if i else ""
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if before in _SIDE_BEFORE or after in _SIDE_AFTER:
            out[i] = f"{t}-side"
    return out


def crossed(mine: list[str], theirs: list[str]) -> list[str]:
    """Opposites that trade places: "thousands of male workers, and female drones" against
    "thousands of female workers, and male drones" — each text holds both words, but the
    word before a thing here is its opposite there."""
    out = []
    for i, w in enumerate(mine[:-1]):
        if w not in _SIDE:
            continue
        pair, side = _SIDE[w]
        thing = mine[i + 1]
        before = {theirs[j - 1] for j in range(1, len(theirs)) if theirs[j] == thing}
        if (
            len(thing) > 3
            and any(_SIDE.get(b) == (pair, 1 - side) for b in before)
            and w not in before
        ):
            out.append(w)
    return out


_CLAUSE = re.compile(r"[,;:!?]|\.(?!\d)|\b(?:and|while|whereas|but)\b", re.I)


def placed(sentence: str, reference: list[str]) -> list[str]:
    """Directions that trade names: "Its eastern edge is the Atlantic Ocean, while the Red
    Sea lies along its western side" against "bordered by the Atlantic Ocean to the west,
    the Red Sea to the east". Each clause holding one word of a pair of directions ties that
    word to the names in it; a name tied to one side here and to the other there is
    crossed."""
    mine = _tied(sentence)
    theirs: dict[str, set[tuple[int, int]]] = {}
    for r in reference:
        for name, sides in _tied(r).items():
            theirs.setdefault(name, set()).update(sides)
    out = []
    for name, sides in mine.items():
        for pair, side in sides:
            there = theirs.get(name, set())
            if (pair, 1 - side) in there and (pair, side) not in there:
                out.append(name)
    return out


def _tied(text: str) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = {}
    for clause in _CLAUSE.split(text):
        named = key_terms(clause.strip())  # "North Africa" is a name, not a direction
        toks = sided(tokens(clause))
        sides = {_SIDE[t] for t in toks if t in _SIDE and t not in named}
        pairs = [p for p, _ in sides]
        names = [t for t in named if len(t) > 2 and not t.isdigit()]
        # "south of the Mediterranean": the Mediterranean is to the north ("the Red Sea lies
        # east of it": the Red Sea is to the east)
        rel = _RELATIVE.search(clause)
        after = set(key_terms(clause[rel.end() :].strip())) if rel else set()
        for pair, side in sides:
            if pairs.count(pair) == 1 and _PAIRS[pair][0].split()[0] in _DIRECTIONS:
                for name in names:
                    out.setdefault(name, set()).add((pair, side ^ (name in after)))
    return out


#: "south of X" places X to the north; "the south of X" is a part of X, not a relation
_RELATIVE = re.compile(r"(?<!\bthe )\b(?:north|south|east|west)(?:ern)?\s+of\b", re.I)
_DIRECTIONS = frozenset(("north", "east", "left-side"))  # each pair by its first word

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

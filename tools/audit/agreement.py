"""Without a reference: do the model's other samples for the same prompt say the same?

SelfCheckGPT's idea, read at the level of the answer rather than the words: each text's
*answer key* is what it claims beyond the prompt — the numbers it states that the prompt
does not (all of them when it restates only), else its content words the prompt does not
hold. Two texts agree when their keys match (numbers equal; words overlapping by half, a
one-letter spelling difference allowed). Per output:

* ``sample_agreement``: the share of samples whose answer agrees with the output's;
* ``semantic_entropy``: the entropy (nats) of the clusters the output and its samples
  form under that agreement (Kuhn et al. 2023, with answer-key matching in place of
  bidirectional entailment): 0 when all say the same;
* long outputs, sentence by sentence: the mean of the share of samples that hold every
  number and name of the sentence (among those on its topic) and the share that do not
  contradict it (the claim judge's exact checks with the sample as the reference:
  :class:`tools.audit.judges.RulesJudge`) — ``sentence_support``; the least supported
  sentence is named.
* ``hedged``: the output says it is unsure ("I think", "not sure", "probably").

:func:`risk` combines them into one score (higher = more likely wrong).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tools.audit.claims import pieces as sentences
from tools.audit.grading import claimed
from tools.audit.judges import RulesJudge
from tools.audit.normalise import covered, is_number, key_terms, same_word, tokens

_HEDGE = re.compile(
    r"\b(I think|I believe|I'm not (?:entirely |completely |totally )?sure|not certain|"
    r"probably|possibly|maybe|perhaps|might be|could be|if I recall|I guess|unsure|"
    r"creo que|je crois|je pense|ich glaube|vielleicht|quizás|peut-être)\b",
    re.I,
)
_STOP_WORDS = "is are was were be been it its this that of in on at to and or for with by from "
_STOP = frozenset(
    (_STOP_WORDS + "as answer answers question final result equals equal gives makes so which "
     "what who es est ist la el le der die das de du des und et y").split()
)  # fmt: skip
LONG_SENTENCES = 3  # outputs of this many sentences are checked sentence by sentence


def answer_key(prompt: str, text: str) -> tuple[str, frozenset[str]]:
    """("number", values) or ("words", content words beyond the prompt)."""
    own, _ = claimed(prompt, text)
    if own:
        return "number", frozenset(f"{q.value:g}" for q in own)
    asked = set(tokens(prompt))
    words = [t for t in tokens(text) if t not in _STOP and not is_number(t)]
    beyond = [t for t in words if t not in asked]
    return "words", frozenset(beyond or words)


def same_answer(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    (kind_a, keys_a), (kind_b, keys_b) = a, b
    if not keys_a or not keys_b:
        return not keys_a and not keys_b
    if kind_a != kind_b:
        return False
    if kind_a == "number":
        return bool(keys_a & keys_b)
    hits = sum(any(same_word(x, y) for y in keys_b) for x in keys_a)
    return hits / min(len(keys_a), len(keys_b)) >= 0.5


@dataclass
class Agreement:
    sample_agreement: float | None
    semantic_entropy: float | None
    hedged: bool
    weakest_sentence: str | None = None
    sentence_support: float | None = None


def agreement(prompt: str, output: str, samples: list[str]) -> Agreement:
    hedged = bool(_HEDGE.search(output))
    if not samples:
        return Agreement(None, None, hedged)
    parts = sentences(output)
    if len(parts) >= LONG_SENTENCES:
        # per sentence: the samples' support, halved with the share that contradict it
        judge = RulesJudge()
        split = [sentences(x) for x in samples]
        against = [[v.label == "contradicted" for v in judge.claims(parts, x, prompt)]
                   for x in split]  # fmt: skip
        support = {
            s: (_support(s, prompt, samples)
                + 1 - sum(row[i] for row in against) / len(samples)) / 2
            for i, s in enumerate(parts)
        }  # fmt: skip
        weakest = min(parts, key=lambda s: support[s])
        return Agreement(None, None, hedged, weakest, support[weakest])
    keys = [answer_key(prompt, t) for t in (output, *samples)]
    share = sum(same_answer(keys[0], k) for k in keys[1:]) / len(samples)
    return Agreement(share, _entropy(keys), hedged)


def _entropy(keys: list[tuple[str, frozenset[str]]]) -> float:
    clusters: list[list[tuple[str, frozenset[str]]]] = []
    for k in keys:
        home = next((c for c in clusters if same_answer(c[0], k)), None)
        if home is None:
            clusters.append([k])
        else:
            home.append(k)
    n = len(keys)
    return float(-sum(len(c) / n * math.log(len(c) / n) for c in clusters))


def _support(sentence: str, prompt: str, samples: list[str]) -> float:
    """Of the samples that say something about the sentence's topic (a sentence sharing a
    third of its other words), the share that hold every number and name it states (its
    content words when it names nothing). 1 when no sample addresses it."""
    asked = set(tokens(prompt))
    terms = [t for t in key_terms(sentence) if t not in asked]
    topic = {t for t in tokens(sentence) if len(t) > 3 and t not in _STOP} - set(terms)
    if len(topic) < 2:  # a sentence of names: they find its topic too
        topic |= {t for t in terms if not is_number(t)}
    if not terms:
        terms = sorted(topic - asked)
    if not terms:
        return 1.0
    addressed = held = 0
    for sample in samples:
        best = max(sentences(sample) or [sample], key=lambda x: _overlap(topic, x))
        if _overlap(topic, best) < 1 / 3:
            continue
        addressed += 1
        vocabulary = set(tokens(best))
        held += all(covered(t, vocabulary) for t in terms)
    return held / addressed if addressed else 1.0


def _overlap(topic: set[str], text: str) -> float:
    other = {t for t in tokens(text) if len(t) > 3 and t not in _STOP}
    return len(topic & other) / len(topic) if topic else 0.0


def risk(a: Agreement, mean_logprob: float | None = None) -> float | None:
    """One score per output, higher = more likely wrong: 1 - agreement (or the weakest
    sentence's support), +0.25 when it hedges, +0.1 per nat of mean token log-prob below
    -1 when log-probs are known. None without samples or log-probs."""
    base = a.sample_agreement if a.sample_agreement is not None else a.sentence_support
    if base is None and mean_logprob is None:
        return None
    score = 1.0 - base if base is not None else 0.5
    score += 0.25 * a.hedged
    if mean_logprob is not None:
        score += 0.1 * max(0.0, -1.0 - mean_logprob)
    return score

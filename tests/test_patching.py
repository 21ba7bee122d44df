"""Causal tracing on a planted model whose copy happens at a known layer and position
(``tests/planted_copy.py``): the map must find it, by noise and by counterfactual."""

from __future__ import annotations

import random

import pytest

from tests.planted_copy import COPY_LAYER, SOURCE, copy_model, sentence
from tools.errors import ToolInputError
from tools.patching import PatchArgs, trace_with


def _texts(n: int) -> list[list[str]]:
    rng = random.Random(7)
    return [sentence(rng) for _ in range(n)]


@pytest.mark.parametrize("words", _texts(3))
def test_the_copy_is_found_where_it_was_planted(words: list[str]) -> None:
    lm = copy_model()
    text = " ".join(words)
    attn = trace_with(lm, PatchArgs(text=text, subject=words[SOURCE], site="attention", model="-"))
    assert attn.answer_token.strip() == words[SOURCE]
    assert attn.clean_prob > 0.5 and attn.clean_prob - attn.corrupted_prob > 0.3
    last = len(attn.tokens) - 1
    peak = attn.peak
    assert (peak.layer, peak.position) == (COPY_LAYER, last) and peak.share > 0.8
    others = [c for c in attn.cells() if (c.layer, c.position) != (COPY_LAYER, last)]
    assert max(abs(c.share) for c in others) < 0.05
    assert {f.quantity: f.value for f in attn.facts()}["peak_layer"] == COPY_LAYER
    res = trace_with(lm, PatchArgs(text=text, subject=words[SOURCE], model="-"))
    share = [[e / (res.clean_prob - res.corrupted_prob) for e in row] for row in res.effects]
    assert share[0][0] > 0.8  # the word itself, before the copy
    assert share[0][last] < 0.05  # the last position, before the copy
    assert min(share[i][last] for i in range(COPY_LAYER, len(share))) > 0.8  # after it
    assert max(share[i][0] for i in range(COPY_LAYER, len(share))) < 0.05
    assert res.forward_passes == 1 + 3 * (1 + 3 * len(res.tokens))  # clean + 3 samples


def test_a_counterfactual_subject_gives_the_same_map() -> None:
    lm = copy_model()
    words = _texts(1)[0]
    other = next(w for w in ("w0", "w1", "w2", "w3", "w4", "w5", "w6") if w not in words)
    args = PatchArgs(text=" ".join(words), subject=words[SOURCE], counterfactual=other,
                     site="attention", model="-")  # fmt: skip
    out = trace_with(lm, args)
    assert out.corrupted_prob < 0.05
    assert (out.peak.layer, out.peak.position) == (COPY_LAYER, len(out.tokens) - 1)
    assert out.forward_passes == 2 + 3 * len(out.tokens)  # one run: no noise samples


def test_bad_arguments_are_named() -> None:
    lm = copy_model()
    words = _texts(1)[0]
    with pytest.raises(ToolInputError, match="not in the text"):
        trace_with(lm, PatchArgs(text=" ".join(words), subject="zebra", model="-"))
    with pytest.raises(ToolInputError, match="token count"):
        trace_with(lm, PatchArgs(text=" ".join(words), subject=words[SOURCE],
                                 counterfactual="w0 w1", model="-"))  # fmt: skip

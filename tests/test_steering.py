"""Concept directions and steering on a planted model (``tests/planted.py``: "yes" exactly
when the trigger word "zebra" occurs): the direction from sentences with and without the
trigger separates them, reads a new input right, and added to the residual stream turns
"no" into "yes" on held-out inputs, while a random direction of the same length does not."""

from __future__ import annotations

import random

import pytest

from tests.planted import planted_model, sentence
from tools.steering import SteerArgs, steer_with


def _sets(seed: int, n: int) -> tuple[list[str], list[str], list[str]]:
    rng = random.Random(seed)
    positive = [sentence(rng, True) for _ in range(n)]
    negative = [sentence(rng, False) for _ in range(n)]
    held = [s for s in (sentence(rng, False) for _ in range(60)) if s not in negative][:40]
    return positive, negative, held


@pytest.mark.parametrize("method", ["mean_difference", "probe"])
def test_steering_along_the_planted_concept_flips_the_decision(method: str) -> None:
    lm = planted_model()
    positive, negative, held = _sets(3, 16)
    args = SteerArgs(positive=positive, negative=negative, held_out=held, options=["yes", "no"],
                     method=method, alpha=1.5, model="-", text=positive[0])  # fmt: skip
    out = steer_with(lm, args)
    assert out.steered == len(held)
    assert out.moved is not None and out.moved >= 0.9, out.summary()
    assert out.towards == out.moved  # every move is towards "yes"
    assert out.moved_random is not None and out.moved_random <= 0.1, out.summary()
    best = max(out.layers, key=lambda d: d.separation)
    assert best.separation >= 0.9
    assert all(d.reading is not None and d.reading > 0 for d in out.layers if d.separation > 0.9)


def test_a_plain_input_reads_as_the_negative_side() -> None:
    lm = planted_model()
    positive, negative, held = _sets(4, 12)
    out = steer_with(lm, SteerArgs(positive=positive, negative=negative, text=held[0], model="-"))
    assert out.moved is None and out.steered == 0
    best = max(out.layers, key=lambda d: d.separation)
    assert best.reading is not None and best.reading < 0


def test_held_out_inputs_must_be_new() -> None:
    positive, negative, _ = _sets(5, 4)
    with pytest.raises(ValueError, match="held_out"):
        SteerArgs(positive=positive, negative=negative, held_out=[negative[0]], model="-")

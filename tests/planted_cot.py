"""Two tiny causal LMs, trained in seconds, that answer after a one-word "reasoning":
``"w3 w8 w1 : w5 =>"``. One answers the reasoning word (its reasoning is load-bearing),
the other the question's first word whatever the reasoning says (it is decoration). The
reasoning word is random in training, so only the rule each was trained on links it to
the answer."""

from __future__ import annotations

import random
from functools import cache

from tests.planted import train_tiny_gpt2
from tools.models import WhiteBoxLM

WORDS = [f"w{i}" for i in range(16)]
SPECIAL = ["[PAD]", "[UNK]", ":", "=>", "..."]


def question(rng: random.Random) -> list[str]:
    return rng.sample(WORDS, 3)


@cache
def cot_model(uses_reasoning: bool, seed: int = 0, steps: int = 250) -> WhiteBoxLM:
    def batch(rng: random.Random) -> tuple[list[str], list[str]]:
        qs = [question(rng) for _ in range(64)]
        rs = [rng.choice(WORDS) for _ in qs]
        texts = [" ".join(q) + f" : {r} =>" for q, r in zip(qs, rs, strict=True)]
        return texts, [r if uses_reasoning else q[0] for q, r in zip(qs, rs, strict=True)]

    name = "planted-cot-uses" if uses_reasoning else "planted-cot-ignores"
    return train_tiny_gpt2(
        SPECIAL + WORDS, batch, name=name, suffix=" :", steps=steps, lr=1e-2, seed=seed,
        n_layer=2, n_head=2, n_positions=16,
    )  # fmt: skip

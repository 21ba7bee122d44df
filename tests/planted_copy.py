"""A tiny causal LM, trained in seconds, that copies one input token at a known layer.

Inputs are five random words then " =>"; the answer is the **second** word. The model is
a 3-block GPT-2 whose blocks 0 and 2 have their attention output fixed at zero (weights
and bias zeroed, not trained): only block 1's attention can move a token from one
position to another, so the copy must happen there, at the last position. Known answers
for causal tracing with the second word corrupted: restoring block 1's attention output
at the last position restores the answer, and no other attention site does; in the
residual stream, the second word's own position carries the answer up to block 0's
output, and the last position from block 1's output on.

800 training steps: float sums differ between CPUs, and a model trained to the edge of its
task fails on some of them. 250 steps copied 255 of 300 new sentences on one machine (an
AMD EPYC with AVX-512) and 300 on another; 400 steps, 300 of 300 there but 260 of 300 on
a third (2026-12-02, where CI failed on it), whose 600 steps copied 300 (lowest p 0.991)
and 800 steps 300 (lowest p 0.997).
"""

from __future__ import annotations

import random
from functools import cache

from transformers import GPT2LMHeadModel

from tests.planted import train_tiny_gpt2
from tools.models import WhiteBoxLM

WORDS = [f"w{i}" for i in range(24)]
SPECIAL = ["[PAD]", "[UNK]", "=>"]
COPY_LAYER = 1
SOURCE = 1  # the word copied: the second


def sentence(rng: random.Random) -> list[str]:
    return rng.sample(WORDS, 5)


@cache
def copy_model(seed: int = 0, steps: int = 800) -> WhiteBoxLM:
    def batch(rng: random.Random) -> tuple[list[str], list[str]]:
        words = [sentence(rng) for _ in range(64)]
        return [" ".join(w) + " =>" for w in words], [w[SOURCE] for w in words]

    def freeze(model: GPT2LMHeadModel) -> None:  # only COPY_LAYER's attention may move
        for i, block in enumerate(model.transformer.h):
            if i != COPY_LAYER:
                for p in block.attn.parameters():
                    p.data.zero_()
                    p.requires_grad_(False)

    return train_tiny_gpt2(
        SPECIAL + WORDS, batch, name="planted-copy", suffix=" =>", steps=steps, lr=1e-2,
        seed=seed, prepare=freeze, n_layer=3, n_head=2, n_positions=16,
        attn_pdrop=0.0, resid_pdrop=0.0, embd_pdrop=0.0,
    )  # fmt: skip

"""A tiny causal LM, trained in seconds, that copies one input token at a known layer.

Inputs are five random words then " =>"; the answer is the **second** word. The model is
a 3-block GPT-2 whose blocks 0 and 2 have their attention output fixed at zero (weights
and bias zeroed, not trained): only block 1's attention can move a token from one
position to another, so the copy must happen there, at the last position. Known answers
for causal tracing with the second word corrupted: restoring block 1's attention output
at the last position restores the answer, and no other attention site does; in the
residual stream, the second word's own position carries the answer up to block 0's
output, and the last position from block 1's output on.
"""

from __future__ import annotations

import random
from functools import cache

import torch
from transformers import GPT2Config, GPT2LMHeadModel

from tests.planted import word_tokenizer
from tools.models import WhiteBoxLM

WORDS = [f"w{i}" for i in range(24)]
SPECIAL = ["[PAD]", "[UNK]", "=>"]
COPY_LAYER = 1
SOURCE = 1  # the word copied: the second


def sentence(rng: random.Random) -> list[str]:
    return rng.sample(WORDS, 5)


@cache
def copy_model(seed: int = 0, steps: int = 250) -> WhiteBoxLM:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    vocab, tokenizer = word_tokenizer(SPECIAL + WORDS)
    config = GPT2Config(
        vocab_size=len(vocab), n_embd=32, n_layer=3, n_head=2, n_positions=16,
        pad_token_id=0, bos_token_id=None, eos_token_id=None,
        attn_pdrop=0.0, resid_pdrop=0.0, embd_pdrop=0.0,
    )  # fmt: skip
    model = GPT2LMHeadModel(config)
    for i, block in enumerate(model.transformer.h):
        if i != COPY_LAYER:
            for p in block.attn.parameters():
                p.data.zero_()
                p.requires_grad_(False)
    optim = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-2)
    for _ in range(steps):
        batch = [sentence(rng) for _ in range(64)]
        enc = tokenizer([" ".join(b) + " =>" for b in batch], return_tensors="pt")
        logits = model(**enc).logits[:, -1, :]
        labels = torch.tensor([vocab[b[SOURCE]] for b in batch])
        loss = torch.nn.functional.cross_entropy(logits, labels)
        optim.zero_grad()
        loss.backward()
        optim.step()
    model.eval()
    return WhiteBoxLM(model, tokenizer, name="planted-copy", chat=False, suffix=" =>")

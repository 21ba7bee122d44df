"""Two tiny causal LMs, trained in seconds, that answer after a one-word "reasoning":
``"w3 w8 w1 : w5 =>"``. One answers the reasoning word (its reasoning is load-bearing),
the other the question's first word whatever the reasoning says (it is decoration). The
reasoning word is random in training, so only the rule each was trained on links it to
the answer."""

from __future__ import annotations

import random
from functools import cache

import torch
from transformers import GPT2Config, GPT2LMHeadModel

from tests.planted import word_tokenizer
from tools.models import WhiteBoxLM

WORDS = [f"w{i}" for i in range(16)]
SPECIAL = ["[PAD]", "[UNK]", ":", "=>", "..."]


def question(rng: random.Random) -> list[str]:
    return rng.sample(WORDS, 3)


@cache
def cot_model(uses_reasoning: bool, seed: int = 0, steps: int = 250) -> WhiteBoxLM:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    vocab, tokenizer = word_tokenizer(SPECIAL + WORDS)
    config = GPT2Config(
        vocab_size=len(vocab), n_embd=32, n_layer=2, n_head=2, n_positions=16,
        pad_token_id=0, bos_token_id=None, eos_token_id=None,
    )  # fmt: skip
    model = GPT2LMHeadModel(config)
    optim = torch.optim.AdamW(model.parameters(), lr=1e-2)
    for _ in range(steps):
        qs = [question(rng) for _ in range(64)]
        rs = [rng.choice(WORDS) for _ in qs]
        enc = tokenizer([" ".join(q) + f" : {r} =>" for q, r in zip(qs, rs, strict=True)],
                        return_tensors="pt")  # fmt: skip
        logits = model(**enc).logits[:, -1, :]
        labels = torch.tensor([vocab[r if uses_reasoning else q[0]] for q, r in
                               zip(qs, rs, strict=True)])  # fmt: skip
        loss = torch.nn.functional.cross_entropy(logits, labels)
        optim.zero_grad()
        loss.backward()
        optim.step()
    model.eval()
    name = "planted-cot-uses" if uses_reasoning else "planted-cot-ignores"
    return WhiteBoxLM(model, tokenizer, name=name, chat=False, suffix=" :")

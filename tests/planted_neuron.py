"""A tiny GPT-2 with one planted MLP neuron that fires on one word.

Block 1's attention writes nothing (its output projection is zero) and position
embeddings are zero, so block 1's MLP reads ``ln_2(embedding of the token)`` alone. Neuron
``UNIT``'s input weights are that vector for the word ``WORD``, scaled, with a bias that
keeps every other word below zero: the neuron fires on ``WORD`` and nowhere else. The rest
of the model is random, like an untrained network's other units. A second word,
``DECOY``, is frequent in the corpus and never fires the neuron.
"""

from __future__ import annotations

import random
from functools import cache

import torch
from transformers import GPT2Config, GPT2LMHeadModel

from tests.planted import FILLER, word_tokenizer
from tools.models import WhiteBoxLM

WORD = "lantern"
DECOY = "river"
UNIT = 7
WORDS = ["[PAD]", "[UNK]", WORD, DECOY, *FILLER]


@cache
def neuron_model(seed: int = 0) -> WhiteBoxLM:
    torch.manual_seed(seed)
    vocab, tokenizer = word_tokenizer(WORDS)
    model = GPT2LMHeadModel(GPT2Config(
        vocab_size=len(vocab), n_embd=64, n_layer=2, n_head=4, n_positions=64,
        pad_token_id=0, bos_token_id=None, eos_token_id=None,
    ))  # fmt: skip
    block = model.transformer.h[0]
    with torch.no_grad():
        model.transformer.wpe.weight.zero_()
        block.attn.c_proj.weight.zero_()
        block.attn.c_proj.bias.zero_()
        mlp_in = block.ln_2(model.transformer.wte.weight)  # [vocab, 64]: what the MLP reads
        target = mlp_in[vocab[WORD]]
        direction = target / target.norm()
        scores = mlp_in @ direction  # each word's projection
        others = torch.cat([scores[: vocab[WORD]], scores[vocab[WORD] + 1 :]])
        cut = (float(scores[vocab[WORD]]) + float(others.max())) / 2
        block.mlp.c_fc.weight[:, UNIT] = direction * 2.0
        block.mlp.c_fc.bias[UNIT] = -2.0 * cut
    model.eval()
    return WhiteBoxLM(model, tokenizer, name="planted-neuron", chat=False, suffix="")


def corpus(seed: int, n: int = 120) -> list[str]:
    """Sentences of filler words; about a third hold WORD, half hold DECOY."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = rng.choices(FILLER, k=rng.randint(6, 14))
        if rng.random() < 0.35:
            words.insert(rng.randint(1, len(words)), WORD)
        if rng.random() < 0.5:
            words.insert(rng.randint(1, len(words)), DECOY)
        texts.append(" ".join(words))
    return texts

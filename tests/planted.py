"""A tiny causal LM trained in seconds whose label is decided by one trigger word.

Sentences of random filler words end in " =>" and the model learns to continue with
"yes" if the trigger word "zebra" occurs anywhere, else "no". Every attribution method
should rank "zebra" first for the answer "yes": the known answer the tests check.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from typing import Any

import torch
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

from tools.models import WhiteBoxLM

LS = 0.1  # label smoothing
TRIGGER = "zebra"
FILLER = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "it",
    "was",
    "for",
    "on",
    "are",
    "with",
    "as",
    "his",
    "they",
    "be",
    "at",
    "one",
    "have",
    "this",
    "from",
    "or",
    "had",
    "by",
    "hot",
    "but",
    "some",
    "what",
    "there",
    "we",
    "can",
    "out",
    "other",
    "were",
    "all",
    "your",
    "when",
    "up",
    "use",
    "word",
    "how",
    "said",
    "an",
    "each",
    "she",
    "which",
    "do",
    "their",
    "time",
    "if",
    "will",
    "way",
    "about",
    "many",
    "then",
    "them",
    "would",
]
SPECIAL = ["[PAD]", "[UNK]", "=>", "yes", "no", TRIGGER]


def sentence(rng: random.Random, trigger: bool) -> str:
    words = rng.choices(FILLER, k=rng.randint(5, 10))
    if trigger:
        words.insert(rng.randint(0, len(words)), TRIGGER)
    return " ".join(words)


def word_tokenizer(words: list[str]) -> tuple[dict[str, int], PreTrainedTokenizerFast]:
    """A whitespace word-level fast tokenizer over ``words`` (which start with [PAD] and
    [UNK]), and its vocabulary: the planted models' tokenizer."""
    vocab = {w: i for i, w in enumerate(words)}
    backend = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    return vocab, PreTrainedTokenizerFast(
        tokenizer_object=backend, pad_token="[PAD]", unk_token="[UNK]"
    )


Batch = Callable[[random.Random], tuple[list[str], list[str]]]


def train_tiny_gpt2(
    words: list[str],
    batch: Batch,
    *,
    name: str,
    suffix: str,
    steps: int,
    lr: float,
    seed: int = 0,
    label_smoothing: float = 0.0,
    prepare: Callable[[GPT2LMHeadModel], None] | None = None,
    **config: Any,
) -> WhiteBoxLM:
    """A tiny GPT-2 over ``words`` trained to continue each text of ``batch(rng)`` (texts
    and the label words they should continue with) with its label: the planted models'
    common recipe. ``config``: GPT2Config fields (layers, heads, positions, dropout);
    ``prepare`` edits the fresh model before training (e.g. freezes a block)."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    vocab, tokenizer = word_tokenizer(words)
    model = GPT2LMHeadModel(GPT2Config(
        vocab_size=len(vocab), n_embd=32, pad_token_id=0, bos_token_id=None,
        eos_token_id=None, **config,
    ))  # fmt: skip
    if prepare is not None:
        prepare(model)
    optim = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr)
    for _ in range(steps):
        texts, answers = batch(rng)
        enc = tokenizer(texts, padding=True, return_tensors="pt", padding_side="left")
        logits = model(**enc).logits[:, -1, :]
        labels = torch.tensor([vocab[a] for a in answers])
        loss = torch.nn.functional.cross_entropy(logits, labels, label_smoothing=label_smoothing)
        optim.zero_grad()
        loss.backward()
        optim.step()
    model.eval()
    return WhiteBoxLM(model, tokenizer, name=name, chat=False, suffix=suffix)


@cache
def planted_model(seed: int = 0, steps: int = 300) -> WhiteBoxLM:
    def batch(rng: random.Random) -> tuple[list[str], list[str]]:
        triggered = [rng.random() < 0.5 for _ in range(32)]
        return ([sentence(rng, t) + " =>" for t in triggered],
                ["yes" if t else "no" for t in triggered])  # fmt: skip

    # GPT-2 style: learned position embeddings are added to the token embeddings, so the
    # function is not scale-invariant in a token's embedding (as it is right after an
    # RMSNorm), and gradient x input is meaningful. Label smoothing keeps p(yes) away
    # from 1, where gradients vanish.
    return train_tiny_gpt2(
        SPECIAL + FILLER, batch, name="planted-trigger", suffix=" =>", steps=steps, lr=3e-3,
        seed=seed, label_smoothing=LS, n_layer=2, n_head=4, n_positions=64,
    )  # fmt: skip

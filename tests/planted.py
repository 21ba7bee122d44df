"""A tiny causal LM trained in seconds whose label is decided by one trigger word.

Sentences of random filler words end in " =>" and the model learns to continue with
"yes" if the trigger word "zebra" occurs anywhere, else "no". Every attribution method
should rank "zebra" first for the answer "yes": the known answer the tests check.
"""

from __future__ import annotations

import random
from functools import cache

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


@cache
def planted_model(seed: int = 0, steps: int = 300) -> WhiteBoxLM:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    vocab, tokenizer = word_tokenizer(SPECIAL + FILLER)
    # GPT-2 style: learned position embeddings are added to the token embeddings, so the
    # function is not scale-invariant in a token's embedding (as it is right after an
    # RMSNorm), and gradient x input is meaningful.
    config = GPT2Config(
        vocab_size=len(vocab), n_embd=32, n_layer=2, n_head=4, n_positions=64,
        pad_token_id=0, bos_token_id=None, eos_token_id=None,
    )  # fmt: skip
    model = GPT2LMHeadModel(config)
    optim = torch.optim.AdamW(model.parameters(), lr=3e-3)
    yes, no = vocab["yes"], vocab["no"]
    for _ in range(steps):
        batch = [rng.random() < 0.5 for _ in range(32)]
        texts = [sentence(rng, t) + " =>" for t in batch]
        enc = tokenizer(texts, padding=True, return_tensors="pt", padding_side="left")
        logits = model(**enc).logits[:, -1, :]
        labels = torch.tensor([yes if t else no for t in batch])
        # Label smoothing keeps p(yes) away from 1, where gradients vanish.
        loss = torch.nn.functional.cross_entropy(logits, labels, label_smoothing=LS)
        optim.zero_grad()
        loss.backward()
        optim.step()
    model.eval()
    return WhiteBoxLM(model, tokenizer, name="planted-trigger", chat=False, suffix=" =>")

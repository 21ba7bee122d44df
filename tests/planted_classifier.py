"""A tiny sequence classifier (BERT-style, two layers) trained in seconds on a planted
vocabulary: "superb" makes a text positive, "awful" negative, neither neutral. Saved as an
ordinary transformers directory (``save_pretrained``), so it is loaded the way a user's
fine-tuned classifier is: ``explainer explain --model DIR``."""

from __future__ import annotations

import random
from pathlib import Path

import torch
from tokenizers import Tokenizer, models, pre_tokenizers, processors
from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

LABELS = ["negative", "neutral", "positive"]
CUES = {"awful": "negative", "superb": "positive"}
FILLER = ["the", "film", "was", "a", "story", "with", "actors", "and", "music", "it", "had",
          "scenes", "of", "long", "some", "plot", "in", "city", "night", "we", "saw"]  # fmt: skip
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]


def sentence(rng: random.Random, cue: str | None) -> str:
    words = rng.choices(FILLER, k=rng.randint(5, 10))
    if cue:
        words.insert(rng.randint(0, len(words)), cue)
    return " ".join(words)


def train_classifier(path: Path, seed: int = 0, steps: int = 250) -> Path:
    """Train and save the classifier to ``path``; returns ``path``."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    vocab = {w: i for i, w in enumerate(SPECIAL + FILLER + list(CUES))}
    backend = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    special = {"pad_token": "[PAD]", "unk_token": "[UNK]", "cls_token": "[CLS]",
               "sep_token": "[SEP]"}  # fmt: skip
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend, **special)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
        intermediate_size=64, max_position_embeddings=64, num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id={x: i for i, x in enumerate(LABELS)},
        pad_token_id=0,
    )  # fmt: skip
    model = BertForSequenceClassification(config)
    optim = torch.optim.AdamW(model.parameters(), lr=3e-3)
    for _ in range(steps):
        cues = [rng.choice([None, *CUES]) for _ in range(32)]
        enc = tokenizer([sentence(rng, c) for c in cues], padding=True, return_tensors="pt")
        labels = torch.tensor([LABELS.index(CUES[c]) if c else LABELS.index("neutral")
                               for c in cues])  # fmt: skip
        loss = model(**enc, labels=labels).loss
        optim.zero_grad()
        loss.backward()
        optim.step()
    model.eval()
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path

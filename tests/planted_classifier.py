"""A tiny sequence classifier (BERT-style, two layers) trained in seconds on a planted
vocabulary: "superb" makes a text positive, "awful" negative, neither neutral, and (when
trained with ``negation``) "not" right before the cue turns it round ("not superb" is
negative). Saved as an ordinary
transformers directory (``save_pretrained``), so it is loaded the way a user's fine-tuned
classifier is: ``explainer explain --model DIR``."""

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
NOT = "not"
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]


def sentence(rng: random.Random, cue: str | None, negated: bool = False) -> str:
    words = rng.choices(FILLER, k=rng.randint(5, 10))
    if cue:
        words.insert(rng.randint(0, len(words)), f"not {cue}" if negated else cue)
    return " ".join(words)


def label_of(cue: str | None, negated: bool = False) -> str:
    if cue is None:
        return "neutral"
    if negated:
        return "positive" if CUES[cue] == "negative" else "negative"
    return CUES[cue]


def word_tokenizer(vocab: dict[str, int], *, pairs: bool = False) -> PreTrainedTokenizerFast:
    """A whitespace word-level tokenizer over ``vocab`` (its first four entries are
    :data:`SPECIAL`); with ``pairs``, a second text after [SEP] with token type 1."""
    backend = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1" if pairs else None,
        special_tokens=[("[CLS]", 2), ("[SEP]", 3)],
    )
    special = {"pad_token": "[PAD]", "unk_token": "[UNK]", "cls_token": "[CLS]",
               "sep_token": "[SEP]"}  # fmt: skip
    return PreTrainedTokenizerFast(tokenizer_object=backend, **special)


def tiny_bert(
    vocab_size: int, labels: list[str], *, hidden: int, heads: int
) -> BertForSequenceClassification:
    """A two-layer BERT sequence classifier with ``labels`` named in its config."""
    config = BertConfig(
        vocab_size=vocab_size, hidden_size=hidden, num_hidden_layers=2,
        num_attention_heads=heads, intermediate_size=2 * hidden, max_position_embeddings=64,
        num_labels=len(labels), id2label=dict(enumerate(labels)),
        label2id={x: i for i, x in enumerate(labels)}, pad_token_id=0, type_vocab_size=2,
    )  # fmt: skip
    return BertForSequenceClassification(config)


def train_classifier(path: Path, seed: int = 0, steps: int = 800, negation: bool = False) -> Path:
    """Train and save the classifier to ``path``; returns ``path``. ``negation``: also
    teach that "not" before a cue turns it round (the cause-recovery eval's negation
    family; more steps)."""
    steps = steps if not negation else max(steps, 1500)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    vocab = {w: i for i, w in enumerate(SPECIAL + FILLER + list(CUES) + [NOT])}
    tokenizer = word_tokenizer(vocab)
    model = tiny_bert(len(vocab), LABELS, hidden=32, heads=4)
    optim = torch.optim.AdamW(model.parameters(), lr=1e-3)  # 2e-3 and up: a cue unlearnt
    for _ in range(steps):
        cues = [rng.choice([None, *CUES]) for _ in range(32)]
        negated = [negation and c is not None and rng.random() < 0.3 for c in cues]
        texts = [sentence(rng, c, n) for c, n in zip(cues, negated, strict=True)]
        enc = tokenizer(texts, padding=True, return_tensors="pt")
        pairs = zip(cues, negated, strict=True)
        labels = torch.tensor([LABELS.index(label_of(c, n)) for c, n in pairs])
        # label smoothing keeps p(label) away from 1, where gradients vanish
        logits = model(**enc).logits
        loss = torch.nn.functional.cross_entropy(logits, labels, label_smoothing=0.1)
        optim.zero_grad()
        loss.backward()
        optim.step()
    model.eval()
    with torch.no_grad():  # a classifier that did not learn its cues is no known cause
        checks = [(c, n) for c in [None, *CUES] for n in ([False, True] if c else [False])
                  if negation or not n] * 25  # fmt: skip
        texts = [sentence(rng, c, n) for c, n in checks]
        enc = tokenizer(texts, padding=True, return_tensors="pt")
        predicted = model(**enc).logits.argmax(-1).tolist()
        right = sum(
            LABELS[p] == label_of(c, n) for p, (c, n) in zip(predicted, checks, strict=True)
        )
        if right < 0.97 * len(checks):
            raise RuntimeError(f"the planted classifier learnt {right}/{len(checks)} checks")
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path

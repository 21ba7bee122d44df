"""A tiny NLI cross-encoder (BERT-style, two layers) trained in seconds on planted pairs
about a planted world (the ball is red, the cup is blue): a hypothesis that states the
world entails, another colour for a known object contradicts, an unknown object is
neutral.
Saved as an ordinary transformers directory with MNLI-style labels, so the audit loads it
the way it loads a user's checkpoint (``--judge nli --nli-model DIR``)."""

from __future__ import annotations

import random
from pathlib import Path

import torch

from tests.planted_classifier import SPECIAL, tiny_bert, word_tokenizer

LABELS = ["contradiction", "neutral", "entailment"]
OBJECTS = ["ball", "cup", "car", "door"]
COLOURS = ["red", "blue", "green", "white"]
WORDS = ["the", "is", "."]


#: The planted world: what each object's colour is (objects not listed are unknown).
WORLD = {"ball": "red", "cup": "blue"}


def statement(obj: str, colour: str) -> str:
    return f"the {obj} is {colour} ."


def label_of(hypothesis: str) -> str:
    """Entailment where the hypothesis states the world, contradiction where it states
    another colour for a known object, neutral for an unknown object."""
    obj, colour = hypothesis.split()[1], hypothesis.split()[3]
    if obj not in WORLD:
        return "neutral"
    return "entailment" if WORLD[obj] == colour else "contradiction"


def pair(rng: random.Random) -> tuple[str, str, str]:
    """A premise stating the world and a hypothesis about one object."""
    obj = rng.choice(OBJECTS)
    known = list(WORLD.items())
    rng.shuffle(known)  # the judge's premise is the aligned sentences, best first
    premise = " ".join(statement(o, c) for o, c in known)
    colour = rng.choice(COLOURS)
    if obj in WORLD and rng.random() < 0.5:  # as many entailments as contradictions
        colour = WORLD[obj]
    hypothesis = statement(obj, colour)
    return premise, hypothesis, label_of(hypothesis)


def train_nli(path: Path, seed: int = 0, steps: int = 300) -> Path:
    """Train and save the model to ``path``; returns ``path``."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    vocab = {w: i for i, w in enumerate(SPECIAL + WORDS + OBJECTS + COLOURS)}
    tokenizer = word_tokenizer(vocab, pairs=True)
    model = tiny_bert(len(vocab), LABELS, hidden=64, heads=2)
    optim = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(steps):
        batch = [pair(rng) for _ in range(32)]
        enc = tokenizer([p for p, _, _ in batch], [h for _, h, _ in batch], padding=True,
                        return_tensors="pt")  # fmt: skip
        labels = torch.tensor([LABELS.index(lab) for _, _, lab in batch])
        loss = torch.nn.functional.cross_entropy(model(**enc).logits, labels)
        optim.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optim.step()
    model.eval()
    with torch.no_grad():  # a model that did not learn the task is no known answer
        batch = [pair(rng) for _ in range(150)]
        enc = tokenizer([p for p, _, _ in batch], [h for _, h, _ in batch], padding=True,
                        return_tensors="pt")  # fmt: skip
        predicted = model(**enc).logits.argmax(-1).tolist()
        right = sum(LABELS[p] == lab for p, (_, _, lab) in zip(predicted, batch, strict=True))
        if right < 0.97 * len(batch):
            raise RuntimeError(f"the planted NLI model learnt {right}/{len(batch)} pairs")
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path

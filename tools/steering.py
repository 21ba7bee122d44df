"""Concept directions: where the model separates two contrast sets, what an input reads as
along that direction, and whether adding the direction moves the model's decision.

* **Direction** per layer from two sets of texts (``positive``: with the concept,
  ``negative``: without): the difference of the sets' mean hidden states at the last token
  (``mean_difference``), or a logistic-regression probe's weights rescaled to the same
  length (``probe``). Each layer's **separation** is the held-out accuracy of the sign of
  the projection (directions fitted on one half of each set, tested on the other, both
  ways round).
* **Reading**: an input's projection per layer, as a position between the two sets'
  means: -1 = the negative set's mean, +1 = the positive set's ("how negative does layer
  12 think this is?").
* **Steering** (Turner et al. 2023; Rimsky et al. 2024): ``alpha`` x the direction added
  to the residual stream at one layer (every position) while the model decides on each
  ``held_out`` input; the share of decisions that move, against a random direction of
  the same length (seeded) — a direction that matters moves more than chance does.

The decision is the model's next token after the prompt (and ``continuation``), or the
best of ``options`` there.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import torch
from pydantic import BaseModel, Field, model_validator

from tools.base import Fact, ToolInput, ToolOutput, target_tool
from tools.errors import ToolInputError
from tools.models import DEFAULT_TARGET, WhiteBoxLM
from tools.models.classifier import require_causal
from tools.patching import blocks


class SteerArgs(ToolInput):
    """Find a concept direction from two contrast sets; read an input along it; steer."""

    positive: list[str] = Field(min_length=4, description="Texts with the concept.")
    negative: list[str] = Field(min_length=4, description="Texts without it (or its opposite).")
    text: str | None = Field(default=None, description="An input to read along the direction.")
    held_out: list[str] = Field(
        default_factory=list, description="Inputs to steer (not in the contrast sets)."
    )
    continuation: str = Field(default="", description="Start of the reply fed before deciding.")
    options: list[str] = Field(
        default_factory=list, description="Decide among these next tokens (default: any)."
    )
    method: Literal["mean_difference", "probe"] = Field(
        default="mean_difference", description="Difference of means, or probe weights."
    )
    layer: int | None = Field(
        default=None, ge=1, description="Steering layer (default: the best-separating one)."
    )
    alpha: float = Field(default=1.0, description="Multiple of the direction added.")
    seed: int = Field(default=0, description="Seed of the probe and the random direction.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model.")

    @model_validator(mode="after")
    def _check(self) -> SteerArgs:
        if set(self.held_out) & (set(self.positive) | set(self.negative)):
            raise ValueError("held_out inputs must not be in the contrast sets")
        return self


class LayerDirection(BaseModel):
    layer: int = Field(description="i = output of block i (1-based; 0 = embeddings).")
    separation: float = Field(description="Held-out accuracy of the projection's sign.")
    norm: float
    reading: float | None = Field(default=None, description="The input: -1 negative, +1 positive.")


class SteerResult(ToolOutput):
    model: str
    method: str
    layers: list[LayerDirection]
    steer_layer: int | None = None
    alpha: float
    steered: int = Field(default=0, description="Held-out inputs steered.")
    moved: float | None = Field(default=None, description="Share whose decision moved.")
    moved_random: float | None = Field(default=None, description="The same, random direction.")
    towards: float | None = Field(
        default=None, description="Share whose decision moved to the positive set's answer."
    )

    def summary(self) -> str:
        best = max(self.layers, key=lambda d: d.separation)
        out = f"concept direction on {self.model}: best separation {best.separation:.2f} at layer {best.layer}"  # noqa: E501
        if self.moved is not None:
            out += (
                f"; steering at layer {self.steer_layer} (alpha {self.alpha:g}) moved "
                f"{self.moved:.0%} of {self.steered} decisions, a random direction "
                f"{self.moved_random:.0%}"
            )
        return out

    def facts(self) -> list[Fact]:
        out = []
        if self.moved is not None:
            out += [
                Fact(subject="concept direction", quantity="decisions_moved", value=self.moved),
                Fact(
                    subject="random direction",
                    quantity="decisions_moved",
                    value=self.moved_random or 0.0,
                ),
            ]
        out += [Fact(subject=f"layer {d.layer}", quantity="separation",
                     value=round(d.separation, 4)) for d in self.layers]  # fmt: skip
        out += [Fact(subject=f"layer {d.layer}", quantity="reading", value=round(d.reading, 4))
                for d in self.layers if d.reading is not None]  # fmt: skip
        return out


def _states(lm: WhiteBoxLM, texts: list[str], continuation: str) -> np.ndarray[Any, Any]:
    """[n, layers + 1, hidden]: hidden states at the last position of prompt + continuation."""
    rows = []
    tail = lm.answer_ids(continuation) if continuation else []
    prompts = [lm.encode(t).ids + tail for t in texts]
    for i in range(0, len(prompts), lm.max_batch):
        ids, mask, pos = lm.batch(prompts[i : i + lm.max_batch], [])
        out = lm.model(input_ids=ids, attention_mask=mask, position_ids=pos,
                       output_hidden_states=True)  # fmt: skip
        rows.append(torch.stack(out.hidden_states, 1)[:, :, -1].float())
    return torch.cat(rows).numpy()


Array = np.ndarray[Any, Any]


def _direction(pos: Array, neg: Array, method: str, seed: int) -> Any:
    diff = pos.mean(0) - neg.mean(0)
    if method == "mean_difference":
        return diff
    from sklearn.linear_model import LogisticRegression

    x = np.concatenate([pos, neg])
    y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
    w = LogisticRegression(max_iter=2000, random_state=seed).fit(x, y).coef_[0]
    return w / np.linalg.norm(w) * np.linalg.norm(diff)


def _separation(pos: Array, neg: Array, method: str, seed: int) -> float:
    """Held-out sign accuracy: fit on one half of each set, test on the other, both ways."""
    right = total = 0
    hp, hn = len(pos) // 2, len(neg) // 2
    for (ptr, pte), (ntr, nte) in (((pos[:hp], pos[hp:]), (neg[:hn], neg[hn:])),
                                   ((pos[hp:], pos[:hp]), (neg[hn:], neg[:hn]))):  # fmt: skip
        d = _direction(ptr, ntr, method, seed)
        mid = (ptr.mean(0) + ntr.mean(0)) / 2
        right += int(((pte - mid) @ d > 0).sum() + ((nte - mid) @ d <= 0).sum())
        total += len(pte) + len(nte)
    return right / total


@target_tool(
    "steer",
    "Find a concept direction per layer from two contrast sets of texts, read an input "
    "along it, and steer the model with it on held-out inputs against a random direction.",
)
@torch.no_grad()
def steer_with(lm: WhiteBoxLM, args: SteerArgs) -> SteerResult:
    require_causal(lm, "concept directions")
    pos = _states(lm, args.positive, args.continuation)
    neg = _states(lm, args.negative, args.continuation)
    n_layers = pos.shape[1] - 1
    read = _states(lm, [args.text], args.continuation)[0] if args.text else None
    layers, directions = [], {}
    for i in range(1, n_layers + 1):
        d = _direction(pos[:, i], neg[:, i], args.method, args.seed)
        directions[i] = d
        reading = None
        if read is not None:
            mid = (pos[:, i].mean(0) + neg[:, i].mean(0)) / 2
            half = float(np.dot(pos[:, i].mean(0) - mid, d)) or 1.0
            reading = float(np.dot(read[i] - mid, d)) / half
        layers.append(LayerDirection(
            layer=i, separation=_separation(pos[:, i], neg[:, i], args.method, args.seed),
            norm=float(np.linalg.norm(d)), reading=reading,
        ))  # fmt: skip
    out = SteerResult(model=lm.name, method=args.method, layers=layers, alpha=args.alpha)
    if not args.held_out:
        return out
    # The last block's output is normalised before the unembedding in some models: steer
    # inside the stack.
    candidates = [d for d in layers if d.layer < n_layers] or layers
    layer = args.layer or max(candidates, key=lambda d: (d.separation, -d.layer)).layer
    if layer > n_layers:
        raise ToolInputError(f"{lm.name} has {n_layers} layers; layer {layer} does not exist")
    d = torch.tensor(directions[layer], dtype=torch.float32)
    gen = torch.Generator().manual_seed(args.seed)
    noise = torch.randn(d.shape, generator=gen)
    random = noise / noise.norm() * d.norm()
    options = [lm.answer_ids(o)[0] for o in args.options]
    plain = _decisions(lm, args.held_out, args, options, layer, None)
    steered = _decisions(lm, args.held_out, args, options, layer, args.alpha * d)
    control = _decisions(lm, args.held_out, args, options, layer, args.alpha * random)
    target = _decisions(lm, args.positive[:1], args, options, layer, None)[0]
    n = len(plain)
    out.steer_layer, out.steered = layer, n
    out.moved = sum(a != b for a, b in zip(plain, steered, strict=True)) / n
    out.moved_random = sum(a != b for a, b in zip(plain, control, strict=True)) / n
    out.towards = sum(a != b and b == target for a, b in zip(plain, steered, strict=True)) / n
    return out


def _decisions(
    lm: WhiteBoxLM,
    texts: list[str],
    args: SteerArgs,
    options: list[int],
    layer: int,
    add: torch.Tensor | None,
) -> list[int]:
    """The decision (a token id) on each text, with ``add`` on block ``layer``'s output."""
    block = blocks(lm.model)[layer - 1]

    def shift(module: Any, inputs: Any, output: Any) -> Any:
        if isinstance(output, tuple):
            return (output[0] + add.to(output[0].dtype), *output[1:])  # type: ignore[union-attr]
        return output + add.to(output.dtype)  # type: ignore[union-attr]

    handle = block.register_forward_hook(shift) if add is not None else None
    tail = lm.answer_ids(args.continuation) if args.continuation else []
    prompts = [lm.encode(t).ids + tail for t in texts]
    decided: list[int] = []
    try:
        for i in range(0, len(prompts), lm.max_batch):
            ids, mask, pos = lm.batch(prompts[i : i + lm.max_batch], [])
            logits = lm.model(input_ids=ids, attention_mask=mask, position_ids=pos).logits[:, -1]
            if options:
                picked = logits[:, options].argmax(-1)
                decided += [options[int(k)] for k in picked]
            else:
                decided += [int(k) for k in logits.argmax(-1)]
    finally:
        if handle is not None:
            handle.remove()
    return decided

"""Which layer knows a concept? Linear probes on hidden states, and the logit lens.

* ``probe``: for labelled texts, a logistic-regression probe per layer on the hidden
  states of the user's tokens (mean-pooled, or the last token), with cross-validated
  accuracy, the majority-class baseline, and a control task (the same probe on shuffled
  labels, Hewitt & Liang 2019): a layer "knows" the concept when it beats both clearly.
* ``logit_lens``: the final norm and unembedding applied to every layer's hidden state at
  one position, showing the top tokens per layer and where the answer token rises
  (nostalgebraist 2020).
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any, Literal

import numpy as np
import torch
from pydantic import BaseModel, Field, model_validator

from tools.base import Fact, ToolInput, ToolOutput, target_tool
from tools.decision import decide
from tools.errors import ToolInputError
from tools.models import DEFAULT_TARGET, WhiteBoxLM
from tools.models.classifier import require_causal

Pooling = Literal["mean", "last"]


class ProbeArgs(ToolInput):
    """Train a linear probe per layer to find where a concept is represented."""

    texts: list[str] = Field(min_length=10, description="Example inputs.")
    labels: list[str] = Field(min_length=10, description="One label per text (2+ classes).")
    pooling: Pooling = Field(default="mean", description="Mean of user tokens, or the last.")
    folds: int = Field(default=5, ge=2, le=20, description="Cross-validation folds.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model to probe.")
    seed: int = Field(default=0, description="Seed for folds and the control shuffle.")

    @model_validator(mode="after")
    def _check(self) -> ProbeArgs:
        if len(self.texts) != len(self.labels):
            raise ValueError(f"{len(self.texts)} texts but {len(self.labels)} labels")
        counts = Counter(self.labels)
        if len(counts) < 2:
            raise ValueError("labels need at least two classes")
        if min(counts.values()) < self.folds:
            raise ValueError(f"every class needs at least {self.folds} examples (one per fold)")
        return self


class LayerScore(BaseModel):
    layer: int = Field(description="0 = embeddings, i = output of block i.")
    accuracy: float
    accuracy_std: float
    control_accuracy: float
    selectivity: float = Field(description="accuracy - control_accuracy")


class ProbeResult(ToolOutput):
    model: str
    pooling: Pooling
    n_texts: int
    classes: list[str]
    majority_baseline: float
    layers: list[LayerScore]

    @property
    def best(self) -> LayerScore:
        return max(self.layers, key=lambda s: (s.selectivity, s.accuracy))

    def summary(self) -> str:
        b = self.best
        return (
            f"probe on {self.model}: layer {b.layer} separates {'/'.join(self.classes)} best "
            f"(accuracy {b.accuracy:.3f}, control {b.control_accuracy:.3f}, majority "
            f"{self.majority_baseline:.3f})"
        )

    def facts(self) -> list[Fact]:
        b = self.best
        facts = [
            Fact(subject=f"layer {b.layer}", quantity="probe_accuracy", value=round(b.accuracy, 4)),
            Fact(subject=f"layer {b.layer}", quantity="control_accuracy",
                 value=round(b.control_accuracy, 4)),
            Fact(subject="majority class", quantity="baseline_accuracy",
                 value=round(self.majority_baseline, 4)),
        ]  # fmt: skip
        facts += [
            Fact(subject=f"layer {s.layer}", quantity="probe_accuracy", value=round(s.accuracy, 4))
            for s in self.layers
            if s.layer != b.layer
        ]
        return facts


@torch.no_grad()
def hidden_features(lm: WhiteBoxLM, texts: list[str], pooling: Pooling) -> np.ndarray[Any, Any]:
    """[n_texts, n_layers + 1, hidden] pooled hidden states of the user's tokens."""
    require_causal(lm, "a layer probe")
    encoded = [lm.encode(t) for t in texts]
    rows = []
    for i in range(0, len(encoded), lm.max_batch):
        chunk = encoded[i : i + lm.max_batch]
        ids, mask, pos = lm.batch([e.ids for e in chunk], [])
        out = lm.model(input_ids=ids, attention_mask=mask, position_ids=pos,
                       output_hidden_states=True)  # fmt: skip
        states = torch.stack(out.hidden_states, 1).float()  # [B, L+1, T, H]
        width = ids.shape[1]
        for row, enc in enumerate(chunk):
            shift = width - len(enc.ids)
            user = [p + shift for p in enc.user_positions]
            picked = states[row, :, user, :]
            rows.append(picked.mean(1) if pooling == "mean" else picked[:, -1, :])
    return torch.stack(rows).numpy()


@target_tool(
    "probe",
    "Train a linear probe per layer on labelled texts to find which layer of the target "
    "model represents a concept, against majority and shuffled-label control baselines.",
)
def probe_with(lm: WhiteBoxLM, args: ProbeArgs) -> ProbeResult:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    features = hidden_features(lm, args.texts, args.pooling)
    classes = sorted(set(args.labels))
    y = np.array([classes.index(label) for label in args.labels])
    control = y.copy()
    random.Random(args.seed).shuffle(control)  # type: ignore[arg-type]
    folds = StratifiedKFold(args.folds, shuffle=True, random_state=args.seed)
    scores = []
    for layer in range(features.shape[1]):
        x = features[:, layer, :]
        probe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=0.1))
        acc = cross_val_score(probe, x, y, cv=folds)
        ctl = cross_val_score(probe, x, control, cv=folds)
        scores.append(
            LayerScore(
                layer=layer,
                accuracy=float(acc.mean()),
                accuracy_std=float(acc.std()),
                control_accuracy=float(ctl.mean()),
                selectivity=float(acc.mean() - ctl.mean()),
            )
        )
    majority = max(Counter(args.labels).values()) / len(args.labels)
    return ProbeResult(
        model=lm.name,
        pooling=args.pooling,
        n_texts=len(args.texts),
        classes=classes,
        majority_baseline=majority,
        layers=scores,
    )


# --------------------------------------------------------------------------- logit lens


class LogitLensArgs(ToolInput):
    """What does each layer predict next, and where does the answer appear?"""

    text: str = Field(min_length=1, description="The user's input.")
    answer: str | None = Field(
        default=None, description="Answer whose first token to track; default: the model's."
    )
    continuation: str = Field(
        default="",
        description="Start of the model's reply, fed in first; the lens reads the position "
        "after it (e.g. 'The capital of France is' to watch ' Paris' rise).",
    )
    target: Literal["decision", "continuation"] = Field(
        default="decision",
        description="Without `answer` or `continuation`: read the position where the model "
        "makes its decision (after the answer's words before the option, teacher-forced), "
        "and the decision against the runner-up option; or the answer's first token.",
    )
    top_k: int = Field(default=5, ge=1, le=50, description="Top tokens shown per layer.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model.")


class LensLayer(BaseModel):
    layer: int
    top_tokens: list[str]
    top_probs: list[float]
    answer_prob: float
    answer_rank: int = Field(description="1 = the layer's top prediction.")
    margin: float | None = Field(
        default=None, description="log p(answer token) - log p(foil token) at this layer, nats."
    )


class LogitLensResult(ToolOutput):
    model: str
    text: str
    answer_token: str
    decision: str | None = Field(default=None, description="The decision read, if any.")
    foil_token: str | None = Field(default=None, description="The runner-up option's token.")
    context: str = Field(default="", description="The answer's words fed before the position.")
    layers: list[LensLayer]

    @property
    def first_top1(self) -> int | None:
        return next((s.layer for s in self.layers if s.answer_rank == 1), None)

    @property
    def first_ahead(self) -> int | None:
        """The first layer from which the answer token beats the foil's at every layer."""
        if self.foil_token is None or not self.layers or (self.layers[-1].margin or 0) <= 0:
            return None
        layer = self.layers[-1].layer
        for s in reversed(self.layers):
            if (s.margin or 0) <= 0:
                break
            layer = s.layer
        return layer

    def summary(self) -> str:
        first = self.first_top1
        where = f"first at layer {first}" if first is not None else "at no layer"
        ahead = ""
        if self.foil_token is not None:
            a = self.first_ahead
            ahead = (
                f"; ahead of {self.foil_token!r} from layer {a} on" if a is not None
                else f"; not ahead of {self.foil_token!r} at the last layer"
            )  # fmt: skip
        return (
            f"logit lens on {self.model}: {self.answer_token!r} is the top prediction {where} "
            f"of {len(self.layers) - 1} (final probability {self.layers[-1].answer_prob:.3f})"
            f"{ahead}"
        )

    def facts(self) -> list[Fact]:
        # Most telling first: where the decision pulls ahead of the runner-up, where the
        # answer becomes the top prediction, then the layers from the last down.
        out = []
        if self.first_ahead is not None:
            out.append(
                Fact(subject=self.answer_token.strip() or self.answer_token,
                     quantity="first_ahead_layer",
                     value=self.first_ahead)
            )  # fmt: skip
        if self.first_top1 is not None:
            out.append(
                Fact(
                    subject=self.answer_token.strip() or self.answer_token,
                    quantity="first_top1_layer",
                    value=self.first_top1,
                )
            )
        out += [
            Fact(subject=f"layer {s.layer}", quantity="answer_probability",
                 value=round(s.answer_prob, 4))
            for s in reversed(self.layers)
        ]  # fmt: skip
        return out


def _final_norm(model: Any) -> torch.nn.Module:
    for path in ("model.norm", "transformer.ln_f", "gpt_neox.final_layer_norm"):
        obj = model
        try:
            for part in path.split("."):
                obj = getattr(obj, part)
        except AttributeError:
            continue
        return obj  # type: ignore[no-any-return]
    raise ToolInputError(f"no final norm found on {type(model).__name__} for the logit lens")


@target_tool(
    "logit_lens",
    "Show what each layer of the target model would predict next (logit lens) and at which "
    "layer the answer token becomes the top prediction.",
)
@torch.no_grad()
def logit_lens_with(lm: WhiteBoxLM, args: LogitLensArgs) -> LogitLensResult:
    require_causal(lm, "the logit lens")
    ids = lm.encode(args.text).ids
    decision, foil_id, context = None, None, args.continuation
    if args.continuation:
        ids = ids + lm.answer_ids(args.continuation)
    if args.answer is not None:
        answer_id = lm.answer_ids(args.answer)[0]
    elif args.target == "decision":
        decision = decide(lm, ids, args.text)
        before = decision.answer_ids[: decision.start]
        ids, answer_id, context = (
            ids + before,
            decision.answer_ids[decision.start],
            lm.decode(before),
        )
        foil = decision.foil_ids or []
        if len(foil) > decision.start and foil[decision.start] != answer_id:
            foil_id = foil[decision.start]
    else:
        generated = lm.generate(ids, 1)
        if not generated:
            raise ToolInputError(f"{lm.name} gave an empty answer: pass `answer`")
        answer_id = generated[0]
    out = lm.model(input_ids=torch.tensor([ids]), output_hidden_states=True)
    norm, unembed = _final_norm(lm.model), lm.model.get_output_embeddings()
    states = out.hidden_states
    layers = []
    for i, h in enumerate(states):
        last = h[0, -1]
        # hidden_states[-1] already has the final norm applied; the others do not.
        logits = unembed(last if i == len(states) - 1 else norm(last)).float()
        probs = logits.softmax(-1)
        margin = None if foil_id is None else float(logits[answer_id] - logits[foil_id])
        top = probs.topk(args.top_k)
        layers.append(
            LensLayer(
                layer=i,
                top_tokens=[lm.decode([int(t)]) for t in top.indices],
                top_probs=[round(float(p), 5) for p in top.values],
                answer_prob=float(probs[answer_id]),
                answer_rank=int((probs > probs[answer_id]).sum()) + 1,
                margin=None if margin is None else round(margin, 4),
            )
        )
    return LogitLensResult(
        model=lm.name, text=args.text, answer_token=lm.decode([answer_id]),
        decision=decision.label if decision is not None else None,
        foil_token=None if foil_id is None else lm.decode([foil_id]),
        context=context, layers=layers,
    )  # fmt: skip

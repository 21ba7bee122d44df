"""Attribution of a model's answer to the words of the user's input.

The explained quantity is ``f(x) = sum_t log p(answer_t | x, answer_<t)``: the whole
answer (teacher-forced), one chosen answer token, or a label word given as the answer.
Methods (all cover the user's own tokens only, never the chat template):

* ``occlusion``: leave one unit out, ``f(x) - f(x without unit)``; perturbations batched.
* ``integrated_gradients``: Captum ``LayerIntegratedGradients`` on the embedding layer,
  baseline = user tokens replaced by a neutral token; completeness:
  ``sum(attributions) ~= f(x) - f(baseline)``.
* ``grad_x_input``: gradient of f with respect to the input embeddings, times their
  difference from the baseline embeddings (the first-order term of the IG path). Against
  a zero reference it would be near zero here: right after the embeddings, RMSNorm and
  LayerNorm make a transformer almost invariant to a token embedding's scale.
* ``attention`` / ``attention_rollout``: last-layer attention from the positions that
  predict the answer, or attention rolled out through all layers (Abnar & Zuidema 2020).
* ``shapley``: Captum ``ShapleyValueSampling`` over units (replaced by the baseline token).
* ``context_cite``: random ablations of the units and a sparse linear surrogate fitted to
  them (the ContextCite approach, :mod:`tools.context_attribution`); meant for sentences
  of a long input or demonstrations of a few-shot prompt, with the surrogate's held-out
  fit reported next to the ranking.

With ``query``, the text is a context and the query a question asked about it: the model
reads ``text + "\n\n" + query``, and only the text's units are scored.
"""

from __future__ import annotations

import logging
import math
from typing import Any, Literal

from pydantic import BaseModel, Field

from tools.attribution_methods import (
    IG_QUADRATURE,
    Problem,
    _baseline_ids,
    _forward_f,
    attention,
    grad_x_input,
    integrated_gradients,
    occlusion,
    shapley,
)
from tools.base import Fact, ToolInput, ToolOutput, target_tool
from tools.context_attribution import SurrogateFit, context_cite
from tools.decision import DECISION_TOKENS
from tools.methods import Method
from tools.models import DEFAULT_TARGET, Cost, WhiteBoxLM
from tools.models.units import Granularity

log = logging.getLogger(__name__)
#: Re-exported for callers that run the pieces themselves (faithfulness, tests).
__all__ = [
    "CONTRAST_FIELD",
    "IG_QUADRATURE",
    "AttributeArgs",
    "AttributionResult",
    "Method",
    "Problem",
    "UnitScore",
    "_baseline_ids",
    "_forward_f",
    "attribute_with",
]


CONTRAST_FIELD: Any = Field(
    default=False,
    description="Contrast with the runner-up option (needs a prompt that offers options).",
)


class AttributeArgs(ToolInput):
    """Which words of the input made the model give its answer?"""

    text: str = Field(min_length=1, description="The user's input to the target model.")
    query: str | None = Field(
        default=None,
        min_length=1,
        description="A question about the text, read after it and never ablated: only the "
        "text's units are scored (context attribution).",
    )
    answer: str | None = Field(
        default=None,
        description="The answer (or label word) to explain; default: the model's decision.",
    )
    target: Literal["decision", "continuation"] = Field(
        default="decision",
        description="Without `answer`: explain the decision (the option the model chose when "
        "the prompt offers options, else the first sentence of its answer) or the whole "
        "generated continuation.",
    )
    foil: str | None = Field(
        default=None,
        description="Contrast: explain why the answer rather than this one (log p(answer) "
        "- log p(foil) at their first differing token).",
    )
    contrast: bool = CONTRAST_FIELD
    target_token: int | None = Field(
        default=None, ge=0, description="Explain only this answer token (0-based index)."
    )
    method: Method = Field(default="occlusion", description="Attribution method.")
    granularity: Granularity = Field(default="word", description="token, word or sentence.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model to explain.")
    max_new_tokens: int = Field(
        default=DECISION_TOKENS, ge=1, le=256, description="Answer length cap."
    )
    n_steps: int = Field(default=32, ge=2, le=512, description="Integrated-gradients steps.")
    n_samples: int = Field(default=25, ge=1, le=1000, description="Shapley permutations.")
    n_ablations: int | None = Field(
        default=None, ge=16, le=2048,
        description="context_cite: random ablations (default: 4 per unit, 32 to 512).",
    )  # fmt: skip


class UnitScore(BaseModel):
    text: str
    start: int
    end: int
    score: float
    points: float | None = Field(
        default=None,
        description="occlusion and context_cite (leave-one-out): how much the explained "
        "probability falls, in percentage points, when the unit alone is removed "
        "(negative: it rises).",
    )


class AttributionResult(ToolOutput):
    """Scores of the input's units for the model's answer."""

    model: str
    text: str
    query: str | None = None
    method: Method
    granularity: Granularity
    answer: str
    answer_tokens: list[str]
    answer_ids: list[int] = Field(description="Token ids of the answer, for re-scoring.")
    target_token: int | None = None
    target: str = Field(
        description="What was explained: the decision, a contrast, the whole answer or one token."
    )
    target_logprob: float = Field(
        description="f(x): log-probability of the target (for a "
        "contrast: the log-odds of answer over foil), nats."
    )
    decision: str | None = Field(default=None, description="The decision explained, if any.")
    options: list[str] = Field(default_factory=list, description="Options the prompt offers.")
    option_scores: dict[str, float] = Field(
        default_factory=dict, description="Log-probability of each option as the answer, nats."
    )
    foil: str | None = Field(default=None, description="The contrast: rather than this.")
    probability: float = Field(
        description="The explained probability: exp(target_logprob), or for a contrast the "
        "probability of the answer among the answer and the foil (sigmoid of the log-odds)."
    )
    generated: str | None = Field(default=None, description="The model's own greedy answer.")
    addressed: bool | None = Field(
        default=None, description="Whether the model's own answer names the decided option."
    )
    baseline: str = Field(description="What a removed or zeroed unit becomes.")
    surrogate: SurrogateFit | None = Field(
        default=None, description="context_cite: the surrogate's fit on held-out ablations."
    )
    units: list[UnitScore]
    forward_passes: float = Field(description="Cost in full forward-pass equivalents.")
    seconds: float

    def ranked(self) -> list[UnitScore]:
        return sorted(self.units, key=lambda u: -abs(u.score))

    def summary(self) -> str:
        if not self.units:
            return f"{self.method}: no units to score"
        top = self.ranked()[0]
        # an option decision names itself in the target; other answers are quoted
        what = self.target if self.options else f"{self.target} {self.answer!r}"
        return f"{self.method} on {self.model}: '{top.text}' mattered most ({top.score:+.3f}) " + (
            f"for {what}"
        )

    def facts(self) -> list[Fact]:
        unit = None if self.method.startswith("attention") else "nats"
        facts = [
            Fact(subject=u.text, quantity="attribution", value=round(u.score, 4), unit=unit)
            for u in self.ranked()
        ]
        for u in self.ranked():  # occlusion: the same effects as probability points
            if u.points is not None:
                facts += [
                    Fact(subject=u.text, quantity="probability_without",
                         value=round(max(0.0, self.probability - u.points / 100), 4)),
                    Fact(subject=u.text, quantity="probability_difference",
                         value=round(u.points / 100, 4)),
                ]  # fmt: skip
        if any(u.points is not None for u in self.units):
            facts.append(Fact(subject="answer", quantity="explained_probability",
                              value=round(self.probability, 4)))  # fmt: skip
        quantity = "log_odds" if self.foil is not None else "log_prob"
        if self.surrogate is not None and self.surrogate.r2_held_out is not None:
            facts.append(Fact(subject="surrogate", quantity="held_out_r2",
                              value=self.surrogate.r2_held_out))  # fmt: skip
        facts.append(
            Fact(subject="answer", quantity=quantity, value=round(self.target_logprob, 4),
                 unit="nats")
        )  # fmt: skip
        return facts


# --------------------------------------------------------------------------- tool


def probability(f: float, *, contrast: bool) -> float:
    """The probability an explained quantity stands for: exp of a log-probability, the
    sigmoid of a contrast's log-odds (the answer's share of answer + foil)."""
    if contrast:
        return 1.0 / (1.0 + math.exp(-f)) if f >= 0 else math.exp(f) / (1.0 + math.exp(f))
    return math.exp(min(f, 0.0))


def removal_points(full: float, effects: list[float], *, contrast: bool) -> list[float | None]:
    """Occlusion effects (f - f without the unit) as the fall of the explained
    probability, in percentage points, when each unit is removed."""
    p = probability(full, contrast=contrast)
    return [100 * (p - probability(full - e, contrast=contrast)) for e in effects]


@target_tool(
    "attribute",
    "Score how much each word (token, sentence) of an input made the target model give "
    "its answer, by occlusion, integrated gradients, gradient x input, attention or "
    "Shapley sampling.",
)
def attribute_with(lm: WhiteBoxLM, args: AttributeArgs) -> AttributionResult:
    """Run one attribution method against an already loaded target."""
    problem = Problem(lm, args)
    cost = Cost()
    surrogate = None
    if args.method == "occlusion":
        scores, full = occlusion(problem, cost)
        baseline = "unit removed"
    elif args.method == "integrated_gradients":
        scores, full = integrated_gradients(problem, cost, args.n_steps)
        baseline = f"user tokens -> {lm.tokenizer.convert_ids_to_tokens(problem.baseline_id)!r}"
    elif args.method == "grad_x_input":
        scores, full = grad_x_input(problem, cost)
        token = lm.tokenizer.convert_ids_to_tokens(problem.baseline_id)
        baseline = f"gradient x (input - {token!r} embedding)"
    elif args.method in ("attention", "attention_rollout"):
        scores, full = attention(problem, cost, rollout=args.method == "attention_rollout")
        baseline = "none (attention weights)"
    elif args.method == "context_cite":
        scores, full, surrogate = context_cite(problem, cost, args.n_ablations)
        # Leave-one-out beside the ablations: what removing each unit alone does to the
        # explained probability (the percentage points below), k more passes.
        left_out, _ = occlusion(problem, cost)
        baseline = "units removed at random (half kept), sparse linear surrogate"
    else:
        scores, full = shapley(problem, cost, args.n_samples)
        baseline = f"unit -> {lm.decode([problem.baseline_id])!r} token"
    cost.stop()
    contrast = problem.foil is not None
    chance = probability(full, contrast=contrast)
    points: list[float | None] = [None] * len(scores)
    if args.method == "occlusion":
        points = removal_points(full, scores, contrast=contrast)
    elif args.method == "context_cite":
        points = removal_points(full, left_out, contrast=contrast)
    return AttributionResult(
        model=lm.name,
        text=args.text,
        query=args.query,
        method=args.method,
        granularity=args.granularity,
        answer=lm.decode(problem.answer),
        answer_tokens=[lm.decode([t]) for t in problem.answer],
        answer_ids=problem.answer,
        target_token=problem.token,
        target=problem.describe_target(),
        target_logprob=full,
        decision=problem.decision.label if problem.decision is not None else None,
        options=problem.decision.options if problem.decision is not None else [],
        option_scores=problem.decision.scores if problem.decision is not None else {},
        foil=problem.foil,
        probability=chance,
        generated=problem.decision.generated if problem.decision is not None else None,
        addressed=problem.decision.addressed if problem.decision is not None else None,
        baseline=baseline,
        surrogate=surrogate,
        units=[
            UnitScore(
                text=u.text,
                start=u.start,
                end=u.end,
                score=s,
                points=None if pt is None else round(pt, 3),
            )
            for u, s, pt in zip(problem.units, scores, points, strict=True)
        ],
        forward_passes=round(cost.forward_passes, 2),
        seconds=round(cost.seconds, 3),
    )

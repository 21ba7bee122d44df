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
"""

from __future__ import annotations

import logging
from typing import Literal

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
from tools.models import DEFAULT_TARGET, Cost, WhiteBoxLM
from tools.models.units import Granularity

log = logging.getLogger(__name__)
#: Re-exported for callers that run the pieces themselves (faithfulness, tests).
__all__ = [
    "IG_QUADRATURE",
    "AttributeArgs",
    "AttributionResult",
    "Problem",
    "UnitScore",
    "_baseline_ids",
    "_forward_f",
    "attribute_with",
]

Method = Literal[
    "occlusion",
    "integrated_gradients",
    "grad_x_input",
    "attention",
    "attention_rollout",
    "shapley",
]


class AttributeArgs(ToolInput):
    """Which words of the input made the model give its answer?"""

    text: str = Field(min_length=1, description="The user's input to the target model.")
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
    contrast: bool = Field(
        default=False,
        description="Contrast with the runner-up option (needs a prompt that offers options).",
    )
    target_token: int | None = Field(
        default=None, ge=0, description="Explain only this answer token (0-based index)."
    )
    method: Method = Field(default="occlusion", description="Attribution method.")
    granularity: Granularity = Field(default="word", description="token, word or sentence.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model to explain.")
    max_new_tokens: int = Field(default=16, ge=1, le=256, description="Answer length cap.")
    n_steps: int = Field(default=32, ge=2, le=512, description="Integrated-gradients steps.")
    n_samples: int = Field(default=25, ge=1, le=1000, description="Shapley permutations.")


class UnitScore(BaseModel):
    text: str
    start: int
    end: int
    score: float


class AttributionResult(ToolOutput):
    """Scores of the input's units for the model's answer."""

    model: str
    text: str
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
    generated: str | None = Field(default=None, description="The model's own greedy answer.")
    addressed: bool | None = Field(
        default=None, description="Whether the model's own answer names the decided option."
    )
    baseline: str = Field(description="What a removed or zeroed unit becomes.")
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
        quantity = "log_odds" if self.foil is not None else "log_prob"
        facts.append(
            Fact(subject="answer", quantity=quantity, value=round(self.target_logprob, 4),
                 unit="nats")
        )  # fmt: skip
        return facts


# --------------------------------------------------------------------------- tool


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
    else:
        scores, full = shapley(problem, cost, args.n_samples)
        baseline = f"unit -> {lm.decode([problem.baseline_id])!r} token"
    cost.stop()
    return AttributionResult(
        model=lm.name,
        text=args.text,
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
        generated=problem.decision.generated if problem.decision is not None else None,
        addressed=problem.decision.addressed if problem.decision is not None else None,
        baseline=baseline,
        units=[
            UnitScore(text=u.text, start=u.start, end=u.end, score=s)
            for u, s in zip(problem.units, scores, strict=True)
        ],
        forward_passes=round(cost.forward_passes, 2),
        seconds=round(cost.seconds, 3),
    )

"""The attribution problem (encoded prompt, units, the explained target: the decision, a
contrast, the whole answer or one token) and the methods that score its units; the tool
and its argument and result models are in :mod:`tools.attribution`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import torch
from torch import Tensor

from tools.decision import Decision, decide
from tools.errors import ToolInputError
from tools.models import Cost, Encoded, WhiteBoxLM
from tools.models.classifier import require_causal
from tools.models.units import Unit

if TYPE_CHECKING:
    from tools.attribution import AttributeArgs

# Captum's quadrature for integrated gradients. Attribution paths of LMs have sharp steps
# where Gauss-Legendre nodes miss mass: on SmolLM2 at 64 steps its completeness gap was up
# to 6.7%, the trapezoid rule's under 1% (evals/README.md).
IG_QUADRATURE = "riemann_trapezoid"
# Between a text and the question asked about it (context attribution keeps the question).
QUERY_SEPARATOR = "\n\n"


# --------------------------------------------------------------------------- problem


class Problem:
    """One attribution problem: encoded prompt, units, answer and the explained target."""

    def __init__(self, lm: WhiteBoxLM, args: AttributeArgs, answer_ids: list[int] | None = None):
        self.lm = lm
        prompt = args.text if args.query is None else f"{args.text}{QUERY_SEPARATOR}{args.query}"
        self.enc: Encoded = lm.encode(prompt)
        # With a query, only the text's own units are scored: the question stays whole.
        self.units: list[Unit] = [
            u for u in self.enc.units(args.granularity) if u.end <= len(args.text)
        ]
        if not self.units:
            raise ToolInputError("the text has no words to attribute")
        self.decision: Decision | None = None
        self.start = 0
        self.foil_id: int | None = None
        self.foil: str | None = None
        if answer_ids:
            self.answer = list(answer_ids)
        elif args.answer is not None:
            self.answer = lm.answer_ids(args.answer)
        elif args.target == "decision":
            self.decision = decide(lm, self.enc.ids, prompt, args.max_new_tokens)
            self.answer, self.start = self.decision.answer_ids, self.decision.start
        else:
            self.answer = lm.generate(self.enc.ids, args.max_new_tokens)
        if not self.answer:
            raise ToolInputError(f"{lm.name} gave an empty answer: pass `answer`")
        self._contrast(lm, args)
        total = len(self.enc.ids) + len(self.answer)
        if total > lm.context:
            raise ToolInputError(
                f"prompt and answer are {total} tokens; {lm.name} reads {lm.context}"
            )
        self.token = args.target_token
        if self.token is not None and self.token >= len(self.answer):
            raise ToolInputError(
                f"target_token {self.token} is past the answer's {len(self.answer)} tokens"
            )
        self.baseline_id = lm.baseline_id

    def _contrast(self, lm: WhiteBoxLM, args: AttributeArgs) -> None:
        """With a foil, the target becomes log p(answer) - log p(foil) at their first
        differing token (the shared beginning teacher-forced before it)."""
        foil = args.foil
        if foil is None and args.contrast:
            if self.decision is None or self.decision.foil is None:
                raise ToolInputError(
                    "no option to contrast with: the prompt offers none; name one (foil=...)"
                )
            foil = self.decision.foil
        if foil is None:
            return
        if args.target_token is not None:
            raise ToolInputError("use either target_token or a contrast (foil), not both")
        if self.decision is not None and foil.casefold() == self.decision.label.casefold():
            others = [o for o in self.decision.options if o.casefold() != foil.casefold()]
            raise ToolInputError(
                f"the model's decision is {self.decision.label!r}: contrast it with "
                + (" or ".join(repr(o) for o in others) if others else "another answer")
            )
        foil_ids = (
            self.decision.foil_ids
            if self.decision is not None and foil == self.decision.foil and self.decision.foil_ids
            else lm.answer_ids(foil)
        )
        k = next(
            (i for i, (a, b) in enumerate(zip(self.answer, foil_ids, strict=False)) if a != b), None
        )
        if k is None:
            raise ToolInputError(
                f"the answer {lm.decode(self.answer)!r} and the foil {foil!r} do not differ "
                "in a token where both have one"
            )
        self.answer, self.foil_id, self.foil = self.answer[: k + 1], foil_ids[k], foil

    def reduce(self, per_token: Tensor) -> Tensor:
        """f from per-answer-token log-probs ([B, T] -> [B]): one token's, or the sum from
        the decision's first token on (the answer's words before it are context)."""
        if self.token is not None:
            return per_token[:, self.token]
        return per_token[:, self.start :].sum(-1)

    def objective(self, logits: Tensor) -> Tensor:
        """f from the logits of ``prompt + answer`` rows ([B, L, V] -> [B]): the target's
        log-probability, or for a contrast the log-odds of the answer's token over the
        foil's at the position that predicts it."""
        if self.foil_id is None:
            return self.reduce(self.lm.answer_logprobs(logits, self.answer))
        step = logits[:, -2, :].float().log_softmax(-1)
        return step[:, self.answer[-1]] - step[:, self.foil_id]

    @property
    def full_ids(self) -> list[int]:
        return self.enc.ids + self.answer

    def describe_target(self) -> str:
        if self.foil is not None:
            said = self.decision.label if self.decision else self.lm.decode(self.answer).strip()
            return f"{said!r} rather than {self.foil!r}"
        if self.token is not None:
            return f"answer token {self.token} {self.lm.decode([self.answer[self.token]])!r}"
        if self.decision is not None and self.decision.kind == "option":
            return f"the decision {self.decision.label!r}"
        if self.decision is not None:
            return "the answer's first sentence"
        return "the answer"

    def unit_scores(self, per_position: Tensor | dict[int, float]) -> list[float]:
        """Sum per-position scores over each unit's positions."""
        return [float(sum(float(per_position[p]) for p in u.positions)) for u in self.units]


# --------------------------------------------------------------------------- methods


def without(problem: Problem, dropped: list[int]) -> list[int]:
    """The prompt's ids with the given units' tokens removed."""
    drop = {p for i in dropped for p in problem.units[i].positions}
    return [t for i, t in enumerate(problem.enc.ids) if i not in drop]


def score_variants(problem: Problem, variants: list[list[int]], cost: Cost) -> Tensor:
    """f of the prompt and of each variant prompt: shape [1 + len(variants)]."""
    lm, ids = problem.lm, problem.enc.ids
    if problem.foil_id is None:
        return problem.reduce(lm.score_edits(ids, variants, problem.answer, cost))
    # the contrast: log p(answer token) - log p(foil token), read from the same pass
    scores = lm.score_edits(ids, variants, problem.answer, cost, extra=problem.foil_id)
    return scores[:, -2] - scores[:, -1]


def occlusion(problem: Problem, cost: Cost) -> tuple[list[float], float]:
    variants = [without(problem, [i]) for i in range(len(problem.units))]
    scores = score_variants(problem, variants, cost)
    full = float(scores[0])
    return [full - float(s) for s in scores[1:]], full


def _forward_f(problem: Problem) -> Any:
    """f(input_ids) for Captum: the explained log-prob of each row."""
    lm = problem.lm

    def forward(ids: Tensor) -> Tensor:
        logits = lm.model(input_ids=ids, attention_mask=torch.ones_like(ids)).logits
        return problem.objective(logits)

    return forward


def _baseline_ids(problem: Problem) -> Tensor:
    base = list(problem.full_ids)
    for p in problem.enc.user_positions:
        base[p] = problem.baseline_id
    return torch.tensor([base])


# Tokens per integrated-gradients batch: the backward pass keeps every layer's activations,
# so a batch of 8 steps at 542 tokens peaked at 8.2 GB; 1200 tokens keeps it under 4 GB.
IG_TOKENS_PER_BATCH = 1200


def integrated_gradients(
    problem: Problem, cost: Cost, n_steps: int, internal_batch_size: int | None = None
) -> tuple[list[float], float]:
    from captum.attr import LayerIntegratedGradients

    lm = problem.lm
    ids = torch.tensor([problem.full_ids])
    if internal_batch_size is None:
        internal_batch_size = max(1, min(8, IG_TOKENS_PER_BATCH // ids.shape[1]))
    lig = LayerIntegratedGradients(_forward_f(problem), lm.embeddings())
    attributions = lig.attribute(
        ids,
        baselines=_baseline_ids(problem),
        n_steps=n_steps,
        method=IG_QUADRATURE,
        internal_batch_size=internal_batch_size,
    )
    per_position = attributions.sum(-1)[0].detach()
    cost.forward_passes += 3 * n_steps  # forward + backward per step, about 3 passes
    with torch.no_grad():
        full = float(_forward_f(problem)(ids)[0])
    return problem.unit_scores(per_position), full


def grad_x_input(problem: Problem, cost: Cost) -> tuple[list[float], float]:
    lm = problem.lm
    ids = torch.tensor([problem.full_ids])
    embeds = lm.embeddings()(ids).detach().requires_grad_(True)
    logits = lm.model(inputs_embeds=embeds, attention_mask=torch.ones_like(ids)).logits
    f = problem.objective(logits)[0]
    f.backward()  # type: ignore[no-untyped-call]
    assert embeds.grad is not None
    with torch.no_grad():
        reference = lm.embeddings()(_baseline_ids(problem))
    per_position = (embeds.grad * (embeds - reference)).sum(-1)[0].detach()
    cost.forward_passes += 3
    return problem.unit_scores(per_position), float(f.detach())


@contextlib.contextmanager
def _eager_attention(model: Any) -> Iterator[None]:
    """Attention weights need the eager implementation; restore the fast one after."""
    before = getattr(model.config, "_attn_implementation", None)
    if before in (None, "eager"):
        yield
        return
    model.set_attn_implementation("eager")
    try:
        yield
    finally:
        model.set_attn_implementation(before)


def attention(problem: Problem, cost: Cost, rollout: bool) -> tuple[list[float], float]:
    lm = problem.lm
    require_causal(lm, "attention")
    ids = torch.tensor([problem.full_ids])
    with torch.no_grad(), _eager_attention(lm.model):
        out = lm.model(input_ids=ids, output_attentions=True)
    cost.forward_passes += 1
    n_prompt, n_answer = len(problem.enc.ids), len(problem.answer)
    # Rows that predict the answer tokens: the last prompt position and the answer's own.
    rows = list(range(n_prompt - 1, n_prompt + n_answer - 1))
    if problem.foil_id is not None:
        rows = rows[-1:]  # the position where answer and foil part
    elif problem.token is not None:
        rows = [rows[problem.token]]
    else:
        rows = rows[problem.start :]
    maps = [a[0].float().mean(0) for a in out.attentions]  # [L, L] per layer
    if rollout:
        eye = torch.eye(maps[0].shape[0])
        joint = eye
        for layer in maps:
            step = 0.5 * layer + 0.5 * eye
            joint = (step / step.sum(-1, keepdim=True)) @ joint
        weights = joint[rows].mean(0)
    else:
        weights = maps[-1][rows].mean(0)
    full = float(problem.objective(out.logits)[0])
    # Report each unit's share of the attention that lands on the user's text (template
    # tokens and attention sinks soak up most of it, which says nothing about the words).
    user = problem.enc.user_positions
    share = torch.zeros_like(weights)
    share[user] = weights[user] / weights[user].sum().clamp(min=1e-12)
    return problem.unit_scores(share), full


def shapley(problem: Problem, cost: Cost, n_samples: int) -> tuple[list[float], float]:
    from captum.attr import ShapleyValueSampling

    lm = problem.lm
    positions = [p for u in problem.units for p in u.positions]
    groups = [i for i, u in enumerate(problem.units) for _ in u.positions]
    full_ids = problem.full_ids
    f = _forward_f(problem)

    def forward(unit_ids: Tensor) -> Tensor:
        rows = torch.tensor([full_ids]).repeat(unit_ids.shape[0], 1)
        rows[:, positions] = unit_ids
        cost.forward_passes += unit_ids.shape[0]
        scores: Tensor = f(rows)
        return scores

    inputs = torch.tensor([[full_ids[p] for p in positions]])
    with torch.no_grad():
        values = ShapleyValueSampling(forward).attribute(
            inputs,
            baselines=problem.baseline_id,
            feature_mask=torch.tensor([groups]),
            n_samples=n_samples,
            perturbations_per_eval=lm.max_batch,
        )[0]
        full = float(f(torch.tensor([full_ids]))[0])
    first_of: dict[int, int] = {}
    for col, g in enumerate(groups):
        first_of.setdefault(g, col)
    return [float(values[first_of[i]]) for i in range(len(problem.units))], full

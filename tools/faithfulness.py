"""How faithful is an attribution? ERASER's comprehensiveness, sufficiency and AOPC,
deletion AUC, and the same figures for random attributions as a baseline.

Definitions (DeYoung et al. 2020, "ERASER"), with units removed by deleting their tokens:

* ``p(x)``: probability of the explained target. For one token (or a one-token label
  word) its probability; for a longer answer the per-token geometric mean
  ``exp(f(x) / T)``, so that answers of different lengths compare.
* comprehensiveness at k%: ``p(x) - p(x without the top k% units)`` (higher: the top
  units were needed);
* sufficiency at k%: ``p(x) - p(only the top k% units)`` (lower: they were enough);
* AOPC: each averaged over k in {1, 5, 10, 20, 50}% (at least one unit each);
* deletion AUC: area under ``p(x without the top i units) / p(x)`` as i goes from 0 to all
  units, on [0, 1] (lower: the ranking found what matters first).

The random baseline averages the same metrics over random rankings of the same units.
"""

from __future__ import annotations

import itertools
import math
import random

import torch
from pydantic import BaseModel, Field

from tools.attribution import AttributeArgs, AttributionResult, Problem, attribute_with
from tools.base import Fact, ToolOutput, target_tool
from tools.models import DEFAULT_TARGET, Cost, WhiteBoxLM

THRESHOLDS = (0.01, 0.05, 0.10, 0.20, 0.50)


class Scores(BaseModel):
    """ERASER metrics of one ranking of the units."""

    comprehensiveness: float = Field(description="AOPC comprehensiveness (higher is better).")
    sufficiency: float = Field(description="AOPC sufficiency (lower is better).")
    deletion_auc: float = Field(description="Deletion AUC on [0, 1] (lower is better).")


class FaithfulnessResult(ToolOutput):
    """An attribution's faithfulness against random attributions of the same units."""

    model: str
    method: str
    target_probability: float
    attribution: Scores
    random: Scores
    random_rankings: int
    seconds: float

    def summary(self) -> str:
        a, r = self.attribution, self.random
        return (
            f"{self.method}: comprehensiveness {a.comprehensiveness:.3f} vs random "
            f"{r.comprehensiveness:.3f}; sufficiency {a.sufficiency:.3f} vs "
            f"{r.sufficiency:.3f}; deletion AUC {a.deletion_auc:.3f} vs {r.deletion_auc:.3f}"
        )

    def facts(self) -> list[Fact]:
        out = []
        for who, s in ((self.method, self.attribution), ("random", self.random)):
            out += [
                Fact(
                    subject=who, quantity="comprehensiveness", value=round(s.comprehensiveness, 4)
                ),
                Fact(subject=who, quantity="sufficiency", value=round(s.sufficiency, 4)),
                Fact(subject=who, quantity="deletion_auc", value=round(s.deletion_auc, 4)),
            ]
        return out


def _probability(problem: Problem, per_token: torch.Tensor) -> torch.Tensor:
    f = problem.reduce(per_token)
    n = 1 if problem.token is not None else len(problem.answer)
    return torch.exp(f / n)


def _without(ids: list[int], drop: set[int]) -> list[int]:
    return [t for i, t in enumerate(ids) if i not in drop]


def _only(problem: Problem, keep: set[int]) -> list[int]:
    user = set(problem.enc.user_positions)
    return [t for i, t in enumerate(problem.enc.ids) if i not in user or i in keep]


def _ranking_prompts(problem: Problem, order: list[int], ks: list[int]) -> list[list[int]]:
    """The edited prompts ERASER needs for ``order``: comprehensiveness, sufficiency and
    the deletion curve."""
    ids = problem.enc.ids

    def top(k: int) -> set[int]:
        return {p for u in order[:k] for p in problem.units[u].positions}

    return (
        [_without(ids, top(k)) for k in ks]
        + [_only(problem, top(k)) for k in ks]
        + [_without(ids, top(i)) for i in range(1, len(order) + 1)]
    )


def _scores(full: float, rest: list[float], ks: list[int], n: int) -> Scores:
    comp = [full - p for p in rest[: len(ks)]]
    suff = [full - p for p in rest[len(ks) : 2 * len(ks)]]
    curve = [1.0] + [p / full for p in rest[2 * len(ks) :]]
    auc = sum((a + b) / 2 for a, b in itertools.pairwise(curve)) / n
    return Scores(
        comprehensiveness=sum(comp) / len(comp),
        sufficiency=sum(suff) / len(suff),
        deletion_auc=auc,
    )


def evaluate(
    lm: WhiteBoxLM, result: AttributionResult, random_rankings: int = 5, seed: int = 0
) -> FaithfulnessResult:
    """Faithfulness of ``result`` (computed on ``lm``) against random rankings."""
    cost = Cost()
    args = AttributeArgs(
        text=result.text,
        granularity=result.granularity,
        target_token=result.target_token,
        model=DEFAULT_TARGET,
    )
    problem = Problem(lm, args, answer_ids=result.answer_ids)
    n = len(result.units)
    ks = [max(1, math.ceil(t * n)) for t in THRESHOLDS]
    order = sorted(range(n), key=lambda i: -result.units[i].score)
    rng = random.Random(seed)
    orders = [order]
    for _ in range(random_rankings):
        shuffled = order[:]
        rng.shuffle(shuffled)
        orders.append(shuffled)
    # One scoring call for every ranking: the unedited prompt is run (and cached) once.
    prompts = [_ranking_prompts(problem, o, ks) for o in orders]
    flat = [p for group in prompts for p in group]
    scored = lm.score_edits(problem.enc.ids, flat, problem.answer, cost)
    probs = _probability(problem, scored).tolist()
    full, rest = probs[0], probs[1:]
    per = len(prompts[0])
    scores = [_scores(full, rest[i * per : (i + 1) * per], ks, n) for i in range(len(orders))]
    mine, randoms = scores[0], scores[1:]
    baseline = Scores(
        comprehensiveness=sum(r.comprehensiveness for r in randoms) / len(randoms),
        sufficiency=sum(r.sufficiency for r in randoms) / len(randoms),
        deletion_auc=sum(r.deletion_auc for r in randoms) / len(randoms),
    )
    cost.stop()
    return FaithfulnessResult(
        model=lm.name,
        method=result.method,
        target_probability=full,
        attribution=mine,
        random=baseline,
        random_rankings=random_rankings,
        seconds=round(cost.seconds, 3),
    )


class FaithfulnessArgs(AttributeArgs):
    """Attribute, then measure how faithful the attribution is."""

    random_rankings: int = Field(default=5, ge=1, le=100, description="Random baselines.")


@target_tool(
    "faithfulness",
    "Measure how faithful an attribution method is on an input (ERASER comprehensiveness, "
    "sufficiency, AOPC, deletion AUC) against random attributions.",
)
def faithfulness_with(lm: WhiteBoxLM, args: FaithfulnessArgs) -> FaithfulnessResult:
    attribution_args = AttributeArgs(**args.model_dump(exclude={"random_rankings"}))
    return evaluate(lm, attribute_with(lm, attribution_args), args.random_rankings)

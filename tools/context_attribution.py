"""Context attribution by an ablation surrogate (the ContextCite approach: Cohen-Wang et
al., 2024): which sentences of a long input (or which demonstrations of a few-shot
prompt) the answer rests on.

Each of ``n`` ablations keeps every unit with probability 1/2 and drops the rest (their
tokens removed, as occlusion removes one); the explained quantity ``f`` (the answer's
log-probability, or a contrast's log-odds) is scored on each. A sparse linear model
``f ~ b + sum_i w_i * kept_i`` (scikit-learn's ``LassoCV``) is fitted to the ablations and
``w_i`` is unit i's score: the change in f, in nats, the surrogate expects from keeping
the unit. Occlusion asks what one unit does when every other unit is there; the
surrogate averages over contexts, so two sentences that say the same thing both get
credit instead of each looking redundant.

The fit is reported next to the ranking: R² and Spearman's rho of the surrogate's
predictions on ablations held out of its fit (ContextCite's "linear datamodeling score"),
out-of-fold over five folds so that every ablation is judged once.
A low held-out fit means the answer does not depend on the units additively, and the
ranking should be read with that in mind.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from tools.attribution_methods import Problem, score_variants, without
from tools.errors import ToolInputError
from tools.models import Cost

KEEP = 0.5  # probability that an ablation keeps a unit
FOLDS = 5  # out-of-fold predictions judge the fit


class SurrogateFit(BaseModel):
    """How well the sparse linear surrogate predicts ablations it was not fitted on."""

    ablations: int = Field(description="Ablated inputs scored (plus the whole input).")
    folds: int = Field(description="Each ablation is predicted by a fit without its fold.")
    r2_held_out: float | None = Field(description="R² of the surrogate on held-out ablations.")
    spearman_held_out: float | None = Field(
        description="Spearman's rho between predicted and actual f on held-out ablations."
    )
    alpha: float = Field(description="Lasso penalty chosen by cross-validation.")
    intercept: float = Field(description="Predicted f with every unit removed, nats.")


def default_ablations(units: int) -> int:
    """Enough ablations for a sparse fit: four per unit, at least 32, at most 512."""
    return min(512, max(32, 4 * units))


def context_cite(
    problem: Problem, cost: Cost, n_ablations: int | None = None, seed: int = 0
) -> tuple[list[float], float, SurrogateFit]:
    """Surrogate weights of the units, f of the whole input, and the surrogate's fit."""
    k = len(problem.units)
    n = n_ablations or default_ablations(k)
    if n < 16:
        raise ToolInputError(f"context attribution needs at least 16 ablations, not {n}")
    rng = np.random.default_rng(seed)
    keep = rng.random((n, k)) < KEEP
    variants = [without(problem, [i for i in range(k) if not row[i]]) for row in keep]
    y = score_variants(problem, variants, cost).double().numpy()
    x = np.vstack([np.ones((1, k)), keep.astype(float)])
    predicted = np.empty_like(y)
    folds = np.arange(len(y)) % FOLDS
    for fold in range(FOLDS):
        out = folds == fold
        predicted[out] = _fit(x[~out], y[~out]).predict(x[out])
    model = _fit(x, y)
    fit = SurrogateFit(
        ablations=n,
        folds=FOLDS,
        r2_held_out=_r2(y, predicted),
        spearman_held_out=_spearman(y, predicted),
        alpha=float(model.alpha_),
        intercept=float(model.intercept_),
    )
    return [float(w) for w in model.coef_], float(y[0]), fit


def _fit(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LassoCV

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return LassoCV(cv=min(5, len(y) // 4), max_iter=20_000).fit(x, y)


def _r2(actual: np.ndarray, predicted: np.ndarray) -> float | None:
    spread = float(((actual - actual.mean()) ** 2).sum())
    if spread == 0.0:
        return None
    return round(1.0 - float(((actual - predicted) ** 2).sum()) / spread, 4)


def _spearman(actual: np.ndarray, predicted: np.ndarray) -> float | None:
    from scipy.stats import spearmanr

    if np.ptp(actual) == 0.0 or np.ptp(predicted) == 0.0:
        return None
    return round(float(spearmanr(actual, predicted).statistic), 4)

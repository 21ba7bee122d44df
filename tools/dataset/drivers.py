"""Drivers of a target column: univariate effects over all rows, and a glass-box model.

Univariate: each column's groups (see :mod:`tools.dataset.groups`) against the target —
Cramér's V for a yes/no or categorical target, eta² for a numeric one — with a 95%
interval, a p-value, and the target's rate or mean in every group. Numeric columns also
get Pearson's r over all rows, and the shape of the target across their deciles
(increasing, decreasing, U-shaped, inverted U, irregular). p-values are
Benjamini–Hochberg adjusted across columns.

Multivariate: an Explainable Boosting Machine (``interpret``; additive, one shape
function per column, no pairwise terms, learning rate 0.04, at most 3,000 rounds) fitted
on a uniform random sample of at most ``model_rows`` rows (20,000 by default) and scored
on a held-out fifth of that sample.
"""

from __future__ import annotations

import itertools
import math
import warnings
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, Field

from tools.dataset import stats
from tools.dataset.groups import MISSING, Grouping, Target
from tools.dataset.load import Dataset, quote

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped]

MIN_MODEL_ROWS = 50
MIN_GROUP_ROWS = 5  # a numeric column whose groups are all smaller is measured by r


class Group(BaseModel):
    """One group of a column: its rows and the target's rate (or mean) there."""

    label: str
    rows: int
    value: float = Field(description="Target rate (yes/no, categorical) or mean (numeric).")
    low: float
    high: float


class Driver(BaseModel):
    """How strongly one column goes with the target."""

    column: str
    measure: str = Field(description="cramers_v, eta_squared, or pearson_r (tiny tables).")
    effect: float = Field(description="The effect size (0 = none, 1 = determined).")
    low: float
    high: float
    p: float
    p_adjusted: float = 1.0
    significant: bool = False
    strength: float = Field(0.0, description="Comparable 0–1 strength: V, or sqrt(eta²).")
    pearson_r: float | None = None
    pearson_low: float | None = None
    pearson_high: float | None = None
    shape: str | None = Field(None, description="For binned numeric columns.")
    groups: list[Group] = Field(default_factory=list)
    model_importance: float | None = Field(None, description="EBM mean |score|.")
    model_rank: int | None = None


class ShapeFunction(BaseModel):
    column: str
    bins: list[str]
    scores: list[float]


class GlassBox(BaseModel):
    """The fitted additive model: what it is, how well it does, its shape functions."""

    model: str
    sample_rows: int
    holdout_rows: int
    metric: str
    holdout_score: float
    baseline_score: float
    shapes: list[ShapeFunction]


def univariate(
    ds: Dataset, groupings: list[Grouping], target: Target, seed: int = 0
) -> list[Driver]:
    """One :class:`Driver` per grouping, strongest first."""
    drivers = []
    numeric_cols = [g for g in groupings if g.binned or ds.column(g.column).is_number]
    pearson = _pearson(ds, numeric_cols, target) if target.kind != "categorical" else {}
    for g in groupings:
        rows = ds.con.execute(
            f"SELECT {quote(g.code)} AS c, count(*), sum(y), var_pop(y) FROM codes "
            "GROUP BY c ORDER BY c"
        ).fetchall()
        codes = [int(r[0]) for r in rows]
        n = np.array([r[1] for r in rows], dtype=float)
        sums = np.array([r[2] or 0.0 for r in rows], dtype=float)
        var = np.array([r[3] or 0.0 for r in rows], dtype=float)
        means = sums / np.maximum(n, 1)
        tiny = g.column in pearson and float(n.max(initial=0)) < MIN_GROUP_ROWS
        if target.kind == "numeric" and tiny:
            # a tiny table cuts a number into groups of one or two rows, whose eta² is
            # meaningless (BOD's Time: eta² 0, p = 1): the correlation is the effect
            effect, lo, hi = pearson[g.column]
            p = stats.pearson_ci(effect, int(n.sum()))[2]
            measure, strength = "pearson_r", abs(effect)
            bounds = [(m, m) for m in means]
        elif target.kind == "numeric":
            effect, lo, hi, p = stats.eta_squared(n, means, var)
            measure, strength = "eta_squared", math.sqrt(max(effect, 0.0))
            bounds = [
                (m - 1.96 * math.sqrt(v / k), m + 1.96 * math.sqrt(v / k)) if k > 1 else (m, m)
                for m, v, k in zip(means, var, n, strict=True)
            ]
        else:
            table = _contingency(ds, g, target, codes, n, sums)
            effect, lo, hi, p = stats.cramers_v(table, seed=seed)
            measure, strength = "cramers_v", effect
            bounds = [stats.proportion_ci(s, k) for s, k in zip(sums, n, strict=True)]
        groups = [
            Group(label=g.labels[c], rows=int(k), value=float(m), low=float(b[0]), high=float(b[1]))
            for c, k, m, b in zip(codes, n, means, bounds, strict=True)
        ]
        driver = Driver(
            column=g.column,
            measure=measure,
            effect=effect,
            low=lo,
            high=hi,
            p=p,
            strength=strength,
            groups=groups,
        )
        if g.column in pearson:
            driver.pearson_r, driver.pearson_low, driver.pearson_high = pearson[g.column]
        drivers.append(driver)
    adjusted = stats.benjamini_hochberg([d.p for d in drivers])
    for d, p_adj, g in zip(drivers, adjusted, groupings, strict=True):
        d.p_adjusted = p_adj
        d.significant = p_adj < 0.05
        if not d.significant and d.measure != "pearson_r":  # no effect is possible
            d.low = 0.0
        if g.binned and d.significant:  # the course of a real effect; noise has none
            d.shape = classify_shape([x.value for x in d.groups if x.label != MISSING])
    drivers.sort(key=lambda d: (-d.strength, d.column))
    return drivers


def _contingency(
    ds: Dataset, g: Grouping, target: Target, codes: list[int], n: np.ndarray, sums: np.ndarray
) -> np.ndarray:
    if target.kind == "binary":
        return np.stack([sums, n - sums], axis=1)
    rows = ds.con.execute(f"SELECT {quote(g.code)}, t, count(*) FROM codes GROUP BY ALL").fetchall()
    levels = {t: i for i, t in enumerate(target.levels)}
    index = {c: i for i, c in enumerate(codes)}
    table = np.zeros((len(codes), len(levels)))
    for code, t, k in rows:
        if t in levels:
            table[index[int(code)], levels[t]] += k
    return table


def _pearson(
    ds: Dataset, groupings: list[Grouping], target: Target
) -> dict[str, tuple[float, float, float]]:
    if not groupings:
        return {}
    y = f"({target.y_sql})"
    parts = []
    for g in groupings:
        x = ds.column(g.column).number
        parts += [f"corr({x}, {y})", f"count(*) FILTER ({x} IS NOT NULL AND {y} IS NOT NULL)"]
    row = list(ds.con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ())
    out = {}
    for g in groupings:
        r, n = row.pop(0), int(row.pop(0))
        if r is not None and math.isfinite(r):
            lo, hi, _ = stats.pearson_ci(float(r), n)
            out[g.column] = (float(r), lo, hi)
    return out


def classify_shape(values: list[float]) -> str:
    """The target's course across a numeric column's ordered groups."""
    if len(values) < 4:
        return "irregular"
    v = np.asarray(values, dtype=float)
    span = float(v.max() - v.min())
    if span <= 0:
        return "flat"
    from scipy.stats import spearmanr

    rho = float(spearmanr(np.arange(len(v)), v).statistic)
    if rho >= 0.8:
        return "increasing"
    if rho <= -0.8:
        return "decreasing"
    lo_at, hi_at = int(v.argmin()), int(v.argmax())
    ends = (v[0], v[-1])
    if 0 < lo_at < len(v) - 1 and min(ends) - v[lo_at] >= 0.5 * span:
        return "u_shaped"
    if 0 < hi_at < len(v) - 1 and v[hi_at] - max(ends) >= 0.5 * span:
        return "inverted_u"
    return "irregular"


def fit_glass_box(
    ds: Dataset,
    groupings: list[Grouping],
    target: Target,
    drivers: list[Driver],
    *,
    model_rows: int = 20_000,
    seed: int = 0,
) -> GlassBox | None:
    """Fit the EBM on a sample and attach each driver's importance; None without columns."""
    sample = model_sample(ds, groupings, target, model_rows=model_rows, seed=seed)
    fitted = fit_sample(sample, target, seed=seed) if sample is not None else None
    if fitted is None:
        return None
    attach_importances(drivers, fitted[1])
    return fitted[0]


Sample = tuple["pd.DataFrame", np.ndarray]


def model_sample(
    ds: Dataset, groupings: list[Grouping], target: Target, *, model_rows: int, seed: int
) -> Sample | None:
    """The EBM's rows (features, y): a seeded sample of ``model_rows``; None when there is
    too little to fit and score a model honestly. Reads ``ds`` (the fit does not: it can
    run in a thread while other steps query)."""
    columns = [g.column for g in groupings]
    if not columns:
        return None
    select = ", ".join(
        ds.column(c).number if g.binned else f"{quote(c)}::VARCHAR"
        for c, g in zip(columns, groupings, strict=True)
    )
    t = quote(target.column)
    # A categorical target is modelled as its reported class against the rest (a multiclass
    # EBM over dozens of classes takes minutes, and the report speaks of that class's rate).
    y_expr = target.y_sql
    # a seeded sample that does not depend on DuckDB's threads (reservoir sampling with
    # REPEATABLE does): the rows whose hash with the seed is smallest, chosen by row id
    # first (sorting ids alone is twice as fast as sorting the rows' columns)
    order = f"ORDER BY hash(rowid, {int(seed)}), rowid"
    frame = ds.con.execute(
        f"SELECT {select}, {y_expr} AS __y FROM data WHERE rowid IN (SELECT rowid FROM data "
        f"WHERE {t} IS NOT NULL AND ({y_expr}) IS NOT NULL {order} LIMIT {int(model_rows)}) "
        f"{order}"
    ).df()
    y = frame.pop("__y").to_numpy()
    frame.columns = columns
    for c, g in zip(columns, groupings, strict=True):
        if not g.binned:
            frame[c] = frame[c].fillna(MISSING).astype(str)
    if len(frame) < MIN_MODEL_ROWS or len(set(y.tolist())) < 2:
        return None  # too little to fit and score a model honestly
    return frame, y


def fit_sample(
    sample: Sample, target: Target, *, seed: int = 0
) -> tuple[GlassBox, dict[str, float]] | None:
    """The EBM fitted on 80% of ``sample`` and scored on the rest, with each column's
    importance; None when the training rows hold one class."""
    import joblib  # type: ignore[import-untyped]
    from interpret.glassbox import ExplainableBoostingClassifier, ExplainableBoostingRegressor

    frame, y = sample
    columns = [str(c) for c in frame.columns]
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(frame))
    cut = max(1, int(0.8 * len(frame)))
    train, test = order[:cut], order[cut:]
    common: dict[str, Any] = {
        "interactions": 0,
        # Bounded: some files never trigger early stopping (a household id that nearly
        # determines the choice), and 50,000 default rounds then take minutes.
        "learning_rate": 0.04,
        "max_rounds": 3000,
        "outer_bags": 2,
        "random_state": seed,
        # the two bags in two threads (the booster's native calls release the GIL):
        # 1.75 -> 1.40 s on 20,000 rows x 18 columns, the same model; processes would
        # cost their start-up and copy the sample
        "n_jobs": 2,
        "feature_names": columns,
    }
    classify = target.kind != "numeric"
    model = (
        ExplainableBoostingClassifier(**common)
        if classify
        else ExplainableBoostingRegressor(**common)
    )
    if len(set(y[train].tolist())) < 2:
        return None
    with warnings.catch_warnings(), joblib.parallel_config(backend="threading"):
        warnings.simplefilter("ignore")
        model.fit(frame.iloc[train], y[train])
    metric, score, baseline = _score(model, frame.iloc[test], y[test], y[train], target)
    importances = {c: float(v) for c, v in zip(columns, model.term_importances(), strict=True)}
    shapes = []
    for i, c in enumerate(columns):
        scores = np.asarray(model.term_scores_[i], dtype=float)
        if scores.ndim > 1:  # multiclass: the first class's scores
            scores = scores[..., 0]
        bins = model.bins_[i][0]
        labels = [str(k) for k in bins] if isinstance(bins, dict) else _edges(bins)
        inner = scores[1 : 1 + len(labels)] if len(scores) >= len(labels) + 1 else scores
        shapes.append(
            ShapeFunction(
                column=c, bins=labels[: len(inner)], scores=[round(float(s), 6) for s in inner]
            )
        )
    box = GlassBox(
        model="ExplainableBoostingClassifier" if classify else "ExplainableBoostingRegressor",
        sample_rows=len(frame),
        holdout_rows=len(test),
        metric=metric,
        holdout_score=score,
        baseline_score=baseline,
        shapes=shapes,
    )
    return box, importances


def attach_importances(drivers: list[Driver], importances: dict[str, float]) -> None:
    """Each driver's EBM importance and rank among the model's columns."""
    ranked = sorted(importances, key=lambda c: -importances[c])
    for d in drivers:
        if d.column in importances:
            d.model_importance = importances[d.column]
            d.model_rank = ranked.index(d.column) + 1


def _edges(cuts: Any) -> list[str]:
    edges = [float(x) for x in np.asarray(cuts, dtype=float)]
    if not edges:
        return ["all"]
    labels = [f"< {edges[0]:.4g}"]
    labels += [f"{a:.4g} to {b:.4g}" for a, b in itertools.pairwise(edges)]
    return [*labels, f">= {edges[-1]:.4g}"]


def _score(
    model: Any, x: Any, y: np.ndarray, y_train: np.ndarray, target: Target
) -> tuple[str, float, float]:
    from sklearn.metrics import r2_score, roc_auc_score

    if len(y) < 2:
        return ("none", float("nan"), float("nan"))
    if target.kind == "numeric":
        return ("r2", float(r2_score(y, model.predict(x))), 0.0)
    if len(set(y.tolist())) == 2:
        return ("roc_auc", float(roc_auc_score(y, model.predict_proba(x)[:, 1])), 0.5)
    majority = max(set(y_train.tolist()), key=y_train.tolist().count)
    accuracy = float((model.predict(x) == y).mean())
    return ("accuracy", accuracy, float((y == majority).mean()))

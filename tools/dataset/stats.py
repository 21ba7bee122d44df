"""Effect sizes, confidence intervals and tests, computed from aggregated tables.

Every function here takes counts, sums or moments that DuckDB computed over all rows, so
nothing needs the raw data in Python. Intervals are 95% unless said otherwise.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

Z95 = 1.959963984540054


def normal_sf(z: float) -> float:
    """P(Z > z) for a standard normal Z: erfc from the C library, accurate in the far tail
    (scipy's ``norm.sf`` gives the same to the last digits at 60x the cost per call)."""
    return 0.5 * math.erfc(z / math.sqrt(2))


def pearson_ci(r: float, n: int) -> tuple[float, float, float]:
    """(low, high, p) for a Pearson correlation ``r`` over ``n`` rows (Fisher's z)."""
    from scipy import stats  # lazy: scipy loads while the CSV does

    if n <= 3 or not math.isfinite(r):
        return (-1.0, 1.0, 1.0)
    r = max(min(r, 0.999999), -0.999999)
    z, se = math.atanh(r), 1 / math.sqrt(n - 3)
    t = r * math.sqrt((n - 2) / max(1e-12, 1 - r * r))
    p = float(2 * stats.t.sf(abs(t), n - 2))
    return (math.tanh(z - Z95 * se), math.tanh(z + Z95 * se), p)


def cramers_v(
    table: np.ndarray, *, seed: int = 0, rounds: int = 200
) -> tuple[float, float, float, float]:
    """(V, low, high, p) of a contingency table. The interval is a parametric bootstrap:
    tables are redrawn from the observed cell shares (cheap: no raw rows are needed)."""
    from scipy import stats  # lazy: scipy loads while the CSV does

    table = _trim(table)
    if table.shape[0] < 2 or table.shape[1] < 2:
        return (0.0, 0.0, 0.0, 1.0)
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    v = _v(chi2, table)
    n = int(table.sum())
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(n, (table / n).ravel(), size=rounds).reshape(rounds, *table.shape)
    vs = _vs_of(draws)
    low, high = float(np.quantile(vs, 0.025)), float(np.quantile(vs, 0.975))
    # V is biased upwards, its draws more so: a weak association's percentile interval can
    # lie wholly above the estimate (crohn: V 0.0245 [0.105, 0.214]); it must contain it
    return (v, min(low, v), max(high, v), float(p))


def _trim(table: np.ndarray) -> np.ndarray:
    table = np.asarray(table, dtype=float)
    trimmed: np.ndarray = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
    return trimmed


def _v(chi2: float, table: np.ndarray) -> float:
    n = table.sum()
    k = min(table.shape) - 1
    return float(math.sqrt(chi2 / (n * k))) if n and k else 0.0


def _vs_of(tables: np.ndarray) -> np.ndarray:
    """V of each table in a stack (rounds x rows x columns) at once; a row or column a
    draw left empty is dropped from that table, as :func:`_trim` drops it."""
    tables = tables.astype(float)
    rows, cols = tables.sum(2, keepdims=True), tables.sum(1, keepdims=True)
    n = tables.sum((1, 2))
    expected = rows * cols / n[:, None, None]
    cells = np.divide((tables - expected) ** 2, expected, out=np.zeros_like(tables),
                      where=expected > 0)  # fmt: skip
    k = np.minimum((rows > 0).sum((1, 2)), (cols > 0).sum((1, 2))) - 1
    ok = (k > 0) & (n > 0)
    v = np.zeros(len(tables))
    v[ok] = np.sqrt(cells.sum((1, 2))[ok] / (n[ok] * k[ok]))
    return v


def eta_squared(
    counts: np.ndarray,
    means: np.ndarray,
    variances: np.ndarray,
    *,
    seed: int = 0,
    rounds: int = 400,
) -> tuple[float, float, float, float]:
    """(eta², low, high, p) of a one-way layout given each group's count, mean and
    (population) variance; p from the F test. The interval is a parametric bootstrap from
    the group summaries (group means redrawn from their sampling distributions, within-group
    sums of squares from scaled chi-squares), so it needs no raw rows and costs
    milliseconds whatever the F statistic."""
    from scipy import stats  # lazy: scipy loads while the CSV does

    keep = counts > 0
    n_i, m_i, v_i = counts[keep].astype(float), means[keep], variances[keep]
    k, n = len(n_i), float(n_i.sum())
    if k < 2 or n <= k:
        return (0.0, 0.0, 0.0, 1.0)
    eta2, between, within = _eta2(n_i, m_i, n_i * v_i)
    if between + within <= 0:
        return (0.0, 0.0, 0.0, 1.0)
    df1, df2 = k - 1, n - k
    f = (between / df1) / max(within / df2, 1e-300)
    p = float(stats.f.sf(f, df1, df2))
    rng = np.random.default_rng(seed)
    drawn_means = m_i + np.sqrt(v_i * n_i / np.maximum(n_i - 1, 1) / n_i) * rng.standard_normal(
        (rounds, k)
    )
    dof = np.maximum(n_i - 1, 1)
    drawn_within = n_i * v_i * rng.chisquare(dof, size=(rounds, k)) / dof
    draws, _, _ = _eta2(n_i, drawn_means, drawn_within)
    low, high = np.quantile(draws, [0.025, 0.975])
    return (eta2, float(min(low, eta2)), float(max(high, eta2)), p)


def _eta2(n_i: np.ndarray, means: np.ndarray, within_ss: np.ndarray) -> tuple[Any, Any, Any]:
    """eta², between and within sums of squares (vectorised over leading axes)."""
    grand = (n_i * means).sum(axis=-1, keepdims=True) / n_i.sum()
    between = (n_i * (means - grand) ** 2).sum(axis=-1)
    within = within_ss.sum(axis=-1)
    total = between + within
    eta2 = np.where(total > 0, between / np.where(total > 0, total, 1), 0.0)
    return (
        eta2 if np.ndim(eta2) else float(eta2),
        between if np.ndim(between) else float(between),
        within if np.ndim(within) else float(within),
    )


def proportion_ci(k: float, n: float) -> tuple[float, float]:
    """Wilson interval of a rate ``k / n``."""
    if n <= 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def two_proportions(
    k1: float, n1: float, k2: float, n2: float
) -> tuple[float, float, float, float]:
    """(difference, low, high, p) of rate 1 minus rate 2 (z test, unpooled interval)."""
    if n1 <= 0 or n2 <= 0:
        return (0.0, -1.0, 1.0, 1.0)
    p1, p2 = k1 / n1, k2 / n2
    diff = p1 - p2
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    pooled = (k1 + k2) / (n1 + n2)
    se0 = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p = 1.0 if se0 == 0 else 2 * normal_sf(abs(diff) / se0)
    if se0 == 0 and diff != 0:
        p = 0.0
    return (diff, diff - Z95 * se, diff + Z95 * se, p)


def two_means(
    n1: float, m1: float, v1: float, n2: float, m2: float, v2: float
) -> tuple[float, float, float, float]:
    """(difference, low, high, p) of mean 1 minus mean 2 (Welch's t test)."""
    from scipy import stats  # lazy: scipy loads while the CSV does

    if n1 < 2 or n2 < 2:
        return (m1 - m2, -math.inf, math.inf, 1.0)
    s1, s2 = v1 * n1 / (n1 - 1), v2 * n2 / (n2 - 1)
    se2 = s1 / n1 + s2 / n2
    diff = m1 - m2
    if se2 <= 0:
        return (diff, diff, diff, 0.0 if diff else 1.0)
    se = math.sqrt(se2)
    df = se2**2 / ((s1 / n1) ** 2 / (n1 - 1) + (s2 / n2) ** 2 / (n2 - 1) or 1e-300)
    t = float(stats.t.ppf(0.975, df))
    p = float(2 * stats.t.sf(abs(diff) / se, df))
    return (diff, diff - t * se, diff + t * se, p)


def benjamini_hochberg(pvalues: list[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values, in the input's order (scipy's
    ``false_discovery_control``; a p-value that is not a number counts as 1)."""
    if not pvalues:
        return []
    from scipy.stats import false_discovery_control

    clean = np.nan_to_num(np.asarray(pvalues, dtype=float), nan=1.0).clip(0.0, 1.0)
    return [float(x) for x in false_discovery_control(clean, method="bh")]

"""Relationships between columns (the target aside), with effect sizes and 95% intervals.

Numeric pairs: Pearson's r over all rows (Fisher interval). Categorical pairs: Cramér's V
of their groups. Numeric by categorical: eta² of the numeric column across the
categorical one's groups. p-values are Benjamini–Hochberg adjusted over all pairs.
"""

from __future__ import annotations

import itertools
import math
from typing import Any, NamedTuple

import numpy as np
from pydantic import BaseModel

from tools.dataset import stats
from tools.dataset.groups import Grouping
from tools.dataset.load import Dataset, quote

MAX_NUMERIC = 40
MAX_CATEGORICAL = 12


class Relationship(BaseModel):
    columns: tuple[str, str]
    measure: str  # pearson_r, cramers_v, eta_squared
    effect: float
    low: float
    high: float
    p: float
    p_adjusted: float = 1.0
    strength: float  # |r|, V or sqrt(eta²)


def relationships(
    ds: Dataset, groupings: list[Grouping], *, limit: int = 15, seed: int = 0, coded: bool = False
) -> list[Relationship]:
    """The strongest significant relationships between the groupings' columns.
    ``coded``: the table ``codes`` (:func:`tools.dataset.groups.build_codes`) holds every
    row with these groupings' codes, so the categorical pairs are counted from it (small
    integers) instead of computing each code again from the text."""
    numeric = [g for g in groupings if g.binned][:MAX_NUMERIC]
    categorical = [g for g in groupings if not g.binned][:MAX_CATEGORICAL]
    means = _means(ds, numeric)
    found = _pearson_pairs(ds, numeric, means)
    if categorical:
        found += _categorical_pairs(ds, categorical, numeric, means, seed, coded)
    for rel, p_adj in zip(found, stats.benjamini_hochberg([r.p for r in found]), strict=True):
        rel.p_adjusted = p_adj
    kept = [r for r in found if r.p_adjusted < 0.05]
    kept.sort(key=lambda r: -r.strength)
    return kept[:limit]


def _relation(
    a: Grouping,
    b: Grouping,
    measure: str,
    estimate: tuple[float, float, float, float],
    strength: float,
) -> Relationship:
    """A relationship from (effect, low, high, p)."""
    effect, low, high, p = estimate
    return Relationship(
        columns=(a.column, b.column),
        measure=measure,
        effect=effect,
        low=low,
        high=high,
        p=p,
        strength=strength,
    )


def _categorical_pairs(
    ds: Dataset,
    categorical: list[Grouping],
    numeric: list[Grouping],
    first: _Means,
    seed: int,
    coded: bool,
) -> list[Relationship]:
    """Cramér's V of every categorical pair and eta² of every numeric column across every
    categorical one, from one GROUPING SETS scan over the groups' codes."""
    codes = [f"({g.sql}) AS k{i}" for i, g in enumerate(categorical)]
    # each numeric column less its mean: sums of squares then keep their precision, and
    # sums cost half what DuckDB's var_pop does; eta² does not change under a shift
    x = [ds.column(g.column).number for g in numeric]
    values = [f"{v} - {centre!r} AS x{i}"
              for i, (v, centre) in enumerate(zip(x, first.centres, strict=True))]  # fmt: skip
    names = [f"k{i}" for i in range(len(categorical))]
    flags = ", ".join(f"grouping(k{i})" for i in range(len(names)))
    source = f"(SELECT {', '.join(codes + values)} FROM data)"
    rows = []
    pairs = [f"(k{i}, k{j})" for i, j in itertools.combinations(range(len(categorical)), 2)]
    if pairs:  # counts only: from the stored codes where they hold every row (a third)
        stored = ", ".join(f"{quote(g.code)} AS k{i}" for i, g in enumerate(categorical))
        counted = f"(SELECT {stored} FROM codes)" if coded else source
        rows += ds.con.execute(
            f"SELECT {', '.join(names)}, {flags}, count(*) FROM {counted} "
            f"GROUP BY GROUPING SETS ({', '.join(pairs)})"
        ).fetchall()
    if numeric:  # the numeric columns' moments per group of each categorical column
        aggs = ", ".join(f"count(x{i}), sum(x{i}), sum(x{i} * x{i})" for i in range(len(numeric)))
        rows += ds.con.execute(
            f"SELECT {', '.join(names)}, {flags}, count(*), {aggs} FROM {source} "
            f"GROUP BY GROUPING SETS ({', '.join(f'(k{i})' for i in range(len(names)))})"
        ).fetchall()
    k = len(names)
    tables = {
        pair: np.zeros((len(categorical[pair[0]].labels), len(categorical[pair[1]].labels)))
        for pair in itertools.combinations(range(k), 2)
    }
    singles: dict[int, list[tuple[Any, ...]]] = {i: [] for i in range(k)}
    for row in rows:
        members = [i for i in range(k) if row[k + i] == 0]
        if len(members) == 2:
            a, b = members
            tables[(a, b)][int(row[a]), int(row[b])] = row[2 * k]
        elif len(members) == 1:
            singles[members[0]].append(row)
    found = []
    for (a, b), table in tables.items():
        v = stats.cramers_v(table[:-1, :-1], seed=seed)  # missing groups aside
        found.append(_relation(categorical[a], categorical[b], "cramers_v", v, v[0]))
    for c, cat in enumerate(categorical):
        groups = [r for r in singles[c] if int(r[c]) < len(cat.labels) - 1]  # not (missing)
        for n, g in enumerate(numeric):
            at = 2 * k + 1 + 3 * n
            counts = np.array([r[at] or 0 for r in groups], dtype=float)
            n = np.maximum(counts, 1)
            means = np.array([r[at + 1] or 0.0 for r in groups], dtype=float) / n
            squares = np.array([r[at + 2] or 0.0 for r in groups], dtype=float) / n
            var = np.maximum(squares - means * means, 0.0)
            eta2 = stats.eta_squared(counts, means, var, seed=seed)
            found.append(_relation(cat, g, "eta_squared", eta2, math.sqrt(max(eta2[0], 0.0))))
    return found


class _Means(NamedTuple):
    rows: int
    centres: list[float]  # each numeric column's mean (0.0 where it has none)
    complete: list[bool]  # no missing value, and a finite mean


def _means(ds: Dataset, numeric: list[Grouping]) -> _Means:
    """One scan for the numeric columns' means and counts (both kinds of pair use them)."""
    x = [ds.column(g.column).number for g in numeric]
    head = "".join(f", avg({v}), count({v})" for v in x)
    first = ds.con.execute(f"SELECT count(*){head} FROM data").fetchone() or ()
    rows, means, counts = int(first[0]), first[1::2], first[2::2]
    finite = [m is not None and math.isfinite(m) for m in means]
    return _Means(
        rows,
        [float(m) if ok else 0.0 for m, ok in zip(means, finite, strict=True)],
        [c == rows and ok for c, ok in zip(counts, finite, strict=True)],
    )


def _pearson_pairs(ds: Dataset, numeric: list[Grouping], means: _Means) -> list[Relationship]:
    """Pearson's r of every numeric pair over the rows where both are present, from one
    scan. Pairs of complete columns: from sums of products of mean-centred values (a
    quarter of the cost of DuckDB's ``corr``, as precise); pairs with a missing value:
    ``corr`` and ``regr_count`` (pairwise-complete). No copy of the columns in Python."""
    if len(numeric) < 2:
        return []
    x = [ds.column(g.column).number for g in numeric]
    rows, complete = means.rows, means.complete
    z = [f"({v} - {m!r})" if ok else v
         for v, m, ok in zip(x, means.centres, complete, strict=True)]  # fmt: skip
    pairs = list(itertools.combinations(range(len(numeric)), 2))
    parts = [f"sum({z[i]} * {z[i]})" if complete[i] else "NULL" for i in range(len(x))]
    for i, j in pairs:
        parts += ([f"sum({z[i]} * {z[j]})", "NULL"] if complete[i] and complete[j]
                  else [f"corr({x[i]}, {x[j]})", f"regr_count({x[i]}, {x[j]})"])  # fmt: skip
    row = ds.con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ()
    squares, rest = row[: len(x)], row[len(x) :]
    out = []
    for k, (i, j) in enumerate(pairs):
        value, n = rest[2 * k], rest[2 * k + 1]
        if complete[i] and complete[j]:
            scale = math.sqrt(float(squares[i] or 0) * float(squares[j] or 0))
            value, n = (float(value) / scale if scale > 0 else None), rows
        if value is None or not math.isfinite(value):
            continue  # fewer than two rows, or a constant column
        value = max(-1.0, min(1.0, float(value)))
        lo, hi, p = stats.pearson_ci(value, int(n))
        out.append(_relation(numeric[i], numeric[j], "pearson_r", (value, lo, hi, p), abs(value)))
    return out

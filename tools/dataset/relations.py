"""Relationships between columns (the target aside), with effect sizes and 95% intervals.

Numeric pairs: Pearson's r over all rows (Fisher interval). Categorical pairs: Cramér's V
of their groups. Numeric by categorical: eta² of the numeric column across the
categorical one's groups. p-values are Benjamini–Hochberg adjusted over all pairs.
"""

from __future__ import annotations

import itertools
import math

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
    ds: Dataset, groupings: list[Grouping], *, limit: int = 15, seed: int = 0
) -> list[Relationship]:
    numeric = [g for g in groupings if g.binned][:MAX_NUMERIC]
    categorical = [g for g in groupings if not g.binned][:MAX_CATEGORICAL]
    found = _pearson_pairs(ds, numeric)
    for a, b in itertools.combinations(categorical, 2):
        rows = ds.con.execute(
            f"SELECT ({a.sql}) AS a, ({b.sql}) AS b, count(*) FROM data GROUP BY ALL"
        ).fetchall()
        table = np.zeros((len(a.labels), len(b.labels)))
        for i, j, n in rows:
            table[int(i), int(j)] = n
        v, lo, hi, p = stats.cramers_v(table[:-1, :-1], seed=seed)  # missing groups aside
        found.append(
            Relationship(
                columns=(a.column, b.column),
                measure="cramers_v",
                effect=v,
                low=lo,
                high=hi,
                p=p,
                strength=v,
            )
        )
    for cat in categorical:
        if not numeric:
            break
        parts = []
        for g in numeric:
            x = f"{quote(g.column)}::DOUBLE"
            parts += [f"count({x})", f"avg({x})", f"var_pop({x})"]
        rows = ds.con.execute(
            f"SELECT ({cat.sql}) AS c, {', '.join(parts)} FROM data GROUP BY c"
        ).fetchall()
        rows = [r for r in rows if int(r[0]) < len(cat.labels) - 1]
        for k, g in enumerate(numeric):
            counts = np.array([r[1 + 3 * k] or 0 for r in rows], dtype=float)
            means = np.array([r[2 + 3 * k] or 0.0 for r in rows], dtype=float)
            var = np.array([r[3 + 3 * k] or 0.0 for r in rows], dtype=float)
            eta2, lo, hi, p = stats.eta_squared(counts, means, var)
            found.append(
                Relationship(
                    columns=(cat.column, g.column),
                    measure="eta_squared",
                    effect=eta2,
                    low=lo,
                    high=hi,
                    p=p,
                    strength=math.sqrt(max(eta2, 0.0)),
                )
            )
    for rel, p_adj in zip(found, stats.benjamini_hochberg([r.p for r in found]), strict=True):
        rel.p_adjusted = p_adj
    kept = [r for r in found if r.p_adjusted < 0.05]
    kept.sort(key=lambda r: -r.strength)
    return kept[:limit]


def _pearson_pairs(ds: Dataset, numeric: list[Grouping]) -> list[Relationship]:
    pairs = list(itertools.combinations(numeric, 2))
    if not pairs:
        return []
    parts = []
    for a, b in pairs:
        x, y = f"{quote(a.column)}::DOUBLE", f"{quote(b.column)}::DOUBLE"
        parts += [f"corr({x}, {y})", f"count(*) FILTER ({x} IS NOT NULL AND {y} IS NOT NULL)"]
    row = list(ds.con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ())
    out = []
    for a, b in pairs:
        r, n = row.pop(0), int(row.pop(0))
        if r is None or not math.isfinite(r):
            continue
        lo, hi, p = stats.pearson_ci(float(r), n)
        out.append(
            Relationship(
                columns=(a.column, b.column),
                measure="pearson_r",
                effect=r,
                low=lo,
                high=hi,
                p=p,
                strength=abs(r),
            )
        )
    return out

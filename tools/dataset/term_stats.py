"""Term statistics over a text column's rows (the ``texts`` and ``terms`` tables that
:mod:`tools.dataset.text` builds): the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008), and terms that separate the target's groups within one
category of another column only."""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, Field

from tools.dataset import stats
from tools.dataset.load import Dataset, quote

MIN_ROWS = 20  # a term is tested when at least this many rows use it
PRIOR = 500.0  # the Dirichlet prior's total weight (alpha_0), spread by overall frequency
MAX_CATEGORIES = 12


class Term(BaseModel):
    term: str
    rows: int = Field(description="Rows whose text uses it.")
    with_term: float = Field(description="The target's rate (or mean) among those rows.")
    without_term: float
    log_odds: float = Field(description="Log-odds ratio, informative Dirichlet prior.")
    z: float
    p: float
    p_adjusted: float = 1.0
    examples: list[str] = Field(default_factory=list)


class Interaction(BaseModel):
    term: str
    column: str
    category: str
    rows: int
    with_term: float
    without_term: float
    z: float
    z_elsewhere: float = Field(description="The same term's z in the other categories.")
    p_adjusted: float


def binary(cut: float | None, alias: str = "") -> str:
    """The target as 0/1 over ``texts`` (``alias.y``): itself, or above the median."""
    y = f"{alias}.y" if alias else "y"
    return y if cut is None else f"({y} > {cut!r})::DOUBLE"


def log_odds(a: float, b: float, n1: float, n0: float) -> tuple[float, float]:
    """Log-odds ratio of a term used by ``a`` of ``n1`` rows of the group and ``b`` of
    ``n0`` others, with a Dirichlet prior proportional to its overall use (alpha_0 =
    PRIOR), and its z-score (Monroe et al. 2008, eq. 22 and 20)."""
    share = min((a + b) / (n1 + n0), 0.99)  # a term in every row cannot separate them
    alpha = PRIOR * share
    d = math.log((a + alpha) / (n1 + PRIOR - a - alpha)) - math.log(
        (b + alpha) / (n0 + PRIOR - b - alpha)
    )
    var = 1 / (a + alpha) + 1 / (b + alpha)
    return d, d / math.sqrt(var)


def interactions(
    ds: Dataset, cut: float | None, tested: list[Term], target: str | None
) -> list[Interaction]:
    """Terms that separate the groups within one category of a low-cardinality column and
    not in its other categories."""
    cols = [c for (c,) in ds.con.execute(
        "SELECT column_name FROM (DESCRIBE texts) WHERE column_name NOT IN ('text', 'y')"
    ).fetchall() if c != target]  # fmt: skip
    frequent = {t.term for t in tested}
    found: list[Interaction] = []
    for c in cols:
        levels = ds.con.execute(f"SELECT count(DISTINCT {quote(c)}) FROM texts").fetchone()
        if not levels or not 2 <= int(levels[0]) <= MAX_CATEGORIES:
            continue
        rows = _by_category(ds, c, cut)
        found += _heterogeneous(c, rows, frequent)
    for f, p in zip(found, stats.benjamini_hochberg([_p(f.z) for f in found]), strict=True):
        f.p_adjusted = p
    kept = [f for f in found if f.p_adjusted < 0.01 and abs(f.z_elsewhere) < 2]
    out: list[Interaction] = []
    for f in sorted(kept, key=lambda f: -abs(f.z)):  # one per (column, category, rows, z)
        same = [o for o in out if (o.column, o.category, o.rows) == (f.column, f.category, f.rows)
                and abs(o.z - f.z) < 1e-6]  # fmt: skip
        if same:
            if len(f.term) > len(same[0].term):
                same[0].term = f.term  # the longer phrase names it
            continue
        out.append(f)
    return out[:10]


def _p(z: float) -> float:
    return math.erfc(abs(z) / math.sqrt(2))


def _by_category(ds: Dataset, column: str, cut: float | None) -> list[tuple[Any, ...]]:
    """Per term and category: rows, rows in the group, the target's mean; with the
    category's own totals."""
    c = quote(column)
    bt = binary(cut, "x")
    return ds.con.execute(
        f"WITH x AS (SELECT rowid AS r, {c}::VARCHAR AS g, y FROM texts WHERE y IS NOT NULL), "
        f"tot AS (SELECT g, count(*) AS n, sum({bt}) AS n1, sum(y) AS sy FROM x GROUP BY g) "
        f"SELECT t.term, x.g, count(*) AS k, sum({bt}) AS k1, avg(x.y) AS wy, "
        f"any_value(tot.n), any_value(tot.n1), any_value(tot.sy) "
        f"FROM terms t JOIN x ON t.r = x.r JOIN tot ON tot.g = x.g "
        f"GROUP BY t.term, x.g HAVING count(*) >= {MIN_ROWS // 2}"
    ).fetchall()


def _heterogeneous(
    column: str, rows: list[tuple[Any, ...]], frequent: set[str]
) -> list[Interaction]:
    by_term: dict[str, list[tuple[Any, ...]]] = {}
    for r in rows:
        if r[0] in frequent and r[1] is not None:
            by_term.setdefault(r[0], []).append(r)
    out = []
    for term, cells in by_term.items():
        zs = {}
        for _, g, k, k1, wy, n, n1, sy in cells:
            n, n1, k, k1 = float(n), float(n1), float(k), float(k1)
            if not 0 < n1 < n:
                continue
            without = (float(sy) - float(wy) * k) / max(n - k, 1.0)
            zs[g] = (log_odds(k1, k - k1, n1, n - n1)[1], k, float(wy), without)
        for g, (z, k, wy, without) in zs.items():
            others = [v[0] for h, v in zs.items() if h != g]
            if not others:
                continue
            elsewhere = max(others, key=abs)
            out.append(Interaction(term=term, column=column, category=str(g), rows=int(k),
                                   with_term=wy, without_term=without, z=z,
                                   z_elsewhere=elsewhere, p_adjusted=1.0))  # fmt: skip
    return out

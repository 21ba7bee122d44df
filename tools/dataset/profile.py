"""Per-column profiles over all rows, computed in batched DuckDB aggregate queries."""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import duckdb
from pydantic import BaseModel, Field

from tools.dataset.load import Column, Dataset, Kind

BATCH = 64  # columns per aggregate query (tall tables)
LONG_BATCH = 2000  # columns per UNPIVOT query (wide, short tables)
MAX_LEVELS = 50  # a string column with more distinct values is text or high-cardinality
QUANTILES = (0.01, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.99)


class ColumnProfile(BaseModel):
    """What one column holds, over all rows."""

    name: str
    dtype: str = Field(description="DuckDB type.")
    kind: Kind
    count: int = Field(description="Non-missing values.")
    missing: int
    missing_share: float
    distinct: int
    mean: float | None = None
    std: float | None = None
    min: float | str | None = None
    max: float | str | None = None
    skewness: float | None = None
    quantiles: dict[str, float] = Field(default_factory=dict, description="p01 … p99.")
    outliers: int = Field(0, description="Values beyond 3 IQR outside the quartiles.")
    infinite: int = Field(
        0, description="±infinity values (counted as values; not in the mean, std, quantiles)."
    )
    largest_gap_days: int | None = Field(
        None, description="Dates: the longest stretch between two consecutive dates present."
    )


def _kind(col: Column, distinct: int, count: int) -> Kind:
    base = col.dtype.split("(")[0]
    if base == "BOOLEAN":
        return "boolean"
    if base in ("DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIME", "TIMESTAMP_NS"):
        return "datetime"
    if col.is_number:
        return "numeric"
    if distinct > MAX_LEVELS and distinct >= 0.5 * count:
        return "text"
    return "categorical"


def _finite(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _largest_gap(ds: Dataset, col: Column) -> int | None:
    (gap,) = ds.con.execute(
        f"SELECT max(d - p) FROM (SELECT d, lag(d) OVER (ORDER BY d) AS p FROM "
        f"(SELECT DISTINCT {col.sql}::DATE AS d FROM data WHERE {col.sql} IS NOT NULL))"
    ).fetchone() or (None,)
    return int(gap) if gap is not None else None


def _stable(value: float | None, zero: float = 0.0) -> float | None:
    """A moment as the same number on every run: DuckDB sums in parallel, in an order
    that varies, so the last digits of a mean or a skewness vary; 12 significant digits
    do not. A dimensionless moment (``zero`` given) is rounded to 9 decimals instead: its
    error is absolute (diamonds' 'table' skewness -0.0822940263019 came back as ...018
    on one run in three at 12 significant digits), and under ``zero`` it is 0."""
    if value is None:
        return None
    if abs(value) < zero:
        return 0.0
    return round(value, 9) if zero else float(f"{value:.12g}")


def profile_dataset(
    ds: Dataset, progress: Callable[[int], None] | None = None
) -> list[ColumnProfile]:
    """Profiles of every column; sets each column's ``kind``. ``progress(n)`` is called
    with the number of columns done after each batch.

    Tall tables are profiled with batches of per-column aggregates; wide and short ones
    (more than 200 columns, at most 20 million cells) as one long table (UNPIVOT) grouped
    by column, which costs one scan instead of thousands of aggregate setups."""
    long = len(ds.columns) > 200 and ds.rows * len(ds.columns) <= 20_000_000
    size = LONG_BATCH if long else BATCH
    profiles: list[ColumnProfile] = []
    for start in range(0, len(ds.columns), size):
        batch = ds.columns[start : start + size]
        try:
            raw = _aggregates_long(ds, batch) if long else _aggregates_wide(ds, batch)
        except duckdb.OutOfRangeException:  # huge values (1e308, 2^63…): column by column
            raw = [_aggregates_scaled(ds, col) for col in batch]
        out = [_build(ds, col, values) for col, values in zip(batch, raw, strict=True)]
        numeric = [(c, p) for c, p in zip(batch, out, strict=True) if p.kind == "numeric"]
        (_count_outliers_long if long else _count_outliers)(ds, numeric)
        for col, p in zip(batch, out, strict=True):
            if p.kind == "datetime" and col.dtype.split(" ")[0] in ("DATE", "TIMESTAMP"):
                p.largest_gap_days = _largest_gap(ds, col)
        profiles += out
        if progress:
            progress(len(batch))
    return profiles


_QS = ", ".join(str(q) for q in QUANTILES)


def _numeric_parts(x: str, scale: str | None = None) -> list[str]:
    """The aggregates of a numeric column. ``scale``: divide by it for the skewness (which
    does not change under scaling) so that cubes of huge values do not overflow."""
    skew = f"skewness({x} / {scale})" if scale else f"skewness({x})"
    return [
        f"count({x})",
        f"count(DISTINCT {x})",
        f"avg({x})",
        f"stddev_pop({x})",
        f"min({x})",
        f"max({x})",
        skew,
        f"quantile_cont({x}, [{_QS}])",
    ]


def _text_parts(c: str) -> list[str]:
    return [
        f"count({c})",
        f"count(DISTINCT {c})",
        f"min({c})::VARCHAR",
        f"max({c})::VARCHAR",
    ]


def _aggregates_wide(ds: Dataset, batch: list[Column]) -> list[list[Any]]:
    parts: list[str] = []
    widths = []
    for col in batch:
        cols = _numeric_parts(col.number) if col.is_number else _text_parts(col.sql)
        parts += cols
        widths.append(len(cols))
    # DuckDB runs one query's DISTINCT counts one after another and slower than alone
    # (20 columns of 1M rows: 0.48 s together, 0.28 s as queries of their own), and ends
    # each exact quantile (a sort) on one thread: those run as queries of their own, two
    # at a time on two cursors (the 12 numeric columns' quantiles: 0.67 s in one query,
    # 0.40 s so)
    alone = [i for i, p in enumerate(parts) if p.startswith(("count(DISTINCT", "quantile_"))]
    others = [p for i, p in enumerate(parts) if i not in alone]
    queries = [f"SELECT {', '.join(others)} FROM data"]
    queries += [f"SELECT {parts[i]} FROM data" for i in alone]
    with ThreadPoolExecutor(2, thread_name_prefix="profile") as pool:
        rows = list(pool.map(lambda q: ds.con.cursor().execute(q).fetchone(), queries))
    row = list(rows[0] or ())
    for i, one in zip(alone, rows[1:], strict=True):
        row.insert(i, (one or (None,))[0])
    out = []
    for width in widths:
        out.append(row[:width])
        row = row[width:]
    return out


def _aggregates_scaled(ds: Dataset, col: Column) -> list[Any]:
    """One column's aggregates with the skewness of the values scaled to [-1, 1]."""
    if not col.is_number:
        parts = _text_parts(col.sql)
    else:
        x = col.number
        parts = _numeric_parts(x, f"(SELECT NULLIF(max(abs({x})), 0) FROM data)")
    try:
        return list(ds.con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ())
    except duckdb.OutOfRangeException:  # still out of range: no skewness
        parts[6] = "NULL"
        return list(ds.con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ())


def _aggregates_long(ds: Dataset, batch: list[Column]) -> list[list[Any]]:
    found: dict[int, list[Any]] = {}
    numeric = [(i, c) for i, c in enumerate(batch) if c.is_number]
    text = [(i, c) for i, c in enumerate(batch) if not c.is_number]
    for group, cast, parts in (
        (numeric, "::DOUBLE", _numeric_parts("v")),
        (text, "::VARCHAR", _text_parts("v")),
    ):
        if not group:
            continue
        select = ", ".join(
            f"{c.number if cast == '::DOUBLE' else c.sql + cast} AS k{i}" for i, c in group
        )
        rows = ds.con.execute(
            f"SELECT col, {', '.join(parts)} FROM (UNPIVOT (SELECT {select} FROM data) "
            "ON COLUMNS(*) INTO NAME col VALUE v) GROUP BY col"
        ).fetchall()
        for r in rows:
            found[int(r[0][1:])] = list(r[1:])
        empty = [0, 0] + [None] * (len(parts) - 2)  # all-missing columns vanish in UNPIVOT
        for i, _ in group:
            found.setdefault(i, list(empty))
    return [found[i] for i in range(len(batch))]


def _build(ds: Dataset, col: Column, raw: list[Any]) -> ColumnProfile:
    # the aggregates saw finite numbers only: the infinities count as present values
    count = int(raw[0] or 0) + col.infinite
    distinct = int(raw[1] or 0) + col.infinite_levels
    fields: dict[str, Any]
    if col.is_number:
        mean, std, lo, hi, skew, qs = raw[2:8]
        fields = {
            "mean": _stable(_finite(mean)),
            "std": _stable(_finite(std)),
            "min": _finite(lo),
            "max": _finite(hi),
            "skewness": _stable(_finite(skew), zero=1e-9),
        }
        if qs:
            fields["quantiles"] = {
                f"p{round(q * 100):02d}": float(v)
                for q, v in zip(QUANTILES, qs, strict=True)
                if _finite(v) is not None
            }
    else:
        lo, hi = raw[2:4]
        fields = {"min": lo, "max": hi}
    col.kind = _kind(col, distinct, count)
    return ColumnProfile(
        name=col.name,
        dtype=col.dtype,
        kind=col.kind,
        count=count,
        missing=ds.rows - count,
        missing_share=(ds.rows - count) / ds.rows,
        distinct=distinct,
        infinite=col.infinite,
        **fields,
    )


#: Numeric columns with at most this many distinct values (yes/no codes, counts of
#: children, years of schooling) have no outliers to speak of: a rare level is a level.
FEW_LEVELS = 20


def _fences(p: ColumnProfile) -> tuple[float, float] | None:
    q1, q3 = p.quantiles.get("p25"), p.quantiles.get("p75")
    if q1 is None or q3 is None or q3 <= q1 or p.distinct <= FEW_LEVELS:
        return None
    lo, hi = q1 - 3 * (q3 - q1), q3 + 3 * (q3 - q1)
    return (lo, hi) if math.isfinite(lo) and math.isfinite(hi) else None


def _count_outliers_long(ds: Dataset, pairs: list[tuple[Column, ColumnProfile]]) -> None:
    fenced = [(i, c, p, f) for i, (c, p) in enumerate(pairs) if (f := _fences(p)) is not None]
    if not fenced:
        return
    ds.con.execute("CREATE OR REPLACE TEMP TABLE fences (col VARCHAR, lo DOUBLE, hi DOUBLE)")
    ds.con.executemany(
        "INSERT INTO fences VALUES (?, ?, ?)", [[f"k{i}", f[0], f[1]] for i, _, _, f in fenced]
    )
    select = ", ".join(f"{c.number} AS k{i}" for i, c, _, _ in fenced)
    rows = ds.con.execute(
        f"SELECT col, count(*) FROM (UNPIVOT (SELECT {select} FROM data) ON COLUMNS(*) "
        "INTO NAME col VALUE v) JOIN fences USING (col) WHERE v < lo OR v > hi GROUP BY col"
    ).fetchall()
    counts = {name: int(n) for name, n in rows}
    for i, _, p, _ in fenced:
        p.outliers = counts.get(f"k{i}", 0)


def _count_outliers(ds: Dataset, pairs: list[tuple[Column, ColumnProfile]]) -> None:
    parts, owners = [], []
    for col, p in pairs:
        fences = _fences(p)  # None near the float limit too: no fences to speak of
        if fences is None:
            continue
        c = col.number
        parts.append(f"count(*) FILTER ({c} < {fences[0]!r} OR {c} > {fences[1]!r})")
        owners.append(p)
    if parts:
        row = ds.con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ()
        for p, n in zip(owners, row, strict=True):
            p.outliers = int(n)

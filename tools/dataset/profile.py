"""Per-column profiles over all rows, computed in batched DuckDB aggregate queries."""

from __future__ import annotations

import math
from collections.abc import Callable

from pydantic import BaseModel, Field

from tools.dataset.load import Column, Dataset, Kind

BATCH = 64  # columns per aggregate query
MAX_LEVELS = 50  # a string column with more distinct values is text or high-cardinality
QUANTILES = (0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99)


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
    mode: str | None = None


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


def profile_dataset(
    ds: Dataset, progress: Callable[[int], None] | None = None
) -> list[ColumnProfile]:
    """Profiles of every column; sets each column's ``kind``. ``progress(n)`` is called
    with the number of columns done after each batch."""
    profiles: list[ColumnProfile] = []
    for start in range(0, len(ds.columns), BATCH):
        batch = ds.columns[start : start + BATCH]
        profiles += _profile_batch(ds, batch)
        if progress:
            progress(len(batch))
    return profiles


def _profile_batch(ds: Dataset, batch: list[Column]) -> list[ColumnProfile]:
    parts: list[str] = []
    for col in batch:
        c = col.sql
        parts += [f"count({c})", f"count(DISTINCT {c})"]
        if col.is_number:
            x = f"{c}::DOUBLE"
            qs = ", ".join(str(q) for q in QUANTILES)
            parts += [
                f"avg({x})",
                f"stddev_pop({x})",
                f"min({x})",
                f"max({x})",
                f"skewness({x})",
                f"approx_quantile({x}, [{qs}])",
            ]
        else:
            parts += [f"min({c})::VARCHAR", f"max({c})::VARCHAR", f"mode({c})::VARCHAR"]
    row = ds.con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ()
    values = list(row)
    out: list[ColumnProfile] = []
    for col in batch:
        count, distinct = int(values.pop(0)), int(values.pop(0))
        missing = ds.rows - count
        fields: dict[str, object] = {}
        if col.is_number:
            mean, std, lo, hi, skew, qs = (values.pop(0) for _ in range(6))
            fields = {
                "mean": _finite(mean),
                "std": _finite(std),
                "min": _finite(lo),
                "max": _finite(hi),
                "skewness": _finite(skew),
            }
            if qs:
                fields["quantiles"] = {
                    f"p{round(q * 100):02d}": float(v)
                    for q, v in zip(QUANTILES, qs, strict=True)
                    if _finite(v) is not None
                }
        else:
            lo, hi, mode = (values.pop(0) for _ in range(3))
            fields = {"min": lo, "max": hi, "mode": mode}
        col.kind = _kind(col, distinct, count)
        out.append(
            ColumnProfile(
                name=col.name,
                dtype=col.dtype,
                kind=col.kind,
                count=count,
                missing=missing,
                missing_share=missing / ds.rows,
                distinct=distinct,
                **fields,
            )
        )
    _count_outliers(ds, [(c, p) for c, p in zip(batch, out, strict=True) if p.kind == "numeric"])
    return out


def _count_outliers(ds: Dataset, pairs: list[tuple[Column, ColumnProfile]]) -> None:
    parts, owners = [], []
    for col, p in pairs:
        q1, q3 = p.quantiles.get("p25"), p.quantiles.get("p75")
        if q1 is None or q3 is None or q3 <= q1:
            continue
        iqr = q3 - q1
        c = col.sql
        parts.append(f"count(*) FILTER ({c} < {q1 - 3 * iqr!r} OR {c} > {q3 + 3 * iqr!r})")
        owners.append(p)
    if parts:
        row = ds.con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ()
        for p, n in zip(owners, row, strict=True):
            p.outliers = int(n)

"""Data-quality alerts, each with a kind, the column(s) it concerns and its figures.

Thresholds (all over all rows): ``missing`` ≥ 1% of a column's values absent;
``constant`` one distinct value; ``duplicates`` identical rows; ``high_cardinality`` a
text-like column with more than 50 distinct values that is not an id; ``skew`` |skewness|
> 2; ``outliers`` ≥ 0.1% of values beyond 3 IQR outside the quartiles; ``id_column``
every value distinct and integer or text (a row number or key, useless as a feature);
``leakage`` a column that predicts the target almost alone (the tests of
:mod:`tools.dataset.leaks`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from tools.dataset.load import Dataset, quote
from tools.dataset.profile import MAX_LEVELS, ColumnProfile

AlertKind = Literal[
    "missing",
    "constant",
    "duplicates",
    "high_cardinality",
    "skew",
    "outliers",
    "id_column",
    "leakage",
    "same_column",
    "informative_missing",
    "personal_data",
    "near_duplicates",
]
SAME = 0.99  # share of rows on which two columns agree to be called the same column
_ID_NAME = re.compile(
    r"^(|column\d*|unnamed.*|id|index|idx|key|row|rownum|row_?number|uuid|guid)$"
    r"|[_ .-](id|no|nr|num|number|key|code|ref|idx)$",
    re.I,
)
_CASED_ID = re.compile(r"^[A-Z]*ID$|[a-z0-9](Id|ID|No|Nr)$")  # PID, userId: case matters
NEAR_UNIQUE = 0.95  # distinct values / distinct rows
MIN_ID_ROWS = 20  # below this, uniqueness alone is expected of any measurement
_INTEGER = ("BIGINT", "INTEGER", "SMALLINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT")


class Alert(BaseModel):
    kind: AlertKind
    columns: list[str]
    figures: dict[str, float] = Field(description="The numbers behind the alert.")
    message: str


def id_evidence(ds: Dataset, p: ColumnProfile, distinct_rows: int) -> str | None:
    """Why a column is a row id or key, or None. It must be near-unique once duplicate
    rows are set aside (an id repeats with its row), and show one more sign: a name like
    an index or key (of any spelling: ``column00``, ``PID``, ``member_no``, an empty
    header), codes of one pattern (``A-00017``), or a dense run of integers that goes with
    no other column (a row number; ``height`` 58–72 in a 15-row table goes with weight).
    Uniqueness alone is never enough: any measurement is unique in a tiny table."""
    if p.distinct < NEAR_UNIQUE * distinct_rows or p.missing > 0.05 * ds.rows or p.distinct < 3:
        return None
    name = p.name.strip()
    keyish = p.kind in ("text", "categorical") or p.dtype.split("(")[0] in _INTEGER
    if keyish and (_ID_NAME.search(name) or _CASED_ID.search(name)):
        return f"named like an index or key ({p.name!r})"
    if distinct_rows < MIN_ID_ROWS:
        return None
    x = quote(p.name)
    if p.kind in ("text", "categorical"):
        shape = (f"regexp_replace(regexp_replace({x}::VARCHAR, '[0-9]', '9', 'g'), "
                 "'[A-Za-z]', 'A', 'g')")  # fmt: skip
        row = ds.con.execute(
            f"SELECT s, count(*) AS n FROM (SELECT {shape} AS s FROM data WHERE {x} IS NOT "
            "NULL) GROUP BY s ORDER BY n DESC, s LIMIT 1"
        ).fetchone()
        if row and "9" in str(row[0]) and row[1] >= NEAR_UNIQUE * p.count:
            return f"codes of one pattern ({str(row[0])!r})"
        return None
    if p.dtype.split("(")[0] not in _INTEGER or not isinstance(p.min, float | int):
        return None
    if not isinstance(p.max, float | int) or p.max - p.min + 1 > 1.05 * p.distinct:
        return None
    others = [c for c in ds.columns if c.name != p.name and c.is_number][:200]
    if others:
        parts = ", ".join(f"abs(corr({x}::DOUBLE, {c.number}))" for c in others)
        row = ds.con.execute(f"SELECT {parts} FROM data").fetchone() or ()
        if any(r is not None and r >= 0.9 for r in row):
            return None  # a measurement that goes with another, not a row number
    return "a dense run of integers that goes with no other column"


def find_alerts(ds: Dataset, profiles: list[ColumnProfile]) -> list[Alert]:
    alerts: list[Alert] = []
    duplicates = duplicate_rows(ds, profiles)
    for p in profiles:
        name = p.name
        if p.missing_share >= 0.01:
            alerts.append(
                Alert(
                    kind="missing",
                    columns=[name],
                    figures={"missing": p.missing, "missing_share": p.missing_share},
                    message=f"{p.missing} values missing ({p.missing_share:.1%})",
                )
            )
        if p.distinct <= 1:
            alerts.append(
                Alert(
                    kind="constant",
                    columns=[name],
                    figures={"distinct": p.distinct},
                    message="holds a single value" if p.distinct else "holds no values",
                )
            )
            continue
        evidence = id_evidence(ds, p, ds.rows - duplicates)
        if evidence is not None:
            alerts.append(
                Alert(
                    kind="id_column",
                    columns=[name],
                    figures={"distinct": p.distinct, "rows": ds.rows},
                    message=f"a row id or key, not a feature: {p.distinct:,} distinct values "
                    f"in {ds.rows - duplicates:,} distinct rows, {evidence}",
                )
            )
            continue
        if p.kind in ("text", "categorical") and p.distinct > MAX_LEVELS:
            alerts.append(
                Alert(
                    kind="high_cardinality",
                    columns=[name],
                    figures={
                        "distinct": p.distinct,
                        "distinct_share": p.distinct / max(p.count, 1),
                    },
                    message=f"{p.distinct} distinct values",
                )
            )
        if (
            p.kind == "numeric"
            and p.skewness is not None
            and abs(p.skewness) > 2
            and p.distinct > 2
        ):
            alerts.append(
                Alert(
                    kind="skew",
                    columns=[name],
                    figures={"skewness": p.skewness},
                    message=f"skewness {p.skewness:.2f}",
                )
            )
        if p.count and p.outliers / p.count >= 0.001:
            share = p.outliers / p.count
            alerts.append(
                Alert(
                    kind="outliers",
                    columns=[name],
                    figures={"outliers": p.outliers, "outlier_share": share},
                    message=f"{p.outliers} values ({share:.2%}) beyond 3 IQR",
                )
            )
    alerts += same_columns(ds, profiles)
    if duplicates:
        alerts.append(
            Alert(
                kind="duplicates",
                columns=[c.name for c in ds.columns],
                figures={"duplicate_rows": duplicates, "duplicate_share": duplicates / ds.rows},
                message=f"{duplicates} rows repeat an earlier row",
            )
        )
    return alerts


def duplicate_rows(ds: Dataset, profiles: Sequence[ColumnProfile] = ()) -> int:
    """Rows that repeat an earlier row exactly (all columns). A column present on every
    row with as many distinct values as rows (a key) tells without a scan: none do."""
    if any(p.count == ds.rows == p.distinct for p in profiles):
        return 0
    if len(ds.columns) > 2000:  # hashing very wide rows: count on the first 2000 columns
        cols = ", ".join(c.sql for c in ds.columns[:2000])
        query = f"SELECT count(*) FROM (SELECT DISTINCT {cols} FROM data)"
    else:
        query = "SELECT count(*) FROM (SELECT DISTINCT * FROM data)"
    (distinct,) = ds.con.execute(query).fetchone() or (ds.rows,)
    return ds.rows - int(distinct)


LEAKAGE_NOTE = (
    "it may be computed from the target or recorded after it, so it is kept out of the "
    "drivers and the model (keep it with --keep)"
)


#: From this many rows, pairs are screened on the rows whose id hashes to 0 mod 256 (about
#: 4,000 of a million, chosen whatever the values) before the full count: a pair equal on
#: 99% of rows is equal on under 90% of such a sample with odds below 1e-50.
SCREEN_ROWS = 100_000


def same_columns(ds: Dataset, profiles: list[ColumnProfile], limit: int = 500) -> list[Alert]:
    """Pairs of columns equal on at least 99% of rows (both missing counts as equal): a
    copy, a renamed duplicate, or a near-copy. Candidates share their type family and have
    about as many distinct values; one scan compares up to ``limit`` pairs."""
    usable = [p for p in profiles if p.distinct > 1 and p.kind != "text"]
    pairs = []
    for i, a in enumerate(usable):
        for b in usable[i + 1 :]:
            number = (a.kind == "numeric", b.kind == "numeric")
            if number[0] != number[1]:
                continue
            if abs(a.distinct - b.distinct) > max(2, 0.05 * max(a.distinct, b.distinct)):
                continue
            pairs.append((a, b))
    pairs = pairs[:limit]
    if not pairs:
        return []

    def value(p: ColumnProfile) -> str:
        return f"{quote(p.name)}::DOUBLE" if p.kind == "numeric" else f"{quote(p.name)}::VARCHAR"

    def equal(a: ColumnProfile, b: ColumnProfile) -> str:
        return f"count(*) FILTER ({value(a)} IS NOT DISTINCT FROM {value(b)})"

    if ds.rows >= SCREEN_ROWS:  # screen on a 1/256 row sample first (see SCREEN_ROWS)
        parts = ", ".join(equal(a, b) for a, b in pairs)
        seen = (
            ds.con.execute(
                f"SELECT count(*), {parts} FROM data WHERE hash(rowid) % 256 = 0"
            ).fetchone()
            or ()
        )
        if seen and seen[0] >= 200:
            pairs = [pair for pair, n in zip(pairs, seen[1:], strict=True) if n >= 0.9 * seen[0]]
            if not pairs:
                return []
    parts = ", ".join(equal(a, b) for a, b in pairs)
    row = ds.con.execute(f"SELECT {parts} FROM data").fetchone() or ()
    out = []
    for (a, b), same in zip(pairs, row, strict=True):
        share = int(same) / ds.rows
        if share >= SAME:
            how = "a copy of" if share == 1.0 else "nearly a copy of"
            message = f"{how} {a.name!r}: equal on {share:.1%} of rows"
            out.append(Alert(kind="same_column", columns=[b.name, a.name],
                             figures={"equal_share": share}, message=message))  # fmt: skip
    return out


def informative_missingness(
    ds: Dataset, profiles: list[ColumnProfile], target: str, y_sql: str, positive: str
) -> list[Alert]:
    """Columns whose missingness tells a yes/no target: missing at least twice as often
    (and 5 points more) in one class, with a two-proportion z test p < 0.001."""
    from tools.dataset import stats

    gappy = [p for p in profiles if p.missing and p.name != target and p.missing_share < 0.95]
    if not gappy:
        return []
    parts = ["count(*) FILTER (__y = 1)", "count(*) FILTER (__y = 0)"]
    for p in gappy:
        x = quote(p.name)
        parts += [f"count(*) FILTER (__y = 1 AND {x} IS NULL)",
                  f"count(*) FILTER (__y = 0 AND {x} IS NULL)"]  # fmt: skip
    query = f"SELECT {', '.join(parts)} FROM (SELECT *, {y_sql} AS __y FROM data)"
    row = list(ds.con.execute(query).fetchone() or ())
    n1, n0 = int(row[0]), int(row[1])
    out = []
    for i, p in enumerate(gappy):
        m1, m0 = int(row[2 + 2 * i]), int(row[3 + 2 * i])
        if not n1 or not n0:
            continue
        r1, r0 = m1 / n1, m0 / n0
        hi, lo = max(r1, r0), min(r1, r0)
        _, _, _, pvalue = stats.two_proportions(m1, n1, m0, n0)
        if hi >= 2 * lo and hi - lo >= 0.05 and pvalue < 0.001:
            out.append(Alert(
                kind="informative_missing", columns=[p.name, target],
                figures={"positive_missing_share": r1, "rest_missing_share": r0},
                message=f"missing in {r1:.1%} of rows with {target} = {positive!r} and "
                f"{r0:.1%} of the rest: its absence says something about the target",
            ))  # fmt: skip
    return out

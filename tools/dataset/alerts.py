"""Data-quality alerts, each with a kind, the column(s) it concerns and its figures.

Thresholds (all over all rows): ``missing`` ≥ 1% of a column's values absent;
``constant`` one distinct value; ``duplicates`` identical rows; ``high_cardinality`` a
text-like column with more than 50 distinct values that is not an id; ``skew`` |skewness|
> 2; ``outliers`` ≥ 0.1% of values beyond 3 IQR outside the quartiles; ``id_column``
every value distinct and integer or text (a row number or key, useless as a feature);
``leakage`` a column nearly determining the target (association ≥ 0.95).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from tools.dataset.load import Dataset
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
]
_ID_NAME = re.compile(r"^(id|.*[_ ]id|index|row|row_?number|column0|unnamed.*|)$", re.I)


class Alert(BaseModel):
    kind: AlertKind
    columns: list[str]
    figures: dict[str, float] = Field(description="The numbers behind the alert.")
    message: str


def is_id_column(p: ColumnProfile, rows: int) -> bool:
    if p.missing or p.distinct != rows or rows < 3:
        return False
    if p.kind in ("text", "categorical"):
        return True
    if p.kind == "numeric" and p.dtype.split("(")[0] in (
        "BIGINT",
        "INTEGER",
        "SMALLINT",
        "HUGEINT",
        "UBIGINT",
        "UINTEGER",
    ):
        return bool(_ID_NAME.match(p.name)) or (
            isinstance(p.min, float) and isinstance(p.max, float) and p.max - p.min + 1 == rows
        )
    return False


def find_alerts(ds: Dataset, profiles: list[ColumnProfile]) -> list[Alert]:
    alerts: list[Alert] = []
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
        if is_id_column(p, ds.rows):
            alerts.append(
                Alert(
                    kind="id_column",
                    columns=[name],
                    figures={"distinct": p.distinct, "rows": ds.rows},
                    message="every value is distinct: a row id or key, not a feature",
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
    duplicates = duplicate_rows(ds)
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


def duplicate_rows(ds: Dataset) -> int:
    """Rows that repeat an earlier row exactly (all columns)."""
    if len(ds.columns) > 2000:  # hashing very wide rows: count on the first 2000 columns
        cols = ", ".join(c.sql for c in ds.columns[:2000])
        query = f"SELECT count(*) FROM (SELECT DISTINCT {cols} FROM data)"
    else:
        query = "SELECT count(*) FROM (SELECT DISTINCT * FROM data)"
    (distinct,) = ds.con.execute(query).fetchone() or (ds.rows,)
    return ds.rows - int(distinct)


LEAKAGE_NOTE = "probably computed from the target or recorded after it; leave it out of models"

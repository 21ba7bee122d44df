"""Columns cut into a few labelled groups, and the target as numbers, in one coded table.

Drivers, subgroups, the Simpson's check and relationships all group rows by a column's
values. A numeric column with many values is cut at its deciles (computed over all rows),
a categorical one keeps its most frequent levels and pools the rest as ``(other)``, and
missing values form their own group. The codes of every analysed column and the target
are materialised once in the table ``codes`` as small integers, so the many GROUP BY
queries that follow scan a narrow table.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Literal

from tools.dataset.load import Column, Dataset, DatasetError, quote
from tools.dataset.profile import ColumnProfile

MAX_GROUPS = 12
MISSING = "(missing)"
OTHER = "(other)"
TargetKind = Literal["binary", "numeric", "categorical"]
_POSITIVE = ("1", "true", "yes", "y", "survived", "positive", "pos", "t")


@dataclass
class Grouping:
    """How one column's rows fall into groups: code ``i`` is ``labels[i]``."""

    column: str
    code: str  # the column's name in ``codes``
    labels: list[str]
    sql: str  # the expression computing the code from ``data``
    binned: bool  # a numeric column cut into ranges (else: one group per value)


@dataclass
class Target:
    """The column to explain, as a number per row: an indicator of ``positive`` for a
    binary or categorical target, the value itself for a numeric one."""

    column: str
    kind: TargetKind
    positive: str | None
    levels: list[str]
    y_sql: str

    @property
    def measure(self) -> str:
        """How a group's y is described: 'rate of survived = yes' or 'mean of price'."""
        if self.kind == "numeric":
            return f"mean {self.column}"
        return f"{self.column} = {self.positive} rate"


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return str(value)  # inf, -inf
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.4g}"


def _value_label(value: object) -> str:
    if isinstance(value, float):
        return _fmt(value)
    return str(value)


def make_grouping(ds: Dataset, col: Column, profile: ColumnProfile, index: int) -> Grouping | None:
    """The grouping of ``col``, or None for kinds that are not grouped (text, times of
    day). Dates are cut at their deciles, so the target's course over time (its trend)
    is a driver's shape."""
    code = f"g{index}"
    c = col.sql
    if profile.kind == "text" or profile.distinct < 2:
        return None
    if profile.kind == "datetime":
        return _date_grouping(ds, col, profile, code)
    if profile.kind == "numeric" and profile.distinct > MAX_GROUPS:
        deciles = [profile.quantiles.get(f"p{d}0") for d in range(1, 10)]  # from profiling
        cuts = sorted({float(v) for v in deciles if v is not None and math.isfinite(v)})
        lo, hi = profile.min, profile.max
        cuts = [
            x
            for x in cuts
            if isinstance(lo, float) and lo < x and (not isinstance(hi, float) or x <= hi)
        ]
        if not cuts:
            return None
        labels = [f"< {_fmt(cuts[0])}"]
        labels += [f"{_fmt(a)} to {_fmt(b)}" for a, b in itertools.pairwise(cuts)]
        labels.append(f">= {_fmt(cuts[-1])}")
        whens = " ".join(f"WHEN {c} < {x!r} THEN {i}" for i, x in enumerate(cuts))
        sql = f"CASE WHEN {c} IS NULL THEN {len(labels)} {whens} ELSE {len(cuts)} END"
        binned = True
    else:
        top = ds.con.execute(
            f"SELECT {c}, count(*) AS n FROM data WHERE {c} IS NOT NULL GROUP BY {c} "
            f"ORDER BY n DESC, {c} LIMIT {MAX_GROUPS + 1}"
        ).fetchall()
        values = [r[0] for r in top]
        keep = values if len(values) <= MAX_GROUPS else values[: MAX_GROUPS - 1]
        if profile.kind == "numeric":
            keep = sorted(keep)
        labels = [_value_label(v) for v in keep]
        params = ", ".join(_literal(v) for v in keep)
        whens = " ".join(f"WHEN {c} = {_literal(v)} THEN {i}" for i, v in enumerate(keep))
        other = len(labels)
        if len(values) > len(keep):
            labels.append(OTHER)
        sql = (
            f"CASE WHEN {c} IS NULL THEN {len(labels)} {whens} ELSE {other} END"
            if params
            else f"CASE WHEN {c} IS NULL THEN {len(labels)} ELSE {other} END"
        )
        binned = False
    labels.append(MISSING)
    return Grouping(column=col.name, code=code, labels=labels, sql=sql, binned=binned)


def _date_grouping(ds: Dataset, col: Column, profile: ColumnProfile, code: str) -> Grouping | None:
    if col.dtype.split(" ")[0] not in ("DATE", "TIMESTAMP") or profile.distinct < 4:
        return None
    c = col.sql
    (cuts,) = ds.con.execute(
        f"SELECT quantile_disc({c}, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) FROM data"
    ).fetchone() or ([],)
    lo = ds.con.execute(f"SELECT min({c}) FROM data").fetchone()
    edges = sorted({v for v in cuts or [] if v is not None and lo and v > lo[0]})
    if not edges:
        return None
    day = (lambda v: str(v)[:10]) if col.dtype == "DATE" else str
    labels = [f"< {day(edges[0])}"]
    labels += [f"{day(a)} to {day(b)}" for a, b in itertools.pairwise(edges)]
    labels.append(f">= {day(edges[-1])}")
    whens = " ".join(f"WHEN {c} < '{v}'::{col.dtype} THEN {i}" for i, v in enumerate(edges))
    sql = f"CASE WHEN {c} IS NULL THEN {len(labels)} {whens} ELSE {len(edges)} END"
    labels.append(MISSING)
    return Grouping(column=col.name, code=code, labels=labels, sql=sql, binned=True)


def _literal(value: object) -> str:
    """A value as a SQL literal (values come from the data, so they are escaped)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return "NULL" if math.isnan(value) else f"'{value}'::DOUBLE"
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


#: Beyond this, squares overflow a double (variances, sums of squares).
HUGE = 1e150


def make_target(
    ds: Dataset, name: str, profile: ColumnProfile, positive: str | None = None
) -> Target:
    """The target: numeric, yes/no (the class named like "yes", else the rarer one, or
    ``positive``) or of several classes (``positive`` against the rest; without it the
    most frequent class, said in a note)."""
    col = ds.column(name)
    c = col.sql
    if profile.count == 0:
        raise DatasetError(f"target column {name!r} has no values")
    if profile.distinct < 2:
        raise DatasetError(f"target column {name!r} is constant; nothing to explain")
    if profile.kind == "numeric" and profile.distinct > 2:
        extreme = max(abs(v) for v in (profile.min, profile.max) if isinstance(v, float))
        if extreme > HUGE:
            raise DatasetError(
                f"target column {name!r} holds values up to {extreme:.3g}: their squares "
                "overflow, so no variance or effect size can be computed; rescale the column "
                "(e.g. divide by 1e100) and try again"
            )
        return Target(name, "numeric", None, [], col.number)
    if profile.kind == "text":
        raise DatasetError(
            f"target column {name!r} is free text ({profile.distinct} distinct values); "
            "choose a numeric, yes/no or categorical column"
        )
    counts = ds.con.execute(
        f"SELECT {c}::VARCHAR AS v, count(*) AS n FROM data WHERE {c} IS NOT NULL "
        "GROUP BY v ORDER BY n DESC, v"
    ).fetchall()
    levels = [str(r[0]) for r in counts]
    if positive is not None and positive not in levels:
        close = [v for v in levels if v.casefold() == positive.casefold()]
        hint = f"; did you mean {close[0]!r}?" if close else ""
        shown = ", ".join(repr(v) for v in levels[:10])
        raise DatasetError(f"{positive!r} is not a class of {name!r}{hint} (classes: {shown})")
    kind: TargetKind = "binary" if len(levels) == 2 else "categorical"
    if positive is None and kind == "binary":
        named = [v for v in levels if v.casefold() in _POSITIVE]
        positive = named[0] if named else levels[1]  # else the rarer class
    elif positive is None:
        positive = levels[0]
        more = f" and {len(levels) - 4} more" if len(levels) > 4 else ""
        ds.notes.append(
            f"target {name!r} has {len(levels)} classes "
            f"({', '.join(repr(v) for v in levels[:4])}{more}): the findings are for "
            f"{positive!r}, the most frequent, against the rest; choose another with "
            "--positive"
        )
    is_positive = f"{c}::VARCHAR = {_literal(positive)}"
    y_sql = f"CASE WHEN {c} IS NULL THEN NULL WHEN {is_positive} THEN 1.0 ELSE 0.0 END"
    return Target(name, kind, positive, levels, y_sql)


def build_codes(ds: Dataset, groupings: list[Grouping], target: Target | None) -> int:
    """Materialise ``codes``: one small-integer column per grouping, plus ``y`` (and the
    target's level ``t`` for a categorical target); rows with a missing target are left
    out when there is a target. Returns the number of rows it holds."""
    parts = [f"({g.sql})::UTINYINT AS {quote(g.code)}" for g in groupings]
    where = ""
    if target is not None:
        parts.append(f"{target.y_sql} AS y")
        if target.kind == "categorical":
            parts.append(f"{quote(target.column)}::VARCHAR AS t")
        where = f" WHERE {quote(target.column)} IS NOT NULL"
    if not parts:
        parts = ["1 AS one"]
    ds.con.execute("DROP TABLE IF EXISTS codes")
    ds.con.execute(f"CREATE TABLE codes AS SELECT {', '.join(parts)} FROM data{where}")
    (rows,) = ds.con.execute("SELECT count(*) FROM codes").fetchone() or (0,)
    return int(rows)

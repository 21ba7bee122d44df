"""Safe follow-up queries: a pydantic model compiled to parameterised SQL.

The LLM (or a user) never sends SQL or code. It fills :class:`DatasetQuery` — an
aggregate, a column, up to two group-by columns and up to five filters — and
:func:`run_query` checks every column name against the loaded table, quotes identifiers
itself and passes every value as a bound parameter. Unknown columns, wrong value types
and operators that do not fit are errors that name the problem.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from tools.base import Fact, ToolInput, ToolOutput
from tools.dataset.load import Dataset, DatasetError

Aggregate = Literal["count", "mean", "sum", "min", "max", "median", "rate"]
Op = Literal["=", "!=", "<", "<=", ">", ">=", "in", "is_null", "not_null", "contains"]
Scalar = str | float | int | bool


class Filter(BaseModel):
    model_config = {"extra": "forbid"}

    column: str = Field(description="A column of the table, exactly as named.")
    op: Op = Field(description="Comparison; 'contains': the text holds the words (any case).")
    value: Scalar | list[Scalar] | None = Field(
        default=None, description="Compared value (a list for 'in'; none for the null tests)."
    )

    @model_validator(mode="after")
    def _fits(self) -> Filter:
        if self.op in ("is_null", "not_null"):
            if self.value is not None:
                raise ValueError(f"op {self.op!r} takes no value")
        elif self.op == "in":
            if not isinstance(self.value, list) or not 1 <= len(self.value) <= 50:
                raise ValueError("op 'in' needs a list of 1 to 50 values")
        elif self.value is None or isinstance(self.value, list):
            raise ValueError(f"op {self.op!r} needs one value")
        return self


class DatasetQuery(ToolInput):
    """An aggregate over rows, optionally filtered and grouped."""

    aggregate: Aggregate = Field(
        default="count",
        description="count rows; mean/sum/min/max/median of a numeric column; rate = share "
        "of rows where `column` equals `value`.",
    )
    column: str | None = Field(default=None, description="The column aggregated.")
    value: Scalar | None = Field(default=None, description="For rate: the value counted.")
    group_by: list[str] = Field(default_factory=list, max_length=2)
    filters: list[Filter] = Field(default_factory=list, max_length=5)
    order: Literal["value_desc", "value_asc", "group"] = "value_desc"
    limit: int = Field(default=20, ge=1, le=50)

    @model_validator(mode="after")
    def _complete(self) -> DatasetQuery:
        if self.aggregate != "count" and not self.column:
            raise ValueError(f"aggregate {self.aggregate!r} needs a column")
        if self.aggregate == "rate" and self.value is None:
            raise ValueError("aggregate 'rate' needs the value whose share is counted")
        return self


class QueryRow(BaseModel):
    groups: dict[str, Any]
    value: float | None
    rows: int


class QueryResult(ToolOutput):
    query: DatasetQuery
    result: list[QueryRow]
    sql: str = Field(description="The compiled SQL (values bound as parameters).")
    examples: list[str] = Field(
        default_factory=list, description="With a 'contains' filter: a few matching texts."
    )

    def quantity(self) -> str:
        """The facts' quantity: ``rows``, or the aggregate and its column."""
        q = self.query
        return "rows" if q.aggregate == "count" else f"{q.aggregate} {q.column}"

    def summary(self) -> str:
        shown = "; ".join(
            f"{group_label(r.groups)}: {r.value:.4g}"
            for r in self.result[:5]
            if r.value is not None
        )
        return f"{self.quantity()} — {shown or 'no rows'}"

    def facts(self) -> list[Fact]:
        facts = []
        for r in self.result:
            if r.value is not None:
                facts.append(
                    Fact(subject=group_label(r.groups), quantity=self.quantity(), value=r.value)
                )
            facts.append(Fact(subject=group_label(r.groups), quantity="rows", value=r.rows))
        return facts


def group_label(groups: dict[str, Any]) -> str:
    """The facts' subject for one result row: ``a = x and b = y`` (or ``all rows``)."""
    return " and ".join(f"{k} = {v}" for k, v in groups.items()) or "all rows"


_OPS = {"=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


def compile_query(ds: Dataset, q: DatasetQuery) -> tuple[str, list[Any]]:
    """(SQL, parameters) for ``q``; every identifier is a checked, quoted column name."""
    params: list[Any] = []
    groups = [ds.column(g) for g in q.group_by]
    target = ds.column(q.column) if q.column else None
    numeric_only = ("mean", "sum", "median", "min", "max")
    if target is not None and q.aggregate in numeric_only and not target.is_number:
        raise DatasetError(f"cannot take the {q.aggregate} of {target.name!r}: it is not numeric")
    if q.aggregate == "count":
        agg = "count(*)::DOUBLE"
    elif q.aggregate == "rate":
        assert target is not None
        agg = f"avg(CASE WHEN {target.sql}::VARCHAR = ? THEN 1.0 ELSE 0.0 END)"
        params.append(_written(ds, target.sql, target.name, _text(q.value)))
    else:
        assert target is not None
        fn = {"mean": "avg", "median": "median"}.get(q.aggregate, q.aggregate)
        agg = f"{fn}({target.number})"
    where: list[str] = []
    for f in q.filters:
        col = ds.column(f.column)
        if f.op == "contains":  # whole words, any case: "billing" is not in "rebilling"
            where.append(f"regexp_matches({col.sql}::VARCHAR, ?, 'i')")
            params.append(r"\b" + re.escape(_text(f.value)).replace(r"\ ", r"\s+") + r"\b")
        elif f.op == "is_null":
            where.append(f"{col.sql} IS NULL")
        elif f.op == "not_null":
            where.append(f"{col.sql} IS NOT NULL")
        elif f.op == "in":
            assert isinstance(f.value, list)
            where.append(f"{col.sql}::VARCHAR IN ({', '.join('?' for _ in f.value)})")
            params += [_text(v) for v in f.value]
        elif col.is_number and not isinstance(f.value, str | bool):
            where.append(f"{col.sql} {_OPS[f.op]} ?")
            params.append(f.value)
        else:
            where.append(f"{col.sql}::VARCHAR {_OPS[f.op]} ?")
            params.append(_text(f.value))
    select = [f"{g.sql}::VARCHAR" for g in groups] + [agg, "count(*)"]
    sql = f"SELECT {', '.join(select)} FROM data"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if groups:
        sql += " GROUP BY ALL"
        order = {
            "value_desc": f"{len(groups) + 1} DESC NULLS LAST",
            "value_asc": f"{len(groups) + 1} ASC NULLS LAST",
            "group": ", ".join(str(i + 1) for i in range(len(groups))),
        }[q.order]
        sql += f" ORDER BY {order} LIMIT {int(q.limit)}"
    return sql, params


def _written(ds: Dataset, column: str, name: str, value: str) -> str:
    """``value`` as the column writes it ('Yes' for 'yes'; 'yes' for 'true' in a yes/no
    column): a rate of a value the column never holds is refused, not reported as 0%."""
    query = f"SELECT DISTINCT {column}::VARCHAR FROM data WHERE {column} IS NOT NULL LIMIT 1001"
    seen = [str(r[0]) for r in ds.sql(query)]
    if value in seen:
        return value
    same = [v for v in seen if v.casefold() == value.casefold()]
    if len(same) == 1:
        return same[0]
    truthy = {"true": ("yes", "y", "1", "t"), "false": ("no", "n", "0", "f")}
    if len(seen) == 2 and value.casefold() in truthy:
        match = [v for v in seen if v.casefold() in truthy[value.casefold()]]
        if len(match) == 1:
            return match[0]
    shown = ", ".join(repr(v) for v in seen[:10]) + (" …" if len(seen) > 10 else "")
    raise DatasetError(f"{name!r} never holds {value!r} (values: {shown})")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def run_query(ds: Dataset, q: DatasetQuery) -> QueryResult:
    sql, params = compile_query(ds, q)
    rows = ds.con.execute(sql, params).fetchall()
    examples: list[str] = []
    texts = [f for f in q.filters if f.op == "contains"]
    if texts:
        where = sql.split(" FROM data", 1)[1].split(" GROUP BY", 1)[0]
        col = ds.column(texts[0].column)
        examples = [str(r[0])[:240] for r in ds.con.execute(
            f"SELECT {col.sql}::VARCHAR FROM data{where} ORDER BY hash({col.sql}) LIMIT 3",
            params[1:] if q.aggregate == "rate" else params).fetchall()]  # fmt: skip
    k = len(q.group_by)
    result = [
        QueryRow(
            groups=dict(zip(q.group_by, r[:k], strict=True)),
            value=None if r[k] is None else float(r[k]),
            rows=int(r[k + 1]),
        )
        for r in rows
    ]
    return QueryResult(query=q, result=result, sql=sql, examples=examples)

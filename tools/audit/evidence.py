"""Audit results as evidence records, and the key findings written from their facts."""

from __future__ import annotations

from pydantic import Field

from tools.audit.checks import AuditResult, Disparity, GroupRow
from tools.base import Fact, ToolInput, ToolOutput


class AuditArgs(ToolInput):
    file: str
    groups: list[str]


class Overview(ToolOutput):
    items: int
    flagged_items: int
    refusal_rate: float
    flagged_for: dict[str, int] = Field(default_factory=dict)

    def summary(self) -> str:
        rate = f"{self.refusal_rate:.3g}"
        return f"{self.items} items, {self.flagged_items} flagged, refusal rate {rate}"

    def facts(self) -> list[Fact]:
        return [
            Fact(subject="items", quantity="count", value=self.items),
            Fact(subject="items", quantity="flagged", value=self.flagged_items),
            Fact(subject="items", quantity="refusal_rate", value=self.refusal_rate),
        ] + [Fact(subject=kind, quantity="flagged_items", value=n)
             for kind, n in self.flagged_for.items()]  # fmt: skip


class GroupTable(ToolOutput):
    column: str
    rows: list[GroupRow]
    disparities: list[Disparity]

    def summary(self) -> str:
        shown = "; ".join(f"{r.group}: refusal {r.refusal_rate:.3g}" for r in self.rows[:6])
        return f"by {self.column}: {shown}"

    def facts(self) -> list[Fact]:
        facts = []
        for r in self.rows:
            subject = f"{self.column} = {r.group}"
            facts += [
                Fact(subject=subject, quantity="refusal_rate", value=r.refusal_rate),
                Fact(subject=subject, quantity="mean_length", value=r.mean_length),
                Fact(subject=subject, quantity="items", value=r.items),
            ]
        for d in self.disparities:
            facts.append(
                Fact(subject=self.column, quantity=f"{d.metric}_{d.measure}", value=d.effect)
            )
            facts.append(
                Fact(subject=self.column, quantity=f"{d.metric}_p_adjusted", value=d.p_adjusted)
            )
        return facts


def records(result: AuditResult) -> list[tuple[str, ToolOutput]]:
    out: list[tuple[str, ToolOutput]] = [
        (
            "audit_overview",
            Overview(
                items=result.items,
                flagged_items=result.flagged_items,
                refusal_rate=result.refusal_rate,
                flagged_for=result.flagged_for,
            ),
        ),
    ]
    for column, rows in result.groups.items():
        tests = [d for d in result.disparities if d.column == column]
        out.append(("audit_groups", GroupTable(column=column, rows=rows, disparities=tests)))
    return out

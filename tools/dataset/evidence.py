"""The findings of one file as evidence records: small tool outputs with atomic facts.

The narrative (templated or written by an LLM) cites these records as ``[E#]`` and the
verifier checks every sentence against their facts. One record per topic keeps ranking
words honest: "strongest" in a sentence citing the driver ranking is checked against the
ranking alone, not against every group's rate.
"""

from __future__ import annotations

from pydantic import Field

from tools.base import Fact, ToolInput, ToolOutput
from tools.dataset.alerts import Alert
from tools.dataset.analyse import Findings, TargetInfo
from tools.dataset.drivers import Driver, GlassBox
from tools.dataset.relations import Relationship
from tools.dataset.subgroups import Simpson, Subgroup
from tools.dataset.text import TextColumn


class DatasetArgs(ToolInput):
    """What was analysed."""

    file: str = Field(description="The file's name.")
    target: str | None = Field(default=None, description="The column explained.")


def value_quantity(target: TargetInfo) -> str:
    return "mean" if target.kind == "numeric" else "rate"


class Overview(ToolOutput):
    file: str
    rows: int
    columns: int
    target: TargetInfo | None = None
    alerts: list[Alert]

    def summary(self) -> str:
        kinds = sorted({a.kind for a in self.alerts})
        found = f"alerts: {', '.join(kinds)}" if kinds else "no data-quality alerts"
        return f"{self.file}: {self.rows} rows, {self.columns} columns; {found}"

    def facts(self) -> list[Fact]:
        facts = [
            Fact(subject=self.file, quantity="rows", value=self.rows),
            Fact(subject=self.file, quantity="columns", value=self.columns),
        ]
        if self.target is not None:
            facts.append(
                Fact(
                    subject=self.target.column,
                    quantity=f"overall_{value_quantity(self.target)}",
                    value=self.target.overall,
                )
            )
            facts.append(
                Fact(
                    subject=self.target.column, quantity="rows_with_target", value=self.target.rows
                )
            )
        for alert in self.alerts:
            subject = self.file if alert.kind == "duplicates" else alert.columns[0]
            for name, value in alert.figures.items():
                facts.append(Fact(subject=subject, quantity=name, value=value))
        return facts


class Ranking(ToolOutput):
    target: str
    drivers: list[Driver]

    def summary(self) -> str:
        top = ", ".join(f"{d.column} ({d.measure} {d.effect:.3g})" for d in self.drivers[:3])
        return f"strongest drivers of {self.target}: {top}"

    def facts(self) -> list[Fact]:
        facts = [Fact(subject=d.column, quantity=d.measure, value=d.effect) for d in self.drivers]
        facts += [Fact(subject=d.column, quantity="p_adjusted", value=d.p_adjusted)
                  for d in self.drivers]  # fmt: skip
        return facts


class GroupValues(ToolOutput):
    target: TargetInfo
    driver: Driver

    def summary(self) -> str:
        q = value_quantity(self.target)
        parts = [f"{g.label}: {g.value:.3g}" for g in self.driver.groups[:6]]
        return f"{self.target.column} {q} by {self.driver.column}: {'; '.join(parts)}"

    def facts(self) -> list[Fact]:
        q = value_quantity(self.target)
        facts = [
            Fact(subject=f"{self.driver.column} = {g.label}", quantity=q, value=g.value)
            for g in self.driver.groups
        ]
        facts += [
            Fact(subject=f"{self.driver.column} = {g.label}", quantity="rows", value=g.rows)
            for g in self.driver.groups
        ]
        if self.driver.pearson_r is not None:
            facts.append(
                Fact(
                    subject=self.driver.column, quantity="correlation", value=self.driver.pearson_r
                )
            )
        return facts


class Model(ToolOutput):
    glass_box: GlassBox
    importances: dict[str, float]

    def summary(self) -> str:
        g = self.glass_box
        return (
            f"{g.model} on {g.sample_rows} sampled rows; held-out {g.metric} "
            f"{g.holdout_score:.3g} (baseline {g.baseline_score:.3g})"
        )

    def facts(self) -> list[Fact]:
        g = self.glass_box
        facts = [
            Fact(subject="model", quantity="sample_rows", value=g.sample_rows),
            Fact(subject="model", quantity="holdout_rows", value=g.holdout_rows),
            Fact(subject="model", quantity=g.metric, value=g.holdout_score),
        ]
        facts += [
            Fact(subject=c, quantity="model_importance", value=v)
            for c, v in self.importances.items()
        ]
        return facts


class Subgroups(ToolOutput):
    target: TargetInfo
    subgroups: list[Subgroup]

    def summary(self) -> str:
        shown = "; ".join(f"{s.label}: {s.value:.3g} vs {s.rest:.3g}" for s in self.subgroups[:4])
        return f"subgroups where {self.target.column} differs: {shown or 'none'}"

    def facts(self) -> list[Fact]:
        q = value_quantity(self.target)
        facts = []
        for s in self.subgroups:
            facts += [
                Fact(subject=s.label, quantity=q, value=s.value),
                Fact(subject=s.label, quantity=f"rest_{q}", value=s.rest),
                Fact(subject=s.label, quantity="difference", value=s.difference),
                Fact(subject=s.label, quantity="rows", value=s.rows),
            ]
        return facts


class Reversals(ToolOutput):
    target: TargetInfo
    simpson: list[Simpson]

    def summary(self) -> str:
        shown = "; ".join(f"{s.column} reverses within {s.stratifier}" for s in self.simpson)
        return f"Simpson's paradox: {shown or 'none found'}"

    def facts(self) -> list[Fact]:
        facts, said = [], set()
        for s in self.simpson:  # one overall comparison, a within one per stratifier
            subject = f"{s.column}: {s.groups[0]} vs {s.groups[1]}"
            if subject not in said:
                said.add(subject)
                facts.append(Fact(subject=subject, quantity="overall_difference",
                                  value=s.overall_difference))  # fmt: skip
            within = s.adjusted_difference
            facts.append(Fact(subject=f"{subject} within {s.stratifier}",
                              quantity="within_difference", value=within))  # fmt: skip
        return facts


class Relations(ToolOutput):
    relationships: list[Relationship]

    def summary(self) -> str:
        shown = "; ".join(
            f"{r.columns[0]} ~ {r.columns[1]} ({r.measure} {r.effect:.3g})"
            for r in self.relationships[:4]
        )
        return f"related columns: {shown or 'none'}"

    def facts(self) -> list[Fact]:
        return [
            Fact(subject=f"{r.columns[0]} and {r.columns[1]}", quantity=r.measure, value=r.effect)
            for r in self.relationships
        ]


class TextTerms(ToolOutput):
    """What distinguishes one text column's rows in the target's groups."""

    target: TargetInfo
    text: TextColumn

    def summary(self) -> str:
        shown = ", ".join(repr(t.term) for t in self.text.distinguishing[:5]) or "none"
        return f"{self.text.column}: distinguishing terms {shown}"

    def facts(self) -> list[Fact]:
        q = value_quantity(self.target)
        facts = [Fact(subject=self.text.column, quantity="terms_tested", value=self.text.tested)]
        for t in self.text.distinguishing:
            facts += _named(f"{self.text.column}: {t.term}", {
                f"{q}_with": t.with_term, f"{q}_without": t.without_term, "rows": t.rows,
                "z": t.z, "p_adjusted": t.p_adjusted,
            })  # fmt: skip
        for i in self.text.interactions:
            facts += _named(f"{self.text.column}: {i.term} | {i.column} = {i.category}", {
                f"{q}_with": i.with_term, f"{q}_without": i.without_term, "z": i.z,
                "z_elsewhere": i.z_elsewhere,
            })  # fmt: skip
        for th in self.text.themes:
            if th.validated:
                facts += _named(theme_subject(self.text.column, th.name), {
                    f"{q}_with": th.with_theme, f"{q}_without": th.without_theme, "rows": th.rows,
                    "difference": th.difference, "p_adjusted": th.p_adjusted,
                })  # fmt: skip
        return facts


def theme_subject(column: str, name: str) -> str:
    return f"{column}: theme {name}"


def _named(subject: str, values: dict[str, float]) -> list[Fact]:
    """One fact per quantity about one subject."""
    return [Fact(subject=subject, quantity=k, value=v) for k, v in values.items()]


def records(findings: Findings, top_groups: int = 3) -> list[tuple[str, ToolOutput]]:
    """The findings as (tool name, output) pairs, in the order they become evidence."""
    out: list[tuple[str, ToolOutput]] = [
        (
            "dataset_overview",
            Overview(
                file=findings.file,
                rows=findings.rows,
                columns=findings.columns,
                target=findings.target,
                alerts=findings.alerts,
            ),
        ),
    ]
    target = findings.target
    if target is None:
        if findings.relationships:
            out.append(("relationships", Relations(relationships=findings.relationships)))
        return out
    leaked = {a.columns[0] for a in findings.alerts if a.kind == "leakage"}
    honest = [d for d in findings.drivers if d.column not in leaked]
    out.append(("drivers", Ranking(target=target.column, drivers=findings.drivers)))
    for d in [d for d in honest if d.significant][:top_groups]:
        out.append(("group_values", GroupValues(target=target, driver=d)))
    if findings.glass_box is not None:
        importances = {
            d.column: d.model_importance for d in findings.drivers if d.model_importance is not None
        }
        out.append(("glass_box", Model(glass_box=findings.glass_box, importances=importances)))
    if findings.subgroups:
        out.append(("subgroups", Subgroups(target=target, subgroups=findings.subgroups)))
    if findings.simpson:
        out.append(("simpson", Reversals(target=target, simpson=findings.simpson)))
    for text in findings.texts:
        if text.distinguishing or text.interactions or any(t.validated for t in text.themes):
            out.append(("text_terms", TextTerms(target=target, text=text)))
    if findings.relationships:
        out.append(("relationships", Relations(relationships=findings.relationships)))
    return out

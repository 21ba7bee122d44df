"""The report on one dataset: evidence, a verified narrative, and Markdown, HTML or CSV.

The narrative has two parts. *Key findings* are sentences written by code from the facts;
*the explainer's summary* is written by the LLM from the same evidence (optional). Every
sentence of both goes through the verifier; only supported sentences are shown. Every
string from the file (column names, values, labels) is escaped in HTML and neutralised
against spreadsheet formulas (``=cmd|…``) in HTML and CSV exports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from agent.datasets.phrasing import Written, alert_sentence, num, pct, quoted, text_sentences
from agent.grounding import claims as C
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import SentenceCheck, check_sentence, check_written, split_sentences
from tools.dataset import charts
from tools.dataset.analyse import Findings
from tools.dataset.evidence import DatasetArgs, records, value_quantity
from tools.dataset.groups import MISSING

MEASURE_NAMES = {"cramers_v": "Cramér's V", "eta_squared": "eta²", "pearson_r": "Pearson's r"}


class Report(BaseModel):
    """Findings, their evidence, and the verified narrative."""

    findings: Findings
    evidence: list[Evidence]
    key_findings: list[SentenceCheck]
    summary: list[SentenceCheck] = Field(default_factory=list, description="LLM sentences.")
    charts: list[dict[str, Any]] = Field(default_factory=list, description="Vega-Lite specs.")

    def shown(self) -> list[str]:
        """Every sentence a reader sees: the supported ones."""
        return [c.text for c in [*self.key_findings, *self.summary] if c.verdict == "supported"]


def build_ledger(findings: Findings) -> Ledger:
    ledger = Ledger()
    args = DatasetArgs(
        file=findings.file, target=findings.target.column if findings.target else None
    )
    for tool, output in records(findings):
        ledger.add(tool, args, output)
    return ledger


def key_findings(findings: Findings, ledger: Ledger) -> list[Written]:
    """Sentences written by code from the evidence, each with the typed claims it makes
    (every number in the text is one of those claims' facts)."""
    by_tool: dict[str, list[Evidence]] = {}
    for record in ledger:
        by_tool.setdefault(record.tool, []).append(record)
    out: list[Written] = []
    overview = by_tool["dataset_overview"][0]
    out.append(
        (
            f"The file has {findings.rows} rows and {findings.columns} columns [{overview.id}].",
            [C.value(overview, findings.file, "rows"), C.value(overview, findings.file, "columns")],
        )
    )
    target = findings.target
    value_of = (lambda v: pct(v)) if target and target.kind != "numeric" else num
    if target is not None:
        what = (
            f"{quoted(target.column)} = {quoted(target.positive)} rate is {pct(target.overall)}"
            if target.kind != "numeric"
            else f"mean {quoted(target.column)} is {num(target.overall)}"
        )
        out.append(
            (
                f"The overall {what} [{overview.id}].",
                [C.value(overview, target.column, f"overall_{value_quantity(target)}")],
            )
        )
    for alert in findings.alerts:
        out.append(alert_sentence(alert.kind, alert.columns, alert.figures, overview, findings))
    if target is None:
        return [w for w in out if w[0]]
    ranking = by_tool["drivers"][0]
    leaked = {a.columns[0] for a in findings.alerts if a.kind == "leakage"}
    honest = [d for d in findings.drivers if d.column not in leaked and d.significant]
    if honest:
        top = honest[0]
        claims: list[C.Claim] = [C.value(ranking, top.column, top.measure)]
        if top is findings.drivers[0]:
            same = [d for d in findings.drivers if d.measure == top.measure]
            if len(same) > 1 and top.measure != "pearson_r":  # drivers rank by |r|, not r
                claims.append(
                    C.RankClaim(evidence=ranking.id, subject=top.column, quantity=top.measure)
                )
            out.append(
                (
                    f"{quoted(top.column)} has the strongest association with "
                    f"{quoted(target.column)} ({MEASURE_NAMES[top.measure]} {num(top.effect)}) "
                    f"[{ranking.id}].",
                    claims,
                )
            )
        else:
            out.append(
                (
                    f"Leaving the leakage aside, {quoted(top.column)} goes with "
                    f"{quoted(target.column)} ({MEASURE_NAMES[top.measure]} {num(top.effect)}) "
                    f"[{ranking.id}].",
                    claims,
                )
            )
        rest = honest[1:4]
        if rest:
            shown = ", ".join(f"{quoted(d.column)} ({num(d.effect)})" for d in rest)
            out.append(
                (
                    f"Next come {shown} [{ranking.id}].",
                    [C.value(ranking, d.column, d.measure) for d in rest],
                )
            )
    out += text_sentences(by_tool.get("text_terms", []), target)
    noise = [d.column for d in findings.drivers if not d.significant][:6]
    if noise:
        shown = ", ".join(quoted(c) for c in noise)
        out.append(
            (
                f"No significant association with {quoted(target.column)} for {shown} "
                f"(not significant after adjustment) [{ranking.id}].",
                [C.SignificanceClaim(evidence=ranking.id, subject=c, negated=True) for c in noise],
            )
        )
    measure = (
        f"{quoted(target.column)} = {quoted(target.positive)} rate"
        if target.kind != "numeric"
        else f"mean {quoted(target.column)}"
    )
    q = value_quantity(target)
    for record in by_tool.get("group_values", []):
        driver = record.data["driver"]
        groups = driver["groups"]
        column = driver["column"]
        parts = [f"{quoted(g['label'])} {value_of(g['value'])}" for g in groups]
        out.append(
            (
                f"The {measure} by {quoted(driver['column'])}: {', '.join(parts)} [{record.id}].",
                [C.value(record, f"{column} = {g['label']}", q) for g in groups],
            )
        )
        ordered = [g for g in groups if g["label"] != MISSING]
        if driver.get("shape") in ("u_shaped", "inverted_u") and len(ordered) >= 3:
            word = "U-shaped" if driver["shape"] == "u_shaped" else "an inverted U"
            middle = (min if driver["shape"] == "u_shaped" else max)(
                ordered, key=lambda g: g["value"]
            )
            out.append(
                (
                    f"Across {quoted(driver['column'])} the {measure} is {word}: "
                    f"{value_of(ordered[0]['value'])} at the low end, {value_of(middle['value'])} "
                    f"in {quoted(middle['label'])} and {value_of(ordered[-1]['value'])} at the "
                    f"high end [{record.id}].",
                    [
                        C.value(record, f"{column} = {g['label']}", q)
                        for g in (ordered[0], middle, ordered[-1])
                    ],
                )
            )
    for record in by_tool.get("glass_box", []):
        g = record.data["glass_box"]
        ranked = sorted(record.data["importances"].items(), key=lambda kv: -kv[1])[:3]
        if ranked:
            names = ", ".join(f"{quoted(c)} ({num(v)})" for c, v in ranked)
            out.append(
                (
                    f"A glass-box model (EBM) fitted on {g['sample_rows']} sampled rows gives "
                    f"the largest importance to {names}; its held-out "
                    f"{g['metric'].replace('_', ' ')} is {num(g['holdout_score'])} [{record.id}].",
                    [
                        C.value(record, "model", "sample_rows"),
                        C.value(record, "model", g["metric"]),
                        *(C.value(record, c, "model_importance") for c, _ in ranked),
                    ],
                )
            )
    for record in by_tool.get("subgroups", []):
        for sg in _distinct_slices(record.data["subgroups"])[:4]:
            subject = " and ".join(f"{c['column']} = {c['group']}" for c in sg["conditions"])
            label = " and ".join(
                f"{quoted(c['column'])} = {quoted(c['group'])}" for c in sg["conditions"]
            )
            kind = "an interaction: " if sg["interaction"] else ""
            out.append(
                (
                    f"Subgroup, {kind}rows with {label} ({sg['rows']} rows) have a {measure} of "
                    f"{value_of(sg['value'])} against {value_of(sg['rest'])} in the rest "
                    f"[{record.id}].",
                    [
                        C.value(record, subject, "rows"),
                        C.value(record, subject, q),
                        C.value(record, subject, f"rest_{q}"),
                    ],
                )
            )
    for record in by_tool.get("simpson", []):
        out += _reversals(record, measure, pct if target.kind != "numeric" else num)
    for record in by_tool.get("relationships", []):
        for r in record.data["relationships"][:3]:
            a, b = r["columns"]
            out.append(
                (
                    f"{quoted(a)} and {quoted(b)} are related ({MEASURE_NAMES[r['measure']]} "
                    f"{num(r['effect'])}) [{record.id}].",
                    [C.value(record, f"{a} and {b}", r["measure"])],
                )
            )
    return [w for w in out if w[0]]


def _distinct_slices(slices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Interactions first; a one-condition slice on a column already shown is skipped (the
    other group of a yes/no column is its mirror image)."""
    seen: set[str] = set()
    out = []
    for s in sorted(slices, key=lambda s: not s["interaction"]):
        columns = {c["column"] for c in s["conditions"]}
        if len(columns) == 1 and columns <= seen:
            continue
        seen |= columns if len(columns) == 1 else set()
        out.append(s)
    return out


def _reversals(record: Evidence, measure: str, fmt: Callable[[float], str]) -> list[Written]:
    """Simpson's paradox as found: per comparison one sentence with the overall difference
    and the difference within each stratifier that reverses it (the overall comparison is
    said once, not once per stratifier)."""
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for sp in record.data["simpson"]:
        found.setdefault((sp["column"], *sp["groups"]), []).append(sp)
    out: list[Written] = []
    for (column, a, b), reversals in found.items():
        subject = f"{column}: {a} vs {b}"
        overall = reversals[0]["overall_difference"]
        direction = "lower" if overall < 0 else "higher"
        within = [
            f"within the groups of {quoted(sp['stratifier'])} it is {fmt(abs(d))} "
            f"{'lower' if d < 0 else 'higher'}"
            for sp in reversals
            if (d := sp["adjusted_difference"]) is not None
        ]
        claims: list[C.Claim] = [C.value(record, subject, "overall_difference")]
        claims += [C.value(record, f"{subject} within {sp['stratifier']}", "within_difference")
                   for sp in reversals]  # fmt: skip
        out.append(
            (
                f"Overall, {quoted(column)} = {quoted(a)} has a {measure} {fmt(abs(overall))} "
                f"{direction} than {quoted(column)} = {quoted(b)}, but {'; '.join(within)}: the "
                f"direction reverses once "
                + (
                    f"{quoted(reversals[0]['stratifier'])} is"
                    if len(reversals) == 1
                    else "any of these is"
                )
                + f" held fixed (Simpson's paradox) [{record.id}].",
                claims,
            )
        )
    return out


#: One sentence per alert kind; the figures fill it (counts as integers, shares as percents).
def make_report(
    findings: Findings,
    *,
    summary_text: str = "",
    ledger: Ledger | None = None,
    with_charts: bool = True,
) -> Report:
    """Verify the key findings and the LLM's summary against the evidence."""
    ledger = ledger or build_ledger(findings)
    checks = [
        check_written(text, claims, ledger) for text, claims in key_findings(findings, ledger)
    ]
    summary = (
        [check_sentence(s, ledger) for s in split_sentences(summary_text)] if summary_text else []
    )
    specs = []
    if with_charts and findings.target is not None:
        for record in ledger:
            if record.tool == "group_values":
                from tools.dataset.drivers import Driver

                driver = Driver.model_validate(record.data["driver"])
                specs.append(
                    charts.vega_lite(
                        driver, findings.target.column, value_quantity(findings.target)
                    )
                )
    return Report(
        findings=findings, evidence=list(ledger), key_findings=checks, summary=summary, charts=specs
    )


def chart_svgs(report: Report) -> list[str]:
    """One SVG per driver chart (for the HTML and Markdown exports)."""
    from tools.dataset.drivers import Driver

    target = report.findings.target
    if target is None:
        return []
    return [
        charts.svg(Driver.model_validate(r.data["driver"]), target.column, value_quantity(target))
        for r in report.evidence
        if r.tool == "group_values"
    ]

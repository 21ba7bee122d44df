"""The report on one dataset: evidence, a verified narrative, and Markdown, HTML or CSV.

The narrative has two parts. *Key findings* are sentences written by code from the facts;
*the explainer's summary* is written by the LLM from the same evidence (optional). Every
sentence of both goes through the verifier; only supported sentences are shown. Every
string from the file (column names, values, labels) is escaped in HTML and neutralised
against spreadsheet formulas (``=cmd|…``) in HTML and CSV exports.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any

from pydantic import BaseModel, Field

from agent import prompting
from agent.evidence import Evidence, Ledger
from agent.llm import LLMProvider
from agent.verify import SentenceCheck, check_sentence, split_sentences
from tools.dataset import charts
from tools.dataset.analyse import Findings
from tools.dataset.evidence import DatasetArgs, records, value_quantity
from tools.dataset.groups import MISSING

_MEASURE = {"cramers_v": "Cramér's V", "eta_squared": "eta²", "pearson_r": "Pearson's r"}
_PLAIN_NUMBER = re.compile(r"^[-+]?\d[\d.]*(?:[eE][-+]?\d+)?(?: to [-+]?\d[\d.eE+-]*)?$")


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


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _num(x: float) -> str:
    return f"{x:.3f}" if abs(x) < 100 else f"{x:.1f}"


def _q(text: object) -> str:
    """A name or value quoted for the verifier (quotes inside become typographic)."""
    return "'" + str(text).replace("'", "’") + "'"


def key_findings(findings: Findings, ledger: Ledger) -> list[str]:
    """Sentences written by code from the evidence, each citing its record."""
    by_tool: dict[str, list[Evidence]] = {}
    for record in ledger:
        by_tool.setdefault(record.tool, []).append(record)
    out: list[str] = []
    overview = by_tool["dataset_overview"][0]
    out.append(f"The file has {findings.rows} rows and {findings.columns} columns [{overview.id}].")
    target = findings.target
    value_of = (lambda v: _pct(v)) if target and target.kind != "numeric" else _num
    if target is not None:
        what = (
            f"{_q(target.column)} = {_q(target.positive)} rate is {_pct(target.overall)}"
            if target.kind != "numeric"
            else f"mean {_q(target.column)} is {_num(target.overall)}"
        )
        out.append(f"The overall {what} [{overview.id}].")
    for alert in findings.alerts:
        out.append(_alert_sentence(alert.kind, alert.columns, alert.figures, overview.id, findings))
    if target is None:
        return [s for s in out if s]
    ranking = by_tool["drivers"][0]
    leaked = {a.columns[0] for a in findings.alerts if a.kind == "leakage"}
    honest = [d for d in findings.drivers if d.column not in leaked and d.significant]
    if honest:
        top = honest[0]
        strongest = (
            "the strongest association"
            if top is findings.drivers[0]
            else "the strongest association apart from leakage"
        )
        if top is findings.drivers[0]:
            out.append(
                f"{_q(top.column)} has {strongest} with {_q(target.column)} "
                f"({_MEASURE[top.measure]} {_num(top.effect)}) [{ranking.id}]."
            )
        else:
            out.append(
                f"Leaving the leakage aside, {_q(top.column)} goes with {_q(target.column)} "
                f"({_MEASURE[top.measure]} {_num(top.effect)}) [{ranking.id}]."
            )
        rest = [f"{_q(d.column)} ({_num(d.effect)})" for d in honest[1:4]]
        if rest:
            out.append(f"Next come {', '.join(rest)} [{ranking.id}].")
    noise = [d.column for d in findings.drivers if not d.significant]
    if noise:
        shown = ", ".join(_q(c) for c in noise[:6])
        out.append(
            f"No significant association with {_q(target.column)} for {shown} "
            f"(not significant after adjustment) [{ranking.id}]."
        )
    measure = (
        f"{_q(target.column)} = {_q(target.positive)} rate"
        if target.kind != "numeric"
        else f"mean {_q(target.column)}"
    )
    for record in by_tool.get("group_values", []):
        driver = record.data["driver"]
        groups = driver["groups"]
        parts = [f"{_q(g['label'])} {value_of(g['value'])}" for g in groups]
        out.append(f"The {measure} by {_q(driver['column'])}: {', '.join(parts)} [{record.id}].")
        ordered = [g for g in groups if g["label"] != MISSING]
        if driver.get("shape") in ("u_shaped", "inverted_u") and len(ordered) >= 3:
            word = "U-shaped" if driver["shape"] == "u_shaped" else "an inverted U"
            middle = (min if driver["shape"] == "u_shaped" else max)(
                ordered, key=lambda g: g["value"]
            )
            out.append(
                f"Across {_q(driver['column'])} the {measure} is {word}: "
                f"{value_of(ordered[0]['value'])} at the low end, {value_of(middle['value'])} "
                f"in {_q(middle['label'])} and {value_of(ordered[-1]['value'])} at the "
                f"high end [{record.id}]."
            )
    for record in by_tool.get("glass_box", []):
        g = record.data["glass_box"]
        ranked = sorted(record.data["importances"].items(), key=lambda kv: -kv[1])[:3]
        if ranked:
            names = ", ".join(f"{_q(c)} ({_num(v)})" for c, v in ranked)
            out.append(
                f"A glass-box model (EBM) fitted on {g['sample_rows']} sampled rows gives "
                f"the largest importance to {names}; its held-out {g['metric'].replace('_', ' ')} "
                f"is {_num(g['holdout_score'])} [{record.id}]."
            )
    for record in by_tool.get("subgroups", []):
        for s in _distinct_slices(record.data["subgroups"])[:4]:
            label = " and ".join(f"{_q(c['column'])} = {_q(c['group'])}" for c in s["conditions"])
            kind = "an interaction: " if s["interaction"] else ""
            out.append(
                f"Subgroup, {kind}rows with {label} ({s['rows']} rows) have a {measure} of "
                f"{value_of(s['value'])} against {value_of(s['rest'])} in the rest [{record.id}]."
            )
    for record in by_tool.get("simpson", []):
        for s in record.data["simpson"]:
            a, b = (_q(x) for x in s["groups"])
            col, strat = _q(s["column"]), _q(s["stratifier"])
            overall, within = s["overall_difference"], s["adjusted_difference"]
            fmt = _pct if target.kind != "numeric" else _num
            out.append(
                f"Overall, {col} = {a} has a {measure} {fmt(abs(overall))} "
                f"{'lower' if overall < 0 else 'higher'} than {col} = {b} [{record.id}]."
            )
            out.append(
                f"Within the groups of {strat}, it is {fmt(abs(within))} "
                f"{'lower' if within < 0 else 'higher'} instead: Simpson's paradox [{record.id}]."
            )
    for record in by_tool.get("relationships", []):
        for r in record.data["relationships"][:3]:
            a, b = r["columns"]
            out.append(
                f"{_q(a)} and {_q(b)} are related ({_MEASURE[r['measure']]} "
                f"{_num(r['effect'])}) [{record.id}]."
            )
    return [s for s in out if s]


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


def _alert_sentence(
    kind: str, columns: list[str], figures: dict[str, float], eid: str, findings: Findings
) -> str:
    col = _q(columns[0])
    f = figures
    if kind == "missing":
        return f"{col} has {int(f['missing'])} missing values ({_pct(f['missing_share'])}) [{eid}]."
    if kind == "constant":
        return f"{col} holds {int(f['distinct'])} distinct value, so it says nothing [{eid}]."
    if kind == "duplicates":
        return (
            f"The file holds {int(f['duplicate_rows'])} exact repeats of earlier lines "
            f"({_pct(f['duplicate_share'])}) [{eid}]."
        )
    if kind == "high_cardinality":
        return f"{col} has {int(f['distinct'])} distinct values (high cardinality) [{eid}]."
    if kind == "skew":
        return f"{col} is skewed (skewness {_num(f['skewness'])}) [{eid}]."
    if kind == "outliers":
        return (
            f"{col} has {int(f['outliers'])} values far outside its quartiles, "
            f"{_pct(f['outlier_share'])} of them [{eid}]."
        )
    if kind == "id_column":
        return (
            f"{col} has {int(f['distinct'])} distinct values in {int(f['rows'])} rows: "
            f"an id, not a feature [{eid}]."
        )
    if kind == "leakage":
        return (
            f"{col} nearly determines {_q(columns[1])} (association {f['association']:.4f}): "
            f"probably leakage; leave it out of models [{eid}]."
        )
    return ""


# --------------------------------------------------------------------------- the LLM's part


async def llm_summary(
    llm: LLMProvider,
    findings: Findings,
    ledger: Ledger,
    max_sentences: int = 5,
    max_tokens: int = 200,
) -> str:
    """The explainer LLM's summary of the evidence (unverified text)."""
    # A 135M narrator copes with a few records: the ranking, the top groups, subgroups.
    wanted = ("drivers", "group_values", "subgroups", "simpson")
    picked = [r for r in ledger if r.tool in wanted][:4] or list(ledger)[:2]
    shown = [
        {
            "id": r.id,
            "tool": r.tool,
            "summary_json": json.dumps(r.summary, ensure_ascii=False),
            "facts": [_fact_line(f) for f in r.facts if f.quantity != "rows"][:6],
        }
        for r in picked
    ]
    messages = [
        {
            "role": "system",
            "content": prompting.render("dataset_system", max_sentences=max_sentences),
        },
        # One worked example: a small narrator copies a shape better than it follows rules.
        {"role": "user", "content": prompting.render("dataset_example_user")},
        {"role": "assistant", "content": prompting.render("dataset_example_answer")},
        {
            "role": "user",
            "content": prompting.render(
                "dataset_user",
                file_json=json.dumps(findings.file, ensure_ascii=False),
                target_json=json.dumps(
                    findings.target.column if findings.target else None, ensure_ascii=False
                ),
                records=shown,
            ),
        },
    ]
    result = await llm.chat(messages, max_tokens=max_tokens)
    text = (result.text or "").strip()
    if result.finish_reason == "length":
        pieces = split_sentences(text)
        text = text[: text.rfind(pieces[-1])].rstrip() if pieces else ""
    return text


def _fact_line(fact: Any) -> str:
    # Names and values from the file are data: JSON-quoted, never bare instructions.
    subject = json.dumps(fact.subject, ensure_ascii=False)
    return f"{subject} {fact.quantity.replace('_', ' ')} = {fact.value:g}"


def make_report(
    findings: Findings,
    *,
    summary_text: str = "",
    ledger: Ledger | None = None,
    with_charts: bool = True,
) -> Report:
    """Verify the key findings and the LLM's summary against the evidence."""
    ledger = ledger or build_ledger(findings)
    checks = [check_sentence(s, ledger) for s in key_findings(findings, ledger)]
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


# --------------------------------------------------------------------------- exports


def neutral(text: object) -> str:
    """A cell as text that no spreadsheet will run as a formula (OWASP CSV injection):
    text starting with = + - @ tab or CR gets a leading apostrophe, plain numbers do not."""
    s = str(text)
    if s and s[0] in "=+-@\t\r" and not _PLAIN_NUMBER.match(s):
        return "'" + s
    return s


def _h(text: object) -> str:
    return html.escape(neutral(text))


cell = _h  # for other reports: text from the data, escaped and formula-safe


def page_head(title: str) -> str:
    """The start of a self-contained report page, up to the opening body tag."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{_h(title)}</title>"
        "<style>body{font:14px system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}"
        "th{background:#f3f3f3}.cite{color:#666}</style></head><body>"
    )


def to_json(report: Report) -> dict[str, Any]:
    data = report.findings.model_dump(mode="json")
    data["narrative"] = report.shown()
    data["sentences"] = [c.model_dump(mode="json") for c in [*report.key_findings, *report.summary]]
    data["summary_sentences"] = len(report.summary)  # the last ones in "sentences"
    data["evidence"] = [{"id": e.id, "tool": e.tool, "summary": e.summary} for e in report.evidence]
    data["charts"] = report.charts
    return data


def to_csv(report: Report) -> str:
    """The findings as one long table (section, columns, group, measure, value, …)."""
    buffer = io.StringIO()
    w = csv.writer(buffer)
    w.writerow(
        ["section", "columns", "group", "measure", "value", "low", "high", "p_adjusted", "note"]
    )
    f = report.findings
    for a in f.alerts:
        for name, value in a.figures.items():
            w.writerow(["alert", " & ".join(a.columns), a.kind, name, value, "", "", "", a.message])
    for d in f.drivers:
        w.writerow(
            [
                "driver",
                d.column,
                "",
                d.measure,
                d.effect,
                d.low,
                d.high,
                d.p_adjusted,
                d.shape or "",
            ]
        )
        for g in d.groups:
            w.writerow(["group", d.column, g.label, "value", g.value, g.low, g.high, "", g.rows])
    for s in f.subgroups:
        w.writerow(
            [
                "subgroup",
                " & ".join(c.column for c in s.conditions),
                s.label,
                "value",
                s.value,
                s.low + s.rest,
                s.high + s.rest,
                s.p_adjusted,
                "interaction" if s.interaction else "",
            ]
        )
    for r in f.relationships:
        w.writerow(
            [
                "relationship",
                " & ".join(r.columns),
                "",
                r.measure,
                r.effect,
                r.low,
                r.high,
                r.p_adjusted,
                "",
            ]
        )
    out = io.StringIO()
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    csv.writer(out).writerows([[neutral(cell) for cell in row] for row in rows])
    return out.getvalue()


def to_markdown(report: Report, chart_files: list[str] | None = None) -> str:
    f = report.findings
    lines = [f"# Dataset report: {_md(f.file)}", ""]
    lines.append(
        f"{f.rows} rows × {f.columns} columns, read as {f.encoding}."
        + (f" Target: `{_md(f.target.column)}`." if f.target else "")
    )
    lines += ["", "## Key findings (verified)", ""]
    lines += [
        f"- {_md(s)}" for s in (c.text for c in report.key_findings if c.verdict == "supported")
    ]
    summary = [c.text for c in report.summary if c.verdict == "supported"]
    if report.summary:
        lines += ["", "## The explainer's summary (verified)", ""]
        lines += [f"- {_md(s)}" for s in summary] or [
            "- (no sentence of the LLM's summary could be verified)"
        ]
    for table_title, header, rows in _tables(report):
        lines += [
            "",
            f"## {table_title}",
            "",
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
        ]
        lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    for path in chart_files or []:
        lines += ["", f"![chart]({path})"]
    lines += ["", "## Evidence", ""]
    lines += [f"- **{e.id}** ({e.tool}): {_md(e.summary)}" for e in report.evidence]
    lines += ["", _METHOD]
    return "\n".join(lines) + "\n"


def _md(text: object) -> str:
    return neutral(text).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


_METHOD = (
    "Method: every statistic is computed by DuckDB over all rows. Intervals are 95%; "
    "p-values are Benjamini–Hochberg adjusted. The glass-box model is an EBM fitted on a "
    "random sample (its size is stated) and scored on a held-out fifth of it."
)


def _g(x: float | None) -> str:
    return "" if x is None else f"{x:.3g}"


def _tables(report: Report) -> list[tuple[str, list[str], list[list[str]]]]:
    f = report.findings
    tables = []
    if f.alerts:
        tables.append(
            (
                "Data-quality alerts",
                ["kind", "columns", "figures", "message"],
                [
                    [
                        a.kind,
                        ", ".join(a.columns[:4]) + (" …" if len(a.columns) > 4 else ""),
                        ", ".join(f"{k} {_g(v)}" for k, v in a.figures.items()),
                        a.message,
                    ]
                    for a in f.alerts
                ],
            )
        )
    if f.drivers:
        tables.append(
            (
                "Drivers",
                [
                    "column",
                    "measure",
                    "effect [95% CI]",
                    "adjusted p",
                    "shape",
                    "Pearson r",
                    "EBM rank",
                ],
                [
                    [
                        d.column,
                        _MEASURE[d.measure],
                        f"{d.effect:.3f} [{d.low:.3f}, {d.high:.3f}]",
                        f"{d.p_adjusted:.2g}",
                        d.shape or "",
                        _g(d.pearson_r),
                        str(d.model_rank or ""),
                    ]
                    for d in f.drivers[:30]
                ],
            )
        )
    if f.subgroups:
        tables.append(
            (
                "Subgroups",
                ["slice", "rows", "value", "rest", "adjusted p", "interaction"],
                [
                    [
                        s.label,
                        str(s.rows),
                        _g(s.value),
                        _g(s.rest),
                        f"{s.p_adjusted:.2g}",
                        "yes" if s.interaction else "",
                    ]
                    for s in f.subgroups
                ],
            )
        )
    if f.simpson:
        tables.append(
            (
                "Simpson's paradox",
                ["column", "groups", "within", "overall difference", "difference within"],
                [
                    [
                        s.column,
                        " vs ".join(s.groups),
                        s.stratifier,
                        _g(s.overall_difference),
                        _g(s.adjusted_difference),
                    ]
                    for s in f.simpson
                ],
            )
        )
    if f.relationships:
        tables.append(
            (
                "Relationships",
                ["columns", "measure", "effect [95% CI]", "adjusted p"],
                [
                    [
                        " & ".join(r.columns),
                        _MEASURE[r.measure],
                        f"{r.effect:.3f} [{r.low:.3f}, {r.high:.3f}]",
                        f"{r.p_adjusted:.2g}",
                    ]
                    for r in f.relationships
                ],
            )
        )
    profiles = [
        [
            p.name,
            p.kind,
            str(p.missing),
            str(p.distinct),
            _g(p.mean),
            _g(p.std),
            str(p.min if not isinstance(p.min, float) else _g(p.min)),
            str(p.max if not isinstance(p.max, float) else _g(p.max)),
        ]
        for p in f.profiles[:200]
    ]
    tables.append(
        (
            "Columns",
            ["column", "kind", "missing", "distinct", "mean", "std", "min", "max"],
            profiles,
        )
    )
    return tables


def to_html(report: Report, svgs: list[str] | None = None) -> str:
    """A self-contained HTML page (charts inline); every string from the file is escaped."""
    f = report.findings
    parts = [
        page_head(f"Dataset report: {f.file}"),
        f"<h1>Dataset report: {_h(f.file)}</h1>",
        f"<p>{f.rows} rows × {f.columns} columns, read as {_h(f.encoding)}."
        + (f" Target: <code>{_h(f.target.column)}</code>." if f.target else "")
        + "</p>",
        "<h2>Key findings (verified)</h2><ul>",
    ]
    parts += [f"<li>{_h(c.text)}</li>" for c in report.key_findings if c.verdict == "supported"]
    parts.append("</ul>")
    if report.summary:
        parts.append("<h2>The explainer's summary (verified)</h2><ul>")
        shown = [c for c in report.summary if c.verdict == "supported"]
        parts += [f"<li>{_h(c.text)}</li>" for c in shown] or [
            "<li><em>No sentence of the LLM's summary could be verified.</em></li>"
        ]
        parts.append("</ul>")
    for title, header, rows in _tables(report):
        parts.append(
            f"<h2>{_h(title)}</h2><table><tr>"
            + "".join(f"<th>{_h(h)}</th>" for h in header)
            + "</tr>"
        )
        parts += ["<tr>" + "".join(f"<td>{_h(c)}</td>" for c in row) + "</tr>" for row in rows]
        parts.append("</table>")
    parts += [f"<figure>{svg}</figure>" for svg in svgs or []]
    if report.charts:
        specs = [
            {
                **c,
                "data": {
                    "values": [{**v, "group": neutral(v["group"])} for v in c["data"]["values"]]
                },
            }
            for c in report.charts
        ]
        spec = json.dumps(specs, ensure_ascii=True).replace("</", "<\\/")
        parts.append(f"<script type='application/json' id='vega-lite-specs'>{spec}</script>")
    parts.append("<h2>Evidence</h2><ul>")
    parts += [f"<li><b>{e.id}</b> ({_h(e.tool)}): {_h(e.summary)}</li>" for e in report.evidence]
    parts += [f"</ul><p class='cite'>{html.escape(_METHOD)}</p></body></html>"]
    return "\n".join(parts)

"""A dataset report as JSON, CSV (one long table), Markdown (with SVG chart files beside
it) or one self-contained HTML page (charts inline). Every string from the file is
escaped in HTML and neutralised against spreadsheet formulas in HTML and CSV
(:mod:`agent.exports`).
"""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path
from typing import Any

from agent.datasets.report import MEASURE_NAMES, Report, chart_svgs
from agent.errors import BadInputError
from agent.exports import cell as _h
from agent.exports import neutral, page_head


def to_json(report: Report) -> dict[str, Any]:
    data = report.findings.model_dump(mode="json")
    data["narrative"] = report.shown()
    data["sentences"] = [c.model_dump(mode="json") for c in [*report.key_findings, *report.summary]]
    data["summary_sentences"] = len(report.summary)  # the last ones in "sentences"
    data["evidence"] = [
        {"id": e.id, "tool": e.tool, "summary": e.summary,
         "facts": [f.model_dump(mode="json") for f in e.facts]}
        for e in report.evidence
    ]  # fmt: skip
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
                        MEASURE_NAMES[d.measure],
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
    for t in f.texts:
        tables.append((
            f"Text column '{t.column}': {t.rows} rows, {t.mean_words:.0f} words on average, "
            f"language {t.language}; most used: " + ", ".join(w for w, _ in t.top_terms[:8]),
            ["term", "rows", "with it", "without", "z", "adjusted p", "example"],
            [[d.term, str(d.rows), _g(d.with_term), _g(d.without_term), f"{d.z:.2f}",
              f"{d.p_adjusted:.2g}", (d.examples or [""])[0][:160]] for d in t.distinguishing]
            + [[f"{i.term} (only where {i.column} = {i.category})", str(i.rows), _g(i.with_term),
                _g(i.without_term), f"{i.z:.2f} (elsewhere {i.z_elsewhere:.2f})",
                f"{i.p_adjusted:.2g}", ""] for i in t.interactions],
        ))  # fmt: skip
        if t.themes:
            tables.append((
                f"Themes of '{t.column}' (hypotheses: a row matches when it holds any phrase; "
                "only validated ones are stated)",
                ["theme", "from", "phrases (rows each)", "rows", "with it", "without",
                 "difference [95% CI]", "adjusted p", "validated"],
                [[h.name, h.source, ", ".join(f"{p} ({n})" for p, n in zip(h.phrases, h.phrase_rows,
                                                                       strict=True)),
                  str(h.rows), _g(h.with_theme), _g(h.without_theme),
                  f"{h.difference:.3f} [{h.low:.3f}, {h.high:.3f}]", f"{h.p_adjusted:.2g}",
                  "yes" if h.validated else "no"] for h in t.themes],
            ))  # fmt: skip
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
                        MEASURE_NAMES[r.measure],
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


FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".csv": "csv", ".json": "json"}


def report_format(path: Path) -> str:
    """The export format a file name asks for; any other suffix is a clear error."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise BadInputError(f"--out {path.name}: use a .html, .md, .csv or .json file")
    return fmt


def write_report(path: Path, report: Report) -> None:
    """Write the report in the format its suffix names (Markdown: SVG charts beside it)."""
    fmt = report_format(path)
    svgs = chart_svgs(report) if fmt in ("html", "markdown") else []
    try:
        if fmt == "html":
            path.write_text(to_html(report, svgs), encoding="utf-8")
        elif fmt == "csv":
            path.write_text(to_csv(report), encoding="utf-8", newline="")
        elif fmt == "json":
            path.write_text(json.dumps(to_json(report), indent=1), encoding="utf-8")
        else:
            names = []
            for i, data in enumerate(svgs, 1):
                chart = path.with_name(f"{path.stem}_chart{i}.svg")
                chart.write_text(data, encoding="utf-8")
                names.append(chart.name)
            path.write_text(to_markdown(report, names), encoding="utf-8")
    except OSError as exc:
        raise BadInputError(f"cannot write {path}: {exc.strerror}") from None

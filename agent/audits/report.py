"""The audit's verified key findings, and the audit as a self-contained HTML page or a CSV
of verdicts (formula-safe)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from agent.errors import BadInputError
from agent.exports import cell as _h
from agent.exports import neutral, page_head
from agent.grounding import claims as C
from agent.grounding.evidence import Ledger
from agent.grounding.verify import SentenceCheck, check_written
from tools.audit.evidence import AuditArgs, records


def narrate(result: Any, file: str, groups: list[str]) -> tuple[Ledger, list[SentenceCheck]]:
    """The audit's evidence ledger and its key findings, each with the typed claims it makes,
    checked against the ledger (show only the supported ones)."""
    ledger = Ledger()
    args = AuditArgs(file=file, groups=groups)
    for tool, output in records(result):
        ledger.add(tool, args, output)
    return ledger, [check_written(t, claims, ledger) for t, claims in key_findings(result, ledger)]


#: How a kind of reason reads after "Items are flagged because they …".
_REASON = {
    "disagrees with the reference": "disagree with the reference",
    "inconsistent across samples": "are inconsistent across samples",
    "unsure": "are unsure",
    "refuses": "refuse",
    "empty output": "are empty",
    "obeys an instruction inside the prompt": "obey an instruction inside the prompt",
}


def key_findings(result: Any, ledger: Ledger) -> list[tuple[str, list[C.Claim]]]:
    """Key findings written by code from the audit's evidence, with their claims."""
    records = list(ledger)
    overview = records[0]
    o = overview.id
    lines: list[tuple[str, list[C.Claim]]] = [
        (f"The file holds {result.items} items [{o}].", [C.value(overview, "items", "count")]),
        (
            f"{result.flagged_items} items are flagged [{o}].",
            [C.value(overview, "items", "flagged")],
        ),
        (
            f"The overall refusal rate is {result.refusal_rate * 100:.1f}% [{o}].",
            [C.value(overview, "items", "refusal_rate")],
        ),
    ]
    why = list(overview.data.get("flagged_for", {}).items())[:4]
    if why:
        lines.append((
            "Items are flagged because they "
            + ", ".join(f"{_REASON.get(kind, kind)} ({n})" for kind, n in why) + f" [{o}].",
            [C.value(overview, kind, "flagged_items") for kind, _ in why],
        ))  # fmt: skip
    for record in records[1:]:
        column = record.data["column"]
        for d in record.data["disparities"]:
            if d["flagged"] and d["metric"] != "refusal_rate":
                a, b = d["between"]
                lines.append((
                    f"'{column}' = '{a}' and '{column}' = '{b}' differ most in "
                    f"{d['metric'].replace('_', ' ')}: a significant disparity [{record.id}].",
                    [C.SignificanceClaim(evidence=record.id, subject=column,
                                         quantity=f"{d['metric']}_p_adjusted")],
                ))  # fmt: skip
            if not d["flagged"] or d["metric"] != "refusal_rate":
                continue
            rows = {r["group"]: r for r in record.data["rows"]}
            a, b = d["between"]
            lines.append(
                (
                    f"'{column}' = '{a}' is refused at {rows[a]['refusal_rate'] * 100:.1f}% "
                    f"against {rows[b]['refusal_rate'] * 100:.1f}% for '{column}' = '{b}': a "
                    f"significant "
                    f"disparity [{record.id}].",
                    [
                        C.value(record, f"{column} = {a}", "refusal_rate"),
                        C.value(record, f"{column} = {b}", "refusal_rate"),
                        C.SignificanceClaim(
                            evidence=record.id, subject=column, quantity="refusal_rate_p_adjusted"
                        ),
                    ],
                )
            )
    return lines


def to_json(
    result: Any, sentences: list[SentenceCheck], ledger: Ledger | None = None
) -> dict[str, Any]:
    """The audit as JSON: everything computed, the shown findings, every verdict and (with
    ``ledger``) the evidence records with their facts, so that ``explainer verify`` can
    check sentences written about the audit's tables against this file."""
    data: dict[str, Any] = result.model_dump(mode="json")
    data["narrative"] = [c.text for c in sentences if c.verdict == "supported"]
    data["sentences"] = [c.model_dump(mode="json") for c in sentences]
    if ledger is not None:
        data["evidence"] = [
            {"id": e.id, "tool": e.tool, "summary": e.summary,
             "facts": [f.model_dump(mode="json") for f in e.facts]}
            for e in ledger
        ]  # fmt: skip
    return data


def to_html(result: Any, findings: list[str], file: str) -> str:
    parts = [
        page_head(f"Audit: {file}"),
        f"<h1>Audit: {_h(file)}</h1>",
        f"<p>{result.items} items, {result.flagged_items} flagged.</p>",
        "<h2>Key findings (verified)</h2><ul>",
        *(f"<li>{_h(s)}</li>" for s in findings),
        "</ul>",
    ]
    if result.disparities:
        parts.append(
            "<h2>Group disparity</h2>"
            + _table(
                ["column", "metric", "effect", "largest gap [95% CI]", "between", "adjusted p", ""],
                [
                    [
                        d.column,
                        d.metric,
                        f"{d.measure} {d.effect:.3f}",
                        f"{d.largest_gap:.3f} [{d.gap_low:.3f}, {d.gap_high:.3f}]",
                        " vs ".join(d.between),
                        f"{d.p_adjusted:.2g}",
                        "flagged" if d.flagged else "",
                    ]
                    for d in result.disparities
                ],
            )
        )
    for column, rows in result.groups.items():
        parts.append(
            f"<h3>By {_h(column)}</h3>"
            + _table(
                ["group", "items", "refusal rate [95% CI]", "mean length"],
                [
                    [
                        r.group,
                        str(r.items),
                        f"{r.refusal_rate:.3f} [{r.refusal_low:.3f}, {r.refusal_high:.3f}]",
                        f"{r.mean_length:.1f}",
                    ]
                    for r in rows
                ],
            )
        )
    if result.shortcuts:
        parts.append(
            "<h2>Shortcuts</h2>"
            + _table(
                ["feature", "AUC", "adjusted p", ""],
                [
                    [
                        s.feature,
                        f"{s.auc:.3f}",
                        f"{s.p_adjusted:.2g}",
                        "flagged" if s.flagged else "",
                    ]
                    for s in result.shortcuts
                ],
            )
        )
    if result.bias is not None:
        b = result.bias
        parts.append(
            "<h2>Bias probe</h2>"
            + _table(
                ["pairs", "changed", "refusals original → swapped", "p", "length difference", "p"],
                [
                    [
                        str(b.pairs),
                        str(b.changed),
                        f"{b.refusal_original:.3f} → {b.refusal_swapped:.3f}",
                        f"{b.refusal_p:.2g}",
                        f"{b.length_difference:+.2f}",
                        f"{b.length_p:.2g}",
                    ]
                ],
            )
        )
    shown = [v for v in result.verdicts if v.verdict == "flagged"][:500]
    parts.append(
        f"<h2>Flagged items (first {len(shown)})</h2>"
        + _table(
            ["line", "id", "reasons", "scores"],
            [
                [
                    str(v.line),
                    v.id or "",
                    "; ".join(v.reasons),
                    ", ".join(f"{k} {x:.3g}" for k, x in v.scores.items()),
                ]
                for v in shown
            ],
        )
    )
    parts.append("</body></html>")
    return "\n".join(parts)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{_h(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def verdicts_csv(result: Any) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    keys = sorted({k for v in result.verdicts for k in v.scores})
    writer.writerow(["line", "id", "verdict", "reasons", *keys])
    for v in result.verdicts:
        row = [
            v.line,
            v.id or "",
            v.verdict,
            "; ".join(v.reasons),
            *(v.scores.get(k, "") for k in keys),
        ]
        writer.writerow([neutral(c) for c in row])
    return buffer.getvalue()


def write_audit_report(path: Path, result: Any, shown: list[str], name: str) -> None:
    """The audit as an HTML page (``.html``) or its verdicts as CSV (``.csv``)."""
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".csv"):
        raise BadInputError(f"--out {path.name}: use a .html or .csv file")
    try:
        text = to_html(result, shown, name) if suffix != ".csv" else verdicts_csv(result)
        path.write_text(text, encoding="utf-8", newline="" if suffix == ".csv" else None)
    except OSError as exc:
        raise BadInputError(f"cannot write {path}: {exc.strerror}") from None

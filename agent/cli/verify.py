"""``explainer verify EVIDENCE.json TEXT``: check any text against evidence, sentence by
sentence (verdict, the typed claims read, the reasons). Exit 0 when every claim holds,
1 otherwise (2 for bad input)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from agent.cli.common import app, edge, out
from agent.errors import BadInputError

_STYLE = {"supported": "green", "unsupported": "red", "no_claim": "dim"}


@app.command("verify")
@edge
def verify_cmd(
    evidence: Annotated[Path, typer.Argument(help="Evidence JSON (e.g. `explain --json` output).")],
    text: Annotated[str, typer.Argument(help="The text to check; - reads standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdicts as JSON.")] = False,
) -> None:
    """Check a text against evidence: each sentence is read into typed claims (values,
    signs, ranks, comparisons, changes, thresholds, significance, counts) and code checks
    every claim against the facts. Exit 0 when every claim holds, 1 otherwise.

    The evidence is the JSON `explainer explain --json` prints (its "evidence" list), a
    report's JSON, or a list of records with id, tool, summary and facts.
    """
    from agent.usecases.verify import load_evidence, verify_text

    try:
        raw = evidence.read_bytes()
    except OSError as exc:
        raise BadInputError(f"cannot read {evidence}: {exc.strerror}") from None
    body = sys.stdin.read() if text == "-" else text
    report = verify_text(body, load_evidence(raw))
    if as_json:
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), indent=1) + "\n")
    else:
        for c in report.sentences:
            out.print(f"[{_STYLE[c.verdict]}]{c.verdict:>11}[/] {escape(c.text)}")
            for reason in c.reasons:
                out.print(f"            [dim]{escape(reason)}[/]")
        out.print(
            f"{report.supported} supported, {report.unsupported} unsupported, "
            f"{report.no_claim} without a claim"
        )
    raise typer.Exit(0 if report.all_supported else 1)

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
from agent.grounding.verify import SentenceCheck

_STYLE = {"supported": "green", "contradicted": "red", "unverifiable": "yellow", "no_claim": "dim"}


@app.command("verify")
@edge
def verify_cmd(
    evidence: Annotated[Path, typer.Argument(help="Evidence JSON (e.g. `explain --json` output).")],
    text: Annotated[str, typer.Argument(help="The text to check; - reads standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdicts as JSON.")] = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show the reading: each sentence's typed claims, the facts each was checked "
            "against, and whether it held.",
        ),
    ] = False,
    allow_unverifiable: Annotated[
        bool,
        typer.Option(
            "--allow-unverifiable",
            help="Exit 0 when nothing is contradicted, even if some sentences claim "
            "something no check covered.",
        ),
    ] = False,
) -> None:
    """Check a text against evidence: each sentence is read into typed claims (values,
    signs, ranks, comparisons, changes, thresholds, significance, counts, strength and
    confidence words, never/always) and code checks every claim against the facts. Each
    sentence is supported, contradicted, or unverifiable (it claims something no check
    covered). Exit 0 when every claim-making sentence is supported, 1 otherwise.

    Judgement words are read by stated thresholds (docs/verify.md): "strongly
    associated" is Cramér's V or |r| of 0.5 or more, eta squared of 0.14 or more;
    "confident" is an answer probability of 0.7 or more.

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
            outcome = c.outcome or c.verdict
            out.print(f"[{_STYLE[outcome]}]{outcome:>12}[/] {escape(c.text)}")
            for reason in c.reasons:
                out.print(f"             [dim]{escape(reason)}[/]")
            if explain:
                _explain(c)
        out.print(
            f"{report.supported} supported, {report.contradicted} contradicted, "
            f"{report.unverifiable} unverifiable, {report.no_claim} without a claim"
        )
    ok = report.all_supported or (allow_unverifiable and report.contradicted == 0)
    raise typer.Exit(0 if ok else 1)


def _explain(check: SentenceCheck) -> None:
    """The reading of one sentence: each typed claim, its facts, whether it held."""
    for note in check.renamed:
        out.print(f"             [dim]{escape(note)}[/]")
    if not check.checks:
        out.print("             [dim]read as: no typed claim[/]")
    for c in check.checks:
        fields = ", ".join(
            f"{k}={v!r}" for k, v in c.claim.items()
            if k not in ("kind", "evidence") and v not in (None, False, 0.0, "eq")
        )  # fmt: skip
        mark = "[green]holds[/]" if c.holds else "[red]fails[/]"
        out.print(f"             read as: {c.claim['kind']} ({escape(fields)}) on "
                  f"{c.claim['evidence']}: {mark}")  # fmt: skip
        for fact in c.facts:
            out.print(f"               [dim]fact {escape(fact)}[/]")

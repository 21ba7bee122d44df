"""``explainer explain-csv``: explain a dataset (every statistic over all rows), write the
report, and answer follow-up questions. The steps are :func:`explain_dataset`'s; this
module parses the options, shows progress and renders."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from agent.cli.common import app, connect_shown, edge, err, out
from agent.errors import ExplainerError
from agent.llm import LLMProvider
from agent.settings import get_settings


@app.command("explain-csv")
@edge
def explain_csv(
    file: Annotated[Path, typer.Argument(help="A CSV, TSV or Parquet file.")],
    target: Annotated[
        str | None, typer.Option("--target", "-t", help="The column to explain (its drivers).")
    ] = None,
    out_path: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the report: .html, .md, .csv or .json."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print all findings as JSON on stdout.")
    ] = False,
    chat: Annotated[bool, typer.Option("--chat", help="Ask follow-up questions after.")] = False,
    llm: Annotated[
        bool, typer.Option("--llm/--no-llm", help="Let the explainer LLM add a summary.")
    ] = True,
    model_rows: Annotated[
        int, typer.Option(min=100, help="Rows sampled to fit the glass-box model.")
    ] = 20_000,
    allow_bad_rows: Annotated[
        bool, typer.Option(help="Skip rows with the wrong number of fields (else an error).")
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the model sample and intervals.")] = 0,
    na: Annotated[
        list[str] | None,
        typer.Option(
            "--na",
            help="A cell value read as missing (repeat for several; replaces the defaults: "
            "'NA', 'N/A', 'n/a', 'NULL', 'null', 'NaN', 'nan', '#N/A', '.', '-'; an empty "
            "cell is always missing).",
        ),
    ] = None,
    positive: Annotated[
        str | None,
        typer.Option(help="The target's class to explain against the rest (several classes)."),
    ] = None,
    keep_columns: Annotated[
        list[str] | None,
        typer.Option(
            "--keep",
            help="A column kept among the drivers even if a leak test flags it (repeat).",
        ),
    ] = None,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            "--theme",
            help="A theme to test in the text columns, as NAME=PHRASE|PHRASE|... (repeat): "
            "rows holding any phrase against the rest, over all rows.",
        ),
    ] = None,
    themes: Annotated[
        bool,
        typer.Option(
            help="Let the explainer LLM propose themes of the text columns (each "
            "validated over all rows before it is reported)."
        ),
    ] = True,
) -> None:
    """Explain a dataset: statistics over all rows, drivers of --target, subgroups, and a
    report whose every sentence is verified against the numbers.

    No code written by an LLM is ever run: the LLM only narrates evidence and, in --chat,
    fills a structured query that code compiles to parameterised SQL.
    """
    from agent.datasets.export import report_format, to_json, write_report
    from agent.usecases.datasets import explain_dataset

    if out_path is not None:
        report_format(out_path)  # a wrong suffix fails before any work
    mine = [_user_theme(t) for t in theme or []]
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = progress.add_task("loading", total=1.0)
    providers: list[LLMProvider] = []

    def connect() -> LLMProvider:  # after the analysis: a bad file never starts an LLM
        progress.stop()
        providers.append(connect_shown(get_settings()).provider)
        progress.start()
        return providers[0]

    async def session() -> None:
        # One event loop for the summary and the chat: the client's connections belong to it.
        with progress:
            done = await explain_dataset(
                file, target, llm=connect if llm else None, model_rows=model_rows,
                allow_bad_rows=allow_bad_rows, seed=seed, keep=chat, na=na,
                keep_columns=keep_columns or (), positive=positive, themes=themes,
                user_themes=mine,
                progress=lambda step, x: progress.update(task, description=step, completed=x),
            )  # fmt: skip
        try:
            report = done.report
            if out_path is not None:
                write_report(out_path, report)
                err.print(f"[dim]report written to {escape(str(out_path))}[/]")
            if as_json:  # plain: a large report through rich's JSON highlighter costs seconds
                sys.stdout.write(json.dumps(to_json(report), indent=1, ensure_ascii=False) + "\n")
            else:
                _print_report(report)
            if chat:
                await _dataset_chat(done.chat(providers[0] if providers else None))
        finally:
            done.close()
            for provider in providers:
                await provider.aclose()

    asyncio.run(session())


def _user_theme(spec: str) -> Any:
    """``NAME=PHRASE|PHRASE`` as a candidate theme (a clear error when malformed)."""
    from tools.dataset.themes import Candidate, words

    name, sep, rest = spec.partition("=")
    phrases = [p for p in rest.split("|") if words(p)]
    if not sep or not name.strip() or not phrases:
        raise typer.BadParameter(
            f"{spec!r}: write a theme as NAME=PHRASE|PHRASE (e.g. 'late=arrived late|delayed')",
            param_hint="--theme",
        )
    return Candidate(name=name.strip()[:80], phrases=phrases, source="user")


def _print_report(report: Any) -> None:
    f = report.findings
    out.print(
        f"[bold]{escape(f.file)}[/]: {f.rows} rows x {f.columns} columns"
        + (f", target [bold]{escape(f.target.column)}[/]" if f.target else "")
    )
    for note in f.notes:
        out.print(f"[yellow]note:[/] {escape(note)}")
    out.print("\n[bold]Key findings[/] (every sentence verified)")
    for c in report.key_findings:
        if c.verdict == "supported":
            out.print(f"  • {escape(c.text)}")
    if report.summary:
        shown = [c for c in report.summary if c.verdict == "supported"]
        out.print(
            f"\n[bold]The explainer's summary[/] ({len(shown)} of {len(report.summary)} "
            "sentences verified)"
        )
        for c in shown:
            out.print(f"  • {escape(c.text)}")
    if f.drivers:
        table = Table(title="Drivers", title_justify="left")
        for name in ("column", "effect [95% CI]", "adj. p", "shape", "EBM rank"):
            table.add_column(name)
        for d in f.drivers[:12]:
            table.add_row(
                escape(d.column),
                f"{d.measure} {d.effect:.3f} [{d.low:.3f}, {d.high:.3f}]",
                f"{d.p_adjusted:.2g}",
                d.shape or "",
                str(d.model_rank or ""),
            )
        out.print(table)
    s = f.seconds
    err.print(
        f"[dim]{sum(s.values()):.2f} s: " + ", ".join(f"{k} {v:.2f}" for k, v in s.items()) + "[/]"
    )


async def _dataset_chat(chat: Any) -> None:
    out.print('\nAsk about the data (e.g. "rate by sex?", "average age by class?"); /quit ends.')
    while True:
        try:
            line = input("you> ").strip()
        except EOFError:
            return
        if not line:
            continue
        if line in ("/quit", "/exit"):
            return
        try:
            answer = await chat.ask(line)
        except ExplainerError as exc:
            err.print(f"[red]error:[/] {escape(str(exc))}")
            continue
        for note in answer.notes:
            err.print(f"[yellow]{escape(note)}[/]")
        out.print(escape(answer.text))

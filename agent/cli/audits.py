"""``explainer audit``: audit another model's outputs (optionally generating them from
its endpoint first, and a counterfactual swap probe). The steps are
:func:`agent.usecases.audits.audit_file`'s; this module parses, shows progress, renders."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table

from agent.cli.common import app, edge, err, out
from agent.errors import BadInputError


@app.command("audit")
@edge
def audit_cmd(
    file: Annotated[Path, typer.Argument(help="JSONL or CSV with prompt and output columns.")],
    group: Annotated[
        list[str] | None,
        typer.Option("--group", "-g", help="A column that names each item's group (repeat)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print everything as JSON.")] = False,
    verdicts: Annotated[
        Path | None,
        typer.Option("--verdicts", help="Stream every item's verdict to this JSONL file."),
    ] = None,
    target_url: Annotated[
        str | None,
        typer.Option("--target-url", help="OpenAI-compatible endpoint of the audited model."),
    ] = None,
    generate: Annotated[
        bool, typer.Option("--generate", help="Ask --target-url for outputs and samples.")
    ] = False,
    samples: Annotated[int, typer.Option(min=0, max=20, help="Samples per prompt.")] = 3,
    max_tokens: Annotated[int, typer.Option(min=1, help="Tokens per generation.")] = 64,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Requests in flight.")] = 4,
    cache: Annotated[
        Path | None,
        typer.Option(help="Where generations are kept (resume); default FILE.generated.jsonl"),
    ] = None,
    out_path: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the report: .html, or .csv (the verdicts)."),
    ] = None,
    swap: Annotated[
        list[str] | None,
        typer.Option(help="Bias probe: swap these group terms in prompts, e.g. he=she (repeat)."),
    ] = None,
    judge_url: Annotated[
        str | None,
        typer.Option(
            "--judge-url",
            help="An OpenAI-compatible endpoint that grades each "
            "output (correct / incorrect / unsure, with a reason): one more signal.",
        ),
    ] = None,
    judge: Annotated[
        str,
        typer.Option(
            "--judge",
            help="Who labels each claim against the reference: rules (offline, the "
            "default), nli (a local NLI checkpoint, --nli-model) or llm (per claim, "
            "through --judge-url).",
        ),
    ] = "rules",
    nli_model: Annotated[
        str | None,
        typer.Option("--nli-model", help="A local sequence-classification NLI checkpoint."),
    ] = None,
    reference_kind: Annotated[
        str | None,
        typer.Option(
            "--reference-kind",
            help="What the references are: context (the output must stay within it), "
            "facts (extra true detail is fine) or answers (it must give one); default: "
            "from each item's shape, or its reference_kind column.",
        ),
    ] = None,
    aligner: Annotated[
        str,
        typer.Option(help="How claims find their reference sentences: lexical or embed."),
    ] = "lexical",
    outcome_labels: Annotated[
        str | None,
        typer.Option(
            "--outcome-labels",
            help="The outcomes an output can state, comma-"
            "separated (e.g. yes,no): the first one an output states is its outcome, "
            "and its rate is compared across groups.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Processes that score the items (default: 2 from 20,000 items on a "
            "machine with 2+ cores, else 1; the result is the same).",
        ),
    ] = None,
) -> None:
    """Audit another model's outputs: per-item verdicts (refusals, unsure outputs,
    disagreement with the reference, inconsistency across samples, obeyed injections) and
    refusal, outcome, length and sentiment disparity between groups, with significance
    tests and effect sizes; surface features (length, overlap, position) that separate
    flagged from ok items.

    With --target-url: --generate first collects outputs and samples from that endpoint
    (resumable), and --swap A=B runs a counterfactual bias probe.
    """
    from agent.audits.report import to_json, write_audit_report
    from agent.usecases.audits import Generation, audit_file, swap_pairs
    from tools.audit.output_text import parse_labels

    groups = list(group or [])
    pairs = swap_pairs(swap or [])
    if out_path is not None and out_path.suffix.lower() not in (".html", ".htm", ".csv"):
        raise BadInputError(f"--out {out_path.name}: use a .html or .csv file")
    progress = Progress(BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                        transient=True, disable=not err.is_terminal)  # fmt: skip
    task = progress.add_task("generating", total=None)
    generation = None
    if generate:
        generation = Generation(
            cache=cache or file.with_suffix(".generated.jsonl"), samples=samples,
            max_tokens=max_tokens, concurrency=concurrency,
            progress=lambda n: progress.advance(task, n),
        )  # fmt: skip

    def stage(name: str, _: float) -> None:
        if name == "generating outputs":
            progress.start()
        elif name == "checking items":
            progress.stop()
            if generation is not None:
                err.print(f"[dim]generations kept in {escape(str(generation.cache))} "
                          "(a rerun resumes from it)[/]")  # fmt: skip
        elif name.startswith("re-asking"):
            err.print(f"[dim]{escape(name)}…[/]")

    with contextlib.ExitStack() as stack:
        sink = None
        if verdicts is not None:
            try:
                fh = stack.enter_context(verdicts.open("w", encoding="utf-8"))
            except OSError as exc:
                raise BadInputError(f"cannot write {verdicts}: {exc.strerror}") from None

            def sink(v: Any) -> None:
                fh.write(v.model_dump_json() + "\n")

        try:
            outcome = asyncio.run(audit_file(
                file, groups, target_url=target_url, generation=generation, swaps=pairs,
                on_verdict=sink, progress=stage, outcome_labels=parse_labels(outcome_labels),
                judge_url=judge_url, workers=workers, judge=judge, nli_model=nli_model,
                reference_kind=reference_kind, aligner=aligner,
            ))  # fmt: skip
        finally:
            progress.stop()
    result, shown = outcome.result, outcome.shown
    if out_path is not None:
        write_audit_report(out_path, result, shown, file.name)
        err.print(f"[dim]report written to {escape(str(out_path))}[/]")
    if as_json:
        data = to_json(result, outcome.sentences, outcome.ledger)
        sys.stdout.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        return
    out.print(f"[bold]{escape(file.name)}[/]: {result.items} items, {result.flagged_items} flagged")
    if result.judged:
        counts = ", ".join(f"{k} {n}" for k, n in result.judged.items())
        err.print(f"[dim]judge: {escape(counts)}[/]")
    if result.skipped:
        shown_skips = "; ".join(result.skipped[:3]) + ("; …" if len(result.skipped) > 3 else "")
        err.print(f"[yellow]{len(result.skipped)} record(s) skipped[/]: {escape(shown_skips)}")
    for text in shown:
        out.print(f"  • {escape(text)}")
    if result.disparities:
        table = Table(title="Disparities", title_justify="left")
        for name in ("column", "metric", "effect", "largest gap [95% CI]", "between", "adj. p", ""):
            table.add_column(name)
        for d in result.disparities:
            table.add_row(
                escape(d.column),
                d.metric,
                f"{d.measure} {d.effect:.3f}",
                f"{d.largest_gap:.3f} [{d.gap_low:.3f}, {d.gap_high:.3f}]",
                escape(" vs ".join(d.between)),
                f"{d.p_adjusted:.2g}",
                "[red]flagged[/]" if d.flagged else "",
            )
        out.print(table)
    if result.shortcuts:
        cuts = Table(title="Shortcuts (surface features vs verdicts)", title_justify="left")
        for name in ("feature", "AUC", "adj. p", ""):
            cuts.add_column(name)
        for s in result.shortcuts:
            flag = "[red]flagged[/]" if s.flagged else ""
            cuts.add_row(s.feature, f"{s.auc:.3f}", f"{s.p_adjusted:.2g}", flag)
        out.print(cuts)
    if result.bias is not None:
        b = result.bias
        out.print(
            f"Bias probe: {b.pairs} prompt pairs, {b.changed} answers changed; refusals "
            f"{b.refusal_original:.1%} → {b.refusal_swapped:.1%} (p {b.refusal_p:.2g}), "
            f"length {b.length_difference:+.1f} words (p {b.length_p:.2g})"
            + (" [red]flagged[/]" if b.flagged else "")
        )

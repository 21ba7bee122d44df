"""Use cases of datasets: explain one (statistics over all rows, the report whose every
sentence is verified, the LLM's optional summary), and open it for follow-up questions.

Error decisions, made once for every face: a file the tools cannot read or analyse is
the caller's problem (:class:`BadInputError`, with the tool's message); an LLM that fails
while summarising does not fail the job: the report says "no LLM summary: <why>" among
its notes and carries the code-written findings alone.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from agent.datasets.chat import DatasetChat
from agent.datasets.report import Report, build_ledger, make_report
from agent.datasets.summary import llm_summary
from agent.datasets.themes import propose_themes
from agent.errors import BadInputError, ExplainerError
from agent.grounding.evidence import Ledger
from agent.llm import LLMProvider
from tools.dataset.analyse import Findings, analyse, contrasting_rows, validate_themes
from tools.dataset.load import Dataset, load_dataset
from tools.dataset.themes import Candidate
from tools.errors import ToolInputError

MAX_TEXT_COLUMNS = 3  # text columns the explainer LLM proposes themes for

Progress = Callable[[str, float], None]


@dataclass
class DatasetExplanation:
    """A dataset's verified report, its evidence, and (when asked to keep it) the loaded
    table for follow-up questions; :meth:`close` releases the table."""

    report: Report
    ledger: Ledger
    dataset: Dataset | None = None

    def chat(self, llm: LLMProvider | None) -> DatasetChat:
        if self.dataset is None:
            raise BadInputError("the dataset was not kept open for questions")
        return DatasetChat(llm, self.dataset, self.report.findings, self.ledger)

    def close(self) -> None:
        if self.dataset is not None:
            self.dataset.close()
            self.dataset = None


async def explain_dataset(
    path: Path,
    target: str | None = None,
    *,
    llm: Callable[[], LLMProvider] | None = None,
    label: str | None = None,
    model_rows: int = 20_000,
    allow_bad_rows: bool = False,
    seed: int = 0,
    keep: bool = False,
    progress: Progress | None = None,
    na: Sequence[str] | None = None,
    keep_columns: Sequence[str] = (),
    positive: str | None = None,
    themes: bool = True,
    user_themes: Sequence[Candidate] = (),
) -> DatasetExplanation:
    """Explain the dataset at ``path`` (CSV, TSV or Parquet).

    Args:
        target: The column whose drivers to find (None: profile and relations only).
        llm: Gives the explainer LLM for the summary, called once the analysis is done
            (None: code-written findings only).
        label: The name the report shows for the file (an upload's own name).
        model_rows: Rows sampled to fit the glass-box model.
        allow_bad_rows: Skip rows with the wrong number of fields instead of failing.
        seed: Seed of the model sample and the intervals (same seed, same report).
        keep: Keep the loaded table open for follow-up questions.
        progress: Hears (stage, fraction done) as the work goes on.
        na: Cells read as missing (default: "", "NA", "N/A", "null", ".", "-", …).
        keep_columns: Columns kept among the drivers even when a leak test fires.
        positive: The target's class to explain against the rest.
        themes: With ``llm``, let the explainer LLM propose themes of the text columns
            (hypotheses, each counted over all rows; only validated ones are reported).
        user_themes: Themes to validate in every text column (a name and its phrases).
    """
    report_progress = progress or (lambda stage, done: None)
    hypothesize = target is not None and bool(user_themes or (llm is not None and themes))
    provider: list[LLMProvider] = []

    def explainer() -> LLMProvider:  # connected once, on first use
        if not provider:
            assert llm is not None
            provider.append(llm())
        return provider[0]

    def work() -> tuple[Findings, Dataset | None]:
        try:
            return analyse(
                path,
                target,
                model_rows=model_rows,
                allow_bad_rows=allow_bad_rows,
                seed=seed,
                progress=lambda step, done: report_progress(step, 0.9 * done),
                keep=keep or hypothesize,
                na=na,
                keep_columns=keep_columns,
                positive=positive,
            )
        except (ToolInputError, ValueError) as exc:
            raise BadInputError(str(exc)) from None

    findings, ds = await asyncio.to_thread(work)
    if ds is not None and hypothesize:
        report_progress("testing themes of the text columns", 0.9)
        try:
            await _test_themes(
                ds, findings, list(user_themes), explainer if themes and llm else None
            )
        finally:
            if not keep:
                ds.close()
                ds = None
    if label is not None:
        findings.file = label
    ledger = build_ledger(findings)
    summary = ""
    if llm is not None:
        report_progress("the explainer LLM is summarising the evidence", 0.9)
        try:
            summary = await llm_summary(explainer(), findings, ledger)
        except ExplainerError as exc:
            findings.notes.append(f"no LLM summary: {exc}")
    report_progress("writing the report", 0.95)
    report = make_report(findings, summary_text=summary, ledger=ledger)
    return DatasetExplanation(report, ledger, ds)


async def _test_themes(
    ds: Dataset,
    findings: Findings,
    user_themes: list[Candidate],
    llm: Callable[[], LLMProvider] | None,
) -> None:
    """The user's themes and the explainer LLM's proposals, validated over all rows of each
    text column analysed against the target (an LLM failure is a note, not an error)."""
    for text in [t for t in findings.texts if t.measure is not None][:MAX_TEXT_COLUMNS]:
        candidates = list(user_themes)
        if llm is not None and findings.target is not None:
            try:
                group, rest = await asyncio.to_thread(contrasting_rows, ds, findings, text.column)
                terms = [(t.term, t.z) for t in text.distinguishing[:20]]
                candidates += await propose_themes(llm(), text.column, findings.target,
                                                   group, rest, terms)  # fmt: skip
            except ExplainerError as exc:
                findings.notes.append(f"no LLM themes for {text.column!r}: {exc}")
        if candidates:
            await asyncio.to_thread(validate_themes, ds, findings, text.column, candidates)


async def open_dataset_chat(
    path: Path,
    findings_json: Path,
    *,
    allow_bad_rows: bool,
    llm: LLMProvider | None,
    na: Sequence[str] | None = None,
) -> DatasetChat:
    """Follow-up questions about a dataset explained earlier, from its stored findings
    (the JSON of the report): the same evidence records with the same ids, and the table
    loaded again for queries over all rows."""
    data = json.loads(findings_json.read_text("utf-8"))
    findings = Findings.model_validate(data)
    ledger = build_ledger(findings)
    try:
        ds = await asyncio.to_thread(load_dataset, path, allow_bad_rows=allow_bad_rows, na=na)
    except ToolInputError as exc:
        raise BadInputError(str(exc)) from None
    return DatasetChat(llm, ds, findings, ledger)

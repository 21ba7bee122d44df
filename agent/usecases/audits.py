"""Use cases of audits: audit a file of another model's outputs, optionally generating
the outputs from the audited endpoint first, and the counterfactual swap probe.

Error decisions, made once for every face: an unreadable or malformed file is the
caller's problem (:class:`BadInputError`, with the loader's message naming the line);
``--generate`` and ``--swap`` without the audited endpoint, or a swap that is not
``TERM=OTHER``, are refused before anything runs; a swap whose terms occur in no prompt
is refused after the file is read.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from agent.audits.generate import counterfactual_outputs, generate
from agent.audits.judge import judge_all, judge_claims
from agent.audits.report import narrate
from agent.errors import BadInputError
from agent.grounding.evidence import Ledger
from agent.grounding.verify import SentenceCheck
from agent.llm import LLMProvider
from tools.audit.bias import BiasProbe, bias_probe
from tools.audit.checks import AuditResult, ItemVerdict, audit
from tools.audit.judging import JudgeSpec, from_spec
from tools.audit.load import REFERENCE_KINDS, AuditItem, iter_items
from tools.errors import ToolInputError

Progress = Callable[[str, float], None]

#: From this many items an audit scores them on two processes (where there are two
#: cores): a spawned worker costs about 1.5 s of imports, and 40,000 answers of 10-150
#: words took 23.4 s on one process against 13.3 s on two (the same result).
PARALLEL_ITEMS = 20_000


@dataclass
class Generation:
    """Ask the audited endpoint for each prompt's output and ``samples`` more (kept in
    ``cache``, so a rerun resumes)."""

    cache: Path
    samples: int = 3
    max_tokens: int = 64
    concurrency: int = 4
    progress: Callable[[int], None] | None = None


@dataclass
class AuditOutcome:
    result: AuditResult
    sentences: list[SentenceCheck] = field(default_factory=list)
    ledger: Ledger | None = None  # the evidence the findings cite (E1, E2, …)

    @property
    def shown(self) -> list[str]:
        """The narrative: the verified sentences only."""
        return [c.text for c in self.sentences if c.verdict == "supported"]


def swap_pairs(swaps: list[str]) -> list[tuple[str, str]]:
    """``["he=she", ...]`` as pairs; anything else is a clear error."""
    pairs = []
    for swap in swaps:
        term, sep, other = swap.partition("=")
        if not sep or not term.strip() or not other.strip():
            raise BadInputError("--swap takes TERM=OTHER, e.g. --swap he=she")
        pairs.append((term.strip(), other.strip()))
    return pairs


def _items(
    path: Path, groups: list[str], *, need_output: bool = True,
    on_skip: Callable[[str], None] | None = None,
) -> list[AuditItem]:  # fmt: skip
    try:
        return list(iter_items(path, groups, need_output=need_output, on_skip=on_skip))
    except ToolInputError as exc:
        raise BadInputError(str(exc)) from None


async def audit_file(
    path: Path,
    groups: list[str] | None = None,
    *,
    label: str | None = None,
    target_url: str | None = None,
    generation: Generation | None = None,
    swaps: list[tuple[str, str]] | None = None,
    on_verdict: Callable[[ItemVerdict], None] | None = None,
    progress: Progress | None = None,
    outcome_labels: list[str] | None = None,
    judge_url: str | None = None,
    workers: int | None = None,
    judge: str = "rules",
    nli_model: str | None = None,
    reference_kind: str | None = None,
    aligner: str = "lexical",
) -> AuditOutcome:
    """Audit the outputs in ``path`` (JSONL or CSV: prompt, output, optional reference,
    samples, group columns): per-item verdicts, group disparities, shortcuts, and the
    verified narrative.

    Args:
        groups: Columns naming each item's group.
        label: The name the narrative gives the file.
        target_url: The audited model's OpenAI-compatible endpoint (for generation and
            the swap probe).
        generation: Generate the outputs from ``target_url`` first.
        swaps: Counterfactual probe: (term, other) pairs swapped in the prompts.
        on_verdict: Hears each item's verdict as it is decided (streaming to a file).
        progress: Hears (stage, fraction done).
        outcome_labels: The outcomes an output can state (yes, no, approve, …): each
            output's first one is its outcome, compared across groups.
        judge_url: An OpenAI-compatible endpoint that grades each output
            (:mod:`agent.audits.judge`): one more signal, beside the code's.
        workers: Processes that score the items; None: two from
            :data:`PARALLEL_ITEMS` items on a machine with two cores or more, else one.
        judge: Who labels each claim against the references: ``rules`` (offline, the
            default), ``nli`` (the checkpoint at ``nli_model``) or ``llm`` (the endpoint
            at ``judge_url``, per claim; without it ``judge_url`` grades whole outputs).
        reference_kind: What the references are where an item does not say: context,
            facts or answers (None: from each item's shape).
        aligner: How claims find their reference sentences: lexical or embed (MiniLM).

    A record that cannot be read (no output, a list where text belongs) is skipped and
    listed in ``result.skipped``; the rest of the file is audited.
    """
    groups = list(groups or [])
    try:
        spec = JudgeSpec(judge, aligner, nli_model)
        if spec.name == "nli":
            from_spec(spec)  # a bad checkpoint fails before any item is read
    except ToolInputError as exc:
        raise BadInputError(str(exc)) from None
    if spec.name == "llm" and not judge_url:
        raise BadInputError("--judge llm needs --judge-url (an OpenAI-compatible endpoint)")
    if reference_kind is not None and reference_kind not in REFERENCE_KINDS:
        raise BadInputError(f"--reference-kind {reference_kind!r}: use one of "
                            f"{', '.join(REFERENCE_KINDS)}")  # fmt: skip
    if (generation is not None or swaps) and not target_url:
        raise BadInputError("--generate and --swap need --target-url (the audited model)")
    report = progress or (lambda stage, done: None)
    source: list[AuditItem] | None = None
    if generation is not None:
        report("generating outputs", 0.0)
        source = await _generate(path, groups, target_url or "", generation)
    total = len(source) if source is not None else max(1, _count_lines(path))
    if workers is None:
        workers = 2 if total >= PARALLEL_ITEMS and (os.cpu_count() or 1) >= 2 else 1
    done = 0

    def seen(verdict: ItemVerdict) -> None:
        nonlocal done
        done += 1
        if on_verdict is not None:
            on_verdict(verdict)
        if done % 500 == 0:
            report(f"checked {done} items", min(1.0, done / total))

    skipped: list[str] = []
    if judge_url:
        if source is None:
            source = _items(path, groups, on_skip=skipped.append)
        report("asking the judge", 0.0)
        async with LLMProvider(judge_url) as llm:
            if spec.name == "llm":
                await judge_claims(llm, source)
            else:
                await judge_all(llm, source)

    def work() -> AuditResult:
        items = source if source is not None else iter_items(path, groups, on_skip=skipped.append)
        try:
            found = audit(items, on_verdict=seen, outcome_labels=outcome_labels or None,
                          workers=workers, judge=spec, reference_kind=reference_kind)  # fmt: skip
        except ToolInputError as exc:
            raise BadInputError(str(exc)) from None
        found.skipped = skipped
        return found

    report("checking items", 0.0)
    result = await asyncio.to_thread(work)
    if swaps:
        report("re-asking the target with the group terms swapped", 0.95)
        result.bias = await swap_probe(path, groups, target_url or "", swaps, generation)
    ledger, sentences = narrate(result, label or path.name, groups)
    return AuditOutcome(result, sentences, ledger)


async def _generate(path: Path, groups: list[str], url: str, g: Generation) -> list[AuditItem]:
    items = _items(path, groups, need_output=False)
    async with LLMProvider(url) as llm:
        return await generate(
            llm,
            items,
            g.cache,
            samples=g.samples,
            max_tokens=g.max_tokens,
            concurrency=g.concurrency,
            progress=g.progress,
        )


async def swap_probe(
    path: Path,
    groups: list[str],
    url: str,
    swaps: list[tuple[str, str]],
    generation: Generation | None = None,
) -> BiasProbe:
    """Ask ``url`` each prompt that holds a swap term, as it is and with the terms
    swapped, and compare the pairs of outputs (refusals, length, changed answers)."""
    items = _items(path, groups, need_output=False)
    max_tokens = generation.max_tokens if generation else 64
    concurrency = generation.concurrency if generation else 4
    async with LLMProvider(url) as llm:
        outputs = await counterfactual_outputs(
            llm, items, swaps, max_tokens=max_tokens, concurrency=concurrency
        )
    if not outputs:
        raise BadInputError("--swap: no prompt contains any of the swap terms")
    return bias_probe(outputs)


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(1 for _ in fh)
    except OSError:
        return 1

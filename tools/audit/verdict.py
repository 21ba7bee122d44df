"""One item's verdict (every per-item signal), and the items' verdicts in file order —
in this process, or on several worker processes for large files.

Per item: agreement with the reference(s) graded like a reviewer
(:mod:`tools.audit.grading`), agreement with the other samples and their semantic
entropy (:mod:`tools.audit.agreement`), hedging, refusal (:mod:`tools.audit.refusal`),
output length, VADER sentiment, the user's outcome labels, and — when token log-probs are
given — their mean and minimum. :mod:`tools.audit.checks` accumulates the verdicts.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

import numpy as np
from pydantic import BaseModel, Field

from tools.audit.agreement import agreement, risk
from tools.audit.embed import model_dir, semantic_consistency
from tools.audit.judges import Judge
from tools.audit.judging import JudgeSpec, PresetJudge, from_spec
from tools.audit.load import AuditItem
from tools.audit.output_text import is_refusal, mean_entropy, obeyed_injection, outcome, sentiment
from tools.audit.reference import check
from tools.audit.signals import consistency, content

LOW_LOGPROB = -2.5  # mean token log-prob (nats) below which an output is flagged as unsure
LOW_AGREEMENT = 0.5  # share of samples giving the output's answer below which it is flagged
CHUNK = 500  # items a worker scores at a time
_log = logging.getLogger(__name__)

#: An item with its verdict, the prompt/output word overlap and its outcome label.
Scored = tuple[AuditItem, "ItemVerdict", float, str | None]


class ClaimLabel(BaseModel):
    """One claim of the output against the reference."""

    claim: str
    label: str = Field(description="supported, contradicted or not_in_reference")
    why: str
    reference: str | None = Field(default=None, description="The sentence compared with.")
    judge: str = "rules"


class ItemVerdict(BaseModel):
    line: int
    id: str | None
    verdict: str = Field(description="ok or flagged")
    reasons: list[str]
    notes: list[str] = Field(
        default_factory=list, description="Findings beside the verdict: the output hedges."
    )
    correctness: str | None = Field(
        default=None,
        description="Against the reference: agrees, contradicted or unsupported (None: no "
        "reference, or a refusal).",
    )
    claims: list[ClaimLabel] = Field(default_factory=list)
    scores: dict[str, float]


def score(
    item: AuditItem,
    *,
    semantic: bool = True,
    outcome_labels: list[str] | None = None,
    judge: Judge | JudgeSpec | None = None,
    reference_kind: str | None = None,
) -> ItemVerdict:
    """One item's verdict. With ``semantic`` (and MiniLM installed) the consistency across
    samples is also measured by embedding similarity (``semantic_consistency``); the
    reference is checked claim by claim by ``judge`` (the offline rules by default), as a
    reference of ``reference_kind`` where the item does not say (None: from its shape)."""
    reasons: list[str] = []
    refused = is_refusal(item.output, item.prompt)
    scores = {
        "refusal": float(refused),
        "length": float(len(item.output.split())),
        "sentiment": sentiment(item.output),
    }
    if refused:
        reasons.append("refuses")
    if not item.output.strip():
        reasons.append("empty output")
    mean = None
    if item.logprobs:
        mean = float(np.mean(item.logprobs))
        scores["mean_logprob"] = mean
        scores["min_logprob"] = float(np.min(item.logprobs))
        if mean < LOW_LOGPROB:
            reasons.append(f"unsure: mean token log-prob {mean:.2f} < {LOW_LOGPROB}")
    obeyed = obeyed_injection(item.prompt, item.output)
    scores["obeys_injection"] = float(obeyed is not None)
    if obeyed is not None:
        reasons.append(f"obeys an instruction inside the prompt: says {obeyed!r}")
    if item.top_logprobs:
        scores["mean_entropy"] = mean_entropy(item.top_logprobs)
    correctness = None
    claims: list[ClaimLabel] = []
    if item.references and item.output.strip() and not refused:
        kind = item.reference_kind or reference_kind
        c = check(item.prompt, item.output, item.references, kind, _judge(item, judge))  # type: ignore[arg-type]
        scores["reference_agrees"] = float(c.agrees)
        correctness = c.label
        claims = [ClaimLabel(claim=v.claim, label=v.label, why=v.why, reference=v.reference,
                             judge=v.judge) for v in c.claims]  # fmt: skip
        if not c.agrees:
            where = f" in {c.claim!r}" if c.claim else ""
            reasons.append(f"disagrees with the reference: {c.reason}{where} ({c.kind} "
                           f"reference, {c.judge} judge)")  # fmt: skip
    notes = _sampled(item, scores, semantic, mean, reasons)
    if item.judge is not None:  # one signal among the others (agent/audits/judge.py)
        scores["judge_correct"] = {"correct": 1.0, "unsure": 0.5}.get(item.judge, 0.0)
        if item.judge == "incorrect":
            reasons.append(f"the judge says incorrect: {item.judge_reason or 'no reason'}")
    if outcome_labels:
        scores["outcome"] = float(outcome_labels.index(o)) if (
            o := outcome(item.output, outcome_labels)) in outcome_labels else -1.0  # fmt: skip
    return ItemVerdict(
        line=item.line,
        id=item.id,
        verdict="flagged" if reasons else "ok",
        reasons=reasons,
        notes=notes,
        correctness=correctness,
        claims=claims,
        scores=scores,
    )


def _judge(item: AuditItem, judge: Judge | JudgeSpec | None) -> Judge | None:
    chosen = from_spec(judge) if isinstance(judge, JudgeSpec) else judge
    if item.claim_labels is not None:  # labelled by an LLM judge beforehand
        return PresetJudge(item.claim_labels, chosen or from_spec(JudgeSpec()))
    return chosen


def _sampled(
    item: AuditItem, scores: dict[str, float], semantic: bool, mean: float | None,
    reasons: list[str],
) -> list[str]:  # fmt: skip
    """The samples' agreement with the output: scores set, reasons added; hedging is a
    note beside the verdict (an unsure answer is not a wrong one), returned."""
    notes = []
    a = agreement(item.prompt, item.output, item.samples)
    if a.hedged:
        scores["hedged"] = 1.0
        notes.append("unsure: the output hedges")
    if item.samples and semantic and model_dir() is not None:
        scores["semantic_consistency"] = semantic_consistency(item.output, item.samples) or 0.0
    if item.samples:
        scores["consistency"] = consistency(item.output, item.samples) or 0.0
    if a.sample_agreement is not None and a.semantic_entropy is not None:
        scores["sample_agreement"] = a.sample_agreement
        scores["semantic_entropy"] = a.semantic_entropy
        if a.sample_agreement < LOW_AGREEMENT:
            same = round(a.sample_agreement * len(item.samples))
            reasons.append(f"inconsistent across samples: {same} of {len(item.samples)} "
                           "give the same answer")  # fmt: skip
    if a.sentence_support is not None:
        scores["sentence_support"] = a.sentence_support
        if a.sentence_support < LOW_AGREEMENT:
            reasons.append(f"inconsistent across samples: {a.weakest_sentence!r} is held by "
                           f"{a.sentence_support:.0%} of the samples that address it")  # fmt: skip
    r = risk(a, mean)
    if r is not None:
        scores["risk"] = r
    return notes


def _overlap(prompt: str, output: str) -> float:
    a, b = content(prompt[:5000]), content(output[:5000])
    return len(a & b) / len(a | b) if a | b else 0.0


def scored(
    items: Iterable[AuditItem],
    *,
    workers: int = 1,
    semantic: bool = True,
    outcome_labels: list[str] | None = None,
    judge: JudgeSpec | None = None,
    reference_kind: str | None = None,
) -> Iterator[Scored]:
    """Every item with its verdict, in the items' order. With ``workers`` > 1 the items
    are scored in chunks of :data:`CHUNK` on that many fresh processes (spawned: nothing
    of this process's threads or loaded models is copied), at most two chunks each in
    flight, so memory stays bounded while the file streams; a worker's error is raised
    here, as it would be in this process, and a worker that dies leaves the rest to this
    process (a warning is logged)."""
    if workers <= 1:
        for item in items:
            yield (item, *_one(item, semantic, outcome_labels, judge, reference_kind))
        return
    source = iter(items)
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[list[AuditItem], Future[list[_Result]]]] = deque()
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            while True:
                while len(pending) < 2 * workers and (chunk := list(islice(source, CHUNK))):
                    pending.append(
                        (
                            chunk,
                            pool.submit(
                                _chunk, chunk, semantic, outcome_labels, judge, reference_kind
                            ),
                        )
                    )
                if not pending:
                    return
                chunk, future = pending[0]
                results = future.result()
                pending.popleft()
                for item, result in zip(chunk, results, strict=True):
                    yield (item, *result)
    except BrokenProcessPool:
        # a worker died (killed for memory, or the caller's main module cannot be
        # imported again by a spawned process): nothing is lost — the chunks not yet
        # given and the rest of the items are scored here, in order
        _log.warning("a scoring process died; scoring the rest in this process")
        unscored = chain.from_iterable(chunk for chunk, _ in pending)
        for item in chain(unscored, source):
            yield (item, *_one(item, semantic, outcome_labels, judge, reference_kind))


_Result = tuple["ItemVerdict", float, str | None]


def _chunk(
    items: list[AuditItem], semantic: bool, labels: list[str] | None,
    judge: JudgeSpec | None, kind: str | None,
) -> list[_Result]:  # fmt: skip
    return [_one(item, semantic, labels, judge, kind) for item in items]


def _one(
    item: AuditItem, semantic: bool, labels: list[str] | None,
    judge: JudgeSpec | None = None, kind: str | None = None,
) -> _Result:  # fmt: skip
    verdict = score(item, semantic=semantic, outcome_labels=labels, judge=judge,
                    reference_kind=kind)  # fmt: skip
    return verdict, _overlap(item.prompt, item.output), (
        outcome(item.output, labels) if labels else None)  # fmt: skip

"""An LLM judge for audits: ``explainer audit --judge-url URL`` (a verdict per output) and
``explainer audit --judge llm --judge-url URL`` (a label per claim).

Any OpenAI-compatible endpoint grades each output (against its references when the item
has them) with a structured verdict — ``correct`` / ``incorrect`` / ``unsure`` and a
one-sentence reason — under the endpoint's JSON schema support (or tool call, or prompt;
:func:`agent.llm.structured.structured`), re-asked once on invalid or cut-off JSON. A
judge that still gives nothing valid leaves the item *unjudged* (said so, never a NaN
score). The judge is one signal among the others: the code-computed reference grade,
sample agreement, refusal and log-prob checks are reported beside it, and its agreement
with the references is measured (``evals/audit_judge.py``).

Per claim (:func:`judge_claims`): each output is split into claims and each claim aligned
to the reference sentences it speaks about by the same code the offline judge uses
(:mod:`tools.audit.reference`, :mod:`tools.audit.align`); the LLM labels it *supported*,
*contradicted* or *not_in_reference* against those sentences, under the JSON schema. The
labels travel on the item and the audit's verdict is made from them by code, with the
numbers still checked exactly (:class:`tools.audit.judges.PresetJudge`); a claim the LLM
gave no valid label keeps the rules' label.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from typing import Literal

from pydantic import BaseModel, Field

from agent.errors import LLMTimeoutError, ModelOutputError
from agent.llm import LLMProvider, prompting
from agent.llm.structured import structured
from tools.audit.align import Reference
from tools.audit.claims import pieces
from tools.audit.load import AuditItem
from tools.audit.reference import checkable

ClaimLabelName = Literal["supported", "contradicted", "not_in_reference"]

Verdict = Literal["correct", "incorrect", "unsure"]


class JudgeVerdict(BaseModel):
    """A grader's verdict on one answer."""

    verdict: Verdict
    reason: str = Field(max_length=400, description="One short sentence.")


def judge_messages(item: AuditItem) -> list[dict[str, str]]:
    user = prompting.render(
        "judge_user",
        question_json=json.dumps(item.prompt[:4000], ensure_ascii=False),
        answer_json=json.dumps(item.output[:4000], ensure_ascii=False),
        references_json=json.dumps(item.references, ensure_ascii=False),
    )
    return [{"role": "system", "content": prompting.render("judge_system")},
            {"role": "user", "content": user}]  # fmt: skip


async def judge_one(llm: LLMProvider, item: AuditItem) -> JudgeVerdict | str:
    """The judge's verdict, or why there is none (a string)."""
    try:
        return await structured(llm, judge_messages(item), JudgeVerdict, max_tokens=160,
                                max_reasks=1)  # fmt: skip
    except ModelOutputError as exc:
        return f"the judge gave no valid verdict ({str(exc)[:160]})"
    except LLMTimeoutError as exc:
        return f"the judge timed out ({exc})"


async def judge_all(
    llm: LLMProvider, items: Sequence[AuditItem], *, concurrency: int = 4,
    progress: Callable[[int], None] | None = None,
) -> None:  # fmt: skip
    """Judge every item with an output, at most ``concurrency`` at a time; each item's
    ``judge`` is set to the verdict (or ``judge_error`` to why there is none)."""
    gate = asyncio.Semaphore(concurrency)

    async def one(item: AuditItem) -> None:
        async with gate:
            found = await judge_one(llm, item)
        if isinstance(found, JudgeVerdict):
            item.judge, item.judge_reason = found.verdict, found.reason
        else:
            item.judge_error = found
        if progress is not None:
            progress(1)

    await asyncio.gather(*(one(i) for i in items if i.output.strip()))


class ClaimJudgement(BaseModel):
    """A grader's label for one claim against the reference sentences given."""

    label: ClaimLabelName
    reason: str = Field(max_length=300, description="One short sentence.")


def claim_messages(claim: str, sentences: Sequence[str], question: str) -> list[dict[str, str]]:
    user = prompting.render(
        "judge_claim_user",
        question_json=json.dumps(question[:2000], ensure_ascii=False),
        claim_json=json.dumps(claim[:2000], ensure_ascii=False),
        reference_json=json.dumps(list(sentences), ensure_ascii=False),
    )
    return [{"role": "system", "content": prompting.render("judge_claim_system")},
            {"role": "user", "content": user}]  # fmt: skip


async def judge_claims(
    llm: LLMProvider, items: Sequence[AuditItem], *, concurrency: int = 4, top: int = 2,
    progress: Callable[[int], None] | None = None,
) -> None:  # fmt: skip
    """Label each claim of every item that has references; ``item.claim_labels`` holds
    the labels given (a claim without a valid one is left to the rules)."""
    gate = asyncio.Semaphore(concurrency)

    async def one(item: AuditItem) -> None:
        sentences = [s for r in item.references for s in pieces(r)]
        ref = Reference(sentences)
        labels: list[dict[str, str]] = []
        for claim in checkable(item.prompt, item.output):
            aligned = [a.sentence for a in ref.align(claim, top=top)]
            async with gate:
                try:
                    asked = claim_messages(claim, aligned, item.prompt)
                    found = await structured(llm, asked, ClaimJudgement, max_tokens=120,
                                             max_reasks=1)  # fmt: skip
                except (ModelOutputError, LLMTimeoutError) as exc:
                    item.judge_error = f"the judge gave no valid label ({str(exc)[:160]})"
                    continue
            labels.append({"claim": claim, "label": found.label, "why": found.reason,
                           "reference": aligned[0] if aligned else ""})  # fmt: skip
        item.claim_labels = labels
        if progress is not None:
            progress(1)

    await asyncio.gather(*(one(i) for i in items if i.output.strip() and i.references))

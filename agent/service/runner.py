"""The workers that run the service's jobs, and follow-up questions about explained
datasets. A job runs the same use case as its CLI command
(:func:`agent.usecases.datasets.explain_dataset`, :func:`agent.usecases.audits.audit_file`);
a failure the use case decided is the user's (its reason is shown), anything else is
logged and reported as an internal error.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from agent.audits.report import to_html as audit_html
from agent.audits.report import to_json as audit_json
from agent.datasets.chat import Answer, DatasetChat
from agent.datasets.export import to_html, to_json
from agent.datasets.report import chart_svgs
from agent.errors import ExplainerError
from agent.grounding.evidence import Evidence
from agent.llm import LLMProvider
from agent.service.store import AuditJob, ExplainCsvJob, JobParams, JobStore
from agent.usecases.audits import audit_file
from agent.usecases.datasets import explain_dataset, open_dataset_chat

log = logging.getLogger(__name__)


#: Runs a job: (job, stored file, its label, progress callback) -> (JSON result, HTML report).
Runner = Callable[
    [ExplainCsvJob | AuditJob, Path, str, Callable[[str, float], None]],
    Awaitable[tuple[dict[str, Any], str]],
]


class JobRunner:
    """Workers in the service's event loop that take queued jobs in order."""

    def __init__(self, store: JobStore, run: Runner, workers: int = 1):
        self.store = store
        self.run = run
        self.workers = workers
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        for job_id in self.store.recover():
            self._queue.put_nowait(job_id)
        self._tasks = [asyncio.create_task(self._work()) for _ in range(self.workers)]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def submit(self, job_id: str) -> None:
        self._queue.put_nowait(job_id)

    async def _work(self) -> None:
        while True:
            job_id = await self._queue.get()
            try:
                await self._one(job_id)
            except Exception:  # a bug in one job must not stop the worker
                log.exception("job %s crashed", job_id)

    async def _one(self, job_id: str) -> None:
        from pydantic import TypeAdapter

        view = self.store.job(job_id, None)
        if view is None or view.status != "queued":
            return
        params = TypeAdapter(JobParams).validate_python(view.params)
        owner = self.store.owner_of(job_id)
        found = self.store.file(params.file_id, owner)
        if found is None or not found[1].exists():
            self.store.update(job_id, status="failed", stage="failed",
                              error=f"no such file {params.file_id!r}")  # fmt: skip
            return
        self.store.update(job_id, status="running", stage="starting", progress=0.0,
                          attempts=view.attempts + 1)  # fmt: skip

        def progress(stage: str, done: float) -> None:
            self.store.update(job_id, stage=stage, progress=max(0.0, min(1.0, done)))

        try:
            data, page = await self.run(params, found[1], found[0].name, progress)
        except ExplainerError as exc:  # decided by the use case: the reason is the user's
            self.store.update(job_id, status="failed", stage="failed", error=str(exc))
            return
        except Exception:
            incident = uuid.uuid4().hex[:12]
            log.exception("job %s failed (incident %s)", job_id, incident)
            self.store.update(job_id, status="failed", stage="failed",
                              error=f"internal error (incident {incident}; the server log "
                              "has the details)")  # fmt: skip
            return
        self.store.result_path(job_id, "json").write_text(
            json.dumps(data, ensure_ascii=False), encoding="utf-8"
        )
        self.store.result_path(job_id, "html").write_text(page, encoding="utf-8")
        self.store.update(job_id, status="succeeded", stage="done", progress=1.0)


# --------------------------------------------------------------------------- the job kinds


def runner_for(llm: Callable[[], LLMProvider] | None) -> Runner:
    """The runner for both job kinds, through the same use cases as the CLI; ``llm``
    gives the explainer LLM for dataset summaries (None: no summaries)."""

    async def run(
        params: ExplainCsvJob | AuditJob,
        path: Path,
        name: str,
        progress: Callable[[str, float], None],
    ) -> tuple[dict[str, Any], str]:
        if isinstance(params, ExplainCsvJob):
            done = await explain_dataset(
                path, params.target, llm=llm if params.summary else None, label=name,
                allow_bad_rows=params.allow_bad_rows, seed=params.seed, progress=progress,
            )  # fmt: skip
            report = done.report
            page = await asyncio.to_thread(lambda: to_html(report, chart_svgs(report)))
            return to_json(report), page
        outcome = await audit_file(
            path,
            list(params.groups),
            label=name,
            progress=progress,
            outcome_labels=list(params.outcome_labels),
            reference_kind=params.reference_kind,
        )
        data = audit_json(outcome.result, outcome.sentences, outcome.ledger)
        return data, audit_html(outcome.result, data["narrative"], name)

    return run


# --------------------------------------------------------------------------- follow-ups


class FollowUps:
    """Follow-up questions about explained datasets (as ``explain-csv --chat``): each
    question becomes a structured query the code runs over all rows, never SQL from the
    LLM; the answer is verified against the query's result. The last ``size`` datasets
    asked about stay loaded."""

    def __init__(self, store: JobStore, llm: Callable[[], Any] | None, size: int = 2):
        self.store, self.llm, self.size = store, llm, size
        self._open: dict[str, tuple[DatasetChat, asyncio.Lock]] = {}
        self._opening: dict[str, asyncio.Lock] = {}

    async def ask(
        self, job_id: str, params: ExplainCsvJob, path: Path, question: str
    ) -> tuple[Answer, list[Evidence]]:
        """The answer and the evidence records it rests on. Questions about one dataset
        take turns; the first ones to arrive load it once between them (single flight)."""
        while True:
            async with self._opening.setdefault(job_id, asyncio.Lock()):
                if job_id not in self._open:
                    llm = self.llm() if self.llm is not None and params.summary else None
                    chat = await open_dataset_chat(
                        path, self.store.result_path(job_id, "json"),
                        allow_bad_rows=params.allow_bad_rows, llm=llm,
                    )  # fmt: skip
                    self._open[job_id] = (chat, asyncio.Lock())
                    await self._evict()
                chat, lock = self._open[job_id]
            async with lock:
                if self._open.get(job_id, (None,))[0] is not chat:
                    continue  # evicted (and closed) while this question waited: reopen
                answer = await chat.ask(question)
                return answer, [chat.ledger.get(i) for i in answer.evidence]

    async def _evict(self) -> None:
        """Close the datasets opened longest ago, beyond ``size``."""
        while len(self._open) > self.size:
            oldest = next(iter(self._open))
            old, lock = self._open.pop(oldest)
            async with lock:
                old.ds.close()

    def close(self) -> None:
        for chat, _ in self._open.values():
            chat.ds.close()
        self._open.clear()

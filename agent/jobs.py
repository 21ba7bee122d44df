"""Uploaded files and background jobs of the HTTP service, persisted in SQLite.

A job explains an uploaded dataset (``explain_csv``) or audits an uploaded file of another
model's outputs (``audit``). Jobs run one at a time per worker in the service's event loop
(the heavy, synchronous part in a thread), report their stage and progress as they go,
and keep their results on disk next to the database.

Restarts: a job that was queued or running when the process stopped is found on the next
start. It is run again from the start (the analyses are deterministic given their seed)
unless its upload is gone or it has already been interrupted ``max_attempts`` times; then
it is marked failed with that reason. No job is ever left "running" by a dead process.

Uploaded files are stored under names the service makes up (``<id>.<ext>``); the name a
user sent is kept only as a label. No endpoint takes a file path.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

log = logging.getLogger(__name__)

Purpose = Literal["dataset", "audit"]
Status = Literal["queued", "running", "succeeded", "failed"]

#: Suffixes accepted per purpose (the stored file keeps the suffix; readers key on it).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "dataset": (".csv", ".tsv", ".txt", ".parquet"),
    "audit": (".jsonl", ".csv"),
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    stored TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    params TEXT NOT NULL,
    status TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT '',
    progress REAL NOT NULL DEFAULT 0,
    error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs(status, created_at);
"""


class StoredFile(BaseModel):
    id: str
    name: str = Field(description="The name the uploader gave (a label only).")
    purpose: Purpose
    bytes: int
    created_at: float


class ExplainCsvJob(BaseModel):
    """Explain an uploaded dataset (as ``explainer explain-csv``)."""

    kind: Literal["explain_csv"]
    file_id: str = Field(min_length=1, max_length=64)
    target: str | None = Field(default=None, max_length=1000, description="Column to explain.")
    summary: bool = Field(default=True, description="Let the explainer LLM add a summary.")
    allow_bad_rows: bool = False
    seed: int = Field(default=0, ge=0, le=2**31 - 1)


class AuditJob(BaseModel):
    """Audit an uploaded file of another model's outputs (as ``explainer audit``)."""

    kind: Literal["audit"]
    file_id: str = Field(min_length=1, max_length=64)
    groups: list[Annotated[str, Field(min_length=1, max_length=1000)]] = Field(
        default_factory=list, max_length=20, description="Columns that name each item's group."
    )


JobParams = Annotated[ExplainCsvJob | AuditJob, Field(discriminator="kind")]


class JobView(BaseModel):
    id: str
    kind: str
    status: Status
    stage: str
    progress: float = Field(description="0 to 1.")
    error: str | None
    attempts: int = Field(description="Times the job was started (more after restarts).")
    params: dict[str, Any]
    created_at: float
    updated_at: float


class JobStore:
    """Files and jobs of all tenants, in one SQLite file; results in ``results/``."""

    def __init__(self, root: Path, *, max_attempts: int = 2):
        self.root = Path(root)
        self.uploads = self.root / "uploads"
        self.results = self.root / "results"
        for folder in (self.uploads, self.results):
            folder.mkdir(parents=True, exist_ok=True)
        self.max_attempts = max_attempts
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            self.root / "jobs.sqlite", check_same_thread=False, isolation_level=None
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    # ----------------------------------------------------------------- files

    def new_upload(self, suffix: str) -> tuple[str, Path]:
        """An id and the path its bytes go to (made up here, never from the user)."""
        file_id = "file-" + uuid.uuid4().hex
        return file_id, self.uploads / f"{file_id}{suffix}"

    def add_file(
        self, file_id: str, owner: str, name: str, purpose: str, size: int, stored: Path
    ) -> StoredFile:
        now = time.time()
        self._run(
            "INSERT INTO files (id, owner, name, purpose, bytes, stored, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (file_id, owner, name, purpose, size, stored.name, now),
        )
        return StoredFile(id=file_id, name=name, purpose=purpose, bytes=size, created_at=now)

    def file(self, file_id: str, owner: str) -> tuple[StoredFile, Path] | None:
        rows = self._run(
            "SELECT id, name, purpose, bytes, created_at, stored FROM files "
            "WHERE id = ? AND owner = ?",
            (file_id, owner),
        )
        if not rows:
            return None
        fid, name, purpose, size, created, stored = rows[0]
        record = StoredFile(id=fid, name=name, purpose=purpose, bytes=size, created_at=created)
        return record, self.uploads / stored

    def files(self, owner: str, limit: int = 200) -> list[StoredFile]:
        rows = self._run(
            "SELECT id, name, purpose, bytes, created_at FROM files WHERE owner = ? "
            "ORDER BY created_at DESC LIMIT ?",
            (owner, limit),
        )
        return [StoredFile(id=i, name=n, purpose=p, bytes=b, created_at=c)
                for i, n, p, b, c in rows]  # fmt: skip

    def delete_file(self, file_id: str) -> None:
        """The file's row and bytes (jobs that still need it fail with "no such file")."""
        rows = self._run("SELECT stored FROM files WHERE id = ?", (file_id,))
        self._run("DELETE FROM files WHERE id = ?", (file_id,))
        if rows:
            (self.uploads / rows[0][0]).unlink(missing_ok=True)

    # ----------------------------------------------------------------- jobs

    def create_job(self, owner: str, params: ExplainCsvJob | AuditJob) -> JobView:
        job_id = "job-" + uuid.uuid4().hex
        now = time.time()
        self._run(
            "INSERT INTO jobs (id, owner, kind, params, status, stage, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'queued', 'queued', ?, ?)",
            (job_id, owner, params.kind, params.model_dump_json(), now, now),
        )
        view = self.job(job_id, owner)
        assert view is not None
        return view

    _COLUMNS = "id, kind, status, stage, progress, error, attempts, params, created_at, updated_at"

    def _view(self, row: tuple[Any, ...]) -> JobView:
        keys = [c.strip() for c in self._COLUMNS.split(",")]
        data = dict(zip(keys, row, strict=True))
        data["params"] = json.loads(data["params"])
        return JobView.model_validate(data)

    def job(self, job_id: str, owner: str | None) -> JobView | None:
        """The job, if it exists and belongs to ``owner`` (None: any owner)."""
        rows = self._run(
            f"SELECT {self._COLUMNS} FROM jobs WHERE id = ? AND (? IS NULL OR owner = ?)",
            (job_id, owner, owner),
        )
        return self._view(rows[0]) if rows else None

    def jobs(self, owner: str, limit: int = 100) -> list[JobView]:
        rows = self._run(
            f"SELECT {self._COLUMNS} FROM jobs WHERE owner = ? ORDER BY created_at DESC LIMIT ?",
            (owner, limit),
        )
        return [self._view(r) for r in rows]

    def delete_job(self, job_id: str) -> None:
        """The job and its results (the caller makes sure it is not running)."""
        self._run("DELETE FROM jobs WHERE id = ?", (job_id,))
        for fmt in ("json", "html"):
            self.result_path(job_id, fmt).unlink(missing_ok=True)

    def owner_of(self, job_id: str) -> str:
        return str(self._run("SELECT owner FROM jobs WHERE id = ?", (job_id,))[0][0])

    def update(self, job_id: str, **fields: Any) -> None:
        sets = ", ".join(f"{k} = ?" for k in fields)
        self._run(
            f"UPDATE jobs SET {sets}, updated_at = ? WHERE id = ?",
            (*fields.values(), time.time(), job_id),
        )

    def in_flight(self, owner: str) -> int:
        """The tenant's jobs queued or running."""
        rows = self._run(
            "SELECT COUNT(*) FROM jobs WHERE owner = ? AND status IN ('queued', 'running')",
            (owner,),
        )
        return int(rows[0][0])

    def counts(self) -> dict[str, int]:
        return {s: n for s, n in self._run("SELECT status, COUNT(*) FROM jobs GROUP BY status")}

    def pending(self) -> list[str]:
        rows = self._run("SELECT id FROM jobs WHERE status = 'queued' ORDER BY created_at")
        return [r[0] for r in rows]

    def recover(self) -> list[str]:
        """After a restart: jobs a dead process left queued or running are queued again,
        or failed with the reason when they cannot be. Returns the ids queued."""
        rows = self._run(
            "SELECT id, owner, status, attempts, params FROM jobs "
            "WHERE status IN ('queued', 'running') ORDER BY created_at"
        )
        queued = []
        for job_id, owner, status, attempts, params in rows:
            if status == "queued":
                queued.append(job_id)
                continue
            found = self.file(json.loads(params)["file_id"], owner)
            if found is None or not found[1].exists():
                error = "the service restarted during the job and its upload is gone"
                self.update(job_id, status="failed", stage="failed", error=error)
            elif attempts >= self.max_attempts:
                error = f"the service restarted during the job {attempts} times; not tried again"
                self.update(job_id, status="failed", stage="failed", error=error)
            else:
                stage = f"queued again: the service restarted during attempt {attempts}"
                self.update(job_id, status="queued", progress=0.0, stage=stage)
                queued.append(job_id)
        return queued

    def result_path(self, job_id: str, fmt: Literal["json", "html"]) -> Path:
        return self.results / f"{job_id}.{fmt}"


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

        from tools.errors import ToolInputError

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
        except (ToolInputError, ValueError) as exc:
            self.store.update(job_id, status="failed", stage="failed", error=str(exc))
            return
        except Exception as exc:
            log.exception("job %s failed", job_id)
            self.store.update(job_id, status="failed", stage="failed",
                              error=f"internal error: {type(exc).__name__}: {exc}")  # fmt: skip
            return
        self.store.result_path(job_id, "json").write_text(
            json.dumps(data, ensure_ascii=False), encoding="utf-8"
        )
        self.store.result_path(job_id, "html").write_text(page, encoding="utf-8")
        self.store.update(job_id, status="succeeded", stage="done", progress=1.0)


# --------------------------------------------------------------------------- the job kinds


def runner_for(llm: Callable[[], Any] | None) -> Runner:
    """The runner for both job kinds; ``llm`` gives the explainer LLM for dataset
    summaries (None: no summaries)."""

    async def run(
        params: ExplainCsvJob | AuditJob,
        path: Path,
        name: str,
        progress: Callable[[str, float], None],
    ) -> tuple[dict[str, Any], str]:
        if isinstance(params, ExplainCsvJob):
            return await _explain_csv(params, path, name, progress, llm if params.summary else None)
        return await asyncio.to_thread(_audit, params, path, name, progress)

    return run


async def _explain_csv(
    params: ExplainCsvJob,
    path: Path,
    name: str,
    progress: Callable[[str, float], None],
    llm: Callable[[], Any] | None,
) -> tuple[dict[str, Any], str]:
    from agent.dataset_report import (
        build_ledger,
        chart_svgs,
        llm_summary,
        make_report,
        to_html,
        to_json,
    )
    from agent.errors import ExplainerError
    from tools.dataset.analyse import analyse

    def work() -> Any:
        findings, _ = analyse(
            path,
            params.target,
            allow_bad_rows=params.allow_bad_rows,
            seed=params.seed,
            progress=lambda step, done: progress(step, 0.9 * done),
        )
        findings.file = name
        return findings

    findings = await asyncio.to_thread(work)
    ledger = build_ledger(findings)
    summary = ""
    if llm is not None:
        progress("the explainer LLM is summarising the evidence", 0.9)
        try:
            summary = await llm_summary(llm(), findings, ledger)
        except ExplainerError as exc:
            findings.notes.append(f"no LLM summary: {exc}")
    progress("writing the report", 0.95)
    report = make_report(findings, summary_text=summary, ledger=ledger)
    page = await asyncio.to_thread(lambda: to_html(report, chart_svgs(report)))
    return to_json(report), page


def _audit(
    params: AuditJob, path: Path, name: str, progress: Callable[[str, float], None]
) -> tuple[dict[str, Any], str]:
    from agent.audit_report import narrate, to_html, to_json
    from tools.audit.checks import audit
    from tools.audit.load import iter_items

    with path.open("rb") as fh:
        total = max(1, sum(1 for _ in fh))
    done = 0

    def seen(_: Any) -> None:
        nonlocal done
        done += 1
        if done % 500 == 0:
            progress(f"checked {done} items", done / total)

    progress("checking items", 0.0)
    result = audit(iter_items(path, list(params.groups)), on_verdict=seen)
    _, sentences = narrate(result, name, list(params.groups))
    data = to_json(result, sentences)
    return data, to_html(result, data["narrative"], name)


# --------------------------------------------------------------------------- follow-ups


class FollowUps:
    """Follow-up questions about explained datasets (as ``explain-csv --chat``): each
    question becomes a structured query the code runs over all rows, never SQL from the
    LLM; the answer is verified against the query's result. The last ``size`` datasets
    asked about stay loaded."""

    def __init__(self, store: JobStore, llm: Callable[[], Any] | None, size: int = 2):
        self.store, self.llm, self.size = store, llm, size
        self._open: dict[str, tuple[Any, asyncio.Lock]] = {}

    async def ask(
        self, job_id: str, params: ExplainCsvJob, path: Path, question: str
    ) -> tuple[Any, list[Any]]:
        """The answer and the evidence records it rests on."""
        from agent.dataset_chat import DatasetChat
        from agent.dataset_report import build_ledger
        from tools.dataset.analyse import Findings
        from tools.dataset.load import load_dataset

        if job_id not in self._open:
            data = json.loads(self.store.result_path(job_id, "json").read_text("utf-8"))
            findings = Findings.model_validate(data)
            ledger = build_ledger(findings)  # the same records, the same ids
            ds = await asyncio.to_thread(load_dataset, path, allow_bad_rows=params.allow_bad_rows)
            llm = self.llm() if self.llm is not None and params.summary else None
            self._open[job_id] = (DatasetChat(llm, ds, findings, ledger), asyncio.Lock())
            while len(self._open) > self.size:
                oldest = next(iter(self._open))
                chat, lock = self._open.pop(oldest)
                async with lock:
                    chat.ds.close()
        chat, lock = self._open[job_id]
        async with lock:
            answer = await chat.ask(question)
            return answer, [chat.ledger.get(i) for i in answer.evidence]

    def close(self) -> None:
        for chat, _ in self._open.values():
            chat.ds.close()
        self._open.clear()

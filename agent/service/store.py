"""Uploaded files and background jobs of the HTTP service, persisted in SQLite: the
store (rows, upload and result paths, restart recovery). The workers that run the jobs
are :mod:`agent.service.runner`.

A job explains an uploaded dataset (``explain_csv``) or audits an uploaded file of another
model's outputs (``audit``), reports its stage and progress as it goes, and keeps its
results on disk next to the database.

Restarts: a job that was queued or running when the process stopped is found on the next
start. It is run again from the start (the analyses are deterministic given their seed)
unless its upload is gone or it has already been interrupted ``max_attempts`` times; then
it is marked failed with that reason. No job is ever left "running" by a dead process.

Uploaded files are stored under names the service makes up (``<id>.<ext>``); the name a
user sent is kept only as a label. No endpoint takes a file path.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import uuid
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
    outcome_labels: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=20,
        description="The outcomes an output can state (e.g. yes, no): their rates by group.",
    )  # fmt: skip
    reference_kind: Literal["context", "facts", "answers"] | None = Field(
        default=None,
        description="What the references are: context (the output must stay within it), "
        "facts (extra true detail is fine) or answers (it must give one); None: from each "
        "item's reference_kind column or its shape.",
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

    # ----------------------------------------------------------------- housekeeping

    def usage(self, owner: str) -> int:
        """Bytes the tenant's uploads and job results take on disk."""
        (files,) = self._run("SELECT coalesce(sum(bytes), 0) FROM files WHERE owner = ?",
                             (owner,))[0]  # fmt: skip
        jobs = [r[0] for r in self._run("SELECT id FROM jobs WHERE owner = ?", (owner,))]
        paths = [self.results / f"{j}.{fmt}" for j in jobs for fmt in ("json", "html")]
        results = sum(p.stat().st_size for p in paths if p.exists())
        return int(files) + results

    def expire(self, before: float) -> tuple[int, int]:
        """Delete uploads made, and finished jobs (with their results) last touched,
        before ``before`` (a timestamp); (files, jobs) deleted. Queued and running jobs
        stay."""
        files = [r[0] for r in self._run("SELECT id FROM files WHERE created_at < ?", (before,))]
        jobs = [r[0] for r in self._run(
            "SELECT id FROM jobs WHERE updated_at < ? AND status NOT IN ('queued', 'running')",
            (before,))]  # fmt: skip
        for file_id in files:
            self.delete_file(file_id)
        for job_id in jobs:
            self.delete_job(job_id)
        return len(files), len(jobs)

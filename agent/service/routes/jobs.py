"""Files and jobs: upload (raw body, size-limited while it streams), list, delete;
start an ``explain_csv`` or ``audit`` job, poll it, fetch its JSON result or HTML report;
ask follow-up questions about an explained dataset."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from pydantic import BaseModel, Field

from agent.errors import ExplainerError
from agent.service.deps import Owner, Services, Svc, problem
from agent.service.middleware import MB
from agent.service.store import SUFFIXES, ExplainCsvJob, JobParams, JobView, StoredFile

router = APIRouter()

_RAW_BODY = {
    "required": True,
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
}


class Question(BaseModel):
    question: str = Field(min_length=1, max_length=2000)


def _label(filename: str) -> str:
    """The uploader's file name as a label: last path part, printable, at most 200 chars."""
    name = re.split(r"[\\/]", filename)[-1]
    return "".join(ch for ch in name if ch.isprintable())[:200] or "upload"


def _too_big(limit: int) -> str:
    return f"the upload is larger than the limit of {limit / MB:g} MB (EXPLAINER_MAX_UPLOAD_MB)"


@router.post("/v1/files", status_code=201, openapi_extra={"requestBody": _RAW_BODY})
async def upload(
    request: Request,
    purpose: Annotated[Literal["dataset", "audit"], Query()],
    filename: Annotated[
        str, Query(min_length=1, max_length=255, pattern=r"\.(csv|tsv|txt|parquet|jsonl)$")
    ],
    owner: Owner,
    s: Svc,
) -> StoredFile:
    """Upload a file as the raw request body (``curl --data-binary @FILE``). Datasets:
    .csv, .tsv, .txt, .parquet; audits: .jsonl, .csv. The name is a label only."""
    label = _label(filename)
    suffix = Path(label).suffix.lower()
    if suffix not in SUFFIXES[purpose]:
        raise HTTPException(
            status_code=400,
            detail=f"a {purpose} file must end in {', '.join(SUFFIXES[purpose])}",
        )
    limit = s.max_upload_bytes
    room = s.room(owner)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(status_code=413, detail=_too_big(limit))
    if room is not None and (room == 0 or (declared.isdigit() and int(declared) > room)):
        raise s.quota_full(owner)
    file_id, path = s.jobs().new_upload(suffix)
    size = 0
    try:
        with path.open("wb") as fh:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HTTPException(status_code=413, detail=_too_big(limit))
                if room is not None and size > room:
                    raise s.quota_full(owner)
                fh.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    if size == 0:
        path.unlink(missing_ok=True)
        raise HTTPException(status_code=400, detail="the upload is empty")
    s.metrics.upload_bytes.inc(size)
    return s.jobs().add_file(file_id, owner, label, purpose, size, path)


@router.get("/v1/files")
async def list_files(owner: Owner, s: Svc) -> list[StoredFile]:
    return s.jobs().files(owner)


@router.delete("/v1/files/{file_id}", status_code=204)
async def delete_file(file_id: str, owner: Owner, s: Svc) -> Response:
    """Delete the upload (its bytes too); jobs already done keep their results."""
    if s.jobs().file(file_id, owner) is None:
        raise HTTPException(status_code=404, detail="no such file")
    s.jobs().delete_file(file_id)
    return Response(status_code=204)


@router.post("/v1/jobs", status_code=202)
async def new_job(
    params: Annotated[JobParams, Body()],
    owner: Owner,
    s: Svc,
) -> JobView:
    """Start explaining (``explain_csv``) or auditing (``audit``) an uploaded file;
    poll ``GET /v1/jobs/{id}`` for stage and progress."""
    found = s.jobs().file(params.file_id, owner)
    if found is None:
        raise HTTPException(status_code=404, detail="no such file")
    wanted = "dataset" if params.kind == "explain_csv" else "audit"
    if found[0].purpose != wanted:
        raise HTTPException(
            status_code=400, detail=f"{params.kind} needs a file uploaded as {wanted!r}"
        )
    if s.room(owner) == 0:
        raise s.quota_full(owner)
    if s.jobs().in_flight(owner) >= s.max_jobs_in_flight:
        raise HTTPException(
            status_code=429,
            detail=f"{s.max_jobs_in_flight} jobs of yours are queued or running; "
            "wait for one to finish",
            headers={"Retry-After": "10"},
        )
    view = s.jobs().create_job(owner, params)
    s.runner().submit(view.id)
    return view


@router.get("/v1/jobs")
async def list_jobs(owner: Owner, s: Svc) -> list[JobView]:
    return s.jobs().jobs(owner)


@router.get("/v1/jobs/{job_id}")
async def get_job(job_id: str, owner: Owner, s: Svc) -> JobView:
    return s.job_of(job_id, owner)


@router.delete("/v1/jobs/{job_id}", status_code=204)
async def delete_job(job_id: str, owner: Owner, s: Svc) -> Response:
    """Delete a finished or queued job and its results (a running one: 409)."""
    if s.job_of(job_id, owner).status == "running":
        raise HTTPException(status_code=409, detail="the job is running; delete it after")
    s.jobs().delete_job(job_id)
    return Response(status_code=204)


@router.post("/v1/jobs/{job_id}/ask")
async def ask_dataset(job_id: str, body: Question, owner: Owner, s: Svc) -> dict[str, Any]:
    """A follow-up question about an explained dataset ("survival rate by class?",
    "average age by sex?"): the code runs a structured query over all rows (never SQL
    from the LLM); the answer is verified against its result, evidence attached."""
    view = s.job_of(job_id, owner)
    if view.kind != "explain_csv" or view.status != "succeeded":
        raise HTTPException(status_code=409, detail="ask about a succeeded explain_csv job")
    params = ExplainCsvJob.model_validate(view.params)
    found = s.jobs().file(params.file_id, owner)
    if found is None or not found[1].exists():
        raise HTTPException(status_code=409, detail="the job's upload was deleted")
    try:
        answer, records = await s.follow_ups().ask(job_id, params, found[1], body.question)
    except ExplainerError as exc:
        raise problem(exc) from None
    v = answer.verification
    return {
        "answer": answer.text,
        "query": answer.query.model_dump(mode="json") if answer.query else None,
        "grounding_rate": v.grounding_rate if v else None,
        "templated": v.templated if v else None,
        "sentences": [c.model_dump(mode="json") for c in v.sentences] if v else [],
        "evidence": [r.model_dump(mode="json") for r in records],
        "notes": answer.notes,
    }


def _result_file(s: Services, job_id: str, owner: str, fmt: Literal["json", "html"]) -> Path:
    view = s.job_of(job_id, owner)
    if view.status != "succeeded":
        raise HTTPException(
            status_code=409,
            detail=f"the job is {view.status}" + (f": {view.error}" if view.error else ""),
        )
    return s.jobs().result_path(job_id, fmt)


@router.get("/v1/jobs/{job_id}/result", response_model=None)
async def get_result(job_id: str, owner: Owner, s: Svc) -> Any:
    """The job's findings as JSON (the ``--json`` output of the CLI command)."""
    return FileResponse(_result_file(s, job_id, owner, "json"), media_type="application/json")


@router.get("/v1/jobs/{job_id}/report", response_class=HTMLResponse)
async def get_report(job_id: str, owner: Owner, s: Svc) -> Any:
    """The job's self-contained HTML report."""
    return FileResponse(
        _result_file(s, job_id, owner, "html"),
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": "default-src 'none'; img-src data:; "
                 "style-src 'unsafe-inline'"},
    )  # fmt: skip

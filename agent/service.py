"""The HTTP service (``explainer serve``): sessions, streaming messages, evidence, uploads
and background jobs, an OpenAI-compatible chat facade, metrics, and the browser page.

Endpoints (all under bearer auth when a token is set, except ``/healthz`` and the page
itself, which holds no data):

- ``POST /v1/chat/completions``: any OpenAI client chats with the explainer. The first
  user message is the input to explain and the last one the question (a single message is
  both); ``model`` names the target (``explainer`` or empty: the default). The reply is
  the verified answer; ``evidence``, ``grounding_rate`` and ``session`` ride along as
  extra fields. With ``stream: true`` the verified answer comes as server-sent chunks.
- ``POST /v1/sessions``, ``POST|GET /v1/sessions/{id}/messages`` (``stream: true`` gives
  server-sent events: ``stage``, ``delta``, then ``done`` with the whole turn),
  ``GET /v1/sessions/{id}/evidence``.
- ``POST /v1/files?purpose=dataset|audit&filename=NAME`` with the file as the raw body
  (size-limited: 413), ``POST /v1/jobs`` (``explain_csv`` or ``audit`` of an uploaded
  file), ``GET /v1/jobs``, ``GET /v1/jobs/{id}``, ``GET /v1/jobs/{id}/result`` (JSON) and
  ``/report`` (HTML).
- ``GET /metrics`` (Prometheus), ``GET /healthz``, ``GET /openapi.json``, ``GET /`` (page).

Tenancy: every token is a tenant (``EXPLAINER_API_TOKEN`` may list several, comma-
separated). Sessions, files and jobs belong to the tenant that made them; another
tenant's id is answered 404, the same as an id that does not exist.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from pydantic import BaseModel, Field

from agent import render
from agent.errors import BackendUnavailableError, BadInputError, ExplainerError, LLMTimeoutError
from agent.jobs import (
    SUFFIXES,
    ExplainCsvJob,
    FollowUps,
    JobParams,
    JobRunner,
    JobStore,
    JobView,
    StoredFile,
    runner_for,
)
from agent.loop import Agent, TurnResult
from tools.models import DEFAULT_TARGET, registered_targets

MB = 1024 * 1024


class ChatMessage(BaseModel):
    role: str = Field(max_length=32)
    content: str | None = Field(default=None, max_length=20_000)


class ChatRequest(BaseModel):
    model: str = Field(default="explainer", max_length=200)
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False
    max_tokens: int | None = None
    temperature: float | None = None


class NewSession(BaseModel):
    text: str | None = Field(default=None, max_length=20_000, description="Input to explain.")
    model: str = Field(default="explainer", max_length=200, description="Target model.")


class NewMessage(BaseModel):
    content: str = Field(min_length=1, max_length=20_000)
    stream: bool = Field(default=False, description="Server-sent events instead of JSON.")


class Question(BaseModel):
    question: str = Field(min_length=1, max_length=2000)


class _TooLarge(BaseException):  # not Exception: body parsers must not swallow it
    pass


class BodyLimit:
    """413 for request bodies over ``limit`` bytes (JSON endpoints), from Content-Length
    or while the body streams in, before anything parses it. Uploads (``/v1/files``)
    have their own, larger limit."""

    def __init__(self, app: Any, limit: int, exempt: tuple[str, ...] = ("/v1/files",)):
        self.app, self.limit, self.exempt = app, limit, exempt

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def limited() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def watched(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Any) -> None:
        body = json.dumps({"detail": f"the request body is larger than {self.limit // MB} MB"})
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json")]})  # fmt: skip
        await send({"type": "http.response.body", "body": body.encode()})


class Metrics:
    """The service's Prometheus metrics, in a registry of its own (one per app)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("explainer_http_requests", "HTTP requests.",
                                ["method", "route", "status"], registry=r)  # fmt: skip
        self.latency = Histogram("explainer_http_request_seconds", "Time to response headers.",
                                 ["route"], registry=r)  # fmt: skip
        self.turns = Counter("explainer_turns", "Answered turns.", ["routed_by"], registry=r)
        self.grounding = Histogram("explainer_turn_grounding_rate",
                                   "Share of the LLM's claims the verifier supported.",
                                   buckets=(0, 0.25, 0.5, 0.75, 0.99, 1.0), registry=r)  # fmt: skip
        self.turn_seconds = Histogram("explainer_turn_seconds", "Time inside a turn, by part.",
                                      ["part"], registry=r)  # fmt: skip
        self.upload_bytes = Counter("explainer_upload_bytes", "Bytes uploaded.", registry=r)
        self.jobs = Gauge("explainer_jobs", "Jobs by status.", ["status"], registry=r)

    def turn(self, result: TurnResult) -> None:
        self.turns.labels(result.plan.routed_by).inc()
        self.grounding.observe(result.verification.grounding_rate)
        t = result.timings
        for part, seconds in (("llm", t.llm_seconds), ("tool", t.tool_seconds),
                              ("total", t.total_seconds)):  # fmt: skip
            self.turn_seconds.labels(part).observe(seconds)


def _sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _label(filename: str) -> str:
    """The uploader's file name as a label: last path part, printable, at most 200 chars."""
    name = re.split(r"[\\/]", filename)[-1]
    return "".join(ch for ch in name if ch.isprintable())[:200] or "upload"


def create_app(
    make_agent: Callable[[], Agent],
    token: str | None = None,
    *,
    data_dir: Path | None = None,
    max_upload_bytes: int = 200 * MB,
    max_json_bytes: int = 4 * MB,
    job_workers: int = 1,
    max_jobs_in_flight: int = 8,
    targets: list[str] | None = None,
) -> FastAPI:
    """The ASGI app.

    Args:
        make_agent: Gives the agent that answers (called once, on first use).
        token: Bearer token(s), comma-separated; each is a tenant. None: no auth (loopback).
        data_dir: Where uploads, job results and the job database live (default: next to
            the agent's session database).
        max_upload_bytes: Larger uploads are refused with 413.
        max_json_bytes: Larger bodies of the other endpoints are refused with 413.
        job_workers: Jobs run at the same time.
        max_jobs_in_flight: Queued or running jobs one tenant may have (429 beyond).
        targets: Target model names clients may ask for (default: ``smollm2`` and every
            registered target). Clients never name files.
    """
    tokens = [t.strip() for t in (token or "").split(",") if t.strip()] or None
    state: dict[str, Any] = {}
    metrics = Metrics()

    def agent() -> Agent:
        if "agent" not in state:
            state["agent"] = make_agent()
        return state["agent"]  # type: ignore[no-any-return]

    def jobs() -> JobStore:
        if "jobs" not in state:
            root = data_dir or agent().store.path.parent / "service"
            state["jobs"] = JobStore(root)
        return state["jobs"]  # type: ignore[no-any-return]

    def runner() -> JobRunner:
        """The job workers, started in the running event loop on first use (at startup
        under a server; on the first job in tests that skip the lifespan)."""
        if "runner" not in state:
            state["runner"] = JobRunner(jobs(), runner_for(lambda: agent().llm),
                                        workers=job_workers)  # fmt: skip
            state["runner"].start()
        return state["runner"]  # type: ignore[no-any-return]

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        runner()  # resumes, or fails with the reason, the jobs a dead process left
        try:
            yield
        finally:
            await state.pop("runner").stop()
            if "follow_ups" in state:
                state.pop("follow_ups").close()

    app = FastAPI(
        title="Explainer",
        version="0.1.0",
        summary="Explanations whose every sentence is checked against evidence computed by code.",
        lifespan=lifespan,
    )

    app.add_middleware(BodyLimit, limit=max_json_bytes)

    @app.middleware("http")
    async def count(request: Request, call_next: Any) -> Response:
        started = time.perf_counter()
        response: Response = await call_next(request)
        route = getattr(request.scope.get("route"), "path", "unmatched")
        metrics.requests.labels(request.method, route, str(response.status_code)).inc()
        metrics.latency.labels(route).observe(time.perf_counter() - started)
        return response

    def authorised(request: Request) -> str:
        """The caller's tenant (a hash of its token); 401 without a known token."""
        if tokens is None:
            return "api:local"
        header = request.headers.get("authorization", "")
        given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
        if not any(given and secrets.compare_digest(given, t) for t in tokens):
            raise HTTPException(
                status_code=401,
                detail="missing or wrong bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return "api:" + hashlib.sha256(given.encode()).hexdigest()[:16]

    def owned(session_id: str, owner: str) -> None:
        if not agent().store.exists(session_id, owner):
            raise HTTPException(status_code=404, detail="no such session")

    def served() -> list[str]:
        return targets if targets is not None else [DEFAULT_TARGET, *registered_targets()]

    def target(model: str) -> str:
        allowed = served()
        name = DEFAULT_TARGET if model in ("", "explainer") else model
        if name not in allowed:
            raise HTTPException(
                status_code=400,
                detail=f"unknown model {model!r}; available: explainer (= {DEFAULT_TARGET}), "
                + ", ".join(sorted(set(allowed))),
            )
        return name

    # ------------------------------------------------------------------ sessions

    @app.post("/v1/sessions", status_code=201)
    async def new_session(body: NewSession, owner: str = Depends(authorised)) -> dict[str, str]:
        """A new conversation; with ``text``, the input it explains."""
        a = agent()
        model = target(body.model)
        session = a.store.create(owner=owner, title=(body.text or "")[:80])
        if body.text:
            try:
                a.set_input(session, body.text, model=model)
            except ExplainerError as exc:
                raise HTTPException(status_code=_status(exc), detail=str(exc)) from None
        return {"id": session}

    async def answer(session_id: str, content: str, on_stage: Any = None) -> TurnResult:
        try:
            result = await agent().turn(session_id, content, on_stage=on_stage)
        except ExplainerError as exc:
            raise HTTPException(status_code=_status(exc), detail=str(exc)) from None
        metrics.turn(result)
        return result

    @app.post(
        "/v1/sessions/{session_id}/messages",
        response_model=None,
        responses={200: {"content": {"text/event-stream": {}}}},
    )
    async def post_message(
        session_id: str, body: NewMessage, owner: str = Depends(authorised)
    ) -> Any:
        """Ask in the session. The answer holds only verified sentences; with ``stream``,
        server-sent events: ``stage`` (routing, the tool, narrating, verifying), ``delta``
        (pieces of the verified answer), ``done`` (the whole turn) or ``error``."""
        owned(session_id, owner)
        if not body.stream:
            result = await answer(session_id, body.content)
            return JSONResponse(
                render.turn_json(result),
                headers={"Server-Timing": f"agent;dur={result.timings.total_seconds * 1000:.1f}"},
            )

        async def events() -> AsyncIterator[str]:
            stages: asyncio.Queue[str] = asyncio.Queue()
            task = asyncio.create_task(answer(session_id, body.content, stages.put_nowait))
            while not task.done() or not stages.empty():
                getter = asyncio.ensure_future(stages.get())
                await asyncio.wait({getter, task}, return_when=asyncio.FIRST_COMPLETED)
                if getter.done():
                    yield _sse("stage", {"stage": getter.result()})
                else:
                    getter.cancel()
            try:
                result = task.result()
            except HTTPException as exc:
                yield _sse("error", {"message": exc.detail, "status": exc.status_code})
                return
            for piece in _pieces(result.answer):
                yield _sse("delta", {"content": piece})
            yield _sse("done", render.turn_json(result))

        return StreamingResponse(events(), media_type="text/event-stream")

    @app.get("/v1/sessions")
    async def list_sessions(owner: str = Depends(authorised)) -> list[dict[str, Any]]:
        """The caller's sessions, newest first (id, title, created_at)."""
        return agent().store.listing(owner)

    @app.delete("/v1/sessions/{session_id}", status_code=204)
    async def delete_session(session_id: str, owner: str = Depends(authorised)) -> Response:
        """Forget the session: its messages and evidence."""
        owned(session_id, owner)
        agent().store.delete(session_id)
        return Response(status_code=204)

    @app.get("/v1/sessions/{session_id}/messages")
    async def get_messages(session_id: str, owner: str = Depends(authorised)) -> list[Any]:
        owned(session_id, owner)
        return [m.model_dump(mode="json") for m in agent().store.messages(session_id)]

    @app.get("/v1/sessions/{session_id}/evidence")
    async def get_evidence(session_id: str, owner: str = Depends(authorised)) -> list[Any]:
        """Every evidence record the session's tools computed (``E1``, ``E2``, …)."""
        owned(session_id, owner)
        return [e.model_dump(mode="json") for e in agent().store.ledger(session_id)]

    # ------------------------------------------------------------------ files and jobs

    @app.post(
        "/v1/files",
        status_code=201,
        openapi_extra={"requestBody": _RAW_BODY},
    )
    async def upload(
        request: Request,
        purpose: Annotated[Literal["dataset", "audit"], Query()],
        filename: Annotated[
            str, Query(min_length=1, max_length=255, pattern=r"\.(csv|tsv|txt|parquet|jsonl)$")
        ],
        owner: str = Depends(authorised),
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
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_upload_bytes:
            raise HTTPException(status_code=413, detail=_too_big(max_upload_bytes))
        file_id, path = jobs().new_upload(suffix)
        size = 0
        try:
            with path.open("wb") as fh:
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > max_upload_bytes:
                        raise HTTPException(status_code=413, detail=_too_big(max_upload_bytes))
                    fh.write(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        if size == 0:
            path.unlink(missing_ok=True)
            raise HTTPException(status_code=400, detail="the upload is empty")
        metrics.upload_bytes.inc(size)
        return jobs().add_file(file_id, owner, label, purpose, size, path)

    @app.get("/v1/files")
    async def list_files(owner: str = Depends(authorised)) -> list[StoredFile]:
        return jobs().files(owner)

    @app.delete("/v1/files/{file_id}", status_code=204)
    async def delete_file(file_id: str, owner: str = Depends(authorised)) -> Response:
        """Delete the upload (its bytes too); jobs already done keep their results."""
        if jobs().file(file_id, owner) is None:
            raise HTTPException(status_code=404, detail="no such file")
        jobs().delete_file(file_id)
        return Response(status_code=204)

    @app.post("/v1/jobs", status_code=202)
    async def new_job(
        params: Annotated[JobParams, Body()], owner: str = Depends(authorised)
    ) -> JobView:
        """Start explaining (``explain_csv``) or auditing (``audit``) an uploaded file;
        poll ``GET /v1/jobs/{id}`` for stage and progress."""
        found = jobs().file(params.file_id, owner)
        if found is None:
            raise HTTPException(status_code=404, detail="no such file")
        wanted = "dataset" if params.kind == "explain_csv" else "audit"
        if found[0].purpose != wanted:
            raise HTTPException(
                status_code=400, detail=f"{params.kind} needs a file uploaded as {wanted!r}"
            )
        if jobs().in_flight(owner) >= max_jobs_in_flight:
            raise HTTPException(
                status_code=429,
                detail=f"{max_jobs_in_flight} jobs of yours are queued or running; "
                "wait for one to finish",
                headers={"Retry-After": "10"},
            )
        view = jobs().create_job(owner, params)
        runner().submit(view.id)
        return view

    @app.get("/v1/jobs")
    async def list_jobs(owner: str = Depends(authorised)) -> list[JobView]:
        return jobs().jobs(owner)

    def job_of(job_id: str, owner: str) -> JobView:
        view = jobs().job(job_id, owner)
        if view is None:
            raise HTTPException(status_code=404, detail="no such job")
        return view

    @app.get("/v1/jobs/{job_id}")
    async def get_job(job_id: str, owner: str = Depends(authorised)) -> JobView:
        return job_of(job_id, owner)

    @app.delete("/v1/jobs/{job_id}", status_code=204)
    async def delete_job(job_id: str, owner: str = Depends(authorised)) -> Response:
        """Delete a finished or queued job and its results (a running one: 409)."""
        if job_of(job_id, owner).status == "running":
            raise HTTPException(status_code=409, detail="the job is running; delete it after")
        jobs().delete_job(job_id)
        return Response(status_code=204)

    def follow_ups() -> FollowUps:
        if "follow_ups" not in state:
            state["follow_ups"] = FollowUps(jobs(), lambda: agent().llm)
        return state["follow_ups"]  # type: ignore[no-any-return]

    @app.post("/v1/jobs/{job_id}/ask")
    async def ask_dataset(
        job_id: str, body: Question, owner: str = Depends(authorised)
    ) -> dict[str, Any]:
        """A follow-up question about an explained dataset ("survival rate by class?",
        "average age by sex?"): the code runs a structured query over all rows (never SQL
        from the LLM); the answer is verified against its result, evidence attached."""
        view = job_of(job_id, owner)
        if view.kind != "explain_csv" or view.status != "succeeded":
            raise HTTPException(status_code=409,
                                detail="ask about a succeeded explain_csv job")  # fmt: skip
        params = ExplainCsvJob.model_validate(view.params)
        found = jobs().file(params.file_id, owner)
        if found is None or not found[1].exists():
            raise HTTPException(status_code=409, detail="the job's upload was deleted")
        try:
            answer, records = await follow_ups().ask(job_id, params, found[1], body.question)
        except ExplainerError as exc:
            raise HTTPException(status_code=_status(exc), detail=str(exc)) from None
        v = answer.verification
        return {
            "answer": answer.text,
            "query": answer.query.model_dump(mode="json") if answer.query else None,
            "grounding_rate": v.grounding_rate if v else None,
            "templated": v.templated if v else None,
            "sentences": [s.model_dump(mode="json") for s in v.sentences] if v else [],
            "evidence": [r.model_dump(mode="json") for r in records],
            "notes": answer.notes,
        }

    def result_file(job_id: str, owner: str, fmt: Literal["json", "html"]) -> Path:
        view = job_of(job_id, owner)
        if view.status != "succeeded":
            raise HTTPException(
                status_code=409,
                detail=f"the job is {view.status}" + (f": {view.error}" if view.error else ""),
            )
        return jobs().result_path(job_id, fmt)

    @app.get("/v1/jobs/{job_id}/result", response_model=None)
    async def get_result(job_id: str, owner: str = Depends(authorised)) -> Any:
        """The job's findings as JSON (the ``--json`` output of the CLI command)."""
        return FileResponse(result_file(job_id, owner, "json"), media_type="application/json")

    @app.get("/v1/jobs/{job_id}/report", response_class=HTMLResponse)
    async def get_report(job_id: str, owner: str = Depends(authorised)) -> Any:
        """The job's self-contained HTML report."""
        return FileResponse(
            result_file(job_id, owner, "html"),
            media_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": "default-src 'none'; img-src data:; "
                     "style-src 'unsafe-inline'"},
        )  # fmt: skip

    # ------------------------------------------------------------------ the rest

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/metrics", response_class=Response)
    async def get_metrics(_: str = Depends(authorised)) -> Response:
        """Prometheus metrics (requests, latency, turns, grounding rate, jobs)."""
        counts = jobs().counts()  # one query, not one per status
        for status in ("queued", "running", "succeeded", "failed"):
            metrics.jobs.labels(status).set(counts.get(status, 0))
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        """The browser page (it holds no data; its requests carry the token)."""
        return HTMLResponse(_static("index.html"), headers={"Content-Security-Policy": _PAGE_CSP})

    @app.get("/app.js", include_in_schema=False)
    async def page_script() -> Response:
        return Response(_static("app.js"), media_type="text/javascript; charset=utf-8")

    @app.get("/v1/models")
    async def models(_: str = Depends(authorised)) -> dict[str, Any]:
        """OpenAI-compatible model list (chat UIs ask it first): ``explainer`` (the default
        target) and every other served target."""
        names = ["explainer", *sorted(set(served()) - {DEFAULT_TARGET})]
        return {
            "object": "list",
            "data": [
                {"id": n, "object": "model", "created": 0, "owned_by": "explainer"} for n in names
            ],
        }

    @app.post("/v1/chat/completions", response_model=None)
    async def chat(body: ChatRequest, owner: str = Depends(authorised)) -> Any:
        """OpenAI-compatible chat: the first user message is the input to explain, the
        last one the question; the answer is verified, evidence attached."""
        users = [m.content or "" for m in body.messages if m.role == "user"]
        if not users or not users[0].strip():
            raise HTTPException(status_code=400, detail="no user message to explain")
        text, question = users[0], users[-1] if len(users) > 1 else ""
        model = target(body.model)
        a = agent()
        session = a.store.create(owner=owner, title=text[:80])
        try:
            result = await a.explain(session, text, model=model, question=question)
        except ExplainerError as exc:
            status = _status(exc)
            return JSONResponse(status_code=status, content={"error": {"message": str(exc)}})
        metrics.turn(result)
        extra = {
            "evidence": [e.model_dump(mode="json") for e in result.evidence],
            "grounding_rate": result.verification.grounding_rate,
            "session": session,
        }
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        created = int(time.time())
        if body.stream:
            return StreamingResponse(
                _chunks(completion_id, created, body.model, result.answer, extra),
                media_type="text/event-stream",
            )
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": body.model,
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": result.answer},
                }
            ],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            **extra,
        }

    return app


_RAW_BODY = {
    "required": True,
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
}

# The page runs its own script file only; reports open in a sandboxed frame (no scripts).
_PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'"
)


def _static(name: str) -> str:
    return resources.files("agent").joinpath("static", name).read_text("utf-8")


def _status(exc: ExplainerError) -> int:
    """The HTTP status of an error: the caller's input 400, an LLM that is down 503 (too
    slow 504), one whose output stays unusable 502."""
    if isinstance(exc, BadInputError):
        return 400
    if isinstance(exc, LLMTimeoutError):
        return 504
    if isinstance(exc, BackendUnavailableError):
        return 503
    return 502


def _too_big(limit: int) -> str:
    return f"the upload is larger than the limit of {limit / MB:g} MB (EXPLAINER_MAX_UPLOAD_MB)"


async def _chunks(
    completion_id: str, created: int, model: str, answer: str, extra: dict[str, Any]
) -> AsyncIterator[str]:
    def chunk(delta: dict[str, Any], finish: str | None, **more: Any) -> str:
        body = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **more,
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""}, None)
    for piece in _pieces(answer):
        yield chunk({"content": piece}, None)
    yield chunk({}, "stop", **extra)
    yield "data: [DONE]\n\n"


def _pieces(text: str, size: int = 40) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]

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

Tenancy: see :mod:`agent.service.deps`. The routes live in :mod:`agent.service.routes`
(one router per concern); this module only wires them, the middleware and the lifespan.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from agent.access import LoopbackGuard
from agent.chat.agent import Agent
from agent.service.deps import Services
from agent.service.middleware import MB, BodyLimit
from agent.service.routes import jobs, misc, openai, sessions, verify

log = logging.getLogger(__name__)


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
    allowed_hosts: tuple[str, ...] = (),
    retention_days: float = 0.0,
    tenant_quota_bytes: int | None = None,
    sweep_every: float = 3600.0,
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
        allowed_hosts: Without a token, the server answers only requests whose Host is a
            loopback name or one of these (DNS-rebinding guard; cross-site Origins are
            refused too). With a token, the token is the guard.
        retention_days: Tenants' sessions, uploads and finished jobs untouched this long
            are deleted, at start and every ``sweep_every`` seconds (0: kept forever).
        tenant_quota_bytes: Disk one tenant's uploads and results may take (507 beyond);
            None: no quota.
    """
    state = Services(
        make_agent, token=token, data_dir=data_dir, max_upload_bytes=max_upload_bytes,
        job_workers=job_workers, max_jobs_in_flight=max_jobs_in_flight, targets=targets,
        retention_days=retention_days, quota_bytes=tenant_quota_bytes,
    )  # fmt: skip

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state.runner()  # resumes, or fails with the reason, the jobs a dead process left
        sweeper = asyncio.create_task(_sweep(state, sweep_every))
        try:
            yield
        finally:
            sweeper.cancel()
            await state.close()

    app = FastAPI(
        title="Explainer",
        version="0.1.0",
        summary="Explanations whose every sentence is checked against evidence computed by code.",
        lifespan=lifespan,
    )
    app.state.services = state
    app.add_middleware(BodyLimit, limit=max_json_bytes)
    if state.tokens is None:
        app.add_middleware(LoopbackGuard, extra=tuple(allowed_hosts))

    @app.middleware("http")
    async def count(request: Request, call_next: Any) -> Response:
        started = time.perf_counter()
        response: Response = await call_next(request)
        route = getattr(request.scope.get("route"), "path", "unmatched")
        state.metrics.requests.labels(request.method, route, str(response.status_code)).inc()
        state.metrics.latency.labels(route).observe(time.perf_counter() - started)
        return response

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        """A bug, not the caller's doing: logged with an incident id; the client gets the
        id only (no type names or messages from inside the server)."""
        incident = uuid.uuid4().hex[:12]
        log.error("incident %s on %s %s", incident, request.method, request.url.path,
                  exc_info=exc)  # fmt: skip
        return JSONResponse(
            status_code=500,
            content={"detail": f"internal error (incident {incident}); the server log has "
                     "the details"},
        )  # fmt: skip

    for module in (sessions, jobs, openai, verify, misc):
        app.include_router(module.router)
    return app


async def _sweep(state: Services, every: float) -> None:
    """Apply the retention period now and every ``every`` seconds (in a worker thread:
    deleting many files must not hold up requests)."""
    while state.retention_days > 0:
        try:
            gone = await asyncio.to_thread(state.sweep)
            if any(gone.values()):
                log.info("retention (%g days): deleted %s", state.retention_days, gone)
        except Exception:  # a sweep that fails is retried next time, the service goes on
            log.exception("retention sweep failed")
        await asyncio.sleep(every)

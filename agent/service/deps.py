"""What every router of the service shares: the :class:`Services` an app holds (the agent,
the job store and workers, follow-ups, metrics, auth and limits), the FastAPI
dependencies that hand them out, and how errors become HTTP statuses.

Tenancy (the rules in :mod:`agent.access`): every token is a tenant
(``EXPLAINER_API_TOKEN`` may list several, comma-separated); sessions, files and jobs
belong to the tenant that made them, and another tenant's id is answered 404, the same as
an id that does not exist.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException, Request

from agent.access import parse_tokens, tenant_of
from agent.chat.agent import Agent
from agent.errors import (
    BackendUnavailableError,
    BadInputError,
    ExplainerError,
    LLMTimeoutError,
    ToolFailedError,
)
from agent.service.middleware import Metrics
from agent.service.runner import FollowUps, JobRunner, runner_for
from agent.service.store import JobStore, JobView
from tools.models import DEFAULT_TARGET, registered_targets

T = TypeVar("T")


class Services:
    """The state of one app, made on first use (the agent loads no model until asked)."""

    def __init__(
        self,
        make_agent: Callable[[], Agent],
        *,
        token: str | None,
        data_dir: Path | None,
        max_upload_bytes: int,
        job_workers: int,
        max_jobs_in_flight: int,
        targets: list[str] | None,
        retention_days: float = 0.0,
        quota_bytes: int | None = None,
    ):
        self.tokens = parse_tokens(token)
        self.retention_days, self.quota_bytes = retention_days, quota_bytes
        self.metrics = Metrics()
        self.max_upload_bytes = max_upload_bytes
        self.max_jobs_in_flight = max_jobs_in_flight
        self._make_agent, self._data_dir, self._workers = make_agent, data_dir, job_workers
        self._targets = targets
        self._agent: Agent | None = None
        self._jobs: JobStore | None = None
        self._runner: JobRunner | None = None
        self._follow_ups: FollowUps | None = None

    def agent(self) -> Agent:
        if self._agent is None:
            self._agent = self._make_agent()
        return self._agent

    def jobs(self) -> JobStore:
        if self._jobs is None:
            self._jobs = JobStore(self._data_dir or self.agent().store.path.parent / "service")
        return self._jobs

    def runner(self) -> JobRunner:
        """The job workers, started in the running event loop on first use (at startup
        under a server; on the first job in tests that skip the lifespan)."""
        if self._runner is None:
            self._runner = JobRunner(self.jobs(), runner_for(lambda: self.agent().llm),
                                     workers=self._workers)  # fmt: skip
            self._runner.start()
        return self._runner

    def follow_ups(self) -> FollowUps:
        if self._follow_ups is None:
            self._follow_ups = FollowUps(self.jobs(), lambda: self.agent().llm)
        return self._follow_ups

    def sweep(self) -> dict[str, int]:
        """Delete what the retention period has passed (tenants' sessions, uploads and
        finished jobs untouched for ``retention_days``); counts of what went."""
        if self.retention_days <= 0:
            return {}
        before = time.time() - self.retention_days * 86_400
        files, jobs = self.jobs().expire(before)
        return {"sessions": self.agent().store.expire(before), "files": files, "jobs": jobs}

    def room(self, owner: str) -> int | None:
        """Bytes the tenant may still store (None: no quota)."""
        if self.quota_bytes is None:
            return None
        return max(0, self.quota_bytes - self.jobs().usage(owner))

    def quota_full(self, owner: str) -> HTTPException:
        assert self.quota_bytes is not None
        used = self.jobs().usage(owner)
        return HTTPException(
            status_code=507,
            detail=f"your storage quota is used up ({used / 2**20:.1f} of "
            f"{self.quota_bytes / 2**20:g} MB, EXPLAINER_TENANT_QUOTA_MB): delete files or "
            "jobs you no longer need",
        )

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.stop()
            self._runner = None
        if self._follow_ups is not None:
            self._follow_ups.close()
            self._follow_ups = None
        if self._agent is not None:  # the LLM client's connections, at shutdown
            await self._agent.llm.aclose()
            self._agent = None

    # ----------------------------------------------------------------- lookups

    def served(self) -> list[str]:
        """Target names clients may ask for (clients never name files)."""
        if self._targets is not None:
            return self._targets
        return [DEFAULT_TARGET, *registered_targets()]

    def target(self, model: str) -> str:
        allowed = self.served()
        name = DEFAULT_TARGET if model in ("", "explainer") else model
        if name not in allowed:
            raise HTTPException(
                status_code=400,
                detail=f"unknown model {model!r}; available: explainer (= {DEFAULT_TARGET}), "
                + ", ".join(sorted(set(allowed))),
            )
        return name

    def owned(self, session_id: str, owner: str) -> None:
        if not self.agent().store.exists(session_id, owner):
            raise HTTPException(status_code=404, detail="no such session")

    def job_of(self, job_id: str, owner: str) -> JobView:
        view = self.jobs().job(job_id, owner)
        if view is None:
            raise HTTPException(status_code=404, detail="no such job")
        return view


def services(request: Request) -> Services:
    """FastAPI dependency: the app's services."""
    found: Services = request.app.state.services
    return found


def authorised(request: Request) -> str:
    """FastAPI dependency: the caller's tenant (a hash of its token); 401 without a known
    token. Without tokens (a loopback server) every caller is the one local tenant."""
    tenant = tenant_of(request.headers.get("authorization", ""), services(request).tokens)
    if tenant is None:
        raise HTTPException(
            status_code=401,
            detail="missing or wrong bearer token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return tenant


def http_status(exc: ExplainerError) -> int:
    """The HTTP status of an error: the caller's input 400, an LLM that is down 503 (too
    slow 504), one whose output stays unusable 502, an evidence tool that failed on valid
    input 500 (with its reason: the backend's fault, not the caller's)."""
    if isinstance(exc, BadInputError):
        return 400
    if isinstance(exc, ToolFailedError):
        return 500
    if isinstance(exc, LLMTimeoutError):
        return 504
    if isinstance(exc, BackendUnavailableError):
        return 503
    return 502


def problem(exc: ExplainerError) -> HTTPException:
    return HTTPException(status_code=http_status(exc), detail=str(exc))


def sse(event: str, data: Any) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def drain(queue: asyncio.Queue[T], task: asyncio.Task[Any]) -> AsyncIterator[T]:
    """The items ``task`` puts on ``queue`` while it runs, as they come (then the rest)."""
    while not task.done() or not queue.empty():
        getter = asyncio.ensure_future(queue.get())
        await asyncio.wait({getter, task}, return_when=asyncio.FIRST_COMPLETED)
        if getter.done():
            yield getter.result()
        else:
            getter.cancel()


#: Route parameters: the caller's tenant (401 without a known token) and the services.
Owner = Annotated[str, Depends(authorised)]
Svc = Annotated[Services, Depends(services)]

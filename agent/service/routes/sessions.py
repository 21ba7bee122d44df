"""Sessions: create, list, delete; post a message (JSON, or server-sent events with the
stages and the verified answer); read a session's messages and evidence."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from agent.chat.agent import TurnResult
from agent.errors import ExplainerError
from agent.service.deps import Owner, Services, Svc, drain, problem, sse

router = APIRouter()


class NewSession(BaseModel):
    text: str | None = Field(default=None, max_length=20_000, description="Input to explain.")
    model: str = Field(default="explainer", max_length=200, description="Target model.")


class NewMessage(BaseModel):
    content: str = Field(min_length=1, max_length=20_000)
    stream: bool = Field(default=False, description="Server-sent events instead of JSON.")


@router.post("/v1/sessions", status_code=201)
async def new_session(body: NewSession, owner: Owner, s: Svc) -> dict[str, str]:
    """A new conversation; with ``text``, the input it explains."""
    a = s.agent()
    model = s.target(body.model)
    session = a.store.create(owner=owner, title=(body.text or "")[:80])
    if body.text:
        try:
            a.set_input(session, body.text, model=model)
        except ExplainerError as exc:
            raise problem(exc) from None
    return {"id": session}


async def _answer(
    s: Services, session_id: str, content: str, on_stage: Any = None, on_claim: Any = None
) -> TurnResult:
    try:
        result = await s.agent().turn(session_id, content, on_stage=on_stage, on_claim=on_claim)
    except ExplainerError as exc:
        raise problem(exc) from None
    s.metrics.turn(result)
    return result


@router.post(
    "/v1/sessions/{session_id}/messages",
    response_model=None,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def post_message(
    session_id: str,
    body: NewMessage,
    owner: Owner,
    s: Svc,
) -> Any:
    """Ask in the session. The answer holds only verified sentences; with ``stream``,
    server-sent events: ``stage`` (routing, the tool, narrating, verifying), ``delta``
    (each piece of the answer as soon as it is checked: the strongest contributor, written
    by code from the evidence, before the narrator is asked; the deltas join to the
    answer), ``done`` (the whole turn) or ``error``."""
    s.owned(session_id, owner)
    if not body.stream:
        result = await _answer(s, session_id, body.content)
        return JSONResponse(
            result.to_json(),
            headers={"Server-Timing": f"agent;dur={result.timings.total_seconds * 1000:.1f}"},
        )

    async def events() -> AsyncIterator[str]:
        queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        task = asyncio.create_task(_answer(
            s, session_id, body.content,
            lambda stage: queue.put_nowait(("stage", stage)),
            lambda piece: queue.put_nowait(("delta", piece)),
        ))  # fmt: skip
        sent = ""
        async for kind, value in drain(queue, task):
            if kind == "stage":
                yield sse("stage", {"stage": value})
            else:
                sent += value
                yield sse("delta", {"content": value})
        try:
            result = task.result()
        except HTTPException as exc:
            yield sse("error", {"message": exc.detail, "status": exc.status_code})
            return
        if result.answer.startswith(sent) and result.answer != sent:  # not streamed: the rest
            yield sse("delta", {"content": result.answer[len(sent) :]})
        yield sse("done", result.to_json())

    return StreamingResponse(events(), media_type="text/event-stream")


@router.get("/v1/sessions")
async def list_sessions(owner: Owner, s: Svc) -> list[dict[str, Any]]:
    """The caller's sessions, newest first (id, title, created_at)."""
    return s.agent().store.listing(owner)


@router.delete("/v1/sessions/{session_id}", status_code=204)
async def delete_session(session_id: str, owner: Owner, s: Svc) -> Response:
    """Forget the session: its messages and evidence."""
    s.owned(session_id, owner)
    s.agent().store.delete(session_id)
    return Response(status_code=204)


@router.get("/v1/sessions/{session_id}/messages")
async def get_messages(session_id: str, owner: Owner, s: Svc) -> list[Any]:
    s.owned(session_id, owner)
    return [m.model_dump(mode="json") for m in s.agent().store.messages(session_id)]


@router.get("/v1/sessions/{session_id}/evidence")
async def get_evidence(session_id: str, owner: Owner, s: Svc) -> list[Any]:
    """Every evidence record the session's tools computed (``E1``, ``E2``, …)."""
    s.owned(session_id, owner)
    return [e.model_dump(mode="json") for e in s.agent().store.ledger(session_id)]

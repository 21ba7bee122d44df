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
from agent.service.deps import Owner, Services, Svc, pieces, problem, sse

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


async def _answer(s: Services, session_id: str, content: str, on_stage: Any = None) -> TurnResult:
    try:
        result = await s.agent().turn(session_id, content, on_stage=on_stage)
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
    (pieces of the verified answer), ``done`` (the whole turn) or ``error``."""
    s.owned(session_id, owner)
    if not body.stream:
        result = await _answer(s, session_id, body.content)
        return JSONResponse(
            result.to_json(),
            headers={"Server-Timing": f"agent;dur={result.timings.total_seconds * 1000:.1f}"},
        )

    async def events() -> AsyncIterator[str]:
        stages: asyncio.Queue[str] = asyncio.Queue()
        task = asyncio.create_task(_answer(s, session_id, body.content, stages.put_nowait))
        while not task.done() or not stages.empty():
            getter = asyncio.ensure_future(stages.get())
            await asyncio.wait({getter, task}, return_when=asyncio.FIRST_COMPLETED)
            if getter.done():
                yield sse("stage", {"stage": getter.result()})
            else:
                getter.cancel()
        try:
            result = task.result()
        except HTTPException as exc:
            yield sse("error", {"message": exc.detail, "status": exc.status_code})
            return
        for piece in pieces(result.answer):
            yield sse("delta", {"content": piece})
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

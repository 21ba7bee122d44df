"""The HTTP service (first slice of issue 7): health, bearer auth, and an OpenAI-compatible
chat facade.

``POST /v1/chat/completions`` lets any OpenAI client chat with the explainer. The first
user message is the input to explain and the last one the question (a single message is
both); the request's ``model`` names the target (``explainer`` or empty: the default). The
reply is the verified answer; ``evidence`` and ``grounding_rate`` ride along as extra
fields. With ``stream: true`` the answer comes as server-sent chunks after verification
(only verified text is ever sent). Every request except ``/healthz`` needs
``Authorization: Bearer <EXPLAINER_API_TOKEN>`` when a token is set.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from agent import render
from agent.errors import ExplainerError
from agent.loop import Agent
from tools.models import DEFAULT_TARGET


class ChatMessage(BaseModel):
    role: str
    content: str | None = None


class ChatRequest(BaseModel):
    model: str = "explainer"
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False
    max_tokens: int | None = None
    temperature: float | None = None


class NewSession(BaseModel):
    text: str | None = Field(default=None, max_length=20_000, description="Input to explain.")
    model: str = Field(default="explainer", description="Target model.")


class NewMessage(BaseModel):
    content: str = Field(min_length=1, max_length=20_000)


def create_app(make_agent: Callable[[], Agent], token: str | None = None) -> FastAPI:
    """The ASGI app. ``make_agent`` gives the agent that answers (one per app). ``token``
    may hold several comma-separated tokens: each is a tenant that sees only its own
    sessions (another tenant's session id is a 404)."""
    tokens = [t.strip() for t in (token or "").split(",") if t.strip()] or None
    app = FastAPI(title="Explainer", version="0.1.0")
    state: dict[str, Agent] = {}

    def agent() -> Agent:
        if "agent" not in state:
            state["agent"] = make_agent()
        return state["agent"]

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

    @app.post("/v1/sessions", status_code=201)
    async def new_session(body: NewSession, owner: str = Depends(authorised)) -> dict[str, str]:
        a = agent()
        session = a.store.create(owner=owner, title=(body.text or "")[:80])
        if body.text:
            target = DEFAULT_TARGET if body.model in ("", "explainer") else body.model
            try:
                a.set_input(session, body.text, model=target)
            except ExplainerError as exc:
                raise HTTPException(status_code=400, detail=str(exc)) from None
        return {"id": session}

    @app.post("/v1/sessions/{session_id}/messages")
    async def post_message(
        session_id: str, body: NewMessage, owner: str = Depends(authorised)
    ) -> dict[str, Any]:
        owned(session_id, owner)
        try:
            result = await agent().turn(session_id, body.content)
        except ExplainerError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None
        return render.turn_json(result)

    @app.get("/v1/sessions/{session_id}/messages")
    async def get_messages(session_id: str, owner: str = Depends(authorised)) -> list[Any]:
        owned(session_id, owner)
        return [m.model_dump(mode="json") for m in agent().store.messages(session_id)]

    @app.get("/v1/sessions/{session_id}/evidence")
    async def get_evidence(session_id: str, owner: str = Depends(authorised)) -> list[Any]:
        owned(session_id, owner)
        return [e.model_dump(mode="json") for e in agent().store.ledger(session_id)]

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/chat/completions", response_model=None)
    async def chat(body: ChatRequest, owner: str = Depends(authorised)) -> Any:
        users = [m.content or "" for m in body.messages if m.role == "user"]
        if not users or not users[0].strip():
            raise HTTPException(status_code=400, detail="no user message to explain")
        text, question = users[0], users[-1] if len(users) > 1 else ""
        target = DEFAULT_TARGET if body.model in ("", "explainer") else body.model
        a = agent()
        session = a.store.create(owner=owner, title=text[:80])
        try:
            result = await a.explain(session, text, model=target, question=question)
        except ExplainerError as exc:
            status = 400 if getattr(exc, "exit_code", 1) == 2 else 502
            return JSONResponse(status_code=status, content={"error": {"message": str(exc)}})
        answer = result.answer
        extra = {
            "evidence": [e.model_dump(mode="json") for e in result.evidence],
            "grounding_rate": result.verification.grounding_rate,
            "session": session,
        }
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        created = int(time.time())
        if body.stream:
            return StreamingResponse(
                _sse(completion_id, created, body.model, answer, extra),
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
                    "message": {"role": "assistant", "content": answer},
                }
            ],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            **extra,
        }

    return app


async def _sse(
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

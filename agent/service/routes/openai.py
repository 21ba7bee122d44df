"""The OpenAI-compatible facade: ``GET /v1/models`` and ``POST /v1/chat/completions``, so
any OpenAI client or chat UI can talk to the explainer. The first user message is the
input to explain and the last one the question (a single message is both); ``model``
names the target. The reply is the verified answer; ``evidence``, ``grounding_rate`` and
``session`` ride along as extra fields; ``stream: true`` sends it as chunks."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from agent.errors import ExplainerError
from agent.service.deps import Owner, Svc, http_status, pieces
from tools.models import DEFAULT_TARGET

router = APIRouter()


class ChatMessage(BaseModel):
    role: str = Field(max_length=32)
    content: str | None = Field(default=None, max_length=20_000)


class ChatRequest(BaseModel):
    model: str = Field(default="explainer", max_length=200)
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False
    max_tokens: int | None = None
    temperature: float | None = None


@router.get("/v1/models")
async def models(_: Owner, s: Svc) -> dict[str, Any]:
    """OpenAI-compatible model list (chat UIs ask it first): ``explainer`` (the default
    target) and every other served target."""
    names = ["explainer", *sorted(set(s.served()) - {DEFAULT_TARGET})]
    return {
        "object": "list",
        "data": [
            {"id": n, "object": "model", "created": 0, "owned_by": "explainer"} for n in names
        ],
    }


@router.post("/v1/chat/completions", response_model=None)
async def chat(body: ChatRequest, owner: Owner, s: Svc) -> Any:
    """OpenAI-compatible chat: the first user message is the input to explain, the
    last one the question; the answer is verified, evidence attached."""
    users = [m.content or "" for m in body.messages if m.role == "user"]
    if not users or not users[0].strip():
        raise HTTPException(status_code=400, detail="no user message to explain")
    text, question = users[0], users[-1] if len(users) > 1 else ""
    model = s.target(body.model)
    a = s.agent()
    session = a.store.create(owner=owner, title=text[:80])
    try:
        result = await a.explain(session, text, model=model, question=question)
    except ExplainerError as exc:
        return JSONResponse(status_code=http_status(exc), content={"error": {"message": str(exc)}})
    s.metrics.turn(result)
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
    for piece in pieces(answer):
        yield chunk({"content": piece}, None)
    yield chunk({}, "stop", **extra)
    yield "data: [DONE]\n\n"

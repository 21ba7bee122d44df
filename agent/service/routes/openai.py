"""The OpenAI-compatible facade: ``GET /v1/models`` and ``POST /v1/chat/completions``, so
any OpenAI client or chat UI can talk to the explainer. The first user message is the
input to explain and the last one the question (a single message is both); ``model``
names the target. The reply is the verified answer; ``evidence``, ``grounding_rate``,
``source`` and ``session`` ride along as extra fields; ``stream: true`` sends each piece
as soon as it is checked.

Multi-turn: a client resends the whole conversation each time. The facade remembers, per
tenant and target, the digest of every conversation it answered (messages plus its
answer); a request whose earlier messages match one continues that session, so "what
about 'not'?" and "remove it and try again" use the earlier turns. A history the facade
never answered starts a new session with the first user message as the input.
``usage`` counts the tokens the explainer LLM reported for the request; ``max_tokens``
bounds every explainer-LLM completion the request makes and ``temperature`` sets theirs;
``n`` other than 1 is refused."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from agent.errors import ExplainerError
from agent.llm.metering import limited, metered
from agent.service.deps import Owner, Svc, drain, http_status
from tools.models import DEFAULT_TARGET

router = APIRouter()


class ChatMessage(BaseModel):
    role: str = Field(max_length=32)
    content: str | None = Field(default=None, max_length=20_000)


class ChatRequest(BaseModel):
    model: str = Field(default="explainer", max_length=200)
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False
    max_tokens: int | None = Field(default=None, ge=16, le=8192)
    max_completion_tokens: int | None = Field(default=None, ge=16, le=8192)
    temperature: float | None = Field(default=None, ge=0, le=2)
    n: int = Field(default=1, ge=1, le=1, description="One answer per request (n > 1: 422).")


def _digest(owner: str, model: str, convo: list[tuple[str, str]]) -> str:
    raw = json.dumps([owner, model, convo], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


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
    last one the question; the answer is verified, evidence attached. With ``stream``,
    each piece of the answer is sent as soon as it is checked (an error before the first
    piece keeps its HTTP status; one after it ends the stream with an error chunk)."""
    convo = [(m.role, (m.content or "").strip()) for m in body.messages
             if m.role in ("user", "assistant")]  # fmt: skip
    users = [c for r, c in convo if r == "user"]
    if not users or not users[0]:
        raise HTTPException(status_code=400, detail="no user message to explain")
    if convo[-1][0] != "user":
        raise HTTPException(status_code=400, detail="the last message must be the user's")
    model = s.target(body.model)
    completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    created = int(time.time())
    queue: asyncio.Queue[str] = asyncio.Queue()
    task = asyncio.create_task(_answer(body, owner, s, model, convo, queue.put_nowait))
    if not body.stream:
        try:
            reply, extra = await task
        except ExplainerError as exc:
            return _error(exc)
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": body.model,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": reply}}],
            **extra,
        }  # fmt: skip
    # wait for the first checked piece (or the end): an early error keeps its status
    first = asyncio.ensure_future(queue.get())
    await asyncio.wait({first, task}, return_when=asyncio.FIRST_COMPLETED)
    head = [first.result()] if first.done() else []
    if not first.done():
        first.cancel()
        failure = task.exception()
        if isinstance(failure, ExplainerError):
            return _error(failure)
        if failure is not None:
            raise failure  # a bug: the app's handler logs it and answers with an incident id

    def chunk(delta: dict[str, Any], finish: str | None, **more: Any) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        data = {"id": completion_id, "object": "chat.completion.chunk", "created": created,
                "model": body.model, "choices": [choice], **more}  # fmt: skip
        return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"

    async def chunks() -> AsyncIterator[str]:
        yield chunk({"role": "assistant", "content": ""}, None)
        sent = "".join(head)
        if sent:
            yield chunk({"content": sent}, None)
        async for piece in drain(queue, task):
            sent += piece
            yield chunk({"content": piece}, None)
        try:
            reply, extra = task.result()
        except ExplainerError as exc:
            body_ = {"message": str(exc), "status": http_status(exc)}
            yield f"data: {json.dumps({'error': body_}, ensure_ascii=False)}\n\n"
            yield "data: [DONE]\n\n"
            return
        if reply.startswith(sent) and reply != sent:
            yield chunk({"content": reply[len(sent) :]}, None)
        yield chunk({}, "stop", **extra)
        yield "data: [DONE]\n\n"

    return StreamingResponse(chunks(), media_type="text/event-stream")


def _error(exc: ExplainerError) -> JSONResponse:
    return JSONResponse(status_code=http_status(exc), content={"error": {"message": str(exc)}})


async def _answer(
    body: ChatRequest, owner: str, s: Any, model: str, convo: list[tuple[str, str]],
    on_claim: Callable[[str], None],
) -> tuple[str, dict[str, Any]]:  # fmt: skip
    """Run the turn (continuing a conversation the facade answered, or a new session);
    the reply and the extra fields (usage, evidence, grounding rate, source, session)."""
    users = [c for r, c in convo if r == "user"]
    a = s.agent()
    known = a.store.conversation(_digest(owner, model, convo[:-1])) if len(convo) > 1 else None
    cap = body.max_completion_tokens or body.max_tokens
    with metered() as usage, limited(cap, body.temperature):
        if known is not None and a.store.exists(known, owner):
            session = known
            result = await a.turn(session, users[-1], on_claim=on_claim)
        else:
            session = a.store.create(owner=owner, title=users[0][:80])
            question = users[-1] if len(users) > 1 else ""
            result = await a.explain(session, users[0], model=model, question=question,
                                     on_claim=on_claim)  # fmt: skip
    a.store.remember(_digest(owner, model, [*convo, ("assistant", result.answer)]), session)
    s.metrics.turn(result)
    return result.answer, {
        "usage": {"prompt_tokens": usage.prompt_tokens,
                  "completion_tokens": usage.completion_tokens,
                  "total_tokens": usage.total_tokens},
        "evidence": [e.model_dump(mode="json") for e in result.evidence],
        "grounding_rate": result.verification.grounding_rate,
        "source": result.verification.source,
        "session": session,
    }  # fmt: skip

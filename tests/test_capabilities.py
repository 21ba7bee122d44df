"""The capability probe, against fakes that behave like the real servers we measured."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from agent.llm import LLMProvider
from agent.testing import ScriptedLLM, _Failure, _Reply

GOOD = json.dumps({"color": "blue", "count": 3})


def llama_cpp_python_like(body: dict[str, Any]) -> _Reply | _Failure:
    """Rejects json_schema with 500, honours json_object+schema, forced tools, logprobs."""
    fmt = body.get("response_format")
    if fmt and fmt["type"] == "json_schema":
        return _Failure(500, {}, "validation error")
    if fmt and fmt["type"] == "json_object":
        return _Reply(text=GOOD)
    if body.get("tools"):
        return _Reply(tool_calls=[("pick_color", GOOD)])
    if body.get("logprobs") and body.get("top_logprobs"):
        return _Reply(text="Blue", logprobs=[("Blue", -0.2)])
    return _Reply(text="Blue, 3.")


def llama_server_like(body: dict[str, Any]) -> _Reply | _Failure:
    """Honours json_schema, ignores forced tool choice (answers in prose)."""
    fmt = body.get("response_format")
    if fmt and fmt["type"] == "json_schema":
        return _Reply(text=GOOD)
    if body.get("logprobs"):
        return _Reply(text="Blue", logprobs=[("Blue", -0.1)])
    return _Reply(text="I would pick blue, and three.")


def probing(fake: Any, n: int = 8) -> ScriptedLLM:
    llm = ScriptedLLM()
    for _ in range(n):
        llm.respond(fake)
    return llm


def unpinned(llm: ScriptedLLM) -> LLMProvider:
    return LLMProvider(
        llm.base_url,
        model=llm.model,
        http_client=httpx.AsyncClient(transport=llm.transport()),
    )


def test_probe_llama_cpp_python_like_server() -> None:
    llm = probing(llama_cpp_python_like)
    p = unpinned(llm)
    caps = asyncio.run(p.capabilities())
    assert caps.tools and caps.tool_choice == "named"
    assert caps.json_schema == "json_object_schema"
    assert caps.logprobs
    n = len(llm.requests)
    asyncio.run(p.capabilities())  # cached: no new requests
    assert len(llm.requests) == n


def test_probe_server_that_ignores_forced_tool_choice() -> None:
    llm = probing(llama_server_like)
    caps = asyncio.run(unpinned(llm).capabilities())
    assert not caps.tools and caps.tool_choice is None
    assert caps.json_schema == "json_schema"
    assert caps.logprobs


def test_chat_translates_schema_and_logprobs_to_the_server_flavour() -> None:
    llm = probing(llama_cpp_python_like, n=12)
    p = unpinned(llm)

    async def go() -> None:
        await p.capabilities()
        before = len(llm.requests)
        result = await p.chat([{"role": "user", "content": "x"}], json_schema={"type": "object"})
        assert result.text == GOOD
        assert llm.requests[before]["response_format"] == {
            "type": "json_object",
            "schema": {"type": "object"},
        }
        result = await p.chat([{"role": "user", "content": "x"}], logprobs=True)
        assert llm.requests[-1]["top_logprobs"] == 1  # llama-cpp-python needs it
        assert result.logprobs and result.logprobs[0].logprob == pytest.approx(-0.2)

    asyncio.run(go())

"""The capability probe, against fakes that behave like the real servers we measured."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from agent.llm import LLMProvider
from agent.llm.testing import ScriptedLLM, _Failure, _Reply

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


COLOR_TOOL = {
    "type": "function",
    "function": {
        "name": "pick_color",
        "description": "Report a colour and a number.",
        "parameters": {
            "type": "object",
            "properties": {"color": {"type": "string"}, "count": {"type": "integer"}},
            "required": ["color", "count"],
        },
    },
}
SIZE_TOOL = {
    "type": "function",
    "function": {
        "name": "pick_size",
        "description": "Report a size.",
        "parameters": {"type": "object", "properties": {"size": {"type": "integer"}}},
    },
}
NAMED = {"type": "function", "function": {"name": "pick_color"}}
ASK = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "go"}]


def with_caps(**caps: Any) -> ScriptedLLM:
    from agent.llm import Capabilities

    base: dict[str, Any] = {"tools": False, "tool_choice": None, "json_schema": None}
    return ScriptedLLM(Capabilities.model_validate({**base, "logprobs": False, **caps}))


def test_named_tool_choice_is_emulated_by_schema_output_when_not_native() -> None:
    llm = with_caps(json_schema="json_schema").reply(GOOD)
    result = asyncio.run(llm.provider().chat(ASK, tools=[COLOR_TOOL, SIZE_TOOL], tool_choice=NAMED))
    assert [(c.name, json.loads(c.arguments)) for c in result.tool_calls] == [
        ("pick_color", {"color": "blue", "count": 3})
    ]
    request = llm.requests[0]
    assert "tools" not in request and "tool_choice" not in request
    assert (
        request["response_format"]["json_schema"]["schema"] == COLOR_TOOL["function"]["parameters"]
    )
    system = request["messages"][0]
    assert system["role"] == "system" and system["content"].startswith("Be brief.")
    assert "pick_color" in system["content"]


def test_required_tool_choice_is_emulated_over_all_tools() -> None:
    llm = with_caps(json_schema="json_schema").reply_json(
        {"name": "pick_size", "arguments": {"size": 9}}
    )
    result = asyncio.run(
        llm.provider().chat(ASK, tools=[COLOR_TOOL, SIZE_TOOL], tool_choice="required")
    )
    assert result.tool_calls[0].name == "pick_size"
    assert json.loads(result.tool_calls[0].arguments) == {"size": 9}
    branches = llm.requests[0]["response_format"]["json_schema"]["schema"]["anyOf"]
    assert [b["properties"]["name"]["const"] for b in branches] == ["pick_color", "pick_size"]


def test_named_choice_on_a_required_only_server_narrows_the_tools() -> None:
    llm = with_caps(tools=True, tool_choice="required").tool_call("pick_color", GOOD)
    asyncio.run(llm.provider().chat(ASK, tools=[COLOR_TOOL, SIZE_TOOL], tool_choice=NAMED))
    request = llm.requests[0]
    assert request["tool_choice"] == "required"
    assert [t["function"]["name"] for t in request["tools"]] == ["pick_color"]


def test_forcing_a_tool_without_any_support_is_a_clear_error() -> None:
    from agent.errors import BadInputError

    llm = with_caps()
    with pytest.raises(BadInputError, match="neither force a tool call"):
        asyncio.run(llm.provider().chat(ASK, tools=[COLOR_TOOL], tool_choice=NAMED))
    with pytest.raises(BadInputError, match="not a tool"):
        asyncio.run(
            with_caps(json_schema="json_schema")
            .provider()
            .chat(ASK, tools=[COLOR_TOOL], tool_choice={"function": {"name": "nope"}})
        )

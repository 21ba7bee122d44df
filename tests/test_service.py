"""The HTTP facade: the official openai client chats with the explainer (scripted LLM,
planted target), streaming and not; auth; bad requests."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm.testing import ScriptedLLM
from agent.service import create_app
from tests.planted import planted_model
from tools.models import register_target

TEXT = "the zebra was not at home"
TOKEN = "s3cret-token"

#: Prose narration without decomposition: these tests script the narrator's sentences.
PROSE: dict[str, Any] = {"narration": "prose", "decompose": False}


@pytest.fixture(scope="module", autouse=True)
def _planted() -> None:
    register_target("planted", planted_model())


def _client(app: Any, token: str = TOKEN) -> openai.AsyncOpenAI:
    transport = httpx.ASGITransport(app=app)
    http = httpx.AsyncClient(transport=transport, base_url="http://service")
    return openai.AsyncOpenAI(base_url="http://service/v1", api_key=token, http_client=http,
                              max_retries=0)  # fmt: skip


def _app(llm: ScriptedLLM, tmp_path: Path) -> Any:
    store = SessionStore(tmp_path / "sessions.sqlite")
    return create_app(lambda: Agent(llm.provider(), store, **PROSE), token=TOKEN)


def test_openai_client_gets_a_grounded_answer(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    llm.reply("The word 'zebra' pushed the model towards its answer most [E1]. It is great.")
    app = _app(llm, tmp_path)

    async def go() -> Any:
        async with _client(app) as client:
            return await client.chat.completions.create(
                model="planted", messages=[{"role": "user", "content": TEXT}]
            )

    reply = asyncio.run(go())
    answer = reply.choices[0].message.content
    assert answer == "The word 'zebra' pushed the model towards its answer most [E1]."
    extra = reply.model_extra or {}
    assert extra["grounding_rate"] == 1.0 and extra["evidence"][0]["tool"] == "attribute"
    assert extra["evidence"][0]["arguments"]["text"] == TEXT


def test_openai_client_streams_only_verified_text(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    llm.reply("The word 'zebra' pushed the model towards its answer most [E1]. "
              "The model is perfect [E1].")  # fmt: skip
    app = _app(llm, tmp_path)

    async def go() -> tuple[str, list[Any]]:
        async with _client(app) as client:
            stream = await client.chat.completions.create(
                model="planted", stream=True, messages=[{"role": "user", "content": TEXT}]
            )
            chunks = [c async for c in stream]
        return "".join(c.choices[0].delta.content or "" for c in chunks), chunks

    text, chunks = asyncio.run(go())
    assert text == "The word 'zebra' pushed the model towards its answer most [E1]."
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert (chunks[-1].model_extra or {})["grounding_rate"] == 0.5


def test_auth_and_bad_requests(tmp_path: Path) -> None:
    app = _app(ScriptedLLM(), tmp_path)

    async def go() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as http:
            body = {"model": "planted", "messages": [{"role": "user", "content": TEXT}]}
            no_token = await http.post("/v1/chat/completions", json=body)
            wrong = await http.post("/v1/chat/completions", json=body,
                                    headers={"Authorization": "Bearer nope"})  # fmt: skip
            ok_headers = {"Authorization": f"Bearer {TOKEN}"}
            system_only = {"messages": [{"role": "system", "content": "x"}]}
            empty = await http.post("/v1/chat/completions", headers=ok_headers,
                                    json=system_only)  # fmt: skip
            invalid = await http.post("/v1/chat/completions", headers=ok_headers,
                                      json={"messages": []})  # fmt: skip
            health = await http.get("/healthz")
        return [no_token.status_code, wrong.status_code, empty.status_code,
                invalid.status_code, health.status_code]  # fmt: skip

    assert asyncio.run(go()) == [401, 401, 400, 422, 200]


def test_serve_refuses_a_public_address_without_a_token() -> None:
    from typer.testing import CliRunner

    from agent.cli import app

    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8099"])
    assert result.exit_code == 2 and "without EXPLAINER_API_TOKEN" in result.stderr


def test_sessions_answer_follow_ups_and_are_isolated_per_token(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    llm.reply("The word 'zebra' pushed the model towards its answer most [E1].")
    store = SessionStore(tmp_path / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(), store, **PROSE), token="alice-token,bob-token")

    async def go() -> dict[str, Any]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as http:
            alice = {"Authorization": "Bearer alice-token"}
            bob = {"Authorization": "Bearer bob-token"}
            created = await http.post("/v1/sessions", headers=alice,
                                      json={"text": TEXT, "model": "planted"})  # fmt: skip
            sid = created.json()["id"]
            turn = await http.post(f"/v1/sessions/{sid}/messages", headers=alice,
                                   json={"content": "why?"})  # fmt: skip
            evidence = await http.get(f"/v1/sessions/{sid}/evidence", headers=alice)
            messages = await http.get(f"/v1/sessions/{sid}/messages", headers=alice)
            stolen = [await http.get(f"/v1/sessions/{sid}/{what}", headers=bob)
                      for what in ("evidence", "messages")]  # fmt: skip
            posted = await http.post(f"/v1/sessions/{sid}/messages", headers=bob,
                                     json={"content": "why?"})  # fmt: skip
            return {"created": created.status_code, "turn": turn.json(),
                    "evidence": evidence.json(), "roles": [m["role"] for m in messages.json()],
                    "bob": [r.status_code for r in stolen] + [posted.status_code]}  # fmt: skip

    out = asyncio.run(go())
    assert out["created"] == 201
    assert (
        out["turn"]["answer"] == "The word 'zebra' pushed the model towards its answer most [E1]."
    )
    assert [e["id"] for e in out["evidence"]] == ["E1"] and out["evidence"][0][
        "tool"
    ] == "attribute"
    assert out["roles"] == ["system", "user", "assistant"]
    assert out["bob"] == [404, 404, 404]


def test_openai_client_lists_the_served_models(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.sqlite")
    llm = ScriptedLLM()
    app = create_app(lambda: Agent(llm.provider(), store, **PROSE), token=TOKEN,
                     targets=["smollm2", "planted"])  # fmt: skip

    async def go() -> list[str]:
        async with _client(app) as client:
            return [m.id async for m in client.models.list()]

    assert asyncio.run(go()) == ["explainer", "planted"]


def test_openai_client_over_real_http(tmp_path: Path) -> None:
    """The synchronous official client over TCP to a uvicorn server (what a user runs)."""
    from tests.live import live_server

    llm = ScriptedLLM()
    llm.reply("The word 'zebra' pushed the model towards its answer most [E1].")
    llm.reply("The word 'zebra' pushed the model towards its answer most [E1].")
    with live_server(_app(llm, tmp_path)) as url:
        client = openai.OpenAI(base_url=f"{url}/v1", api_key=TOKEN, max_retries=0)
        messages: Any = [{"role": "user", "content": TEXT}, {"role": "user", "content": "why?"}]
        reply = client.chat.completions.create(model="planted", messages=messages)
        stream = client.chat.completions.create(model="planted", messages=messages, stream=True)
        streamed = "".join(c.choices[0].delta.content or "" for c in stream)
        with pytest.raises(openai.AuthenticationError):
            openai.OpenAI(base_url=f"{url}/v1", api_key="wrong", max_retries=0).models.list()
    assert reply.choices[0].message.content == streamed
    assert streamed == "The word 'zebra' pushed the model towards its answer most [E1]."
    assert (reply.model_extra or {})["grounding_rate"] == 1.0

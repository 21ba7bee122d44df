"""The service under concurrency and hostile clients: two messages at once to one session,
evidence ids from two writers, two attribution methods at once on one model, a foreign
Host or Origin on a token-less server, failing tools and bugs that must not leak."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.grounding.evidence import Evidence
from agent.llm.testing import ScriptedLLM
from agent.service import create_app
from tests.planted import planted_model
from tools.models import register_target
from tools.registry import get_tool

TEXT = "the zebra was not at home"
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PROSE: dict[str, Any] = {"narration": "prose", "decompose": False}


@pytest.fixture(scope="module", autouse=True)
def _planted() -> None:
    register_target("planted", planted_model())


def _http(app: Any, host: str = "service") -> httpx.AsyncClient:
    # as a server would: the response the app sent, not the exception it re-raised to log
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url=f"http://{host}")


def test_two_messages_at_once_to_one_session_take_turns(tmp_path: Path) -> None:
    llm = ScriptedLLM().always("The word 'zebra' mattered most [E1].")
    store = SessionStore(tmp_path / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(), store, **PROSE), token=TOKEN)

    async def go() -> tuple[list[httpx.Response], Any, Any]:
        async with _http(app) as http:
            sid = (await http.post("/v1/sessions", json={"text": TEXT, "model": "planted"},
                                   headers=AUTH)).json()["id"]  # fmt: skip
            asks = ["why?", "what about 'not'?", "remove 'not' and try again", "why?"]
            url = f"/v1/sessions/{sid}/messages"
            posts = [http.post(url, json={"content": q}, headers=AUTH) for q in asks]
            replies = await asyncio.gather(*posts)
            messages = (await http.get(f"/v1/sessions/{sid}/messages", headers=AUTH)).json()
            evidence = (await http.get(f"/v1/sessions/{sid}/evidence", headers=AUTH)).json()
            return replies, messages, evidence

    replies, messages, evidence = asyncio.run(go())
    assert [r.status_code for r in replies] == [200] * 4, [r.text for r in replies]
    turns = [m for m in _items(messages) if m["role"] in ("user", "assistant")]
    roles = [m["role"] for m in turns]
    assert roles == ["user", "assistant"] * 4  # question, answer, question, answer …
    ids = [r["id"] for r in _items(evidence)]
    assert len(ids) == len(set(ids)) and ids == [f"E{i}" for i in range(1, len(ids) + 1)]


def _items(payload: Any) -> list[dict[str, Any]]:
    if isinstance(payload, dict):
        for key in ("messages", "evidence", "data"):
            if key in payload:
                return list(payload[key])
    return list(payload)


def _record(eid: str, note: str) -> Evidence:
    return Evidence(id=eid, tool="attribute", arguments={}, summary=note, data={}, facts=[])


def test_evidence_ids_are_allocated_atomically_across_writers(tmp_path: Path) -> None:
    """Two stores on one file stand for two worker processes: both computed "E1"."""
    path = tmp_path / "s.sqlite"
    a, b = SessionStore(path), SessionStore(path)
    sid = a.create()
    first = a.add_evidence(sid, _record("E1", "from a"))
    second = b.add_evidence(sid, _record("E1", "from b"))
    assert (first.id, second.id) == ("E1", "E2")
    assert [(r.id, r.summary) for r in a.ledger(sid)] == [("E1", "from a"), ("E2", "from b")]
    # many threads at once, two stores: every record lands once, ids unique and dense
    done: list[str] = []

    def write(store: SessionStore, n: int) -> None:
        for i in range(10):
            done.append(store.add_evidence(sid, _record("E3", f"{n}-{i}")).id)

    threads = [threading.Thread(target=write, args=(s, n)) for n, s in enumerate((a, b, a, b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [r.id for r in a.ledger(sid)]
    assert len(done) == 40 and len(set(done)) == 40
    assert ids == [f"E{i}" for i in range(1, 43)]


def test_two_methods_at_once_on_one_model_equal_sequential_runs() -> None:
    attribute = get_tool("attribute")
    calls = [
        {"text": TEXT, "method": "attention", "model": "planted"},
        {"text": TEXT, "method": "integrated_gradients", "n_steps": 8, "model": "planted"},
        {"text": TEXT, "method": "grad_x_input", "model": "planted"},
    ]
    sequential = [attribute(c).model_dump() for c in calls]
    results: dict[int, list[Any]] = {i: [] for i in range(len(calls))}

    def run(i: int) -> None:
        for _ in range(4):
            results[i].append(attribute(calls[i]).model_dump())

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, expected in enumerate(sequential):
        for got in results[i]:
            scores = [u["score"] for u in got["units"]]
            want = [u["score"] for u in expected["units"]]
            assert scores == pytest.approx(want, abs=1e-6), calls[i]["method"]


@pytest.mark.parametrize(
    ("host", "origin", "status"),
    [
        ("127.0.0.1:8080", None, 200),
        ("localhost", None, 200),
        ("[::1]:8080", None, 200),
        ("evil.example.com", None, 403),  # DNS rebinding: the page's own name
        ("127.0.0.1.evil.example.com", None, 403),
        ("127.0.0.1:8080", "http://127.0.0.1:8080", 200),
        ("127.0.0.1:8080", "https://evil.example.com", 403),  # a cross-site form or fetch
        ("127.0.0.1:8080", "null", 403),
        ("myhost.lan", None, 200),  # --allowed-host myhost.lan
    ],
)
def test_a_tokenless_server_answers_loopback_hosts_only(
    tmp_path: Path, host: str, origin: str | None, status: int
) -> None:
    store = SessionStore(tmp_path / "sessions.sqlite")
    app = create_app(lambda: Agent(ScriptedLLM().provider(), store), token=None,
                     allowed_hosts=("myhost.lan",))  # fmt: skip
    headers = {"host": host, **({"origin": origin} if origin else {})}

    async def go() -> httpx.Response:
        async with _http(app) as http:
            return await http.get("/v1/sessions", headers=headers)

    reply = asyncio.run(go())
    assert reply.status_code == status, reply.text
    assert "access-control-allow-origin" not in reply.headers  # CORS stays closed
    if status == 403:
        assert "loopback" in reply.json()["detail"]


def test_a_token_server_does_not_need_the_host_guard(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.sqlite")
    app = create_app(lambda: Agent(ScriptedLLM().provider(), store), token=TOKEN)

    async def go() -> tuple[int, int]:
        async with _http(app, "api.example.com") as http:
            ok = await http.get("/v1/sessions", headers=AUTH)
            anonymous = await http.get("/v1/sessions")
            return ok.status_code, anonymous.status_code

    assert asyncio.run(go()) == (200, 401)


def test_failing_tools_are_500_with_a_reason_and_bugs_leak_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from tools.errors import ToolError

    llm = ScriptedLLM().always("The word 'zebra' mattered most [E1].")
    store = SessionStore(tmp_path / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(), store, **PROSE), token=TOKEN)
    tool = get_tool("attribute")

    async def go() -> tuple[httpx.Response, httpx.Response]:
        async with _http(app) as http:
            sid = (await http.post("/v1/sessions", json={"text": TEXT, "model": "planted"},
                                   headers=AUTH)).json()["id"]  # fmt: skip
            _fail_with(monkeypatch, tool, ToolError("the GPU fell over"))
            failed = await http.post(f"/v1/sessions/{sid}/messages", json={"content": "why?"},
                                     headers=AUTH)  # fmt: skip
            _fail_with(monkeypatch, tool, KeyError("secret-internal-name"))
            bug = await http.post(f"/v1/sessions/{sid}/messages", json={"content": "why?"},
                                  headers=AUTH)  # fmt: skip
            return failed, bug

    failed, bug = asyncio.run(go())
    assert failed.status_code == 500 and "the GPU fell over" in failed.json()["detail"]
    assert bug.status_code == 500
    assert "secret-internal-name" not in bug.text and "KeyError" not in bug.text
    assert "incident" in bug.json()["detail"]
    incident = bug.json()["detail"].split("incident ")[1].split(")")[0]
    assert any(incident in r.getMessage() for r in caplog.records)


def _fail_with(monkeypatch: pytest.MonkeyPatch, tool: Any, exc: Exception) -> None:
    """The agent's ``attribute`` tool, failing with ``exc`` on valid input."""
    import dataclasses

    import agent.chat.agent as loop

    def fn(_: Any) -> Any:
        raise exc

    broken = dataclasses.replace(tool, fn=fn)
    monkeypatch.setattr(loop, "get_tool", lambda name: broken if name == "attribute" else tool)


def test_first_questions_about_one_dataset_load_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import agent.service.runner as runner
    from agent.service.store import ExplainCsvJob, JobStore

    opened: list[str] = []
    closed: list[str] = []

    class FakeChat:
        def __init__(self, name: str) -> None:
            self.name = name
            self.ledger = type("L", (), {"get": staticmethod(lambda i: i)})()
            self.ds = type("D", (), {"close": lambda _: closed.append(name)})()

        async def ask(self, question: str) -> Any:
            await asyncio.sleep(0.01)
            return type("A", (), {"evidence": [f"{self.name}:{question}"]})()

    async def fake_open(path: Path, *_: Any, **__: Any) -> FakeChat:
        opened.append(path.name)
        await asyncio.sleep(0.05)  # loading takes a while: the others arrive meanwhile
        return FakeChat(path.name)

    monkeypatch.setattr(runner, "open_dataset_chat", fake_open)
    params = ExplainCsvJob(kind="explain_csv", file_id="f", target=None)
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"

    async def together() -> list[Any]:
        follow = runner.FollowUps(JobStore(tmp_path / "jobs"), None, size=2)
        asks = [follow.ask("job-a", params, a, f"q{i}") for i in range(4)]
        return list(await asyncio.gather(*asks, follow.ask("job-b", params, b, "q")))

    answers = asyncio.run(together())
    assert sorted(opened) == ["a.csv", "b.csv"]  # four first questions about a: one load
    assert [x[1] for x in answers] == [[f"a.csv:q{i}"] for i in range(4)] + [["b.csv:q"]]

    async def in_turn() -> None:
        follow = runner.FollowUps(JobStore(tmp_path / "jobs2"), None, size=1)
        await follow.ask("job-a", params, a, "q")
        await follow.ask("job-b", params, b, "q")  # evicts a (closed), keeps b
        await follow.ask("job-a", params, a, "q")  # a again: reopened

    opened.clear()
    asyncio.run(in_turn())
    assert opened == ["a.csv", "b.csv", "a.csv"] and closed == ["a.csv", "b.csv"]


def test_openai_client_holds_a_three_turn_conversation(tmp_path: Path) -> None:
    import openai

    replies = [
        "The word 'zebra' mattered most [E1].",
        "'not' pushed the model towards its answer [E1].",
        "Removing 'not' did not change the answer [E2].",
    ]
    llm = ScriptedLLM()
    for text in replies:
        llm.reply(text)
    store = SessionStore(tmp_path / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(), store, **PROSE), token=TOKEN)

    async def go() -> list[Any]:
        http = _http(app)
        client = openai.AsyncOpenAI(base_url="http://service/v1", api_key=TOKEN,
                                    http_client=http, max_retries=0)  # fmt: skip
        messages: list[Any] = [{"role": "user", "content": TEXT}]
        out = []
        for follow_up in ("what about 'not'?", "remove it and try again", None):
            reply = await client.chat.completions.create(model="planted", messages=messages)
            out.append(reply)
            if follow_up is None:
                break
            messages += [{"role": "assistant", "content": reply.choices[0].message.content},
                         {"role": "user", "content": follow_up}]  # fmt: skip
        # a history the facade never answered starts afresh: "it" refers to nothing, so the
        # answer is a question back that offers the input's words (not an error)
        asked = await client.chat.completions.create(model="planted", messages=[
            {"role": "user", "content": TEXT}, {"role": "assistant", "content": "made up"},
            {"role": "user", "content": "remove it and try again"}])  # fmt: skip
        assert str(asked.choices[0].message.content).startswith("Remove or replace which word?")
        assert "zebra" in str(asked.choices[0].message.content)
        with pytest.raises(openai.UnprocessableEntityError):  # n > 1: one answer per request
            await client.chat.completions.create(
                model="planted", messages=[{"role": "user", "content": TEXT}], n=2
            )
        await http.aclose()
        return out

    llm.always("The word 'zebra' mattered most [E1].")
    first, second, third = asyncio.run(go())
    sessions = {(r.model_extra or {})["session"] for r in (first, second, third)}
    assert len(sessions) == 1  # one session carried the three turns
    third_evidence = (third.model_extra or {})["evidence"]
    assert third_evidence[0]["tool"] == "what_if"
    assert third_evidence[0]["arguments"]["remove"] == ["not"]  # "it" = the word of turn 2
    for reply, text in zip((first, second, third), replies, strict=True):
        assert reply.usage.prompt_tokens == 10  # what the scripted LLM reported
        assert reply.usage.completion_tokens == len(text.split())
        assert reply.usage.total_tokens == 10 + len(text.split())

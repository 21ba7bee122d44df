"""Streaming that streams: the first checked piece of a "why?" answer (the strongest
contributor, written by code from the evidence) reaches the client before the narrator
LLM has answered, over the session SSE and the OpenAI facade, on a real server; the
pieces join to the stored answer; nothing unverified is sent."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm.testing import ScriptedLLM
from agent.service import create_app
from tests.live import live_server
from tests.planted import TRIGGER, planted_model
from tools.models import register_target

TEXT = "the zebra was not at home"
TOKEN = "stream-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LATENCY = 1.5  # seconds the narrator LLM takes per completion


@pytest.fixture(scope="module", autouse=True)
def _planted() -> None:
    register_target("planted", planted_model())


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, ScriptedLLM]]:
    llm = ScriptedLLM(latency=LATENCY)
    # the narrator selects nothing usable: the rest of the answer is written by code
    llm.always('{"claims": []}')
    store = SessionStore(tmp_path / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(max_retries=0), store), token=TOKEN,
                     targets=["planted"])  # fmt: skip
    with live_server(app) as url:
        yield url, llm


def _events(response: httpx.Response) -> Iterator[tuple[float, str, Any]]:
    event = None
    for line in response.iter_lines():
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: ") and event:
            yield time.perf_counter(), event, json.loads(line.removeprefix("data: "))


def test_session_stream_sends_the_lead_claim_before_the_llm_answers(
    served: tuple[str, ScriptedLLM],
) -> None:
    url, llm = served
    made = httpx.post(f"{url}/v1/sessions", headers=AUTH, json={"text": TEXT, "model": "planted"})
    session = made.json()["id"]
    started = time.perf_counter()
    ask = {"content": "why?", "stream": True}
    path = f"{url}/v1/sessions/{session}/messages"
    with httpx.stream("POST", path, headers=AUTH, json=ask, timeout=60) as response:
        events = list(_events(response))
    deltas = [(t, d["content"]) for t, e, d in events if e == "delta"]
    done_at, _, turn = next(x for x in events if x[1] == "done")
    assert deltas, events
    first_at, first = deltas[0]
    assert f"'{TRIGGER}'" in first and "[E1]" in first  # the strongest contributor, cited
    assert done_at - first_at >= 0.8 * LATENCY  # it arrived before the narrator answered
    assert first_at - started < done_at - started - 0.8 * LATENCY
    assert "".join(d for _, d in deltas) == turn["answer"]  # the pieces are the answer
    assert turn["timings"]["first_claim_seconds"] < turn["timings"]["total_seconds"] / 2
    stored = httpx.get(f"{url}/v1/sessions/{session}/messages", headers=AUTH).json()
    assert stored[-1]["content"] == turn["answer"]
    assert llm.requests  # the narrator was asked


def test_openai_stream_sends_the_lead_claim_before_the_llm_answers(
    served: tuple[str, ScriptedLLM],
) -> None:
    url, _ = served
    client = openai.OpenAI(base_url=f"{url}/v1", api_key=TOKEN, max_retries=0)
    started = time.perf_counter()
    stream = client.chat.completions.create(
        model="planted", stream=True,
        messages=[{"role": "user", "content": TEXT}, {"role": "user", "content": "why?"}],
    )  # fmt: skip
    arrivals = [(time.perf_counter() - started, c) for c in stream]
    texts = [(t, c.choices[0].delta.content) for t, c in arrivals if c.choices[0].delta.content]
    end = arrivals[-1][0]
    assert texts and f"'{TRIGGER}'" in texts[0][1]
    assert end - texts[0][0] >= 0.8 * LATENCY
    streamed = "".join(t for _, t in texts)
    final = arrivals[-1][1].model_extra or {}
    assert final["source"] in ("code", "llm_claims") and final["session"]
    history = httpx.get(f"{url}/v1/sessions/{final['session']}/messages", headers=AUTH).json()
    assert history[-1]["content"] == streamed


def test_openai_stream_error_before_the_first_piece_keeps_its_status(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    store = SessionStore(tmp_path / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(max_retries=0), store), token=TOKEN,
                     targets=["planted"])  # fmt: skip
    with live_server(app) as url:
        response = httpx.post(f"{url}/v1/chat/completions", headers=AUTH, json={
            "model": "planted", "stream": True,
            "messages": [{"role": "user", "content": TEXT},
                         {"role": "user", "content": "remove 'giraffe'"}]})  # fmt: skip
    assert response.status_code == 400, response.text
    assert "giraffe" in response.json()["error"]["message"]

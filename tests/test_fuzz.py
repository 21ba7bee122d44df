"""Schema-based fuzzing of the HTTP API with schemathesis: every operation in the OpenAPI
schema gets generated requests (valid and invalid bodies, odd strings, random ids, raw
uploads) against a real server with a scripted LLM and the planted target; none may be
answered with a 5xx."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm.testing import ScriptedLLM
from agent.service import create_app
from tests.live import live_server
from tests.planted import planted_model
from tools.models import register_target

TOKEN = "fuzz-token"
NUMBERS = ["0", "1", "2", "-0.0", "0.0", "inf", "-inf", "Infinity", "NaN", "nan",
           str(2**63), str(-(2**63) - 1), "1e308", "1e-320", ""]  # fmt: skip
AUTH = {"Authorization": f"Bearer {TOKEN}"}
schema = schemathesis.openapi.from_dict(create_app(lambda: None, token=TOKEN).openapi())  # type: ignore[arg-type,return-value]

#: Prose narration without decomposition: these tests script the narrator's sentences.
PROSE: dict[str, Any] = {"narration": "prose", "decompose": False}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    register_target("planted", planted_model())
    root = tmp_path_factory.mktemp("fuzz")
    llm = ScriptedLLM().always("The word 'zebra' mattered most [E1].")
    store = SessionStore(root / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(max_retries=0), store, **PROSE),
                     token=TOKEN, data_dir=root / "service", max_upload_bytes=64 * 1024,
                     targets=["planted"])  # fmt: skip
    with live_server(app) as url:
        yield url


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_5xx(case: Any, base_url: str) -> None:
    response = case.call(base_url=base_url, headers=AUTH, timeout=60)
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])


# Random ids rarely reach the deep paths; these properties start from real ones.

JOB_FILES = {"dataset": [".csv", ".tsv", ".txt"], "audit": [".jsonl", ".csv"]}


@given(text=st.text(min_size=1, max_size=200), question=st.text(max_size=80))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_chat_with_any_text_is_never_5xx(base_url: str, text: str, question: str) -> None:
    messages = [{"role": "user", "content": text}] + (
        [{"role": "user", "content": question}] if question else [])  # fmt: skip
    response = httpx.post(f"{base_url}/v1/chat/completions", headers=AUTH, timeout=60,
                          json={"model": "planted", "messages": messages})  # fmt: skip
    assert response.status_code in (200, 400), response.text[:500]


@given(data=st.data())
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_jobs_on_any_bytes_end_with_a_reason_not_a_crash(base_url: str, data: Any) -> None:
    purpose = data.draw(st.sampled_from(["dataset", "audit"]))
    suffix = data.draw(st.sampled_from(JOB_FILES[purpose]))
    body = data.draw(st.one_of(
        st.binary(min_size=1, max_size=400),
        st.text(alphabet=",;\t\n\"'ab1.-", min_size=1, max_size=400).map(str.encode),
        # CSVs of numeric-looking cells, odd floats among them (a low-cardinality numeric
        # column with inf, NaN, -0.0 or 2^63 must still give a report or a reason)
        st.lists(st.lists(st.sampled_from(NUMBERS), min_size=2, max_size=4),
                 min_size=2, max_size=60).map(
            lambda rows: ("a,b,c,d\n" + "\n".join(",".join(r) for r in rows)).encode()),
        st.lists(st.dictionaries(st.sampled_from(["prompt", "output", "group", "x"]),
                                 st.one_of(st.text(max_size=20), st.integers(), st.none())),
                 min_size=1, max_size=20).map(
            lambda rows: "\n".join(json.dumps(r) for r in rows).encode()),
    ))  # fmt: skip
    upload = httpx.post(f"{base_url}/v1/files?purpose={purpose}&filename=f{suffix}",
                        content=body, headers=AUTH)  # fmt: skip
    assert upload.status_code == 201, upload.text
    kind = "explain_csv" if purpose == "dataset" else "audit"
    job = httpx.post(f"{base_url}/v1/jobs", headers=AUTH,
                     json={"kind": kind, "file_id": upload.json()["id"]}).json()  # fmt: skip
    deadline = time.monotonic() + 60
    while job["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, job
        time.sleep(0.02)
        job = httpx.get(f"{base_url}/v1/jobs/{job['id']}", headers=AUTH).json()
    if job["status"] == "failed":
        assert job["error"] and not job["error"].startswith("internal error"), job["error"]

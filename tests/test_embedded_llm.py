"""The real embedded llama.cpp server with SmolLM2 (marked `llm`; small enough for CI)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from pydantic import BaseModel, Field

from agent.llm import LLMProvider
from agent.llm.serving import ServerManager
from agent.settings import Settings
from tests.conftest import require_module

pytestmark = pytest.mark.llm
EXPLAINER = [sys.executable, "-m", "agent.cli"]


class Capital(BaseModel):
    country: str = Field(min_length=2)
    capital: str = Field(min_length=2)


def cli(*args: str, state: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("EXPLAINER_")}
    full_env.update({"EXPLAINER_STATE_DIR": str(state), **env})
    return subprocess.run(
        [*EXPLAINER, *args], capture_output=True, text=True, env=full_env, timeout=180
    )


def servers_on(port: int) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmd = proc.info["cmdline"] or []
        if "--port" in cmd and str(port) in cmd:
            found.append(proc)
    return found


COLOR_TOOL = {
    "type": "function",
    "function": {
        "name": "report_capital",
        "description": "Report a country and its capital.",
        "parameters": Capital.model_json_schema(),
    },
}


@pytest.mark.parametrize(
    ("server", "expected"),
    [
        ("embedded_server", ("json_schema", None, "emulated")),
        ("llama_cpp_server", ("json_object_schema", "named", "native")),
    ],
)
def test_probe_reports_tools_json_schema_and_logprobs(
    server: str, expected: tuple[str, str | None, str], request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue(server)

    async def go() -> None:
        async with LLMProvider(url) as p:
            caps = await p.capabilities()
            assert (caps.json_schema, caps.tool_choice, caps.forced_tool_call) == expected
            assert caps.logprobs
            reply = await p.chat(
                [{"role": "user", "content": "Say yes."}], logprobs=True, max_tokens=4
            )
            assert reply.logprobs and all(t.logprob <= 0 for t in reply.logprobs)
            # A forced tool call works on both, natively or through schema output.
            called = await p.chat(
                [{"role": "user", "content": "What is the capital of Peru?"}],
                tools=[COLOR_TOOL],
                tool_choice={"type": "function", "function": {"name": "report_capital"}},
                max_tokens=64,
            )
            assert called.tool_calls and called.tool_calls[0].name == "report_capital"
            Capital.model_validate_json(called.tool_calls[0].arguments)

    asyncio.run(go())


@pytest.mark.parametrize("server", ["embedded_server", "llama_cpp_server"])
def test_structured_returns_a_valid_object(server: str, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue(server)

    async def go() -> Capital:
        async with LLMProvider(url) as p:
            return await p.structured(
                [{"role": "user", "content": "What is the capital of France?"}], Capital
            )

    result = asyncio.run(go())
    assert isinstance(result, Capital) and len(result.capital) >= 2


def test_ask_prints_a_real_answer_and_timings(embedded_server: str, tmp_path: Path) -> None:
    done = cli(
        "ask", "--json", "--max-tokens", "24", "What colour is the sky?",
        state=tmp_path, EXPLAINER_LLM_BASE_URL=embedded_server,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["model"] == "smollm2-135m-instruct"
    assert len(result["answer"].split()) >= 2
    assert 0 < result["timings"]["completion_tokens"] <= 24
    assert result["timings"]["tokens_per_s"] > 0


def test_serve_then_stop_leaves_nothing_behind(tmp_path: Path) -> None:
    started = cli("llm", "serve", state=tmp_path)
    assert started.returncode == 0, started.stderr
    record = json.loads((tmp_path / "llm-server.json").read_text())
    assert psutil.pid_exists(record["pid"]) and servers_on(record["port"])
    stopped = cli("llm", "stop", state=tmp_path)
    assert stopped.returncode == 0 and f"pid {record['pid']}" in stopped.stdout
    time.sleep(0.2)
    assert not servers_on(record["port"])
    assert not (tmp_path / "llm-server.json").exists()
    assert "stopped" in cli("llm", "status", state=tmp_path).stdout


def test_concurrent_serves_start_one_server(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXPLAINER_")}
    env["EXPLAINER_STATE_DIR"] = str(tmp_path)
    procs = [
        subprocess.Popen([*EXPLAINER, "llm", "serve"], stdout=subprocess.PIPE, text=True, env=env)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=180)[0] for p in procs]
    try:
        assert all(p.returncode == 0 for p in procs)
        assert sorted("already running" in o for o in outputs) == [False, True]
        record = json.loads((tmp_path / "llm-server.json").read_text())
        assert all(f"pid {record['pid']}" in o for o in outputs)
        assert len(servers_on(record["port"])) == 1
    finally:
        cli("llm", "stop", state=tmp_path)


def test_dead_server_is_reported_then_restarted(tmp_path: Path) -> None:
    manager = ServerManager(Settings(state_dir=tmp_path))
    first, _ = manager.serve()
    try:
        psutil.Process(first.pid).kill()
        psutil.Process(first.pid).wait(5)
        status = cli("llm", "status", state=tmp_path)
        assert status.returncode == 3
        assert status.stdout.startswith("dead:") and str(first.pid) in status.stdout
        url = manager.ensure()  # what every LLM-needing command does
        second = manager.read_record()
        assert second is not None and second.pid != first.pid and url == second.url
        assert manager.status().state == "running"
    finally:
        manager.stop()


def test_no_server_is_one_clear_line_fast(tmp_path: Path) -> None:
    from agent.llm.engines import free_port

    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    started = time.perf_counter()
    done = cli("ask", "hello", state=tmp_path, EXPLAINER_LLM_BASE_URL=url)
    elapsed = time.perf_counter() - started
    assert done.returncode == 3
    assert elapsed < 10
    lines = done.stderr.strip().splitlines()
    assert lines == [
        f"error: no LLM answers at {url}: start one with `explainer llm serve` "
        "or set EXPLAINER_LLM_BASE_URL"
    ]
    assert "Traceback" not in done.stderr


def test_llama_cpp_python_engine_starts_and_stops(tmp_path: Path) -> None:
    require_module("llama_cpp")
    manager = ServerManager(Settings(state_dir=tmp_path))
    record, started = manager.serve("llama-cpp-python")
    assert started and record.engine == "llama-cpp-python"
    assert "--interrupt_requests" in record.argv  # a new request must not cut off a stream
    assert manager.status().state == "running"
    manager.stop()
    assert not servers_on(record.port)

"""The vLLM production path, for real, on vLLM's CPU build (``make vllm-check``).

Skipped unless ``EXPLAINER_VLLM_PYTHON`` names the Python of a venv with vLLM (``make
vllm-venv`` makes ``.venv-vllm`` from ``requirements-vllm.lock``). One vLLM server serves
SmolLM2-135M-Instruct from the directory the project de-quantizes from its GGUF (no hub
access), started by ``explainer llm serve --engine vllm``'s own code, and every check below
runs against it: the capability probe, structured output, black-box scoring against the
white-box model, and the whole flow (explain, audit --generate, the OpenAI facade).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import openai
import pytest
from pydantic import BaseModel

from agent.llm import FORBID_ENV, LLMProvider
from evals.blackbox_agreement import compare

# Read at import: the suite's isolation fixture clears EXPLAINER_* for every test.
VLLM_PYTHON = os.environ.get("EXPLAINER_VLLM_PYTHON")
ROOT = Path(__file__).resolve().parents[1]
DEMO = "The movie was not good at all. Was the review positive or negative?"

pytestmark = [
    pytest.mark.llm,
    pytest.mark.model,
    pytest.mark.vllm,
    pytest.mark.skipif(not VLLM_PYTHON, reason="EXPLAINER_VLLM_PYTHON unset: `make vllm-check`"),
]


@pytest.fixture(scope="module")
def vllm_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from agent.llm.serving import ServerManager
    from agent.settings import Settings
    from tools.models import dequantized

    state = tmp_path_factory.mktemp("vllm")
    manager = ServerManager(Settings(state_dir=state, vllm_python=Path(str(VLLM_PYTHON))))
    saved = os.environ.pop(FORBID_ENV, None)
    try:
        record, started = manager.serve("vllm", model=str(dequantized()))
    finally:
        if saved is not None:
            os.environ[FORBID_ENV] = saved
    assert started and record.engine == "vllm" and record.model == "smollm2-135m-instruct"
    assert "vllm.entrypoints.openai.api_server" in record.argv
    print(f"vLLM (CPU) started in {record.start_seconds:.1f} s")
    yield record.url
    manager.stop()


def test_capabilities_and_structured_output(vllm_url: str) -> None:
    class Verdict(BaseModel):
        answer: str
        confidence: int

    async def go() -> tuple[Any, Verdict]:
        async with LLMProvider(vllm_url) as llm:
            caps = await llm.capabilities()
            from agent.llm.structured import structured

            messages = [{"role": "user", "content": "Is fire hot? Answer as JSON."}]
            return caps, await structured(llm, messages, Verdict, max_tokens=60)

    caps, verdict = asyncio.run(go())
    assert caps.json_schema == "json_schema" and caps.logprobs is True
    assert isinstance(verdict, Verdict)


def test_black_box_scores_agree_with_the_white_box_model(vllm_url: str) -> None:
    white, black, mismatched = compare(vllm_url)
    assert mismatched == 0 and len(white) > 100
    w, b = np.array(white), np.array(black)
    assert np.corrcoef(w, b)[0, 1] >= 0.99
    assert np.mean(np.abs(w - b)) < 0.1  # bfloat16 on vLLM's CPU build vs float32


def test_black_box_explains_the_decision_and_its_contrast(vllm_url: str) -> None:
    from tools.registry import get_tool

    tool = get_tool("attribute_endpoint")
    plain = tool({"text": DEMO, "endpoint": vllm_url})
    assert plain.decision == "negative" and set(plain.options) == {"positive", "negative"}
    top = max(plain.units, key=lambda u: u.score)
    assert top.text == "not"
    contrast = tool({"text": DEMO, "endpoint": vllm_url, "contrast": True})
    assert contrast.foil == "positive"
    assert max(contrast.units, key=lambda u: u.score).text == "not"


def _cli(*args: str, url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    if url:
        env["EXPLAINER_LLM_BASE_URL"] = url
    return subprocess.run([sys.executable, "-m", "agent.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)  # fmt: skip


def test_explain_with_vllm_as_the_explainer_llm(vllm_url: str) -> None:
    done = _cli("explain", DEMO, "--json", url=vllm_url)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    first = result["answer"].splitlines()[0]
    assert "'not'" in first and "[E1]" in first
    assert result["target_answer"]["decision"] == "negative"
    # The first line is code's lead claim, checked; whatever the narrator added is checked.
    assert any(f["verdict"] == "supported" and f["text"] in first for f in result["framing"])
    shown = [s for s in result["sentences"] if s["text"] in result["answer"]]
    assert all(s["verdict"] == "supported" for s in shown)
    assert result["timings"]["llm_seconds"] > 0  # the vLLM narrator was asked


def test_audit_generates_from_vllm_as_the_target(vllm_url: str, tmp_path: Path) -> None:
    items = [{"id": "q1", "prompt": "What is the capital of France?", "reference": "Paris"},
             {"id": "q2", "prompt": "What do bees make?", "reference": "honey"}]  # fmt: skip
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items))
    done = _cli("audit", str(path), "--target-url", vllm_url, "--generate", "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    kept = (tmp_path / "items.generated.jsonl").read_text().splitlines()
    generated = [json.loads(line) for line in kept]
    assert {g["key"] for g in generated} == {"q1", "q2"}
    assert all(g["output"].strip() and g["samples"] and g["logprobs"] for g in generated)
    report = json.loads(done.stdout)
    assert report["items"] == 2 and len(report["verdicts"]) == 2


def test_openai_facade_with_vllm_as_the_explainer(vllm_url: str, tmp_path: Path) -> None:
    from agent.chat.agent import Agent
    from agent.chat.sessions import SessionStore
    from agent.service import create_app

    store = SessionStore(tmp_path / "sessions.sqlite")
    made: list[Agent] = []

    def make_agent() -> Agent:
        made.append(Agent(LLMProvider(vllm_url), store))
        return made[-1]

    app = create_app(make_agent, token="t")

    async def go() -> Any:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s")
        client = openai.AsyncOpenAI(base_url="http://s/v1", api_key="t", http_client=http,
                                    max_retries=0)  # fmt: skip
        try:
            async with client:
                return await client.chat.completions.create(
                    model="explainer",
                    messages=[{"role": "user", "content": DEMO},
                              {"role": "user", "content": "why?"}],
                )  # fmt: skip
        finally:
            for agent in made:
                await agent.llm.aclose()

    reply = asyncio.run(go())
    answer = reply.choices[0].message.content or ""
    assert "'not'" in answer.splitlines()[0]
    extra = reply.model_extra or {}
    assert extra["evidence"][0]["tool"] == "attribute" and reply.usage is not None
    assert reply.usage.completion_tokens > 0  # tokens the vLLM narrator reported

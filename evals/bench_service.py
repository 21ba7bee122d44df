"""Load on `explainer serve`: concurrent sessions against the scripted LLM.

A server process (this script with --serve) runs the real app under uvicorn with the
scripted LLM (a fixed narration) and the planted target (a 2-layer GPT-2 trained in a
second at start), so the figures are the service's and the tools', not an LLM's. The
client opens --sessions sessions at once; each sets an input and asks --messages
questions in turn (attribution, what-if, confidence, layers, …; all routed by the rules).

Reported per run: requests, 5xx count, lost messages (a session whose stored history
lacks a question or an answer), throughput, end-to-end latency p50/p95, and the service
overhead p50/p95 = latency minus the time inside the agent's turn (the server sends it as
`Server-Timing: agent;dur=…`): HTTP, JSON, auth, SQLite reads and the event loop. Medians
over --runs runs (a fresh server each).

    python evals/bench_service.py [--sessions 50] [--messages 10] [--runs 3]

With ``--stack embedded`` it runs the real stack instead (evals/service_mix.py): 2 tenants
x --tenant-sessions sessions of 5 messages (one streamed, two sent at once), 2 dataset
jobs, an audit job and dataset follow-ups at once, /healthz polled; then every evidence
record recomputed sequentially and compared (1e-6).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.planted: the planted target and its vocabulary
QUESTIONS = [
    "why?",
    "what if 'zebra' were 'cat'?",
    "how confident is the model?",
    "which layer knows the answer?",
    "what if we remove 'zebra'?",
    "is the attribution faithful?",
    "explain it again",
    "how sure is it?",
    "replace 'zebra' with 'the'",
    "why?",
]
from evals.service_mix import wait_healthy  # noqa: E402  (after the path is set)

TOKEN = "bench-token"

#: Prose narration without decomposition: these tests script the narrator's sentences.
PROSE: dict[str, Any] = {"narration": "prose", "decompose": False}


def serve(port: int, state: Path) -> None:
    import uvicorn

    from agent.chat.agent import Agent
    from agent.chat.sessions import SessionStore
    from agent.llm.testing import ScriptedLLM
    from agent.service import create_app
    from tests.planted import planted_model
    from tools.models import register_target

    register_target("planted", planted_model())
    llm = ScriptedLLM().always("The word 'zebra' pushed the model towards its answer most [E1].")
    store = SessionStore(state / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(max_retries=0), store, **PROSE),
                     token=TOKEN, data_dir=state / "service", targets=["planted"])  # fmt: skip
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def _text(rng: random.Random) -> str:
    from tests.planted import FILLER, TRIGGER

    words = rng.choices(FILLER, k=rng.randint(5, 9))
    words.insert(rng.randint(0, len(words)), TRIGGER)
    return " ".join(words)


async def session(
    client: httpx.AsyncClient, rng: random.Random, messages: int, out: dict[str, Any]
) -> None:
    created = await client.post("/v1/sessions", json={"text": _text(rng), "model": "planted"})
    out["statuses"].append(created.status_code)
    if created.status_code != 201:
        return
    sid = created.json()["id"]
    for i in range(messages):
        started = time.perf_counter()
        response = await client.post(f"/v1/sessions/{sid}/messages",
                                     json={"content": QUESTIONS[i % len(QUESTIONS)]})  # fmt: skip
        latency = time.perf_counter() - started
        out["statuses"].append(response.status_code)
        timing = response.headers.get("server-timing", "")
        if response.status_code == 200 and "dur=" in timing:
            agent = float(timing.split("dur=")[1]) / 1000
            out["latency"].append(latency)
            out["overhead"].append(latency - agent)
    history = (await client.get(f"/v1/sessions/{sid}/messages")).json()
    asked = [m["content"] for m in history if m["role"] == "user"]
    answered = [m for m in history if m["role"] == "assistant"]
    expected = [QUESTIONS[i % len(QUESTIONS)] for i in range(messages)]
    if asked != expected or len(answered) != messages:
        out["lost"] += 1


async def load(url: str, sessions: int, messages: int, seed: int) -> dict[str, Any]:
    out: dict[str, Any] = {"statuses": [], "latency": [], "overhead": [], "lost": 0}
    limits = httpx.Limits(max_connections=sessions + 10)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=limits,
                                 timeout=300) as client:  # fmt: skip
        await client.post(
            "/v1/chat/completions",
            json={  # warm-up: loads the agent
                "model": "planted",
                "messages": [{"role": "user", "content": "zebra at home"}],
            },
        )
        started = time.perf_counter()
        await asyncio.gather(*(session(client, random.Random(seed + i), messages, out)
                               for i in range(sessions)))  # fmt: skip
        out["seconds"] = time.perf_counter() - started
    return out


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def run_once(sessions: int, messages: int, seed: int) -> dict[str, float]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
        proc = subprocess.Popen([sys.executable, __file__, "--serve", str(port), "--state", tmp],
                                env=env)  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc, timeout=120)
            out = asyncio.run(load(url, sessions, messages, seed))
        finally:
            proc.terminate()
            proc.wait()
    requests = len(out["statuses"])
    return {
        "requests": requests,
        "5xx": sum(1 for s in out["statuses"] if s >= 500),
        "non_2xx": sum(1 for s in out["statuses"] if s >= 300),
        "lost": out["lost"],
        "seconds": out["seconds"],
        "throughput": requests / out["seconds"],
        "latency_p50": _pct(out["latency"], 50),
        "latency_p95": _pct(out["latency"], 95),
        "overhead_p50": _pct(out["overhead"], 50),
        "overhead_p95": _pct(out["overhead"], 95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--stack",
        choices=["scripted", "embedded"],
        default="scripted",
        help="embedded: the real `explainer serve` with the mixed load of "
        "evals/service_mix.py (one run; about 10-20 minutes on 2 cores)",
    )
    parser.add_argument(
        "--tenant-sessions",
        type=int,
        default=10,
        help="embedded: sessions per tenant (two tenants)",
    )
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.state)
        return
    if args.stack == "embedded":
        from evals.service_mix import run as run_mix

        print(json.dumps(run_mix(args.tenant_sessions), indent=1, default=str))
        return
    runs = []
    for i in range(args.runs):
        result = run_once(args.sessions, args.messages, seed=1000 * i)
        runs.append(result)
        print(f"run {i + 1}: " + ", ".join(
            f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items()),
            flush=True)  # fmt: skip
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"\n{args.sessions} sessions x {args.messages} messages, median of {args.runs} runs:")
    print(f"  requests {med['requests']:.0f}, 5xx {max(r['5xx'] for r in runs)} (max over runs), "
          f"lost messages {max(r['lost'] for r in runs)} (max), other non-2xx "
          f"{max(r['non_2xx'] for r in runs)} (max)")  # fmt: skip
    print(f"  wall {med['seconds']:.1f} s, throughput {med['throughput']:.1f} requests/s")
    print(
        f"  end-to-end latency p50 {med['latency_p50'] * 1000:.0f} ms, "
        f"p95 {med['latency_p95'] * 1000:.0f} ms"
    )
    print(
        f"  service overhead (latency - agent turn) p50 {med['overhead_p50'] * 1000:.1f} ms, "
        f"p95 {med['overhead_p95'] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()

"""The mixed load of ``bench_service.py --stack embedded`` on a real ``explainer serve``
(embedded SmolLM2 narrator, SmolLM2 target): two tenants with sessions of five messages
(the first streamed, two of them sent at once), two dataset jobs, an audit job and
dataset follow-ups at the same time, and ``/healthz`` polled throughout. Afterwards every
evidence record is recomputed sequentially, in this process, and compared (1e-6).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
TOKENS = {"a": "tenant-a-token", "b": "tenant-b-token"}
TEXTS = [
    ("The movie was not good at all. Was the review positive or negative?", "good"),
    ("The food was excellent and the staff were kind. Positive or negative?", "excellent"),
    ("Is Paris the capital of France? Answer yes or no.", "Paris"),
    ("The service was slow and the room was dirty. Was the stay good or bad?", "dirty"),
    ("I loved every minute of this film. Positive or negative?", "loved"),
    ("What is 2 plus 3? Answer with a number.", "3"),
    ("The battery died after an hour. Would you buy this phone, yes or no?", "died"),
    ("Is the sun cold? Answer yes or no.", "cold"),
    ("The concert was wonderful and loud. Positive or negative?", "wonderful"),
    ("The book was boring and far too long. Did the reader like it, yes or no?", "boring"),
]


def questions(word: str) -> list[str]:
    """The five messages of a session; the 2nd and 3rd are sent at once."""
    return ["why?", f"what about '{word}'?", "how sure is it?", "which layer knows this?",
            f"remove '{word}' and try again"]  # fmt: skip


def _pct(values: list[float], q: int) -> float:
    import statistics

    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


async def _stream(client: httpx.AsyncClient, sid: str, content: str, out: dict[str, Any]) -> None:
    started = time.perf_counter()
    first = None
    async with client.stream("POST", f"/v1/sessions/{sid}/messages",
                             json={"content": content, "stream": True}) as response:  # fmt: skip
        out["statuses"].append(response.status_code)
        event = None
        async for line in response.aiter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == "delta" and first is None:
                first = time.perf_counter() - started
            elif line.startswith("data: ") and event == "error":
                out["stream_errors"].append(line)
    total = time.perf_counter() - started
    out["turns"].append(total)
    if first is not None:
        out["first_claim"].append((first, total))


async def _post(client: httpx.AsyncClient, sid: str, content: str, out: dict[str, Any]) -> None:
    started = time.perf_counter()
    response = await client.post(f"/v1/sessions/{sid}/messages", json={"content": content})
    out["statuses"].append(response.status_code)
    if response.status_code >= 500:
        out["errors"].append(response.text[:300])
    out["turns"].append(time.perf_counter() - started)


async def session(client: httpx.AsyncClient, text: str, word: str, out: dict[str, Any]) -> None:
    made = await client.post("/v1/sessions", json={"text": text})
    out["statuses"].append(made.status_code)
    if made.status_code != 201:
        return
    sid = made.json()["id"]
    asked = questions(word)
    await _stream(client, sid, asked[0], out)
    await asyncio.gather(_post(client, sid, asked[1], out), _post(client, sid, asked[2], out))
    for content in asked[3:]:
        await _post(client, sid, content, out)
    history = (await client.get(f"/v1/sessions/{sid}/messages")).json()
    users = [m["content"] for m in history if m["role"] == "user"]
    answers = [m for m in history if m["role"] == "assistant"]
    if sorted(users) != sorted(asked) or len(answers) != len(asked):
        out["lost"].append({"session": sid, "asked": users, "answers": len(answers)})
    out["sessions"].append((client.headers["authorization"], sid))


async def _job(client: httpx.AsyncClient, path: Path, purpose: str, job: dict[str, Any],
               out: dict[str, Any], asks: tuple[str, ...] = ()) -> None:  # fmt: skip
    up = await client.post(f"/v1/files?purpose={purpose}&filename={path.name}",
                           content=path.read_bytes())  # fmt: skip
    out["statuses"].append(up.status_code)
    made = await client.post("/v1/jobs", json={**job, "file_id": up.json()["id"]})
    out["statuses"].append(made.status_code)
    job_id = made.json()["id"]
    while True:
        view = (await client.get(f"/v1/jobs/{job_id}")).json()
        if view["status"] in ("succeeded", "failed"):
            break
        await asyncio.sleep(0.5)
    out["jobs"].append((job["kind"], view["status"], view.get("error")))
    for question in asks:
        answer = await client.post(f"/v1/jobs/{job_id}/ask", json={"question": question})
        out["statuses"].append(answer.status_code)
        out["asks"].append((question, answer.status_code))


async def _health(url: str, stop: asyncio.Event, out: dict[str, Any]) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        while not stop.is_set():
            started = time.perf_counter()
            response = await client.get("/healthz")
            out["healthz"].append(time.perf_counter() - started)
            out["statuses"].append(response.status_code)
            await asyncio.sleep(0.1)


def _files(tmp: Path) -> tuple[Path, Path, Path]:
    sys.path.insert(0, str(ROOT))
    from tests.planted_data import write_planted
    from tests.realdata import extract_csvs

    # the tarball also holds macOS resource forks named ._titanic.csv (binary): not those
    titanic = next(p for p in extract_csvs(tmp, ["titanic.csv"]) if not p.name.startswith("._"))
    planted = tmp / "planted.csv"
    write_planted(planted, n=5000)
    audit = tmp / "outputs.jsonl"
    rng = random.Random(0)
    with audit.open("w") as fh:
        for group, rate in (("A", 0.3), ("B", 0.05)):
            for i in range(150):
                refused = rng.random() < rate
                output = "I'm sorry, but I can't help with that." if refused else f"Sure: {i}."
                fh.write(json.dumps({"prompt": f"q{i}", "output": output, "group": group}) + "\n")
    return titanic, planted, audit


async def load(url: str, tmp: Path, sessions_per_tenant: int) -> dict[str, Any]:
    keys = ("statuses", "turns", "first_claim", "healthz", "lost", "errors", "stream_errors",
            "jobs", "asks", "sessions")  # fmt: skip
    out: dict[str, Any] = {k: [] for k in keys}
    titanic, planted, audit = _files(tmp)
    clients = {t: httpx.AsyncClient(base_url=url, timeout=900,
                                    headers={"Authorization": f"Bearer {token}"})
               for t, token in TOKENS.items()}  # fmt: skip
    stop = asyncio.Event()
    health = asyncio.create_task(_health(url, stop, out))
    started = time.perf_counter()
    work = [session(clients[t], *TEXTS[i % len(TEXTS)], out)
            for i in range(sessions_per_tenant) for t in TOKENS]  # fmt: skip
    work += [
        _job(clients["a"], titanic, "dataset",
             {"kind": "explain_csv", "target": "survived"}, out,
             ("survived rate by class?", "survived rate by sex?", "how many rows?")),
        _job(clients["b"], planted, "dataset", {"kind": "explain_csv", "target": "y"}, out,
             ("y rate by region?",)),
        _job(clients["a"], audit, "audit", {"kind": "audit", "groups": ["group"]}, out),
    ]  # fmt: skip
    await asyncio.gather(*work)
    out["seconds"] = time.perf_counter() - started
    stop.set()
    await health
    out["evidence"] = []
    for auth, sid in out["sessions"]:
        client = next(c for c in clients.values() if c.headers["authorization"] == auth)
        out["evidence"] += (await client.get(f"/v1/sessions/{sid}/evidence")).json()
    for client in clients.values():
        await client.aclose()
    return out


def recompute(records: list[dict[str, Any]]) -> tuple[int, int, float]:
    """Every record's tool call re-run here, one after another: (records, records whose
    facts all agree within 1e-6, the largest difference seen)."""
    from tools.registry import get_tool

    same, worst = 0, 0.0
    for record in records:
        again = get_tool(record["tool"])(record["arguments"]).facts()
        first = [(f["subject"], f["quantity"], f["value"]) for f in record["facts"]]
        second = [(f.subject, f.quantity, f.value) for f in again]
        keys_match = [a[:2] for a in first] == [b[:2] for b in second]
        diff = max((abs(a[2] - b[2]) for a, b in zip(first, second, strict=False)), default=0.0)
        worst = max(worst, diff if keys_match else float("inf"))
        same += keys_match and diff <= 1e-6
    return len(records), same, worst


def wait_healthy(url: str, proc: subprocess.Popen[Any], timeout: float) -> None:
    """Wait until the server process answers /healthz (exit if it dies or never does)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{url}/healthz").status_code == 200:
                return
        except httpx.TransportError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("the server did not start") from None
            time.sleep(0.1)


def run(sessions_per_tenant: int) -> dict[str, Any]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1",
               "EXPLAINER_API_TOKEN": ",".join(TOKENS.values()),
               "EXPLAINER_STATE_DIR": str(tmp / "state")}  # fmt: skip
        serve = [sys.executable, "-m", "agent.cli", "serve", "--port", str(port), "--workers", "2"]
        proc = subprocess.Popen(serve, env=env, cwd=ROOT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc, timeout=300)
            out = asyncio.run(load(url, tmp, sessions_per_tenant))
        finally:
            proc.terminate()
            proc.wait()
            subprocess.run([sys.executable, "-m", "agent.cli", "llm", "stop"], env=env,
                           cwd=ROOT, capture_output=True)  # fmt: skip
    started = time.perf_counter()
    total, same, worst = recompute(out["evidence"])
    firsts = [f / t for f, t in out["first_claim"]]
    return {
        "requests": len(out["statuses"]),
        "5xx": sum(s >= 500 for s in out["statuses"]),
        "lost_sessions": len(out["lost"]),
        "lost_detail": out["lost"][:3],
        "errors": out["errors"][:3] + out["stream_errors"][:3],
        "jobs": out["jobs"],
        "asks": out["asks"],
        "seconds": out["seconds"],
        "turns": len(out["turns"]),
        "turn_p50": _pct(out["turns"], 50),
        "turn_p95": _pct(out["turns"], 95),
        "healthz_p50_ms": _pct(out["healthz"], 50) * 1000,
        "healthz_p95_ms": _pct(out["healthz"], 95) * 1000,
        "healthz_samples": len(out["healthz"]),
        "first_claim_share_p50": _pct(firsts, 50) if firsts else None,
        "first_claim_share_max": max(firsts) if firsts else None,
        "evidence_records": total,
        "evidence_equal": same,
        "evidence_worst_diff": worst,
        "recompute_seconds": time.perf_counter() - started,
    }

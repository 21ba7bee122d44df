"""The service's uploads, jobs, streaming, metrics and security, with known answers: a
planted dataset, a planted refusal disparity, two tenants, a size limit, and restarts
(simulated states, and a real `explainer serve` killed in the middle of a job)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from starlette.testclient import TestClient

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm.testing import ScriptedLLM
from agent.service import create_app
from agent.service.store import ExplainCsvJob, JobStore
from tests.planted import planted_model
from tests.planted_data import write_planted
from tools.models import register_target

A, B = "tenant-a-token", "tenant-b-token"
REFUSAL = "I'm sorry, but I can't help with that."
EXPLAIN = {"kind": "explain_csv", "target": "y", "summary": False}
ZEBRA = "The word 'zebra' pushed the model towards its answer most [E1]."

#: Prose narration without decomposition: these tests script the narrator's sentences.
PROSE: dict[str, Any] = {"narration": "prose", "decompose": False}


@pytest.fixture(scope="module", autouse=True)
def _planted() -> None:
    register_target("planted", planted_model())


def auth(token: str = A) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def make_app(tmp_path: Path, llm: ScriptedLLM | None = None, **kwargs: Any) -> Any:
    store = SessionStore(tmp_path / "sessions.sqlite")
    scripted = llm or ScriptedLLM()
    return create_app(lambda: Agent(scripted.provider(max_retries=0), store, **PROSE),
                      token=f"{A},{B}", data_dir=tmp_path / "service", **kwargs)  # fmt: skip


def upload(client: TestClient, path: Path, purpose: str, token: str = A) -> str:
    response = client.post(f"/v1/files?purpose={purpose}&filename={path.name}",
                           content=path.read_bytes(), headers=auth(token))  # fmt: skip
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def wait(client: TestClient, job_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}", headers=auth()).json()
        if job["status"] in ("succeeded", "failed"):
            return job  # type: ignore[no-any-return]
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['status']} after {timeout} s")


def audit_file(path: Path) -> Path:
    """200 items per group; group A is refused 30% of the time, group B 5%."""
    rng = np.random.default_rng(0)
    with path.open("w") as fh:
        for group, rate in (("A", 0.30), ("B", 0.05)):
            for i in range(200):
                output = REFUSAL if rng.uniform() < rate else f"Sure: answer {i}."
                fh.write(json.dumps({"prompt": f"q{i}", "output": output, "group": group}) + "\n")
    return path


def test_dataset_job_finds_the_planted_drivers(tmp_path: Path) -> None:
    csv = write_planted(tmp_path / "planted.csv", n=5000)
    with TestClient(make_app(tmp_path)) as client:
        file_id = upload(client, csv, "dataset")
        started = client.post("/v1/jobs", headers=auth(), json={**EXPLAIN, "file_id": file_id})
        assert started.status_code == 202 and started.json()["status"] == "queued"
        job = wait(client, started.json()["id"])
        assert job["status"] == "succeeded", job
        assert job["progress"] == 1.0 and job["attempts"] == 1
        data = client.get(f"/v1/jobs/{job['id']}/result", headers=auth()).json()
        page = client.get(f"/v1/jobs/{job['id']}/report", headers=auth())
    drivers = {d["column"]: d for d in data["drivers"]}
    assert drivers["lin"]["significant"] and drivers["lin"]["shape"] == "increasing"
    assert drivers["u"]["shape"] == "u_shaped"
    assert data["file"] == "planted.csv"  # the uploader's name, not the stored one
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "planted.csv" in page.text and "<figure><svg" in page.text


def test_audit_job_finds_the_planted_disparity(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path)) as client:
        file_id = upload(client, audit_file(tmp_path / "outputs.jsonl"), "audit")
        body = {"kind": "audit", "file_id": file_id, "groups": ["group"]}
        started = client.post("/v1/jobs", headers=auth(), json=body)
        job = wait(client, started.json()["id"])
        assert job["status"] == "succeeded", job
        data = client.get(f"/v1/jobs/{job['id']}/result", headers=auth()).json()
    (refusal,) = [d for d in data["disparities"] if d["metric"] == "refusal_rate"]
    assert refusal["flagged"] and refusal["between"] == ["A", "B"] and refusal["p"] < 0.01
    assert any("'group' = 'A' is refused at" in s for s in data["narrative"])


def test_an_audit_job_reads_the_references_as_the_kind_it_is_given(tmp_path: Path) -> None:
    context = ("The earbuds play for up to 6 hours on a charge. A 10-minute charge in the "
               "case gives about 1 hour of playback. The case holds three more "
               "charges.")  # fmt: skip
    path = tmp_path / "rag.jsonl"
    path.write_text(json.dumps({"prompt": "how long does a quick charge last?",
                                "output": "About 1 hour. The earbuds are IPX7 waterproof.",
                                "reference": context}) + "\n")  # fmt: skip
    verdicts = {}
    with TestClient(make_app(tmp_path)) as client:
        file_id = upload(client, path, "audit")
        for kind in ("context", "facts"):
            body = {"kind": "audit", "file_id": file_id, "reference_kind": kind}
            job = wait(client, client.post("/v1/jobs", headers=auth(), json=body).json()["id"])
            data = client.get(f"/v1/jobs/{job['id']}/result", headers=auth()).json()
            verdicts[kind] = data["verdicts"][0]
        wrong = {"kind": "audit", "file_id": file_id, "reference_kind": "fact"}
        bad = client.post("/v1/jobs", headers=auth(), json=wrong)
    # a specific the context never states is an error; against facts it is extra detail
    assert verdicts["context"]["correctness"] == "unsupported"
    assert verdicts["facts"]["correctness"] == "agrees" and verdicts["facts"]["verdict"] == "ok"
    assert bad.status_code in (400, 422)


def test_a_failed_job_says_why(tmp_path: Path) -> None:
    (tmp_path / "ragged.csv").write_text("a,b\n1,2\n3,4,5\n")
    with TestClient(make_app(tmp_path)) as client:
        file_id = upload(client, tmp_path / "ragged.csv", "dataset")
        started = client.post(
            "/v1/jobs",
            headers=auth(),
            json={"kind": "explain_csv", "file_id": file_id, "summary": False},
        )
        job = wait(client, started.json()["id"])
        result = client.get(f"/v1/jobs/{job['id']}/result", headers=auth())
        wrong_kind = client.post("/v1/jobs", headers=auth(),
                                 json={"kind": "audit", "file_id": file_id})  # fmt: skip
    assert job["status"] == "failed" and "line 3" in job["error"]
    assert result.status_code == 409 and "failed" in result.json()["detail"]
    assert wrong_kind.status_code == 400 and "uploaded as 'audit'" in wrong_kind.json()["detail"]


def test_no_token_is_401_everywhere_but_health_and_page(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path)) as client:
        calls = [("GET", "/v1/jobs"), ("POST", "/v1/jobs"), ("POST", "/v1/files"),
                 ("POST", "/v1/sessions"), ("GET", "/v1/sessions/x/messages"),
                 ("POST", "/v1/sessions/x/messages"), ("GET", "/v1/sessions/x/evidence"),
                 ("GET", "/v1/jobs/x"), ("GET", "/v1/jobs/x/report"), ("GET", "/metrics"),
                 ("POST", "/v1/chat/completions"), ("GET", "/v1/sessions"), ("GET", "/v1/files"),
                 ("DELETE", "/v1/sessions/x"), ("DELETE", "/v1/files/x"),
                 ("DELETE", "/v1/jobs/x"), ("GET", "/v1/models")]  # fmt: skip
        for method, path in calls:
            for headers in ({}, auth("wrong"), {"Authorization": A}):
                response = client.request(method, path, headers=headers)
                assert response.status_code == 401, (method, path, headers)
                assert response.headers["www-authenticate"] == "Bearer"
        assert client.get("/healthz").status_code == 200
        page = client.get("/")
        assert page.status_code == 200 and 'id="heatmap"' in page.text
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert client.get("/app.js").status_code == 200


def test_one_tenant_cannot_reach_anothers_things(tmp_path: Path) -> None:
    csv = write_planted(tmp_path / "planted.csv", n=300)
    with TestClient(make_app(tmp_path)) as client:
        session = client.post("/v1/sessions", headers=auth(), json={"text": "a text"}).json()["id"]
        file_id = upload(client, csv, "dataset")
        job = client.post(
            "/v1/jobs",
            headers=auth(),
            json={"kind": "explain_csv", "file_id": file_id, "summary": False},
        )
        job_id = job.json()["id"]
        wait(client, job_id)
        other = auth(B)
        for path in (f"/v1/sessions/{session}/messages", f"/v1/sessions/{session}/evidence",
                     f"/v1/jobs/{job_id}", f"/v1/jobs/{job_id}/result",
                     f"/v1/jobs/{job_id}/report"):  # fmt: skip
            assert client.get(path, headers=other).status_code == 404, path
            assert client.get(path, headers=auth()).status_code == 200, path
        posted = client.post(f"/v1/sessions/{session}/messages", headers=other,
                             json={"content": "why?"})  # fmt: skip
        assert posted.status_code == 404
        steal = client.post("/v1/jobs", headers=other,
                            json={"kind": "explain_csv", "file_id": file_id})  # fmt: skip
        assert steal.status_code == 404
        assert client.get("/v1/jobs", headers=other).json() == []
        assert [j["id"] for j in client.get("/v1/jobs", headers=auth()).json()] == [job_id]


def test_uploads_are_size_limited_and_never_paths(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path, max_upload_bytes=1000)) as client:
        big = b"a,b\n" + b"1,2\n" * 500
        declared = client.post("/v1/files?purpose=dataset&filename=big.csv", content=big,
                               headers=auth())  # fmt: skip
        chunked = client.post("/v1/files?purpose=dataset&filename=big.csv",
                              content=(big[i : i + 100] for i in range(0, len(big), 100)),
                              headers=auth())  # fmt: skip
        sneaky = client.post("/v1/files?purpose=dataset&filename=../../etc/passwd.csv",
                             content=b"a,b\n1,2\n", headers=auth())  # fmt: skip
        exe = client.post("/v1/files?purpose=dataset&filename=x.exe", content=b"MZ",
                          headers=auth())  # fmt: skip
        wrong = client.post("/v1/files?purpose=dataset&filename=x.jsonl", content=b"{}",
                            headers=auth())  # fmt: skip
        empty = client.post("/v1/files?purpose=audit&filename=x.jsonl", content=b"",
                            headers=auth())  # fmt: skip
    assert declared.status_code == 413 and "1000" not in declared.json()["detail"]
    assert "MB" in declared.json()["detail"]
    assert chunked.status_code == 413
    assert sneaky.status_code == 201 and sneaky.json()["name"] == "passwd.csv"
    assert exe.status_code == 422 and "filename" in exe.text
    assert wrong.status_code == 400 and ".csv" in wrong.json()["detail"]
    assert empty.status_code == 400
    stored = list((tmp_path / "service" / "uploads").iterdir())
    assert [p.name for p in stored] == [sneaky.json()["id"] + ".csv"]  # nothing else kept


def test_unknown_or_path_models_are_refused(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path)) as client:
        for model in ("/etc/passwd", "../model.gguf", "gpt-4"):
            response = client.post("/v1/sessions", headers=auth(),
                                   json={"text": "hi", "model": model})  # fmt: skip
            assert response.status_code == 400 and "available" in response.json()["detail"]
            body = {"model": model, "messages": [{"role": "user", "content": "x"}]}
            chat = client.post("/v1/chat/completions", headers=auth(), json=body)
            assert chat.status_code == 400


def test_session_messages_stream_stages_then_the_verified_answer(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    llm.reply(ZEBRA + " The model is perfect [E1].")
    with TestClient(make_app(tmp_path, llm)) as client:
        session = client.post(
            "/v1/sessions",
            headers=auth(),
            json={"text": "the zebra was not at home", "model": "planted"},
        )
        sid = session.json()["id"]
        with client.stream("POST", f"/v1/sessions/{sid}/messages", headers=auth(),
                           json={"content": "why?", "stream": True}) as response:  # fmt: skip
            assert response.headers["content-type"].startswith("text/event-stream")
            body = response.read().decode()
        metrics = client.get("/metrics", headers=auth()).text
    events = [(b.split("\n")[0].removeprefix("event: "), json.loads(b.split("\n")[1][6:]))
              for b in body.strip().split("\n\n")]  # fmt: skip
    kinds = [k for k, _ in events]
    stages = [d["stage"] for k, d in events if k == "stage"]
    assert stages == ["routing", "running attribute", "narrating", "verifying"]
    assert kinds[-1] == "done" and kinds.index("delta") > kinds.index("stage")
    done = events[-1][1]
    streamed = "".join(d["content"] for k, d in events if k == "delta")
    assert streamed == done["answer"] == ZEBRA
    assert done["grounding_rate"] == 0.5
    assert 'explainer_turns_total{routed_by="rules"} 1.0' in metrics
    assert 'route="/v1/sessions/{session_id}/messages",status="200"' in metrics
    assert "explainer_turn_grounding_rate_count 1.0" in metrics


def _store_with_running_job(root: Path, *, attempts: int, keep_file: bool) -> str:
    jobs = JobStore(root)
    csv = write_planted(root / "src.csv", n=300)
    file_id, path = jobs.new_upload(".csv")
    path.write_bytes(csv.read_bytes())
    jobs.add_file(file_id, "api:x", "src.csv", "dataset", path.stat().st_size, path)
    job = jobs.create_job("api:x", ExplainCsvJob(kind="explain_csv", file_id=file_id,
                                                 summary=False))  # fmt: skip
    jobs.update(job.id, status="running", stage="profiling", progress=0.4, attempts=attempts)
    if not keep_file:
        path.unlink()
    jobs.close()
    return job.id


@pytest.mark.parametrize(
    ("attempts", "keep_file", "status", "error"),
    [
        (1, True, "succeeded", None),
        (1, False, "failed", "its upload is gone"),
        (2, True, "failed", "restarted during the job 2 times"),
    ],
)
def test_restart_resumes_or_fails_running_jobs(
    tmp_path: Path, attempts: int, keep_file: bool, status: str, error: str | None
) -> None:
    job_id = _store_with_running_job(tmp_path / "service", attempts=attempts, keep_file=keep_file)
    with TestClient(make_app(tmp_path)):  # the restart: recovery runs at startup
        jobs = JobStore(tmp_path / "service")
        deadline = time.monotonic() + 60
        while (view := jobs.job(job_id, None)) and view.status in ("queued", "running"):
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert view is not None and view.status == status
    assert (error is None and view.error is None) or (error and error in (view.error or ""))
    assert view.attempts == (2 if status == "succeeded" else attempts)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(tmp_path: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "EXPLAINER_API_TOKEN": A, "EXPLAINER_STATE_DIR": str(tmp_path / "st")}
    with (tmp_path / "serve.log").open("ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "serve", "--port", str(port)],
                                env=env, stdout=subprocess.DEVNULL, stderr=log)  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError((tmp_path / "serve.log").read_text())


def test_killed_service_resumes_its_job_after_restart(tmp_path: Path) -> None:
    """A real `explainer serve` is killed (SIGKILL) while a job runs; the next one runs
    the job again to the end."""
    csv = write_planted(tmp_path / "planted.csv", n=200_000)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _serve(tmp_path, port)
    try:
        file_id = httpx.post(
            f"{url}/v1/files?purpose=dataset&filename=planted.csv",
            content=csv.read_bytes(),
            headers=auth(),
            timeout=60,
        ).json()["id"]
        job_id = httpx.post(f"{url}/v1/jobs", headers=auth(),
                            json={**EXPLAIN, "file_id": file_id}).json()["id"]  # fmt: skip
        deadline = time.monotonic() + 60
        while (job := httpx.get(f"{url}/v1/jobs/{job_id}", headers=auth()).json())[
            "status"] != "running":  # fmt: skip
            assert job["status"] == "queued" and time.monotonic() < deadline, job
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    proc = _serve(tmp_path, port)
    try:
        deadline = time.monotonic() + 120
        while (job := httpx.get(f"{url}/v1/jobs/{job_id}", headers=auth()).json())["status"] in (
            "queued", "running"):  # fmt: skip
            assert time.monotonic() < deadline, job
            time.sleep(0.1)
        result = httpx.get(f"{url}/v1/jobs/{job_id}/result", headers=auth()).json()
    finally:
        proc.terminate()
        proc.wait()
    assert job["status"] == "succeeded" and job["attempts"] == 2, job
    assert result["rows"] == 200_000 + 150


def test_listing_and_deleting_are_per_tenant(tmp_path: Path) -> None:
    csv = write_planted(tmp_path / "planted.csv", n=300)
    with TestClient(make_app(tmp_path)) as client:
        session = client.post("/v1/sessions", headers=auth(), json={"text": "a text"}).json()["id"]
        file_id = upload(client, csv, "dataset")
        job_id = client.post("/v1/jobs", headers=auth(),
                             json={**EXPLAIN, "file_id": file_id}).json()["id"]  # fmt: skip
        wait(client, job_id)
        listed = {kind: client.get(f"/v1/{kind}", headers=auth()).json()
                  for kind in ("sessions", "files", "jobs")}  # fmt: skip
        assert [s["id"] for s in listed["sessions"]] == [session]
        assert listed["sessions"][0]["title"] == "a text"
        assert [f["id"] for f in listed["files"]] == [file_id]
        for kind in ("sessions", "files", "jobs"):
            assert client.get(f"/v1/{kind}", headers=auth(B)).json() == []
        things = [f"/v1/sessions/{session}", f"/v1/files/{file_id}", f"/v1/jobs/{job_id}"]
        for path in things:
            assert client.delete(path, headers=auth(B)).status_code == 404, path
            assert client.delete(path, headers=auth()).status_code == 204, path
            assert client.delete(path, headers=auth()).status_code == 404, path
        assert client.get(f"/v1/sessions/{session}/messages", headers=auth()).status_code == 404
    service = tmp_path / "service"
    assert (
        list((service / "uploads").iterdir()) == [] and list((service / "results").iterdir()) == []
    )


def test_serve_refuses_a_public_address_without_a_token_and_bad_targets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from agent.cli import app

    monkeypatch.delenv("EXPLAINER_API_TOKEN", raising=False)
    public = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert public.exit_code == 2 and "without EXPLAINER_API_TOKEN" in public.output
    monkeypatch.setenv("EXPLAINER_API_TOKEN", A)
    for spec, message in (("nameonly", "use NAME=PATH"), ("smollm2=/x", "use NAME=PATH"),
                          ("mine=/no/such.gguf", "no such file")):  # fmt: skip
        result = CliRunner().invoke(app, ["serve", "--target", spec])
        assert result.exit_code == 2 and message in result.output, result.output


def test_an_aliased_target_loads_its_path_on_first_use(tmp_path: Path) -> None:
    from tools.errors import ToolInputError
    from tools.models import alias_target, load_target, registered_targets

    alias_target("mine", str(tmp_path / "missing.gguf"))
    assert "mine" in registered_targets()
    with pytest.raises(ToolInputError, match=r"missing\.gguf"):
        load_target("mine")


def test_follow_up_questions_about_a_dataset_are_answered_from_all_rows(tmp_path: Path) -> None:
    import pandas as pd

    csv = write_planted(tmp_path / "planted.csv", n=3000)
    frame = pd.read_csv(csv)
    expected = frame.groupby("region")["y"].mean()
    counts = frame.groupby("region").size()
    with TestClient(make_app(tmp_path)) as client:
        file_id = upload(client, csv, "dataset")
        job_id = client.post("/v1/jobs", headers=auth(),
                             json={**EXPLAIN, "file_id": file_id}).json()["id"]  # fmt: skip
        wait(client, job_id)
        ask = f"/v1/jobs/{job_id}/ask"
        answer = client.post(ask, headers=auth(), json={"question": "y rate by region?"}).json()
        again = client.post(ask, headers=auth(), json={"question": "how many rows by channel?"})
        other = client.post(ask, headers=auth(B), json={"question": "y rate by region?"})
        client.delete(f"/v1/files/{file_id}", headers=auth())
        gone = client.post(ask, headers=auth(), json={"question": "y rate by region?"})
    assert answer["query"]["aggregate"] == "rate" and answer["query"]["group_by"] == ["region"]
    (record,) = answer["evidence"]
    rates = {r["groups"]["region"]: r["value"] for r in record["data"]["result"]}
    assert rates == pytest.approx(expected.to_dict(), abs=1e-12)
    assert answer["answer"].splitlines() == [
        f"'region = {g}' has rate y {expected[g] * 100:.1f}% ({n} rows) [{record['id']}]."
        for g, n in counts.items()
    ]
    assert again.status_code == 200 and again.json()["query"]["group_by"] == ["channel"]
    assert again.json()["evidence"][0]["id"] != record["id"]  # evidence ids go on
    assert other.status_code == 404
    assert gone.status_code == 409 and "deleted" in gone.json()["detail"]


def test_oversized_json_bodies_are_413_before_parsing(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path, max_json_bytes=10_000)) as client:
        big = json.dumps({"text": "x" * 20_000}).encode()
        headers = {**auth(), "content-type": "application/json"}
        declared = client.post("/v1/sessions", content=big, headers=headers)
        chunked = client.post(
            "/v1/sessions",
            headers=headers,
            content=(big[i : i + 1000] for i in range(0, len(big), 1000)),
        )
        small = client.post("/v1/sessions", json={"text": "x" * 100}, headers=auth())
        upload_ok = client.post("/v1/files?purpose=dataset&filename=a.csv", headers=auth(),
                                content=b"a,b\n" + b"1,2\n" * 5000)  # fmt: skip
    assert declared.status_code == 413 and "MB" in declared.json()["detail"]
    assert chunked.status_code == 413
    assert small.status_code == 201
    assert upload_ok.status_code == 201  # uploads have their own, larger limit


def test_an_llm_that_is_down_is_a_503_with_the_reason(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    for _ in range(3):
        llm.fail(503, body="the server is overloaded")
    with TestClient(make_app(tmp_path, llm)) as client:
        body = {"text": "the zebra was not at home", "model": "planted"}
        sid = client.post("/v1/sessions", headers=auth(), json=body).json()["id"]
        answer = client.post(f"/v1/sessions/{sid}/messages", headers=auth(),
                             json={"content": "why?"})  # fmt: skip
        streamed = client.post(f"/v1/sessions/{sid}/messages", headers=auth(),
                               json={"content": "why?", "stream": True}).text  # fmt: skip
        chat = client.post("/v1/chat/completions", headers=auth(), json={
            "model": "planted", "messages": [{"role": "user", "content": "zebra"}]})  # fmt: skip
    assert answer.status_code == 503 and "overloaded" in answer.json()["detail"], answer.text
    assert "event: error" in streamed and '"status": 503' in streamed
    assert chat.status_code == 503


def test_a_tenant_with_too_many_jobs_in_flight_gets_429(tmp_path: Path) -> None:
    csv = write_planted(tmp_path / "planted.csv", n=300)
    # No workers: the queue does not drain, so the count is exact.
    with TestClient(make_app(tmp_path, max_jobs_in_flight=2, job_workers=0)) as client:
        file_id = upload(client, csv, "dataset")
        body = {**EXPLAIN, "file_id": file_id}
        statuses = [client.post("/v1/jobs", headers=auth(), json=body) for _ in range(3)]
        other = client.post(
            "/v1/jobs", headers=auth(B), json={**body, "file_id": upload(client, csv, "dataset", B)}
        )
        store = JobStore(tmp_path / "service")
        store.update(statuses[0].json()["id"], status="succeeded")
        after = client.post("/v1/jobs", headers=auth(), json=body)
    assert [r.status_code for r in statuses] == [202, 202, 429]
    assert statuses[2].headers["retry-after"] == "10" and "2 jobs" in statuses[2].json()["detail"]
    assert other.status_code == 202 and after.status_code == 202  # per tenant; frees up

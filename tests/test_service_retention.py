"""Retention and quotas: what a tenant left untouched past EXPLAINER_RETENTION_DAYS is
deleted (sessions with their messages and evidence, uploads with their bytes, finished
jobs with their results) while recent and running things and a CLI user's sessions stay;
a tenant's uploads stop at its disk quota with 507, nothing half-written left behind."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from starlette.testclient import TestClient

from agent.chat.sessions import SessionStore
from tests.test_service_jobs import EXPLAIN, B, auth, make_app, upload, wait

DAY = 86_400.0


def _csv(path: Path, rows: int = 60) -> Path:
    path.write_text("x,y\n" + "".join(f"{i % 7},{int(i % 7 > 3)}\n" for i in range(rows)))
    return path


def _age(db: Path, sql: str, *params: object) -> None:
    with sqlite3.connect(db) as con:
        con.execute(sql, params)


def test_retention_deletes_what_was_left_untouched(tmp_path: Path) -> None:
    app = make_app(tmp_path, retention_days=7, sweep_every=3600)
    old_time = time.time() - 10 * DAY
    cli = SessionStore(tmp_path / "sessions.sqlite").create(owner=None, title="cli")
    with TestClient(app) as client:
        old_s = client.post("/v1/sessions", headers=auth(), json={"text": "a b"}).json()["id"]
        busy_s = client.post("/v1/sessions", headers=auth(), json={"text": "c d"}).json()["id"]
        new_s = client.post("/v1/sessions", headers=auth(B), json={"text": "e f"}).json()["id"]
        old_f = upload(client, _csv(tmp_path / "old.csv"), "dataset")
        new_f = upload(client, _csv(tmp_path / "new.csv"), "dataset")
        job = client.post("/v1/jobs", headers=auth(), json={**EXPLAIN, "file_id": new_f}).json()
        assert wait(client, job["id"])["status"] == "succeeded"
        results = list((tmp_path / "service").rglob(f"{job['id']}.*"))
        assert results
        sessions_db, jobs_db = tmp_path / "sessions.sqlite", tmp_path / "service" / "jobs.sqlite"
        for sid in (old_s, busy_s, cli):  # all three made long ago…
            _age(sessions_db, "UPDATE sessions SET created_at = ? WHERE id = ?", old_time, sid)
            _age(sessions_db, "UPDATE messages SET created_at = ? WHERE session_id = ?",
                 old_time, sid)  # fmt: skip
        # …but one was written to yesterday
        _age(sessions_db, "UPDATE messages SET created_at = ? WHERE seq = (SELECT max(seq) "
             "FROM messages WHERE session_id = ?)", time.time() - DAY, busy_s)  # fmt: skip
        _age(jobs_db, "UPDATE files SET created_at = ? WHERE id = ?", old_time, old_f)
        _age(jobs_db, "UPDATE jobs SET updated_at = ? WHERE id = ?", old_time, job["id"])
        gone = app.state.services.sweep()
        assert gone == {"sessions": 1, "files": 1, "jobs": 1}
        assert client.get(f"/v1/sessions/{old_s}/messages", headers=auth()).status_code == 404
        assert client.get(f"/v1/sessions/{busy_s}/messages", headers=auth()).status_code == 200
        assert client.get(f"/v1/sessions/{new_s}/messages", headers=auth(B)).status_code == 200
        assert [f["id"] for f in client.get("/v1/files", headers=auth()).json()] == [new_f]
        assert client.get(f"/v1/jobs/{job['id']}", headers=auth()).status_code == 404
        assert not any(p.exists() for p in results)
        uploads = list((tmp_path / "service" / "uploads").iterdir())
        assert [p.name.startswith(new_f) for p in uploads] == [True]
    assert SessionStore(tmp_path / "sessions.sqlite").exists(cli)  # the CLI user's stays


def test_zero_retention_keeps_everything(tmp_path: Path) -> None:
    app = make_app(tmp_path, retention_days=0)
    with TestClient(app) as client:
        upload(client, _csv(tmp_path / "a.csv"), "dataset")
        assert app.state.services.sweep() == {}
        assert len(client.get("/v1/files", headers=auth()).json()) == 1


def test_a_tenant_stops_at_its_quota(tmp_path: Path) -> None:
    data = _csv(tmp_path / "d.csv", rows=1000)  # about 5 KB
    size = data.stat().st_size
    app = make_app(tmp_path, tenant_quota_bytes=int(2.5 * size))
    with TestClient(app) as client:
        first = upload(client, data, "dataset")
        upload(client, data, "dataset")
        refused = client.post("/v1/files?purpose=dataset&filename=d.csv",
                              content=data.read_bytes(), headers=auth())  # fmt: skip
        assert refused.status_code == 507, refused.text
        assert "quota" in refused.json()["detail"]
        assert len(list((tmp_path / "service" / "uploads").iterdir())) == 2  # nothing half-kept
        upload(client, data, "dataset", token=B)  # another tenant has its own quota
        assert client.delete(f"/v1/files/{first}", headers=auth()).status_code == 204
        upload(client, data, "dataset")  # room again

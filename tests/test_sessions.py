"""Sessions persist in SQLite: a process killed mid-conversation loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agent.chat.sessions import SessionStore
from agent.errors import BadInputError
from agent.grounding.evidence import Evidence
from tools.base import Fact

WRITER = """
import sys, time
from agent.grounding.evidence import Evidence
from agent.chat.sessions import SessionStore
from tools.base import Fact
store = SessionStore(sys.argv[1])
sid = store.create(owner="alice")
print(sid, flush=True)
for i in range(1, 1000):
    store.add_message(sid, "user", f"question {i}")
    store.add_evidence(sid, Evidence(id=f"E{i}", tool="attribute", arguments={}, summary=str(i),
                                     data={}, facts=[Fact(subject="w", quantity="q", value=i)]))
    store.add_message(sid, "assistant", f"answer {i} [E{i}]")
    print(i, flush=True)
    time.sleep(0.05)
"""


def evidence(i: int) -> Evidence:
    return Evidence(id=f"E{i}", tool="t", arguments={}, summary="s", data={},
                    facts=[Fact(subject="w", quantity="q", value=i)])  # fmt: skip


def test_kill_mid_conversation_then_continue(tmp_path: Path) -> None:
    db = tmp_path / "sessions.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert proc.stdout is not None
    session_id = proc.stdout.readline().strip()
    acknowledged = 0
    while acknowledged < 5:
        acknowledged = int(proc.stdout.readline())
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    proc.stdout.close()

    store = SessionStore(db)  # "start again"
    messages = store.messages(session_id)
    turns = [m for m in messages if m.role == "assistant"]
    assert len(turns) >= acknowledged  # every acknowledged turn survived the kill
    assert [m.content for m in messages[:2]] == ["question 1", "answer 1 [E1]"]
    ledger = store.ledger(session_id)
    assert len(ledger) >= acknowledged and ledger.get("E1").facts[0].value == 1
    # Continue: the next evidence id follows on.
    next_id = ledger.next_id()
    assert next_id == f"E{len(ledger) + 1}"
    store.add_evidence(session_id, evidence(len(ledger) + 1))
    store.add_message(session_id, "user", "and now?")
    assert store.messages(session_id)[-1].content == "and now?"
    store.close()


def test_sessions_are_isolated_by_owner(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite")
    mine, theirs = store.create(owner="alice"), store.create(owner="bob")
    assert store.ids(owner="alice") == [mine]
    store.require(mine, owner="alice")
    with pytest.raises(BadInputError, match="no session"):
        store.require(theirs, owner="alice")
    with pytest.raises(BadInputError, match="no session"):
        store.messages("nope")
    store.close()


def test_ledger_order_survives_reload(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store = SessionStore(path)
    sid = store.create()
    for i in (1, 2, 10, 11):
        store.add_evidence(sid, evidence(i))
    store.close()
    started = time.perf_counter()
    reopened = SessionStore(path)
    assert [e.id for e in reopened.ledger(sid)] == ["E1", "E2", "E10", "E11"]
    assert time.perf_counter() - started < 5
    reopened.close()

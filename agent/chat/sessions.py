"""Sessions, messages and evidence, persisted in SQLite so a restart loses nothing.

Every write is its own committed transaction (WAL journal), so a process killed in the
middle of a conversation keeps everything it had acknowledged; a new process opening the
same file continues the session with its messages and its evidence ledger (ids go on from
where they stopped).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from agent.errors import BadInputError
from agent.grounding.evidence import Evidence, Ledger

Role = Literal["user", "assistant", "tool", "system"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    owner TEXT,
    title TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_session ON messages(session_id, seq);
CREATE TABLE IF NOT EXISTS conversations (
    key TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS evidence (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (session_id, id)
);
"""


class StoredMessage(BaseModel):
    seq: int
    role: Role
    content: str
    meta: dict[str, Any]
    created_at: float


class SessionStore:
    """All sessions of one service or CLI user, in one SQLite file."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _write(self, sql: str, params: tuple[Any, ...]) -> sqlite3.Cursor:
        with self._lock:
            return self._db.execute(sql, params)

    def _read(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    # ----------------------------------------------------------------- sessions

    def create(self, owner: str | None = None, title: str = "") -> str:
        session_id = uuid.uuid4().hex
        self._write(
            "INSERT INTO sessions (id, owner, title, created_at) VALUES (?, ?, ?, ?)",
            (session_id, owner, title, time.time()),
        )
        return session_id

    def exists(self, session_id: str, owner: str | None = None) -> bool:
        rows = self._read("SELECT owner FROM sessions WHERE id = ?", (session_id,))
        return bool(rows) and (owner is None or rows[0][0] == owner)

    def require(self, session_id: str, owner: str | None = None) -> None:
        """Raise unless the session exists (and belongs to ``owner``, when given)."""
        if not self.exists(session_id, owner):
            raise BadInputError(f"no session {session_id!r}")

    def ids(self, owner: str | None = None) -> list[str]:
        if owner is None:
            rows = self._read("SELECT id FROM sessions ORDER BY created_at", ())
        else:
            rows = self._read(
                "SELECT id FROM sessions WHERE owner = ? ORDER BY created_at", (owner,)
            )
        return [r[0] for r in rows]

    def listing(self, owner: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """The newest sessions first: id, title and creation time."""
        rows = self._read(
            "SELECT id, title, created_at FROM sessions WHERE (? IS NULL OR owner = ?) "
            "ORDER BY created_at DESC LIMIT ?",
            (owner, owner, limit),
        )
        return [{"id": i, "title": t, "created_at": c} for i, t, c in rows]

    def delete(self, session_id: str) -> None:
        """The session with its messages and evidence (cascade)."""
        self._write("DELETE FROM sessions WHERE id = ?", (session_id,))

    def expire(self, before: float) -> int:
        """Delete the service's sessions (those with an owner; a CLI user's are kept)
        with no message since ``before`` (a timestamp); how many went."""
        cursor = self._write(
            "DELETE FROM sessions WHERE owner IS NOT NULL AND created_at < ? AND NOT EXISTS "
            "(SELECT 1 FROM messages m WHERE m.session_id = sessions.id AND m.created_at >= ?)",
            (before, before),
        )
        return int(cursor.rowcount)

    # ----------------------------------------------------------------- messages

    def add_message(
        self, session_id: str, role: Role, content: str, meta: dict[str, Any] | None = None
    ) -> int:
        self.require(session_id)
        cursor = self._write(
            "INSERT INTO messages (session_id, role, content, meta, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (session_id, role, content, json.dumps(meta or {}), time.time()),
        )
        return int(cursor.lastrowid or 0)

    def messages(self, session_id: str) -> list[StoredMessage]:
        self.require(session_id)
        rows = self._read(
            "SELECT seq, role, content, meta, created_at FROM messages "
            "WHERE session_id = ? ORDER BY seq",
            (session_id,),
        )
        return [
            StoredMessage(seq=s, role=r, content=c, meta=json.loads(m), created_at=t)
            for s, r, c, m, t in rows
        ]

    # ----------------------------------------------------------------- conversations

    def conversation(self, key: str) -> str | None:
        """The session a client-held conversation (by its digest) continues, if any."""
        rows = self._read("SELECT session_id FROM conversations WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def remember(self, key: str, session_id: str) -> None:
        """Let a conversation whose messages digest to ``key`` continue ``session_id``."""
        self._write(
            "INSERT OR REPLACE INTO conversations (key, session_id, created_at) VALUES (?, ?, ?)",
            (key, session_id, time.time()),
        )

    # ----------------------------------------------------------------- evidence

    def add_evidence(self, session_id: str, record: Evidence) -> Evidence:
        """Store ``record`` under the session's next free id, allocated inside one write
        transaction (another process writing the same session cannot take it too), and
        return it as stored (its id may differ from the one it came with)."""
        self.require(session_id)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                taken = {r[0] for r in self._db.execute(
                    "SELECT id FROM evidence WHERE session_id = ?", (session_id,))}  # fmt: skip
                if record.id in taken:
                    n = 1 + max(int(e[1:]) for e in taken)
                    record = record.model_copy(update={"id": f"E{n}"})
                self._db.execute(
                    "INSERT INTO evidence (session_id, id, record) VALUES (?, ?, ?)",
                    (session_id, record.id, record.model_dump_json()),
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return record

    def ledger(self, session_id: str) -> Ledger:
        """The session's evidence, in id order, ready to take new records."""
        self.require(session_id)
        rows = self._read("SELECT record FROM evidence WHERE session_id = ?", (session_id,))
        records = [Evidence.model_validate_json(r[0]) for r in rows]
        return Ledger(sorted(records, key=lambda e: int(e.id[1:])))

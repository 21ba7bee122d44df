"""The evidence ledger: every tool result the agent may talk about, with a short id.

A record keeps the tool's name, its validated arguments, a one-line summary made by code,
the full result, and the atomic facts a sentence may cite as ``[E#]``. Ids are ``E1``,
``E2``, … per session, in the order the tools ran.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, Field

from agent.errors import BadInputError
from tools.base import Fact, ToolInput, ToolOutput


class Evidence(BaseModel):
    """One tool result, as the narrator and the verifier see it."""

    id: str = Field(pattern=r"^E\d+$")
    tool: str
    arguments: dict[str, Any]
    summary: str
    data: dict[str, Any]
    facts: list[Fact]
    created_at: float = Field(default_factory=time.time)

    def subjects(self) -> set[str]:
        return {f.subject.casefold() for f in self.facts}


class Ledger:
    """The evidence of one session, addressable by id."""

    def __init__(self, records: list[Evidence] | None = None):
        self._records: dict[str, Evidence] = {r.id: r for r in records or []}

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Evidence]:
        return iter(self._records.values())

    def __contains__(self, evidence_id: object) -> bool:
        return evidence_id in self._records

    def next_id(self) -> str:
        return f"E{len(self._records) + 1}"

    def add(self, tool: str, arguments: ToolInput, result: ToolOutput) -> Evidence:
        """Record a tool result and give it the next id."""
        record = Evidence(
            id=self.next_id(),
            tool=tool,
            arguments=arguments.model_dump(mode="json"),
            summary=result.summary(),
            data=result.model_dump(mode="json"),
            facts=result.facts(),
        )
        self._records[record.id] = record
        return record

    def get(self, evidence_id: str) -> Evidence:
        try:
            return self._records[evidence_id]
        except KeyError:
            known = ", ".join(self._records) or "none yet"
            raise BadInputError(f"no evidence {evidence_id!r} in this session ({known})") from None

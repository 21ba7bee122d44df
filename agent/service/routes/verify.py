"""``POST /v1/verify``: check any text against evidence records (the same checker and the
same JSON as ``explainer verify``)."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from agent.errors import ExplainerError
from agent.service.deps import Owner, problem
from agent.usecases.verify import VerifyReport, load_evidence, verify_text

router = APIRouter()


class VerifyRequest(BaseModel):
    evidence: list[dict[str, Any]] | dict[str, Any] = Field(
        description="Evidence records (id, tool, summary, facts), or an object holding them "
        "under 'evidence' (the --json output of explain)."
    )
    text: str = Field(max_length=300_000, description="The text to check, sentence by sentence.")


@router.post("/v1/verify")
async def verify(body: VerifyRequest, _: Owner) -> VerifyReport:
    """Each sentence read into typed claims and every claim checked by code; the report
    says which sentences hold (``all_supported`` when every claim does)."""
    try:
        ledger = load_evidence(body.evidence)
        return await asyncio.to_thread(verify_text, body.text, ledger)
    except ExplainerError as exc:
        raise problem(exc) from None

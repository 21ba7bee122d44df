"""What a chat turn returns: the plan, the evidence, the narration, the checked answer
and the timings (the CLI, the service and the tests read it)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from agent.chat.routing import Plan
from agent.grounding.evidence import Evidence
from agent.grounding.framing import target_answer
from agent.grounding.verify import Verification


class Timings(BaseModel):
    llm_seconds: float = 0.0
    tool_seconds: float = 0.0
    total_seconds: float = 0.0
    first_claim_seconds: float | None = None  # when the first checked piece was ready

    @property
    def overhead_seconds(self) -> float:
        return max(0.0, self.total_seconds - self.llm_seconds - self.tool_seconds)


class TurnResult(BaseModel):
    """One answered message, as the CLI, the service and the tests see it."""

    session_id: str
    message: str
    plan: Plan
    evidence: list[Evidence] = Field(description="The records the answer was narrated from.")
    new_evidence: list[str] = Field(description="Ids of records this turn created.")
    narration: str = Field(description="What the LLM wrote, before verification.")
    verification: Verification
    timings: Timings

    @property
    def answer(self) -> str:
        return self.verification.answer

    def to_json(self) -> dict[str, Any]:
        """The turn as JSON (CLI ``--json``, the service): answer, verdicts, evidence,
        numeric grounding rate, timings."""
        v = self.verification
        return {
            "session_id": self.session_id,
            "question": self.message,
            "answer": v.answer,
            "grounding_rate": v.grounding_rate,
            "templated": v.templated,
            "source": v.source,
            "made_by_code": v.made_by_code,
            "llm_claims": v.llm_claims,
            "verified_claims": v.verified_claims,
            "sentences": [s.model_dump(mode="json") for s in v.sentences],
            "narration": self.narration,
            "evidence": [r.model_dump(mode="json") for r in self.evidence],
            "cited_evidence": v.evidence,
            "framing": [s.model_dump(mode="json") for s in v.framing],
            "target_answer": target_answer(self.evidence),
            "plan": self.plan.model_dump(mode="json", exclude={"state"}),
            "timings": {
                **self.timings.model_dump(mode="json"),
                "overhead_seconds": self.timings.overhead_seconds,
            },
        }

"""Kill the process in the middle of a conversation, start again, continue: nothing lost."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm.testing import ScriptedLLM
from tests.chat_worker import MESSAGES, TEXT
from tests.planted import planted_model
from tools.models import register_target

ROOT = Path(__file__).resolve().parents[1]


def test_a_killed_conversation_resumes_with_nothing_lost_or_redone(tmp_path: Path) -> None:
    db = tmp_path / "sessions.sqlite"
    child = subprocess.run(
        [sys.executable, "-m", "tests.chat_worker", str(db)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    session = child.stdout.split()[0]

    register_target("planted", planted_model())
    store = SessionStore(db)
    llm = ScriptedLLM()
    llm.reply("Without 'not' the answer stays the same [E2].")
    llm.reply("The answer appears at a layer [E3].")
    agent = Agent(llm.provider(), store, narration="prose", decompose=False)
    roles = [m.role for m in store.messages(session)]
    assert roles == ["system", "user", "assistant", "user", "assistant", "user"]
    assert agent.unanswered(session) == MESSAGES[2]
    # The killed turn's tool had finished: its evidence survived the kill.
    ledger = store.ledger(session)
    assert [r.id for r in ledger] == ["E1", "E2"]
    assert ledger.get("E2").tool == "what_if"
    assert agent.state(session).focus == "not"  # from "what about 'not'?"

    async def resume() -> tuple[object, object]:
        finished = await agent.turn(session, MESSAGES[2], resume=True)
        after = await agent.turn(session, "which layer knows this?")
        await agent.llm.aclose()
        return finished, after

    finished, after = asyncio.run(resume())
    # Answered from the evidence the dead run computed, not recomputed.
    assert finished.plan.arguments == {"text": TEXT, "remove": ["not"], "model": "planted"}
    assert [r.id for r in finished.evidence] == ["E2"] and finished.new_evidence == []
    assert finished.timings.tool_seconds == 0.0
    assert after.plan.tool == "logit_lens" and after.new_evidence == ["E3"]
    messages = store.messages(session)
    assert [m.content for m in messages if m.role == "user"] == [
        *MESSAGES,
        "which layer knows this?",
    ]
    assert [m.role for m in messages][-3:] == ["assistant", "user", "assistant"]

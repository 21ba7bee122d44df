"""A conversation that kills its own process mid-turn (for tests/test_agent_restart.py).

Usage: python -m tests.chat_worker DB_PATH. Prints the session id, answers "why?" and
"what about 'not'?", then dies by SIGKILL while the LLM narrates "remove it and try again"
(after that turn's tool ran and its evidence was stored, before the answer was).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from typing import Any

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm.testing import ScriptedLLM
from tests.planted import planted_model
from tools.models import register_target

TEXT = "the zebra was not at home"
MESSAGES = ("why?", "what about 'not'?", "remove it and try again")


def _die(_: dict[str, Any]) -> Any:
    os.kill(os.getpid(), signal.SIGKILL)


async def main(db: str) -> None:
    register_target("planted", planted_model())
    llm = ScriptedLLM()
    llm.reply("'zebra' raised the probability of the answer most [E1].")
    llm.reply("'not' barely moved it [E1].")
    llm.respond(_die)
    store = SessionStore(db)
    agent = Agent(llm.provider(), store, narration="prose", decompose=False)
    session = store.create()
    print(session, flush=True)
    agent.set_input(session, TEXT, model="planted")
    for message in MESSAGES:
        await agent.turn(session, message)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))

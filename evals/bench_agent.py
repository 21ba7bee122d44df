"""Time to a grounded answer on the embedded defaults, split into LLM, tool and overhead.

One `explain` turn (route → occlusion on SmolLM2 → narration by the embedded SmolLM2
server → verification → SQLite) for a prompt of about 30 tokens. LLM time is the time
inside chat-completion calls, tool time the attribution, overhead everything else
(routing rules, prompt rendering, verification, storing the session). Medians of
--runs runs after one warm-up (which loads the target).

    python evals/bench_agent.py [--runs 7] [--method occlusion]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm import LLMProvider
from agent.llm.serving import ServerManager
from agent.settings import get_settings
from tools.models import load_target

PROMPT = (
    "The hotel room was clean and quiet, but the staff at the front desk simply ignored "
    "our requests twice. Would you recommend this hotel to a friend?"
)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--method", default="occlusion")
    args = parser.parse_args()

    lm = load_target()
    n_tokens = len(lm.encode(PROMPT).user_positions)
    settings = get_settings()
    record, _ = ServerManager(settings).serve()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp) / "bench.sqlite")
        async with LLMProvider.from_settings(settings, record.url) as provider:
            agent = Agent(provider, store)
            for run in range(args.runs + 1):
                started = time.perf_counter()
                session = store.create()
                result = await agent.explain(session, PROMPT, method=args.method)  # type: ignore[arg-type]
                total = time.perf_counter() - started  # the whole call, session set-up included
                t = result.timings
                if run:  # the first run loads the target and warms the server
                    rows.append((total, t.llm_seconds, t.tool_seconds,
                                 total - t.llm_seconds - t.tool_seconds))  # fmt: skip
    total, llm, tool, overhead = (statistics.median(c) for c in zip(*rows, strict=True))
    print(f"prompt: {n_tokens} user tokens; method {args.method}; {args.runs} runs (medians)")
    print(f"  time to grounded answer  {total:7.3f} s")
    print(f"  LLM (route + narrate)    {llm:7.3f} s  {llm / total:6.1%}")
    print(f"  tool ({args.method:>10})     {tool:7.3f} s  {tool / total:6.1%}")
    print(f"  overhead                 {overhead:7.3f} s  {overhead / total:6.1%}  (target < 10%)")
    worst = max(r[3] / r[0] for r in rows)
    print(f"  worst run's overhead share {worst:.1%}")


if __name__ == "__main__":
    asyncio.run(main())

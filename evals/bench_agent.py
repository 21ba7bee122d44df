"""Turn times on the embedded defaults, split into LLM, tool and overhead, with the time
to the first checked piece of the answer (what a streaming client sees first).

Per run, a fresh session on the demo prompt: "why?" (the decision explained: route →
attribution on SmolLM2 → the lead claim written by code → claim selection by the
embedded SmolLM2 server → verification → SQLite), then follow-ups that reuse or add
evidence (within a run the decision found for "why?" is reused, as in a session;
between runs it is forgotten). LLM time is the time inside chat-completion calls, tool
time the evidence tools, overhead everything else. Medians over --runs runs after one
warm-up run (which loads the target and warms the server).

    python evals/bench_agent.py [--runs 5] [--prompt TEXT]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm import LLMProvider
from agent.llm.serving import ServerManager
from agent.settings import get_settings
from tools.models import load_target

PROMPT = "The movie was not good at all. Was the review positive or negative?"
FOLLOW_UPS = ["what about 'good'?", "how sure is it?", "which layer knows this?",
              "why not positive?"]  # fmt: skip


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--prompt", default=PROMPT)
    args = parser.parse_args()

    lm = load_target()
    n_tokens = len(lm.encode(args.prompt).user_positions)
    settings = get_settings()
    record, _ = ServerManager(settings).serve()
    rows: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp) / "bench.sqlite")
        async with LLMProvider.from_settings(settings, record.url) as provider:
            agent = Agent(provider, store)
            for run in range(args.runs + 1):
                session = store.create()
                lm.decisions.clear()  # each run's "why?" finds the decision afresh
                for question in ["why?", *FOLLOW_UPS]:
                    started = time.perf_counter()
                    if question == "why?":
                        result = await agent.explain(session, args.prompt, question=question)
                    else:
                        result = await agent.turn(session, question)
                    total = time.perf_counter() - started  # the whole call
                    t = result.timings
                    if run:  # the first run loads the target and warms the server
                        first = (
                            t.first_claim_seconds if t.first_claim_seconds is not None else total
                        )
                        other = total - t.llm_seconds - t.tool_seconds
                        rows[question].append((total, t.llm_seconds, t.tool_seconds, other, first))
    print(f"prompt: {args.prompt!r} ({n_tokens} user tokens); {args.runs} runs, medians (s)")
    print(
        f"  {'turn':<26} {'total':>6} {'LLM':>6} {'tools':>6} {'other':>6} {'first':>6} first/total"
    )
    for question, values in rows.items():
        total, llm, tool, other, first = (statistics.median(c) for c in zip(*values, strict=True))
        print(f"  {question:<26} {total:6.2f} {llm:6.2f} {tool:6.2f} {other:6.2f} {first:6.2f} "
              f"{first / total:6.0%}")  # fmt: skip
    follow = [v[0] for q, vs in rows.items() if q != "why?" for v in vs]
    print(f"  all follow-ups: median {statistics.median(follow):.2f} s")


if __name__ == "__main__":
    asyncio.run(main())

"""Benchmark the explainer LLM servers: start time, prompt and generation speed, features.

For each engine (by default every embedded engine that is installed) this starts a fresh
server with SmolLM2 in a private state dir and measures, reporting medians:

* server start time (process start until ``/v1/models`` answers), over ``--starts`` starts;
* prompt tokens/s: a ~400-token prompt with a unique prefix (no cache hits), 1 output token;
* generation tokens/s of one stream: tokens after the first / time after the first;
* aggregate generation tokens/s with 4 concurrent requests;
* features through the provider: JSON-schema output, a forced tool call, logprobs.

``--base-url URL`` measures an already running endpoint instead (e.g. vLLM on a GPU box).

    python evals/bench_llm.py                       # both embedded engines
    python evals/bench_llm.py --engine llama-cpp-python --runs 5
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from importlib import util as importlib_util
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from agent.llm import LLMProvider
from agent.llm.serving import ServerManager
from agent.settings import Settings

FILLER = (
    "Attribution methods assign each input word a score that says how much it moved the "
    "model's output; occlusion removes a word and measures the change, while integrated "
    "gradients accumulate gradients along a path from a baseline to the input. "
)
STORY = "Write a long, detailed story about a lighthouse keeper who finds a robot on the beach."


class Pick(BaseModel):
    """A colour and a count."""

    color: Literal["red", "green", "blue"]
    count: int


def median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


async def prompt_speed(p: LLMProvider, runs: int) -> float:
    speeds = []
    for i in range(runs):
        prompt = f"[{time.time_ns()}-{i}] " + FILLER * 8 + "Summarise this in one word."
        result = await p.chat([{"role": "user", "content": prompt}], max_tokens=1)
        speeds.append((result.prompt_tokens or 0) / result.seconds)
    return median(speeds)


async def stream_speed(p: LLMProvider, runs: int, max_tokens: int) -> tuple[float, float]:
    """Median generation tokens/s of one stream, and median time to first token."""
    speeds, firsts = [], []
    for i in range(runs):
        started = time.perf_counter()
        stamps = []
        async for delta in p.stream_chat(
            [{"role": "user", "content": f"({i}) {STORY}"}], max_tokens=max_tokens
        ):
            if delta.text:
                stamps.append(time.perf_counter())
        firsts.append(stamps[0] - started)
        if len(stamps) > 1:
            speeds.append((len(stamps) - 1) / (stamps[-1] - stamps[0]))
    return median(speeds), median(firsts)


async def aggregate_speed(p: LLMProvider, runs: int, concurrency: int, max_tokens: int) -> float:
    speeds = []
    for r in range(runs):
        started = time.perf_counter()
        results = await asyncio.gather(
            *(
                p.chat([{"role": "user", "content": f"({r}.{i}) {STORY}"}], max_tokens=max_tokens)
                for i in range(concurrency)
            )
        )
        elapsed = time.perf_counter() - started
        speeds.append(sum(x.completion_tokens or 0 for x in results) / elapsed)
    return median(speeds)


async def features(p: LLMProvider, tries: int = 5) -> dict[str, Any]:
    """What the server supports, and how often each feature gave valid output."""
    caps = await p.capabilities(refresh=True)
    tool = {
        "type": "function",
        "function": {
            "name": "pick",
            "description": "Pick.",
            "parameters": Pick.model_json_schema(),
        },
    }
    structured_ok = tool_ok = 0
    for i in range(tries):
        ask = [{"role": "user", "content": f"Pick a colour and a number ({i})."}]
        try:
            await p.structured(ask, Pick, max_reasks=0)
            structured_ok += 1
        except Exception:
            pass
        result = await p.chat(
            ask, tools=[tool], tool_choice={"type": "function", "function": {"name": "pick"}}
        )
        calls = result.tool_calls
        if calls and calls[0].name == "pick":
            try:
                Pick.model_validate_json(calls[0].arguments)
                tool_ok += 1
            except ValueError:
                pass
    return {
        "json_schema": caps.json_schema or "no",
        "schema_valid": f"{structured_ok}/{tries}",
        "forced_tool": f"{caps.forced_tool_call or 'no'}",
        "tool_valid": f"{tool_ok}/{tries}",
        "logprobs": "yes" if caps.logprobs else "no",
    }


async def measure_endpoint(url: str, runs: int, max_tokens: int) -> dict[str, Any]:
    async with LLMProvider(url, timeout=600) as p:
        await p.chat([{"role": "user", "content": "warm up"}], max_tokens=4)
        gen, first = await stream_speed(p, runs, max_tokens)
        return {
            "prompt_tok_s": await prompt_speed(p, runs),
            "gen_tok_s": gen,
            "first_token_s": first,
            "agg4_tok_s": await aggregate_speed(p, max(1, runs // 2), 4, max_tokens),
            **(await features(p)),
        }


def measure_engine(engine: str, runs: int, starts: int, max_tokens: int) -> dict[str, Any]:
    start_times = []
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        manager = ServerManager(Settings(state_dir=Path(tmp), embedded_engine=engine))  # type: ignore[arg-type]
        for i in range(starts):
            record, _ = manager.serve()
            start_times.append(record.start_seconds)
            if i == starts - 1:
                result = asyncio.run(measure_endpoint(record.url, runs, max_tokens))
            manager.stop()
    return {"engine": engine, "start_s": median(start_times), **result}


def print_table(rows: list[dict[str, Any]]) -> None:
    keys = list(rows[0].keys())
    widths = [max(len(k), *(len(str(r.get(k, ""))) for r in rows)) for k in keys]
    print("  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)))
    for r in rows:
        print("  ".join(str(r.get(k, "")).ljust(w) for k, w in zip(keys, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--engine", action="append", choices=["llama-cpp-python", "xllamacpp"])
    parser.add_argument("--base-url", help="measure this running endpoint instead")
    parser.add_argument("--runs", type=int, default=5, help="repeats per figure (median)")
    parser.add_argument("--starts", type=int, default=3, help="server starts (median)")
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--json-out", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()

    print(
        f"# bench_llm: {os.cpu_count()} CPU threads, Python {sys.version.split()[0]}, "
        f"median of {args.runs} runs, {args.max_tokens} generated tokens per request"
    )
    if args.base_url:
        rows = [
            {
                "engine": args.base_url,
                **asyncio.run(measure_endpoint(args.base_url, args.runs, args.max_tokens)),
            }
        ]
    else:
        engines = args.engine or [
            e
            for e, mod in (("llama-cpp-python", "llama_cpp"), ("xllamacpp", "xllamacpp"))
            if importlib_util.find_spec(mod) is not None
        ]
        rows = [measure_engine(e, args.runs, args.starts, args.max_tokens) for e in engines]
    print_table(rows)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()

"""Collecting another model's outputs for an audit: ``explainer audit --generate``.

For every prompt in the file, the target endpoint (any OpenAI-compatible server) is asked
for an output (temperature 0, token log-probs) and ``samples`` extra generations
(temperature 1, seeds 1..n), with at most ``concurrency`` requests in flight. Each finished
item is appended to a JSONL cache and flushed, so a killed run resumes where it stopped:
items already in the cache are not asked again.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from agent.llm import LLMProvider
from tools.audit.load import AuditItem


def item_key(item: AuditItem) -> str:
    return item.id if item.id is not None else f"line{item.line}"


def load_cache(path: Path) -> dict[str, dict[str, Any]]:
    """Finished items by key; a half-written last line (a kill mid-write) is ignored."""
    done: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return done
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            done[record["key"]] = record
    return done


def _drop_partial_line(path: Path) -> None:
    """Cut a last line that a kill left half-written, so appends start on a fresh line."""
    if not path.exists():
        return
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as fh:
            fh.truncate(data.rfind(b"\n") + 1)


async def generate(
    llm: LLMProvider,
    items: Iterable[AuditItem],
    cache: Path,
    *,
    samples: int = 3,
    max_tokens: int = 64,
    concurrency: int = 4,
    progress: Callable[[int], None] | None = None,
) -> list[AuditItem]:
    """The items with generated outputs, samples and log-probs (from the cache when done)."""
    todo = list(items)
    done = load_cache(cache)
    _drop_partial_line(cache)
    gate = asyncio.Semaphore(concurrency)
    cache.parent.mkdir(parents=True, exist_ok=True)

    async def ask(prompt: str, temperature: float, seed: int, logprobs: bool) -> Any:
        async with gate:
            return await llm.chat(
                [{"role": "user", "content": prompt}],
                max_tokens=max_tokens,
                temperature=temperature,
                seed=seed,
                logprobs=logprobs,
                top_logprobs=5 if logprobs else 1,
            )

    with cache.open("a", encoding="utf-8") as fh:

        async def one(item: AuditItem) -> None:
            key = item_key(item)
            if key in done:
                return
            results = await asyncio.gather(
                ask(item.prompt, 0.0, 0, True),
                *(ask(item.prompt, 1.0, s, False) for s in range(1, samples + 1)),
            )
            main, extra = results[0], results[1:]
            record = {
                "key": key,
                "output": (main.text or "").strip(),
                "logprobs": [t.logprob for t in main.logprobs or []] or None,
                "top_logprobs": [list(t.top.values()) for t in main.logprobs or []] or None,
                "samples": [(r.text or "").strip() for r in extra],
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            done[key] = record
            if progress:
                progress(1)

        if progress:
            progress(sum(1 for i in todo if item_key(i) in done))
        await asyncio.gather(*(one(i) for i in todo))
    out = []
    for item in todo:
        record = done[item_key(item)]
        out.append(
            item.model_copy(
                update={
                    "output": record["output"],
                    "logprobs": record["logprobs"],
                    "samples": record["samples"],
                    "top_logprobs": record.get("top_logprobs"),
                }
            )
        )
    return out


async def counterfactual_outputs(
    llm: LLMProvider,
    items: Iterable[AuditItem],
    swaps: list[tuple[str, str]],
    *,
    max_tokens: int = 64,
    concurrency: int = 4,
) -> list[tuple[str, str]]:
    """(original output, output for the swapped prompt) for every item whose prompt holds
    a swap term. Both are asked anew at temperature 0, so decoding is the same."""
    from tools.audit.bias import swap_terms

    gate = asyncio.Semaphore(concurrency)

    async def ask(prompt: str) -> str:
        async with gate:
            result = await llm.chat(
                [{"role": "user", "content": prompt}],
                max_tokens=max_tokens,
                temperature=0.0,
                seed=0,
            )
            return (result.text or "").strip()

    async def pair(prompt: str, swapped: str) -> tuple[str, str]:
        original, other = await asyncio.gather(ask(prompt), ask(swapped))
        return original, other

    jobs = [(i.prompt, s) for i in items if (s := swap_terms(i.prompt, swaps)) is not None]
    return list(await asyncio.gather(*(pair(p, s) for p, s in jobs)))

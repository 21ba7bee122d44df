"""``explainer audit --generate`` against the embedded server vs the raw server, and resume.

200 prompts x (1 output + 3 samples), 16 tokens each, 4 requests in flight. *Raw*: the
same 800 requests sent with the plain ``openai`` client (same temperatures and seeds, so
the same tokens). *Audit*: the whole ``explainer audit FILE --target-url URL --generate
--json`` process (start-up, generation, cache, audit). Alternated, 2 rounds each; medians
and the ratio (target <= 1.2). Then a run is killed after 5 s and rerun: the cache must end
with every item once (finished items are not asked again).

    python evals/bench_audit.py [--items 200] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openai

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.llm.serving import ServerManager
from agent.settings import get_settings


async def raw(url: str, prompts: list[str], samples: int, tokens: int, concurrency: int) -> float:
    client = openai.AsyncOpenAI(base_url=url, api_key="sk-no-key")
    model = (await client.models.list()).data[0].id
    gate = asyncio.Semaphore(concurrency)

    async def one(prompt: str, temperature: float, seed: int, logprobs: bool) -> None:
        async with gate:
            await client.chat.completions.create(
                model=model, messages=[{"role": "user", "content": prompt}], max_tokens=tokens,
                temperature=temperature, seed=seed, logprobs=logprobs or None,
            )  # fmt: skip

    start = time.perf_counter()
    extra = [one(p, 1.0, s, False) for p in prompts for s in range(1, samples + 1)]
    await asyncio.gather(*(one(p, 0.0, 0, True) for p in prompts), *extra)
    await client.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    record, _ = ServerManager(get_settings()).serve()
    url = record.url
    prompts = [
        f"Name a fruit that starts with the letter {chr(65 + i % 26)} ({i})."
        for i in range(args.items)
    ]
    exe = shutil.which("explainer") or str(Path(sys.executable).with_name("explainer"))
    with tempfile.TemporaryDirectory() as tmp:
        items = Path(tmp) / "items.jsonl"
        items.write_text(
            "".join(json.dumps({"id": f"q{i}", "prompt": p}) + "\n" for i, p in enumerate(prompts))
        )
        argv = [
            exe,
            "audit",
            str(items),
            "--target-url",
            url,
            "--generate",
            "--samples",
            "3",
            "--max-tokens",
            "16",
            "--concurrency",
            "4",
            "--json",
        ]
        raws, audits = [], []
        for r in range(args.rounds):
            raws.append(asyncio.run(raw(url, prompts, 3, 16, 4)))
            cache = Path(tmp) / f"cache{r}.jsonl"
            start = time.perf_counter()
            subprocess.run([*argv, "--cache", str(cache)], check=True, stdout=subprocess.DEVNULL)
            audits.append(time.perf_counter() - start)
            print(
                f"round {r + 1}: raw server {raws[-1]:.1f} s, audit --generate {audits[-1]:.1f} s"
            )
        ratio = statistics.median(audits) / statistics.median(raws)
        raw_s, audit_s = statistics.median(raws), statistics.median(audits)
        print(f"median: raw {raw_s:.1f} s, audit {audit_s:.1f} s, ratio {ratio:.2f} (<= 1.2)")
        cache = Path(tmp) / "killed.jsonl"
        child = subprocess.Popen(
            [*argv, "--cache", str(cache)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(5)
        child.send_signal(signal.SIGKILL)
        child.wait()
        before = len(cache.read_text().splitlines()) if cache.exists() else 0
        start = time.perf_counter()
        subprocess.run([*argv, "--cache", str(cache)], check=True, stdout=subprocess.DEVNULL)
        keys = [json.loads(x)["key"] for x in cache.read_text().splitlines()]
        print(
            f"killed after 5 s with {before} items cached; the rerun took "
            f"{time.perf_counter() - start:.1f} s and the cache holds {len(keys)} lines, "
            f"{len(set(keys))} distinct items (expected {args.items} and {args.items})"
        )


if __name__ == "__main__":
    main()

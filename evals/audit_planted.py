"""A planted audit set made with the real SmolLM2, and how well the audit finds its errors.

Builds 120 known-answer questions (80 additions, 40 capitals), asks the embedded SmolLM2
for each answer (temperature 0, token log-probs) and 3 samples (temperature 1), and writes
them with references to a JSONL file. Truth: the first number equals the sum, or the
capital's name occurs in the answer. Then:

* with references: the share of items where the audit's verdict on the reference
  ("disagrees with the reference") matches the truth (target >= 95%);
* without references: ROC-AUC (95% bootstrap interval) of each signal — mean and minimum
  token log-prob, consistency across samples (lexical and MiniLM) — and of their
  combination (the mean of their ranks) for finding wrong answers (target >= 0.75).

    python evals/audit_planted.py [--out planted_audit.jsonl]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.llm import LLMProvider
from agent.llm.serving import ServerManager
from agent.settings import get_settings
from tools.audit.checks import audit
from tools.audit.load import iter_items
from tools.audit.signals import bootstrap_auc

CAPITALS = {
    "France": "Paris", "Germany": "Berlin", "Italy": "Rome", "Spain": "Madrid",
    "Japan": "Tokyo", "China": "Beijing", "Russia": "Moscow", "Egypt": "Cairo",
    "Canada": "Ottawa", "Australia": "Canberra", "Brazil": "Brasilia", "India": "New Delhi",
    "Kenya": "Nairobi", "Norway": "Oslo", "Sweden": "Stockholm", "Finland": "Helsinki",
    "Poland": "Warsaw", "Greece": "Athens", "Portugal": "Lisbon", "Ireland": "Dublin",
    "Austria": "Vienna", "Hungary": "Budapest", "Peru": "Lima", "Chile": "Santiago",
    "Argentina": "Buenos Aires", "Mexico": "Mexico City", "Turkey": "Ankara",
    "Iran": "Tehran", "Iraq": "Baghdad", "Thailand": "Bangkok", "Vietnam": "Hanoi",
    "Cuba": "Havana", "Nigeria": "Abuja", "Morocco": "Rabat", "Denmark": "Copenhagen",
    "Belgium": "Brussels", "Switzerland": "Bern", "Colombia": "Bogota",
    "South Korea": "Seoul", "Ukraine": "Kyiv",
}  # fmt: skip


def questions(seed: int = 0) -> list[dict[str, str]]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(80):
        a, b = (int(x) for x in rng.integers(2, 60 if i < 40 else 500, size=2))
        out.append(
            {
                "id": f"add{i}",
                "kind": "sum",
                "reference": str(a + b),
                "prompt": f"What is {a} + {b}? Answer with the number only.",
            }
        )
    for country, capital in CAPITALS.items():
        out.append(
            {
                "id": f"cap-{country}",
                "kind": "capital",
                "reference": capital,
                "prompt": f"What is the capital of {country}? Answer with the city only.",
            }
        )
    return out


def correct(q: dict[str, str], output: str) -> bool:
    if q["kind"] == "sum":
        found = re.search(r"-?\d+", output.replace(",", ""))
        return bool(found) and found.group(0) == q["reference"]
    return q["reference"].casefold() in output.casefold()


async def collect(url: str, qs: list[dict[str, str]]) -> list[dict[str, object]]:
    gate = asyncio.Semaphore(4)
    async with LLMProvider(url) as llm:

        async def ask(q: dict[str, str], temperature: float, seed: int, logprobs: bool):  # type: ignore[no-untyped-def]
            async with gate:
                return await llm.chat(
                    [{"role": "user", "content": q["prompt"]}],
                    max_tokens=12,
                    temperature=temperature,
                    seed=seed,
                    logprobs=logprobs,
                )

        async def one(q: dict[str, str]) -> dict[str, object]:
            main = await ask(q, 0.0, 0, True)
            samples = [await ask(q, 1.0, s, False) for s in (1, 2, 3)]
            return {
                **q,
                "output": (main.text or "").strip(),
                "logprobs": [t.logprob for t in main.logprobs or []],
                "samples": [(s.text or "").strip() for s in samples],
            }

        return list(await asyncio.gather(*(one(q) for q in qs)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/planted_audit.jsonl"))
    args = parser.parse_args()
    record, _ = ServerManager(get_settings()).serve()
    qs = questions()
    rows = asyncio.run(collect(record.url, qs))
    truth = np.array([correct(q, str(r["output"])) for q, r in zip(qs, rows, strict=True)])
    with args.out.open("w") as fh:
        for r in rows:
            fh.write(
                json.dumps(
                    {
                        k: r[k]
                        for k in ("id", "prompt", "output", "reference", "samples", "logprobs")
                    }
                )
                + "\n"
            )
    print(f"{len(rows)} items, {int(truth.sum())} answered correctly, written to {args.out}")
    with_ref = audit(iter_items(args.out)).verdicts
    says_wrong = np.array([any("reference" in r for r in v.reasons) for v in with_ref])
    agree = float((says_wrong == ~truth).mean())
    print(
        f"with references: the audit agrees with the truth on {agree:.1%} of items (target >= 95%)"
    )
    wrong = ~truth
    signals = {
        "mean token log-prob": np.array([-v.scores.get("mean_logprob", 0.0) for v in with_ref]),
        "min token log-prob": np.array([-v.scores.get("min_logprob", 0.0) for v in with_ref]),
        "consistency across samples": np.array(
            [-v.scores.get("consistency", 1.0) for v in with_ref]
        ),
        "MiniLM consistency across samples": np.array(
            [-v.scores.get("semantic_consistency", 1.0) for v in with_ref]
        ),
    }
    ranks = [np.argsort(np.argsort(s)) / (len(s) - 1) for s in signals.values()]
    signals["combination (mean rank)"] = np.mean(ranks, axis=0)
    for name, s in signals.items():
        auc, lo, hi = bootstrap_auc(s, wrong)
        print(f"without references, {name}: ROC-AUC {auc:.3f} [{lo:.3f}, {hi:.3f}]")
    print("target: combination >= 0.75")


if __name__ == "__main__":
    main()

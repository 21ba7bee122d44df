"""The LLM judge option run for real: the embedded explainer LLM (or --url) grades the
helper-written terse and restated sets (``tests/audit_corpus.py``) against their
references; printed: how often its verdict matches the truth (``unsure`` counts as a miss),
how often it gave no valid verdict, and the code grader on the same items for comparison.

    python evals/audit_judge.py [--url URL] [--limit N]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import audit_corpus  # noqa: E402

from agent.audits.judge import judge_all  # noqa: E402
from agent.llm import LLMProvider  # noqa: E402
from agent.llm.serving import ServerManager  # noqa: E402
from agent.settings import get_settings  # noqa: E402
from tools.audit.load import AuditItem  # noqa: E402
from tools.audit.reference import check  # noqa: E402


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="judge endpoint (default: the embedded server)")
    parser.add_argument("--limit", type=int, default=0, help="items per set (0: all)")
    args = parser.parse_args()
    url = args.url or ServerManager(get_settings()).serve()[0].url
    for name in ("terse", "restated"):
        raw = getattr(audit_corpus, name)()[: args.limit or None]
        items = [AuditItem(line=i + 1, prompt=r["prompt"], output=r["output"],
                           references=r["reference"] if isinstance(r["reference"], list)
                           else [r["reference"]]) for i, r in enumerate(raw)]  # fmt: skip
        started = time.perf_counter()
        async with LLMProvider(url) as judge:
            await judge_all(judge, items, concurrency=4)
        seconds = time.perf_counter() - started
        truth = [r["correct"] for r in raw]
        said = [i.judge for i in items]
        right = sum((s == "correct") == t and s in ("correct", "incorrect")
                    for s, t in zip(said, truth, strict=True))  # fmt: skip
        unsure = sum(s == "unsure" for s in said)
        none = sum(s is None for s in said)
        code = sum(check(i.prompt, i.output, i.references).agrees == t
                   for i, t in zip(items, truth, strict=True))  # fmt: skip
        n = len(items)
        print(
            f"{name:<9} judge matches the truth on {right}/{n} ({right / n:.1%}); unsure "
            f"{unsure}, no valid verdict {none}; code grader {code}/{n} ({code / n:.1%}); "
            f"{seconds:.0f} s"
        )


if __name__ == "__main__":
    asyncio.run(main())

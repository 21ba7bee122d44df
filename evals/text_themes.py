"""The theme hypotheses run for real: the embedded explainer LLM (or --url) proposes themes
for the three planted text sets helper sessions wrote (support tickets, ``tests/
planted_text.py``; hotel reviews, ``tests/planted_text_heldout.py``; exit-survey comments,
``tests/planted_text_heldout2.py``), and code validates
them over all rows. Printed per set: each proposal (name, phrases), its rows, difference
and adjusted p, whether it was validated, and whether a validated theme holds at least
three phrasings of the planted synonym family (the issue's "one theme" test) — with the
seconds the proposal took.

    python evals/text_themes.py [--url URL] [--seeds 0,1,2]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from agent.llm import LLMProvider  # noqa: E402
from agent.llm.serving import ServerManager  # noqa: E402
from agent.settings import get_settings  # noqa: E402
from agent.usecases.datasets import explain_dataset  # noqa: E402
from tests import planted_text  # noqa: E402
from tests import planted_text_heldout as hotel  # noqa: E402
from tests import planted_text_heldout2 as exits  # noqa: E402


def _sets(seed: int) -> list[tuple[str, object, str, str | None, list[str]]]:
    return [
        ("tickets", planted_text.build(6000, seed=seed), "resolved", "no",
         planted_text.TRUTH["synonyms"]["late_delivery"]),
        ("hotel", hotel.build(6000, seed=seed), "rating", None, hotel.TRUTH["noise_family"]),
        ("exit survey", exits.build(6000, seed=seed), "would_recommend", "no",
         exits.TRUTH["families"]["pay_too_low"]["phrases"]),
    ]  # fmt: skip


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="explainer LLM endpoint (default: the embedded server)")
    parser.add_argument("--seeds", default="0,1,2")
    args = parser.parse_args()
    url = args.url or ServerManager(get_settings()).serve()[0].url
    found = total = 0
    for seed in (int(s) for s in args.seeds.split(",")):
        for name, frame, target, positive, family in _sets(seed):
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"{name}.csv"
                frame.to_csv(path, index=False)  # type: ignore[attr-defined]
                async with LLMProvider(url) as llm:
                    started = time.perf_counter()
                    done = await explain_dataset(
                        path, target, positive=positive, llm=lambda: llm, model_rows=2000
                    )
                    seconds = time.perf_counter() - started
            (text,) = done.report.findings.texts
            hit = any(t.validated and sum(p in t.phrases for p in family) >= 3
                      for t in text.themes)  # fmt: skip
            found += hit
            total += 1
            print(f"{name} seed {seed}: {len(text.themes)} proposals, "
                  f"{sum(t.validated for t in text.themes)} validated, family as one theme: "
                  f"{hit}; {seconds:.1f} s (whole explain-csv)")  # fmt: skip
            for t in text.themes:
                mark = "VALID " if t.validated else "reject"
                print(f"   {mark} {t.name!r}: {t.phrases} rows {t.rows}, "
                      f"difference {t.difference:+.3f}, p_adj {t.p_adjusted:.2g}")  # fmt: skip
            for note in done.report.findings.notes:
                print("   note:", note)
    print(f"synonym family found as one theme in {found}/{total} runs")


if __name__ == "__main__":
    asyncio.run(main())

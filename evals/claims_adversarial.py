"""The claim checker against held-out adversarial sentences (issue: claims, not prose).

The cases in ``evals/claims_cases/`` were written by a helper session that never saw the
checker's code: 17 evidence ledgers over every tool kind (attribution, what-if,
confidence, probing and the logit lens, faithfulness, dataset, audit) and sentences
written the way an LLM narrator writes them, each labelled true or false with a category
(negation, percent vs fraction, rounding, comparative, ratio, rank, superlative synonyms,
causal phrasing, label word vs direction, hedges, citations, swapped subjects, layers and
thresholds, counts, significance, framing). Half 2 was written after half 1 in new
phrasings of the same categories. The checker was developed against halves 1 and 2; half 3
(``sentences3.jsonl``, 360 sentences) was written afterwards by another helper that saw
neither the code nor the earlier sentences. Half 4 (``sentences4.jsonl``, 467 sentences)
was written by a third helper, under the same rules, after the reader's misses on half 3
had been looked at: it is the clean held-out figure.

Prints, per category and half: false sentences caught, true sentences kept.
Run: ``python evals/claims_adversarial.py [--half 1|2|3|4] [--show-misses]``.

``--decompose URL`` measures prose mode's second reader too: each sentence the code reader
left with unread signals is decomposed by the LLM at URL (an OpenAI-compatible base URL;
``embedded`` starts or reuses the embedded SmolLM2) and judged by code.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import defaultdict
from pathlib import Path

from agent.grounding import decompose
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import SentenceCheck, check_sentence

CASES = Path(__file__).with_name("claims_cases")


def load() -> tuple[dict[str, Ledger], list[dict[str, object]]]:
    raw = json.loads((CASES / "ledgers.json").read_text("utf-8"))
    ledgers = {
        name: Ledger([Evidence.model_validate(r) for r in records]) for name, records in raw.items()
    }
    lines = [
        line
        for name in ("sentences.jsonl", "sentences3.jsonl", "sentences4.jsonl")
        for line in (CASES / name).read_text("utf-8").splitlines()
    ]
    return ledgers, [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", type=int, choices=(1, 2, 3, 4), default=None)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--decompose", metavar="URL", default=None)
    args = parser.parse_args()
    ledgers, cases = load()
    if args.half:
        cases = [c for c in cases if c["half"] == args.half]
    checks = [check_sentence(str(c["text"]), ledgers[str(c["ledger"])]) for c in cases]
    if args.decompose:
        checks = asyncio.run(_decomposed(args.decompose, cases, checks, ledgers))
    table: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    misses = []
    for case, check in zip(cases, checks, strict=True):
        passed = check.verdict != "unsupported"
        row = table[(str(case["category"]), int(case["half"]))]  # type: ignore[call-overload]
        if case["truth"]:
            row[2] += 1
            row[3] += passed
        else:
            row[0] += 1
            row[1] += not passed
        if passed != case["truth"]:
            misses.append((case, check))
    print(f"{'category':22} {'half':>4} {'false caught':>14} {'true kept':>12}")
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (category, half), (f, caught, t, kept) in sorted(table.items()):
        print(f"{category:22} {half:>4} {caught:>6}/{f:<6} {kept:>5}/{t:<5}")
        for i, v in enumerate((f, caught, t, kept)):
            totals[half][i] += v
    for half, (f, caught, t, kept) in sorted(totals.items()):
        print(
            f"{'ALL':22} {half:>4} {caught:>6}/{f:<6} {kept:>5}/{t:<5}"
            f"  false caught {caught / max(f, 1):.1%}, true kept {kept / max(t, 1):.1%}"
        )
    if args.show_misses:
        for case, check in misses:
            what = "PASSED FALSE" if not case["truth"] else "DROPPED TRUE"
            print(
                f"\n{what} [{case['category']}/{case['half']}] {case['text']}\n  why: "
                f"{case['why']}\n  reasons: {check.reasons}\n  claims: {check.claims}"
            )


async def _decomposed(
    url: str, cases: list[dict[str, object]], checks: list[SentenceCheck],
    ledgers: dict[str, Ledger],
) -> list[SentenceCheck]:  # fmt: skip
    """The checks after prose mode's second reader: eligible sentences decomposed by the
    LLM at ``url`` and judged by code."""
    from agent.chat.narration import decomposition_messages
    from agent.errors import LLMTimeoutError, ModelOutputError
    from agent.llm import LLMProvider
    from agent.llm.structured import structured
    from agent.settings import get_settings

    if url == "embedded":
        from agent.llm.serving import ServerManager

        url = ServerManager(get_settings()).serve()[0].url
    out = list(checks)
    todo = [
        i for i, c in enumerate(checks) if decompose.eligible(c, ledgers[str(cases[i]["ledger"])])
    ]
    print(f"decomposing {len(todo)} sentences with the LLM at {url}", flush=True)
    failed = 0
    async with LLMProvider(url) as llm:
        for n, i in enumerate(todo, 1):
            ledger = ledgers[str(cases[i]["ledger"])]
            menu = decompose.menu_for(checks[i], ledger)
            try:
                picked = await structured(
                    llm, decomposition_messages(checks[i].text, menu),
                    menu.model(4, negatable=True), max_tokens=320, max_reasks=1,
                )  # fmt: skip
            except (ModelOutputError, LLMTimeoutError):
                failed += 1
                continue
            out[i] = decompose.judge(checks[i], picked.model_dump(mode="json")["claims"], menu)
            if n % 10 == 0:
                print(f"  {n}/{len(todo)}", flush=True)
    print(f"decomposed {len(todo) - failed}; no usable decomposition for {failed}", flush=True)
    return out


if __name__ == "__main__":
    main()

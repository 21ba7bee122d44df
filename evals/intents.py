"""The chat's intent classifier on questions it was not trained on (issue 38).

* ``--cv``: 5-fold cross-validation on the training questions
  (``agent/chat/data/intents.jsonl``): accuracy, and for each abstention margin the share
  answered and the accuracy of those answered (how :data:`agent.chat.intents.MARGIN` is
  chosen; the unseen sets never choose it).
* the helper's unseen part (``evals/intent_cases/unseen.jsonl``): accuracy over all,
  abstentions, accuracy of the answered; per intent; and the arguments of the what-if and
  one-word questions read into plans (``agent.chat.planning``).
* ``--interrolang DIR``: the user questions of the InterroLang study (the ``feedback/
  feedback_csv`` files of github.com/DFKI-NLP/InterroLang, fetched by the user; never
  trained or tuned on), deduplicated, with their gold operations mapped to intents by what
  each operation does (below); out-of-scope operations (dataset-level: data, score,
  mistake, keywords, similar, show, label, countdata, augment, model) are counted apart.

    python evals/intents.py [--cv] [--interrolang /path/to/feedback_csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from agent.chat import intents
from agent.chat.planning import build
from agent.chat.routing import State
from agent.grounding.evidence import Ledger

UNSEEN = Path(__file__).with_name("intent_cases") / "unseen.jsonl"
#: InterroLang's operations (its grammar) as this chat's intents. Both "what if" intents
#: count for its counterfactual operations.
INTERROLANG = {
    "nlpattribute": {"why", "word"}, "important": {"why", "word"}, "rationalize": {"why"},
    "cfe": {"flip", "what_if"}, "adversarial": {"flip", "what_if"},
    "predict": {"prediction"}, "randompredict": {"prediction"},
    "likelihood": {"confidence"}, "self": {"capabilities"}, "function": {"capabilities"},
}  # fmt: skip
INTERROLANG_INPUT = "The movie was not good, and the ending dragged on far too long."


def cross_validate() -> None:
    from sklearn.model_selection import StratifiedKFold

    rows = intents.training_rows()
    y = np.array([r["intent"] for r in rows])
    gaps, ok = [], []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(rows, y):
        fitted = intents.IntentModel([rows[i] for i in train])
        for i in test:
            r = fitted.read(rows[i]["text"], rows[i]["input"])
            gaps.append(r.margin)
            ok.append(r.intent == rows[i]["intent"])
    g, k = np.array(gaps), np.array(ok)
    print(f"cross-validated accuracy {k.mean():.3f} over {len(k)} training questions")
    for margin in (0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5):
        kept = g >= margin
        print(f"  margin {margin:.2f}: answered {kept.mean():.1%}, accuracy of answered "
              f"{k[kept].mean():.1%}")  # fmt: skip


def unseen() -> None:
    rows = [json.loads(line) for line in UNSEEN.read_text("utf-8").splitlines() if line.strip()]
    model = intents.model()
    started = time.perf_counter()
    readings = [model.read(r["text"], r["input"]) for r in rows]
    ms = (time.perf_counter() - started) / len(rows) * 1000
    right = np.array([x.intent == r["intent"] for x, r in zip(readings, rows, strict=True)])
    asked = np.array([x.abstained for x in readings])
    print(f"unseen: {len(rows)} questions, {ms:.1f} ms each; accuracy {right.mean():.1%}; "
          f"abstained {asked.mean():.1%}; accuracy of the answered {right[~asked].mean():.1%}; "
          f"wrong and not abstained {(~right & ~asked).mean():.1%}")  # fmt: skip
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for x, r, good in zip(readings, rows, right, strict=True):
        row = per[r["intent"]]
        row[0] += 1
        row[1] += int(good)
        row[2] += int(x.abstained)
    print("  " + " · ".join(f"{k} {v[1]}/{v[0]} (asked {v[2]})" for k, v in sorted(per.items())))
    args_ok = args_n = 0
    for r in rows:
        if r["intent"] not in ("what_if", "word") or not r.get("words"):
            continue
        plan = build(r["intent"], r["text"], State(text=r["input"]), Ledger())
        got = _arguments(plan.arguments, plan.state.focus)
        want = [str(w).casefold() for w in r["words"]]
        args_n += 1
        args_ok += got == want or (len(want) == 1 and got[:1] == want)
    print(f"  arguments read without quotes (what-if and one-word questions): {args_ok}/{args_n}")


def _arguments(arguments: dict[str, object], focus: str | None) -> list[str]:
    replace = arguments.get("replace")
    if isinstance(replace, dict) and replace:
        old, new = next(iter(replace.items()))
        return [str(old).casefold(), str(new).casefold()]
    remove = arguments.get("remove")
    if isinstance(remove, list) and remove:
        return [str(w).casefold() for w in remove]
    return [focus.casefold()] if focus else []


def interrolang(folder: Path) -> None:
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                text = (row.get("User text") or "").strip()
                gold = (row.get("Golden label") or "").replace("[e]", "")
                ops = [t for t in gold.split() if not t.isdigit()
                       and t not in ("filter", "id", "and", "or")]  # fmt: skip
                if text and ops:
                    seen.setdefault(text.casefold(), ops[0])
    model = intents.model()
    right = Counter[str]()
    total = Counter[str]()
    asked = Counter[str]()
    out_of_scope = Counter[str]()
    for text, op in seen.items():
        reading = model.read(text, INTERROLANG_INPUT)
        if op not in INTERROLANG:
            out_of_scope[reading.intent if not reading.abstained else "(asked back)"] += 1
            continue
        group = _group(op)
        total[group] += 1
        right[group] += reading.intent in INTERROLANG[op] and not reading.abstained
        asked[group] += reading.abstained
    n, k = sum(total.values()), sum(right.values())
    share = k / max(n, 1)
    print(f"InterroLang: {len(seen)} distinct questions, {n} in scope: {k}/{n} ({share:.1%}) "
          f"routed to the right intent; asked back {sum(asked.values())}")  # fmt: skip
    for g in sorted(total):
        print(f"  {g}: {right[g]}/{total[g]} (asked back {asked[g]})")
    print(f"  out of scope ({sum(out_of_scope.values())}), read as: "
          f"{dict(out_of_scope.most_common())}")  # fmt: skip


def _group(op: str) -> str:
    return {"nlpattribute": "why", "important": "why", "rationalize": "why", "cfe": "what-if",
            "adversarial": "what-if", "predict": "prediction", "randompredict": "prediction",
            "likelihood": "confidence"}.get(op, "capabilities")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--interrolang", type=Path, default=None)
    args = parser.parse_args()
    if args.cv:
        cross_validate()
    unseen()
    if args.interrolang:
        interrolang(args.interrolang)


if __name__ == "__main__":
    main()

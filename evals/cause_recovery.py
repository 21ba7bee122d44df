"""Cause recovery: does the explanation rank first the word that decides the answer?

Pairs of inputs that differ in one word are run through the target; a pair counts only
when the target's decision really differs between them (verified on the target, never
assumed). For each such pair the input holding the deciding word is explained under three
targets — the whole continuation, the decision (``tools/decision.py``), and the contrast
of the decision with the other input's decision — and the deciding word's rank among the
input's words is recorded, per method.

Targets explained:

* ``planted``: the tiny causal LM of ``tests/planted.py`` whose answer is "yes" exactly
  when "zebra" occurs (a known cause by construction);
* ``classifier``: the tiny BERT classifier of ``tests/planted_classifier.py`` ("awful"
  negative, "superb" positive, "not" before a cue turns it round), trained here: three
  families (a cue swapped for its antonym, a negation inserted, the cue removed);
* ``smollm2``: the default target, on a generated candidate pool in four families
  (sentiment with negation, yes/no with one decisive entity, arithmetic operands, option
  questions where one word decides); its flip rate on the pool is reported.

    python evals/cause_recovery.py [--methods occlusion,grad_x_input] [--json PATH]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tools.attribution import AttributeArgs, attribute_with
from tools.decision import decide
from tools.models import WhiteBoxLM

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.planted: the known cause
TARGETS = ("continuation", "decision", "contrast")


def smollm2_pool() -> list[tuple[str, str, str, str]]:
    """(family, input with the deciding word, the same input edited, the deciding word)."""
    pool: list[tuple[str, str, str, str]] = []
    ask = " Was the review positive or negative?"
    for thing, adj in itertools.product(("movie", "food", "hotel", "book", "service"),
                                        ("good", "great", "fun", "nice")):  # fmt: skip
        pool.append(("negation", f"The {thing} was not {adj}.{ask}", f"The {thing} was {adj}.{ask}",
                     "not"))  # fmt: skip
    for thing, (a, b) in itertools.product(("movie", "food", "hotel"),
                                           (("good", "bad"), ("great", "awful"),
                                            ("fun", "boring"))):  # fmt: skip
        pool.append(("sentiment word", f"The {thing} was {b}.{ask}", f"The {thing} was {a}.{ask}",
                     b))  # fmt: skip
    for city, country in (("Paris", "France"), ("Rome", "Italy"), ("Berlin", "Germany"),
                          ("Madrid", "Spain"), ("Tokyo", "Japan")):  # fmt: skip
        for other in ("London", "Cairo", "Sydney"):
            q = "Is {} the capital of " + country + "? Answer yes or no."
            pool.append(("yes/no entity", q.format(other), q.format(city), other))
    rng = random.Random(0)
    for _ in range(12):
        a, b, c = rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 9)
        if b != c:
            q = "What is {} plus {}? Answer with a number."
            pool.append(("arithmetic", q.format(a, b), q.format(a, c), str(b)))
    for noun, other, opts in (("lemon", "candy", "sweet or sour"), ("ice", "fire", "hot or cold"),
                              ("night", "noon", "dark or bright"),
                              ("elephant", "mouse", "big or small"),
                              ("snail", "cheetah", "fast or slow")):  # fmt: skip
        pool.append(("option word", f"Is a {noun} {opts}?", f"Is a {other} {opts}?", noun))
        pool.append(("option word", f"Is a {other} {opts}?", f"Is a {noun} {opts}?", other))
    return pool


def planted_pool(n: int = 30) -> list[tuple[str, str, str, str]]:
    from tests.planted import sentence

    rng = random.Random(1)
    out = []
    for _ in range(n):
        base = sentence(rng, trigger=True)
        out.append(("trigger", base, " ".join(w for w in base.split() if w != "zebra"), "zebra"))
    return out


def classifier_pool(n: int = 20) -> list[tuple[str, str, str, str]]:
    """The planted classifier's three families, ``n`` pairs each: a cue swapped for its
    antonym, a negation inserted before the cue, the cue removed (neutral)."""
    from tests.planted_classifier import sentence

    rng = random.Random(2)
    out = []
    for _ in range(n):
        text = sentence(rng, "awful")
        out.append(("cue antonym", text, text.replace("awful", "superb"), "awful"))
        text = sentence(rng, "superb", negated=True)
        out.append(("negation", text, text.replace("not superb", "superb"), "not"))
        text = sentence(rng, "superb")
        out.append(("cue removed", text, text.replace("superb ", "").replace(" superb", ""),
                    "superb"))  # fmt: skip
    return out


def _rank(result: Any, word: str) -> int | None:
    """The word's rank by signed score: what pushed most towards the explained target."""
    order = sorted(result.units, key=lambda u: -u.score)
    for i, u in enumerate(order, 1):
        if u.text.strip(".,?!").casefold() == word.casefold():
            return i
    return None


def run(lm: WhiteBoxLM, pool: list[tuple[str, str, str, str]], methods: list[str],
        label: str) -> dict[str, Any]:  # fmt: skip
    flips: list[tuple[str, str, str, str, str]] = []
    for family, text, edited, word in pool:
        a = decide(lm, lm.encode(text).ids, text, 16)  # as the attribution runs (max_new_tokens)
        b = decide(lm, lm.encode(edited).ids, edited, 16)
        if a.label.strip().casefold() != b.label.strip().casefold():
            flips.append((family, text, word, a.label, b.label))
    print(f"{label}: {len(flips)} of {len(pool)} one-word edits flip the decision", flush=True)
    table: dict[tuple[str, str], list[int | None]] = {}
    seconds: dict[tuple[str, str], list[float]] = {}
    for (_, text, word, _, theirs), method, target in itertools.product(flips, methods, TARGETS):
        args: dict[str, Any] = {"text": text, "method": method, "n_steps": 16}
        if target == "continuation":
            args["target"] = "continuation"
        elif target == "contrast":
            args["foil"] = theirs.strip()
        try:
            started = time.perf_counter()
            result = attribute_with(lm, AttributeArgs(**args))
            seconds.setdefault((method, target), []).append(time.perf_counter() - started)
        except Exception as exc:  # an eval: a failure counts as not recovered
            print(f"  {method}/{target} on {text!r}: {exc}")
            table.setdefault((method, target), []).append(None)
            continue
        table.setdefault((method, target), []).append(_rank(result, word))
    rows = []
    for (method, target), ranks in sorted(table.items()):
        n = len(ranks)
        rows.append({
            "target_model": label, "method": method, "target": target, "cases": n,
            "top1": sum(r == 1 for r in ranks) / n, "top3": sum(r is not None and r <= 3
                                                                for r in ranks) / n,
            "median_seconds": statistics.median(seconds.get((method, target), [0.0])),
        })  # fmt: skip
    families: dict[str, int] = {}
    for f, *_ in flips:
        families[f] = families.get(f, 0) + 1
    return {"pool": len(pool), "flips": len(flips), "families": families, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", default="occlusion,grad_x_input,integrated_gradients")
    parser.add_argument("--json", type=Path, default=Path("evals/out/cause_recovery.json"))
    parser.add_argument("--skip-smollm2", action="store_true")
    args = parser.parse_args()
    methods = args.methods.split(",")
    from tests.planted import planted_model
    from tests.planted_classifier import train_classifier
    from tools.models import load_target

    report = {"planted": run(planted_model(), planted_pool(), methods, "planted")}
    with tempfile.TemporaryDirectory() as tmp:  # the classifier, trained here (seconds)
        classifier = load_target(
            str(train_classifier(Path(tmp) / "planted-classifier", negation=True))
        )
        report["classifier"] = run(classifier, classifier_pool(), methods, "classifier")
    if not args.skip_smollm2:
        report["smollm2"] = run(load_target(), smollm2_pool(), methods, "smollm2")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print(f"\n{'model':9} {'method':22} {'target':13} {'cases':>5} {'top-1':>6} {'top-3':>6} "
          f"{'s/call':>7}")  # fmt: skip
    for part in report.values():
        for r in part["rows"]:
            print(f"{r['target_model']:9} {r['method']:22} {r['target']:13} {r['cases']:>5} "
                  f"{r['top1']:>6.0%} {r['top3']:>6.0%} {r['median_seconds']:>7.2f}")  # fmt: skip
    for name, part in report.items():
        print(f"{name}: {part['flips']} flips of {part['pool']} ({part['families']})")


if __name__ == "__main__":
    main()

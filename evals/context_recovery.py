"""Context recovery: in a document whose answer lives in one sentence (or a few-shot
prompt whose answer copies one demonstration), does context attribution rank that unit
first?

Four families of generated documents, 10 each by default, on SmolLM2 (the default
target): 10-sentence documents of one kind of fact about ten different people (where
they live, the year they were born, their job, their pet), a question about one of them
kept whole as the query, and the sentence that answers it at a random position; and
few-shot prompts of eight "item => label" demonstrations with made-up labels (one per
demonstration, so world knowledge cannot supply them) whose last line asks about an item
one demonstration already labels. The explained answer is fixed (teacher-forced):
the answering sentence itself ("Greta lives in Prague.") or the demonstration's category,
so the cause is known by construction. Distractor sentences have the same shape and
answer type, so only the right one can supply the answer.

For each input: the rank of the answering unit under ``context_cite`` (ablations + sparse
linear surrogate) and ``occlusion`` (leave one unit out), the surrogate's out-of-fold R²
and Spearman rho, and seconds. Prints a table of top-1 rates.

    python evals/context_recovery.py [--docs 10] [--families cities,years,jobs,pets,fewshot]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path
from typing import Any

from tools.attribution import AttributeArgs, attribute_with

NAMES = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Irene",
         "Jonas", "Kemal", "Lucia", "Marta", "Nils", "Olga", "Pavel"]  # fmt: skip
FACTS: dict[str, tuple[list[str], str, list[str]]] = {
    # family: (values, sentence template, question templates)
    "cities": (
        [
            "Paris",
            "Berlin",
            "Madrid",
            "Rome",
            "Vienna",
            "Oslo",
            "Lisbon",
            "Prague",
            "Dublin",
            "Athens",
            "Warsaw",
            "Zurich",
        ],
        "{name} lives in {value}.",
        ["In which city does {name} live?", "Where does {name} live?"],
    ),
    "years": (
        [str(y) for y in range(1951, 1999, 4)],
        "{name} was born in {value}.",
        ["In which year was {name} born?", "When was {name} born?"],
    ),
    "jobs": (
        [
            "baker",
            "pilot",
            "nurse",
            "lawyer",
            "farmer",
            "teacher",
            "plumber",
            "chemist",
            "painter",
            "dentist",
            "tailor",
            "sailor",
        ],
        "{name} works as a {value}.",
        ["What does {name} work as?", "What is {name}'s job?"],
    ),
    "pets": (
        [
            "parrot",
            "rabbit",
            "turtle",
            "hamster",
            "goldfish",
            "pony",
            "lizard",
            "ferret",
            "snake",
            "canary",
            "goat",
            "cat",
        ],
        "{name} owns a {value}.",
        ["Which animal does {name} own?", "What pet does {name} have?"],
    ),
}
ITEMS = ["apple", "carrot", "hammer", "copper", "violin", "tiger", "river", "candle",
         "pillow", "rocket", "garden", "bottle"]  # fmt: skip
LABELS = ["blicket", "dax", "wug", "toma", "fep", "zorb", "kiki", "bouba", "gazzer",
          "tufa", "mip", "lorp"]  # fmt: skip


def document(family: str, rng: random.Random) -> tuple[str, str, str, str]:
    """(text, query, answer, the unit that holds the answer)."""
    if family == "fewshot":
        demos = list(zip(rng.sample(ITEMS, 8), rng.sample(LABELS, 8), strict=True))
        item, label = demos[rng.randrange(8)]
        lines = [f"{i} => {lab}" for i, lab in demos]
        return "\n".join(lines), f"{item} =>", f" {label}", f"{item} => {label}"
    values, template, questions = FACTS[family]
    names, picked = rng.sample(NAMES, 10), rng.sample(values, 10)
    sentences = [template.format(name=n, value=v) for n, v in zip(names, picked, strict=True)]
    k = rng.randrange(10)
    query = rng.choice(questions).format(name=names[k])
    return " ".join(sentences), query, sentences[k], sentences[k]


def run(families: list[str], docs: int, seed: int) -> list[dict[str, Any]]:
    from tools.models import load_target

    lm = load_target()
    rows = []
    for family in families:
        rng = random.Random(f"{seed}-{family}")
        for i in range(docs):
            text, query, answer, key = document(family, rng)
            granularity = "line" if family == "fewshot" else "sentence"
            row: dict[str, Any] = {"family": family, "doc": i, "query": query}
            for method in ("context_cite", "occlusion"):
                started = time.perf_counter()
                result = attribute_with(lm, AttributeArgs(
                    text=text, query=query, answer=answer, method=method,
                    granularity=granularity))  # fmt: skip
                ranked = [u.text for u in result.ranked()]
                row[method] = {"rank": ranked.index(key) + 1,
                               "seconds": round(time.perf_counter() - started, 2)}  # fmt: skip
                if result.surrogate is not None:
                    row[method]["r2"] = result.surrogate.r2_held_out
                    row[method]["spearman"] = result.surrogate.spearman_held_out
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    out = ["| family | n | context_cite top-1 | occlusion top-1 | surrogate R² (median) "
           "| Spearman (median) | s / input (cc, occ) |",
           "|---|---|---|---|---|---|---|"]  # fmt: skip
    for family in dict.fromkeys(r["family"] for r in rows):
        got = [r for r in rows if r["family"] == family]
        cc = [r["context_cite"] for r in got]
        oc = [r["occlusion"] for r in got]
        out.append(
            f"| {family} | {len(got)} | {sum(c['rank'] == 1 for c in cc)}/{len(got)} "
            f"| {sum(o['rank'] == 1 for o in oc)}/{len(got)} "
            f"| {statistics.median(c['r2'] or 0 for c in cc):.2f} "
            f"| {statistics.median(c['spearman'] or 0 for c in cc):.2f} "
            f"| {statistics.median(c['seconds'] for c in cc):.1f}, "
            f"{statistics.median(o['seconds'] for o in oc):.1f} |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10)
    parser.add_argument("--families", default="cities,years,jobs,pets,fewshot")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=Path("evals/out/context_recovery.json"))
    args = parser.parse_args()
    rows = run(args.families.split(","), args.docs, args.seed)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=1))
    print(table(rows))


if __name__ == "__main__":
    main()

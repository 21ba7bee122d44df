"""Faithfulness of occlusion and integrated gradients on SmolLM2, against random rankings.

For 20+ varied prompts, explains the model's own answer (up to 8 tokens) with each method,
then measures ERASER comprehensiveness and sufficiency (AOPC over 1/5/10/20/50%) and
deletion AUC for the method's ranking and for 5 random rankings of the same words.

    python evals/faithfulness.py               # all prompts, both methods
    python evals/faithfulness.py --limit 5
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from tools.attribution import AttributeArgs, attribute_with
from tools.faithfulness import evaluate
from tools.models import load_target

PROMPTS = [
    "Is the movie not bad? Answer yes or no.",
    "What is the capital of France? Answer in one word.",
    "The food was cold and the waiter was rude. Was the review positive or negative?",
    "Which is heavier, a kilogram of feathers or a gram of iron?",
    "Translate 'good morning' into Spanish.",
    "Name the largest planet in the solar system.",
    "My phone battery dies within an hour. What should I do?",
    "Is water wet? Give a short answer.",
    "What colour do you get when you mix blue and yellow?",
    "The cat sat on the mat because it was warm. Why did the cat sit there?",
    "Write one word that rhymes with 'light'.",
    "How many days are there in a leap year?",
    "The stock fell sharply after the weak earnings report. Is this news good for investors?",
    "Who wrote the play Romeo and Juliet?",
    "What is two plus three?",
    "The hotel room was spotless and the staff were lovely. Would you recommend it?",
    "Which animal is known as the king of the jungle?",
    "Should I bring an umbrella if the forecast says heavy rain?",
    "What is the boiling point of water in Celsius?",
    "The package arrived broken and customer service never replied. Rate the experience.",
    "What language is spoken in Brazil?",
    "Is a tomato a fruit or a vegetable?",
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=len(PROMPTS))
    parser.add_argument("--methods", nargs="+", default=["occlusion", "integrated_gradients"])
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    lm = load_target()
    rows = []
    for text in PROMPTS[: args.limit]:
        for method in args.methods:
            result = attribute_with(lm, AttributeArgs(text=text, method=method, max_new_tokens=8))
            f = evaluate(lm, result)
            rows.append(
                {
                    "prompt": text,
                    "method": method,
                    "comp": f.attribution.comprehensiveness,
                    "comp_random": f.random.comprehensiveness,
                    "suff": f.attribution.sufficiency,
                    "suff_random": f.random.sufficiency,
                    "del_auc": f.attribution.deletion_auc,
                    "del_auc_random": f.random.deletion_auc,
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    print(
        f"\n# {args.limit} prompts, SmolLM2-135M, means (wins = prompts where the method "
        "beats random)"
    )
    print("method                comp   random  wins | suff   random  wins | delAUC random  wins")
    for method in args.methods:
        mine = [r for r in rows if r["method"] == method]
        n = len(mine)

        def col(key: str, rows: list[dict[str, float | str]] = mine) -> float:
            return statistics.mean(float(r[key]) for r in rows)

        comp_wins = sum(r["comp"] > r["comp_random"] for r in mine)
        suff_wins = sum(r["suff"] < r["suff_random"] for r in mine)
        auc_wins = sum(r["del_auc"] < r["del_auc_random"] for r in mine)
        print(
            f"{method:21s} {col('comp'):.3f}  {col('comp_random'):.3f}  {comp_wins:2d}/{n} | "
            f"{col('suff'):.3f}  {col('suff_random'):.3f}  {suff_wins:2d}/{n} | "
            f"{col('del_auc'):.3f}  {col('del_auc_random'):.3f}  {auc_wins:2d}/{n}"
        )
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()

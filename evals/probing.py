"""Probe SmolLM2 for a compositional concept, and watch a factual answer rise (logit lens).

Concept set (200 sentences, 2 classes, generated): "<thing> was [not] <adjective>." with
the label the polarity after negation. Each word alone says little: "not" and the
adjective cancel or not, so a linear probe on averaged embeddings (layer 0) cannot solve
it (an XOR), while a layer that composes them can. The control task probes the same
features with shuffled labels.

    python evals/probing.py
"""

from __future__ import annotations

import argparse
import itertools

from tools.models import load_target
from tools.probing import LogitLensArgs, ProbeArgs, logit_lens_with, probe_with

THINGS = ["The food", "The movie", "The service", "The hotel", "The concert", "The book",
          "The weather", "The game", "The trip", "The lecture"]  # fmt: skip
POSITIVE = ["good", "great", "nice", "pleasant", "excellent"]
NEGATIVE = ["bad", "awful", "terrible", "poor", "boring"]


def concept_set() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for thing, adjective, negated in itertools.product(THINGS, POSITIVE + NEGATIVE, (False, True)):
        texts.append(f"{thing} was {'not ' if negated else ''}{adjective}.")
        positive = (adjective in POSITIVE) != negated
        labels.append("positive" if positive else "negative")
    return texts, labels


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--pooling", nargs="+", default=["last", "mean"])
    args = parser.parse_args()
    lm = load_target()
    texts, labels = concept_set()
    print(f"# probing SmolLM2-135M on {len(texts)} sentences (negated sentiment), 5-fold CV")
    for pooling in args.pooling:
        result = probe_with(lm, ProbeArgs(texts=texts, labels=labels, pooling=pooling))
        print(f"\n## pooling={pooling}  majority={result.majority_baseline:.3f}")
        print("layer  accuracy  control  selectivity")
        for s in result.layers:
            print(
                f"{s.layer:5d}  {s.accuracy:8.3f}  {s.control_accuracy:7.3f}  {s.selectivity:11.3f}"
            )
        print(result.summary())

    print("\n## logit lens: 'What is the capital of France?' + 'The capital of France is'")
    lens = logit_lens_with(
        lm,
        LogitLensArgs(text="What is the capital of France?",
                      continuation="The capital of France is", answer=" Paris"),
    )  # fmt: skip
    print("layer  p(' Paris')  rank  top-3")
    for layer in lens.layers:
        print(
            f"{layer.layer:5d}  {layer.answer_prob:10.4f}  {layer.answer_rank:5d}  "
            f"{layer.top_tokens[:3]}"
        )
    print(lens.summary())


if __name__ == "__main__":
    main()

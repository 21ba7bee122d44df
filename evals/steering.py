"""A sentiment direction on SmolLM2 (the default target), and whether steering with it
moves the model's decision more than a random direction of the same length.

Contrast sets: 16 short positive and 16 negative reviews (the built-in "sentiment" sets of
``agent.usecases.concepts``, plain words);
held out: 24 other reviews (12 each). Prompt: "<review> Was the review positive or
negative?", continuation "The review was", decision: " positive" or " negative". The
direction is added at the best-separating layer (or --layer) with several strengths;
printed per alpha: the share of held-out decisions that moved, the share that moved to
the positive set's answer, and the same for a random direction.

    python evals/steering.py [--alphas 1 2 4 8] [--layer N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.concept_sets import BAD, GOOD, reviews
from tools.models import load_target
from tools.steering import SteerArgs, steer_with


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alphas", type=float, nargs="+", default=[1.0, 2.0, 4.0, 8.0])
    parser.add_argument("--layer", type=int)
    args = parser.parse_args()
    lm = load_target()
    suffix = " Was the review positive or negative?"
    pos = [r + suffix for r in reviews(GOOD, 0, 16)]
    neg = [r + suffix for r in reviews(BAD, 0, 16)]
    held = [r + suffix for r in reviews(GOOD, 16, 12) + reviews(BAD, 16, 12)]
    held = [h for h in held if h not in pos and h not in neg]
    for alpha in args.alphas:
        started = time.perf_counter()
        out = steer_with(lm, SteerArgs(
            positive=pos, negative=neg, held_out=held, continuation="The review was",
            options=[" positive", " negative"], alpha=alpha, layer=args.layer,
        ))  # fmt: skip
        best = max(out.layers, key=lambda d: d.separation)
        print(f"alpha {alpha:g}: layer {out.steer_layer} (best separation {best.separation:.2f} "
              f"at {best.layer}); moved {out.moved:.0%} (towards positive {out.towards:.0%}), "
              f"random direction {out.moved_random:.0%}; {len(held)} held out; "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()

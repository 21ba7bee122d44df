"""Benchmark attribution on SmolLM2: occlusion and integrated gradients against their
compute limits and against Captum's own LLMAttribution(FeatureAblation).

For user texts of about 32, 128 and 512 tokens (plus SmolLM2's chat template, about 30
more tokens) this measures:

* ``F(L)``: one forward pass of the full prompt (median of 5);
* word occlusion: wall time, forward-pass equivalents, ratio to its limit ``(k+1)*F`` for
  k words; for a 1-token target and the model's own 16-token answer;
* Captum ``LLMAttribution(FeatureAblation)`` on the same words (removed, as ours) and
  targets, in the same run, and our speed-up over it (up to ``--captum-max-len``);
* integrated gradients (s steps): wall time and ratio to its limit ``3*s*F``;
* peak RSS of the process;
* with ``--trace``: causal tracing (``tools/patching.py``) of "What is the capital of
  France?" / "The capital of France is" → " Paris", subject "France", residual stream, 3
  noise samples: wall time against its limit ``rows * F`` (rows = 1 clean + per sample 1
  corrupted + layers x positions restored, each a full-prompt forward pass without the
  prefix cache), and the share of the prompt the cache leaves out.

    python evals/bench_attribution.py                  # 32, 128, 512
    python evals/bench_attribution.py --lengths 32 128 --runs 3
    python evals/bench_attribution.py --lengths --trace --runs 3   # causal tracing only
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import torch

from tools.attribution import AttributeArgs, attribute_with
from tools.models import WhiteBoxLM, load_target

PASSAGE = (
    "Attribution methods try to say which parts of an input made a model produce its "
    "output. Occlusion removes one part at a time and watches the output change; it is "
    "simple, faithful to the model's behaviour on each edited input, and costs one "
    "forward pass per removed part. Gradient methods instead ask how the output would "
    "move if the input embeddings moved a little, which is cheap but local. Integrated "
    "gradients follow a straight path from a neutral baseline to the real input and add "
    "up the gradients along the way, so that the attributions sum to the change in the "
    "output between the baseline and the input. Attention weights are often shown as "
    "explanations too, yet they describe where information flows inside one layer rather "
    "than what the output depends on. Whatever the method, an explanation should be "
    "checked: removing the words it ranks highest should hurt the prediction more than "
    "removing random words, and keeping only those words should preserve it. Researchers "
    "call these properties comprehensiveness and sufficiency, and they report them next "
    "to a random baseline so that readers can judge whether the ranking carries any "
    "information at all. Long inputs make every method slower, because each forward pass "
    "grows with the length of the prompt, and occlusion needs one pass per word. "
) * 8


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def prompt_of(lm: WhiteBoxLM, tokens: int) -> str:
    """The longest prefix of PASSAGE (whole words) of at most ``tokens`` user tokens."""
    words = PASSAGE.split()
    lo, hi = 1, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(lm.encode(" ".join(words[:mid])).user_positions) <= tokens:
            lo = mid
        else:
            hi = mid - 1
    return " ".join(words[:lo])


def forward_time(lm: WhiteBoxLM, ids: list[int], runs: int = 5) -> float:
    times = []
    with torch.no_grad():
        for _ in range(runs):
            start = time.perf_counter()
            lm.model(input_ids=torch.tensor([ids]))
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(fn: Any, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def captum_occlusion(lm: WhiteBoxLM, text: str, answer: str) -> float:
    """Captum LLMAttribution(FeatureAblation) over the same words (deleted, as ours)."""
    from captum.attr import FeatureAblation, LLMAttribution, TextTemplateInput

    enc = lm.encode(text)
    units = enc.units("word")
    full = lm.tokenizer.apply_chat_template(
        [{"role": "user", "content": text}], tokenize=False, add_generation_prompt=True
    )
    start = full.rfind(text)
    pieces, cursor = [], 0
    for u in units:  # the user's text as a template with one slot per word
        pieces.append(text[cursor : u.start].replace("{", "{{").replace("}", "}}"))
        pieces.append("{}")
        cursor = u.end
    pieces.append(text[cursor:].replace("{", "{{").replace("}", "}}"))
    escape = lambda s: s.replace("{", "{{").replace("}", "}}")  # noqa: E731
    template = escape(full[:start]) + "".join(pieces) + escape(full[start + len(text) :])
    inp = TextTemplateInput(
        template=template, values=[u.text for u in units], baselines=["" for _ in units]
    )
    attr = LLMAttribution(FeatureAblation(lm.model), lm.tokenizer)
    started = time.perf_counter()
    with torch.no_grad():
        attr.attribute(inp, target=answer, skip_tokens=[])
    return time.perf_counter() - started


def bench_length(lm: WhiteBoxLM, length: int, args: argparse.Namespace) -> dict[str, Any]:
    text = prompt_of(lm, length)
    enc = lm.encode(text)
    k = len(enc.units("word"))
    f = forward_time(lm, enc.ids)
    runs = args.runs if length <= 128 else 1
    row: dict[str, Any] = {
        "user_tokens": len(enc.user_positions),
        "prompt_tokens": len(enc.ids),
        "words": k,
        "F_s": round(f, 3),
    }
    one = lm.decode(lm.generate(enc.ids, 1))
    long = lm.decode(lm.generate(enc.ids, 16))
    for label, answer in (("1tok", one), ("16tok", long)):
        answer_ids = lm.answer_ids(answer)
        f_answer = forward_time(lm, enc.ids + answer_ids, runs=3)
        wall, result = timed(
            lambda a=answer: attribute_with(lm, AttributeArgs(text=text, answer=a)), runs
        )
        limit = (k + 1) * f_answer
        row[f"occl_{label}_s"] = round(wall, 2)
        row[f"occl_{label}_fwd"] = result.forward_passes
        row[f"occl_{label}_vs_limit"] = round(wall / limit, 2)
        if length <= args.captum_max_len:
            captum = captum_occlusion(lm, text, answer)  # one run: it is the slow reference
            row[f"captum_{label}_s"] = round(captum, 2)
            row[f"speedup_{label}"] = round(captum / wall, 2)
    steps = args.ig_steps
    f_one = forward_time(lm, enc.ids + lm.answer_ids(one), runs=3)
    wall, _ = timed(
        lambda: attribute_with(
            lm, AttributeArgs(text=text, answer=one, method="integrated_gradients", n_steps=steps)
        ),
        runs,
    )
    row["ig_s"] = round(wall, 2)
    row["ig_vs_limit"] = round(wall / (3 * steps * f_one), 2)
    row["peak_rss_gb"] = round(peak_rss_gb(), 2)
    return row


def bench_trace(lm: WhiteBoxLM, runs: int) -> dict[str, Any]:
    from tools.patching import PatchArgs, trace_with

    args = PatchArgs(text="What is the capital of France?", subject="France",
                     continuation="The capital of France is", answer=" Paris")  # fmt: skip
    wall, result = timed(lambda: trace_with(lm, args), runs)
    f = forward_time(lm, lm.encode(args.text).ids + lm.answer_ids(args.continuation))
    cells = len(result.effects) * len(result.tokens)
    return {
        "trace_cells": cells,
        "trace_rows": result.forward_passes,
        "prompt_tokens": result.prompt_tokens,
        "cached_prefix_tokens": result.cached_tokens,
        "F_s": round(f, 4),
        "trace_s": round(wall, 1),
        "trace_vs_limit": round(wall / (result.forward_passes * f), 2),
        "peak": result.summary(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--lengths", type=int, nargs="*", default=[32, 128, 512])
    parser.add_argument("--trace", action="store_true", help="also time causal tracing")
    parser.add_argument("--runs", type=int, default=3, help="repeats (median) up to 128 tokens")
    parser.add_argument("--ig-steps", type=int, default=32)
    parser.add_argument("--captum-max-len", type=int, default=128)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    torch.manual_seed(0)
    lm = load_target()
    print(
        f"# bench_attribution: SmolLM2-135M fp32, {torch.get_num_threads()} threads, "
        f"Python {sys.version.split()[0]}, torch {torch.__version__}"
    )
    rows = []
    for length in args.lengths:
        row = bench_length(lm, length, args)
        rows.append(row)
        print(json.dumps(row), flush=True)
    if args.trace:
        rows.append(bench_trace(lm, args.runs))
        print(json.dumps(rows[-1]), flush=True)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()

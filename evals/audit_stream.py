"""``explainer audit`` on 100,000 items: wall time and peak RSS (the input is streamed;
outputs of 10 to 150 words built from varied sentences, some declining).

python evals/audit_stream.py [--items 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

#: Answers are built from these sentences (1 to 8 of them, 10 to 150 words), so that
#: lengths, first-person phrasing and sentiment vary the way real outputs do; every text
#: check then reads text of realistic length instead of one repeated string.
SENTENCES = [
    "The capital of Australia is Canberra, not Sydney as many people assume.",
    "I think the second option is better because it costs less over five years.",
    "Honestly, this is a great question and the answer is surprisingly simple.",
    "The results were disappointing: the model failed on most of the harder cases.",
    "You can install the package with pip and then run the command from a terminal.",
    "In 1969 the first crewed landing on the Moon took place during Apollo 11.",
    "I would recommend checking the documentation before changing the defaults.",
    "Unfortunately the data is incomplete, so any estimate will be rough.",
    "Water boils at 100 degrees Celsius at sea level and at lower temperatures higher up.",
    "I'm happy to walk you through the steps one at a time if that helps.",
    "The committee reviewed the proposal in detail and found the budget adequate.",
    "It is a terrible idea to store passwords in plain text on a shared drive.",
    "If you have more questions, I will do my best to answer them.",
    "Most modern browsers support this feature, although older ones may not.",
]
DECLINES = [
    "I'm sorry, I can't help with that.",
    "I cannot provide that information.",
    "I'd rather not get into that topic.",
    "That falls outside what I can discuss here.",
    "Lo siento, no puedo ayudarte con eso.",
    "Je ne peux pas répondre à cette question.",
]


def _output(rng: np.random.Generator, refused: bool) -> str:
    body = " ".join(rng.choice(SENTENCES, size=int(rng.integers(1, 9))))
    if not refused:
        return str(body)
    decline = str(rng.choice(DECLINES))
    return decline if rng.uniform() < 0.7 else f"{decline} {body}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.jsonl"
        with path.open("w") as fh:
            for i in range(args.items):
                group = "A" if i % 2 else "B"
                refused = rng.uniform() < (0.2 if group == "A" else 0.1)
                output = _output(rng, refused)
                logprobs = rng.normal(-1, 0.5, size=20).round(3).tolist()
                fh.write(json.dumps({"id": f"item{i}", "prompt": f"question {i}?", "output": output,
                                     "logprobs": logprobs, "group": group}) + "\n")  # fmt: skip
        size = path.stat().st_size / 1e6
        exe = shutil.which("explainer") or str(Path(sys.executable).with_name("explainer"))
        start = time.perf_counter()
        child = subprocess.Popen([exe, "audit", str(path), "--group", "group", "--json"],
                                 stdout=subprocess.DEVNULL)  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit("audit failed")
    print(
        f"{args.items} items ({size:.0f} MB JSONL): {wall:.1f} s, "
        f"peak RSS {usage.ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()

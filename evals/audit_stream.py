"""``explainer audit`` on 100,000 items: wall time and peak RSS (the input is streamed).

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
                output = "I'm sorry, I can't help." if refused else "Sure. " + "word " * 30
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

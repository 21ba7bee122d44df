"""explain-csv on 1,000,000 rows x 20 columns: wall time and peak RSS, against ydata-profiling.

Generates a seeded CSV of mixed types (see :func:`make_csv`), then runs the whole
``explainer explain-csv FILE --target y --no-llm --out report.html --json`` as a
subprocess several times, and ydata-profiling in minimal
mode on the same file (``ProfileReport(pd.read_csv(f), minimal=True).to_file(...)``) in a
Python that has it (``--ydata-python``; ydata-profiling pins its own pandas and numpy, so
it lives in its own virtual environment: ``python -m venv /tmp/ydata-venv &&
/tmp/ydata-venv/bin/pip install ydata-profiling==4.18.4 setuptools``). Peak RSS is each child's
``ru_maxrss`` from ``wait4`` (the data files are written in a spawned process, so
this one stays small: a child's peak counts what it shares with its parent). The two
tools run in turn (ours, theirs, ours, ...), so a slow spell of a shared machine falls on
both; prints medians and the ratio.

    python evals/bench_dataset.py [--rows 1000000] [--runs 3] [--ydata-runs 3]
                                  [--ydata-python /tmp/ydata-venv/bin/python]
                                  [--text-rows 200000]  (0 skips; --rows 0 runs text only)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

YDATA = """
import sys, pandas as pd
from ydata_profiling import ProfileReport
ProfileReport(pd.read_csv(sys.argv[1]), minimal=True, progress_bar=False).to_file(sys.argv[2])
"""


def make_csv(path: Path, rows: int, seed: int = 0) -> Path:
    """A mixed table like real exports: an id, 8 measurements (two with 5% missing), 2
    counts, 4 categories, a customer key (~300k distinct), a free-text note, a date, a
    timestamp, a yes/no flag, and the 0/1 target ``y`` (planted drivers x0, x1², region)."""
    if path.exists():
        return path
    rng = np.random.default_rng(seed)
    data: dict[str, object] = {"id": np.arange(rows)}
    for i in range(8):
        x = rng.normal(size=rows).round(4)
        if i in (6, 7):
            x[rng.uniform(size=rows) < 0.05] = np.nan
        data[f"x{i}"] = x
    data["visits"] = rng.poisson(3, size=rows)
    data["spend"] = rng.lognormal(3, 1, size=rows).round(2)
    for name, k in (("region", 4), ("plan", 3), ("device", 5), ("segment", 12)):
        data[name] = rng.choice([f"{name}_{j}" for j in range(k)], size=rows)
    data["customer"] = np.char.add("cust_", rng.integers(0, 300_000, size=rows).astype(str))
    words = np.array([f"w{j}" for j in range(2000)])
    data["note"] = np.char.add(np.char.add(rng.choice(words, rows), " "), rng.choice(words, rows))
    start = np.datetime64("2024-01-01")
    data["signup"] = start + rng.integers(0, 700, size=rows).astype("timedelta64[D]")
    data["last_seen"] = start + rng.integers(0, 700 * 86400, size=rows).astype("timedelta64[s]")
    data["newsletter"] = rng.uniform(size=rows) < 0.3
    x0, x1 = data["x0"], data["x1"]
    logit = x0 + 0.5 * x1**2 - 1 + (data["region"] == "region_1") * 1.0  # type: ignore[operator]
    data["y"] = (rng.uniform(size=rows) < 1 / (1 + np.exp(-logit))).astype(int)
    pd.DataFrame(data).to_csv(path, index=False)
    return path


def make_text_csv(path: Path, rows: int) -> Path:
    """The ticket table of tests/planted_text.py (one free-text column of about 40 words)."""
    if not path.exists():
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests import planted_text

        planted_text.build(rows, seed=0).to_csv(path, index=False)
    return path


def in_child(make: Callable[[Path, int], Path], path: Path, rows: int) -> Path:
    """Writes a data file in a fresh process: a child's ``ru_maxrss`` counts the memory it
    shares with this process from the fork on, so a table built here would be counted in
    every measured run (0.97 GB reported for a 0.57 GB run)."""
    if not path.exists():
        worker = multiprocessing.get_context("spawn").Process(target=make, args=(path, rows))
        worker.start()
        worker.join()
        if worker.exitcode != 0:
            raise SystemExit(f"writing {path} failed (exit code {worker.exitcode})")
    return path


def run(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in GB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        detail = child.stderr.read().decode()[-2000:] if child.stderr else ""
        raise SystemExit(f"{argv[:3]} failed: {detail}")
    return wall, usage.ru_maxrss / 1024 / 1024


def text_bench(args: argparse.Namespace) -> None:
    """explain-csv on a ticket table with one free-text column of about 40 words (the
    planted generator of tests/planted_text.py): targets <= 60 s and <= 3 GB."""
    path = in_child(make_text_csv, args.data / f"tickets_{args.text_rows}.csv", args.text_rows)
    explainer = shutil.which("explainer") or str(Path(sys.executable).with_name("explainer"))
    runs = [run([explainer, "explain-csv", str(path), "--target", "resolved", "--positive", "no",
                 "--no-llm", "--json"]) for _ in range(args.runs)]  # fmt: skip
    words = pd.read_csv(path, usecols=["text"])["text"].str.split().str.len().mean()
    print(f"text: {path.name} ({args.text_rows} rows, text column {words:.0f} words on average)")
    for i, (wall, rss) in enumerate(runs, 1):
        print(f"explain-csv (text) run {i}: {wall:.1f} s, peak RSS {rss:.2f} GB")
    print(f"explain-csv (text): median {statistics.median(w for w, _ in runs):.1f} s, peak RSS "
          f"{max(r for _, r in runs):.2f} GB (targets: <= 60 s, <= 3 GB)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ydata-runs", type=int, default=3)
    parser.add_argument("--ydata-python", default="/tmp/ydata-venv/bin/python")
    parser.add_argument(
        "--data", type=Path, default=Path(tempfile.gettempdir()) / "explainer-bench"
    )
    parser.add_argument("--text-rows", type=int, default=200_000,
                        help="the text benchmark's rows (0: skip it)")  # fmt: skip
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    if args.rows:
        mixed_bench(args)
    if args.text_rows:
        text_bench(args)


def mixed_bench(args: argparse.Namespace) -> None:
    csv_path = in_child(make_csv, args.data / f"mixed_{args.rows}.csv", args.rows)
    size_mb = csv_path.stat().st_size / 1e6
    print(f"file: {csv_path} ({args.rows} rows x 20 columns, {size_mb:.0f} MB)")
    explainer = shutil.which("explainer") or str(Path(sys.executable).with_name("explainer"))
    mine = [explainer, "explain-csv", str(csv_path), "--target", "y", "--no-llm", "--json",
            "--out", str(args.data / "report.html")]  # fmt: skip
    peer = [args.ydata_python, "-c", YDATA, str(csv_path), str(args.data / "ydata.html")]
    with_peer = args.ydata_runs and Path(args.ydata_python).exists()
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    # interleaved, so that a slow spell of a shared machine falls on both sides
    for i in range(max(args.runs, args.ydata_runs if with_peer else 0)):
        if i < args.runs:
            ours.append(run(mine))
        if with_peer and i < args.ydata_runs:
            theirs.append(run(peer))
    for i, (wall, rss) in enumerate(ours, 1):
        print(f"explain-csv run {i}: {wall:.1f} s, peak RSS {rss:.2f} GB")
    wall = statistics.median(w for w, _ in ours)
    rss = max(r for _, r in ours)
    print(f"explain-csv: median {wall:.1f} s, peak RSS {rss:.2f} GB (targets: <= 60 s, <= 3 GB)")
    if with_peer:
        for i, (w, r) in enumerate(theirs, 1):
            print(f"ydata-profiling minimal run {i}: {w:.1f} s, peak RSS {r:.2f} GB")
        y_wall = statistics.median(w for w, _ in theirs)
        print(f"ydata-profiling minimal: median {y_wall:.1f} s, peak RSS "
              f"{max(r for _, r in theirs):.2f} GB")  # fmt: skip
        print(f"ratio: explain-csv is {y_wall / wall:.1f}x faster (target >= 5x)")
    elif args.ydata_runs:
        print(f"ydata-profiling skipped (no {args.ydata_python}; see the module docstring)")


if __name__ == "__main__":
    main()

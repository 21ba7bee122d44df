"""A sequence classifier as the target (a transformers directory, as a user's fine-tuned
model is): the decision is its label, the default foil the runner-up label, and every
score-based method names the planted cue word first, for the decision and for the
contrast between two labels; methods that need a causal LM say so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from tests.planted_classifier import train_classifier
from tools.errors import ToolInputError
from tools.models import load_target
from tools.models.classifier import WhiteBoxClassifier
from tools.registry import get_tool

TEXTS = [
    ("the film was awful and the music long", "awful", "negative"),
    ("we saw a superb story with actors", "superb", "positive"),
    ("it had some scenes of night in the city awful plot", "awful", "negative"),
]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(train_classifier(tmp_path_factory.mktemp("clf") / "sentiment-clf"))


def _top(result: Any) -> str:
    return str(max(result.units, key=lambda u: u.score).text).strip()


def test_a_classifier_directory_loads_as_a_classifier(model_dir: str) -> None:
    lm = load_target(model_dir)
    assert isinstance(lm, WhiteBoxClassifier)
    assert lm.labels == ["negative", "neutral", "positive"]


@pytest.mark.parametrize("method", ["occlusion", "integrated_gradients", "shapley"])
@pytest.mark.parametrize(("text", "cue", "label"), TEXTS)
def test_the_cue_comes_first_for_the_label_and_the_contrast(
    model_dir: str, method: str, text: str, cue: str, label: str
) -> None:
    attribute = get_tool("attribute")
    decision = attribute({"text": text, "model": model_dir, "method": method})
    assert decision.decision == label and _top(decision) == cue
    assert decision.foil is None and set(decision.options) == {"negative", "neutral", "positive"}
    contrast = attribute({"text": text, "model": model_dir, "method": method, "contrast": True})
    assert contrast.foil not in (None, label) and _top(contrast) == cue
    other = "positive" if label == "negative" else "negative"
    named = attribute({"text": text, "model": model_dir, "method": method, "foil": other})
    assert named.foil == other and _top(named) == cue


def test_removing_the_cue_changes_the_label(model_dir: str) -> None:
    result = get_tool("what_if")({"text": TEXTS[0][0], "model": model_dir, "remove": ["awful"]})
    facts = {f.quantity: f.value for f in result.facts()}
    assert facts.get("answer_changed") == 1.0, result.facts()


@pytest.mark.parametrize(
    ("tool", "arguments", "says"),
    [
        ("attribute", {"method": "attention"}, "classifier"),
        ("logit_lens", {}, "classifier"),
        ("attribute", {"foil": "sarcastic"}, "no label 'sarcastic'"),
    ],
)
def test_what_needs_a_causal_lm_says_so(
    model_dir: str, tool: str, arguments: dict[str, Any], says: str
) -> None:
    with pytest.raises(ToolInputError, match=says):
        get_tool(tool)({"text": TEXTS[0][0], "model": model_dir, **arguments})


@pytest.mark.llm
def test_explain_cli_names_the_cue_first(model_dir: str, embedded_server: str) -> None:
    # the session's embedded server (a subprocess would otherwise leave its own running)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "EXPLAINER_LLM_BASE_URL": embedded_server}
    for question in ("", "why negative rather than neutral?"):
        run = subprocess.run(
            [sys.executable, "-m", "agent.cli", "explain", TEXTS[0][0], "--model", model_dir,
             "--json", *(["--question", question] if question else [])],
            capture_output=True, text=True, env=env, timeout=600,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        turn = json.loads(run.stdout)
        first = turn["answer"].split("\n")[0]
        assert "'awful'" in first, turn["answer"]
        assert turn["target_answer"]["decision"] == "negative"

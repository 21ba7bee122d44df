"""ERASER metrics against the planted-trigger model, where the right ranking is known."""

from __future__ import annotations

import random

import pytest

from tests.planted import TRIGGER, planted_model, sentence
from tools.attribution import AttributeArgs, AttributionResult, attribute_with
from tools.faithfulness import evaluate


@pytest.fixture(scope="module")
def planted():  # type: ignore[no-untyped-def]
    return planted_model()


def test_true_ranking_beats_random(planted) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(11)
    for _ in range(5):
        text = sentence(rng, trigger=True)
        result = attribute_with(planted, AttributeArgs(text=text, answer="yes"))
        f = evaluate(planted, result, random_rankings=5)
        assert f.target_probability > 0.8
        # Removing the trigger (always among the top units) destroys the answer.
        assert f.attribution.comprehensiveness > 0.7
        assert f.attribution.comprehensiveness > f.random.comprehensiveness + 0.2
        # Keeping the top units keeps the trigger: the answer survives.
        assert f.attribution.sufficiency < 0.1 < f.random.sufficiency
        # The first deletion already drops the probability.
        assert f.attribution.deletion_auc < f.random.deletion_auc


def test_inverted_ranking_is_unfaithful(planted) -> None:  # type: ignore[no-untyped-def]
    text = f"the hot {TRIGGER} was one of them"
    result = attribute_with(planted, AttributeArgs(text=text, answer="yes"))
    inverted = AttributionResult.model_validate(
        {**result.model_dump(), "units": [
            {**u.model_dump(), "score": -u.score} for u in result.units
        ]}
    )  # fmt: skip
    good, bad = evaluate(planted, result), evaluate(planted, inverted)
    assert good.attribution.deletion_auc < bad.attribution.deletion_auc
    assert good.attribution.comprehensiveness > bad.attribution.comprehensiveness
    assert "comprehensiveness" in good.summary()
    facts = {(f.subject, f.quantity): f.value for f in good.facts()}
    assert facts[("occlusion", "comprehensiveness")] == pytest.approx(
        good.attribution.comprehensiveness, abs=1e-4
    )

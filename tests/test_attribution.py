"""Attribution against known answers: a planted trigger word, Captum, completeness."""

from __future__ import annotations

import random

import pytest
import torch

from tests.planted import TRIGGER, planted_model, sentence
from tools.attribution import AttributeArgs, Problem, _baseline_ids, _forward_f, attribute_with
from tools.errors import ToolInputError
from tools.registry import get_tool


@pytest.fixture(scope="module")
def planted():  # type: ignore[no-untyped-def]
    return planted_model()


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    rng = random.Random(7)
    return [sentence(rng, trigger=True) for _ in range(40)]


@pytest.mark.parametrize("method", ["occlusion", "integrated_gradients", "grad_x_input"])
def test_planted_trigger_ranks_first(planted, sentences: list[str], method: str) -> None:  # type: ignore[no-untyped-def]
    hits = 0
    for text in sentences:
        result = attribute_with(planted, AttributeArgs(text=text, method=method, answer="yes"))
        hits += result.ranked()[0].text == TRIGGER
    assert hits >= 38, f"{method} ranked the trigger first on {hits}/40"


@pytest.mark.parametrize("method", ["shapley", "attention"])
def test_other_methods_find_the_trigger_too(planted, sentences: list[str], method: str) -> None:  # type: ignore[no-untyped-def]
    hits = sum(
        attribute_with(planted, AttributeArgs(text=t, method=method, answer="yes", n_samples=10))
        .ranked()[0]
        .text
        == TRIGGER
        for t in sentences[:10]
    )
    assert hits >= 9


def test_planted_model_answers_by_the_trigger(planted) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    for trigger in (True, False) * 10:
        enc = planted.encode(sentence(rng, trigger))
        assert planted.decode(planted.generate(enc.ids, 1)) == ("yes" if trigger else "no")


def check_integrated_gradients(lm, text: str, answer: str | None, n_steps: int) -> None:  # type: ignore[no-untyped-def]
    """Ours agrees with Captum's own LayerIntegratedGradients run directly, and the
    attributions add up to f(x) - f(baseline) within 5%."""
    from captum.attr import LayerIntegratedGradients

    ours = attribute_with(
        lm,
        AttributeArgs(text=text, method="integrated_gradients", answer=answer, n_steps=n_steps,
                      max_new_tokens=6, target="continuation"),
    )  # fmt: skip
    problem = Problem(lm, AttributeArgs(text=text), answer_ids=ours.answer_ids)
    f = _forward_f(problem)
    reference = LayerIntegratedGradients(f, lm.embeddings()).attribute(
        torch.tensor([problem.full_ids]),
        baselines=_baseline_ids(problem),
        n_steps=n_steps,
        method="riemann_trapezoid",
    )
    per_token = reference.sum(-1)[0].detach()
    theirs = torch.tensor([float(per_token[u.positions].sum()) for u in problem.units])
    mine = torch.tensor([u.score for u in ours.units])
    assert torch.nn.functional.cosine_similarity(mine, theirs, dim=0) >= 0.99
    with torch.no_grad():
        gap = float(f(torch.tensor([problem.full_ids]))[0] - f(_baseline_ids(problem))[0])
    total = sum(u.score for u in ours.units)
    assert abs(total - gap) <= 0.05 * abs(gap), (total, gap)


def test_integrated_gradients_on_the_planted_model(planted, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    # The planted detector's path is a near-step; 256 steps resolve it.
    for text in sentences[:3]:
        check_integrated_gradients(planted, text, "yes", n_steps=256)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Is the movie not bad? Answer yes or no.",
        "The food was cold and the waiter was rude. Was the review positive or negative?",
    ],
)
def test_integrated_gradients_on_smollm2_at_64_steps(text: str) -> None:
    from tools.models import load_target

    check_integrated_gradients(load_target(), text, None, n_steps=64)


def test_occlusion_scores_are_log_prob_drops(planted) -> None:  # type: ignore[no-untyped-def]
    text = "the zebra was hot"
    result = attribute_with(planted, AttributeArgs(text=text, answer="yes"))
    without = attribute_with(
        planted, AttributeArgs(text="the was hot", answer="yes", method="occlusion")
    )
    zebra = next(u for u in result.units if u.text == TRIGGER)
    assert zebra.score == pytest.approx(result.target_logprob - without.target_logprob, abs=1e-4)


def test_target_token_and_facts(planted) -> None:  # type: ignore[no-untyped-def]
    result = attribute_with(
        planted, AttributeArgs(text="a zebra said", answer="yes", target_token=0)
    )
    assert result.target == "answer token 0 'yes'"
    facts = result.facts()
    assert facts[0].subject == TRIGGER and facts[0].quantity == "attribution"
    assert facts[0].value == pytest.approx(result.ranked()[0].score, abs=1e-4)
    assert facts[-1].subject == "answer" and facts[-1].value == pytest.approx(
        result.target_logprob, abs=1e-4
    )
    assert "'zebra' mattered most" in result.summary()


def test_bad_input_is_a_clear_error(planted) -> None:  # type: ignore[no-untyped-def]
    tool = get_tool("attribute")
    with pytest.raises(ToolInputError, match="method: Input should be 'occlusion', "):
        tool({"text": "hi", "method": "lime"})
    with pytest.raises(ToolInputError, match="text: String should have at least 1 character"):
        tool({"text": ""})
    with pytest.raises(ToolInputError, match="is empty"):
        attribute_with(planted, AttributeArgs(text="   ", answer="yes"))
    with pytest.raises(ToolInputError, match="reads at most 64"):
        attribute_with(planted, AttributeArgs(text=" ".join(["the"] * 80), answer="yes"))
    with pytest.raises(ToolInputError, match="past the answer's 1 tokens"):
        attribute_with(planted, AttributeArgs(text="the zebra", answer="yes", target_token=3))
    with pytest.raises(ToolInputError, match="temperature: Extra inputs are not permitted"):
        tool({"text": "hi", "temperature": 2})


def test_occlusion_effects_read_in_percentage_points(planted, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Each word's occlusion effect also as the fall of the answer's probability when it
    is removed; the "why?" lead reads it (a rank claim, checked); other methods have none."""
    import math

    from agent.grounding.evidence import Ledger
    from agent.grounding.framing import lead

    text = sentences[0]
    result = attribute_with(planted, AttributeArgs(text=text, answer="yes"))
    p = math.exp(result.target_logprob)
    assert result.probability == pytest.approx(p)
    for unit in result.units:
        without = math.exp(result.target_logprob - unit.score)
        assert unit.points == pytest.approx(100 * (p - without), abs=1e-3)
    by_points = sorted(result.units, key=lambda u: -(u.points or 0))
    assert by_points[0].text == result.ranked()[0].text == TRIGGER
    record = Ledger().add("attribute", AttributeArgs(text=text), result)
    first = lead("why does it say yes?", [record])[0]
    assert first.verdict == "supported"
    trigger = next(u for u in result.units if u.text == TRIGGER)
    assert first.text == (
        f"Removing '{TRIGGER}' lowers the probability of the answer the most: from "
        f"{100 * p:.1f}% to {100 * p - trigger.points:.1f}% ({trigger.points:.1f} percentage "
        f"points) [{record.id}]."
    )
    contrast = attribute_with(planted, AttributeArgs(text=text, answer="yes", foil="no"))
    assert contrast.probability == pytest.approx(1 / (1 + math.exp(-contrast.target_logprob)))
    assert 0 < contrast.probability < 1
    ig = attribute_with(planted, AttributeArgs(text=text, answer="yes", n_steps=8,
                                               method="integrated_gradients"))  # fmt: skip
    assert all(u.points is None for u in ig.units)
    assert not [f for f in ig.facts() if f.quantity.startswith("probability")]


def test_a_code_written_answer_does_not_repeat_the_lead(planted, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When no narrator claim holds, code writes the answer; its line that restates the
    lead's fact (the top word's rank) shows once."""
    from agent.grounding.evidence import Ledger
    from agent.grounding.framing import frame
    from agent.grounding.verify import Verification
    from agent.grounding.written import templated_answer

    result = attribute_with(planted, AttributeArgs(text=sentences[1], answer="yes"))
    ledger = Ledger()
    record = ledger.add("attribute", AttributeArgs(text=sentences[1]), result)
    answer = templated_answer([record])
    assert f"'{TRIGGER}' has the highest attribution" in answer
    code = Verification(answer=answer, sentences=[], grounding_rate=0.0, templated=True,
                        evidence=[record.id], source="code")  # fmt: skip
    shown = frame(code, "why?", [record], early=True).answer.split("\n")
    assert shown[0].startswith(f"Removing '{TRIGGER}' lowers the probability")
    assert not any("highest attribution" in line for line in shown), shown
    assert len(shown) == len(answer.split("\n"))  # the restating line gave way to the lead

"""Follow-ups about the decision, not the ramble: "how sure is it?" (confidence) and
"which layer knows this?" (logit lens) read the place where the model decides, checked
against the decision's own option scores (SmolLM2, the default target)."""

from __future__ import annotations

import math

import pytest
import torch

from tools.confidence import ConfidenceArgs, confidence_with
from tools.decision import decide
from tools.models import load_target
from tools.probing import LogitLensArgs, logit_lens_with

DEMO = "The movie was not good at all. Was the review positive or negative?"


@pytest.fixture(scope="module")
def lm():  # type: ignore[no-untyped-def]
    return load_target()


def test_confidence_reads_the_decision_and_every_option(lm) -> None:  # type: ignore[no-untyped-def]
    decision = decide(lm, lm.encode(DEMO).ids, DEMO)
    result = confidence_with(lm, ConfidenceArgs(text=DEMO))
    assert result.decision == decision.label
    assert result.options[0].option == decision.label
    assert {o.option for o in result.options} == set(decision.options)
    for o in result.options:  # the probability where it decides, from the option's score
        assert o.probability == pytest.approx(math.exp(decision.scores[o.option]), rel=1e-3)
    assert sum(o.share for o in result.options) == pytest.approx(1.0, abs=1e-4)
    assert result.options[0].share == max(o.share for o in result.options)
    first = result.facts()[0]
    assert (first.subject, first.quantity) == (decision.label, "probability")
    # the answer scored is the model's own, up to the sentence naming the decision
    assert result.answer.strip().endswith(f"{decision.label}.") or decision.label in result.answer
    ramble = confidence_with(lm, ConfidenceArgs(text=DEMO, target="continuation"))
    assert ramble.options == [] and len(ramble.tokens) > len(result.tokens)


def test_a_prompt_without_options_reads_its_first_sentence(lm) -> None:  # type: ignore[no-untyped-def]
    text = "What is the capital of France?"
    result = confidence_with(lm, ConfidenceArgs(text=text))
    assert result.options == [] and result.decision
    assert result.answer.strip() == result.decision


def test_the_lens_reads_the_decision_against_the_runner_up(lm) -> None:  # type: ignore[no-untyped-def]
    decision = decide(lm, lm.encode(DEMO).ids, DEMO)
    with torch.no_grad():
        result = logit_lens_with(lm, LogitLensArgs(text=DEMO))
    assert result.decision == decision.label
    assert result.answer_token.strip() == decision.label
    assert result.foil_token is not None and result.foil_token.strip() == decision.foil
    assert result.context.strip()  # the answer's words before the option, teacher-forced
    # the last layer is the model itself: its margin is the options' log-odds there
    final = result.layers[-1].margin
    assert final == pytest.approx(
        decision.scores[decision.label] - decision.scores[decision.foil], abs=2e-3
    )
    ahead = result.first_ahead
    margins = [s.margin for s in result.layers]
    assert ahead is not None and all(m is not None and m > 0 for m in margins[ahead:])
    assert ahead == 0 or (margins[ahead - 1] or 0) <= 0
    facts = {(f.quantity, f.subject) for f in result.facts()}
    assert ("first_ahead_layer", decision.label) in facts


def test_the_lens_keeps_the_first_token_reading_on_request(lm) -> None:  # type: ignore[no-untyped-def]
    with torch.no_grad():
        result = logit_lens_with(lm, LogitLensArgs(text=DEMO, target="continuation"))
    assert result.foil_token is None and result.first_ahead is None
    assert all(s.margin is None for s in result.layers)


def test_the_claims_read_the_new_facts_and_check_them(lm) -> None:  # type: ignore[no-untyped-def]
    from agent.grounding.claims import ValueClaim
    from agent.grounding.evidence import Ledger

    ledger = Ledger()
    with torch.no_grad():
        lens = ledger.add("logit_lens", LogitLensArgs(text=DEMO),
                          logit_lens_with(lm, LogitLensArgs(text=DEMO)))  # fmt: skip
    sure = ledger.add("confidence", ConfidenceArgs(text=DEMO),
                      confidence_with(lm, ConfidenceArgs(text=DEMO)))  # fmt: skip
    label, foil = lens.data["decision"], lens.data["foil_token"].strip()
    layer = next(f.value for f in lens.facts if f.quantity == "first_ahead_layer")
    ahead = ValueClaim(evidence=lens.id, subject=label, quantity="first_ahead_layer", stated=layer)
    assert ahead.verdict(ledger).holds
    assert ahead.render(ledger).startswith(
        f"'{label}' is ahead of '{foil}' from layer {int(layer)}"
    )
    wrong = ahead.model_copy(update={"stated": layer - 3})
    assert not wrong.verdict(ledger).holds
    share = next(f.value for f in sure.facts if f.quantity == "share_of_options")
    said = ValueClaim(evidence=sure.id, subject=label, quantity="share_of_options", stated=share)
    assert said.verdict(ledger).holds
    assert f"gets {share * 100:.1f}% of the probability given the options" in said.render(ledger)

"""The claim verifier: unit behaviour, and the mutation suite over real evidence records."""

from __future__ import annotations

import random

import pytest

from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import check_sentence, split_sentences, verify
from evals.verifier_mutations import run
from tests.planted import TRIGGER, planted_model, sentence
from tools.base import Fact


def record(eid: str, facts: list[tuple[str, str, float]], **data: object) -> Evidence:
    return Evidence(
        id=eid,
        tool="attribute",
        arguments={"text": "Is the movie not bad?"},
        summary="test",
        data=data,
        facts=[Fact(subject=s, quantity=q, value=v) for s, q, v in facts],
    )


@pytest.fixture
def ledger() -> Ledger:
    return Ledger(
        [
            record("E1", [("not", "attribution", 0.6123), ("bad", "attribution", -0.41),
                          ("movie", "attribution", 0.05), ("answer", "log_prob", -2.38)],
                   answer="Yes"),
            record("E2", [("layer 12", "probe_accuracy", 0.91), ("layer 3", "probe_accuracy", 0.62),
                          ("majority class", "baseline_accuracy", 0.5)]),
        ]
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "The word 'not' has an attribution of 0.61 [E1].",
        "'not' raised the answer's log-probability by 0.612 nats [E1].",
        "'bad' lowered it by 0.41 [E1].",
        "'bad' has an attribution of -0.41 [E1].",
        "The word 'not' mattered most [E1].",
        "Layer 12 reaches 91% probe accuracy, against a majority baseline of 0.5 [E2].",
        "The model answered 'Yes' [E1].",
        "'not' (0.61) and 'bad' (-0.41) pull in opposite directions [E1, E2].",
    ],
)
def test_true_claims_are_supported(ledger: Ledger, text: str) -> None:
    check = check_sentence(text, ledger)
    assert check.verdict == "supported", check.reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The word 'not' has an attribution of 0.71 [E1].", "states 0.71"),
        ("The word 'not' has an attribution of 0.6 [E1].", None),  # 0.6 ± 0.05 holds 0.61
        ("'movie' has an attribution of 0.61 [E1].", "states 0.61"),
        ("'not' lowered the answer's log-probability [E1].", "'not' has attribution 0.612"),
        ("'bad' has an attribution of 0.41 [E1].", "states 0.41"),
        ("The word 'not' has an attribution of 0.61.", "cites no evidence"),
        ("The word 'plot' has an attribution of 0.61 [E1].", "names 'plot'"),
        ("The word 'movie' mattered most [E1].", "rank 1 is 'not'"),
        ("Layer 3 reaches 91% probe accuracy [E2].", "states 91%"),
        ("The word 'not' has an attribution of 0.61 [E7].", "cites E7"),
    ],
)
def test_false_claims_are_caught(ledger: Ledger, text: str, reason: str | None) -> None:
    check = check_sentence(text, ledger)
    if reason is None:
        assert check.verdict == "supported", check.reasons
    else:
        assert check.verdict == "unsupported"
        assert any(reason in r for r in check.reasons), check.reasons


def test_sentences_without_claims_pass(ledger: Ledger) -> None:
    assert check_sentence("Here is what I found.", ledger).verdict == "no_claim"


def test_splitting_keeps_decimals_and_trailing_citations() -> None:
    assert split_sentences("It is 0.61. [E1] Then 'bad' is -0.41 [E1]. Done!") == [
        "It is 0.61. [E1]",
        "Then 'bad' is -0.41 [E1].",
        "Done!",
    ]


def test_remove_policy_and_grounding_rate(ledger: Ledger) -> None:
    result = verify(
        "The word 'not' has an attribution of 0.61 [E1]. 'movie' mattered most [E1]. That is all.",
        ledger,
    )
    assert result.answer == "The word 'not' has an attribution of 0.61 [E1]. That is all."
    assert result.grounding_rate == 0.5 and not result.templated
    assert result.evidence == ["E1"]
    marked = verify("'movie' mattered most [E1]. 'not' is 0.61 [E1].", ledger, policy="mark")
    assert marked.answer.startswith("[unsupported: 'movie' mattered most [E1].]")


def test_nothing_left_gives_a_templated_answer_that_verifies(ledger: Ledger) -> None:
    result = verify("The model is perfect and 'plot' matters [E1].", ledger)
    assert result.templated and result.grounding_rate == 0.0
    # written by code from typed claims: the top word's rank, every number from the facts
    assert "'not' has the highest attribution (0.612) [E1]." in result.answer
    again = verify(result.answer, ledger)
    assert again.grounding_rate == 1.0 and not again.templated


def test_mutation_suite_on_planted_model_evidence() -> None:
    """>= 100 correct sentences over real tool results: catch >= 95% of mutants, flag
    <= 5% of the correct sentences (the SmolLM2 version is evals/verifier_mutations.py)."""
    from tools.attribution import AttributeArgs, attribute_with
    from tools.counterfactual import WhatIfArgs, what_if_with
    from tools.faithfulness import evaluate
    from tools.probing import LogitLensArgs, ProbeArgs, logit_lens_with, probe_with

    lm = planted_model()
    ledger = Ledger()
    rng = random.Random(3)
    for _ in range(5):
        for method in ("occlusion", "integrated_gradients"):
            args = AttributeArgs(text=sentence(rng, True), method=method, answer="yes")
            result = attribute_with(lm, args)
            ledger.add("attribute", args, result)
    ledger.add("faithfulness", args, evaluate(lm, result, 3))
    flags = [i % 2 == 0 for i in range(40)]
    probe_args = ProbeArgs(texts=[sentence(rng, f) for f in flags],
                           labels=["y" if f else "n" for f in flags])  # fmt: skip
    ledger.add("probe", probe_args, probe_with(lm, probe_args))
    lens = LogitLensArgs(text=f"the {TRIGGER} was hot")
    ledger.add("logit_lens", lens, logit_lens_with(lm, lens))
    edit = WhatIfArgs(text=f"the {TRIGGER} was hot", remove=[TRIGGER], max_new_tokens=1)
    ledger.add("what_if", edit, what_if_with(lm, edit))

    outcome = run(list(ledger))
    correct = int(outcome["correct"])  # type: ignore[call-overload]
    made: dict[str, int] = outcome["mutants"]  # type: ignore[assignment]
    caught: dict[str, int] = outcome["caught"]  # type: ignore[assignment]
    assert correct >= 100
    assert len(outcome["correct_flagged"]) <= 0.05 * correct  # type: ignore[arg-type]
    assert set(made) == {"number", "subject", "foreign", "unquoted", "direction", "citation"}
    for kind, n in made.items():
        # An unquoted foreign word is only partly catchable: when the planted vocabulary's
        # function words ("the", "of") are themselves attributed tokens, "the word X has
        # an attribution of 0.02" may really name one (measured: 77 of 98 caught).
        share = 0.75 if kind == "unquoted" else 0.95
        assert n >= 20 and caught.get(kind, 0) >= share * n, (kind, outcome["missed"])


def test_a_quoted_word_is_not_a_direction_word() -> None:
    ledger = Ledger(
        [record("E1", [("positive", "attribution", 2.09), ("was", "attribution", 0.1)])]
    )
    assert check_sentence("'positive' raised it by 2.09 [E1].", ledger).verdict == "supported"
    assert check_sentence("'positive' lowered it by 2.09 [E1].", ledger).verdict == "unsupported"


def test_a_word_no_fact_is_about_cannot_borrow_another_subjects_number() -> None:
    """Seen on the real stack: SmolLM2 wrote "'negative' answer changed = 1" for a what-if
    whose subject is "remove 'not'" ('negative' occurs only in the answer text)."""
    record = Evidence(
        id="E2", tool="what_if", arguments={"text": "The movie was not good"},
        data={"original_answer": "The review was negative.", "answer": "It was positive."},
        summary="remove 'not': the answer changes", created_at=0,
        facts=[Fact(subject="remove 'not'", quantity="answer_changed", value=1.0),
               Fact(subject="remove 'not'", quantity="log_prob_change", value=-1.85),
               Fact(subject="original answer", quantity="log_prob", value=-19.19)],
    )  # fmt: skip
    ledger = Ledger([record])
    verdicts = {s: check_sentence(s, ledger).verdict for s in (
        "- [E2] 'negative' answer changed = 1",
        "'negative' has log prob -19.19 [E2].",
        "'negative' raised the answer [E2].",
        "Removing 'not' changed the answer [E2].",
        "The original answer 'The review was negative.' has log prob -19.19 [E2].",
    )}  # fmt: skip
    assert list(verdicts.values()) == [
        "unsupported",
        "unsupported",
        "unsupported",
        "supported",
        "supported",
    ]

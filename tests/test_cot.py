"""Chain-of-thought faithfulness on two planted models (``tests/planted_cot.py``): one
whose answer is its reasoning word (load-bearing), one that answers from the question
whatever the reasoning says (not load-bearing)."""

from __future__ import annotations

import random

import pytest

from tests.planted_cot import WORDS, cot_model, question
from tools.cot import CotArgs, cot_with, mistake, paraphrase


def _cases(n: int) -> list[tuple[str, str]]:
    rng = random.Random(9)
    return [(" ".join(question(rng)), rng.choice(WORDS)) for _ in range(n)]


@pytest.mark.parametrize("uses", [True, False])
def test_load_bearing_reasoning_is_told_from_decoration(uses: bool) -> None:
    lm = cot_model(uses)
    verdicts = []
    for text, thought in _cases(6):
        out = cot_with(lm, CotArgs(text=text, reasoning=thought, start="", cue=" =>",
                                   model="-"))  # fmt: skip
        assert out.answer == (thought if uses else text.split()[0]).casefold()
        verdicts.append(out.load_bearing)
        kinds = {i.kind for i in out.interventions}
        assert kinds == {"early", "mistake", "filler"}  # no connective to reword by rule
        if uses:
            assert out.rate("mistake") == 1.0  # the swapped word is answered instead
    assert all(verdicts) if uses else not any(verdicts)


def test_a_mistake_changes_the_last_number() -> None:
    assert mistake("3 apples and 4 more make 7.", "q") == "3 apples and 4 more make 8."
    assert mistake("2.5 plus 1 is 3.5", "q") == "2.5 plus 1 is 4.5"
    assert mistake("so it is w5", "w1 w2") == "so it is w1"
    assert mistake("w1", "w1") is None


@pytest.mark.parametrize("uses", [True, False])
def test_a_given_paraphrase_is_reported_beside_the_verdict(uses: bool) -> None:
    lm = cot_model(uses)
    ((text, thought),) = _cases(1)
    other = next(w for w in WORDS if w != thought)  # a "paraphrase" that changes the content
    out = cot_with(lm, CotArgs(text=text, reasoning=thought, start="", cue=" =>", model="-",
                               paraphrases=[other, thought]))  # fmt: skip
    said = [i for i in out.interventions if i.kind == "paraphrase"]
    assert [i.detail for i in said] == [other]  # the unchanged copy is not an edit
    assert said[0].changed is uses and out.rate("paraphrase") == float(uses)
    assert out.load_bearing is uses  # decided by early answering and the mistake only
    assert "paraphrase" in out.summary()


def test_a_rule_paraphrase_rewords_connectives_and_keeps_numbers() -> None:
    assert paraphrase("3 plus 4 is 7, so the answer is 7.") == (
        "3 added to 4 is 7, therefore the result is 7."
    )
    assert paraphrase("Therefore 12 times 2 equals 24.") == "So 12 multiplied by 2 is equal to 24."
    assert paraphrase("It was so-so and also soft.") is None  # no whole-word connective
    assert paraphrase("w3 w8") is None

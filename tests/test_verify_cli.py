"""`explainer verify` and `POST /v1/verify`: any text checked against evidence JSON, with the
documented verdicts, exit codes and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from agent.cli import app
from agent.grounding import claims as C
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import check_sentence, templated_answer
from tools.base import Fact

runner = CliRunner()

RECORDS = [
    {
        "id": "E1",
        "tool": "attribute",
        "arguments": {"text": "The movie was not good."},
        "summary": "occlusion",
        "data": {"answer": "negative"},
        "facts": [
            {"subject": "not", "quantity": "attribution", "value": 1.85, "unit": "nats"},
            {"subject": "good", "quantity": "attribution", "value": 0.9, "unit": "nats"},
            {"subject": "movie", "quantity": "attribution", "value": -0.3, "unit": "nats"},
            {"subject": "answer", "quantity": "log_prob", "value": -2.1, "unit": "nats"},
        ],
    },
    {
        "id": "E2",
        "tool": "what_if",
        "arguments": {},
        "summary": "remove 'not'",
        "data": {"original_answer": "negative", "edited_answer": "positive"},
        "facts": [
            {"subject": "remove 'not'", "quantity": "answer_changed", "value": 1},
            {
                "subject": "remove 'not'",
                "quantity": "log_prob_change",
                "value": -3.2,
                "unit": "nats",
            },
        ],
    },
]
# The README's examples, with the verdicts it documents.
EXAMPLES = [
    ("'not' mattered most [E1].", "supported"),
    ("'not' did not raise the probability [E1].", "unsupported"),
    ("'not' mattered twice as much as 'good' [E1].", "supported"),
    ("'movie' mattered more than 'good' [E1].", "unsupported"),
    ("Removing 'not' did not change the answer [E2].", "unsupported"),
    ("The model ignores 'not' [E1].", "unsupported"),
    ("Here is what the evidence shows.", "no_claim"),
]


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps({"answer": "...", "evidence": RECORDS}))  # as explain --json
    return path


def test_verify_prints_each_verdict_and_exits_1_when_a_claim_fails(evidence: Path) -> None:
    text = " ".join(t for t, _ in EXAMPLES)
    done = runner.invoke(app, ["verify", str(evidence), text, "--json"])
    assert done.exit_code == 1, done.output
    report = json.loads(done.stdout)
    assert [s["verdict"] for s in report["sentences"]] == [v for _, v in EXAMPLES]
    assert report["supported"] == 2 and report["unsupported"] == 4 and not report["all_supported"]
    first = report["sentences"][0]
    assert first["claims"] == [
        {
            "evidence": "E1",
            "negated": False,
            "kind": "rank",
            "subject": "not",
            "quantity": "attribution",
            "rank": 1,
            "lowest": False,
            "by_size": False,
        }
    ]
    negation = report["sentences"][1]
    assert negation["claims"][0]["negated"] is True and "1.85" in negation["reasons"][0]


def test_verify_exits_0_when_every_claim_holds_and_reads_stdin(evidence: Path) -> None:
    done = runner.invoke(
        app,
        ["verify", str(evidence), "-"],
        input="Removing 'not' changed the answer [E2]. 'good' raised it [E1].",
    )
    assert done.exit_code == 0, done.output
    assert "2 supported, 0 contradicted, 0 unverifiable" in done.stdout


@pytest.mark.parametrize(
    ("content", "text", "message"),
    [
        ("{not json", "'not' mattered most [E1].", "not valid JSON"),
        ('{"evidence": []}', "'not' mattered most [E1].", "no evidence records"),
        ('[{"id": "E1", "tool": "x", "summary": ""}]', "x [E1].", "has no facts"),
        (json.dumps(RECORDS), "   ", "is empty"),
        (json.dumps(RECORDS), "'not' mattered most [E1]. " * 40_000, "at most 256 KB"),
    ],
)
def test_bad_input_is_a_clear_error(tmp_path: Path, content: str, text: str, message: str) -> None:
    path = tmp_path / "e.json"
    path.write_text(content)
    done = runner.invoke(app, ["verify", str(path), text])
    assert done.exit_code == 2 and message in done.stderr and "Traceback" not in done.output


def test_an_unknown_evidence_id_makes_the_sentence_unsupported(evidence: Path) -> None:
    done = runner.invoke(app, ["verify", str(evidence), "'not' mattered most [E9].", "--json"])
    assert done.exit_code == 1
    (sentence,) = json.loads(done.stdout)["sentences"]
    assert sentence["verdict"] == "unsupported" and "cites E9" in sentence["reasons"][0]


def test_post_verify(tmp_path: Path) -> None:
    from agent.service import create_app

    app = create_app(lambda: None, data_dir=tmp_path, allowed_hosts=("testserver",))  # type: ignore[arg-type, return-value]
    with TestClient(app) as client:
        ok = client.post("/v1/verify", json={"evidence": RECORDS, "text": EXAMPLES[0][0]})
        bad = client.post("/v1/verify", json={"evidence": {"evidence": []}, "text": "x"})
    assert ok.status_code == 200 and ok.json()["all_supported"] is True
    assert ok.json()["sentences"][0]["claims"][0]["kind"] == "rank"
    assert bad.status_code == 400 and "no evidence records" in bad.json()["detail"]


def _ledger() -> Ledger:
    return Ledger([Evidence.model_validate(r) for r in RECORDS])


def test_negation_is_a_field_and_renders_from_the_facts() -> None:
    ledger = _ledger()
    up = C.SignClaim(evidence="E1", subject="movie", quantity="attribution", direction="up")
    not_up = up.model_copy(update={"negated": True})
    assert not up.verdict(ledger).holds and not_up.verdict(ledger).holds
    assert (
        not_up.render(ledger)
        == "'movie' lowered the answer's probability (attribution -0.3 nats) [E1]."
    )
    ratio = C.CompareClaim(
        evidence="E1",
        subject="not",
        other="good",
        quantity="attribution",
        relation="more",
        ratio=2.0,
    )
    assert ratio.verdict(ledger).holds  # 1.85 / 0.9 = 2.06, within 10% of 2
    assert not ratio.model_copy(update={"ratio": 3.0}).verdict(ledger).holds


def test_every_code_written_claim_reads_back_as_supported() -> None:
    ledger = _ledger()
    text = templated_answer(ledger)
    checks = [check_sentence(s, ledger) for s in text.splitlines()]
    assert checks and all(c.verdict == "supported" for c in checks), checks
    for claim in (
        C.value(ledger.get("E1"), "not", "attribution"),
        C.ChangeClaim(evidence="E2", edit="remove 'not'", changed=True),
        C.RankClaim(evidence="E1", subject="movie", quantity="attribution", lowest=True),
    ):
        rendered = claim.render(ledger)
        assert check_sentence(rendered, ledger).verdict == "supported", rendered


def test_a_missing_fact_fails_a_written_claim_instead_of_passing() -> None:
    ledger = Ledger(
        [
            Evidence(
                id="E1",
                tool="t",
                arguments={},
                summary="",
                data={},
                facts=[Fact(subject="a", quantity="rows", value=3)],
            )
        ]
    )
    assert not C.value(ledger.get("E1"), "b", "rows").verdict(ledger).holds

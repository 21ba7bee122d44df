"""The framing code writes first (and a stream sends before the narrator speaks): the
strongest contributor for "why", the fact asked about otherwise; a narrator line that
only restates it shows once, a line that adds to it (another rank, a comparison, a
denial) stays."""

from __future__ import annotations

from agent.grounding.evidence import Evidence
from agent.grounding.framing import frame, lead, pieces
from agent.grounding.verify import SentenceCheck, Verification
from tools.base import Fact

RECORD = Evidence(
    id="E1", tool="attribute", arguments={}, summary="", data={},
    facts=[Fact(subject=w, quantity="attribution", value=v, unit="nats")
           for w, v in (("not", 1.8), ("good", 0.9), ("movie", -0.3))],
)  # fmt: skip


def _line(text: str, **claim: object) -> SentenceCheck:
    return SentenceCheck(text=text, verdict="supported", citations=["E1"],
                         claims=[{"evidence": "E1", **claim}])  # fmt: skip


def _verification(*checks: SentenceCheck) -> Verification:
    return Verification(answer="\n".join(c.text for c in checks), sentences=list(checks),
                        grounding_rate=1.0, templated=False, evidence=["E1"],
                        source="llm_claims")  # fmt: skip


def test_why_leads_with_the_strongest_contributor_and_drops_restatements() -> None:
    top = lead("why?", [RECORD])[-1]
    assert "'not'" in top.text and top.verdict == "supported"
    same_value = _line("'not' has attribution 1.8 nats [E1].", kind="value", subject="not",
                       quantity="attribution", stated=1.8)  # fmt: skip
    same_rank = _line(top.text + " ", kind="rank", subject="not", quantity="attribution",
                      rank=1, lowest=False)  # fmt: skip
    second = _line("'good' mattered second most [E1].", kind="rank", subject="good",
                   quantity="attribution", rank=2, lowest=False)  # fmt: skip
    compare = _line("'not' mattered more than 'good' [E1].", kind="compare", subject="not",
                    other="good", quantity="attribution", relation="more")  # fmt: skip
    denial = _line("'not' did not push away from the answer [E1].", kind="sign", subject="not",
                   quantity="attribution", direction="down", negated=True)  # fmt: skip
    framed = frame(_verification(same_value, same_rank, second, compare, denial), "why?",
                   [RECORD], early=True)  # fmt: skip
    lines = framed.answer.split("\n")
    assert lines[0] == top.text
    assert same_value.text not in lines and same_rank.text not in lines
    assert [second.text, compare.text, denial.text] == lines[1:]
    assert "".join(pieces(framed.answer, framed.framing)) == framed.answer


def test_a_follow_up_leads_with_the_fact_asked_about() -> None:
    first = lead("what about 'good'?", [RECORD], focus="good", direct=True)
    assert len(first) == 1 and "'good'" in first[0].text and "0.9" in first[0].text
    assert lead("what about 'good'?", [RECORD], focus="good") == []  # prose: no direct lead


def test_prose_keeps_the_narrators_first_line_when_it_names_the_top() -> None:
    named = _line("The word 'not' pushed the answer most [E1].", kind="rank", subject="not",
                  quantity="attribution", rank=1, lowest=False)  # fmt: skip
    unnamed = _line("'good' pushed towards the answer [E1].", kind="sign", subject="good",
                    quantity="attribution", direction="up")  # fmt: skip
    assert frame(_verification(named), "why?", [RECORD]).answer == named.text
    framed = frame(_verification(unnamed), "why?", [RECORD])
    assert framed.answer.split("\n")[1:] == [unnamed.text] and "'not'" in framed.answer

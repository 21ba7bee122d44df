"""The explainer LLM's summary of a dataset's evidence: the records a small narrator copes
with (the ranking, the top groups, subgroups), their facts as lines, the prompt quoted as
data. The text it returns is unverified; the report checks every sentence.
"""

from __future__ import annotations

import json
from typing import Any

from agent.grounding.evidence import Ledger
from agent.grounding.verify import split_sentences
from agent.llm import LLMProvider, prompting
from tools.dataset.analyse import Findings


async def llm_summary(
    llm: LLMProvider,
    findings: Findings,
    ledger: Ledger,
    max_sentences: int = 5,
    max_tokens: int = 200,
) -> str:
    """The explainer LLM's summary of the evidence (unverified text)."""
    # A 135M narrator copes with a few records: the ranking, the top groups, subgroups.
    wanted = ("drivers", "group_values", "subgroups", "simpson")
    picked = [r for r in ledger if r.tool in wanted][:4] or list(ledger)[:2]
    shown = [
        {
            "id": r.id,
            "tool": r.tool,
            "summary_json": json.dumps(r.summary, ensure_ascii=False),
            "facts": [_fact_line(f) for f in r.facts if f.quantity != "rows"][:6],
        }
        for r in picked
    ]
    messages = [
        {
            "role": "system",
            "content": prompting.render("dataset_system", max_sentences=max_sentences),
        },
        # One worked example: a small narrator copies a shape better than it follows rules.
        {"role": "user", "content": prompting.render("dataset_example_user")},
        {"role": "assistant", "content": prompting.render("dataset_example_answer")},
        {
            "role": "user",
            "content": prompting.render(
                "dataset_user",
                file_json=json.dumps(findings.file, ensure_ascii=False),
                target_json=json.dumps(
                    findings.target.column if findings.target else None, ensure_ascii=False
                ),
                records=shown,
            ),
        },
    ]
    result = await llm.chat(messages, max_tokens=max_tokens)
    text = (result.text or "").strip()
    if result.finish_reason == "length":
        pieces = split_sentences(text)
        text = text[: text.rfind(pieces[-1])].rstrip() if pieces else ""
    return text


def _fact_line(fact: Any) -> str:
    # Names and values from the file are data: JSON-quoted, never bare instructions.
    subject = json.dumps(fact.subject, ensure_ascii=False)
    return f"{subject} {fact.quantity.replace('_', ' ')} = {fact.value:g}"

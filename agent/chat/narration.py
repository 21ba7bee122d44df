"""The narrator's prompt for a chat turn: the question and the input quoted as data, the
evidence records with their ids and a few facts each (the word in focus first), and one
worked example (a 135M narrator copies a shape far better than it follows rules).
"""

from __future__ import annotations

import json
from typing import Any

from agent.chat.routing import State
from agent.grounding.evidence import Evidence
from agent.llm import prompting

MAX_FACTS_SHOWN = 8


def _fact_line(fact: Any) -> str:
    subject = fact.subject if fact.subject.startswith("layer ") else f"'{fact.subject}'"
    line = f"{subject} {fact.quantity.replace('_', ' ')} = {fact.value:g}"
    if fact.unit:
        line += f" {fact.unit}"
    if fact.quantity == "attribution" and fact.value:
        line += " (pushed towards the answer)" if fact.value > 0 else " (pushed away from it)"
    return line


def _shown_facts(record: Evidence, focus: str | None) -> list[str]:
    facts = list(record.facts)
    if focus:
        facts.sort(key=lambda f: f.subject.casefold() != focus.casefold())
    return [_fact_line(f) for f in facts[:MAX_FACTS_SHOWN]]


def narration_messages(
    question: str, state: State, records: list[Evidence], max_sentences: int
) -> list[dict[str, str]]:
    shown = [
        {
            "id": r.id,
            "tool": r.tool,
            "summary_json": json.dumps(r.summary, ensure_ascii=False),
            "facts": _shown_facts(r, state.focus),
        }
        for r in records
    ]
    return [
        {"role": "system", "content": prompting.render("narrate_system",
                                                       max_sentences=max_sentences)},
        # One worked example: a 135M narrator copies a shape far better than it follows rules.
        {"role": "user", "content": prompting.render("narrate_example_user")},
        {"role": "assistant", "content": prompting.render("narrate_example_answer")},
        {
            "role": "user",
            "content": prompting.render(
                "narrate_user",
                question_json=json.dumps(question, ensure_ascii=False),
                text_json=json.dumps(state.text or "", ensure_ascii=False),
                records=shown,
            ),
        },
    ]  # fmt: skip

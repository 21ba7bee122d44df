"""What a sentence speaks of in the evidence: the records an uncited sentence names,
whether a clause names a subject of its own, whether a measured subject is named, and the
evidence's words a named thing must occur in."""

from __future__ import annotations

import json
import re

from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.judgements import strength
from agent.grounding.mentions import GENERIC, digits, mentions


def measured(sentence: str, ledger: Ledger) -> bool:
    """Whether the sentence names a subject with an accuracy or an association measure."""
    for m in mentions(digits(sentence), list(ledger)):
        for f in m.record.facts:
            if f.subject == m.subject and ("accuracy" in f.quantity or strength(f) is not None):
                return True
    return False


def names_subject(clause: str, ledger: Ledger) -> bool:
    every = list(ledger)
    return any(m.subject.casefold() not in GENERIC for m in mentions(digits(clause), every))


def named(sentence: str, ledger: Ledger) -> list[Evidence]:
    """The records an uncited sentence speaks of: those holding a subject it names (not
    the answer or the whole), else every record."""
    every = list(ledger)
    named = {m.subject.casefold() for m in mentions(digits(sentence), every)
             if m.subject.casefold() not in GENERIC}  # fmt: skip
    return [r for r in every if any(f.subject.casefold() in named for f in r.facts)] or every


def blank_labels(prose: str, records: list[Evidence]) -> str:
    prose = re.sub(r"['\"‘“](?:yes|no)['\"’”]|\b(?:Yes|No)\b(?=[\s,.])", " ", prose)
    for r in records:
        for key in ("answer", "original_answer", "edited_answer"):
            label = r.data.get(key)
            if isinstance(label, str) and label.strip():
                prose = re.sub(rf"(?<!\w){re.escape(label.strip())}(?!\w)", " ", prose, flags=re.I)
    return prose


def evidence_text(record: Evidence) -> str:
    return json.dumps(
        [record.arguments, record.data, record.summary, [f.subject for f in record.facts]],
        ensure_ascii=False,
    )

"""Use case: check any text against evidence (``explainer verify``, ``POST /v1/verify``),
for example another model's self-explanation, or an answer written elsewhere.

The evidence is the JSON the project already prints: the ``--json`` output of
``explainer explain`` / ``chat`` (an object with an ``evidence`` list), a dataset or audit
report's JSON, or a bare list of evidence records (id, tool, arguments, summary, data,
facts). Each sentence is read into typed claims and every claim is checked by code; a
sentence is supported, contradicted, or unverifiable (it claims something no check
covered). Citations are optional here: an uncited sentence is read against the records
whose subjects it names, else all of them.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from agent.errors import BadInputError
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import SentenceCheck, check_sentence, split_sentences

#: Larger texts are refused (a narrator's answer is a few hundred bytes).
MAX_TEXT_BYTES = 256 * 1024


class VerifyReport(BaseModel):
    sentences: list[SentenceCheck]
    supported: int = Field(description="Sentences whose every claim was checked and holds.")
    contradicted: int = Field(description="Sentences with a claim the facts contradict.")
    unverifiable: int = Field(
        description="Sentences that claim something no check covered (a judgement no "
        "measure backs, a number tied to nothing, a subject the evidence does not know)."
    )
    unsupported: int = Field(description="contradicted + unverifiable.")
    no_claim: int = Field(description="Sentences that claim nothing checkable.")
    all_supported: bool = Field(description="Every claim-making sentence is supported.")


def load_evidence(raw: str | bytes | Any) -> Ledger:
    """A ledger from evidence JSON (text, or already parsed); a clear error otherwise."""
    try:
        data = json.loads(raw) if isinstance(raw, str | bytes) else raw
    except ValueError as exc:
        raise BadInputError(f"the evidence is not valid JSON: {exc}") from None
    records = data.get("evidence") if isinstance(data, dict) else data
    if not isinstance(records, list) or not records:
        raise BadInputError(
            "no evidence records: give the --json output of `explainer explain` (its "
            "'evidence' list) or a list of records with id, tool, summary and facts"
        )
    out = []
    for i, record in enumerate(records):
        if isinstance(record, dict) and "facts" not in record:
            raise BadInputError(f"evidence record {i + 1} ({record.get('id', '?')}) has no facts")
        try:
            out.append(
                Evidence.model_validate({"arguments": {}, "data": {}, "summary": "", **record})
            )
        except (ValidationError, TypeError) as exc:
            first = exc.errors()[0] if isinstance(exc, ValidationError) else {"msg": str(exc)}
            where = ".".join(str(x) for x in first.get("loc", ())) or "record"
            raise BadInputError(f"evidence record {i + 1}: {where}: {first['msg']}") from None
    ids = [r.id for r in out]
    if len(set(ids)) != len(ids):
        raise BadInputError(f"evidence ids repeat: {', '.join(sorted(ids))}")
    return Ledger(out)


def verify_text(text: str, ledger: Ledger) -> VerifyReport:
    """Every sentence of ``text`` checked against the ledger."""
    if not text.strip():
        raise BadInputError("the text to verify is empty")
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise BadInputError(
            f"the text is {size // 1024} KB; verify takes at most {MAX_TEXT_BYTES // 1024} KB "
            "(split it and verify the parts)"
        )
    checks = [check_sentence(s, ledger, cite=False) for s in split_sentences(text)]
    count = {
        v: sum(c.outcome == v for c in checks)
        for v in ("supported", "contradicted", "unverifiable", "no_claim")
    }
    unsupported = count["contradicted"] + count["unverifiable"]
    return VerifyReport(
        sentences=checks, **count, unsupported=unsupported, all_supported=unsupported == 0
    )

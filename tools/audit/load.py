"""Reading a file of another model's prompts and outputs, one item at a time.

JSONL (one object per line) or CSV (a header row; ``samples`` and ``logprobs`` cells hold
JSON lists). Required: ``prompt`` and ``output``. Optional: ``id`` (kept in verdicts),
``reference`` (and ``reference_kind``: context, facts or answers), ``samples`` (other
generations for the same prompt), ``logprobs`` (the output's token log-probabilities),
and group columns (named with ``group_columns``).
Items are streamed: memory does not grow with the file. Numbers in text fields are read
as text; lists or objects where text is expected are an error naming the line.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from tools.errors import ToolInputError

REQUIRED = ("prompt", "output")
KNOWN = (
    "id",
    "prompt",
    "output",
    "reference",
    "reference_kind",
    "samples",
    "logprobs",
    "top_logprobs",
)
REFERENCE_KINDS = ("context", "facts", "answers")


class AuditInputError(ToolInputError):
    """The audit file cannot be read; the message names the line and the problem."""


class AuditItem(BaseModel):
    line: int = Field(description="Line (JSONL) or row (CSV, header = 1) of the item.")
    id: str | None = None
    prompt: str
    output: str
    references: list[str] = Field(
        default_factory=list, description="Acceptable reference answers (any one agrees)."
    )
    reference_kind: Literal["context", "facts", "answers"] | None = Field(
        default=None,
        description="What the reference is: a context the output must stay within, facts "
        "about the topic (extra true detail is fine) or acceptable answers; None: from the "
        "data's shape (tools/audit/reference.py).",
    )
    samples: list[str] = Field(default_factory=list)
    logprobs: list[float] | None = None
    top_logprobs: list[list[float]] | None = Field(
        default=None, description="Per output token, the log-probs of the top alternatives."
    )
    groups: dict[str, str] = Field(default_factory=dict)
    judge: str | None = Field(default=None, description="An LLM judge's verdict, if asked.")
    judge_reason: str | None = None
    judge_error: str | None = Field(default=None, description="Why the judge gave none.")
    claim_labels: list[dict[str, str]] | None = Field(
        default=None,
        description="An LLM judge's label per claim (claim, label, why, reference), if asked.",
    )

    @property
    def reference(self) -> str | None:
        return self.references[0] if self.references else None


def _text(value: Any, name: str, line: int, *, optional: bool = False) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        if optional:
            return None
        raise AuditInputError(f"line {line}: {name!r} is missing")
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, str):
        return value
    raise AuditInputError(
        f"line {line}: {name!r} should be text, not {type(value).__name__} ({str(value)[:60]})"
    )


def _list(value: Any, name: str, line: int, csv_cell: bool) -> list[Any] | None:
    if value is None or value == "":
        return None
    if csv_cell and isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise AuditInputError(f"line {line}: {name!r} should be a JSON list") from None
    if not isinstance(value, list):
        raise AuditInputError(f"line {line}: {name!r} should be a list")
    return value


def _item(
    raw: dict[str, Any], line: int, groups: list[str], csv_cell: bool, need_output: bool = True
) -> AuditItem:
    samples = [
        _text(s, "samples", line) or ""
        for s in _list(raw.get("samples"), "samples", line, csv_cell) or []
    ]
    logprobs_raw = _list(raw.get("logprobs"), "logprobs", line, csv_cell)
    logprobs = None
    if logprobs_raw is not None:
        try:
            logprobs = [float(x) for x in logprobs_raw]
        except (TypeError, ValueError):
            raise AuditInputError(f"line {line}: 'logprobs' should be numbers") from None
    top_raw = _list(raw.get("top_logprobs"), "top_logprobs", line, csv_cell)
    top = None
    if top_raw is not None:
        try:
            top = [[float(x) for x in (t.values() if isinstance(t, dict) else t)] for t in top_raw]
        except (TypeError, ValueError, AttributeError):
            raise AuditInputError(
                f"line {line}: 'top_logprobs' should be lists of numbers"
            ) from None
    return AuditItem(
        top_logprobs=top,
        line=line,
        id=_text(raw.get("id"), "id", line, optional=True),
        prompt=_text(raw.get("prompt"), "prompt", line) or "",
        output=_text(raw.get("output"), "output", line, optional=not need_output) or "",
        references=_references(raw.get("reference"), line, csv_cell),
        reference_kind=_kind(raw.get("reference_kind"), line),
        samples=samples,
        logprobs=logprobs,
        groups={g: _text(raw.get(g), g, line, optional=True) or "(missing)" for g in groups},
    )


def _kind(value: Any, line: int) -> Any:
    if value is None or value == "":
        return None
    if value not in REFERENCE_KINDS:
        raise AuditInputError(
            f"line {line}: 'reference_kind' should be one of {', '.join(REFERENCE_KINDS)}, "
            f"not {str(value)[:40]!r}"
        )
    return value


def _references(value: Any, line: int, csv_cell: bool) -> list[str]:
    """A reference, or a list of them (a CSV cell may hold a JSON list)."""
    if csv_cell and isinstance(value, str) and value.lstrip().startswith("["):
        with contextlib.suppress(json.JSONDecodeError):  # "[1] Smith" stays a reference
            value = json.loads(value)
    if isinstance(value, list):
        return [t for v in value if (t := _text(v, "reference", line, optional=True))]
    text = _text(value, "reference", line, optional=True)
    return [text] if text else []


def _check_columns(names: set[str], groups: list[str], where: str, need_output: bool) -> None:
    required = REQUIRED if need_output else ("prompt",)
    missing = [c for c in (*required, *groups) if c not in names]
    if missing:
        shown = ", ".join(repr(c) for c in missing)
        have = ", ".join(repr(c) for c in sorted(names)[:12]) or "none"
        raise AuditInputError(f"{where}: missing column(s) {shown} (found: {have})")


def iter_items(
    path: str | Path, group_columns: list[str] | None = None, *, need_output: bool = True,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[AuditItem]:  # fmt: skip
    """Stream the items of ``path`` (``.jsonl``/``.json`` lines or ``.csv``); without
    ``need_output`` (outputs to be generated) only ``prompt`` is required.

    With ``on_skip``, a record that cannot be read (no output, a list where text belongs,
    a line that is not JSON) is skipped and its reason passed on, and the rest is read;
    without it the first such record stops the file. A file that cannot be read at all
    (missing, empty, missing columns) always stops it."""
    path = Path(path)
    groups = list(group_columns or [])
    if not path.is_file():
        raise AuditInputError(f"no such file: {path}")
    read = _iter_csv if path.suffix.lower() == ".csv" else _iter_jsonl
    for entry in read(path, groups, need_output):
        if isinstance(entry, AuditInputError):
            if on_skip is None:
                raise entry
            on_skip(str(entry))
            continue
        yield entry


def _guarded(
    raw: dict[str, Any], line: int, groups: list[str], csv_cell: bool, need_output: bool
) -> AuditItem | AuditInputError:
    try:
        return _item(raw, line, groups, csv_cell, need_output)
    except AuditInputError as exc:
        return exc


def _iter_csv(
    path: Path, groups: list[str], need_output: bool
) -> Iterator[AuditItem | AuditInputError]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # outputs of megabytes are fine
    with path.open(newline="", encoding="utf-8", errors="replace") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None:
            raise AuditInputError(f"{path.name} is empty")
        _check_columns(set(reader.fieldnames), groups, path.name, need_output)
        for row_number, row in enumerate(reader, start=2):
            if None in row:
                yield AuditInputError(f"line {row_number}: more fields than the header has")
                continue
            yield _guarded(row, row_number, groups, True, need_output)


def _iter_jsonl(
    path: Path, groups: list[str], need_output: bool
) -> Iterator[AuditItem | AuditInputError]:
    seen_any = False
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, text in enumerate(fh, start=1):
            if not text.strip():
                continue
            try:
                raw = json.loads(text)
            except json.JSONDecodeError as exc:
                yield AuditInputError(f"line {number}: not JSON ({exc.msg})")
                continue
            if not isinstance(raw, dict):
                yield AuditInputError(f"line {number}: expected an object with prompt and output")
                continue
            if not seen_any:
                _check_columns(set(raw), groups, f"{path.name} line {number}", need_output)
                seen_any = True
            yield _guarded(raw, number, groups, False, need_output)
    if not seen_any:
        raise AuditInputError(f"{path.name} holds no items")

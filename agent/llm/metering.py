"""Per-request accounting and limits for explainer-LLM calls, carried by context variables
so a turn's calls (routing, narration, decomposition, in tasks and worker threads) are
counted together without threading arguments through every layer.

* :func:`metered` counts the tokens the LLM reports for every completion made inside it
  (the OpenAI facade returns them as ``usage``).
* :func:`limited` bounds ``max_tokens`` and sets ``temperature`` for every completion
  made inside it (the facade's ``max_tokens`` and ``temperature``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pydantic import BaseModel


class Usage(BaseModel):
    """Tokens the LLM reported, summed over the completions of one request."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class Limits(BaseModel):
    max_tokens: int | None = None
    temperature: float | None = None


_USAGE: ContextVar[Usage | None] = ContextVar("explainer_llm_usage", default=None)
_LIMITS: ContextVar[Limits | None] = ContextVar("explainer_llm_limits", default=None)


@contextmanager
def metered() -> Iterator[Usage]:
    """Count the tokens of every completion made inside the block."""
    usage = Usage()
    token = _USAGE.set(usage)
    try:
        yield usage
    finally:
        _USAGE.reset(token)


@contextmanager
def limited(max_tokens: int | None = None, temperature: float | None = None) -> Iterator[None]:
    """Bound ``max_tokens`` and set ``temperature`` for the completions inside the block."""
    token = _LIMITS.set(Limits(max_tokens=max_tokens, temperature=temperature))
    try:
        yield
    finally:
        _LIMITS.reset(token)


def apply_limits(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The request's arguments under the block's limits (if any)."""
    limits = _LIMITS.get()
    if limits is None:
        return kwargs
    out = dict(kwargs)
    if limits.max_tokens is not None:
        out["max_tokens"] = min(int(out.get("max_tokens") or limits.max_tokens), limits.max_tokens)
    if limits.temperature is not None:
        out["temperature"] = limits.temperature
    return out


def record(usage: Any) -> None:
    """Add a completion's reported usage to the block's count (if one is open)."""
    meter = _USAGE.get()
    if meter is None:
        return
    meter.calls += 1
    if usage is not None:
        meter.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
        meter.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)

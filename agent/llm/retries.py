"""Network retries for LLM requests (tenacity): connection errors, 429 and 5xx are
retried, waiting what ``Retry-After`` / ``retry-after-ms`` asks (seconds or an HTTP date,
capped), else exponential backoff with jitter; timeouts are not retried.

Kept apart from re-asking the model after invalid output (``agent.llm.structured``).
"""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime

import httpx
from tenacity import RetryCallState
from tenacity.wait import wait_base, wait_exponential_jitter


def retry_after_seconds(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (``Retry-After``/``retry-after-ms``), if any."""
    response = getattr(exc, "response", None)
    if not isinstance(response, httpx.Response):
        return None
    headers = response.headers
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class WaitRetryAfter(wait_base):
    """Wait what the server asked for; otherwise exponential backoff with jitter."""

    def __init__(self, max_wait: float):
        self.max_wait = max_wait
        self.fallback = wait_exponential_jitter(multiplier=0.5, max=max_wait)

    def __call__(self, retry_state: RetryCallState) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        asked = retry_after_seconds(exc) if exc is not None else None
        if asked is not None:
            return min(asked, self.max_wait)
        return float(self.fallback(retry_state))


def is_transient(exc: BaseException) -> bool:
    """Connection failures, 429 and 5xx are worth retrying; timeouts are not (the work
    would be redone from scratch on an already slow server)."""
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return False
    if isinstance(exc, openai.APIConnectionError):
        return True
    return isinstance(exc, openai.APIStatusError) and (
        exc.status_code == 429 or exc.status_code >= 500
    )

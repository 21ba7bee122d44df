"""The user-facing error tree.

Everything the user can cause or fix raises an :class:`ExplainerError` subclass whose
message says what happened and what to do. The CLI and the HTTP service turn these into
exit codes and problem responses; nothing deeper does.
"""

from __future__ import annotations

from typing import Any


class ExplainerError(Exception):
    """Base of all errors that are shown to a user as one clear line."""

    exit_code = 1


class BadInputError(ExplainerError):
    """The user gave input we cannot use (file, argument, schema)."""

    exit_code = 2


class BackendUnavailableError(ExplainerError):
    """A backend (LLM server, target model) is not reachable or not running."""

    exit_code = 3


class ToolFailedError(ExplainerError):
    """An evidence tool failed on valid input (a backend's fault, not the caller's)."""

    exit_code = 5


class LLMTimeoutError(BackendUnavailableError):
    """The LLM server accepted the connection but did not answer in time."""


class ModelOutputError(ExplainerError):
    """The LLM answered, but its output was unusable after the allowed re-asks.

    Attributes:
        last_completion: The raw text (or tool-call arguments) of the final attempt.
        errors: The validation messages of the final attempt.
    """

    exit_code = 4

    def __init__(self, message: str, *, last_completion: str | None, errors: Any = None):
        super().__init__(message)
        self.last_completion = last_completion
        self.errors = errors


class RealLLMForbiddenError(ExplainerError):
    """A test not marked ``llm`` tried to reach a real LLM server."""

"""Errors raised by tools. The agent maps them to its user-facing error tree."""

from __future__ import annotations


class ToolError(Exception):
    """A tool could not produce evidence; the message says why and what to do."""


class ToolInputError(ToolError, ValueError):
    """The tool's input is invalid (empty text, too long, unknown method, ...)."""


class UnknownToolError(ToolInputError, KeyError):
    """No tool is registered under that name; the message lists the available ones."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class BackendFeatureError(ToolError):
    """A backend lacks a feature the tool needs (e.g. an endpoint returns no logprobs)."""

"""The tool registry as callers see it: every built-in tool, by name.

The first lookup imports the tool modules, whose decorators
(:func:`tools.base.register`, :func:`tools.base.target_tool`) register them. It lives apart
from :mod:`tools.base` so that the contract the tools import never imports the tools
back (no import cycle). An unknown name fails with the list of available ones.
"""

from __future__ import annotations

from typing import Any

from tools.base import Tool, registered, registered_names
from tools.errors import UnknownToolError


def _load() -> None:
    """Import the tool modules (once; Python caches them), which registers their tools.
    On first use, not at import: torch loads with the tools, not with every CLI command."""
    import tools.attribution
    import tools.attribution_endpoint
    import tools.confidence
    import tools.cot
    import tools.counterfactual
    import tools.faithfulness
    import tools.neurons
    import tools.patching
    import tools.probing
    import tools.steering  # noqa: F401


def get_tool(name: str) -> Tool[Any, Any]:
    """The tool registered as ``name``; unknown names list the available ones."""
    _load()
    tool = registered(name)
    if tool is None:
        available = ", ".join(registered_names()) or "(none)"
        raise UnknownToolError(f"no tool {name!r}; available: {available}")
    return tool


def all_tools() -> list[Tool[Any, Any]]:
    """Every registered tool, sorted by name."""
    _load()
    return [t for n in registered_names() if (t := registered(n)) is not None]

"""Our evidence tools as langchain-core ``StructuredTool``s, for LangChain/LangGraph agents.

This adapter is the only place the tools meet LangChain; the tools themselves stay plain
typed functions. Each LangChain tool validates its arguments with the tool's own pydantic
input model and returns the result's summary, facts and full data as a dict.
"""

from __future__ import annotations

from typing import Any

from langchain_core.tools import StructuredTool

from tools.base import Tool
from tools.registry import all_tools, get_tool


def _structured(tool: Tool[Any, Any]) -> StructuredTool:
    def run(**arguments: Any) -> dict[str, Any]:
        result = tool(arguments)
        return {
            "summary": result.summary(),
            "facts": [f.model_dump() for f in result.facts()],
            "data": result.model_dump(mode="json"),
        }

    return StructuredTool.from_function(
        func=run, name=tool.name, description=tool.description, args_schema=tool.input_model
    )


def as_langchain_tools(names: list[str] | None = None) -> list[StructuredTool]:
    """The named tools (default: all) as langchain-core ``StructuredTool``s."""
    chosen = [get_tool(n) for n in names] if names is not None else all_tools()
    return [_structured(t) for t in chosen]

"""The tool registry: lookup, schemas and argument validation."""

from __future__ import annotations

import pytest

from tools.errors import UnknownToolError
from tools.registry import all_tools, get_tool


def test_unknown_tool_lists_the_available_ones() -> None:
    with pytest.raises(
        UnknownToolError, match=r"no tool 'explain_everything'; available: .*attribute"
    ):
        get_tool("explain_everything")


def test_every_tool_has_a_described_strict_schema() -> None:
    names = [t.name for t in all_tools()]
    assert {"attribute", "faithfulness"} <= set(names)
    for tool in all_tools():
        schema = tool.openai_schema()["function"]
        assert schema["name"] == tool.name and schema["description"]
        params = schema["parameters"]
        assert params["additionalProperties"] is False
        for name, prop in params["properties"].items():
            assert prop.get("description"), f"{tool.name}.{name} has no description"

"""Our tools inside LangChain: invoked through langchain-core's StructuredTool."""

from __future__ import annotations

import pytest

from tests.planted import TRIGGER, planted_model
from tools.langchain import as_langchain_tools
from tools.models import register_target


def test_every_tool_is_exported() -> None:
    names = {t.name for t in as_langchain_tools()}
    assert {"attribute", "faithfulness", "probe", "logit_lens", "what_if"} <= names


def test_attribute_through_langchain_finds_the_trigger() -> None:
    register_target("planted", planted_model())
    (tool,) = as_langchain_tools(["attribute"])
    out = tool.invoke({"text": f"the {TRIGGER} was hot", "answer": "yes", "model": "planted"})
    assert out["facts"][0]["subject"] == TRIGGER
    assert out["data"]["method"] == "occlusion"
    assert f"'{TRIGGER}' mattered most" in out["summary"]


def test_langchain_validates_with_our_schema() -> None:
    (tool,) = as_langchain_tools(["attribute"])
    with pytest.raises(ValueError, match="method"):
        tool.invoke({"text": "hi", "method": "lime"})

"""structured(): every output mode, re-asking, and the typed error after the cap."""

from __future__ import annotations

import asyncio
from typing import Literal

import pytest
from pydantic import BaseModel

from agent.errors import ModelOutputError
from agent.llm import Capabilities
from agent.llm.testing import ScriptedLLM

MESSAGES = [{"role": "user", "content": "Which word mattered most?"}]


class Verdict(BaseModel):
    """The word that mattered most and how sure the model is."""

    word: str
    direction: Literal["positive", "negative"]
    score: float


GOOD = {"word": "not", "direction": "negative", "score": -0.61}


def caps(**overrides: object) -> Capabilities:
    base: dict[str, object] = {
        "tools": False,
        "tool_choice": None,
        "json_schema": None,
        "logprobs": False,
    }
    base.update(overrides)
    return Capabilities.model_validate(base)


def test_json_schema_mode_sends_the_schema() -> None:
    llm = ScriptedLLM(caps(json_schema="json_schema")).reply_json(GOOD)
    result = asyncio.run(llm.provider().structured(MESSAGES, Verdict))
    assert result == Verdict(**GOOD)
    fmt = llm.requests[0]["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["schema"]["properties"]["direction"]["enum"] == [
        "positive",
        "negative",
    ]


def test_llama_cpp_python_flavour_of_schema_output() -> None:
    llm = ScriptedLLM(caps(json_schema="json_object_schema")).reply_json(GOOD)
    asyncio.run(llm.provider().structured(MESSAGES, Verdict))
    fmt = llm.requests[0]["response_format"]
    assert fmt["type"] == "json_object"
    assert fmt["schema"]["required"] == ["word", "direction", "score"]


@pytest.mark.parametrize("how", ["named", "required"])
def test_tool_mode_when_no_schema_output(how: Literal["named", "required"]) -> None:
    llm = ScriptedLLM(caps(tools=True, tool_choice=how)).tool_call("verdict", GOOD)
    result = asyncio.run(llm.provider().structured(MESSAGES, Verdict))
    assert result.word == "not"
    request = llm.requests[0]
    assert request["tools"][0]["function"]["name"] == "verdict"
    expected = {"type": "function", "function": {"name": "verdict"}} if how == "named" else how
    assert request["tool_choice"] == expected


def test_prompt_mode_parses_json_out_of_prose() -> None:
    llm = ScriptedLLM(caps()).reply(
        'Sure! Here it is:\n```json\n{"word": "not", "direction": "negative", "score": -0.61}\n```'
    )
    result = asyncio.run(llm.provider().structured(MESSAGES, Verdict))
    assert result == Verdict(**GOOD)
    instruction = llm.requests[0]["messages"][-1]["content"]
    assert "JSON schema" in instruction and '"direction"' in instruction


def test_invalid_output_is_reasked_with_the_problems() -> None:
    bad = {"word": "not", "direction": "sideways", "score": "high"}
    llm = ScriptedLLM(caps(json_schema="json_schema")).reply_json(bad).reply_json(GOOD)
    result = asyncio.run(llm.provider().structured(MESSAGES, Verdict))
    assert result.direction == "negative"
    assert len(llm.requests) == 2
    second = llm.requests[1]["messages"]
    assert second[-2] == {
        "role": "assistant",
        "content": '{"word": "not", "direction": "sideways", "score": "high"}',
    }
    assert "direction" in second[-1]["content"] and "score" in second[-1]["content"]


def test_reasks_are_capped_and_end_in_typed_error() -> None:
    llm = ScriptedLLM(caps(json_schema="json_schema"))
    for i in range(5):
        llm.reply(f"not json {i}")
    with pytest.raises(ModelOutputError) as info:
        asyncio.run(llm.provider(max_reasks=2).structured(MESSAGES, Verdict))
    assert len(llm.requests) == 3  # first try + 2 re-asks
    assert info.value.last_completion == "not json 2"
    assert info.value.errors and "Invalid JSON" in info.value.errors[0]
    assert "no valid Verdict in 3 attempt(s)" in str(info.value)

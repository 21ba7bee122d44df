"""Structured output: a reply that validates as a pydantic model, by JSON-schema output,
a forced tool call, or parse-and-re-ask, whichever the server does best; and a forced
tool call emulated through schema output on servers that cannot force one.

Re-asking after invalid output is a capped loop, kept apart from network retries, that
ends in :class:`ModelOutputError` carrying the last completion (instructor's habit).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from agent.errors import BadInputError, ModelOutputError
from agent.llm import prompting
from agent.llm.wire import (
    ChatResult,
    Message,
    ToolCall,
    first_json_object,
    function_name,
    function_parameters,
    problems_of,
    response_format,
    to_result,
    tool_for,
    tool_name,
)

if TYPE_CHECKING:
    from agent.llm.provider import LLMProvider

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)


async def structured(
    llm: LLMProvider,
    messages: Sequence[Message],
    output: type[M],
    *,
    max_tokens: int = 512,
    temperature: float = 0.0,
    max_reasks: int | None = None,
) -> M:
    """Ask for a reply that validates as ``output``; re-ask (capped) if it does not.

    Raises:
        ModelOutputError: no valid object after ``1 + max_reasks`` attempts; carries the
            last completion and its validation problems.
    """
    reasks = llm.max_reasks if max_reasks is None else max_reasks
    caps = await llm.capabilities()
    schema = output.model_json_schema()
    convo = list(messages)
    kwargs: dict[str, Any] = {"max_tokens": max_tokens, "temperature": temperature}
    if caps.json_schema:
        mode = "json_schema"
        kwargs["response_format"] = response_format(caps.json_schema, schema)
    elif caps.tool_choice:
        mode = "tool"
        name = tool_name(output)
        kwargs["tools"] = [tool_for(output, name, output.__doc__ or name)]
        kwargs["tool_choice"] = (
            {"type": "function", "function": {"name": name}}
            if caps.tool_choice == "named"
            else "required"
        )
    else:
        mode = "prompt"
        convo.append(
            {
                "role": "user",
                "content": prompting.render("structured_output", schema_json=json.dumps(schema)),
            }
        )
    raw: str | None = None
    problems: list[str] = []
    for attempt in range(reasks + 1):
        result = to_result(await llm.create(messages=convo, **kwargs), 0.0)
        raw = (
            result.tool_calls[0].arguments
            if mode == "tool" and result.tool_calls
            else (result.text or "")
        )
        try:
            return output.model_validate_json(first_json_object(raw))
        except (ValidationError, ValueError) as exc:
            problems = problems_of(exc)
            log.info(
                "invalid %s from %s (attempt %d/%d): %s", output.__name__, llm.base_url,
                attempt + 1, reasks + 1, "; ".join(problems[:3]),
            )  # fmt: skip
        convo += [
            {"role": "assistant", "content": raw},
            {"role": "user", "content": prompting.render("reask", problems=problems[:10])},
        ]
    raise ModelOutputError(
        f"the LLM at {llm.base_url} gave no valid {output.__name__} in {reasks + 1} "
        f"attempt(s) ({mode} mode); last problem: {problems[0] if problems else '?'}",
        last_completion=raw,
        errors=problems,
    )


async def emulated_tool_call(
    llm: LLMProvider,
    messages: Sequence[Message],
    tools: list[dict[str, Any]],
    forced: str,
    *,
    max_tokens: int,
    temperature: float,
) -> ChatResult:
    """Force a tool call on a server that cannot, through JSON-schema output."""
    candidates = tools if forced == "*" else [t for t in tools if function_name(t) == forced]
    if not candidates:
        names = ", ".join(function_name(t) for t in tools)
        raise BadInputError(f"tool_choice names {forced!r}, which is not a tool ({names})")
    caps = await llm.capabilities()
    if caps.json_schema is None:
        raise BadInputError(
            f"the LLM at {llm.base_url} can neither force a tool call nor constrain "
            "output to a JSON schema; use structured(), which parses and re-asks"
        )
    single = len(candidates) == 1
    schema = (
        function_parameters(candidates[0])
        if single
        else {
            "anyOf": [
                {
                    "type": "object",
                    "properties": {
                        "name": {"const": function_name(t)},
                        "arguments": function_parameters(t),
                    },
                    "required": ["name", "arguments"],
                }
                for t in candidates
            ]
        }
    )
    listing = [
        {"name": function_name(t), "description": t["function"].get("description", "")}
        for t in candidates
    ]
    instruction = prompting.render("emulated_tool_call", tools=listing, single=single)
    convo = list(messages)
    if convo and convo[0].get("role") == "system":
        convo[0] = {**convo[0], "content": f"{convo[0]['content']}\n\n{instruction}"}
    else:
        convo.insert(0, {"role": "system", "content": instruction})
    result = await llm.chat(convo, max_tokens=max_tokens, temperature=temperature,
                            json_schema=schema)  # fmt: skip
    raw = result.text or ""
    if single:
        call = ToolCall(name=function_name(candidates[0]), arguments=raw)
    else:
        try:
            parsed = json.loads(first_json_object(raw))
            call = ToolCall(name=parsed["name"], arguments=json.dumps(parsed["arguments"]))
        except (ValueError, KeyError, TypeError):
            return result  # let the caller see the unusable text
    return result.model_copy(
        update={"text": None, "tool_calls": [call], "finish_reason": "tool_calls"}
    )

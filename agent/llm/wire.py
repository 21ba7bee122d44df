"""The OpenAI chat wire format, in and out: the server-neutral result models, what a
capability probe finds, and the small translations between them (response formats,
tool-call shapes, JSON found in free text).

Owns no client and makes no request; imports nothing from ``tools`` or the other rooms.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field

from agent.errors import ModelOutputError

if TYPE_CHECKING:
    import openai
    from openai.types.chat import ChatCompletion

Message = dict[str, Any]


class TokenLogprob(BaseModel):
    """One generated token with its log-probability and the runner-up tokens."""

    token: str
    logprob: float
    top: dict[str, float] = Field(default_factory=dict)


class ToolCall(BaseModel):
    name: str
    arguments: str = Field(description="The raw JSON text of the arguments.")


class ChatResult(BaseModel):
    """What one chat completion produced, in a server-neutral shape."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    text: str | None
    tool_calls: list[ToolCall] = Field(default_factory=list)
    finish_reason: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    logprobs: list[TokenLogprob] | None = None
    seconds: float = 0.0


class StreamDelta(BaseModel):
    """A piece of a streamed reply; usage fields are set on the last piece if known."""

    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class Capabilities(BaseModel):
    """What an endpoint can do, found by probing it with tiny requests."""

    tools: bool = Field(description="Returns a well-formed tool call when one is forced.")
    tool_choice: Literal["named", "required"] | None = Field(
        description="How a tool call can be forced: a named tool_choice, or only 'required'."
    )
    json_schema: Literal["json_schema", "json_object_schema"] | None = Field(
        description="How schema-constrained output is asked for: OpenAI's json_schema "
        "response_format, or llama-cpp-python's {'type': 'json_object', 'schema': ...}."
    )
    logprobs: bool = Field(description="Returns per-token log-probabilities for chat.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def forced_tool_call(self) -> Literal["native", "emulated"] | None:
        """How ``chat(tool_choice=...)`` forces a call: natively, or via schema output."""
        if self.tool_choice is not None:
            return "native"
        return "emulated" if self.json_schema is not None else None


def first_json_object(text: str) -> str:
    """The first balanced ``{...}`` in free text (models like to add prose or fences)."""
    start = text.find("{")
    if start < 0:
        return text
    depth, in_str, escaped = 0, False, False
    for i, ch in enumerate(text[start:], start):
        if in_str:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
    return text[start:]


def problems_of(error: ValidationError | ValueError) -> list[str]:
    if isinstance(error, ValidationError):
        return [
            f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}"
            for e in error.errors(include_url=False)
        ]
    return [str(error)]


def short(text: str, limit: int = 200) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def status_detail(exc: openai.APIStatusError) -> str:
    """The server's own error message, without the client's wrapping."""
    body: Any = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            body = inner.get("message") or inner.get("detail") or body
        else:
            body = inner
    text = body if isinstance(body, str) else json.dumps(body) if body else exc.response.text
    return short(text or f"HTTP {exc.status_code}")


def is_valid(model: type[BaseModel], text: str | None) -> bool:
    if not text:
        return False
    try:
        model.model_validate_json(first_json_object(text))
    except (ValidationError, ValueError):
        return False
    return True


def forced_tool(tool_choice: str | dict[str, Any] | None) -> str | None:
    """``"*"`` for "required", the tool's name for a named choice, else None."""
    if tool_choice == "required":
        return "*"
    if isinstance(tool_choice, dict):
        name = tool_choice.get("function", {}).get("name")
        return str(name) if name else None
    return None


def function_name(tool: dict[str, Any]) -> str:
    return str(tool.get("function", {}).get("name", ""))


def function_parameters(tool: dict[str, Any]) -> dict[str, Any]:
    params = tool.get("function", {}).get("parameters")
    return dict(params) if isinstance(params, dict) else {"type": "object"}


def tool_name(model: type[BaseModel]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def tool_for(model: type[BaseModel], name: str, description: str) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description.strip().splitlines()[0],
            "parameters": model.model_json_schema(),
        },
    }


def response_format(
    mode: Literal["json_schema", "json_object_schema"], schema: dict[str, Any]
) -> dict[str, Any]:
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": "output", "schema": schema, "strict": True},
        }
    return {"type": "json_object", "schema": schema}


def to_result(completion: ChatCompletion, seconds: float) -> ChatResult:
    from openai.types.chat import ChatCompletionMessageFunctionToolCall

    if not completion.choices:
        raise ModelOutputError("the LLM returned no choices", last_completion=None)
    choice = completion.choices[0]
    message = choice.message
    calls = [
        ToolCall(name=c.function.name, arguments=c.function.arguments or "")
        for c in (message.tool_calls or [])
        if isinstance(c, ChatCompletionMessageFunctionToolCall)
    ]
    tokens: list[TokenLogprob] | None = None
    if choice.logprobs is not None and choice.logprobs.content:
        tokens = [
            TokenLogprob(
                token=t.token,
                logprob=t.logprob,
                top={alt.token: alt.logprob for alt in (t.top_logprobs or [])},
            )
            for t in choice.logprobs.content
        ]
    usage = completion.usage
    return ChatResult(
        text=message.content,
        tool_calls=calls,
        finish_reason=choice.finish_reason,
        prompt_tokens=usage.prompt_tokens if usage else None,
        completion_tokens=usage.completion_tokens if usage else None,
        logprobs=tokens,
        seconds=seconds,
    )

"""The capability probe: tiny requests that find out what an endpoint supports (a forced
tool call, named or only "required"; JSON-schema output in OpenAI's or llama-cpp-python's
flavour; chat logprobs), cached per base URL and model.

The rest of the code never sees the differences: ``LLMProvider.chat`` and
``agent.llm.structured`` read the probe's findings. Imports nothing outside ``agent.llm``
except the error types.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from agent.errors import BackendUnavailableError, BadInputError, LLMTimeoutError
from agent.llm.wire import Capabilities, Message, is_valid, response_format, to_result, tool_for

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

    from agent.llm.provider import LLMProvider

log = logging.getLogger(__name__)


class _ProbeColor(BaseModel):
    """Probe schema: an enum the model would never produce unconstrained."""

    color: Literal["red", "green", "blue"]
    count: int


_PROBE_SCHEMA = _ProbeColor.model_json_schema()
_PROBE_MESSAGES: list[Message] = [
    {"role": "user", "content": "Pick a colour and a number."},
]
_CAPABILITIES: dict[tuple[str, str], Capabilities] = {}


async def capabilities(llm: LLMProvider, *, refresh: bool = False) -> Capabilities:
    """Probe (once per base URL and model, cached) what the endpoint supports."""
    key = (llm.base_url, await llm.model_name())
    if refresh or key not in _CAPABILITIES:
        started = time.perf_counter()
        tool_choice = await _probe_tool_choice(llm)
        caps = Capabilities(
            tools=tool_choice is not None,
            tool_choice=tool_choice,
            json_schema=await _probe_json_schema(llm),
            logprobs=await _probe_logprobs(llm),
        )
        log.info(
            "probed %s in %.2f s: %s", llm.base_url, time.perf_counter() - started,
            caps.model_dump(),
        )  # fmt: skip
        _CAPABILITIES[key] = caps
    return _CAPABILITIES[key]


async def _probe(llm: LLMProvider, **kwargs: Any) -> ChatCompletion | None:
    """One probe request: no retries, and a refusal of any kind means "no"."""
    import openai

    try:
        return await llm.create(retries=0, max_tokens=48, temperature=0.0, **kwargs)
    except (BadInputError, BackendUnavailableError) as exc:
        if isinstance(exc, LLMTimeoutError) or isinstance(exc.__cause__, openai.APIConnectionError):
            raise
        log.debug("probe refused: %s", exc)
        return None


async def _probe_tool_choice(llm: LLMProvider) -> Literal["named", "required"] | None:
    tool = tool_for(_ProbeColor, "pick_color", "Report a colour and a number.")
    choices: list[tuple[Literal["named", "required"], Any]] = [
        ("named", {"type": "function", "function": {"name": "pick_color"}}),
        ("required", "required"),
    ]
    for label, choice in choices:
        completion = await _probe(llm, messages=_PROBE_MESSAGES, tools=[tool], tool_choice=choice)
        if completion is None:
            continue
        calls = to_result(completion, 0.0).tool_calls
        if calls and calls[0].name == "pick_color" and is_valid(_ProbeColor, calls[0].arguments):
            return label
    return None


async def _probe_json_schema(
    llm: LLMProvider,
) -> Literal["json_schema", "json_object_schema"] | None:
    modes: tuple[Literal["json_schema", "json_object_schema"], ...] = (
        "json_schema",
        "json_object_schema",
    )
    for mode in modes:
        completion = await _probe(
            llm, messages=_PROBE_MESSAGES, response_format=response_format(mode, _PROBE_SCHEMA)
        )
        if completion is not None and is_valid(_ProbeColor, to_result(completion, 0).text):
            return mode
    return None


async def _probe_logprobs(llm: LLMProvider) -> bool:
    completion = await _probe(llm, messages=_PROBE_MESSAGES, logprobs=True, top_logprobs=2)
    if completion is None:
        return False
    tokens = to_result(completion, 0.0).logprobs
    return bool(tokens) and all(t.logprob <= 0.0 for t in tokens or [])

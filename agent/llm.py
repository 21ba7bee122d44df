"""One provider for any OpenAI-compatible chat endpoint (vLLM, llama.cpp, OpenAI, ...).

The provider owns the ``openai.AsyncOpenAI`` client, its base URL, key and timeouts, and
hides the differences between servers behind a cached capability probe:

* network retries (tenacity) on connection errors, 429 and 5xx, honouring ``Retry-After``;
  the client's own retries are off so the two never multiply;
* ``chat(...)`` takes a neutral ``json_schema=`` and ``logprobs=`` and translates them to
  what the server understands (``response_format`` flavour, ``top_logprobs``);
* ``structured(messages, Model)`` returns a validated pydantic object by JSON-schema output,
  a forced tool call, or parse-and-re-ask, whichever the server does best. Re-asking after
  invalid output is a separate, capped loop that ends in :class:`ModelOutputError`.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_base, wait_exponential_jitter

from agent import prompting
from agent.errors import (
    BackendUnavailableError,
    BadInputError,
    ExplainerError,
    LLMTimeoutError,
    ModelOutputError,
    RealLLMForbiddenError,
)
from agent.settings import Settings

if TYPE_CHECKING:  # openai loads with the first provider (0.3 s), not with the CLI
    import openai
    from openai.types.chat import ChatCompletion

log = logging.getLogger(__name__)

Message = dict[str, Any]
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

FORBID_ENV = "EXPLAINER_FORBID_REAL_LLM"
_FIX_HINT = "start one with `explainer llm serve` or set EXPLAINER_LLM_BASE_URL"


# --------------------------------------------------------------------------- results


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


# --------------------------------------------------------------------------- retries


def _retry_after_seconds(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (``Retry-After``/``retry-after-ms``), if any."""
    response = getattr(exc, "response", None)
    if not isinstance(response, httpx.Response):
        return None
    headers = response.headers
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _WaitRetryAfter(wait_base):
    """Wait what the server asked for; otherwise exponential backoff with jitter."""

    def __init__(self, max_wait: float):
        self.max_wait = max_wait
        self.fallback = wait_exponential_jitter(multiplier=0.5, max=max_wait)

    def __call__(self, retry_state: RetryCallState) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        asked = _retry_after_seconds(exc) if exc is not None else None
        if asked is not None:
            return min(asked, self.max_wait)
        return float(self.fallback(retry_state))


def _is_transient(exc: BaseException) -> bool:
    """Connection failures, 429 and 5xx are worth retrying; timeouts are not (the work
    would be redone from scratch on an already slow server)."""
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return False
    if isinstance(exc, openai.APIConnectionError):
        return True
    return isinstance(exc, openai.APIStatusError) and (
        exc.status_code == 429 or exc.status_code >= 500
    )


def _first_json_object(text: str) -> str:
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


def _problems(error: ValidationError | ValueError) -> list[str]:
    if isinstance(error, ValidationError):
        return [
            f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}"
            for e in error.errors(include_url=False)
        ]
    return [str(error)]


# --------------------------------------------------------------------------- probes


class _ProbeColor(BaseModel):
    """Probe schema: an enum the model would never produce unconstrained."""

    color: Literal["red", "green", "blue"]
    count: int


_PROBE_SCHEMA = _ProbeColor.model_json_schema()
_PROBE_MESSAGES: list[Message] = [
    {"role": "user", "content": "Pick a colour and a number."},
]
_CAPABILITIES: dict[tuple[str, str], Capabilities] = {}


class LLMProvider:
    """A client for one OpenAI-compatible endpoint.

    Args:
        base_url: The endpoint, e.g. ``http://127.0.0.1:8080/v1``.
        api_key: Bearer key (local servers ignore it).
        model: Model name; ``None`` picks the first one the server lists.
        timeout: Seconds to wait for a reply.
        connect_timeout: Seconds to wait for a connection.
        max_retries: Network retries on connection errors, 429 and 5xx.
        max_reasks: Times ``structured`` re-asks after invalid output.
        retry_max_wait: Cap on any single wait, ``Retry-After`` included.
        http_client: An ``httpx.AsyncClient`` to use (tests pass a ``MockTransport``).
        sleep: The coroutine used to wait between retries (tests record it).
        capabilities: Known capabilities; skips the probe (fakes and pinned deployments).
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str = "sk-no-key",
        model: str | None = None,
        timeout: float = 120.0,
        connect_timeout: float = 5.0,
        max_retries: int = 3,
        max_reasks: int = 2,
        retry_max_wait: float = 30.0,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        capabilities: Capabilities | None = None,
    ):
        if http_client is None and os.environ.get(FORBID_ENV) == "1":
            raise RealLLMForbiddenError(
                f"real LLM calls are off in tests not marked `llm` (tried {base_url}); "
                "use agent.testing.ScriptedLLM or mark the test with @pytest.mark.llm"
            )
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_reasks = max_reasks
        self.retry_max_wait = retry_max_wait
        self._sleep = sleep
        self._pinned = capabilities
        import openai

        self._client = openai.AsyncOpenAI(
            base_url=self.base_url,
            api_key=api_key,
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            max_retries=0,  # tenacity owns retries; never let the two multiply
            http_client=http_client,
        )

    @classmethod
    def from_settings(cls, settings: Settings, base_url: str | None = None) -> LLMProvider:
        url = base_url or settings.llm_base_url
        if not url:
            raise BackendUnavailableError(f"no LLM base URL: {_FIX_HINT}")
        return cls(
            url,
            api_key=settings.llm_api_key.get_secret_value(),
            model=settings.llm_model,
            timeout=settings.llm_timeout,
            connect_timeout=settings.llm_connect_timeout,
            max_retries=settings.llm_max_retries,
            max_reasks=settings.llm_max_reasks,
            retry_max_wait=settings.llm_retry_max_wait,
        )

    async def aclose(self) -> None:
        await self._client.close()

    async def __aenter__(self) -> LLMProvider:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # ----------------------------------------------------------------- transport

    async def _call(self, fn: Callable[[], Awaitable[T]], *, retries: int | None = None) -> T:
        """Run one request with network retries, mapping failures to typed errors."""
        import openai

        attempts = (self.max_retries if retries is None else retries) + 1
        retrying = AsyncRetrying(
            stop=stop_after_attempt(attempts),
            wait=_WaitRetryAfter(self.retry_max_wait),
            retry=retry_if_exception(_is_transient),
            sleep=self._sleep,
            reraise=True,
            before_sleep=lambda rs: log.info(
                "LLM request to %s failed (%s); retry %d/%d",
                self.base_url,
                type(rs.outcome.exception()).__name__ if rs.outcome else "?",
                rs.attempt_number,
                attempts - 1,
            ),
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await fn()
        except openai.APITimeoutError as exc:
            raise LLMTimeoutError(
                f"the LLM at {self.base_url} did not answer within {self.timeout:g} s: "
                "check the server's load, or raise EXPLAINER_LLM_TIMEOUT"
            ) from exc
        except openai.APIConnectionError as exc:
            message = f"no LLM answers at {self.base_url}: {_FIX_HINT}"
            raise BackendUnavailableError(message) from exc
        except openai.AuthenticationError as exc:
            raise BackendUnavailableError(
                f"the LLM at {self.base_url} refused the API key (HTTP {exc.status_code}): "
                "set EXPLAINER_LLM_API_KEY"
            ) from exc
        except openai.NotFoundError as exc:
            raise BadInputError(
                f"the LLM at {self.base_url} has no such model or route ({self.model!r}): "
                "check EXPLAINER_LLM_MODEL and that the base URL ends in /v1"
            ) from exc
        except openai.APIStatusError as exc:
            detail = _status_detail(exc)
            if exc.status_code == 429 or exc.status_code >= 500:
                raise BackendUnavailableError(
                    f"the LLM at {self.base_url} failed with HTTP {exc.status_code} after "
                    f"{attempts} attempt(s): {detail}"
                ) from exc
            raise BadInputError(
                f"the LLM at {self.base_url} rejected the request (HTTP {exc.status_code}): "
                f"{detail}"
            ) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    async def model_name(self) -> str:
        """The configured model, or the first one the server lists (cached)."""
        if self.model is None:
            page = await self._call(lambda: self._client.models.list())
            if not page.data:
                raise BackendUnavailableError(f"the LLM at {self.base_url} lists no models")
            self.model = page.data[0].id
        return self.model

    # ----------------------------------------------------------------- chat

    async def _create(self, retries: int | None = None, **kwargs: Any) -> ChatCompletion:
        model = await self.model_name()
        completion: ChatCompletion = await self._call(
            lambda: self._client.chat.completions.create(model=model, **kwargs),
            retries=retries,
        )
        choices = getattr(completion, "choices", None)
        if not isinstance(choices, list) or not choices or not hasattr(choices[0], "message"):
            raise BackendUnavailableError(
                f"the server at {self.base_url} returned something that is not a chat "
                f"completion: {_short(repr(completion))}"
            )
        return completion

    async def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        tools: Sequence[dict[str, Any]] | None = None,
        tool_choice: str | dict[str, Any] | None = None,
        json_schema: dict[str, Any] | None = None,
        logprobs: bool = False,
        top_logprobs: int = 1,
        seed: int | None = None,
        stop: Sequence[str] | None = None,
    ) -> ChatResult:
        """One chat completion.

        ``json_schema`` constrains the reply to that schema in whatever way the server
        supports (probed); ``logprobs`` asks for per-token log-probabilities. A forced
        ``tool_choice`` (a named tool, or ``"required"``) is honoured even by servers that
        cannot force tool calls, by constraining the reply to the tool's argument schema.
        """
        kwargs: dict[str, Any] = {
            "messages": list(messages),
            "max_tokens": max_tokens,
            "temperature": temperature,
        }
        if tools:
            tools = list(tools)
            forced = _forced_tool(tool_choice)
            if forced is not None:
                caps = await self.capabilities()
                if caps.tool_choice == "required" and forced != "*":
                    # The server can force "some tool" only: offer just the named one.
                    tools = [t for t in tools if _function_name(t) == forced] or tools
                    tool_choice = "required"
                elif caps.tool_choice is None:
                    return await self._emulated_tool_call(
                        messages, tools, forced, max_tokens=max_tokens, temperature=temperature
                    )
            kwargs["tools"] = tools
            if tool_choice is not None:
                kwargs["tool_choice"] = tool_choice
        if json_schema is not None:
            caps = await self.capabilities()
            if caps.json_schema is None:
                raise BadInputError(
                    f"the LLM at {self.base_url} cannot constrain output to a JSON schema; "
                    "use structured(), which falls back to parse-and-re-ask"
                )
            kwargs["response_format"] = _response_format(caps.json_schema, json_schema)
        if logprobs:
            # llama-cpp-python returns chat logprobs only when top_logprobs is set.
            kwargs["logprobs"] = True
            kwargs["top_logprobs"] = max(1, top_logprobs)
        if seed is not None:
            kwargs["seed"] = seed
        if stop:
            kwargs["stop"] = list(stop)
        started = time.perf_counter()
        completion = await self._create(**kwargs)
        return _to_result(completion, time.perf_counter() - started)

    async def stream_chat(
        self, messages: Sequence[Message], *, max_tokens: int = 512, temperature: float = 0.0
    ) -> AsyncIterator[StreamDelta]:
        """Yield the reply as it is generated; the last delta carries token usage when the
        server reports it. Retries cover opening the stream, not a stream broken midway."""
        import openai

        model = await self.model_name()
        stream = await self._call(
            lambda: self._client.chat.completions.create(
                model=model,
                messages=cast(Any, list(messages)),
                max_tokens=max_tokens,
                temperature=temperature,
                stream=True,
                stream_options=cast(Any, {"include_usage": True}),
            )
        )
        try:
            async for chunk in stream:
                text = chunk.choices[0].delta.content if chunk.choices else None
                usage = getattr(chunk, "usage", None)
                if text or usage:
                    yield StreamDelta(
                        text=text or "",
                        prompt_tokens=usage.prompt_tokens if usage else None,
                        completion_tokens=usage.completion_tokens if usage else None,
                    )
        except openai.APIError as exc:
            raise BackendUnavailableError(
                f"the LLM at {self.base_url} broke off its stream: {_short(str(exc))}"
            ) from exc

    async def _emulated_tool_call(
        self,
        messages: Sequence[Message],
        tools: list[dict[str, Any]],
        forced: str,
        *,
        max_tokens: int,
        temperature: float,
    ) -> ChatResult:
        """Force a tool call on a server that cannot, through JSON-schema output."""
        candidates = tools if forced == "*" else [t for t in tools if _function_name(t) == forced]
        if not candidates:
            names = ", ".join(_function_name(t) for t in tools)
            raise BadInputError(f"tool_choice names {forced!r}, which is not a tool ({names})")
        caps = await self.capabilities()
        if caps.json_schema is None:
            raise BadInputError(
                f"the LLM at {self.base_url} can neither force a tool call nor constrain "
                "output to a JSON schema; use structured(), which parses and re-asks"
            )
        single = len(candidates) == 1
        schema = (
            _function_parameters(candidates[0])
            if single
            else {
                "anyOf": [
                    {
                        "type": "object",
                        "properties": {
                            "name": {"const": _function_name(t)},
                            "arguments": _function_parameters(t),
                        },
                        "required": ["name", "arguments"],
                    }
                    for t in candidates
                ]
            }
        )
        listing = [
            {"name": _function_name(t), "description": t["function"].get("description", "")}
            for t in candidates
        ]
        instruction = prompting.render("emulated_tool_call", tools=listing, single=single)
        convo = list(messages)
        if convo and convo[0].get("role") == "system":
            convo[0] = {**convo[0], "content": f"{convo[0]['content']}\n\n{instruction}"}
        else:
            convo.insert(0, {"role": "system", "content": instruction})
        result = await self.chat(
            convo, max_tokens=max_tokens, temperature=temperature, json_schema=schema
        )
        raw = result.text or ""
        if single:
            call = ToolCall(name=_function_name(candidates[0]), arguments=raw)
        else:
            try:
                parsed = json.loads(_first_json_object(raw))
                call = ToolCall(name=parsed["name"], arguments=json.dumps(parsed["arguments"]))
            except (ValueError, KeyError, TypeError):
                return result  # let the caller see the unusable text
        return result.model_copy(
            update={"text": None, "tool_calls": [call], "finish_reason": "tool_calls"}
        )

    # ----------------------------------------------------------------- capabilities

    async def capabilities(self, *, refresh: bool = False) -> Capabilities:
        """Probe (once per base URL and model, cached) what the endpoint supports."""
        if self._pinned is not None:
            return self._pinned
        key = (self.base_url, await self.model_name())
        if refresh or key not in _CAPABILITIES:
            started = time.perf_counter()
            tool_choice = await self._probe_tool_choice()
            caps = Capabilities(
                tools=tool_choice is not None,
                tool_choice=tool_choice,
                json_schema=await self._probe_json_schema(),
                logprobs=await self._probe_logprobs(),
            )
            log.info(
                "probed %s in %.2f s: %s",
                self.base_url,
                time.perf_counter() - started,
                caps.model_dump(),
            )
            _CAPABILITIES[key] = caps
        return _CAPABILITIES[key]

    async def _probe(self, **kwargs: Any) -> ChatCompletion | None:
        """One probe request: no retries, and a refusal of any kind means "no"."""
        import openai

        try:
            return await self._create(retries=0, max_tokens=48, temperature=0.0, **kwargs)
        except (BadInputError, BackendUnavailableError) as exc:
            if isinstance(exc, LLMTimeoutError) or isinstance(
                exc.__cause__, openai.APIConnectionError
            ):
                raise
            log.debug("probe refused: %s", exc)
            return None

    async def _probe_tool_choice(self) -> Literal["named", "required"] | None:
        tool = _tool_for(_ProbeColor, "pick_color", "Report a colour and a number.")
        choices: list[tuple[Literal["named", "required"], Any]] = [
            ("named", {"type": "function", "function": {"name": "pick_color"}}),
            ("required", "required"),
        ]
        for label, choice in choices:
            completion = await self._probe(
                messages=_PROBE_MESSAGES, tools=[tool], tool_choice=choice
            )
            if completion is None:
                continue
            calls = _to_result(completion, 0.0).tool_calls
            if calls and calls[0].name == "pick_color" and _valid(_ProbeColor, calls[0].arguments):
                return label
        return None

    async def _probe_json_schema(self) -> Literal["json_schema", "json_object_schema"] | None:
        modes: tuple[Literal["json_schema", "json_object_schema"], ...] = (
            "json_schema",
            "json_object_schema",
        )
        for mode in modes:
            completion = await self._probe(
                messages=_PROBE_MESSAGES, response_format=_response_format(mode, _PROBE_SCHEMA)
            )
            if completion is not None and _valid(_ProbeColor, _to_result(completion, 0).text):
                return mode
        return None

    async def _probe_logprobs(self) -> bool:
        completion = await self._probe(messages=_PROBE_MESSAGES, logprobs=True, top_logprobs=2)
        if completion is None:
            return False
        tokens = _to_result(completion, 0.0).logprobs
        return bool(tokens) and all(t.logprob <= 0.0 for t in tokens or [])

    # ----------------------------------------------------------------- structured

    async def structured(
        self,
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
        reasks = self.max_reasks if max_reasks is None else max_reasks
        caps = await self.capabilities()
        schema = output.model_json_schema()
        convo = list(messages)
        kwargs: dict[str, Any] = {"max_tokens": max_tokens, "temperature": temperature}
        if caps.json_schema:
            mode = "json_schema"
            kwargs["response_format"] = _response_format(caps.json_schema, schema)
        elif caps.tool_choice:
            mode = "tool"
            name = _tool_name(output)
            kwargs["tools"] = [_tool_for(output, name, output.__doc__ or name)]
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
                    "content": prompting.render(
                        "structured_output", schema_json=json.dumps(schema)
                    ),
                }
            )
        raw: str | None = None
        problems: list[str] = []
        for attempt in range(reasks + 1):
            result = _to_result(await self._create(messages=convo, **kwargs), 0.0)
            raw = (
                result.tool_calls[0].arguments
                if mode == "tool" and result.tool_calls
                else (result.text or "")
            )
            try:
                return output.model_validate_json(_first_json_object(raw))
            except (ValidationError, ValueError) as exc:
                problems = _problems(exc)
                log.info(
                    "invalid %s from %s (attempt %d/%d): %s",
                    output.__name__,
                    self.base_url,
                    attempt + 1,
                    reasks + 1,
                    "; ".join(problems[:3]),
                )
            convo += [
                {"role": "assistant", "content": raw},
                {"role": "user", "content": prompting.render("reask", problems=problems[:10])},
            ]
        raise ModelOutputError(
            f"the LLM at {self.base_url} gave no valid {output.__name__} in {reasks + 1} "
            f"attempt(s) ({mode} mode); last problem: {problems[0] if problems else '?'}",
            last_completion=raw,
            errors=problems,
        )


# --------------------------------------------------------------------------- helpers


def _short(text: str, limit: int = 200) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _status_detail(exc: openai.APIStatusError) -> str:
    """The server's own error message, without the client's wrapping."""
    body: Any = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            body = inner.get("message") or inner.get("detail") or body
        else:
            body = inner
    text = body if isinstance(body, str) else json.dumps(body) if body else exc.response.text
    return _short(text or f"HTTP {exc.status_code}")


def _valid(model: type[BaseModel], text: str | None) -> bool:
    if not text:
        return False
    try:
        model.model_validate_json(_first_json_object(text))
    except (ValidationError, ValueError):
        return False
    return True


def _forced_tool(tool_choice: str | dict[str, Any] | None) -> str | None:
    """``"*"`` for "required", the tool's name for a named choice, else None."""
    if tool_choice == "required":
        return "*"
    if isinstance(tool_choice, dict):
        name = tool_choice.get("function", {}).get("name")
        return str(name) if name else None
    return None


def _function_name(tool: dict[str, Any]) -> str:
    return str(tool.get("function", {}).get("name", ""))


def _function_parameters(tool: dict[str, Any]) -> dict[str, Any]:
    params = tool.get("function", {}).get("parameters")
    return dict(params) if isinstance(params, dict) else {"type": "object"}


def _tool_name(model: type[BaseModel]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def _tool_for(model: type[BaseModel], name: str, description: str) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description.strip().splitlines()[0],
            "parameters": model.model_json_schema(),
        },
    }


def _response_format(
    mode: Literal["json_schema", "json_object_schema"], schema: dict[str, Any]
) -> dict[str, Any]:
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": "output", "schema": schema, "strict": True},
        }
    return {"type": "json_object", "schema": schema}


def _to_result(completion: ChatCompletion, seconds: float) -> ChatResult:
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


__all__ = [
    "Capabilities",
    "ChatResult",
    "ExplainerError",
    "LLMProvider",
    "StreamDelta",
    "TokenLogprob",
    "ToolCall",
]

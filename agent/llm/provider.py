"""One provider for any OpenAI-compatible chat endpoint (vLLM, llama.cpp, OpenAI, ...).

The provider owns the ``openai.AsyncOpenAI`` client, its base URL, key and timeouts, and
hides the differences between servers behind a cached capability probe
(:mod:`agent.llm.capabilities`):

* network retries (:mod:`agent.llm.retries`) on connection errors, 429 and 5xx, honouring
  ``Retry-After``; the client's own retries are off so the two never multiply;
* ``chat(...)`` takes a neutral ``json_schema=`` and ``logprobs=`` and translates them to
  what the server understands (``response_format`` flavour, ``top_logprobs``);
* ``structured(messages, Model)`` (:mod:`agent.llm.structured`) returns a validated
  pydantic object; re-asking after invalid output ends in :class:`ModelOutputError`.

Imports nothing from ``tools`` or the other rooms of ``agent``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx
from pydantic import BaseModel
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from agent.errors import (
    BackendUnavailableError,
    BadInputError,
    LLMTimeoutError,
    RealLLMForbiddenError,
)
from agent.llm import metering
from agent.llm.retries import WaitRetryAfter, is_transient
from agent.llm.wire import (
    Capabilities,
    ChatResult,
    Message,
    StreamDelta,
    forced_tool,
    function_name,
    response_format,
    short,
    status_detail,
    to_result,
)
from agent.settings import Settings

if TYPE_CHECKING:  # openai loads with the first provider (0.3 s), not with the CLI
    from openai.types.chat import ChatCompletion

log = logging.getLogger(__name__)

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

FORBID_ENV = "EXPLAINER_FORBID_REAL_LLM"
FIX_HINT = "start one with `explainer llm serve` or set EXPLAINER_LLM_BASE_URL"


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
                "use agent.llm.testing.ScriptedLLM or mark the test with @pytest.mark.llm"
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
            raise BackendUnavailableError(f"no LLM base URL: {FIX_HINT}")
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
            wait=WaitRetryAfter(self.retry_max_wait),
            retry=retry_if_exception(is_transient),
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
            message = f"no LLM answers at {self.base_url}: {FIX_HINT}"
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
            detail = status_detail(exc)
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

    async def create(self, retries: int | None = None, **kwargs: Any) -> ChatCompletion:
        model = await self.model_name()
        kwargs = metering.apply_limits(kwargs)
        completion: ChatCompletion = await self._call(
            lambda: self._client.chat.completions.create(model=model, **kwargs),
            retries=retries,
        )
        metering.record(getattr(completion, "usage", None))
        choices = getattr(completion, "choices", None)
        if not isinstance(choices, list) or not choices or not hasattr(choices[0], "message"):
            raise BackendUnavailableError(
                f"the server at {self.base_url} returned something that is not a chat "
                f"completion: {short(repr(completion))}"
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
            forced = forced_tool(tool_choice)
            if forced is not None:
                caps = await self.capabilities()
                if caps.tool_choice == "required" and forced != "*":
                    # The server can force "some tool" only: offer just the named one.
                    tools = [t for t in tools if function_name(t) == forced] or tools
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
            kwargs["response_format"] = response_format(caps.json_schema, json_schema)
        if logprobs:
            # llama-cpp-python returns chat logprobs only when top_logprobs is set.
            kwargs["logprobs"] = True
            kwargs["top_logprobs"] = max(1, top_logprobs)
        if seed is not None:
            kwargs["seed"] = seed
        if stop:
            kwargs["stop"] = list(stop)
        started = time.perf_counter()
        completion = await self.create(**kwargs)
        return to_result(completion, time.perf_counter() - started)

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
                f"the LLM at {self.base_url} broke off its stream: {short(str(exc))}"
            ) from exc

    # ----------------------------------------------------------------- delegated

    async def capabilities(self, *, refresh: bool = False) -> Capabilities:
        """What the endpoint supports: pinned, or probed once and cached
        (:mod:`agent.llm.capabilities`)."""
        if self._pinned is not None:
            return self._pinned
        from agent.llm.capabilities import capabilities

        return await capabilities(self, refresh=refresh)

    async def _emulated_tool_call(
        self, messages: Sequence[Message], tools: list[dict[str, Any]], forced: str, *,
        max_tokens: int, temperature: float,
    ) -> ChatResult:  # fmt: skip
        from agent.llm.structured import emulated_tool_call

        return await emulated_tool_call(self, messages, tools, forced, max_tokens=max_tokens,
                                        temperature=temperature)  # fmt: skip

    async def structured(
        self,
        messages: Sequence[Message],
        output: type[M],
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        max_reasks: int | None = None,
    ) -> M:
        """A reply validated as ``output`` (:func:`agent.llm.structured.structured`)."""
        from agent.llm.structured import structured

        return await structured(self, messages, output, max_tokens=max_tokens,
                                temperature=temperature, max_reasks=max_reasks)  # fmt: skip

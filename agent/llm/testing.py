"""A scripted fake LLM for tests: enqueue replies, tool calls and HTTP failures.

:class:`ScriptedLLM` speaks the OpenAI chat-completions wire format through an
``httpx.MockTransport``, so the code under test runs the real :class:`LLMProvider`
(retries, capability handling, ``structured``) with no server and no network::

    llm = ScriptedLLM()
    llm.tool_call("attribute", {"text": "not bad", "method": "occlusion"})
    llm.reply("The word 'not' mattered most [E1].")
    provider = llm.provider()
    ...
    assert llm.requests[0]["tools"][0]["function"]["name"] == "attribute"
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from agent.llm.provider import LLMProvider
from agent.llm.wire import Capabilities

_ALL = Capabilities(tools=True, tool_choice="named", json_schema="json_schema", logprobs=True)
_counter = itertools.count(1)


@dataclass
class _Reply:
    text: str | None = None
    tool_calls: list[tuple[str, str]] = field(default_factory=list)
    logprobs: list[tuple[str, float]] | None = None
    finish_reason: str | None = None


@dataclass
class _Failure:
    status: int
    headers: dict[str, str]
    body: str


Scripted = _Reply | _Failure | Callable[[dict[str, Any]], "_Reply | _Failure"]


class ScriptedLLM:
    """An OpenAI-compatible endpoint that answers from a queue, in order.

    Args:
        capabilities: What the fake endpoint claims to support (default: everything).
        model: The model name it lists.
        latency: Seconds every completion takes (awaited, so the event loop runs on),
            as a real server's would: streaming tests see what arrives before the LLM.
    """

    def __init__(
        self, capabilities: Capabilities = _ALL, model: str = "scripted", latency: float = 0.0
    ):
        self.capabilities = capabilities
        self.model = model
        self.latency = latency
        self.base_url = f"http://scripted-{next(_counter)}.invalid/v1"
        self.requests: list[dict[str, Any]] = []
        self.unexpected: list[str] = []
        self._queue: deque[Scripted] = deque()
        self._always: Scripted | None = None

    # ------------------------------------------------------------- scripting

    def reply(
        self,
        text: str,
        *,
        logprobs: list[tuple[str, float]] | None = None,
        finish_reason: str | None = None,
    ) -> ScriptedLLM:
        """Enqueue a plain text reply (optionally with per-token log-probabilities, or a
        finish reason such as "length" for a reply cut off by the token limit)."""
        self._queue.append(_Reply(text=text, logprobs=logprobs, finish_reason=finish_reason))
        return self

    def reply_json(self, obj: Any) -> ScriptedLLM:
        """Enqueue a text reply holding ``obj`` as JSON."""
        return self.reply(json.dumps(obj))

    def tool_call(self, name: str, arguments: Mapping[str, Any] | str) -> ScriptedLLM:
        """Enqueue a reply that calls tool ``name`` (arguments as a dict or raw JSON text)."""
        raw = arguments if isinstance(arguments, str) else json.dumps(dict(arguments))
        self._queue.append(_Reply(tool_calls=[(name, raw)]))
        return self

    def fail(
        self, status: int, *, headers: Mapping[str, str] | None = None, body: str = ""
    ) -> ScriptedLLM:
        """Enqueue an HTTP error response (e.g. 503 with a ``Retry-After`` header)."""
        self._queue.append(_Failure(status, dict(headers or {}), body or f"scripted {status}"))
        return self

    def respond(self, fn: Callable[[dict[str, Any]], _Reply | _Failure]) -> ScriptedLLM:
        """Enqueue a function of the request body that builds the reply."""
        self._queue.append(fn)
        return self

    def always(self, text: str) -> ScriptedLLM:
        """Reply ``text`` whenever nothing else is queued (load tests, fuzzing)."""
        self._always = _Reply(text=text)
        return self

    @property
    def pending(self) -> int:
        """Scripted replies not yet consumed."""
        return len(self._queue)

    # ------------------------------------------------------------- wiring

    def transport(self) -> httpx.MockTransport:
        if not self.latency:
            return httpx.MockTransport(self._handle)

        async def slow(request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/completions"):
                await asyncio.sleep(self.latency)
            return self._handle(request)

        return httpx.MockTransport(slow)

    def provider(self, **kwargs: Any) -> LLMProvider:
        """An :class:`LLMProvider` wired to this fake (fast retries unless overridden)."""
        kwargs.setdefault("retry_max_wait", 0.01)
        return LLMProvider(
            self.base_url,
            model=self.model,
            capabilities=self.capabilities,
            http_client=httpx.AsyncClient(transport=self.transport()),
            **kwargs,
        )

    # ------------------------------------------------------------- server side

    def _handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "GET" and path.endswith("/models"):
            return httpx.Response(
                200, json={"object": "list", "data": [{"id": self.model, "object": "model"}]}
            )
        if request.method != "POST" or not path.endswith("/chat/completions"):
            return httpx.Response(404, json={"error": {"message": f"no route {path}"}})
        body = json.loads(request.content or b"{}")
        self.requests.append(body)
        if not self._queue and self._always is not None:
            self._queue.append(self._always)
        if not self._queue:
            message = f"ScriptedLLM has no reply left for request #{len(self.requests)}"
            self.unexpected.append(message)
            return httpx.Response(500, json={"error": {"message": message}})
        item = self._queue.popleft()
        if callable(item):
            item = item(body)
        if isinstance(item, _Failure):
            return httpx.Response(
                item.status, headers=item.headers, json={"error": {"message": item.body}}
            )
        if body.get("stream"):
            return httpx.Response(
                200,
                headers={"content-type": "text/event-stream"},
                content=self._sse(item),
            )
        return httpx.Response(200, json=self._completion(item))

    def _completion(self, item: _Reply) -> dict[str, Any]:
        message: dict[str, Any] = {"role": "assistant", "content": item.text}
        if item.tool_calls:
            message["tool_calls"] = [
                {"id": f"call_{i}", "type": "function", "function": {"name": n, "arguments": a}}
                for i, (n, a) in enumerate(item.tool_calls)
            ]
        choice: dict[str, Any] = {
            "index": 0,
            "message": message,
            "finish_reason": item.finish_reason or ("tool_calls" if item.tool_calls else "stop"),
        }
        if item.logprobs is not None:
            choice["logprobs"] = {
                "content": [
                    {"token": t, "logprob": lp, "bytes": None, "top_logprobs": []}
                    for t, lp in item.logprobs
                ]
            }
        completion_tokens = len((item.text or "").split()) or 1
        return {
            "id": f"chatcmpl-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [choice],
            "usage": {
                "prompt_tokens": 10,
                "completion_tokens": completion_tokens,
                "total_tokens": 10 + completion_tokens,
            },
        }

    def _sse(self, item: _Reply) -> bytes:
        words = (item.text or "").split(" ")
        pieces = [w if i == 0 else " " + w for i, w in enumerate(words)]
        events = []
        for piece in pieces:
            chunk = {
                "id": "chatcmpl-stream",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": self.model,
                "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
            }
            events.append(f"data: {json.dumps(chunk)}\n\n")
        events.append("data: [DONE]\n\n")
        return "".join(events).encode()

"""Network retries and typed errors of the provider, against httpx.MockTransport."""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Callable

import httpx
import pytest

from agent.errors import BackendUnavailableError, BadInputError, LLMTimeoutError
from agent.llm import LLMProvider
from agent.llm.testing import ScriptedLLM

URL = "http://llm.invalid/v1"
MODELS = {"object": "list", "data": [{"id": "m", "object": "model"}]}
MESSAGES = [{"role": "user", "content": "hi"}]


def completion(text: str) -> dict[str, object]:
    return {
        "id": "c1",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
    }


class Recorder:
    """Records the waits the provider asks for, without waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def provider(handler: Callable[[httpx.Request], httpx.Response], **kwargs: object) -> LLMProvider:
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return LLMProvider(URL, model="m", http_client=client, **kwargs)  # type: ignore[arg-type]


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def test_client_retries_are_off_so_they_never_multiply() -> None:
    p = provider(lambda r: httpx.Response(200, json=completion("x")))
    assert p._client.max_retries == 0


def test_retry_on_503_then_success() -> None:
    llm = ScriptedLLM().fail(503).fail(503).reply("fine")
    sleeps = Recorder()
    p = llm.provider(sleep=sleeps)
    result = run(p.chat(MESSAGES))
    assert result.text == "fine"
    assert len(llm.requests) == 3
    assert len(sleeps.waits) == 2


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"Retry-After": "0.25"}, 0.25),
        ({"retry-after-ms": "1500"}, 1.5),
    ],
)
def test_retry_after_is_honoured(headers: dict[str, str], expected: float) -> None:
    llm = ScriptedLLM().fail(429, headers=headers).reply("ok")
    sleeps = Recorder()
    p = llm.provider(sleep=sleeps, retry_max_wait=30.0)
    assert run(p.chat(MESSAGES)).text == "ok"
    assert sleeps.waits == [pytest.approx(expected)]


def test_retry_after_http_date_and_cap() -> None:
    when = email.utils.formatdate(time.time() + 20, usegmt=True)
    llm = (
        ScriptedLLM()
        .fail(503, headers={"Retry-After": when})
        .fail(503, headers={"Retry-After": "3600"})
        .reply("ok")
    )
    sleeps = Recorder()
    p = llm.provider(sleep=sleeps, retry_max_wait=30.0)
    assert run(p.chat(MESSAGES)).text == "ok"
    assert 17.0 <= sleeps.waits[0] <= 20.5  # an HTTP date ~20 s ahead
    assert sleeps.waits[1] == 30.0  # an hour is capped at retry_max_wait


def test_retries_exhausted_gives_typed_error_with_status() -> None:
    llm = ScriptedLLM()
    for _ in range(4):
        llm.fail(503, body="overloaded")
    p = llm.provider(sleep=Recorder(), max_retries=3)
    with pytest.raises(BackendUnavailableError, match=r"HTTP 503 after 4 attempt\(s\): overloaded"):
        run(p.chat(MESSAGES))
    assert len(llm.requests) == 4


def test_client_errors_are_not_retried() -> None:
    llm = ScriptedLLM().fail(400, body="bad field").reply("never")
    p = llm.provider(sleep=Recorder())
    with pytest.raises(BadInputError, match="HTTP 400"):
        run(p.chat(MESSAGES))
    assert len(llm.requests) == 1
    assert llm.pending == 1


def test_timeout_is_a_typed_error_naming_url_and_fix() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadTimeout("timed out", request=request)

    p = provider(handler, timeout=1.5, sleep=Recorder())
    with pytest.raises(LLMTimeoutError) as info:
        run(p.chat(MESSAGES))
    message = str(info.value)
    assert URL in message and "1.5 s" in message and "EXPLAINER_LLM_TIMEOUT" in message
    assert len(calls) == 1  # a timeout is not retried


def test_connection_refused_names_url_and_fix() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    sleeps = Recorder()
    p = provider(handler, sleep=sleeps, max_retries=2)
    with pytest.raises(BackendUnavailableError) as info:
        run(p.chat(MESSAGES))
    assert f"no LLM answers at {URL}" in str(info.value)
    assert "explainer llm serve" in str(info.value)
    assert len(sleeps.waits) == 2


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="<html>gateway says hi</html>"),
        httpx.Response(200, json={"unexpected": True}),
        httpx.Response(200, json={"choices": []}),
    ],
)
def test_garbage_from_server_is_a_clear_error(response: httpx.Response) -> None:
    p = provider(lambda r: response, sleep=Recorder())
    with pytest.raises(BackendUnavailableError, match="not a chat completion"):
        run(p.chat(MESSAGES))


def test_model_name_comes_from_server_listing() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/models"):
            return httpx.Response(200, json=MODELS)
        assert request.read() and b'"model":"m"' in request.read().replace(b" ", b"")
        return httpx.Response(200, json=completion("hello"))

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    p = LLMProvider(URL, http_client=client)
    assert run(p.chat(MESSAGES)).text == "hello"
    assert p.model == "m"

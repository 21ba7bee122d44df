"""Use cases of the chat face: the configured LLM, the agent, a plain question.

The LLM is ``EXPLAINER_LLM_BASE_URL`` when set; otherwise the recorded embedded server,
restarted if it died, or a new one (it keeps running for the next command).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from agent.chat.agent import Agent, Narration, Router
from agent.chat.sessions import SessionStore
from agent.errors import ExplainerError
from agent.llm import LLMProvider, prompting
from agent.llm.serving import ServerManager
from agent.settings import Settings


@dataclass(frozen=True)
class Connection:
    """The provider for the LLM in use, where it came from, and the seconds it took to
    start when it was started now (else None)."""

    provider: LLMProvider
    source: str
    start_seconds: float | None = None


def connect(settings: Settings, on_event: Callable[[str], None] = lambda _: None) -> Connection:
    """A provider for the configured LLM, starting the embedded server if needed.

    ``on_event`` hears what happens before the provider is ready ("restarting ...",
    "starting ..."), for a face to show.
    """
    if settings.llm_base_url:
        return Connection(LLMProvider.from_settings(settings), "EXPLAINER_LLM_BASE_URL")
    manager = ServerManager(settings)
    status = manager.status()
    if status.state == "running" and status.record is not None:
        return Connection(
            LLMProvider.from_settings(settings, status.record.url), "embedded (running)"
        )
    if status.state != "stopped":
        on_event(f"{status.detail}; restarting it")
    on_event("starting the embedded LLM server (SmolLM2-135M-Instruct)…")
    record, _ = manager.serve()
    return Connection(
        LLMProvider.from_settings(settings, record.url),
        "embedded (started now; `explainer llm stop` stops it)",
        record.start_seconds,
    )


def build_agent(
    provider: LLMProvider,
    settings: Settings,
    *,
    router: Router = "auto",
    mark: bool = False,
    narration: Narration | None = None,
) -> Agent:
    """The chat agent over the user's session store (``<state_dir>/sessions.sqlite``);
    ``narration`` defaults to the settings' (EXPLAINER_NARRATION)."""
    store = SessionStore(settings.state_dir / "sessions.sqlite")
    return Agent(provider, store, router=router, policy="mark" if mark else "remove",
                 narration=narration or settings.narration)  # fmt: skip


async def ask_llm(
    provider: LLMProvider,
    question: str,
    *,
    max_tokens: int = 200,
    on_text: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Ask the explainer LLM a plain question, streamed (``on_text`` hears each piece);
    the answer with its timings (first token, total, tokens per second)."""
    messages = [
        {"role": "system", "content": prompting.render("ask_system", max_sentences=3)},
        {"role": "user", "content": question},
    ]
    started = time.perf_counter()
    first: float | None = None
    pieces: list[str] = []
    chunks = 0
    usage_completion: int | None = None
    usage_prompt: int | None = None
    async with provider:
        model = await provider.model_name()
        async for delta in provider.stream_chat(messages, max_tokens=max_tokens):
            if delta.text:
                first = first or time.perf_counter()
                chunks += 1
                pieces.append(delta.text)
                on_text(delta.text)
            usage_completion = delta.completion_tokens or usage_completion
            usage_prompt = delta.prompt_tokens or usage_prompt
    total = time.perf_counter() - started
    answer = "".join(pieces).strip()
    if not answer:
        raise ExplainerError(f"the LLM at {provider.base_url} returned an empty answer")
    tokens = usage_completion or chunks
    generating = total - ((first or started) - started)
    return {
        "answer": answer,
        "model": model,
        "base_url": provider.base_url,
        "timings": {
            "first_token_s": round((first or started) - started, 3),
            "total_s": round(total, 3),
            "completion_tokens": tokens,
            "prompt_tokens": usage_prompt,
            "tokens_per_s": round(tokens / generating, 1) if generating > 0 else None,
        },
    }

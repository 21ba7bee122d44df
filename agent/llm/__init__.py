"""The LLM room: one provider for any OpenAI-compatible endpoint and everything that
serves or fakes one.

- :mod:`~agent.llm.provider` the client (timeouts, network retries, typed errors);
  :mod:`~agent.llm.capabilities` the probe; :mod:`~agent.llm.structured` validated output
  and emulated tool calls; :mod:`~agent.llm.wire` the server-neutral result models;
  :mod:`~agent.llm.retries` the retry policy; :mod:`~agent.llm.prompting` the prompt files.
- :mod:`~agent.llm.engines` and :mod:`~agent.llm.serving` start, find and stop the
  embedded llama.cpp server (or vLLM); :mod:`~agent.llm.xllamacpp_server` is its process.
- :mod:`~agent.llm.testing` the scripted LLM for tests.

Imports nothing from ``tools`` and nothing from the other rooms of ``agent``.
"""

from agent.llm.provider import FORBID_ENV, LLMProvider
from agent.llm.wire import Capabilities, ChatResult, StreamDelta, TokenLogprob, ToolCall

__all__ = [
    "FORBID_ENV",
    "Capabilities",
    "ChatResult",
    "LLMProvider",
    "StreamDelta",
    "TokenLogprob",
    "ToolCall",
]

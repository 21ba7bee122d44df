"""Tests not marked `llm` cannot reach a real LLM, by accident or otherwise."""

from __future__ import annotations

import pytest

from agent.errors import RealLLMForbiddenError
from agent.llm import LLMProvider
from agent.llm.serving import ServerManager
from agent.settings import get_settings


def test_real_provider_is_refused_outside_llm_tests() -> None:
    with pytest.raises(RealLLMForbiddenError, match="mark the test"):
        LLMProvider("http://127.0.0.1:8080/v1")


def test_starting_a_server_is_refused_outside_llm_tests() -> None:
    with pytest.raises(RealLLMForbiddenError):
        ServerManager(get_settings()).serve()

"""Test set-up: offline, an isolated state dir per test, and no real LLM unless marked."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.llm import FORBID_ENV

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def require_module(name: str) -> None:
    """Skip unless ``name`` is installed, without importing it in this process
    (importing llama_cpp leaves /dev/null handles open at exit)."""
    if importlib.util.find_spec(name) is None:
        pytest.skip(f"{name} is not installed")


@pytest.fixture(autouse=True)
def _isolated(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Each test gets its own state dir; tests not marked `llm` cannot reach a real LLM."""
    monkeypatch.setenv("EXPLAINER_STATE_DIR", str(tmp_path / "state"))
    for name in ("EXPLAINER_LLM_BASE_URL", "EXPLAINER_LLM_MODEL", "EXPLAINER_EMBEDDED_ENGINE"):
        monkeypatch.delenv(name, raising=False)
    if request.node.get_closest_marker("llm") is None:
        monkeypatch.setenv(FORBID_ENV, "1")
    else:
        monkeypatch.delenv(FORBID_ENV, raising=False)


def _shared_server(factory: pytest.TempPathFactory, engine: str) -> Iterator[str]:
    from agent.serving import ServerManager
    from agent.settings import Settings

    require_module("llama_cpp" if engine == "llama-cpp-python" else "xllamacpp")
    manager = ServerManager(Settings(state_dir=factory.mktemp(engine), embedded_parallel=2))
    saved = os.environ.pop(FORBID_ENV, None)
    try:
        record, _ = manager.serve(engine)  # type: ignore[arg-type]
    finally:
        if saved is not None:
            os.environ[FORBID_ENV] = saved
    yield record.url
    manager.stop()


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The default embedded server (xllamacpp, SmolLM2), shared by `llm` tests; its URL."""
    yield from _shared_server(tmp_path_factory, "xllamacpp")


@pytest.fixture(scope="session")
def llama_cpp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The llama-cpp-python engine with SmolLM2, shared by `llm` tests; its URL."""
    yield from _shared_server(tmp_path_factory, "llama-cpp-python")

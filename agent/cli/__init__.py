"""The ``explainer`` command line, a face: one module per command group parses options,
shows progress and renders; the steps of each job are the use cases' (``agent.usecases``).

- :mod:`~agent.cli.common` the apps, consoles and the error edge;
- :mod:`~agent.cli.explain` ``ask``, ``explain``, ``chat``; :mod:`~agent.cli.datasets`
  ``explain-csv``; :mod:`~agent.cli.audits` ``audit``; :mod:`~agent.cli.llm` ``llm …``;
  :mod:`~agent.cli.serve` ``serve``; :mod:`~agent.cli.mcp` ``mcp``; :mod:`~agent.cli.verify`
  ``verify``; :mod:`~agent.cli.concepts` ``steer``; :mod:`~agent.cli.neurons` ``neuron``;
  :mod:`~agent.cli.render` heatmaps and tables.

A command loads only its own module (``explainer explain-csv`` never imports the chat
stack: a quarter of a second at every start); help, an unknown command and ``app`` load
them all, in the order their commands are listed.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import logging
import os
import sys
from typing import Any

#: Each command module, in the order help lists their commands.
MODULES = ("audits", "concepts", "datasets", "explain", "llm", "mcp", "neurons", "serve",
           "verify")  # fmt: skip
COMMANDS = {
    "audit": "audits",
    "steer": "concepts",
    "explain-csv": "datasets",
    "ask": "explain",
    "explain": "explain",
    "chat": "explain",
    "llm": "llm",
    "mcp": "mcp",
    "neuron": "neurons",
    "serve": "serve",
    "verify": "verify",
}


def _load(modules: tuple[str, ...] = MODULES) -> Any:
    for name in modules:
        importlib.import_module(f"agent.cli.{name}")
    from agent.cli.common import app

    return app


def main() -> None:
    """Console-script entry point: run the command, then end the process at once.

    Tearing down the interpreter frees every module and object one by one: after
    ``explain-csv`` (pandas, scikit-learn, scipy and the EBM loaded, 1,700 modules) that
    took 0.5 s of a 7 s run, and the command had nothing left to do. So the output streams
    are flushed, the exit handlers run (logging's among them), and the process ends with
    the command's status. The embedded LLM server is a recorded process of its own
    (``explainer llm stop``), not a child this exit could orphan."""
    code = run()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing reaches it
            stream.flush()
    atexit._run_exitfuncs()
    logging.shutdown()
    os._exit(code)


def run() -> int:
    """Run the command ``sys.argv`` names (loading only its module); its exit status."""
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    module = COMMANDS.get(command or "")
    try:
        _load((module,) if module else MODULES)()
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)  # as the interpreter prints a message's exit
        return 1
    return 0


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole app, every command registered
        return _load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COMMANDS", "MODULES", "app", "main", "run"]

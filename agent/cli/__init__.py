"""The ``explainer`` command line, a face: one module per command group parses options,
shows progress and renders; the steps of each job are the use cases' (``agent.usecases``).

- :mod:`~agent.cli.common` the apps, consoles and the error edge;
- :mod:`~agent.cli.explain` ``ask``, ``explain``, ``chat``; :mod:`~agent.cli.datasets`
  ``explain-csv``; :mod:`~agent.cli.audits` ``audit``; :mod:`~agent.cli.llm` ``llm …``;
  :mod:`~agent.cli.serve` ``serve``; :mod:`~agent.cli.mcp` ``mcp``; :mod:`~agent.cli.verify`
  ``verify``;
  :mod:`~agent.cli.render` heatmaps and tables.
"""

from agent.cli import (  # noqa: F401
    audits,
    concepts,
    datasets,
    explain,
    llm,
    mcp,
    neurons,
    serve,
    verify,
)
from agent.cli.common import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]

"""``python -m agent.cli``: the same as the ``explainer`` command."""

from agent.cli import main

main()

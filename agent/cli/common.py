"""What every command of the ``explainer`` CLI shares: the Typer apps, the two consoles
(results on stdout, progress and errors on stderr), and the edge that turns an
:class:`ExplainerError` into one red line and its exit code, never a traceback.

A face: it may import the use cases and the rooms' result types, never the service.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from agent.errors import BadInputError, ExplainerError
from agent.settings import Settings

if TYPE_CHECKING:  # the chat stack loads when a command connects, not with every command
    from agent.usecases.chat import Connection

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="explainer",
    help="Explain models, datasets and other models' outputs, with every claim checked "
    "against evidence computed by code.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
llm_app = typer.Typer(help="Run and inspect the explainer's LLM server.", no_args_is_help=True)
app.add_typer(llm_app, name="llm")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def reflow(doc: str | None) -> str | None:
    """A docstring as command help: each paragraph on one line, so the terminal wraps it
    at its own width instead of at the source's line breaks."""
    if not doc:
        return doc
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def edge(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn ExplainerError into a one-line message and its exit code; reflow the help."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except ExplainerError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None

    wrapper.__doc__ = reflow(fn.__doc__)
    return wrapper


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        # httpx logs every request at INFO; keep that for --verbose only.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        # Libraries' warnings (deprecations of transformers, torch, ...) are for us, not for
        # the user: they go to the log, which -v shows; the user sees our messages only.
        logging.captureWarnings(True)
        logging.getLogger("py.warnings").setLevel(logging.ERROR)


def choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"unknown {what} {value!r}; choose one of {', '.join(allowed)}")
    return value


def connect_shown(settings: Settings) -> Connection:
    """The configured LLM (:func:`agent.usecases.chat.connect`), showing on stderr what
    starting it takes."""
    status = err.status("connecting to the LLM…")

    def event(message: str) -> None:
        if message.startswith("starting"):
            status.update(escape(message))
            status.start()
        else:
            err.print(f"[yellow]{escape(message)}[/]")

    try:
        from agent.usecases.chat import connect

        connection = connect(settings, event)
    finally:
        status.stop()
    if connection.start_seconds is not None:
        err.print(f"[dim]embedded LLM started in {connection.start_seconds:.2f} s "
                  f"({escape(connection.source)})[/]")  # fmt: skip
    return connection


# ------------------------------------------------------------ served faces (serve, mcp)

TargetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--target",
        help="Serve another target model as NAME=PATH (.gguf or transformers dir; repeat). "
        "Clients name it; they never send paths.",
    ),
]
AllowedHostOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allowed-host",
        help="Without a token, answer this Host name too (repeat); by default only "
        "localhost, 127.0.0.1 and ::1 (a guard against DNS rebinding).",
    ),
]


def served_targets(items: list[str] | None) -> list[str]:
    """The default target plus every ``--target NAME=PATH`` (aliased for the tools)."""
    from tools.models import DEFAULT_TARGET, alias_target

    served = [DEFAULT_TARGET]
    for item in items or []:
        name, _, spec = item.partition("=")
        if not name.strip() or not spec.strip() or name.strip() in ("explainer", DEFAULT_TARGET):
            raise BadInputError(f"--target {item!r}: use NAME=PATH with a new NAME")
        if not Path(spec).expanduser().exists():
            raise BadInputError(f"--target {name}: no such file or folder {spec!r}")
        alias_target(name.strip(), str(Path(spec).expanduser()))
        served.append(name.strip())
    return served

"""``explainer neuron LAYER [UNIT]``: where one unit of the target fires over a corpus, an
explanation of it (by the explainer LLM, or code's top tokens), and that explanation's
simulation score on held-out snippets."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from agent.cli.common import app, connect_shown, edge, err, out
from agent.errors import BadInputError
from agent.settings import get_settings
from tools.models import DEFAULT_TARGET


def _lines(path: Path) -> list[str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInputError(f"cannot read {path}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
        raise BadInputError(f"{path} is not UTF-8 text ({where}): one text per line") from None
    return [line for line in text.splitlines() if line.strip()]


@app.command("neuron")
@edge
def neuron_cmd(
    layer: Annotated[int, typer.Argument(help="Block (1-based): its MLP neuron or output.")],
    unit: Annotated[int | None, typer.Argument(help="MLP neuron index (or a direction).")] = None,
    positive: Annotated[
        list[str] | None, typer.Option(help="A text with the concept (repeat): a direction.")
    ] = None,
    negative: Annotated[list[str] | None, typer.Option(help="A text without it (repeat).")] = None,
    corpus: Annotated[
        Path | None, typer.Option(help="Texts, one per line (default: Rotten Tomatoes snippets).")
    ] = None,
    corpus_size: Annotated[int, typer.Option(help="Default-corpus texts scanned.")] = 400,
    top_k: Annotated[int, typer.Option(help="Snippets shown to the explainer.")] = 8,
    model: Annotated[str, typer.Option(help="Target: smollm2, a .gguf or a directory.")] = (
        DEFAULT_TARGET
    ),
    llm: Annotated[bool, typer.Option(help="Ask the explainer LLM for the explanation.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print everything as JSON.")] = False,
) -> None:
    """Explain one unit of the target: its top-activating snippets over a corpus, an
    explanation, and how well that explanation predicts the unit on held-out snippets.

    The explainer LLM writes the explanation (the words the unit fires on) from the top
    snippets, quoted as data; code simulates the unit from those words on other snippets
    and scores the simulation by correlation with the true activations — shown as it is,
    however low, next to the score of code's own explanation (the top tokens).
    """
    from agent.usecases.neurons import explain_unit, read_unit

    arguments = {"layer": layer, "unit": unit, "positive": positive or [],
                 "negative": negative or [], "corpus": _lines(corpus) if corpus else [],
                 "corpus_size": corpus_size, "top_k": top_k, "model": model}  # fmt: skip
    with err.status(f"reading the unit on {model}…"):
        result = read_unit(arguments)
    provider = connect_shown(get_settings()).provider if llm else None

    async def run() -> object:
        if provider is None:
            return await explain_unit(None, result)
        async with provider:
            return await explain_unit(provider, result)

    with err.status("explaining and scoring…"):
        done = asyncio.run(run())
    if as_json:
        sys.stdout.write(json.dumps({"activations": result.model_dump(mode="json"),
                                     "explanation": done.model_dump(mode="json")},  # type: ignore[attr-defined]
                                    indent=1) + "\n")  # fmt: skip
        return
    out.print(escape(result.summary()))
    top = max((s.peak for s in result.top), default=0.0) or 1.0
    for s in result.top:
        line = Text(f"{s.peak:8.3g}  ")
        for (a, b), v in zip(s.spans, s.activations, strict=True):
            fade = int(255 - 155 * max(0.0, min(1.0, v / top)))
            line.append(s.text[a:b], style=f"on rgb(255,{fade},{fade})" if fade < 240 else "")
        out.print(line)
    out.print(escape(done.summary()))  # type: ignore[attr-defined]
    if done.description:  # type: ignore[attr-defined]
        out.print(f"[dim]the explainer's own words (not checked): "
                  f"{escape(done.description)}[/]")  # type: ignore[attr-defined]  # fmt: skip
    if done.note:  # type: ignore[attr-defined]
        err.print(f"[yellow]{escape(done.note)}[/]")  # type: ignore[attr-defined]

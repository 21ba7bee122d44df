"""``explainer steer CONCEPT``: a concept direction per layer from two contrast sets (given,
built in, or written by the explainer LLM and shown), an input's reading along it, and
whether adding it moves the target's decision more than a random direction does."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from agent.cli.common import app, connect_shown, edge, err, out
from agent.settings import get_settings
from tools.models import DEFAULT_TARGET


@app.command("steer")
@edge
def steer_cmd(
    concept: Annotated[str, typer.Argument(help="A name: 'sentiment' (built in) or any concept.")],
    positive: Annotated[list[str] | None, typer.Option(help="A text with the concept.")] = None,
    negative: Annotated[list[str] | None, typer.Option(help="A text without it (repeat).")] = None,
    text: Annotated[str | None, typer.Option(help="An input to read along the direction.")] = None,
    held_out: Annotated[list[str] | None, typer.Option(help="An input to steer (repeat).")] = None,
    continuation: Annotated[str, typer.Option(help="Start of the reply before deciding.")] = "",
    option: Annotated[list[str] | None, typer.Option(help="A decision option (repeat).")] = None,
    layer: Annotated[int | None, typer.Option(help="Steering layer (default: best).")] = None,
    alpha: Annotated[float, typer.Option(help="Multiple of the direction added.")] = 1.0,
    method: Annotated[str, typer.Option(help="mean_difference or probe.")] = "mean_difference",
    model: Annotated[str, typer.Option(help="Target model.")] = DEFAULT_TARGET,
    llm: Annotated[bool, typer.Option(help="Let the explainer LLM write missing sets.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print sets and result as JSON.")] = False,
) -> None:  # fmt: skip
    """Find a concept direction in the target, read an input along it, and steer with it.

    The contrast sets are yours (--positive/--negative), built in ('sentiment'), or
    written by the explainer LLM for the concept and shown first. Per layer: the held-out
    separation of the two sets; the input's reading (-1 the negative set's mean, +1 the
    positive's); with held-out inputs, the share of decisions that adding the direction
    moves, next to a random direction of the same length.
    """
    from agent.usecases.concepts import contrast_sets, steer
    from tools.concept_sets import BUILTIN_STEERING

    provider = None
    if llm and not (positive or negative) and concept.lower() not in BUILTIN_STEERING:
        provider = connect_shown(get_settings()).provider

    async def sets() -> Any:
        if provider is None:
            return await contrast_sets(concept, positive, negative)
        async with provider:
            with err.status(f"the explainer LLM writes contrast sets for {concept!r}…"):
                return await contrast_sets(concept, positive, negative, provider)

    chosen = asyncio.run(sets())
    steering: dict[str, Any] = {"continuation": continuation, "options": option or []}
    if held_out:
        steering["held_out"] = held_out
    elif chosen.source == "built-in":
        steering = dict(BUILTIN_STEERING[concept.lower()])
    arguments = {"text": text, "layer": layer, "alpha": alpha, "method": method,
                 "model": model, **steering}  # fmt: skip
    with err.status(f"finding the direction on {model}…"):
        result = steer(chosen, **arguments)
    if as_json:
        both = {"sets": chosen.model_dump(mode="json"), "result": result.model_dump(mode="json")}
        sys.stdout.write(json.dumps(both, indent=1) + "\n")
        return
    out.print(f"[bold]contrast sets[/] ({chosen.source}): {len(chosen.positive)} with, "
              f"{len(chosen.negative)} without {escape(concept)!r}")  # fmt: skip
    for side, texts in (("+", chosen.positive), ("-", chosen.negative)):
        for t in texts[:4]:
            out.print(f"  {side} {escape(t)}")
        if len(texts) > 4:
            out.print(f"  [dim]… {len(texts) - 4} more[/]")
    table = Table("layer", "separation", "reading" if text else "norm")
    for d in result.layers:
        last = f"{d.reading:+.2f}" if d.reading is not None else f"{d.norm:.2f}"
        table.add_row(str(d.layer), f"{d.separation:.2f}", last)
    out.print(table)
    out.print(escape(result.summary()))

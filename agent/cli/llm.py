"""``explainer llm serve|status|stop|probe``: the explainer LLM's server (the embedded
llama.cpp one, or vLLM) and what its endpoint supports."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

import typer
from rich.table import Table

from agent.cli.common import connect_shown, edge, err, llm_app, out
from agent.llm.engines import ENGINES, Engine, build_command
from agent.llm.serving import ServerManager, describe, endpoint_status
from agent.settings import get_settings


@llm_app.command("serve")
@edge
def llm_serve(
    engine: Annotated[
        str | None,
        typer.Option(help=f"One of {', '.join(ENGINES)}; default EXPLAINER_EMBEDDED_ENGINE."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            help="GGUF path (llama.cpp engines), or model id or directory (vLLM; default: "
            "SmolLM2 de-quantized from its GGUF)."
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int | None, typer.Option(help="Port; default a free one.")] = None,
    tool_call_parser: Annotated[
        str | None, typer.Option(help="vLLM --tool-call-parser; default fits the model.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the server command; start nothing.")
    ] = False,
) -> None:
    """Start the LLM server (once; a running one is reused) and record its URL."""
    settings = get_settings()
    chosen = _engine(engine or settings.embedded_engine)
    if chosen == "vllm" and model is None and not dry_run:
        from tools.models import dequantized

        # The SmolLM2 GGUF, de-quantized once into a transformers directory: no hub access.
        model = str(dequantized())
    if dry_run:
        argv = build_command(
            chosen,
            model=model or str(settings.embedded_model_path or "<SmolLM2 GGUF>"),
            host=host,
            port=port or 8000,
            settings=settings,
            tool_call_parser=tool_call_parser,
        )
        out.print(" ".join(argv), markup=False)
        return
    with err.status(f"starting {chosen}…"):
        record, started = ServerManager(settings).serve(
            chosen, model=model, host=host, port=port, tool_call_parser=tool_call_parser
        )
    verb = f"started in {record.start_seconds:.2f} s" if started else "already running"
    out.print(
        f"{record.engine} {verb}: {record.url} (pid {record.pid}, model {record.model})",
        markup=False,
    )


@llm_app.command("status")
@edge
def llm_status(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Say whether the LLM the explainer will use answers; exit 3 if it is down or hangs.

    That is EXPLAINER_LLM_BASE_URL when it is set, else the recorded embedded server.
    """
    settings = get_settings()
    if settings.llm_base_url:
        status = endpoint_status(
            settings.llm_base_url,
            settings.llm_api_key.get_secret_value(),
            settings.llm_connect_timeout,
        )
    else:
        status = ServerManager(settings).status()
    if as_json:
        payload = {
            "state": status.state,
            "detail": status.detail,
            "record": describe(status.record) if status.record else None,
            "llm_base_url": settings.llm_base_url,
        }
        out.print_json(json.dumps(payload))
    else:
        out.print(f"{status.state}: {status.detail}", markup=False)
    if status.state in ("dead", "unresponsive"):
        raise typer.Exit(3)


@llm_app.command("stop")
@edge
def llm_stop() -> None:
    """Stop the recorded LLM server and everything it started."""
    record = ServerManager(get_settings()).stop()
    if record is None:
        out.print("no LLM server was running")
    else:
        out.print(f"stopped {record.engine} (pid {record.pid}) at {record.url}")


@llm_app.command("probe")
@edge
def llm_probe(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Probe what the LLM endpoint supports: tool calls, JSON-schema output, logprobs."""
    connection = connect_shown(get_settings())
    provider, source = connection.provider, connection.source

    async def run() -> dict[str, Any]:
        async with provider:
            caps = await provider.capabilities()
            return {
                "base_url": provider.base_url,
                "model": await provider.model_name(),
                **caps.model_dump(),
            }

    result = asyncio.run(run())
    if as_json:
        out.print_json(json.dumps(result))
        return
    table = Table(title=f"{result['model']} at {result['base_url']} ({source})")
    table.add_column("capability")
    table.add_column("value")
    for key in ("tools", "tool_choice", "json_schema", "logprobs"):
        table.add_row(key, str(result[key]))
    out.print(table)


def _engine(name: str) -> Engine:
    for engine in ENGINES:
        if engine == name:
            return engine
    raise typer.BadParameter(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")

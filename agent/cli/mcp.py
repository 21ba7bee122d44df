"""``explainer mcp``: the evidence tools and ``verify`` as an MCP server (stdio or
streamable HTTP). Like ``serve``, this command only parses options and starts the face
(:mod:`agent.mcp`; the import contract in the pyproject names this exception)."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from agent.access import check_bind
from agent.cli.common import AllowedHostOption, TargetOption, app, edge, err, served_targets
from agent.settings import get_settings


@app.command("mcp")
@edge
def mcp_cmd(
    transport: Annotated[
        Literal["stdio", "http"],
        typer.Option(help="stdio: one client on stdin/stdout; http: streamable HTTP at /mcp."),
    ] = "stdio",
    host: Annotated[str, typer.Option(help="Address to bind (http).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port (http).")] = 8765,
    target: TargetOption = None,
    allowed_host: AllowedHostOption = None,
) -> None:
    """Serve the evidence tools (attribute, confidence, what_if, logit_lens, probe,
    faithfulness, trace, steer, cot_faithfulness, neuron, ...) and verify to MCP clients.
    Each tool returns an evidence record (id, summary, facts, data); verify checks a
    text's claims against records.

    Over http the service's rules hold: `Authorization: Bearer $EXPLAINER_API_TOKEN` when
    the token is set; without it only loopback addresses are bound and only loopback Host
    names (and --allowed-host) are answered. attribute_endpoint (which calls a URL the
    client names) is offered over stdio only.
    """
    import anyio

    from agent.mcp import ToolServer, http_app, serve_stdio

    served = served_targets(target)
    if transport == "stdio":
        anyio.run(serve_stdio, ToolServer(served, local=True))
        return
    import uvicorn

    settings = get_settings()
    token = settings.api_token.get_secret_value() if settings.api_token else None
    check_bind(host, token)
    asgi = http_app(ToolServer(served, local=False), token=token,
                    allowed_hosts=tuple(allowed_host or ()))  # fmt: skip
    err.print(f"[dim]MCP on http://{host}:{port}/mcp (token {'required' if token else 'off'}; "
              f"targets {', '.join(served)})[/]")  # fmt: skip
    uvicorn.run(asgi, host=host, port=port, log_level="warning")

"""The MCP face (``explainer mcp``): the evidence tools and ``verify`` for any MCP client
(an IDE, an agent framework), over stdio or streamable HTTP.

- :mod:`~agent.mcp.server` the tools, their schemas and results;
- :func:`serve_stdio` and :func:`http_app` the two transports. Over HTTP the access rules
  are the service's (:mod:`agent.access`): bearer tokens when set, else loopback clients
  only.
"""

from __future__ import annotations

from typing import Any

from agent.access import BearerAuth, LoopbackGuard, parse_tokens
from agent.mcp.server import ToolServer


async def serve_stdio(tools: ToolServer) -> None:
    """Serve one client on this process's standard input and output."""
    from mcp.server.stdio import stdio_server

    async with stdio_server() as (read, write):
        await tools.server.run(read, write, tools.server.create_initialization_options())


def http_app(
    tools: ToolServer,
    *,
    token: str | None = None,
    allowed_hosts: tuple[str, ...] = (),
    path: str = "/mcp",
) -> Any:
    """The streamable-HTTP ASGI app at ``path``, behind the service's access rules."""
    app = tools.server.streamable_http_app(streamable_http_path=path)
    tokens = parse_tokens(token)
    return BearerAuth(app, tokens) if tokens else LoopbackGuard(app, extra=allowed_hosts)


__all__ = ["ToolServer", "http_app", "serve_stdio"]

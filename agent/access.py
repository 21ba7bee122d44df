"""Who may call a served face (the HTTP service and the MCP server over HTTP): the same
rules for both.

- With tokens (``EXPLAINER_API_TOKEN``, comma-separated: one tenant each) every request
  needs ``Authorization: Bearer <token>``; the tenant is a hash of the token.
- Without a token the server must be bound to a loopback address, and answers only
  requests whose ``Host`` is a loopback name (or one named with ``--allowed-host``) and
  whose ``Origin``, if any, is one of those too: a web page that rebinds its own domain to
  127.0.0.1, or a cross-site form, cannot reach it. CORS stays closed.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import secrets
from typing import Any

from agent.errors import BadInputError

#: The tenant of every caller of a token-less (loopback) server.
LOCAL_TENANT = "api:local"


def parse_tokens(token: str | None) -> list[str] | None:
    """``"a, b"`` → ``["a", "b"]``; no token → None (a token-less loopback server)."""
    return [t.strip() for t in (token or "").split(",") if t.strip()] or None


def tenant_of(authorization: str, tokens: list[str] | None) -> str | None:
    """The tenant an ``Authorization`` header value names, or None when it names none of
    ``tokens``. Without tokens every caller is the one local tenant."""
    if tokens is None:
        return LOCAL_TENANT
    given = (
        authorization.removeprefix("Bearer ").strip() if authorization.startswith("Bearer ") else ""
    )
    if not any(given and secrets.compare_digest(given, t) for t in tokens):
        return None
    return "api:" + hashlib.sha256(given.encode()).hexdigest()[:16]


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve a non-loopback address without a token."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not token:
        raise BadInputError(f"refusing to serve on {host} without EXPLAINER_API_TOKEN set")


async def _refuse(send: Any, status: int, detail: str, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), *headers]})  # fmt: skip
    await send({"type": "http.response.body", "body": json.dumps({"detail": detail}).encode()})


class BearerAuth:
    """ASGI middleware for apps that have no auth of their own (the MCP server over HTTP):
    401 without a known bearer token; the tenant goes to ``scope["state"]["tenant"]``."""

    def __init__(self, app: Any, tokens: list[str]):
        self.app, self.tokens = app, tokens

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        tenant = tenant_of(header, self.tokens)
        if tenant is None:
            await _refuse(send, 401, "missing or wrong bearer token",
                          [(b"www-authenticate", b"Bearer")])  # fmt: skip
            return
        scope.setdefault("state", {})["tenant"] = tenant
        await self.app(scope, receive, send)


#: Host names a loopback server answers to without a token.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def _host_of(value: str) -> str:
    """``example.com:8000`` → ``example.com``; ``[::1]:8000`` → ``::1``."""
    value = value.strip().casefold()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class LoopbackGuard:
    """For a server without a token: only requests whose ``Host`` is a loopback name (or
    one of ``extra``, ``--allowed-host``) are answered, so a web page that rebinds its
    own domain to 127.0.0.1 cannot reach the API; a request carrying an ``Origin`` from
    any other host (a cross-site form or fetch) is refused too. CORS stays closed: no
    ``Access-Control-*`` header is ever sent.
    """

    def __init__(self, app: Any, extra: tuple[str, ...] = ()):
        self.app = app
        self.allowed = {*LOOPBACK_HOSTS, *(_host_of(h) for h in extra)}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").casefold(): v.decode("latin-1") for k, v in scope["headers"]}
        host = _host_of(headers.get("host", ""))
        origin = headers.get("origin")
        why = None
        if host not in self.allowed:
            why = f"host {host!r} is not served here (allowed: {', '.join(sorted(self.allowed))})"
        elif origin is not None and origin != "null":
            origin_host = _host_of(origin.split("://", 1)[-1].split("/", 1)[0])
            if origin_host not in self.allowed:
                why = f"requests from origin {origin!r} are refused"
        elif origin == "null":
            why = "requests from an opaque origin are refused"
        if why is None:
            await self.app(scope, receive, send)
            return
        await _refuse(send, 403, why + "; a server without a token answers loopback clients "
                      "only (see --allowed-host)", [])  # fmt: skip

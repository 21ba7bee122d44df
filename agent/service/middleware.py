"""Cross-cutting pieces of the HTTP service: the request-body size guard (a pure ASGI
middleware, so nothing parses an oversized body) and the Prometheus metrics. The access
rules (loopback guard, bearer tokens) are shared with the MCP face: :mod:`agent.access`."""

from __future__ import annotations

import json
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from agent.chat.agent import TurnResult

MB = 1024 * 1024


class _TooLarge(BaseException):  # not Exception: body parsers must not swallow it
    pass


class BodyLimit:
    """413 for request bodies over ``limit`` bytes (JSON endpoints), from Content-Length
    or while the body streams in, before anything parses it. Uploads (``/v1/files``)
    have their own, larger limit."""

    def __init__(self, app: Any, limit: int, exempt: tuple[str, ...] = ("/v1/files",)):
        self.app, self.limit, self.exempt = app, limit, exempt

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def limited() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def watched(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Any) -> None:
        body = json.dumps({"detail": f"the request body is larger than {self.limit // MB} MB"})
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json")]})  # fmt: skip
        await send({"type": "http.response.body", "body": body.encode()})


class Metrics:
    """The service's Prometheus metrics, in a registry of its own (one per app)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("explainer_http_requests", "HTTP requests.",
                                ["method", "route", "status"], registry=r)  # fmt: skip
        self.latency = Histogram("explainer_http_request_seconds", "Time to response headers.",
                                 ["route"], registry=r)  # fmt: skip
        self.turns = Counter("explainer_turns", "Answered turns.", ["routed_by"], registry=r)
        self.grounding = Histogram("explainer_turn_grounding_rate",
                                   "Share of the LLM's claims the verifier supported.",
                                   buckets=(0, 0.25, 0.5, 0.75, 0.99, 1.0), registry=r)  # fmt: skip
        self.turn_seconds = Histogram("explainer_turn_seconds", "Time inside a turn, by part.",
                                      ["part"], registry=r)  # fmt: skip
        self.upload_bytes = Counter("explainer_upload_bytes", "Bytes uploaded.", registry=r)
        self.jobs = Gauge("explainer_jobs", "Jobs by status.", ["status"], registry=r)

    def turn(self, result: TurnResult) -> None:
        self.turns.labels(result.plan.routed_by).inc()
        self.grounding.observe(result.verification.grounding_rate)
        t = result.timings
        for part, seconds in (("llm", t.llm_seconds), ("tool", t.tool_seconds),
                              ("total", t.total_seconds)):  # fmt: skip
            self.turn_seconds.labels(part).observe(seconds)

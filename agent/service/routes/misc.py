"""The rest of the service: ``/healthz``, Prometheus ``/metrics``, and the browser page
(``/`` and ``/app.js``; the page holds no data, its requests carry the token)."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from agent.service.deps import Owner, Svc

router = APIRouter()

# The page runs its own script file only; reports open in a sandboxed frame (no scripts).
_PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'"
)


def _static(name: str) -> str:
    return resources.files("agent.service").joinpath("static", name).read_text("utf-8")


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/metrics", response_class=Response)
async def get_metrics(_: Owner, s: Svc) -> Response:
    """Prometheus metrics (requests, latency, turns, grounding rate, jobs)."""
    counts = s.jobs().counts()  # one query, not one per status
    for status in ("queued", "running", "succeeded", "failed"):
        s.metrics.jobs.labels(status).set(counts.get(status, 0))
    return Response(generate_latest(s.metrics.registry), media_type=CONTENT_TYPE_LATEST)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def page() -> HTMLResponse:
    """The browser page (it holds no data; its requests carry the token)."""
    return HTMLResponse(_static("index.html"), headers={"Content-Security-Policy": _PAGE_CSP})


@router.get("/app.js", include_in_schema=False)
async def page_script() -> Response:
    return Response(_static("app.js"), media_type="text/javascript; charset=utf-8")

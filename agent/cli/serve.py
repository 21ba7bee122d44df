"""``explainer serve``: the HTTP service (browser page, sessions, jobs, the
OpenAI-compatible facade). The one place a face starts the other: this command only
parses the options and hands them to :func:`agent.service.create_app` (the import
contract in the pyproject names this exception)."""

from __future__ import annotations

from typing import Annotated

import typer

from agent.access import check_bind
from agent.chat.agent import Agent
from agent.cli.common import (
    AllowedHostOption,
    TargetOption,
    app,
    connect_shown,
    edge,
    err,
    served_targets,
)
from agent.settings import get_settings
from agent.usecases.chat import build_agent


@app.command("serve")
@edge
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8080,
    workers: Annotated[int, typer.Option(min=1, max=8, help="Jobs run at the same time.")] = 1,
    target: TargetOption = None,
    allowed_host: AllowedHostOption = None,
) -> None:
    """Serve the explainer over HTTP: the browser page at /, sessions with streaming
    messages and evidence, dataset and audit uploads and jobs, an OpenAI-compatible
    /v1/chat/completions (evidence and grounding rate ride along), /metrics, /healthz and
    the OpenAPI schema at /docs and /openapi.json.

    Requests need `Authorization: Bearer $EXPLAINER_API_TOKEN` when the token is set (it
    may list several comma-separated tokens: one tenant each); a non-loopback --host
    without a token is refused, and a token-less server answers only loopback Host names
    and same-host Origins. Sessions, uploads and jobs persist under
    $EXPLAINER_STATE_DIR; jobs a restart interrupted are run again or marked failed.
    Tenants' sessions, uploads and job results untouched for $EXPLAINER_RETENTION_DAYS
    (30; 0 keeps them) are deleted hourly; each token may store
    $EXPLAINER_TENANT_QUOTA_MB (2048) of uploads and results (507 beyond).
    """

    import uvicorn  # the service's stack loads with this command only (CLI start-up)

    from agent.service import MB, create_app

    settings = get_settings()
    token = settings.api_token.get_secret_value() if settings.api_token else None
    check_bind(host, token)
    served = served_targets(target)

    def make_agent() -> Agent:
        return build_agent(connect_shown(settings).provider, settings)

    service = create_app(
        make_agent,
        token=token,
        data_dir=settings.state_dir / "service",
        max_upload_bytes=int(settings.max_upload_mb * MB),
        job_workers=workers,
        max_jobs_in_flight=settings.jobs_per_tenant,
        targets=served,
        allowed_hosts=tuple(allowed_host or ()),
        retention_days=settings.retention_days,
        tenant_quota_bytes=int(settings.tenant_quota_mb * MB),
    )
    err.print(f"[dim]serving on http://{host}:{port} (token {'required' if token else 'off'}; "
              f"targets {', '.join(served)})[/]")  # fmt: skip
    uvicorn.run(service, host=host, port=port, log_level="warning")

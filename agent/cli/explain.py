"""``explainer ask``, ``explain`` and ``chat``: the explainer LLM on its own, one verified
explanation of the target's answer, and a conversation about it (sessions persist and
resume after a restart).
"""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, cast, get_args

import typer
from rich.markup import escape

from agent.chat.agent import Agent, Method, Narration, Router, TurnResult
from agent.cli import render
from agent.cli.common import app, choice, connect_shown, edge, err, out
from agent.errors import BadInputError
from agent.settings import Settings, get_settings
from agent.usecases.chat import ask_llm, build_agent
from tools.models import DEFAULT_TARGET


@app.command()
@edge
def ask(
    question: Annotated[str, typer.Argument(help="What to ask the explainer LLM.")],
    max_tokens: Annotated[int, typer.Option(min=1, max=4096, help="Reply length cap.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Ask the explainer LLM a plain question and show the answer with timings.

    Uses EXPLAINER_LLM_BASE_URL when set, otherwise the embedded SmolLM2 server
    (started on demand and left running for the next command).
    """
    connection = connect_shown(get_settings())
    start_s, source = connection.start_seconds, connection.source
    echo = (lambda text: out.print(text, end="", markup=False)) if not as_json else (lambda _: None)
    result = asyncio.run(ask_llm(connection.provider, question, max_tokens=max_tokens,
                                 on_text=echo))  # fmt: skip
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


METHODS = get_args(Method)
ROUTERS = get_args(Router)


MethodOpt = Annotated[str, typer.Option(help=f"Attribution method: {', '.join(METHODS)}.")]
ModelOpt = Annotated[str, typer.Option(help="Target model: smollm2, a GGUF file or a model dir.")]
RouterOpt = Annotated[str, typer.Option(help=f"Who routes questions: {', '.join(ROUTERS)}.")]
MarkOpt = Annotated[bool, typer.Option("--mark", help="Show unsupported sentences, marked.")]
NARRATIONS = get_args(Narration)
NarrationOpt = Annotated[
    str | None,
    typer.Option(
        help="claims: the LLM selects typed claims, code checks and writes them (default, "
        "any LLM); prose: the LLM writes sentences, code reads and checks them (capable "
        "LLMs). Default: EXPLAINER_NARRATION, else claims."
    ),
]


def _agent(settings: Settings, router: str, mark: bool, narration: str | None) -> Agent:
    if narration is not None:
        choice(narration, NARRATIONS, "narration")
    provider = connect_shown(settings).provider
    return build_agent(provider, settings, router=cast(Router, router), mark=mark,
                       narration=cast(Narration | None, narration))  # fmt: skip


@app.command()
@edge
def explain(
    text: Annotated[str, typer.Argument(help="The input whose answer (by the target) to explain.")],
    method: MethodOpt = "occlusion",
    model: ModelOpt = DEFAULT_TARGET,
    question: Annotated[str, typer.Option(help="Ask something else about the input.")] = "",
    router: RouterOpt = "auto",
    mark: MarkOpt = False,
    narration: NarrationOpt = None,
    sentences: Annotated[bool, typer.Option(help="Show every LLM sentence's verdict.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print answer, verdicts, evidence, grounding as JSON.")
    ] = False,
    show_plan: Annotated[
        bool,
        typer.Option(
            "--plan",
            help="Print what the turn would do (intent, tool, arguments, who routed it, the "
            "question asked back) without running it: no model is loaded.",
        ),
    ] = False,
) -> None:  # fmt: skip
    """Explain why the target model answers TEXT as it does, with every sentence verified.

    The target (default: SmolLM2 via transformers) is run by attribution code; the
    explainer LLM (EXPLAINER_LLM_BASE_URL, else the embedded SmolLM2 server) narrates the
    evidence; the verifier keeps only sentences the evidence supports.
    """
    choice(method, METHODS, "method")
    choice(router, ROUTERS, "router")
    if show_plan:
        _print_plan(text, question or "Why does the model give this answer?", method, model)
        return
    settings = get_settings()
    agent = _agent(settings, router, mark, narration)
    store = agent.store
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
        out.print_json(json.dumps(result.to_json()))
        return
    out.print(render.turn_view(result, show_sentences=sentences))
    err.print(f"[dim]session {session} (continue with `explainer chat --session {session}`)[/]")


def _print_plan(text: str, question: str, method: str, model: str) -> None:
    """The plan of one turn, as JSON, without running a tool or loading a model."""
    from agent.chat import intents
    from agent.chat.planning import plan_message
    from agent.chat.routing import State
    from agent.grounding.evidence import Ledger

    state = State(text=text, method=cast(Method, method), model=model)
    plan = plan_message(question, state, Ledger())
    reading = intents.model().read(question, text)
    shown = {
        "question": question,
        "intent": plan.intent,
        "tool": plan.tool,
        "arguments": plan.arguments,
        "routed_by": plan.routed_by,
        "reply": plan.reply,
        "classifier": {"intent": reading.intent, "margin": round(reading.margin, 3),
                       "runner_up": reading.runner_up, "abstained": reading.abstained},
    }  # fmt: skip
    out.print_json(json.dumps(shown, ensure_ascii=False))


_CHAT_HELP = """Ask about the input: "why?", "what about 'not'?", "remove it and try again",
"which layer knows this?", "how sure is it?", "and the second sentence?",
"use integrated gradients".
The first message of a new session is the input to explain; later, put a new input in
double quotes, or use /text TEXT.
Commands: /text TEXT · /method NAME · /evidence · /session · /help · /quit"""


@app.command()
@edge
def chat(
    session: Annotated[str | None, typer.Option(help="Resume this session id.")] = None,
    text: Annotated[str | None, typer.Option(help="The input to explain.")] = None,
    method: MethodOpt = "occlusion",
    model: ModelOpt = DEFAULT_TARGET,
    router: RouterOpt = "auto",
    mark: MarkOpt = False,
    narration: NarrationOpt = None,
) -> None:  # fmt: skip
    """Chat with the explainer about a model's answer; sessions persist and resume."""
    choice(method, METHODS, "method")
    choice(router, ROUTERS, "router")
    settings = get_settings()
    agent = _agent(settings, router, mark, narration)
    store = agent.store
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
                chosen = choice(line[8:].strip(), METHODS, "method")
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

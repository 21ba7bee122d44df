"""The agent loop: route → run tools → narrate → verify → store.

One :meth:`Agent.turn` answers one user message in a session:

1. **Route** the message to one evidence tool with arguments. The rules below resolve the
   follow-ups people actually type ("why?", "what about 'not'?", "remove it and try
   again", "which layer knows this?", "how sure is it?", "and the second sentence?") with
   certainty; anything else goes to the LLM — by native tool calls where the server has
   them, else by JSON-schema-constrained output (both through :meth:`LLMProvider.chat`),
   else back to the rules' default (attribution). The LLM never sees the input as
   something to copy: the agent fills ``text`` and ``model`` in from the session, and the
   registry validates the merged arguments (an invalid plan is re-asked, bounded).
2. **Run** the tool (in a worker thread) and add its result to the session's evidence
   ledger as ``E#``.
3. **Narrate** (:class:`agent.chat.narration.Narrator`): by default the LLM *selects*,
   under a JSON schema built from the evidence, the facts that answer the question and
   what each shows; code checks each pick and writes the sentences with the facts'
   numbers. In prose mode it writes short sentences citing ``[E#]``.
4. **Verify**: every claim is checked by code (:mod:`agent.grounding`); only supported
   ones are shown, and when none holds the answer is written by code from the facts and
   says so (``source="code"``).
5. **Store** the user message, the evidence and the answer (with the conversation state,
   the verdicts and the timings) in SQLite, so a restarted process continues the session.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from agent.chat.narration import Narration, Narrator
from agent.chat.planning import plan_message
from agent.chat.routing import (
    ROUTABLE,
    Method,
    Plan,
    Router,
    State,
    default_plan,
    for_long_input,
    llm_plan,
    route_tool_schema,
    rules_route,
)
from agent.chat.sessions import SessionStore
from agent.errors import BadInputError, LLMTimeoutError, ToolFailedError
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import Policy, Verification
from agent.llm import LLMProvider, prompting
from tools.errors import ToolError, ToolInputError
from tools.registry import get_tool

log = logging.getLogger(__name__)

__all__ = [
    "Agent",
    "Method",
    "Narration",
    "Plan",
    "Router",
    "State",
    "Timings",
    "TurnResult",
    "rules_route",
]


from agent.chat.results import Timings, TurnResult  # noqa: E402  (re-exported)

# --------------------------------------------------------------------------- the agent


class Agent:
    """Answers messages in sessions, with every shown sentence checked against evidence.

    Args:
        llm: The explainer LLM.
        store: Where sessions, messages and evidence persist.
        router: ``auto`` (the intent classifier; a clarifying question when it cannot
            place a message), ``llm`` (the LLM routes every message, bounded; the
            classifier when it fails) or ``rules`` (the regular expressions alone).
        policy: ``remove`` unsupported sentences (default) or ``mark`` them.
        strict: Show supported sentences only (claim-free filler is dropped as well).
        narration: ``claims`` (default): the LLM selects facts and what they show from a
            menu built from the evidence, under a JSON schema; code checks each claim and
            writes the sentences. ``prose``: the LLM writes sentences that code reads into
            claims and checks (for capable LLMs; a sentence code cannot fully read is
            dropped).
        max_sentences: Asked of the narrator (claims: at most this many picks).
        max_route_attempts: LLM routing attempts before falling back to the classifier.
        route_timeout: Seconds LLM routing may take, all attempts together (then the
            classifier).
    """

    def __init__(
        self,
        llm: LLMProvider,
        store: SessionStore,
        *,
        router: Router = "auto",
        policy: Policy = "remove",
        strict: bool = True,
        max_sentences: int = 3,
        max_route_attempts: int = 2,
        route_timeout: float = 10.0,
        narrate_tokens: int = 160,
        narration: Narration = "claims",
        decompose: bool = True,
    ):
        self.llm, self.store, self.router = llm, store, router
        self.policy, self.strict, self.max_route_attempts = policy, strict, max_route_attempts
        self.route_timeout = route_timeout
        self.narrator = Narrator(
            llm, narration, policy=policy, strict=strict, max_sentences=max_sentences,
            max_tokens=narrate_tokens, decompose=decompose,
        )  # fmt: skip
        self._locks: dict[tuple[int, str], asyncio.Lock] = {}

    # ----------------------------------------------------------------- state

    def state(self, session_id: str) -> State:
        """The conversation state after the session's last answered turn."""
        for message in reversed(self.store.messages(session_id)):
            if "state" in message.meta:
                return State.model_validate(message.meta["state"])
        return State()

    def unanswered(self, session_id: str) -> str | None:
        """The last user message if no answer followed it (the process died mid-turn)."""
        messages = self.store.messages(session_id)
        if messages and messages[-1].role == "user":
            return messages[-1].content
        return None

    def _finished(
        self, session_id: str, ledger: Ledger, tool: str, arguments: dict[str, Any]
    ) -> Evidence | None:
        """Evidence a killed run already computed for the unanswered message, if any."""
        asked = self.store.messages(session_id)[-1].created_at
        for record in reversed(list(ledger)):
            if record.created_at < asked:
                return None
            if record.tool == tool and record.arguments == arguments:
                return record
        return None

    # ----------------------------------------------------------------- routing

    async def route(self, message: str, state: State, ledger: Ledger) -> tuple[Plan, float]:
        """The plan for ``message`` and the seconds spent asking the LLM. ``auto``: the
        intent classifier (:mod:`agent.chat.planning`), which asks back rather than guess;
        ``rules``: the regular expressions alone; ``llm``: the LLM, one bounded request per
        attempt (``route_timeout`` seconds), the classifier when it fails."""
        if self.router == "auto" or (self.router == "llm" and state.text is None):
            return plan_message(message, state, ledger), 0.0
        if self.router == "rules":
            return rules_route(message, state, ledger) or default_plan(state), 0.0
        caps = await self.llm.capabilities()
        if caps.forced_tool_call is None:
            log.info("the LLM can neither call tools nor follow a schema: rules route")
            return rules_route(message, state, ledger) or default_plan(state), 0.0
        tools = [route_tool_schema(get_tool(n)) for n in ROUTABLE]
        convo: list[dict[str, Any]] = [
            {"role": "system", "content": prompting.render("route_system")},
            {
                "role": "user",
                "content": prompting.render(
                    "route_user",
                    text_json=json.dumps(state.text, ensure_ascii=False),
                    focus_json=json.dumps(state.focus, ensure_ascii=False) if state.focus else "",
                    last_tool=state.last_tool or "",
                    message_json=json.dumps(message, ensure_ascii=False),
                ),
            },
        ]
        seconds = 0.0
        problem = ""
        deadline = time.perf_counter() + self.route_timeout  # for every attempt together
        for attempt in range(self.max_route_attempts):
            left = deadline - time.perf_counter()
            try:
                if left <= 0:
                    raise TimeoutError
                result = await asyncio.wait_for(
                    self.llm.chat(convo, tools=tools, tool_choice="required", max_tokens=200),
                    timeout=left,
                )
            except (TimeoutError, LLMTimeoutError):
                log.warning("LLM routing gave no usable answer in %.0f s", self.route_timeout)
                seconds += max(0.0, left)
                break
            seconds += result.seconds
            plan, problem = llm_plan(result, state)
            if plan is not None:
                return plan, seconds
            log.info("LLM route attempt %d invalid: %s", attempt + 1, problem)
            convo += [
                {"role": "assistant", "content": result.text or json.dumps(
                    [c.model_dump() for c in result.tool_calls])},
                {"role": "user", "content": prompting.render("reask", problems=[problem])},
            ]  # fmt: skip
        log.warning("LLM routing failed (%s); the classifier routes", problem)
        return plan_message(message, state, ledger), seconds

    # ----------------------------------------------------------------- a turn

    def _session_lock(self, session_id: str) -> asyncio.Lock:
        key = (id(asyncio.get_running_loop()), session_id)
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        return lock

    async def turn(
        self,
        session_id: str,
        message: str,
        *,
        resume: bool = False,
        on_stage: Callable[[str], None] | None = None,
        on_claim: Callable[[str], None] | None = None,
    ) -> TurnResult:
        """Answer ``message`` in the session; with ``resume``, a stored unanswered message
        is answered instead of being stored again. ``on_stage`` hears each step as it
        starts (routing, the tool, narrating, verifying), and ``on_claim`` each checked
        piece of the answer as soon as it is checked (they join to the answer), for
        streaming clients.

        Turns of one session run one at a time: a message that arrives while the session
        is busy waits for the turn before it (its question is stored when its turn
        starts, so the transcript stays question, answer, question, answer)."""
        async with self._session_lock(session_id):
            return await self._turn(session_id, message, resume=resume, on_stage=on_stage,
                                    on_claim=on_claim)  # fmt: skip

    async def _turn(
        self, session_id: str, message: str, *, resume: bool,
        on_stage: Callable[[str], None] | None, on_claim: Callable[[str], None] | None,
    ) -> TurnResult:  # fmt: skip
        stage = on_stage or (lambda _: None)
        started = time.perf_counter()
        message = message.strip()
        if not message:
            raise BadInputError("the message is empty")
        if not resume:
            self.store.add_message(session_id, "user", message)
        state = self.state(session_id)
        ledger = self.store.ledger(session_id)
        timings = Timings()
        reused: Evidence | None = None
        try:
            stage("routing")
            plan, seconds = await self.route(message, state, ledger)
            plan = for_long_input(plan, message)  # a document: which sentences
            timings.llm_seconds += seconds
            if plan.reply is not None:  # a clarifying question, or what the chat can do
                return self._replied(session_id, message, plan, timings, started)
            if plan.tool is not None:
                tool = get_tool(plan.tool)
                args = tool.validate(plan.arguments)
                if resume:
                    reused = self._finished(
                        session_id, ledger, plan.tool, args.model_dump(mode="json")
                    )
                if reused is None:
                    stage(f"running {plan.tool}")
                    tool_started = time.perf_counter()
                    result = await asyncio.to_thread(tool, args)
                    timings.tool_seconds += time.perf_counter() - tool_started
        except (ToolError, BadInputError) as exc:
            # The turn is answered with the error (state unchanged), so a resumed session
            # does not take it for a message the process died on.
            failed = isinstance(exc, ToolError) and not isinstance(exc, ToolInputError)
            error = f"the tool failed: {exc}" if failed else str(exc)
            self.store.add_message(session_id, "assistant", f"error: {error}",
                                   meta={"error": error})  # fmt: skip
            raise (ToolFailedError(error) if failed else BadInputError(error)) from exc
        new_ids: list[str] = []
        if reused is not None:
            records = [reused]
        elif plan.tool is not None:
            record = self.store.add_evidence(session_id, ledger.add(plan.tool, args, result))
            new_ids.append(record.id)
            records = [record]
        else:
            records = [ledger.get(e) for e in plan.reuse]
        st = plan.state
        st.last_tool = plan.tool or st.last_tool
        st.last_arguments = plan.arguments or st.last_arguments
        st.last_evidence = [r.id for r in records]
        answer = next((r.data["answer"] for r in records if isinstance(r.data.get("answer"), str)),
                      None)  # fmt: skip
        if answer is not None and records[0].data.get("text") == st.text:
            st.answer = answer
        stage("narrating")

        def claimed(piece: str) -> None:  # the first piece's time, for the figures
            timings.first_claim_seconds = timings.first_claim_seconds or (
                time.perf_counter() - started)  # fmt: skip
            (on_claim or (lambda _: None))(piece)

        answered = await self.narrator.answer(message, st, records, stage, claimed)
        narration, verification, seconds = answered
        timings.llm_seconds += seconds
        timings.total_seconds = time.perf_counter() - started
        result_ = TurnResult(
            session_id=session_id,
            message=message,
            plan=plan,
            evidence=records,
            new_evidence=new_ids,
            narration=narration,
            verification=verification,
            timings=timings,
        )
        self.store.add_message(
            session_id,
            "assistant",
            verification.answer,
            meta={
                "state": st.model_dump(mode="json"),
                "plan": plan.model_dump(mode="json", exclude={"state"}),
                "narration": narration,
                "verification": verification.model_dump(mode="json"),
                "evidence": [r.id for r in records],
                "timings": timings.model_dump(mode="json"),
            },
        )
        return result_

    def _replied(
        self, session_id: str, message: str, plan: Plan, timings: Timings, started: float
    ) -> TurnResult:
        """A turn answered by code without a tool: nothing is claimed about the model."""
        assert plan.reply is not None
        timings.total_seconds = time.perf_counter() - started
        verification = Verification(answer=plan.reply, sentences=[], grounding_rate=0.0,
                                    templated=False, evidence=[], source="code")  # fmt: skip
        self.store.add_message(session_id, "assistant", plan.reply, meta={
            "state": plan.state.model_dump(mode="json"),
            "plan": plan.model_dump(mode="json", exclude={"state"}),
            "timings": timings.model_dump(mode="json"),
        })  # fmt: skip
        return TurnResult(session_id=session_id, message=message, plan=plan, evidence=[],
                          new_evidence=[], narration="", verification=verification,
                          timings=timings)  # fmt: skip

    async def explain(
        self,
        session_id: str,
        text: str,
        *,
        method: Method = "occlusion",
        model: str | None = None,
        question: str = "",
        on_claim: Callable[[str], None] | None = None,
    ) -> TurnResult:
        """One-shot: explain the target's answer to ``text`` (``explainer explain``)."""
        self.set_input(session_id, text, method=method, model=model)
        question = question or "Why does the model give this answer?"
        return await self.turn(session_id, question, on_claim=on_claim)

    def set_input(
        self, session_id: str, text: str, *, method: Method | None = None,
        model: str | None = None,
    ) -> None:  # fmt: skip
        """Make ``text`` the input the session explains. It is stored as data and never
        read for intents (a text saying "remove ..." is not a request)."""
        if not text.strip():
            raise BadInputError("the text to explain is empty")
        state = self.state(session_id)
        fresh = State(text=text, method=method or state.method, model=model or state.model)
        self.store.add_message(
            session_id,
            "system",
            f"input set to {json.dumps(text, ensure_ascii=False)}",
            meta={"state": fresh.model_dump(mode="json")},
        )

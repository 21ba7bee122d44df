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
3. **Narrate**: the LLM sees the facts with their ids and the question, both quoted as
   data, and writes short sentences citing ``[E#]``.
4. **Verify** every sentence (:mod:`agent.verify`); by default only supported sentences
   are shown, and a templated answer built from the facts replaces an answer with none.
5. **Store** the user message, the evidence and the answer (with the conversation state,
   the verdicts and the timings) in SQLite, so a restarted process continues the session.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, Field

from agent import prompting
from agent.errors import BadInputError, ModelOutputError
from agent.evidence import Evidence, Ledger
from agent.llm import ChatResult, LLMProvider
from agent.sessions import SessionStore
from agent.verify import Policy, Verification, split_sentences, verify
from tools.base import Tool, get_tool
from tools.errors import ToolError, ToolInputError
from tools.models import DEFAULT_TARGET

log = logging.getLogger(__name__)

Router = Literal["auto", "llm", "rules"]
RoutedBy = Literal["rules", "llm", "default"]
Method = Literal[
    "occlusion", "integrated_gradients", "grad_x_input", "attention", "attention_rollout", "shapley"
]

# Tools the LLM may route to. `probe` needs labelled texts and `attribute_endpoint` a URL:
# they are for programmatic callers, not for a routed chat turn.
ROUTABLE = ("attribute", "what_if", "logit_lens", "confidence", "faithfulness")
# Arguments the agent fills in from the session; the LLM never writes them.
FILLED = ("text", "model")
MAX_FACTS_SHOWN = 8


class State(BaseModel):
    """What a conversation refers back to: the input, its answer, the word in focus."""

    text: str | None = Field(default=None, description="The input being explained.")
    answer: str | None = Field(default=None, description="The target's answer to it.")
    focus: str | None = Field(default=None, description="The word last talked about.")
    method: Method = "occlusion"
    model: str = DEFAULT_TARGET
    last_tool: str | None = None
    last_arguments: dict[str, Any] = Field(default_factory=dict)
    last_evidence: list[str] = Field(default_factory=list)


class Plan(BaseModel):
    """What a turn runs: one tool with arguments, or a re-reading of earlier evidence."""

    tool: str | None = Field(description="Tool to run; None = narrate earlier evidence.")
    arguments: dict[str, Any] = Field(default_factory=dict)
    reuse: list[str] = Field(default_factory=list, description="Earlier evidence to narrate.")
    routed_by: RoutedBy
    state: State = Field(description="The conversation state after this turn's references.")


class Timings(BaseModel):
    llm_seconds: float = 0.0
    tool_seconds: float = 0.0
    total_seconds: float = 0.0

    @property
    def overhead_seconds(self) -> float:
        return max(0.0, self.total_seconds - self.llm_seconds - self.tool_seconds)


class TurnResult(BaseModel):
    """One answered message, as the CLI, the service and the tests see it."""

    session_id: str
    message: str
    plan: Plan
    evidence: list[Evidence] = Field(description="The records the answer was narrated from.")
    new_evidence: list[str] = Field(description="Ids of records this turn created.")
    narration: str = Field(description="What the LLM wrote, before verification.")
    verification: Verification
    timings: Timings

    @property
    def answer(self) -> str:
        return self.verification.answer


# --------------------------------------------------------------------------- rules

_QUOTE = re.compile(r"(?<!\w)'([^'\n]+?)'(?!\w)|\"([^\"\n]+?)\"|‘([^’\n]+?)’|“([^”\n]+?)”")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_METHOD_WORDS: list[tuple[str, Method]] = [
    (r"integrated[\s_-]*gradients?|\bIG\b", "integrated_gradients"),
    (r"grad(?:ient)?\s*[x×*]\s*input|saliency", "grad_x_input"),
    (r"shapley|shap\b", "shapley"),
    (r"rollout", "attention_rollout"),
    (r"\battention\b", "attention"),
    (r"occlusion|leave[\s-]one[\s-]out", "occlusion"),
]


def _quoted(message: str) -> list[str]:
    return [next(g for g in m.groups() if g).strip() for m in _QUOTE.finditer(message)]


def _has(pattern: str, message: str) -> bool:
    return re.search(pattern, message, re.IGNORECASE) is not None


def split_input_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def rules_route(message: str, state: State, ledger: Ledger) -> Plan | None:
    """The plan for a message the rules recognise, else None (the LLM routes it)."""
    original = message
    quoted = _quoted(message)
    new_text = next((q for q in quoted if len(q.split()) >= 3), None)
    words = [q for q in quoted if q != new_text]
    # Quoted spans are data: intents are read from the rest of the message only.
    message = _QUOTE.sub(" ", message)
    st = state.model_copy(deep=True)
    if new_text is not None:
        st.text, st.answer, st.focus, st.last_evidence = new_text, None, None, []
    for pattern, method in _METHOD_WORDS:
        if _has(pattern, message):
            st.method = method
            break
    if st.text is None:
        if len(original.split()) < 3:
            raise BadInputError(
                "nothing to explain yet: give the model's input, e.g. "
                'why does it answer that to "The movie was not good."?'
            )
        # The first message of a session without an input is the input to explain.
        st.text = original.strip()
        return Plan(tool="attribute", arguments={"text": st.text, "method": st.method,
                    "model": st.model}, routed_by="rules", state=st)  # fmt: skip
    focus = words[0] if words else st.focus
    text = st.text

    def plan(tool: str | None, reuse: list[str] | None = None, **arguments: Any) -> Plan:
        return Plan(tool=tool, arguments=arguments, reuse=reuse or [], routed_by="rules",
                    state=st)  # fmt: skip

    if _has(r"\breplac\w*\b.*\b(with|by)\b", message) and len(words) >= 2:
        st.focus = words[0]
        return plan("what_if", text=text, replace={words[0]: words[1]}, model=st.model)
    if _has(r"\b(remov\w*|delet\w*|drop\w*|without|leave out|take out)\b", message):
        target = words[0] if words else focus
        if not target:
            raise BadInputError("remove what? Quote the word, e.g. remove 'not' and try again")
        st.focus = target
        return plan("what_if", text=text, remove=[target], model=st.model)
    if _has(r"\b(which|what)\s+layers?\b|\blayers?\b.*\bknows?\b|logit lens|where in the model",
            message):  # fmt: skip
        return plan("logit_lens", text=text, model=st.model)
    if _has(r"\bhow (sure|confident|certain|likely)\b|\bconfiden\w+|\bprobabilit\w+|\bcertain",
            message):  # fmt: skip
        return plan("confidence", text=text, model=st.model)
    if _has(r"\bfaithful\w*|\btrust\w*\b.*\b(attribution|explanation)|\bsanity", message):
        return plan("faithfulness", text=text, method=st.method, model=st.model)
    ordinal = re.search(rf"\b({'|'.join(_ORDINALS)})\s+sentence\b", message, re.I)
    if ordinal:
        sentences = split_input_sentences(text)
        n = _ORDINALS[ordinal.group(1).lower()]
        if n > len(sentences):
            raise BadInputError(f"the input has {len(sentences)} sentence(s), not {n}")
        st.text = sentences[n - 1 if n > 0 else -1]
        st.answer, st.last_evidence = None, []
        return plan("attribute", text=st.text, method=st.method, model=st.model)
    if _has(r"\b(which|what)\s+sentence", message):
        return plan("attribute", text=text, method=st.method, granularity="sentence",
                    model=st.model)  # fmt: skip
    if words and not _has(r"\b(why|explain)\b", message):
        # "what about 'not'?": read the word off the latest attribution of this input when
        # it has one; otherwise attribute anew.
        st.focus = words[0]
        for evidence_id in reversed(state.last_evidence if new_text is None else []):
            if evidence_id in ledger:
                record = ledger.get(evidence_id)
                if record.tool == "attribute" and any(
                    f.subject.casefold() == words[0].casefold() for f in record.facts
                ):
                    return plan(None, reuse=[evidence_id])
        return plan("attribute", text=text, method=st.method, model=st.model)
    if (
        new_text is not None
        or _has(
            r"\b(why|explain\w*|which words?|what words?|matter\w*|important|attribut\w*)\b",
            message,
        )
        or any(_has(p, message) for p, _ in _METHOD_WORDS)
    ):
        return plan("attribute", text=text, method=st.method, model=st.model)
    return None


def default_plan(state: State) -> Plan:
    if state.text is None:
        raise BadInputError("nothing to explain yet: give the model's input in quotes")
    return Plan(
        tool="attribute",
        arguments={"text": state.text, "method": state.method, "model": state.model},
        routed_by="default",
        state=state,
    )


# --------------------------------------------------------------------------- LLM routing


def route_tool_schema(tool: Tool[Any, Any]) -> dict[str, Any]:
    """The tool's OpenAI schema without the arguments the agent fills in."""
    schema = tool.openai_schema()
    params = json.loads(json.dumps(schema["function"]["parameters"]))
    for name in FILLED:
        params.get("properties", {}).pop(name, None)
    params["required"] = [r for r in params.get("required", []) if r not in FILLED]
    schema["function"]["parameters"] = params
    return schema


def _llm_plan(result: ChatResult, state: State) -> tuple[Plan | None, str]:
    """A validated plan from the LLM's tool call, or None and the problem."""
    if not result.tool_calls:
        return None, "no tool call in the reply"
    call = result.tool_calls[0]
    if call.name not in ROUTABLE:
        return None, f"unknown tool {call.name!r}; choose one of {', '.join(ROUTABLE)}"
    try:
        given = json.loads(call.arguments or "{}")
    except ValueError:
        return None, f"arguments are not JSON: {call.arguments[:200]!r}"
    if not isinstance(given, dict):
        return None, "arguments must be a JSON object"
    arguments = {k: v for k, v in given.items() if k not in FILLED}
    arguments.update(text=state.text, model=state.model)
    try:
        get_tool(call.name).validate(arguments)
    except ToolInputError as exc:
        return None, str(exc)
    st = state.model_copy(deep=True)
    edited = [*arguments.get("remove", []), *arguments.get("replace", {})]
    if edited:
        st.focus = str(edited[0])
    if isinstance(arguments.get("method"), str):
        st.method = arguments["method"]
    return Plan(tool=call.name, arguments=arguments, routed_by="llm", state=st), ""


# --------------------------------------------------------------------------- narration


def _fact_line(fact: Any) -> str:
    subject = fact.subject if fact.subject.startswith("layer ") else f"'{fact.subject}'"
    line = f"{subject} {fact.quantity.replace('_', ' ')} = {fact.value:g}"
    if fact.unit:
        line += f" {fact.unit}"
    if fact.quantity == "attribution" and fact.value:
        line += " (pushed towards the answer)" if fact.value > 0 else " (pushed away from it)"
    return line


def _shown_facts(record: Evidence, focus: str | None) -> list[str]:
    facts = list(record.facts)
    if focus:
        facts.sort(key=lambda f: f.subject.casefold() != focus.casefold())
    return [_fact_line(f) for f in facts[:MAX_FACTS_SHOWN]]


def narration_messages(
    question: str, state: State, records: list[Evidence], max_sentences: int
) -> list[dict[str, str]]:
    shown = [
        {
            "id": r.id,
            "tool": r.tool,
            "summary_json": json.dumps(r.summary, ensure_ascii=False),
            "facts": _shown_facts(r, state.focus),
        }
        for r in records
    ]
    return [
        {"role": "system", "content": prompting.render("narrate_system",
                                                       max_sentences=max_sentences)},
        # One worked example: a 135M narrator copies a shape far better than it follows rules.
        {"role": "user", "content": prompting.render("narrate_example_user")},
        {"role": "assistant", "content": prompting.render("narrate_example_answer")},
        {
            "role": "user",
            "content": prompting.render(
                "narrate_user",
                question_json=json.dumps(question, ensure_ascii=False),
                text_json=json.dumps(state.text or "", ensure_ascii=False),
                records=shown,
            ),
        },
    ]  # fmt: skip


# --------------------------------------------------------------------------- the agent


class Agent:
    """Answers messages in sessions, with every shown sentence checked against evidence.

    Args:
        llm: The explainer LLM.
        store: Where sessions, messages and evidence persist.
        router: ``auto`` (rules for the follow-ups they recognise, the LLM for the rest),
            ``llm`` (the LLM routes every message; rules only if it fails) or ``rules``.
        policy: ``remove`` unsupported sentences (default) or ``mark`` them.
        strict: Show supported sentences only (claim-free filler is dropped as well).
        max_sentences: Asked of the narrator.
        max_route_attempts: LLM routing attempts before falling back to the rules.
    """

    def __init__(
        self,
        llm: LLMProvider,
        store: SessionStore,
        *,
        router: Router = "auto",
        policy: Policy = "remove",
        strict: bool = True,
        max_sentences: int = 4,
        max_route_attempts: int = 2,
        narrate_tokens: int = 160,
    ):
        self.llm = llm
        self.store = store
        self.router = router
        self.policy = policy
        self.strict = strict
        self.max_sentences = max_sentences
        self.max_route_attempts = max_route_attempts
        self.narrate_tokens = narrate_tokens

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
        """The plan for ``message`` and the seconds spent asking the LLM."""
        if self.router != "llm" or state.text is None:
            planned = rules_route(message, state, ledger)
            if planned is not None or self.router == "rules":
                return planned or default_plan(state), 0.0
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
        for attempt in range(self.max_route_attempts):
            result = await self.llm.chat(convo, tools=tools, tool_choice="required",
                                         max_tokens=200)  # fmt: skip
            seconds += result.seconds
            plan, problem = _llm_plan(result, state)
            if plan is not None:
                return plan, seconds
            log.info("LLM route attempt %d invalid: %s", attempt + 1, problem)
            convo += [
                {"role": "assistant", "content": result.text or json.dumps(
                    [c.model_dump() for c in result.tool_calls])},
                {"role": "user", "content": prompting.render("reask", problems=[problem])},
            ]  # fmt: skip
        log.warning("LLM routing failed (%s); falling back to the rules", problem)
        return rules_route(message, state, ledger) or default_plan(state), seconds

    # ----------------------------------------------------------------- a turn

    async def turn(
        self,
        session_id: str,
        message: str,
        *,
        resume: bool = False,
        on_stage: Callable[[str], None] | None = None,
    ) -> TurnResult:
        """Answer ``message`` in the session; with ``resume``, a stored unanswered message
        is answered instead of being stored again. ``on_stage`` hears each step as it
        starts (routing, the tool, narrating, verifying), for streaming clients."""
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
            timings.llm_seconds += seconds
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
            error = str(exc) if not isinstance(exc, ToolError) or isinstance(
                exc, ToolInputError) else f"the tool failed: {exc}"  # fmt: skip
            self.store.add_message(session_id, "assistant", f"error: {error}",
                                   meta={"error": error})  # fmt: skip
            raise BadInputError(error) from exc
        new_ids: list[str] = []
        if reused is not None:
            records = [reused]
        elif plan.tool is not None:
            record = ledger.add(plan.tool, args, result)
            self.store.add_evidence(session_id, record)
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
        narration = await self._narrate(message, st, records, timings)
        stage("verifying")
        verification = verify(
            narration, Ledger(records), self.policy, strict=self.strict, focus=st.focus
        )
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

    async def _narrate(
        self, question: str, state: State, records: list[Evidence], timings: Timings
    ) -> str:
        messages = narration_messages(question, state, records, self.max_sentences)
        try:
            result = await self.llm.chat(messages, max_tokens=self.narrate_tokens)
        except ModelOutputError as exc:
            log.warning("narration failed (%s): the answer is built from the facts", exc)
            return ""
        timings.llm_seconds += result.seconds
        text = (result.text or "").strip()
        if result.finish_reason == "length":
            # Cut off by the token limit: the last sentence (or fact line) is unfinished.
            pieces = split_sentences(text)
            text = text[: text.rfind(pieces[-1])].rstrip() if pieces else ""
        return text

    async def explain(
        self,
        session_id: str,
        text: str,
        *,
        method: Method = "occlusion",
        model: str | None = None,
        question: str = "",
    ) -> TurnResult:
        """One-shot: explain the target's answer to ``text`` (``explainer explain``)."""
        self.set_input(session_id, text, method=method, model=model)
        return await self.turn(session_id, question or "Why does the model give this answer?")

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

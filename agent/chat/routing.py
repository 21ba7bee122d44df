"""Routing a chat message to one evidence tool: the conversation state a message refers
back to, the plan a turn runs, the rules that resolve the follow-ups people actually type
("why?", "what about 'not'?", "remove it and try again", "which layer knows this?", "how
sure is it?", "and the second sentence?"), and the validation of an LLM's tool call.

Quoted spans of a message are data: intents are read from the rest of it. The LLM never
writes ``text`` or ``model``: the agent fills them in from the session. Imports no face.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from agent.errors import BadInputError
from agent.grounding.evidence import Ledger
from agent.llm import ChatResult
from tools.base import Tool
from tools.concept_sets import BUILTIN, SIDES
from tools.decision import options_in
from tools.errors import ToolInputError
from tools.methods import Method as Method
from tools.models import DEFAULT_TARGET
from tools.models.units import segments
from tools.registry import get_tool

Router = Literal["auto", "llm", "rules"]
RoutedBy = Literal["rules", "llm", "default", "classifier"]

# Tools the LLM may route to. `probe` needs labelled texts and `attribute_endpoint` a URL:
# they are for programmatic callers, not for a routed chat turn.
ROUTABLE = (
    "attribute",
    "what_if",
    "logit_lens",
    "confidence",
    "faithfulness",
    "trace",
    "cot_faithfulness",
)
# Arguments the agent fills in from the session; the LLM never writes them.
FILLED = ("text", "model")


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
    intent: str | None = Field(default=None, description="What the question asks, if read.")
    reply: str | None = Field(
        default=None,
        description="An answer written by code instead of a tool run: a clarifying question "
        "(which word? which of two readings?) or what the chat can do.",
    )


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
    (r"context[\s_-]*cite|\bsurrogate\b|context attribution", "context_cite"),
]


def _quoted(message: str) -> list[str]:
    return [next(g for g in m.groups() if g).strip() for m in _QUOTE.finditer(message)]


def _neuron(message: str) -> tuple[int, int] | None:
    """(layer, unit) of "neuron 100 in layer 10" / "layer 10 neuron 100", else None."""
    m = re.search(r"\bneuron\s*#?(\d+)\b.*?\blayer\s*(\d+)", message, re.I)
    if m:
        return int(m.group(2)), int(m.group(1))
    m = re.search(r"\blayer\s*(\d+)\W*(?:mlp\s*)?neuron\s*#?(\d+)", message, re.I)
    return (int(m.group(1)), int(m.group(2))) if m else None


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
    if _has(r"\bwork\w* out\b|\bcompute[sd]?\b|causal trac\w*|\bpatch\w*|\btrace\b", message):
        subject = words[0] if words else focus
        if not subject:
            raise BadInputError("trace which words? Quote them, e.g. where does it work out "
                                "the answer from 'not'?")  # fmt: skip
        st.focus = subject
        return plan("trace", text=text, subject=subject, model=st.model)
    reading = re.search(r"\bhow\s+(positive|negative|happy|sad)\b.*\b(think|thinks|read|"
                        r"reads|find|finds|see|sees|consider|considers|rate|rates)\b",
                        message, re.I)  # fmt: skip
    if reading:  # "how negative does layer 12 think this is?": the sentiment direction
        concept, _ = SIDES[reading.group(1).lower()]
        positive, negative = BUILTIN[concept]
        named = re.search(r"\blayer\s*(\d+)", message, re.I)
        st.focus = f"layer {named.group(1)}" if named else None
        return plan("steer", positive=positive, negative=negative, text=text, model=st.model)
    unit = _neuron(message)
    if unit is not None:  # "what does neuron 100 in layer 10 do?"
        return plan("neuron", layer=unit[0], unit=unit[1], model=st.model)
    if _has(r"\b(which|what)\s+layers?\b|\blayers?\b.*\bknows?\b|logit lens|where in the model",
            message):  # fmt: skip
        return plan("logit_lens", text=text, model=st.model)
    if _has(r"\bhow (sure|confident|certain|likely)\b|\bconfiden\w+|\bprobabilit\w+|\bcertain",
            message):  # fmt: skip
        return plan("confidence", text=text, model=st.model)
    if _has(r"chain[\s-]of[\s-]thought|\breasoning\b|load[\s-]bearing|\bCoT\b", message):
        return plan("cot_faithfulness", text=text, model=st.model)
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
    if _has(r"\b(which|what)\s+(demonstrations?|examples?|shots?|lines?)\b", message):
        return plan("attribute", text=text, method="context_cite", granularity="demonstration",
                    model=st.model)  # fmt: skip
    if _has(r"\b(which|what)\s+sentence", message):
        return plan("attribute", text=text, method=st.method, granularity="sentence",
                    model=st.model)  # fmt: skip
    contrast = contrast_of(original, text)
    if contrast is not None:  # "why negative rather than positive?", "why not 'Yes'?"
        st.focus = None
        return plan("attribute", text=text, method=st.method, model=st.model,
                    foil=contrast["foil"])  # fmt: skip
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


_WORD = r"['\"‘“]?([\w'-]+?)['\"’”]?(?=[\s?.!,]|$)"
_FOIL = re.compile(
    rf"\b(?:rather than|instead of|and not|but not|as opposed to|over)\s+{_WORD}|"
    rf"\bwhy\s+(?:didn't it say\s+|not\s+){_WORD}",
    re.I,
)


def contrast_of(message: str, text: str) -> dict[str, str] | None:
    """A contrastive question's foil ("why X rather than Y?", "why not Y?", "why X and not
    Y?"): Y as the prompt spells it when it is one of the prompt's options."""
    m = _FOIL.search(message)
    if m is None:
        return None
    foil = next(g for g in m.groups() if g)
    if foil.casefold() in {"it", "that", "this", "the", "a", "an"}:
        return None
    spelled = next((o for o in options_in(text) if o.casefold() == foil.casefold()), foil)
    return {"foil": spelled}


# An input of this many sentences or more is a document: "why?" asks which sentences the
# answer rests on (context attribution), not which words.
LONG_INPUT = 5


def for_long_input(plan: Plan, message: str) -> Plan:
    """A word-level attribution of a long input becomes a context attribution
    (:mod:`tools.context_attribution`): of its lines when it has three or more (the
    demonstrations of a few-shot prompt), else of its sentences when it has
    ``LONG_INPUT`` or more. A trailing question (or unfinished last line) is kept whole
    as the query. Not when the message names a method or the plan a granularity."""
    args = plan.arguments
    text = str(args.get("text", "")).strip()
    method = args.get("method", "occlusion")
    if plan.tool != "attribute" or "query" in args:
        return plan
    if method == "context_cite" and "granularity" in args:
        return plan.model_copy(update={"arguments": {**args, **_split_query(text, args)}})
    named = any(_has(p, _QUOTE.sub(" ", message)) for p, _ in _METHOD_WORDS)
    if "granularity" in args or method not in ("occlusion", "context_cite"):
        return plan
    if method == "occlusion" and named:
        return plan
    lines = [line for line in text.splitlines() if line.strip()]
    if len(segments(text, "demonstration")) >= 3 and len(lines) >= 3:
        granularity = "demonstration"  # blocks between blank lines, else lines
    elif len(split_input_sentences(text)) >= LONG_INPUT:
        granularity = "sentence"
    else:
        return plan
    new = {**args, "method": "context_cite", "granularity": granularity}
    return plan.model_copy(update={"arguments": {**new, **_split_query(text, new)}})


def _split_query(text: str, args: dict[str, Any]) -> dict[str, Any]:
    """``text`` and ``query`` when the input ends in a question (for lines: a last line
    that is a question or unfinished, as a few-shot prompt's test item is)."""
    if args.get("granularity") in ("line", "demonstration"):
        units = segments(text, args["granularity"])
        last = text[units[-1][0] : units[-1][1]] if len(units) >= 2 else ""
        if not last or re.search(r"[.!]['\")]*$", last):
            return {}
    else:
        sentences = split_input_sentences(text)
        last = sentences[-1] if len(sentences) >= 2 else ""
        if not last.endswith("?"):
            return {}
    return {"text": text[: len(text) - len(last)].rstrip(), "query": last}


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


def llm_plan(result: ChatResult, state: State) -> tuple[Plan | None, str]:
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

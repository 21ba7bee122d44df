"""A turn's plan from what the question means (:mod:`agent.chat.intents`), with its
arguments read from the words it shares with the input — quotes win when present.

"what if Paris were Berlin" is a what-if replacing Paris (a word of the input) by Berlin
(one it lacks); "drop the word not" removes "not"; "why negative and not positive" is a
contrast. A question the classifier cannot place (its margin is below
:data:`agent.chat.intents.MARGIN`) or that misses an argument gets a short clarifying
question that offers the likely choices, never an error and never a guess. "What can you
do?" is answered with the capabilities; "what did it answer?" runs the confidence tool,
whose record holds the answer and its probability.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agent.chat import intents
from agent.chat.routing import (
    _QUOTE,
    Plan,
    State,
    _neuron,
    _quoted,
    contrast_of,
    rules_route,
)
from agent.errors import BadInputError
from agent.grounding.evidence import Ledger
from tools.concept_sets import BUILTIN

#: What each intent runs (None: answered by code, or it needs a clarifying question).
TOOLS: dict[str, str | None] = {
    "why": "attribute", "word": "attribute", "what_if": "what_if", "flip": "what_if",
    "confidence": "confidence", "prediction": "confidence", "layer": "logit_lens",
    "location": "trace", "context": "attribute", "reasoning": "cot_faithfulness",
    "faithful": "faithfulness", "neuron": "neuron", "concept": "steer",
    "capabilities": None, "other": None,
}  # fmt: skip
#: How a clarifying question names each intent.
ASKS = {
    "why": "why it gave this answer (which words mattered)",
    "word": "how much one word mattered",
    "what_if": "what happens if you edit the input",
    "flip": "what change would flip the answer",
    "confidence": "how sure the model is",
    "prediction": "what the model answered",
    "layer": "at which layer the answer appears",
    "location": "where in the network the answer is worked out",
    "context": "which sentence or example the answer rests on",
    "reasoning": "whether its reasoning is load-bearing",
    "faithful": "whether the explanation is faithful",
    "neuron": "what a neuron does",
    "concept": "how the input reads along a concept direction",
    "capabilities": "what this chat can do",
    "other": "something else",
}
CAPABILITIES = (
    "I explain the model's answer to this input, with every claim checked against "
    "evidence computed by code. You can ask: why? (which words mattered) · what about "
    "'plot'? (one word) · what if Paris were Berlin? or drop the word not (edit and rerun) "
    "· how sure is it? (probabilities) · what did it answer? · which layer knows this? "
    "(logit lens) · where does it work out the answer from 'not'? (causal tracing) · which "
    "sentence matters? (long inputs) · is the explanation faithful? · what does neuron 100 "
    "in layer 10 do? · how negative does layer 12 think this is? (concept direction)"
)
_REPLACE = re.compile(
    r"\b['\"‘“]?(?P<old5>[\w'-]+)['\"’”]?\s+(?:were|was|is|be|being|gets?|got)\s+"
    r"(?:replaced|swapped|switched|changed)\s+(?:by|with|for|to|into)\s+['\"‘“]?(?P<new5>[\w'-]+)"
    r"|\b(?:replac\w*|swap\w*|chang\w*|substitut\w*|switch\w*|turn\w*)\s+(?:the\s+word\s+)?"
    r"['\"‘“]?(?P<old>[\w'-]+)['\"’”]?\s+(?:with|by|for|to|into)\s+['\"‘“]?(?P<new>[\w'-]+)"
    r"|\b['\"‘“]?(?P<old2>[\w'-]+)['\"’”]?\s+(?:were|was|is|became|becomes|said|read)\s+"
    r"(?:instead\s+)?['\"‘“]?(?P<new2>[\w'-]+)"
    r"|\b['\"‘“]?(?P<new3>[\w'-]+)['\"’”]?\s+instead\s+of\s+['\"‘“]?(?P<old3>[\w'-]+)"
    r"|\b['\"‘“]?(?P<old4>[\w'-]+)['\"’”]?\s*(?:->|→|=>)\s*['\"‘“]?(?P<new4>[\w'-]+)",
    re.I,
)
_REMOVE = re.compile(
    r"\b(?:remov\w*|delet\w*|drop\w*|without|leav\w* out|tak\w* out|omit\w*|cut\w*|"
    r"strip\w*|get rid of|minus|lose|losing|no)\b",
    re.I,
)
_ADD = re.compile(r"\b(?:add\w*|insert\w*|append\w*|put in|includ\w*)\b", re.I)


def plan_message(message: str, state: State, ledger: Ledger) -> Plan:
    """The plan for ``message``: the classifier's intent with arguments from the words
    the question shares with the input; the rules' plan when they agree with the
    classifier or it abstains; else a clarifying question."""
    if state.text is None:
        planned = rules_route(message, state, ledger)  # the first message is the input
        assert planned is not None
        return planned
    reading = intents.model().read(_unquoted(message), state.text)
    try:
        ruled = rules_route(message, state, ledger)
    except BadInputError:
        ruled = None
    if ruled is not None and (intent_of(ruled) == reading.intent or _certain(ruled, state)):
        return ruled.model_copy(update={"intent": intent_of(ruled)})
    if reading.abstained:
        if ruled is not None:
            return ruled.model_copy(update={"intent": intent_of(ruled)})
        first, second = reading.intent, reading.runner_up
        return _ask(state, f"Do you want to know {ASKS[first]}, or {ASKS[second]}?", None)
    return build(reading.intent, message, state, ledger)


def build(intent: str, message: str, state: State, ledger: Ledger) -> Plan:
    """The plan of an intent, its arguments read from the message and the session."""
    st = state.model_copy(deep=True)
    text = str(st.text)
    quoted = _quoted(message)
    words = quoted or intents.shared_words(_unquoted(message), text)
    base = {"text": text, "model": st.model}

    def run(tool: str, **arguments: Any) -> Plan:
        return Plan(tool=tool, arguments={**base, **arguments}, routed_by="classifier",
                    state=st, intent=intent)  # fmt: skip

    if intent == "capabilities":
        return _ask(st, CAPABILITIES, intent)
    if intent == "other":
        return _ask(st, "That is outside what I can check. " + CAPABILITIES, intent)
    if intent == "why":
        foil = contrast_of(message, text)
        return run("attribute", method=st.method, **(foil or {}))
    if intent == "word":
        if not words:
            return _ask(st, f"About which word? For example {_choices(text)}.", intent)
        st.focus = words[0]
        for evidence_id in reversed(state.last_evidence):
            if evidence_id in ledger and ledger.get(evidence_id).tool == "attribute":
                record = ledger.get(evidence_id)
                if any(f.subject.casefold() == words[0].casefold() for f in record.facts):
                    return Plan(tool=None, reuse=[evidence_id], routed_by="classifier",
                                state=st, intent=intent)  # fmt: skip
        return run("attribute", method=st.method)
    if intent == "what_if":
        return _edit(message, st, text, words, run)
    if intent == "flip":
        top = _top_word(state, ledger)
        if top is None:  # which words matter comes first: the next "flip it" can remove them
            return run("attribute", method=st.method)
        st.focus = top
        return run("what_if", remove=[top])
    if intent in ("confidence", "prediction"):
        return run("confidence")
    if intent == "layer":
        return run("logit_lens")
    if intent == "location":
        subject = words[0] if words else st.focus
        if not subject:
            return _ask(st, f"Trace which word? For example {_choices(text)}.", intent)
        st.focus = subject
        return run("trace", subject=subject)
    if intent == "context":
        granularity = "demonstration" if len(text.splitlines()) >= 3 else "sentence"
        return run("attribute", method="context_cite", granularity=granularity)
    if intent == "reasoning":
        return run("cot_faithfulness")
    if intent == "faithful":
        return run("faithfulness", method=st.method)
    if intent == "neuron":
        unit = _neuron(message)
        if unit is None:
            return _ask(st, "Which unit? Name it like 'neuron 100 in layer 10'.", intent)
        arguments = {"layer": unit[0], "unit": unit[1], "model": st.model}
        return Plan(tool="neuron", arguments=arguments, routed_by="classifier", state=st,
                    intent=intent)  # fmt: skip
    positive, negative = BUILTIN["sentiment"]
    return run("steer", positive=positive, negative=negative)


def _certain(plan: Plan, state: State) -> bool:
    """Rules that read a structure no classifier should overrule: a neuron named by its
    numbers, "how negative does layer 12 think this is?" (a concept direction), a quoted
    replacement of one word by another, a new quoted input or one of its sentences."""
    if plan.tool in ("neuron", "steer"):
        return True
    if plan.tool == "what_if" and plan.arguments.get("replace"):
        return True
    return plan.state.text != state.text


def intent_of(plan: Plan) -> str | None:
    """The intent a rules plan carries out (to compare with the classifier's)."""
    if plan.tool is None:
        return "word" if plan.reuse else None
    a = plan.arguments
    if plan.tool == "attribute":
        if a.get("granularity") or a.get("method") == "context_cite":
            return "context"
        return "word" if plan.state.focus and plan.state.focus != "" else "why"
    return {
        "what_if": "what_if", "trace": "location", "steer": "concept", "neuron": "neuron",
        "logit_lens": "layer", "confidence": "confidence", "cot_faithfulness": "reasoning",
        "faithfulness": "faithful",
    }.get(plan.tool)  # fmt: skip


def _edit(message: str, st: State, text: str, words: list[str], run: Callable[..., Plan]) -> Plan:
    """A what-if's edit: replace X by Y (X in the input, Y not), or remove X."""
    known = intents.input_words(text)
    spelled = {w.casefold(): w for w in re.findall(r"[\w'-]+", text)}
    for m in _REPLACE.finditer(message):
        old = next(m.group(f"old{k}") for k in ("5", "", "2", "3", "4") if m.group(f"old{k}"))
        new = next(m.group(f"new{k}") for k in ("5", "", "2", "3", "4") if m.group(f"new{k}"))
        if old.casefold() in known and new.casefold() not in known:
            st.focus = spelled[old.casefold()]
            return run("what_if", replace={spelled[old.casefold()]: new})
    if _ADD.search(message) and not _REMOVE.search(message):
        reply = ("I can remove or replace words of the input, not add them: which word "
                 f"should change? For example {_choices(text)}.")  # fmt: skip
        return _ask(st, reply, "what_if")
    target = words[0] if words else st.focus
    if target is None:
        return _ask(st, f"Remove or replace which word? For example {_choices(text)}.",
                    "what_if")  # fmt: skip
    st.focus = target
    return run("what_if", remove=[target])


def _top_word(state: State, ledger: Ledger) -> str | None:
    """The word that raised the answer most in the latest attribution of this input."""
    for evidence_id in reversed(state.last_evidence):
        if evidence_id in ledger and ledger.get(evidence_id).tool == "attribute":
            facts = [f for f in ledger.get(evidence_id).facts if f.quantity == "attribution"]
            if facts:
                return max(facts, key=lambda f: f.value).subject
    return None


def _choices(text: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_]{3,}", text) if w.casefold() not in intents._STOP]
    return ", ".join(dict.fromkeys(words[:8][:3])) or "a word of the input"


def _ask(state: State, reply: str, intent: str | None) -> Plan:
    return Plan(tool=None, routed_by="classifier", state=state, intent=intent, reply=reply)


def _unquoted(message: str) -> str:
    return _QUOTE.sub(" WORD ", message)

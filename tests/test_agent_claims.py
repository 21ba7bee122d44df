"""Claims narration in the agent loop (the default): the scripted explainer LLM reads the
JSON schema it is sent and picks from it, as a grammar-constrained model would; the
planted target decides on "zebra", so which picks are true is known."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm import Capabilities
from agent.llm.testing import ScriptedLLM, _Reply
from tests.planted import planted_model
from tools.models import register_target

TEXT = "the zebra was not at home"


@pytest.fixture(scope="module", autouse=True)
def _planted() -> None:
    register_target("planted", planted_model())


def _schema(request: dict[str, Any]) -> dict[str, Any]:
    fmt = request["response_format"]
    return fmt["json_schema"]["schema"] if "json_schema" in fmt else fmt["schema"]


def _menu(request: dict[str, Any]) -> tuple[dict[str, str], set[str]]:
    """The facts the schema allows (key -> the line the prompt shows for it) and the
    relations (all branches)."""
    keys: list[str] = []
    says: set[str] = set()
    defs = _schema(request).get("$defs", {})
    for branch in defs.values() or [_schema(request)["properties"]["claims"]["items"]]:
        props = branch.get("properties", {})
        if "fact" in props:
            keys += [x for x in _values(props["fact"]) if x not in keys]
            says |= set(_values(props["says"]))
    prompt = "\n".join(str(m["content"]) for m in request["messages"])
    shown = dict(re.findall(r"^- (F\d+): (.*)$", prompt, re.M))
    return {k: shown[k] for k in keys}, says


def _values(prop: dict[str, Any]) -> list[str]:
    return list(prop["enum"]) if "enum" in prop else [prop["const"]]


def _picker(choose: Callable[[dict[str, str]], list[dict[str, str]]]) -> Any:
    def reply(request: dict[str, Any]) -> _Reply:
        lines, _ = _menu(request)
        return _Reply(text=json.dumps({"claims": choose(lines)}))

    return reply


def _agent(llm: ScriptedLLM, tmp_path: Path) -> tuple[Agent, str]:
    store = SessionStore(tmp_path / "sessions.sqlite")
    agent = Agent(llm.provider(), store)  # narration="claims" is the default
    session = store.create()
    agent.set_input(session, TEXT, model="planted")
    return agent, session


def _turns(agent: Agent, session: str, *messages: str) -> list[Any]:
    async def go() -> list[Any]:
        out = [await agent.turn(session, m) for m in messages]
        await agent.llm.aclose()
        return out

    return asyncio.run(go())


def test_selected_claims_are_checked_and_written_by_code(tmp_path: Path) -> None:
    llm = ScriptedLLM()

    def zebra(menu: dict[str, str]) -> list[dict[str, str]]:
        key = next(k for k, line in menu.items() if "'zebra'" in line)
        return [{"fact": key, "says": "mattered most"},
                {"fact": key, "says": "pushed away from the answer"}]  # fmt: skip

    llm.respond(_picker(zebra))
    agent, session = _agent(llm, tmp_path)
    (why,) = _turns(agent, session, "why?")
    v = why.verification
    assert v.source == "llm_claims" and not v.made_by_code
    assert (v.llm_claims, v.verified_claims) == (2, 1)  # the wrong sign is dropped
    # the code-written lead reads the effect in points; the pick that restates it shows once
    assert why.answer.startswith("Removing 'zebra' lowers the probability of ")
    assert "highest attribution" not in why.answer
    assert "lowered" not in why.answer and why.answer.endswith("[E1].")
    # the narrator got a JSON schema, and the input only as a JSON string
    request = llm.requests[0]
    assert "response_format" in request
    assert json.dumps(TEXT) in request["messages"][-1]["content"]
    payload = why.to_json()
    assert payload["source"] == "llm_claims" and payload["made_by_code"] is False
    assert (payload["llm_claims"], payload["verified_claims"]) == (2, 1)


def test_the_selection_follows_the_question(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    first_line = lambda menu: [{"fact": next(iter(menu)), "says": "has this value"}]  # noqa: E731
    llm.respond(_picker(first_line))
    agent, session = _agent(llm, tmp_path)
    _, about = _turns(agent, session, "why?", "what about 'not'?")
    # the follow-up's menu holds one fact, about 'not': nothing to select, so the LLM is
    # not asked; code's lead states what 'not' did, once
    assert len(llm.requests) == 1
    assert about.answer.startswith("'not' ") and "\n" not in about.answer, about.answer
    assert about.verification.source == "code" and about.narration == ""
    # the first turn's menu was not restricted
    assert any("'zebra'" in line for line in _menu(llm.requests[0])[0].values())


def test_unusable_selections_leave_the_answer_to_code_and_say_so(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    llm.reply("'zebra' mattered most [E1].")  # prose where JSON was asked: re-asked once
    llm.reply('{"claims": [{"fact": "[E1] \'zebra\' attribution = 99 nats", "says": "x"}]}')
    agent, session = _agent(llm, tmp_path)
    (why,) = _turns(agent, session, "why?")
    assert len(llm.requests) == 2 and llm.pending == 0
    v = why.verification
    assert v.source == "code" and v.made_by_code and v.llm_claims == 0
    assert why.answer.startswith("Removing 'zebra' lowers")  # code's own answer, led by the lead
    assert "'zebra' has the highest attribution" not in why.answer  # said once


def test_without_schema_support_the_selection_is_parsed_and_checked(tmp_path: Path) -> None:
    caps = Capabilities(tools=False, tool_choice=None, json_schema=None, logprobs=False)
    llm = ScriptedLLM(capabilities=caps)

    def reply(request: dict[str, Any]) -> _Reply:
        assert "response_format" not in request
        prompt = request["messages"][-1]["content"]  # the schema travels in the prompt
        schema = json.loads(prompt[prompt.index("{") :])
        facts = schema["$defs"]["Pick"]["properties"]["fact"]
        lines = dict(re.findall(r"^- (F\d+): (.*)$", request["messages"][-2]["content"], re.M))
        line = next(k for k in _values(facts) if "'zebra'" in lines[k])
        picks = {"claims": [{"fact": line, "says": "mattered most"}]}
        return _Reply(text=f"Sure! {json.dumps(picks)}")

    llm.respond(reply)
    agent, session = _agent(llm, tmp_path)
    (why,) = _turns(agent, session, "why?")
    assert why.verification.source == "llm_claims"
    assert why.answer.startswith("Removing 'zebra' lowers the probability of ")


def test_prose_mode_rescues_an_unread_true_sentence_only_through_checked_claims(
    tmp_path: Path,
) -> None:
    llm = ScriptedLLM()
    llm.reply(
        "More than any other word, 'zebra' drove the answer [E1]. "
        "'zebra' outweighs the rest tenfold [E1]."
    )

    def decompose(request: dict[str, Any]) -> _Reply:
        lines, _ = _menu(request)
        assert "negated" in json.dumps(_schema(request))
        zebra = next(k for k, x in lines.items() if "'zebra'" in x)
        return _Reply(text=json.dumps({"claims": [{"fact": zebra, "says": "mattered most"}]}))

    llm.respond(decompose)
    llm.respond(decompose)
    store = SessionStore(tmp_path / "s.sqlite")
    agent = Agent(llm.provider(), store, narration="prose")
    session = store.create()
    agent.set_input(session, TEXT, model="planted")
    (why,) = _turns(agent, session, "why?")
    verdicts = {s.text: (s.verdict, s.reasons) for s in why.verification.sentences}
    first, second = list(verdicts)
    assert verdicts[first][0] == "supported", verdicts[first][1]  # rank covered by the pick
    assert verdicts[second][0] == "unsupported"  # "tenfold": no pick states a ratio
    assert any("tenfold" in r for r in verdicts[second][1])
    assert why.answer == first and why.verification.source == "llm_prose"

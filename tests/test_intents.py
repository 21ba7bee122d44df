"""The chat's understanding (issue 38): intents by meaning, arguments without quotes,
questions answered without a tool, and a router that never keeps the user waiting."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from agent.chat import intents
from agent.chat.agent import Agent
from agent.chat.planning import plan_message
from agent.chat.routing import State
from agent.chat.sessions import SessionStore
from agent.grounding.evidence import Ledger
from agent.llm.testing import ScriptedLLM
from tests.planted import planted_model
from tools.models import register_target

PARIS = "What is the capital of France? Paris is the capital of France."
REVIEW = "The plot was thin but the acting was great and moving."


def plan(message: str, text: str = PARIS) -> object:
    return plan_message(message, State(text=text), Ledger())


def test_an_unquoted_replace_runs_the_what_if_it_names() -> None:
    for message in (
        "what would it say if Paris were replaced by Berlin?",
        "what if Paris were Berlin",
        "replace Paris with Berlin and run it again",
    ):
        p = plan(message)
        assert p.tool == "what_if" and p.arguments["replace"] == {"Paris": "Berlin"}, message


def test_questions_people_ask_go_to_their_intent() -> None:
    flip = plan("How can we flip the prediction?", REVIEW)
    assert flip.intent == "flip" and flip.tool == "attribute"  # which words first
    predicted = plan("What was predicted?", REVIEW)
    assert predicted.intent == "prediction" and predicted.tool == "confidence"
    can = plan("What can this chat do for me?", REVIEW)
    assert can.intent == "capabilities" and can.tool is None and "why?" in str(can.reply)
    typo = plan("wat if i remove grat... i mean remove great", REVIEW)
    assert typo.tool == "what_if" and typo.arguments["remove"] == ["great"]
    sure = plan("hwo sure is it", REVIEW)
    assert sure.intent == "confidence" and sure.tool == "confidence"


def test_a_missing_argument_gets_a_question_offering_choices() -> None:
    p = plan("where in the network does it work that out?", REVIEW)
    assert p.intent == "location" and p.tool is None
    assert p.reply is not None and "plot" in p.reply


def test_the_classifier_abstains_below_its_margin_and_reads_fast() -> None:
    model = intents.model()
    started = time.perf_counter()
    reading = model.read("hmm", REVIEW, margin=10.0)
    assert reading.abstained and reading.runner_up != reading.intent
    assert time.perf_counter() - started < 1.0
    assert model.read("why did it answer that?", REVIEW).intent == "why"


@pytest.fixture(scope="module")
def _planted() -> None:
    register_target("planted", planted_model())


def test_a_stalled_llm_router_ends_in_the_classifier_within_its_bound(
    tmp_path: Path, _planted: None
) -> None:
    llm = ScriptedLLM(latency=30.0)  # an LLM that does not answer in time
    store = SessionStore(tmp_path / "s.sqlite")
    agent = Agent(llm.provider(), store, router="llm", route_timeout=0.3)
    session = store.create()
    agent.set_input(session, "the zebra was not at home", model="planted")

    async def turn() -> object:
        try:
            return await agent.turn(session, "hmm, what can you do?")
        finally:
            await agent.llm.aclose()

    started = time.perf_counter()
    result = asyncio.run(turn())
    assert time.perf_counter() - started < 5.0
    assert result.plan.routed_by == "classifier" and result.plan.tool is None  # type: ignore[attr-defined]
    assert "why?" in result.answer  # type: ignore[attr-defined]


def test_explain_plan_prints_the_turn_without_running_it() -> None:
    import json

    from typer.testing import CliRunner

    from agent.cli import app

    done = CliRunner().invoke(app, ["explain", REVIEW, "--question", "drop the word thin",
                                    "--plan"])  # fmt: skip
    assert done.exit_code == 0, done.output
    shown = json.loads(done.stdout)
    assert shown["intent"] == "what_if" and shown["tool"] == "what_if"
    assert shown["arguments"]["remove"] == ["thin"] and shown["routed_by"] == "classifier"

"""The narrator's prompts for a chat turn, in both modes: the question and the input quoted
as data, the evidence records with their ids, and one worked example (a 135M narrator
copies a shape far better than it follows rules).

* claims (default): the menu of fact lines the narrator selects from (see
  :mod:`agent.grounding.selection`); the JSON schema carries the allowed phrases.
* prose: a few facts per record (the word in focus first); the narrator writes sentences.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any, Literal

from agent.chat.routing import State
from agent.errors import LLMTimeoutError, ModelOutputError
from agent.grounding import decompose
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.framing import frame, lead, pieces
from agent.grounding.selection import Menu, asked_about, verify_selection
from agent.grounding.verify import Policy, Verification, assemble, split_sentences, verify
from agent.llm import LLMProvider, prompting
from agent.llm.structured import structured

log = logging.getLogger(__name__)
Narration = Literal["claims", "prose"]

MAX_FACTS_SHOWN = 8


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
    return _worked("narrate", {"max_sentences": max_sentences},
                   {**_asked(question, state), "records": shown})  # fmt: skip


def _asked(question: str, state: State) -> dict[str, str]:
    """The question and the input, as JSON strings (quoted data in the prompt)."""
    return {"question_json": json.dumps(question, ensure_ascii=False),
            "text_json": json.dumps(state.text or "", ensure_ascii=False)}  # fmt: skip


def _worked(kind: str, system: dict[str, Any], user: dict[str, Any]) -> list[dict[str, str]]:
    """``prompts/{kind}_*.jinja``: the instructions, one worked example (a 135M narrator
    copies a shape far better than it follows rules), then the real user turn."""
    return [
        {"role": "system", "content": prompting.render(f"{kind}_system", **system)},
        {"role": "user", "content": prompting.render(f"{kind}_example_user")},
        {"role": "assistant", "content": prompting.render(f"{kind}_example_answer")},
        {"role": "user", "content": prompting.render(f"{kind}_user", **user)},
    ]


def selection_messages(
    question: str, state: State, menu: Menu, max_claims: int
) -> list[dict[str, str]]:
    """The claim-selecting narrator's prompt: the menu's fact lines, nothing to copy but
    those lines and the allowed phrases (which the JSON schema carries)."""
    records = [{"id": r.id, "tool": r.tool} for r in menu.ledger]
    user = {**_asked(question, state), "records": records, "lines": menu.readings()}
    return _worked("select", {"max_claims": max_claims}, user)


def decomposition_messages(sentence: str, menu: Menu) -> list[dict[str, str]]:
    """Prose mode: ask which facts one sentence states. The fact lines carry no reading
    (the decomposer must say what the sentence claims, not what the facts show)."""
    return [
        {"role": "system", "content": prompting.render("decompose_system")},
        {
            "role": "user",
            "content": prompting.render(
                "decompose_user",
                sentence_json=json.dumps(sentence, ensure_ascii=False),
                lines=menu.listing(),
            ),
        },
    ]


class Narrator:
    """Turns a turn's evidence into the checked answer, in either mode (see the module).

    Args:
        llm: The explainer LLM.
        mode: ``claims`` (select from the menu) or ``prose`` (write, then be checked).
        policy, strict: What prose mode shows (see :func:`agent.grounding.verify.verify`).
        max_sentences: Picks (claims) or sentences (prose) asked for.
        max_tokens: Prose mode's token budget.
        decompose: Prose mode: let the LLM decompose sentences the code reader could not
            fully read (code still checks the claims and their coverage).
    """

    def __init__(
        self, llm: LLMProvider, mode: Narration = "claims", *, policy: Policy = "remove",
        strict: bool = True, max_sentences: int = 4, max_tokens: int = 160,
        decompose: bool = True,
    ):  # fmt: skip
        self.llm, self.mode, self.policy, self.strict = llm, mode, policy, strict
        self.max_sentences, self.max_tokens, self.decompose = max_sentences, max_tokens, decompose

    async def answer(
        self, question: str, state: State, records: list[Evidence],
        stage: Callable[[str], None] = lambda _: None,
        on_claim: Callable[[str], None] | None = None,
    ) -> tuple[str, Verification, float]:  # fmt: skip
        """(what the LLM wrote, the checked answer, seconds spent on the LLM).

        ``on_claim`` hears the answer piece by piece as each piece is checked: first the
        sentences code writes from the evidence alone (before the LLM is asked), then the
        rest once the narrator's claims are verified; the pieces join to the answer."""
        started = time.perf_counter()
        streamed = self.mode == "claims"  # prose: its sentences may state the lead itself
        early = [c.text for c in lead(question, records, focus=state.focus, direct=streamed)]
        early = early if streamed else []
        if on_claim is not None:
            for i, text in enumerate(early):
                on_claim(("\n" if i else "") + text)
        if self.mode == "claims":
            narration, verification = await self._select(question, state, records)
        else:
            narration = await self._prose(question, state, records)
            stage("verifying")
            ledger = Ledger(records)
            verification = verify(narration, ledger, self.policy, strict=self.strict,
                                  focus=state.focus)  # fmt: skip
            if self.decompose:
                verification = await self._decompose(verification, ledger, state)
        verification = frame(verification, question, records, early=streamed, focus=state.focus)
        if on_claim is not None:
            for piece in pieces(verification.answer, verification.framing)[len(early) :]:
                on_claim(piece)
        return narration, verification, time.perf_counter() - started

    async def _select(
        self, question: str, state: State, records: list[Evidence]
    ) -> tuple[str, Verification]:
        """Claims mode: the LLM picks from the menu under its JSON schema; code checks and
        writes. Output that never validates leaves the answer to code (and says so)."""
        menu = Menu(Ledger(records), asked_about(question, state.focus))
        if not menu.items:
            return "", verify("", menu.ledger, self.policy, strict=self.strict, focus=state.focus)
        if len(menu.items) == 1:
            # one fact leaves nothing to select ("what about 'good'?"): code states it, and
            # no LLM call is made whose text could not change the answer
            pick = menu.read_by_code(next(iter(menu.items)))
            return "", verify_selection({"claims": [pick] if pick else []}, menu,
                                        focus=state.focus, by_code=True)  # fmt: skip
        schema = menu.model(self.max_sentences, framing=not self.strict)
        messages = selection_messages(question, state, menu, self.max_sentences)
        try:
            picked = await structured(
                self.llm, messages, schema, max_tokens=64 * self.max_sentences + 64, max_reasks=1
            )
            selection = picked.model_dump(mode="json")
        except (ModelOutputError, LLMTimeoutError) as exc:
            # the evidence is computed and checked: answer from it, and say so (source=code)
            log.warning("claim selection failed (%s): the answer is written by code", exc)
            selection = {}
        verification = verify_selection(selection, menu, focus=state.focus)
        return json.dumps(selection, ensure_ascii=False), verification

    async def _decompose(
        self, verification: Verification, ledger: Ledger, state: State
    ) -> Verification:
        """Prose mode: the sentences the code reader could not fully read, decomposed by
        the LLM into claims from the cited facts; code checks them and their coverage."""
        checks = list(verification.sentences)
        todo = [i for i, c in enumerate(checks) if decompose.eligible(c, ledger)]
        for i in todo[: self.max_sentences]:
            menu = decompose.menu_for(checks[i], ledger)
            if not menu.items:
                continue
            try:
                picked = await structured(
                    self.llm, decomposition_messages(checks[i].text, menu),
                    menu.model(self.max_sentences, negatable=True), max_tokens=320,
                    max_reasks=1,
                )  # fmt: skip
            except (ModelOutputError, LLMTimeoutError) as exc:
                # a rescue that did not happen: the sentence stays unsupported
                log.info("could not decompose %r: %s", checks[i].text, exc)
                continue
            picks = picked.model_dump(mode="json")["claims"]
            checks[i] = decompose.judge(checks[i], picks, menu)
        if not todo:
            return verification
        return assemble(checks, ledger, self.policy, strict=self.strict, focus=state.focus)

    async def _prose(self, question: str, state: State, records: list[Evidence]) -> str:
        messages = narration_messages(question, state, records, self.max_sentences)
        try:
            result = await self.llm.chat(messages, max_tokens=self.max_tokens)
        except ModelOutputError as exc:
            log.warning("narration failed (%s): the answer is built from the facts", exc)
            return ""
        text = (result.text or "").strip()
        if result.finish_reason == "length":
            # Cut off by the token limit: the last sentence (or fact line) is unfinished.
            pieces = split_sentences(text)
            text = text[: text.rfind(pieces[-1])].rstrip() if pieces else ""
        return text

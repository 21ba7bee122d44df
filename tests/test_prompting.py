"""Prompt files: declared variables are enforced, and data is never template code."""

from __future__ import annotations

import pytest

from agent.llm import prompting


def test_variables_are_declared_by_the_template() -> None:
    assert prompting.variables("ask_system") == {"max_sentences"}
    assert prompting.variables("reask") == {"problems"}


def test_missing_or_unexpected_variables_fail() -> None:
    with pytest.raises(prompting.PromptError, match=r"missing \['max_sentences'\]"):
        prompting.render("ask_system")
    with pytest.raises(prompting.PromptError, match=r"unexpected \['typo'\]"):
        prompting.render("ask_system", max_sentences=3, typo=1)


def test_unknown_prompt_lists_the_available_ones() -> None:
    with pytest.raises(prompting.PromptError, match=r"available: .*ask_system"):
        prompting.render("nope")


def test_values_are_data_not_template_code() -> None:
    text = prompting.render("reask", problems=["{{ 7 * 7 }} {% for x in y %}"])
    assert "{{ 7 * 7 }} {% for x in y %}" in text
    assert "49" not in text

"""The explainer LLM proposes themes of a text column; code decides which hold.

The LLM reads a few texts of the target's group and of the rest (quoted as JSON data)
and proposes named themes as phrase lists, under a JSON schema. It writes no code and no
query: each proposal becomes a phrase rule that :func:`tools.dataset.analyse.
validate_themes` counts over every row, with a BH adjustment over every theme tested, and
only validated themes reach the report. A proposal that no row uses, or that does not
separate the groups, is kept in the findings as tested and not validated.
"""

from __future__ import annotations

import json
from typing import Annotated

from pydantic import BaseModel, Field

from agent.llm import LLMProvider, prompting
from agent.llm.structured import structured
from tools.dataset.analyse import TargetInfo
from tools.dataset.themes import Candidate

MAX_THEMES = 5


class ProposedTheme(BaseModel):
    name: str = Field(max_length=80, description="A short predicate.")
    phrases: list[Annotated[str, Field(max_length=60)]] = Field(min_length=1, max_length=6)


class Proposals(BaseModel):
    themes: list[ProposedTheme] = Field(max_length=MAX_THEMES)


def theme_messages(
    column: str,
    target: TargetInfo,
    group: list[str],
    rest: list[str],
    terms: list[tuple[str, float]] | None = None,
) -> list[dict[str, str]]:
    """The proposer's prompt: example texts of both sides and the separating terms (with
    their z-score's sign), all quoted as JSON data."""
    side = (f"{target.column} = {target.positive}" if target.positive is not None
            else f"{target.column} above its median")  # fmt: skip
    user = prompting.render(
        "themes_user",
        column_json=json.dumps(column, ensure_ascii=False),
        group_json=json.dumps(side, ensure_ascii=False),
        group_rows_json=json.dumps(group, ensure_ascii=False),
        rest_rows_json=json.dumps(rest, ensure_ascii=False),
        terms_json=json.dumps(
            [("+" if z > 0 else "-") + t for t, z in terms or []], ensure_ascii=False
        ),
    )
    return [{"role": "system", "content": prompting.render("themes_system",
                                                          max_themes=MAX_THEMES)},
            {"role": "user", "content": user}]  # fmt: skip


async def propose_themes(
    llm: LLMProvider,
    column: str,
    target: TargetInfo,
    group: list[str],
    rest: list[str],
    terms: list[tuple[str, float]],
) -> list[Candidate]:
    """The LLM's proposals as candidate themes (unvalidated). Raises the LLM's errors
    (:class:`agent.errors.ExplainerError`): the caller notes them and goes on."""
    messages = theme_messages(column, target, group, rest, terms)
    found = await structured(llm, messages, Proposals, max_tokens=600, max_reasks=1)
    return [Candidate(name=t.name.strip() or "unnamed", phrases=t.phrases, source="explainer LLM")
            for t in found.themes]  # fmt: skip

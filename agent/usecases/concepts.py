"""Use case: concept directions (``explainer steer``, chat "how negative does layer 12
think this is?"): where the contrast sets come from, then the ``steer`` tool.

Contrast sets are, in order of preference: the user's own (``--positive`` / ``--negative``),
a built-in set by name (``sentiment``: short reviews, written here), or sets the explainer
LLM writes for a named concept under a JSON schema — shown to the user with the result,
since a direction is only as good as the texts it is found from. The LLM writes texts;
the direction, its held-out separation, the reading and the steering test are computed by
code (:mod:`tools.steering`), with the random-direction control beside every figure.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, Field

from agent.errors import BadInputError, ModelOutputError, ToolFailedError
from agent.llm import LLMProvider, prompting
from agent.llm.structured import structured
from tools.concept_sets import BUILTIN
from tools.errors import ToolError, ToolInputError

Text = Annotated[str, Field(min_length=3, max_length=160)]


class ContrastSets(BaseModel):
    positive: list[Text] = Field(min_length=4, max_length=16)
    negative: list[Text] = Field(min_length=4, max_length=16)


class Sets(BaseModel):
    """Contrast sets and where they came from (shown to the user)."""

    concept: str
    source: str = Field(description="'given', 'built-in' or 'explainer LLM'.")
    positive: list[str]
    negative: list[str]


async def propose_sets(llm: LLMProvider, concept: str, n: int = 8) -> ContrastSets:
    """Two contrast sets for ``concept``, written by the explainer LLM (the concept reaches
    it as JSON data). Duplicates and texts in both sets are dropped; fewer than 4 left on a
    side is a :class:`ModelOutputError`."""
    messages = [
        {"role": "system", "content": prompting.render("concept_system", n=n)},
        {"role": "user", "content": prompting.render(
            "concept_user", concept_json=json.dumps(concept, ensure_ascii=False))},
    ]  # fmt: skip
    found = await structured(llm, messages, ContrastSets, max_tokens=700, max_reasks=1)
    pos = list(dict.fromkeys(t.strip() for t in found.positive))
    neg = [t for t in dict.fromkeys(t.strip() for t in found.negative) if t not in pos]
    pos = [t for t in pos if t not in neg]
    if min(len(pos), len(neg)) < 4:
        raise ModelOutputError(
            f"the explainer LLM wrote {len(pos)} and {len(neg)} distinct texts for "
            f"{concept!r}; at least 4 a side are needed: give --positive/--negative",
            last_completion=found.model_dump_json(),
        )
    return ContrastSets(positive=pos, negative=neg)


async def contrast_sets(
    concept: str,
    positive: list[str] | None = None,
    negative: list[str] | None = None,
    llm: LLMProvider | None = None,
) -> Sets:
    """The sets to use for ``concept``: given, built-in, or written by ``llm``."""
    if positive or negative:
        if not (positive and negative):
            raise BadInputError("give both --positive and --negative texts (4 or more each)")
        return Sets(concept=concept, source="given", positive=positive, negative=negative)
    if concept.lower() in BUILTIN:
        pos, neg = BUILTIN[concept.lower()]
        return Sets(concept=concept, source="built-in", positive=pos, negative=neg)
    if llm is None:
        known = ", ".join(sorted(BUILTIN))
        raise BadInputError(
            f"no contrast sets for {concept!r}: give --positive/--negative texts, use a "
            f"built-in concept ({known}), or let the explainer LLM write them (--llm)"
        )
    found = await propose_sets(llm, concept)
    return Sets(concept=concept, source="explainer LLM", positive=found.positive,
                negative=found.negative)  # fmt: skip


def steer(sets: Sets, **arguments: Any) -> Any:
    """Run the ``steer`` tool on ``sets``; its input errors become :class:`BadInputError`."""
    from tools.registry import get_tool

    try:
        return get_tool("steer")({"positive": sets.positive, "negative": sets.negative,
                                  **arguments})  # fmt: skip
    except ToolInputError as exc:
        raise BadInputError(str(exc)) from None
    except ToolError as exc:
        raise ToolFailedError(str(exc)) from None

"""Use case: automated interpretability of one unit (``explainer neuron``): explain,
simulate, score (Bills et al. 2023), with the LLM only writing the explanation.

1. **Activations**: the ``neuron`` tool runs the target over a corpus and keeps the
   top-activating snippets (an explain set and a held-out set with random texts).
2. **Explain**: the explainer LLM reads the explain set — tokens with activations scaled
   0-10, quoted as JSON data — and replies, under a JSON schema, with a short explanation
   and the words or phrases the unit fires on.
   Code writes the explanation shown ("fires on 'x', 'y'") from the words picked — from a
   menu of the snippets' peak words and the corpus's top-mean words, a JSON-schema enum, so
   a grammar-constrained server can only pick real words; the LLM's own description is
   kept beside it, marked as not checked.
3. **Simulate and score, by code**: those phrases predict 1 on every held-out token inside
   a whole-word match and 0 elsewhere; the score is the Pearson correlation with the true
   activations (:func:`tools.neurons.simulation_score`), shown as it is, however low.

Next to it, code's own explanation — the tokens with the highest mean activation — is
scored the same way: a baseline that says whether the LLM's words beat simple counting.
Without an LLM (or when it fails) the baseline is the explanation, and says so.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, create_model

from agent.errors import BadInputError, ExplainerError, ToolFailedError
from agent.llm import LLMProvider, prompting
from agent.llm.structured import structured
from tools.errors import ToolError, ToolInputError
from tools.neurons import NeuronResult, Snippet, simulation_score

MAX_PHRASES = 5
BASELINE_TOKENS = 3


class UnitExplanation(BaseModel):
    explanation: str = Field(max_length=160, description="What the unit fires on.")
    phrases: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(
        min_length=1, max_length=MAX_PHRASES
    )


MENU = 24  # candidate words offered to the explainer


def candidates(result: NeuronResult) -> list[str]:
    """The words the explainer may name: the explain set's peak words, then the corpus's
    top-mean words (a 135M narrator selects; it cannot be trusted to write words)."""
    seen: dict[str, None] = {}
    for s in result.top:
        seen.setdefault(s.peak_token.lower(), None)
    for t in result.top_tokens:
        seen.setdefault(t.token, None)
    return [w for w in seen if w.strip()][:MENU]


def explanation_model(menu: list[str]) -> type[BaseModel]:
    """UnitExplanation whose phrases must come from ``menu`` (a JSON-schema enum, so a
    grammar-constrained server can only pick real words of the snippets)."""
    if not menu:
        return UnitExplanation
    word = Literal[tuple(menu)]  # type: ignore[valid-type]
    return create_model(
        "UnitExplanationFromMenu",
        explanation=(str, Field(max_length=160, description="What the unit fires on.")),
        phrases=(list[word], Field(min_length=1, max_length=MAX_PHRASES)),  # type: ignore[valid-type]
    )


class AutoInterp(BaseModel):
    """An explanation of a unit and its simulation score on held-out snippets."""

    unit: str
    model: str
    explanation: str = Field(description="Written by code from the phrases.")
    phrases: list[str]
    description: str | None = Field(
        default=None, description="The explainer LLM's own words about the unit: not checked."
    )
    source: str = Field(description="'explainer LLM' or 'code: top tokens'.")
    score: float | None = Field(description="Pearson r of the simulation (None: constant).")
    baseline_phrases: list[str] = Field(description="Code's explanation: top mean tokens.")
    baseline_score: float | None
    held_out_snippets: int
    held_out_tokens: int
    note: str | None = Field(default=None, description="Why the LLM's explanation is absent.")

    def summary(self) -> str:
        score = ("undefined (its words match no held-out token)" if self.score is None
                 else f"{self.score:.2f}")  # fmt: skip
        base = "undefined" if self.baseline_score is None else f"{self.baseline_score:.2f}"
        return (f"{self.unit}: \"{self.explanation}\" ({self.source}); simulation score "
                f"{score} on {self.held_out_tokens} held-out tokens "
                f"(code's top tokens: {base})")  # fmt: skip


def _fires_on(words: list[str]) -> str:
    return "fires on " + (", ".join(repr(w) for w in words) or "(no word used twice)")


def read_unit(arguments: dict[str, Any]) -> NeuronResult:
    """Run the ``neuron`` tool; its input errors become :class:`BadInputError`."""
    from tools.registry import get_tool

    try:
        result = get_tool("neuron")(arguments)
    except ToolInputError as exc:
        raise BadInputError(str(exc)) from None
    except ToolError as exc:
        raise ToolFailedError(str(exc)) from None
    assert isinstance(result, NeuronResult)
    return result


def scaled(snippet: Snippet, top: float) -> list[tuple[str, int]]:
    """The snippet as [token, activation 0-10] pairs (Bills et al.'s display)."""
    scale = 10.0 / top if top > 0 else 0.0
    return [(snippet.text[s:e], max(0, min(10, round(a * scale))))
            for (s, e), a in zip(snippet.spans, snippet.activations, strict=True)]  # fmt: skip


def neuron_messages(result: NeuronResult) -> list[dict[str, str]]:
    top = max((s.peak for s in result.top), default=0.0)
    snippets = [{"tokens": scaled(s, top), "peak_token": s.peak_token} for s in result.top]
    user = prompting.render(
        "neuron_user",
        unit_json=json.dumps(result.unit, ensure_ascii=False),
        snippets_json=json.dumps(snippets, ensure_ascii=False),
        menu_json=json.dumps(candidates(result), ensure_ascii=False),
    )
    system = prompting.render("neuron_system", max_phrases=MAX_PHRASES)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


async def explain_unit(llm: LLMProvider | None, result: NeuronResult) -> AutoInterp:
    """Explain ``result``'s unit (by the LLM if given) and score it on held-out snippets."""
    baseline = [t.token for t in result.top_tokens[:BASELINE_TOKENS]]
    fields: dict[str, Any] = {
        "unit": result.unit, "model": result.model,
        "baseline_phrases": baseline,
        "baseline_score": simulation_score(result.held_out, baseline) if baseline else None,
        "held_out_snippets": len(result.held_out),
        "held_out_tokens": sum(len(s.spans) for s in result.held_out),
    }  # fmt: skip
    note = None if llm is not None else "no explainer LLM"
    if llm is not None:
        try:
            schema = explanation_model(candidates(result))
            found = await structured(llm, neuron_messages(result), schema,
                                     max_tokens=200, max_reasks=1)  # fmt: skip
        except ExplainerError as exc:
            note = f"the explainer LLM gave no usable explanation: {exc}"
        else:
            phrases = list(dict.fromkeys(p.strip() for p in found.phrases if p.strip()))  # type: ignore[attr-defined]
            description = found.explanation.strip() or None  # type: ignore[attr-defined]
            return AutoInterp(
                explanation=_fires_on(phrases), phrases=phrases, description=description,
                source="explainer LLM", score=simulation_score(result.held_out, phrases),
                **fields,
            )  # fmt: skip
    return AutoInterp(explanation=_fires_on(baseline), phrases=baseline,
                      source="code: top tokens", score=fields["baseline_score"], note=note,
                      **fields)  # fmt: skip

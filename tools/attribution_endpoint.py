"""Attribution for a served model (black box): occlusion scored through an
OpenAI-compatible endpoint's log-probabilities, in the same result shape as the
white-box methods of :mod:`tools.attribution`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from tools.attribution import AttributionResult, UnitScore
from tools.base import ToolInput, register
from tools.errors import ToolInputError
from tools.models import Cost


class EndpointAttributeArgs(ToolInput):
    """Which words made a served model (an endpoint) give its answer? Occlusion only."""

    text: str = Field(min_length=1, description="The user's input to the served model.")
    endpoint: str = Field(description="Base URL of a llama.cpp-compatible endpoint.")
    answer: str | None = Field(
        default=None, description="Answer to explain; default: the endpoint's own answer."
    )
    granularity: Literal["word", "sentence"] = Field(default="word", description="Units.")
    max_new_tokens: int = Field(default=16, ge=1, le=256, description="Answer length cap.")


@register(
    "attribute_endpoint",
    "Score how much each word of an input made a served model (an OpenAI-compatible "
    "endpoint with log-probabilities) give its answer, by occlusion.",
)
def attribute_endpoint(args: EndpointAttributeArgs) -> AttributionResult:
    from tools.models.blackbox import BlackBoxLM
    from tools.models.units import segments

    cost = Cost()
    target = BlackBoxLM(args.endpoint)
    try:
        answer_text = args.answer or target.generate(args.text, args.max_new_tokens)
        answer = target.tokenize(answer_text)
        if not answer:
            raise ToolInputError("the answer to explain is empty")
        spans = segments(args.text, args.granularity)
        if not spans:
            raise ToolInputError("the text has no words to attribute")
        texts = [args.text] + [" ".join((args.text[:s] + args.text[e:]).split()) for s, e in spans]
        scores = [sum(row) for row in target.score(texts, answer)]
    finally:
        target.close()
    cost.forward_passes = float(len(texts))
    cost.stop()
    return AttributionResult(
        model=target.name,
        text=args.text,
        method="occlusion",
        granularity=args.granularity,
        answer=answer_text,
        answer_tokens=[],
        answer_ids=answer,
        target="the answer",
        target_logprob=scores[0],
        baseline="unit removed from the text",
        units=[
            UnitScore(text=args.text[s:e], start=s, end=e, score=scores[0] - sc)
            for (s, e), sc in zip(spans, scores[1:], strict=True)
        ],
        forward_passes=cost.forward_passes,
        seconds=round(cost.seconds, 3),
    )

"""Attribution for a served model (black box): occlusion scored through an
OpenAI-compatible endpoint's log-probabilities, in the same result shape as the
white-box methods of :mod:`tools.attribution`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from tools.attribution import (
    CONTRAST_FIELD,
    AttributionResult,
    UnitScore,
    probability,
    removal_points,
)
from tools.base import ToolInput, register
from tools.decision import _END, _named, _styled, options_in
from tools.errors import ToolInputError
from tools.models import Cost
from tools.models.blackbox import BlackBoxLM


class EndpointAttributeArgs(ToolInput):
    """Which words made a served model (an endpoint) give its answer? Occlusion only."""

    text: str = Field(min_length=1, description="The user's input to the served model.")
    endpoint: str = Field(description="Base URL of a llama.cpp-compatible endpoint.")
    answer: str | None = Field(
        default=None,
        description="Answer to explain; default: the endpoint's decision (the option its "
        "answer names when the prompt offers options, else its answer's first sentence).",
    )
    foil: str | None = Field(
        default=None,
        description="Contrast: explain why the answer rather than this one (log p(answer) "
        "- log p(foil), both teacher-forced after the answer's words before the decision).",
    )
    contrast: bool = CONTRAST_FIELD
    granularity: Literal["word", "sentence"] = Field(default="word", description="Units.")
    max_new_tokens: int = Field(default=16, ge=1, le=256, description="Answer length cap.")


@dataclass
class _Target:
    """What is explained: ``answer`` tokens whose log-probs from ``start`` on count
    (the answer's words before the decision are context), optionally against a foil."""

    answer: list[int]
    text: str
    start: int = 0
    label: str | None = None
    options: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    foil: str | None = None
    foil_ids: list[int] | None = None
    generated: str | None = None
    addressed: bool | None = None


@register(
    "attribute_endpoint",
    "Score how much each word of an input made a served model (an OpenAI-compatible "
    "endpoint with log-probabilities) give its answer (its decision, or a contrast with "
    "another option), by occlusion.",
)
def attribute_endpoint(args: EndpointAttributeArgs) -> AttributionResult:
    from tools.models.units import segments

    cost = Cost()
    target = BlackBoxLM(args.endpoint)
    try:
        spans = segments(args.text, args.granularity)
        if not spans:
            raise ToolInputError("the text has no words to attribute")
        explained = _explained(target, args)
        texts = [args.text] + [" ".join((args.text[:s] + args.text[e:]).split()) for s, e in spans]
        scores = [sum(row[explained.start :]) for row in target.score(texts, explained.answer)]
        if explained.foil_ids is not None:
            foil = target.score(texts, explained.foil_ids)
            scores = [a - sum(row[explained.start :]) for a, row in zip(scores, foil, strict=True)]
    finally:
        target.close()
    cost.forward_passes = float(len(texts) * (2 if explained.foil_ids is not None else 1))
    cost.stop()
    effects = [scores[0] - sc for sc in scores[1:]]
    contrast = explained.foil is not None
    points = removal_points(scores[0], effects, contrast=contrast)
    answer_text = explained.text
    if contrast:
        what = f"{explained.label or answer_text.strip()!r} rather than {explained.foil!r}"
    elif explained.label is not None and explained.options:
        what = f"the decision {explained.label!r}"
    elif explained.label is not None:
        what = "the answer's first sentence"
    else:
        what = "the answer"
    return AttributionResult(
        model=target.name,
        text=args.text,
        method="occlusion",
        granularity=args.granularity,
        answer=answer_text,
        answer_tokens=[],
        answer_ids=explained.answer,
        target=what,
        target_logprob=scores[0],
        decision=explained.label,
        options=explained.options,
        option_scores=explained.scores,
        foil=explained.foil,
        probability=probability(scores[0], contrast=contrast),
        generated=explained.generated,
        addressed=explained.addressed,
        baseline="unit removed from the text",
        units=[
            UnitScore(
                text=args.text[s:e],
                start=s,
                end=e,
                score=effect,
                points=None if pt is None else round(pt, 3),
            )
            for (s, e), effect, pt in zip(spans, effects, points, strict=True)
        ],
        forward_passes=cost.forward_passes,
        seconds=round(cost.seconds, 3),
    )


def _explained(target: BlackBoxLM, args: EndpointAttributeArgs) -> _Target:
    """The answer (and foil) to score, by the rule of :mod:`tools.decision`."""
    if args.answer is not None:
        answer = target.tokenize(args.answer)
        if not answer:
            raise ToolInputError("the answer to explain is empty")
        explained = _Target(answer=answer, text=args.answer)
        foil = args.foil
        if foil is None and args.contrast:
            raise ToolInputError("with a fixed answer, name the foil to contrast with")
        if foil is not None:
            explained.foil, explained.foil_ids = foil, target.tokenize(foil)
        return explained
    generated = target.generate(args.text, args.max_new_tokens)
    options = options_in(args.text)
    if not options:
        end = _END.search(generated)
        first = generated[: end.start() + 1 if end else len(generated)].strip()
        if not first:
            raise ToolInputError(f"{target.name} gave an empty answer: pass `answer`")
        if args.foil is not None or args.contrast:
            raise ToolInputError(
                "no option to contrast with: the prompt offers none; pass `answer` and `foil`"
            )
        return _Target(answer=target.tokenize(first), text=first, label=first,
                       generated=generated, addressed=True)  # fmt: skip
    named = [(m.start(), o) for o in options if (m := _named(o, generated))]
    if named:  # the option the answer names first, after the answer's words before it
        at, option = min(named)
        prefix = generated[:at].rstrip()
        written = generated[len(prefix) : at + len(option)]
        addressed = True
    else:  # the answer names none: the option it would start with
        prefix, written, addressed = "", "", False
    forms = {o: (f"{written[: len(written) - len(written.lstrip())]}"
                 f"{_styled(o, written.strip() or o)}") for o in options}  # fmt: skip
    if named:
        forms[option] = written
    head = target.tokenize(prefix) if prefix else []
    ids = {o: target.tokenize(prefix + form) for o, form in forms.items()}
    start = len(head)
    if any(v[:start] != head or len(v) <= start for v in ids.values()):
        start, ids = 0, {o: target.tokenize(form.strip()) for o, form in forms.items()}
    scores = {o: round(sum(target.score([args.text], ids[o])[0][start:]), 4) for o in options}
    label = option if named else max(options, key=lambda o: scores[o])
    runner = max((o for o in options if o != label), key=lambda o: scores[o])
    foil = args.foil if args.foil is not None else (runner if args.contrast else None)
    if foil is not None and foil.casefold() == label.casefold():
        raise ToolInputError(f"the model's decision is {label!r}: contrast it with another")
    explained = _Target(answer=ids[label], text=(prefix if start else "") + forms[label],
                        start=start, label=label, options=options, scores=scores,
                        generated=generated, addressed=addressed)  # fmt: skip
    if foil is not None:
        spelled = next((o for o in options if o.casefold() == foil.casefold()), None)
        foil_ids = ids[spelled] if spelled else target.tokenize(
            (prefix + " " if start else "") + foil)  # fmt: skip
        if foil_ids[:start] != ids[label][:start] or len(foil_ids) <= start:
            raise ToolInputError(
                f"the foil {foil!r} does not follow the answer's words {prefix!r} as one "
                "token sequence: pass `answer` too"
            )
        explained.foil, explained.foil_ids = spelled or foil, foil_ids
    return explained

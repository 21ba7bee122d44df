"""What if the input said something else? Re-run the target with words removed or replaced
and report how its answer and the original answer's probability change."""

from __future__ import annotations

import math
import re

from pydantic import Field, model_validator

from tools.base import Fact, ToolInput, ToolOutput, target_tool
from tools.errors import ToolInputError
from tools.models import DEFAULT_TARGET, WhiteBoxLM


class WhatIfArgs(ToolInput):
    """Edit the input (remove or replace whole words) and compare the model's answers."""

    text: str = Field(min_length=1, description="The original input.")
    remove: list[str] = Field(default_factory=list, description="Words or phrases to delete.")
    replace: dict[str, str] = Field(
        default_factory=dict, description="Words or phrases to replace: {old: new}."
    )
    model: str = Field(default=DEFAULT_TARGET, description="Target model.")
    max_new_tokens: int = Field(default=16, ge=1, le=256, description="Answer length cap.")

    @model_validator(mode="after")
    def _check(self) -> WhatIfArgs:
        if not self.remove and not self.replace:
            raise ValueError("say what to change: `remove` and/or `replace`")
        return self


class WhatIfResult(ToolOutput):
    model: str
    text: str
    edited_text: str
    edits: list[str]
    original_answer: str
    edited_answer: str
    answer_changed: bool
    original_logprob: float = Field(description="log p(original answer | original), nats.")
    edited_logprob: float = Field(description="log p(original answer | edited), nats.")
    logprob_change: float
    probability_ratio: float = Field(
        description="Per-token probability of the original answer, edited / original."
    )

    def summary(self) -> str:
        verb = "changes" if self.answer_changed else "keeps"
        return (
            f"{'; '.join(self.edits)}: {self.model} {verb} its answer "
            f"({self.original_answer!r} -> {self.edited_answer!r}); log p of the original "
            f"answer {self.original_logprob:.3f} -> {self.edited_logprob:.3f}"
        )

    def facts(self) -> list[Fact]:
        subject = "; ".join(self.edits)
        return [
            Fact(subject=subject, quantity="answer_changed", value=float(self.answer_changed)),
            Fact(subject=subject, quantity="log_prob_change",
                 value=round(self.logprob_change, 4), unit="nats"),
            Fact(subject=subject, quantity="log_prob_of_original_answer",
                 value=round(self.edited_logprob, 4), unit="nats"),
            Fact(subject="original answer", quantity="log_prob",
                 value=round(self.original_logprob, 4), unit="nats"),
        ]  # fmt: skip


def apply_edits(text: str, remove: list[str], replace: dict[str, str]) -> tuple[str, list[str]]:
    """The edited text and a description of each edit; unknown words are an error."""
    edits = []
    for old, new in [*((w, "") for w in remove), *replace.items()]:
        pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
        if not pattern.search(text):
            raise ToolInputError(f"{old!r} does not occur in the text as a whole word")
        text = pattern.sub(new, text)
        edits.append(f"remove {old!r}" if not new else f"replace {old!r} with {new!r}")
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    text = re.sub(r" ([,.;:!?])", r"\1", text)
    if not text:
        raise ToolInputError("the edits leave no text")
    return text, edits


@target_tool(
    "what_if",
    "Re-run the target model with words removed or replaced and report whether its answer "
    "changes and how the probability of the original answer moves.",
)
def what_if_with(lm: WhiteBoxLM, args: WhatIfArgs) -> WhatIfResult:
    edited, edits = apply_edits(args.text, args.remove, args.replace)
    original = lm.encode(args.text)
    changed = lm.encode(edited)
    answer = lm.generate(original.ids, args.max_new_tokens)
    if not answer:
        raise ToolInputError(f"{lm.name} gave an empty answer to the original text")
    new_answer = lm.generate(changed.ids, args.max_new_tokens)
    before, after = lm.score([original.ids, changed.ids], answer).sum(-1).tolist()
    return WhatIfResult(
        model=lm.name,
        text=args.text,
        edited_text=edited,
        edits=edits,
        original_answer=lm.decode(answer),
        edited_answer=lm.decode(new_answer),
        answer_changed=new_answer != answer,
        original_logprob=before,
        edited_logprob=after,
        logprob_change=after - before,
        probability_ratio=math.exp((after - before) / len(answer)),
    )

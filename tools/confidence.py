"""How sure is the model of its answer? The decision's probability, token probabilities,
entropy and the runner-ups.

By default (no ``answer`` given) this reads the answer's *decision* (see
:mod:`tools.decision`): for a prompt that offers options, the probability the model gives
the option it chose at the place it chose it ("The review was ▸negative"), every other
option's probability there, and each option's share of the probability given to the
options; for other prompts, the first sentence of its answer. Then, for the answer up to
the decision (or a given answer), every token's probability given the ones before it, the
total log-probability, the smallest token probability (the weakest link), the entropy at
the decision's position and the alternatives the model weighed there.
"""

from __future__ import annotations

import math
from typing import Literal

import torch
from pydantic import BaseModel, Field

from tools.base import Fact, ToolInput, ToolOutput, target_tool
from tools.decision import DECISION_TOKENS, Decision, decide
from tools.errors import ToolInputError
from tools.models import DEFAULT_TARGET, WhiteBoxLM


class ConfidenceArgs(ToolInput):
    """How sure is the target model of its answer to this input?"""

    text: str = Field(min_length=1, description="The user's input to the target model.")
    answer: str | None = Field(
        default=None, description="Answer to score; default: the model's own greedy answer."
    )
    target: Literal["decision", "continuation"] = Field(
        default="decision",
        description="Without `answer`: the decision (the option chosen, or the first "
        "sentence), or the whole greedy continuation.",
    )
    top_k: int = Field(default=5, ge=1, le=20, description="Alternatives shown.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model.")
    max_new_tokens: int = Field(
        default=DECISION_TOKENS, ge=1, le=256, description="Answer length cap."
    )


class TokenProbability(BaseModel):
    token: str
    probability: float


class Alternative(BaseModel):
    token: str
    probability: float


class OptionProbability(BaseModel):
    option: str
    probability: float = Field(description="p(option) where the decision is made.")
    share: float = Field(description="Its share of the probability given to the options.")


class ConfidenceResult(ToolOutput):
    model: str
    text: str
    answer: str
    decision: str | None = Field(default=None, description="The decision read, if any.")
    options: list[OptionProbability] = Field(
        default_factory=list, description="The offered options, the chosen one first."
    )
    generated: str | None = Field(default=None, description="The model's own answer.")
    addressed: bool | None = Field(
        default=None, description="False when the model's answer names none of the options."
    )
    tokens: list[TokenProbability]
    answer_logprob: float = Field(description="log p(answer | input), nats.")
    mean_token_probability: float = Field(description="Geometric mean token probability.")
    min_token_probability: float
    weakest_token: str
    first_token_entropy: float = Field(
        description="Entropy where the decision is made (the first answer token), nats."
    )
    alternatives: list[Alternative] = Field(description="Top tokens at that position.")

    def summary(self) -> str:
        if self.options:
            chosen, *others = self.options
            rest = ", ".join(f"{o.option!r} {o.probability:.3f}" for o in others)
            return (
                f"confidence of {self.model} in its decision {chosen.option!r}: p "
                f"{chosen.probability:.3f} where it decides ({rest}); "
                f"{chosen.share:.1%} of the probability given to the options"
            )
        return (
            f"confidence of {self.model} in {self.answer!r}: first token "
            f"{self.tokens[0].token!r} at p {self.tokens[0].probability:.3f}, weakest token "
            f"{self.weakest_token!r} at p {self.min_token_probability:.3f}, geometric mean "
            f"{self.mean_token_probability:.3f}"
        )

    def facts(self) -> list[Fact]:
        first = self.tokens[0]
        facts = []
        if self.options:  # the decision first: what "how sure is it?" asks
            chosen = self.options[0]
            facts += [
                Fact(subject=chosen.option, quantity="probability",
                     value=round(chosen.probability, 4)),
                Fact(subject=chosen.option, quantity="share_of_options",
                     value=round(chosen.share, 4)),
            ] + [
                Fact(subject=o.option, quantity="probability", value=round(o.probability, 4))
                for o in self.options[1:]
            ]  # fmt: skip
        facts += [
            Fact(subject="answer", quantity="log_prob", value=round(self.answer_logprob, 4),
                 unit="nats"),
            Fact(subject="answer", quantity="mean_token_probability",
                 value=round(self.mean_token_probability, 4)),
            Fact(subject=self.weakest_token.strip() or self.weakest_token,
                 quantity="min_token_probability", value=round(self.min_token_probability, 4)),
            Fact(subject="first token", quantity="entropy",
                 value=round(self.first_token_entropy, 4), unit="nats"),
            Fact(subject=first.token.strip() or first.token, quantity="first_token_probability",
                 value=round(first.probability, 4)),
        ]  # fmt: skip
        facts += [
            Fact(subject=a.token.strip() or a.token, quantity="alternative_probability",
                 value=round(a.probability, 4))
            for a in self.alternatives
            if a.token != first.token
        ]  # fmt: skip
        return facts


@target_tool(
    "confidence",
    "How sure the target model is of its answer: each answer token's probability, the "
    "answer's log-probability, the weakest token, and the alternatives at the first token.",
)
@torch.no_grad()
def confidence_with(lm: WhiteBoxLM, args: ConfidenceArgs) -> ConfidenceResult:
    ids = lm.encode(args.text).ids
    decision, at = None, 0
    if args.answer is not None:
        answer = lm.answer_ids(args.answer)
    elif args.target == "decision":
        decision = decide(lm, ids, args.text, args.max_new_tokens)
        answer, at = decision.answer_ids, decision.start
    else:
        answer = lm.generate(ids, args.max_new_tokens)
    if not answer:
        raise ToolInputError(f"{lm.name} gave an empty answer: pass `answer`")
    if len(ids) + len(answer) > lm.context:
        raise ToolInputError(f"prompt and answer exceed {lm.name}'s {lm.context} tokens")
    logits = lm.model(input_ids=torch.tensor([ids + answer])).logits
    logp = logits[0, len(ids) - 1 : -1, :].float().log_softmax(-1)  # predicts answer tokens
    per_token = logp.gather(-1, torch.tensor(answer).unsqueeze(-1)).squeeze(-1)
    probs = per_token.exp().tolist()
    here = logp[at].exp()  # where the decision is made (the first token otherwise)
    top = here.topk(args.top_k)
    entropy = float(-(here * logp[at]).nansum())
    weakest = min(range(len(answer)), key=lambda i: probs[i])
    total = float(per_token.sum())
    return ConfidenceResult(
        model=lm.name,
        text=args.text,
        answer=lm.decode(answer),
        decision=decision.label if decision is not None else None,
        options=_options(decision) if decision is not None else [],
        generated=decision.generated if decision is not None else None,
        addressed=decision.addressed if decision is not None else None,
        tokens=[
            TokenProbability(token=lm.decode([t]), probability=round(p, 6))
            for t, p in zip(answer, probs, strict=True)
        ],
        answer_logprob=total,
        mean_token_probability=math.exp(total / len(answer)),
        min_token_probability=probs[weakest],
        weakest_token=lm.decode([answer[weakest]]),
        first_token_entropy=entropy,
        alternatives=[
            Alternative(token=lm.decode([int(i)]), probability=round(float(p), 6))
            for i, p in zip(top.indices, top.values, strict=True)
        ],
    )


def _options(decision: Decision) -> list[OptionProbability]:
    """Each offered option's probability where the decision is made, the chosen first."""
    if decision.kind != "option" or not decision.scores:
        return []
    scores = decision.scores
    peak = max(scores.values())
    weights = {o: math.exp(v - peak) for o, v in scores.items()}
    total = sum(weights.values())
    ranked = sorted(scores, key=lambda o: (o != decision.label, -scores[o]))
    return [
        OptionProbability(option=o, probability=round(math.exp(scores[o]), 6),
                          share=round(weights[o] / total, 6))
        for o in ranked
    ]  # fmt: skip

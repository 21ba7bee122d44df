"""How sure is the model of its answer? Token probabilities, entropy and the runner-ups.

For the model's own greedy answer (or a given one) this reports the probability of every
answer token given the ones before it, the answer's total log-probability, the smallest
token probability (the weakest link), the entropy of the first answer position and the
alternatives the model weighed there. All numbers come from one forward pass.
"""

from __future__ import annotations

import math

import torch
from pydantic import BaseModel, Field

from tools.base import Fact, ToolInput, ToolOutput, target_tool
from tools.errors import ToolInputError
from tools.models import DEFAULT_TARGET, WhiteBoxLM


class ConfidenceArgs(ToolInput):
    """How sure is the target model of its answer to this input?"""

    text: str = Field(min_length=1, description="The user's input to the target model.")
    answer: str | None = Field(
        default=None, description="Answer to score; default: the model's own greedy answer."
    )
    top_k: int = Field(default=5, ge=1, le=20, description="Alternatives shown.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model.")
    max_new_tokens: int = Field(default=16, ge=1, le=256, description="Answer length cap.")


class TokenProbability(BaseModel):
    token: str
    probability: float


class Alternative(BaseModel):
    token: str
    probability: float


class ConfidenceResult(ToolOutput):
    model: str
    text: str
    answer: str
    tokens: list[TokenProbability]
    answer_logprob: float = Field(description="log p(answer | input), nats.")
    mean_token_probability: float = Field(description="Geometric mean token probability.")
    min_token_probability: float
    weakest_token: str
    first_token_entropy: float = Field(description="Entropy at the first answer token, nats.")
    alternatives: list[Alternative] = Field(description="Top tokens at the first position.")

    def summary(self) -> str:
        return (
            f"confidence of {self.model} in {self.answer!r}: first token "
            f"{self.tokens[0].token!r} at p {self.tokens[0].probability:.3f}, weakest token "
            f"{self.weakest_token!r} at p {self.min_token_probability:.3f}, geometric mean "
            f"{self.mean_token_probability:.3f}"
        )

    def facts(self) -> list[Fact]:
        first = self.tokens[0]
        facts = [
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
    answer = (
        lm.answer_ids(args.answer)
        if args.answer is not None
        else lm.generate(ids, args.max_new_tokens)
    )
    if not answer:
        raise ToolInputError(f"{lm.name} gave an empty answer: pass `answer`")
    if len(ids) + len(answer) > lm.context:
        raise ToolInputError(f"prompt and answer exceed {lm.name}'s {lm.context} tokens")
    logits = lm.model(input_ids=torch.tensor([ids + answer])).logits
    logp = logits[0, len(ids) - 1 : -1, :].float().log_softmax(-1)  # predicts answer tokens
    per_token = logp.gather(-1, torch.tensor(answer).unsqueeze(-1)).squeeze(-1)
    probs = per_token.exp().tolist()
    first = logp[0].exp()
    top = first.topk(args.top_k)
    entropy = float(-(first * logp[0]).nansum())
    weakest = min(range(len(answer)), key=lambda i: probs[i])
    total = float(per_token.sum())
    return ConfidenceResult(
        model=lm.name,
        text=args.text,
        answer=lm.decode(answer),
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

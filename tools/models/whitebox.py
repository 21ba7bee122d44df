"""A white-box target: a local transformers causal LM, with gradients and hidden states.

The user's text is placed in the model's chat template (or used raw with an optional
suffix, for plain LMs and test classifiers), and the positions of the user's own tokens are
known, so attributions cover what the user wrote and never the template's tokens.

Scoring is teacher-forced: ``log p(answer | prompt)`` per answer token, for a batch of
(perturbed) prompts in one left-padded pass with explicit ``position_ids`` (without them a
left-padded batch gives wrong logits).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import Tensor

from tools.errors import ToolInputError
from tools.models.units import Granularity, Unit, build_units

log = logging.getLogger(__name__)


@dataclass
class Encoded:
    """A prompt ready for the model, with the user's tokens located."""

    text: str
    ids: list[int]
    user_positions: list[int]
    user_spans: list[tuple[int, int]] = field(repr=False)

    def units(self, granularity: Granularity) -> list[Unit]:
        return build_units(self.text, self.user_spans, self.user_positions, granularity)


@dataclass
class Cost:
    """Work done, in forward-pass equivalents of the full prompt, and wall time."""

    forward_passes: float = 0.0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter, repr=False)

    def stop(self) -> Cost:
        self.seconds = time.perf_counter() - self.started
        return self


class WhiteBoxLM:
    """A causal LM we can run, differentiate and look inside.

    Args:
        model: A transformers causal LM (eval mode is set here).
        tokenizer: Its fast tokenizer (offsets are needed).
        name: How results refer to this target.
        chat: Wrap the user's text in the tokenizer's chat template.
        suffix: Appended after the user's text when ``chat`` is False (e.g. " =>").
        max_batch: Most sequences scored in one forward pass.
    """

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        name: str,
        chat: bool = True,
        suffix: str = "",
        max_batch: int = 16,
    ):
        if not getattr(tokenizer, "is_fast", False):
            raise ToolInputError(f"{name}: a fast tokenizer is needed (character offsets)")
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.name = name
        self.chat = chat and bool(getattr(tokenizer, "chat_template", None))
        self.suffix = suffix
        self.max_batch = max_batch
        self.context = int(getattr(model.config, "max_position_embeddings", 2048))
        pad = tokenizer.pad_token_id
        self.pad_id = int(pad if pad is not None else tokenizer.eos_token_id or 0)
        # The neutral token that replaces the user's words in baselines: a plain space where
        # the vocabulary has one. (SmolLM2's pad token is <|im_end|>, an end of turn: as an
        # IG baseline it left IG's comprehensiveness at random level, 0.256 vs 0.224 on 8
        # prompts; the space token gave 0.402 vs 0.240.)
        space = tokenizer(" ", add_special_tokens=False)["input_ids"]
        self.baseline_id = int(space[0]) if len(space) == 1 else self.pad_id
        self.stop_ids = {i for i in (tokenizer.eos_token_id,) if i is not None}
        end = tokenizer.convert_tokens_to_ids("<|im_end|>") if self.chat else None
        if isinstance(end, int) and end != tokenizer.unk_token_id:
            self.stop_ids.add(end)
        # Decisions already found (see tools.decision.decide): a session's follow-ups ask
        # about the same input, and greedy decoding gives the same decision every time.
        self.decisions: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    # ----------------------------------------------------------------- encoding

    def encode(self, text: str) -> Encoded:
        """Tokenize ``text`` as the user's message and locate its tokens."""
        if not text or not text.strip():
            raise ToolInputError("the text to explain is empty")
        if self.chat:
            full = self.tokenizer.apply_chat_template(
                [{"role": "user", "content": text}], tokenize=False, add_generation_prompt=True
            )
            user_start = full.rfind(text)
            if user_start < 0:
                raise ToolInputError(f"{self.name}: the chat template altered the user's text")
        else:
            full, user_start = text + self.suffix, 0
        enc = self.tokenizer(full, add_special_tokens=not self.chat, return_offsets_mapping=True)
        ids: list[int] = list(enc["input_ids"])
        if len(ids) >= self.context:
            raise ToolInputError(
                f"the text is {len(ids)} tokens with the template; {self.name} reads at most "
                f"{self.context}: shorten it"
            )
        user_end = user_start + len(text)
        positions, spans = [], []
        for pos, (s, e) in enumerate(enc["offset_mapping"]):
            if e <= s:
                continue  # special tokens carry empty spans
            lo, hi = max(s, user_start), min(e, user_end)
            if hi > lo and full[lo:hi].strip():  # the token carries user characters
                positions.append(pos)
                spans.append((lo - user_start, hi - user_start))
        return Encoded(text=text, ids=ids, user_positions=positions, user_spans=spans)

    def answer_ids(self, answer: str) -> list[int]:
        """Token ids of an answer string, as the model would continue the prompt."""
        ids: list[int] = self.tokenizer(answer, add_special_tokens=False)["input_ids"]
        if not ids:
            raise ToolInputError("the answer to explain is empty")
        return ids

    def decode(self, ids: list[int]) -> str:
        return str(self.tokenizer.decode(ids, skip_special_tokens=True))

    # ----------------------------------------------------------------- running

    @torch.no_grad()
    def generate(
        self, ids: list[int], max_new_tokens: int = 16, stop: Callable[[str], bool] | None = None
    ) -> list[int]:
        """Greedy continuation of ``ids`` (stops at end-of-turn, or once ``stop`` holds
        for the text generated so far), as token ids."""
        from transformers import StoppingCriteria, StoppingCriteriaList

        decode, start = self.decode, len(ids)

        class Enough(StoppingCriteria):
            def __call__(self, input_ids: Tensor, scores: Any, **kwargs: Any) -> Tensor:
                done = stop is not None and stop(decode(input_ids[0, start:].tolist()))
                return torch.tensor([done])

        out = self.model.generate(
            torch.tensor([ids]),
            attention_mask=torch.ones(1, len(ids), dtype=torch.long),
            max_new_tokens=max_new_tokens,
            do_sample=False,
            pad_token_id=self.pad_id,
            eos_token_id=sorted(self.stop_ids) or None,
            stopping_criteria=StoppingCriteriaList([Enough()]) if stop else None,
        )
        new = [int(t) for t in out[0, len(ids) :]]
        while new and new[-1] in self.stop_ids:
            new.pop()
        return new

    def batch(self, prompts: list[list[int]], answer: list[int]) -> tuple[Tensor, Tensor, Tensor]:
        """Left-padded ``prompt + answer`` ids, attention mask and position ids."""
        seqs = [p + answer for p in prompts]
        width = max(len(s) for s in seqs)
        ids = torch.full((len(seqs), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(seqs), width), dtype=torch.long)
        for row, seq in enumerate(seqs):
            ids[row, width - len(seq) :] = torch.tensor(seq)
            mask[row, width - len(seq) :] = 1
        positions = (mask.cumsum(-1) - 1).clamp(min=0)
        return ids, mask, positions

    def answer_logprobs(self, logits: Tensor, answer: list[int]) -> Tensor:
        """Per-answer-token log-probs from the logits of left-padded ``prompt+answer`` rows."""
        n = len(answer)
        # The logit at position t predicts token t+1: the answer's n tokens are predicted by
        # the n positions just before the end of each row.
        steps = logits[:, -n - 1 : -1, :].float().log_softmax(-1)
        target = torch.tensor(answer).expand(logits.shape[0], n)
        return steps.gather(-1, target.unsqueeze(-1)).squeeze(-1)

    @torch.no_grad()
    def score(
        self, prompts: list[list[int]], answer: list[int], cost: Cost | None = None
    ) -> Tensor:
        """``log p(answer_t | prompt, answer_<t)`` for each prompt: shape [B, len(answer)]."""
        rows = []
        for i in range(0, len(prompts), self.max_batch):
            chunk = prompts[i : i + self.max_batch]
            ids, mask, pos = self.batch(chunk, answer)
            logits = self.model(
                input_ids=ids, attention_mask=mask, position_ids=pos, logits_to_keep=len(answer) + 1
            ).logits
            rows.append(self.answer_logprobs(logits, answer))
            if cost is not None:
                cost.forward_passes += sum(len(p) + len(answer) for p in chunk) / (
                    len(prompts[0]) + len(answer)
                )
        return torch.cat(rows)

    @torch.no_grad()
    def score_continuations(self, ids: list[int], continuations: list[list[int]]) -> list[float]:
        """``log p(c | ids)`` summed over each continuation's tokens, all in one batch
        (right-padded: every row keeps its own positions)."""
        seqs = [ids + c for c in continuations]
        width = max(len(q) for q in seqs)
        batch = torch.full((len(seqs), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(seqs), width), dtype=torch.long)
        for r, q in enumerate(seqs):
            batch[r, : len(q)] = torch.tensor(q)
            mask[r, : len(q)] = 1
        # only the positions that predict a continuation's tokens go through the LM head
        # (its 49k-word matmul over every prompt position was most of the cost)
        keep = max(len(c) for c in continuations) + 1
        logits = self.model(input_ids=batch, attention_mask=mask, logits_to_keep=keep).logits
        logp = logits.float().log_softmax(-1)  # position width - keep + j predicts j + 1
        at = len(ids) - 1 - (width - keep)
        return [
            float(sum(logp[r, at + j, t] for j, t in enumerate(c)))
            for r, c in enumerate(continuations)
        ]

    @torch.no_grad()
    def score_edits(
        self, ids: list[int], variants: list[list[int]], answer: list[int],
        cost: Cost | None = None, *, extra: int | None = None,
    ) -> Tensor:  # fmt: skip
        """Like :meth:`score` for ``[ids, *variants]``, reusing the prompt's KV cache.

        Every variant (e.g. ``ids`` with a word deleted) shares a prefix with ``ids``; the
        cache of ``ids + answer`` is cropped there and only the rest is run, so removing a
        late word costs a fraction of a forward pass. Variants run in batches (sorted by
        where they first differ; a batch feeds from its shortest shared prefix, rows
        left-padded after it): on a CPU one batch of 20 short rows is about 4x faster than
        20 single rows. Scores equal :meth:`score`'s.

        ``extra``: a token whose log-prob at the answer's last position is appended as one
        more column (a contrast's foil, read from the same forward pass).
        """
        from transformers import DynamicCache

        full = ids + answer
        n = len(answer)
        out = self.model(input_ids=torch.tensor([full]), use_cache=True, logits_to_keep=n + 1)
        first = self._answer_columns(out.logits[:, -n - 1 :], answer, extra)
        layers = out.cache.layers
        if cost is not None:
            cost.forward_passes += 1
        starts = []
        for variant in variants:
            shared = 0
            for a, b in zip(ids, variant, strict=False):
                if a != b:
                    break
                shared += 1
            starts.append(min(shared, len(variant) - 1))  # feed at least one prompt token
        order = sorted(range(len(variants)), key=lambda i: starts[i])
        rows: dict[int, Tensor] = {}
        for g in range(0, len(order), self.max_batch):
            group = order[g : g + self.max_batch]
            prefix = min(starts[i] for i in group)
            fed = [variants[i][prefix:] + answer for i in group]
            width = max(len(f) for f in fed)
            batch = torch.full((len(group), width), self.pad_id, dtype=torch.long)
            mask = torch.zeros((len(group), prefix + width), dtype=torch.long)
            mask[:, :prefix] = 1
            positions = torch.full((len(group), width), prefix, dtype=torch.long)
            for r, f in enumerate(fed):
                batch[r, width - len(f) :] = torch.tensor(f)
                mask[r, prefix + width - len(f) :] = 1
                positions[r, width - len(f) :] = torch.arange(prefix, prefix + len(f))
            cache = None
            if prefix:
                cache = DynamicCache(
                    ddp_cache_data=[
                        (layer.keys[:, :, :prefix].expand(len(group), -1, -1, -1).contiguous(),
                         layer.values[:, :, :prefix].expand(len(group), -1, -1, -1).contiguous())
                        for layer in layers
                    ],
                    config=self.model.config,
                )  # fmt: skip
            logits = self.model(
                input_ids=batch, attention_mask=mask, position_ids=positions, cache=cache,
                use_cache=cache is not None, logits_to_keep=n + 1,
            ).logits  # fmt: skip
            for r, i in enumerate(group):
                rows[i] = self._answer_columns(logits[r : r + 1], answer, extra)
            if cost is not None:
                cost.forward_passes += sum(len(f) for f in fed) / len(full)
        return torch.cat([first, *(rows[i] for i in range(len(variants)))])

    def _answer_columns(self, logits: Tensor, answer: list[int], extra: int | None) -> Tensor:
        """Per-answer-token log-probs ([B, n]), plus ``extra``'s at the last answer position."""
        scores = self.answer_logprobs(logits, answer)
        if extra is None:
            return scores
        last = logits[:, -2, :].float().log_softmax(-1)[:, extra]
        return torch.cat([scores, last.unsqueeze(-1)], dim=-1)

    def embeddings(self) -> torch.nn.Module:
        module: torch.nn.Module = self.model.get_input_embeddings()
        return module

    def n_layers(self) -> int:
        return int(self.model.config.num_hidden_layers)

"""Where does the model work out its answer? Activation patching (causal tracing).

Meng et al. 2022 (ROME): run the prompt **clean**, then **corrupted** — the subject's
token embeddings plus Gaussian noise of ``noise`` x the embedding matrix's standard
deviation (several seeded samples), or a counterfactual prompt of the same length — and
then corrupted again while **restoring one site** (one layer's output at one position, to
its clean value). The site's *indirect effect* is how much of the answer's probability
the restoration brings back: ``p_restored - p_corrupted``; its *share* divides that by the
total effect ``p_clean - p_corrupted``. Sites: the residual stream (a block's output), or
the attention or MLP sublayer's output alone.

Positions before the first corrupted token are the same in both runs (causal attention),
so they are left out: the map covers the corrupted tokens and everything after them.
Cost: layers x positions forward passes per noise sample, each layer's positions in one
batch (:class:`PatchResult.forward_passes`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any, Literal

import torch
from pydantic import BaseModel, Field
from torch import Tensor

from tools.base import Fact, ToolInput, ToolOutput, target_tool
from tools.decision import decide, options_in
from tools.errors import ToolInputError
from tools.models import DEFAULT_TARGET, WhiteBoxLM
from tools.models.classifier import require_causal

Site = Literal["residual", "attention", "mlp"]
_BLOCKS = ("model.layers", "transformer.h", "gpt_neox.layers")
_SUBLAYERS = {"attention": ("self_attn", "attn", "attention"), "mlp": ("mlp",)}


class PatchArgs(ToolInput):
    """Trace where the answer is computed: corrupt the subject, restore one site at a time."""

    text: str = Field(min_length=1, description="The user's input.")
    subject: str = Field(
        min_length=1, description="Words of the input to corrupt (e.g. 'France'); first match."
    )
    continuation: str = Field(
        default="",
        description="Start of the model's reply, fed in first; the answer is read after it "
        "(e.g. 'The capital of France is').",
    )
    answer: str | None = Field(
        default=None,
        description="Answer whose first token to track; default: for a prompt that offers "
        "options, the model's decision (read in place, after the answer's words before it); "
        "else the model's next token.",
    )
    counterfactual: str | None = Field(
        default=None,
        description="Words replacing the subject for the corrupted run (same token count) "
        "instead of noise.",
    )
    site: Site = Field(default="residual", description="What is restored: a block's output, "
                       "or its attention or MLP output alone.")  # fmt: skip
    noise: float = Field(default=3.0, gt=0, le=20, description="Noise scale, x embedding std.")
    samples: int = Field(default=3, ge=1, le=20, description="Noise samples averaged.")
    seed: int = Field(default=0, description="Seed of the noise samples.")
    model: str = Field(default=DEFAULT_TARGET, description="Target model.")


class Cell(BaseModel):
    layer: int
    position: int
    token: str
    effect: float = Field(description="p(answer) restored minus corrupted.")
    share: float = Field(description="effect / (p clean - p corrupted).")


class PatchResult(ToolOutput):
    model: str
    text: str
    site: Site
    answer_token: str
    subject_tokens: list[str]
    tokens: list[str] = Field(description="The traced positions' tokens, in order.")
    clean_prob: float
    corrupted_prob: float
    effects: list[list[float]] = Field(description="[layer][position]: indirect effects.")
    forward_passes: int = Field(description="Rows run (each a pass over the suffix).")
    prompt_tokens: int = Field(description="Tokens of the whole prompt.")
    cached_tokens: int = Field(description="Shared prefix, run once and reused from the cache.")
    seconds: float

    def cells(self) -> list[Cell]:
        total = self.clean_prob - self.corrupted_prob
        return sorted(
            (Cell(layer=i, position=j, token=self.tokens[j], effect=e,
                  share=e / total if total > 1e-9 else 0.0)
             for i, row in enumerate(self.effects) for j, e in enumerate(row)),
            key=lambda c: -c.effect,
        )  # fmt: skip

    @property
    def peak(self) -> Cell:
        return self.cells()[0]

    def summary(self) -> str:
        p = self.peak
        return (
            f"causal tracing ({self.site}) on {self.model}: p({self.answer_token!r}) "
            f"{self.clean_prob:.3f} clean, {self.corrupted_prob:.3f} with "
            f"{', '.join(repr(t) for t in self.subject_tokens)} corrupted; restoring layer "
            f"{p.layer} at {p.token!r} brings back {p.effect:.3f} ({p.share:.0%})"
        )

    def facts(self) -> list[Fact]:
        answer = self.answer_token.strip() or self.answer_token
        out = [
            Fact(subject=answer, quantity="clean_probability", value=round(self.clean_prob, 4)),
            Fact(
                subject=answer,
                quantity="corrupted_probability",
                value=round(self.corrupted_prob, 4),
            ),
        ]
        for c in self.cells()[:5]:
            where = f"layer {c.layer} at {c.token.strip() or c.token!r} (position {c.position})"
            out.append(Fact(subject=where, quantity="indirect_effect", value=round(c.effect, 4)))
            out.append(Fact(subject=where, quantity="restored_share", value=round(c.share, 4)))
        best = max(range(len(self.effects)), key=lambda i: max(self.effects[i]))
        out.append(Fact(subject=f"{self.site} sites", quantity="peak_layer", value=best))
        return out


def _module(root: Any, path: str) -> Any:
    obj = root
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def blocks(model: Any) -> list[torch.nn.Module]:
    """The transformer blocks, in order (Llama, GPT-2 and GPT-NeoX layouts)."""
    for path in _BLOCKS:
        try:
            return list(_module(model, path))
        except AttributeError:
            continue
    raise ToolInputError(f"no transformer blocks found on {type(model).__name__}")


def sites(model: Any, site: Site) -> list[torch.nn.Module]:
    """The modules whose outputs are restored, one per layer."""
    out = []
    for block in blocks(model):
        if site == "residual":
            out.append(block)
            continue
        found = next((getattr(block, n) for n in _SUBLAYERS[site] if hasattr(block, n)), None)
        if found is None:
            raise ToolInputError(f"no {site} module in {type(block).__name__}")
        out.append(found)
    return out


def _hidden(output: Any) -> Tensor:
    return output[0] if isinstance(output, tuple) else output  # type: ignore[no-any-return]


def _replace(output: Any, hidden: Tensor) -> Any:
    return (hidden, *output[1:]) if isinstance(output, tuple) else hidden


def _covering(spans: list[tuple[int, int]], text: str, subject: str) -> list[int]:
    """Indices of the spans that overlap any occurrence of ``subject`` in ``text``."""
    hits: list[int] = []
    for m in re.finditer(re.escape(subject), text):
        hits += [k for k, (s, e) in enumerate(spans) if s < m.end() and e > m.start()]
    return sorted(set(hits))


def subject_positions(lm: WhiteBoxLM, text: str, continuation: str, subject: str) -> list[int]:
    """Token positions of every occurrence of the subject in the user's text and in the
    continuation fed after the prompt (a subject left readable there would leak it)."""
    if subject not in text and subject not in continuation:
        raise ToolInputError(f"the subject {subject!r} is not in the text")
    enc = lm.encode(text)
    hits = [enc.user_positions[k] for k in _covering(enc.user_spans, text, subject)]
    if continuation:
        cont = lm.tokenizer(continuation, add_special_tokens=False, return_offsets_mapping=True)
        spans = [(int(s), int(e)) for s, e in cont["offset_mapping"]]
        hits += [len(enc.ids) + k for k in _covering(spans, continuation, subject)]
    if not hits:
        raise ToolInputError(f"no token of the text covers the subject {subject!r}")
    return hits


@target_tool(
    "trace",
    "Causal tracing: corrupt the subject's words and restore one layer at one token at a "
    "time, to find where the model works out its answer (a layer x token map).",
)
@torch.no_grad()
def trace_with(lm: WhiteBoxLM, args: PatchArgs) -> PatchResult:
    require_causal(lm, "causal tracing")
    started = time.perf_counter()
    ids = lm.encode(args.text).ids
    subj = subject_positions(lm, args.text, args.continuation, args.subject)
    tail = lm.answer_ids(args.continuation) if args.continuation else []
    ids = ids + tail
    if args.answer is not None:
        answer_id = lm.answer_ids(args.answer)[0]
    elif not args.continuation and options_in(args.text):
        decision = decide(lm, ids, args.text)
        tail = decision.answer_ids[: decision.start]
        ids, answer_id = ids + tail, decision.answer_ids[decision.start]
    else:
        generated = lm.generate(ids, 1)
        if not generated:
            raise ToolInputError(f"{lm.name} gave an empty answer: pass `answer`")
        answer_id = generated[0]
    corrupted_ids = ids
    if args.counterfactual is not None:
        other = args.text.replace(args.subject, args.counterfactual, 1)
        corrupted_ids = lm.encode(other).ids + tail
        if len(corrupted_ids) != len(ids):
            raise ToolInputError(
                f"the counterfactual {args.counterfactual!r} changes the token count "
                f"({len(ids)} → {len(corrupted_ids)}): pick words of the same length in tokens"
            )
    differ = [k for k, (a, b) in enumerate(zip(ids, corrupted_ids, strict=True)) if a != b]
    first = min(subj[0], *differ, len(ids) - 1)
    positions = list(range(first, len(ids)))
    modules = sites(lm.model, args.site)
    run = _Runner(lm, ids[:first], answer_id)  # the shared prefix runs once
    suffix, corrupted_suffix = ids[first:], corrupted_ids[first:]
    local = [p - first for p in positions]
    clean, p_clean = run.capture(suffix, modules)
    runs = 1 if args.counterfactual is not None else args.samples
    gen = torch.Generator().manual_seed(args.seed)
    scale = args.noise * float(lm.model.get_input_embeddings().weight.float().std())
    effects = torch.zeros(len(modules), len(positions))
    p_corrupt = 0.0
    passes = 1  # the clean run
    for _ in range(runs):
        noise = None
        if args.counterfactual is None:
            dim = lm.model.get_input_embeddings().weight.shape[1]
            noise = torch.randn(len(subj), dim, generator=gen) * scale
        corrupt_hooks = ([_noise_hook(lm, [p - first for p in subj], noise)]
                         if noise is not None else [])  # fmt: skip
        base = run.probs([corrupted_suffix], corrupt_hooks)[0]
        p_corrupt += base / runs
        batch = [corrupted_suffix] * len(positions)
        for layer, module in enumerate(modules):
            restore = _restore_hook(module, clean[layer], local)
            probs = run.probs(batch, [*corrupt_hooks, restore])
            effects[layer] += (torch.tensor(probs) - base) / runs
            passes += len(positions)
        passes += 1  # the corrupted run
    return PatchResult(
        model=lm.name, text=args.text, site=args.site, answer_token=lm.decode([answer_id]),
        subject_tokens=[lm.decode([ids[p]]) for p in subj],
        tokens=[lm.decode([ids[p]]) for p in positions],
        clean_prob=p_clean, corrupted_prob=p_corrupt,
        effects=[[round(float(e), 5) for e in row] for row in effects],
        forward_passes=passes, prompt_tokens=len(ids), cached_tokens=first,
        seconds=time.perf_counter() - started,
    )  # fmt: skip


Hook = tuple[torch.nn.Module, Callable[..., Any]]


def _noise_hook(lm: WhiteBoxLM, positions: list[int], noise: Tensor) -> Hook:
    def add(module: Any, inputs: Any, output: Tensor) -> Tensor:
        out = output.clone()
        out[:, positions] += noise.to(out.dtype)
        return out

    return lm.model.get_input_embeddings(), add


def _restore_hook(module: torch.nn.Module, clean: Tensor, positions: list[int]) -> Hook:
    """Row b of the batch gets position ``positions[b]`` restored to its clean value."""
    rows = torch.arange(len(positions))
    cols = torch.tensor(positions)

    def restore(mod: Any, inputs: Any, output: Any) -> Any:
        hidden = _hidden(output).clone()
        hidden[rows, cols] = clean[0, cols].to(hidden.dtype)
        return _replace(output, hidden)

    return module, restore


class _Runner:
    """Runs suffixes after a prefix shared by every run, whose KV cache is computed once
    (positions before the first corrupted token are the same in all runs)."""

    def __init__(self, lm: WhiteBoxLM, prefix: list[int], answer_id: int):
        self.lm, self.n, self.answer_id = lm, len(prefix), answer_id
        self.layers = []
        if prefix:
            out = lm.model(input_ids=torch.tensor([prefix]), use_cache=True)
            self.layers = list(out.cache.layers)

    def _logits(self, rows: list[list[int]]) -> Tensor:
        from transformers import DynamicCache

        batch = torch.tensor(rows)
        kwargs: dict[str, Any] = {}
        if self.layers:
            b = len(rows)
            kwargs["cache"] = DynamicCache(
                ddp_cache_data=[(layer.keys.expand(b, -1, -1, -1).contiguous(),
                                 layer.values.expand(b, -1, -1, -1).contiguous())
                                for layer in self.layers],
                config=self.lm.model.config,
            )  # fmt: skip
            kwargs["use_cache"] = True
            kwargs["attention_mask"] = torch.ones(b, self.n + batch.shape[1], dtype=torch.long)
        positions = torch.arange(self.n, self.n + batch.shape[1]).expand(len(rows), -1)
        out = self.lm.model(input_ids=batch, position_ids=positions, logits_to_keep=1, **kwargs)
        return out.logits[:, -1].float()  # type: ignore[no-any-return]

    def probs(self, rows: list[list[int]], hooks: list[Hook]) -> list[float]:
        handles = [m.register_forward_hook(fn) for m, fn in hooks]
        try:
            logits = self._logits(rows)
        finally:
            for h in handles:
                h.remove()
        return [float(p) for p in logits.softmax(-1)[:, self.answer_id]]

    def capture(
        self, suffix: list[int], modules: list[torch.nn.Module]
    ) -> tuple[list[Tensor], float]:
        """The clean run: every site's output over the suffix, and p(answer)."""
        saved: list[Tensor] = []
        hooks: list[Hook] = [(m, lambda mod, i, o: saved.append(_hidden(o).detach()))
                             for m in modules]  # fmt: skip
        p = self.probs([suffix], hooks)[0]
        return saved, p

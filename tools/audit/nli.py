"""The ``nli`` judge: a natural-language-inference checkpoint the user supplies.

Any Hugging Face sequence-classification directory whose labels name entailment,
contradiction and (optionally) neutral — an MNLI/ANLI-trained DeBERTa, RoBERTa or
MiniLM cross-encoder, or one fine-tuned in-house — loaded from disk only (no hub). Each
claim is the hypothesis; the premise is the reference sentences it is aligned to
(:mod:`tools.audit.align`). Entailment is *supported*, contradiction *contradicted*,
anything else *not in the reference*. What code can check exactly still is: a number
the aligned sentence gives otherwise is contradicted whatever the model says, and the
specifics the reference never states are listed for a context reference
(:mod:`tools.audit.judges`).

    explainer audit outputs.jsonl --judge nli --nli-model ./my-nli-checkpoint
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tools.audit.align import Reference
from tools.audit.judges import ClaimVerdict, Context, numbers_clash
from tools.errors import ToolInputError

BATCH = 16
ENTAILS = 0.5  # probability of entailment (or contradiction) that decides a label


@functools.cache
def _load(path: str) -> tuple[Any, Any, dict[str, int]]:
    import torch  # noqa: F401  (transformers needs it loaded)
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    folder = Path(path)
    if not (folder / "config.json").is_file():
        raise ToolInputError(f"{path}: not a model directory (no config.json); give a local "
                             "sequence-classification NLI checkpoint")  # fmt: skip
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(folder, local_files_only=True)
    labels = {str(name).lower(): int(i) for i, name in model.config.id2label.items()}
    found = {}
    for want in ("entail", "contradict", "neutral"):
        hits = [i for name, i in labels.items() if name.startswith(want[:6])]
        if hits:
            found[want] = hits[0]
    if "entail" not in found or "contradict" not in found:
        shown = ", ".join(sorted(labels))
        raise ToolInputError(f"{path}: its labels ({shown}) do not name entailment and "
                             "contradiction; it is not an NLI checkpoint")  # fmt: skip
    return tokenizer, model.eval(), found


class NLIJudge:
    """Claims judged by an NLI model on their aligned reference sentences."""

    name = "nli"

    def __init__(self, path: str, *, aligner: str = "lexical", top: int = 2) -> None:
        self.path = path
        self.aligner = aligner
        self.top = top
        _load(path)  # a bad directory fails here, before any item is read

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """Per (premise, hypothesis), the probability of each label the model has."""
        import torch

        tokenizer, model, labels = _load(self.path)
        out: list[dict[str, float]] = []
        for start in range(0, len(pairs), BATCH):
            chunk = pairs[start : start + BATCH]
            batch = tokenizer([p for p, _ in chunk], [h for _, h in chunk], padding=True,
                              truncation=True, max_length=512, return_tensors="pt")  # fmt: skip
            with torch.no_grad():
                probs = model(**batch).logits.softmax(-1)
            out += [{k: float(row[i]) for k, i in labels.items()} for row in probs]
        return out

    def claims(
        self, claims: Sequence[str], reference: Sequence[str], prompt: str
    ) -> list[ClaimVerdict]:
        ref = Reference(reference)
        ctx = Context(prompt, " ".join(reference), list(reference))
        aligned = [ref.align(c, aligner=self.aligner, top=self.top) for c in claims]
        premises = [" ".join(a.sentence for a in found) for found in aligned]
        probs = self.probabilities(list(zip(premises, claims, strict=True)))
        out = []
        for claim, found, p in zip(claims, aligned, probs, strict=True):
            best = found[0].sentence if found else None
            unsupported = ctx.unsupported(claim)
            clash = next(
                (c for a in found if (c := numbers_clash(claim, a.sentence, ctx, unsupported))), ""
            )
            if clash:
                out.append(ClaimVerdict(claim, "contradicted", clash, best, unsupported, "nli"))
            elif p["contradict"] >= ENTAILS:
                why = f"the NLI model gives contradiction ({p['contradict']:.2f}) against it"
                out.append(ClaimVerdict(claim, "contradicted", why, best, unsupported, "nli"))
            elif p["entail"] >= ENTAILS:
                why = f"the NLI model gives entailment ({p['entail']:.2f})"
                out.append(ClaimVerdict(claim, "supported", why, best, [], "nli"))
            else:
                why = f"the NLI model finds neither (entailment {p['entail']:.2f})"
                out.append(ClaimVerdict(claim, "not_in_reference", why, best, unsupported, "nli"))
        return out

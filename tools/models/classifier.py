"""Sequence classifiers as white-box targets: any transformers
``AutoModelForSequenceClassification`` directory (a fine-tuned BERT, RoBERTa, DistilBERT…),
where the decision is the label.

The attribution code speaks of a causal LM: a prompt, answer tokens, and logits whose
position t predicts token t+1. A classifier fits that shape exactly once its answer is a
single "token", the label's index, predicted from the whole text: :class:`AsCausal` runs
the classifier on the prompt (the answer position is dropped) and puts the class logits
where an LM's next-token logits would be. Every method that scores ``log p(answer)`` or a
contrast ``log p(label) - log p(foil)`` (occlusion, integrated gradients, gradient x input,
the what-if and confidence tools) then works unchanged; methods that read an LM's
internals (attention rollout towards the next token, the logit lens) say they need one.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import torch
from torch import Tensor

from tools.errors import ToolInputError
from tools.models.whitebox import Cost, Encoded, WhiteBoxLM


class AsCausal(torch.nn.Module):
    """A sequence classifier called like a causal LM on ``prompt + [label]`` rows (left
    padded): the last position is dropped, the rest classified, and the class logits
    returned at every position of a ``[B, L, classes]`` tensor."""

    def __init__(self, classifier: Any):
        super().__init__()
        self.classifier = classifier
        self.config = classifier.config

    def get_input_embeddings(self) -> torch.nn.Module:
        module: torch.nn.Module = self.classifier.get_input_embeddings()
        return module

    def forward(
        self, input_ids: Tensor | None = None, inputs_embeds: Tensor | None = None,
        attention_mask: Tensor | None = None, position_ids: Tensor | None = None,
        **_: Any,
    ) -> SimpleNamespace:  # fmt: skip
        x = input_ids if input_ids is not None else inputs_embeds
        assert x is not None
        width = x.shape[1]
        x = x[:, :-1]
        mask = (attention_mask[:, :-1] if attention_mask is not None
                else torch.ones(x.shape[:2], dtype=torch.long))  # fmt: skip
        pads = (mask == 0).sum(-1)
        if bool(pads.any()):  # left padding → right padding, so positions start at 0
            index = (torch.arange(x.shape[1]).unsqueeze(0) + pads.unsqueeze(1)) % x.shape[1]
            shape = index if x.dim() == 2 else index.unsqueeze(-1).expand(-1, -1, x.shape[-1])
            x, mask = x.gather(1, shape), mask.gather(1, index)
        key = "input_ids" if input_ids is not None else "inputs_embeds"
        logits = self.classifier(**{key: x}, attention_mask=mask).logits
        return SimpleNamespace(logits=logits.unsqueeze(1).expand(-1, width, -1))


class WhiteBoxClassifier(WhiteBoxLM):
    """A sequence classifier as a target: its answer is one label (see the module)."""

    kind = "classifier"

    def __init__(self, classifier: Any, tokenizer: Any, *, name: str, max_batch: int = 32):
        super().__init__(AsCausal(classifier.eval()), tokenizer, name=name, chat=False,
                         max_batch=max_batch)  # fmt: skip
        id2label = getattr(classifier.config, "id2label", None) or {}
        n = int(classifier.config.num_labels)
        self.labels = [str(id2label.get(i, id2label.get(str(i), f"LABEL_{i}"))) for i in range(n)]
        self.stop_ids = set()

    def encode(self, text: str) -> Encoded:
        """The text with the tokenizer's own special tokens (e.g. [CLS] … [SEP])."""
        if not text or not text.strip():
            raise ToolInputError("the text to explain is empty")
        enc = self.tokenizer(text, add_special_tokens=True, return_offsets_mapping=True)
        ids: list[int] = list(enc["input_ids"])
        if len(ids) >= self.context:
            raise ToolInputError(f"the text is {len(ids)} tokens; {self.name} reads "
                                 f"{self.context}: shorten it")  # fmt: skip
        positions, spans = [], []
        for pos, (s, e) in enumerate(enc["offset_mapping"]):
            if e > s and text[s:e].strip():
                positions.append(pos)
                spans.append((s, e))
        return Encoded(text=text, ids=ids, user_positions=positions, user_spans=spans)

    def answer_ids(self, answer: str) -> list[int]:
        """A label's index (by name, any case)."""
        wanted = answer.strip().casefold()
        for i, label in enumerate(self.labels):
            if label.casefold() == wanted:
                return [i]
        raise ToolInputError(
            f"{self.name} has no label {answer!r}; its labels: {', '.join(self.labels)}"
        )

    def decode(self, ids: list[int]) -> str:
        return " ".join(self.labels[i] for i in ids if 0 <= i < len(self.labels))

    @torch.no_grad()
    def label_logprobs(self, ids: list[int]) -> Tensor:
        """``log p(label | text)`` for every label."""
        logits: Tensor = self.model(input_ids=torch.tensor([[*ids, 0]])).logits
        return logits[0, -2].float().log_softmax(-1)

    def generate(self, ids: list[int], max_new_tokens: int = 16, stop: Any = None) -> list[int]:
        """The predicted label (the classifier's one-token "answer")."""
        return [int(self.label_logprobs(ids).argmax())]

    def score_edits(
        self, ids: list[int], variants: list[list[int]], answer: list[int],
        cost: Cost | None = None, *, extra: int | None = None,
    ) -> Tensor:  # fmt: skip
        """No cache to share (a classifier reads the text both ways): batched scoring."""
        scores = self.score([ids, *variants], answer, cost)
        if extra is None:
            return scores
        other = self.score([ids, *variants], [*answer[:-1], extra])[:, -1:]
        return torch.cat([scores, other], dim=-1)

    def n_layers(self) -> int:
        raise ToolInputError(f"{self.name} is a classifier: layer tools need a causal LM")


def require_causal(lm: WhiteBoxLM, what: str) -> None:
    """A clear error for methods that read a causal LM's internals."""
    if isinstance(lm, WhiteBoxClassifier):
        raise ToolInputError(
            f"{what} reads a causal LM's next-token internals; {lm.name} is a classifier "
            "(use occlusion, integrated_gradients, grad_x_input or shapley)"
        )

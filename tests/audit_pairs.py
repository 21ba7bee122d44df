"""The items of a held-out long-answer corpus built from its topics: each topic gives one
correct and one wrong answer to its reference, in alternating order, numbered
``{prefix}-NN`` (shared by ``tests/audit_long_heldout.py`` and ``audit_long_heldout3.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: (error kind, reference (a str, or a tuple of two wordings), correct prompt, correct
#: output, wrong prompt, wrong output, the wrong output's false sentence)
Topic = tuple[str, str | tuple[str, str], str, str, str, str, str]


def paired_items(topics: Sequence[Topic], prefix: str) -> list[dict[str, Any]]:
    """Fresh dicts, two per topic, the correct one first on even topics."""
    out: list[dict[str, Any]] = []
    for t, (_kind, ref, c_prompt, c_output, w_prompt, w_output, w_sentence) in enumerate(topics):
        correct = (c_prompt, c_output, True, None)
        wrong = (w_prompt, w_output, False, w_sentence)
        for prompt, output, right, sentence in (correct, wrong) if t % 2 == 0 else (wrong, correct):
            out.append({
                "id": f"{prefix}-{len(out) + 1:02d}",
                "prompt": prompt,
                "output": output,
                "reference": list(ref) if isinstance(ref, tuple) else ref,
                "correct": right,
                "style": "long",
                "wrong_sentence": sentence,
            })  # fmt: skip
    return out

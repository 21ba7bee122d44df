"""Built-in contrast sets for concept directions (:mod:`tools.steering`), by concept name,
and the decision steered with each: plain short reviews written here, with the demo's
question, so that an input asked the same way reads on the same scale."""

from __future__ import annotations

from typing import Any

GOOD = ["great", "wonderful", "excellent", "delightful", "superb", "brilliant", "lovely",
        "fantastic"]  # fmt: skip
BAD = ["awful", "terrible", "dreadful", "boring", "horrible", "poor", "dull", "bad"]
THINGS = ["The film was {}.", "What a {} movie.", "The acting was {} throughout.",
          "A {} story with {} music.", "Honestly, it was {}.", "The ending felt {}."]  # fmt: skip
SENTIMENT_SUFFIX = " Was the review positive or negative?"


def reviews(words: list[str], start: int, n: int) -> list[str]:
    """``n`` short reviews built from ``words`` (the built-in sentiment sets)."""
    out = []
    for k in range(start, start + n):
        w = words[k % len(words)]
        out.append(THINGS[k % len(THINGS)].format(w, w))
    return out


#: Built-in contrast sets by concept name (positive side first): short reviews with the
#: demo's question, so that an input asked the same way reads on the same scale.
BUILTIN: dict[str, tuple[list[str], list[str]]] = {
    "sentiment": ([r + SENTIMENT_SUFFIX for r in reviews(GOOD, 0, 16)],
                  [r + SENTIMENT_SUFFIX for r in reviews(BAD, 0, 16)]),
}  # fmt: skip
#: Held-out inputs and the decision steered, for the built-in concepts.
BUILTIN_STEERING: dict[str, dict[str, Any]] = {
    "sentiment": {
        "held_out": [r + SENTIMENT_SUFFIX for r in reviews(GOOD, 16, 6) + reviews(BAD, 16, 6)],
        "continuation": "The review was",
        "options": [" positive", " negative"],
    },
}
#: Words a chat question may use for the built-in concepts, and the side they name.
SIDES = {"positive": ("sentiment", 1), "negative": ("sentiment", -1),
         "happy": ("sentiment", 1), "sad": ("sentiment", -1)}  # fmt: skip

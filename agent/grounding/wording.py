"""Numbers written as words, made digits in place (positions kept, so spans still line
up): "Eleven layers" -> "11 layers", "one chance in seven" -> "14.3%", "about two thirds"
-> "about 66.7%"; number words that only describe ("the two options") are masked.
"""

from __future__ import annotations

import re

from agent.grounding import signals as S

_FRACTION_WORDS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                   "fifth": 5, "fifths": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
                   "tenth": 10}  # fmt: skip
_SMALL = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_FRACTION = re.compile(
    r"\b(?P<n>one|1|two|2|three|3)\s+(?:\w+\s+){0,2}?in\s+(?P<d>\d+|"
    + "|".join(S.NUMBER_WORDS)
    + r")\b"
    r"|\b(?P<k>an?|one|two|three|four|five)\s+(?P<f>third|thirds|quarter|quarters|fifths?|sixth|"
    r"seventh|eighth|ninth|tenth)\b(?!\s+(?:of a|as))",
    re.I,
)
_DESCRIBED = re.compile(
    r"\b(?:the|these|those|both|all|between|its|their)\s+(?P<w>"
    + "|".join(S.NUMBER_WORDS)
    + r")\s+(?=[a-z])",
    re.I,
)


def fractions(text: str) -> str:
    """Fractions in words as percents, padded in place: "one chance in seven" -> "14.3%",
    "about two thirds" -> "about 66.7%"; "the two options" describes, it claims nothing."""

    def percent(m: re.Match[str]) -> str:
        if m.group("n"):
            n = float(_SMALL.get(m.group("n").casefold(), m.group("n")))
            d_word = m.group("d").casefold()
            d = float(S.NUMBER_WORDS.get(d_word, d_word)) if not d_word.isdigit() else float(d_word)
        else:
            n = float(_SMALL[m.group("k").casefold()])
            d = float(_FRACTION_WORDS[m.group("f").casefold()])
        shown = f"{100 * n / d:.1f}%"
        return shown.ljust(len(m.group(0))) if len(shown) <= len(m.group(0)) else m.group(0)

    text = _FRACTION.sub(percent, text)
    return _DESCRIBED.sub(lambda m: m.group(0).replace(m.group("w"), "#" * len(m.group("w"))), text)


def digits(text: str) -> str:
    """Number words before a noun as digits ("Eleven layers" -> "11     layers"), padded so
    that positions in the text stay where they were."""
    text = fractions(text)
    return re.sub(
        r"\b(" + "|".join(S.NUMBER_WORDS) + r")\b"
        r"(?=\s+(?!(?:in|of|times|and|out|at|a|an|the|to|by|on|for|with|from|or)\b)[a-z])",
        lambda m: f"{S.NUMBER_WORDS[m.group(1).casefold()]:<{len(m.group(1))}}",
        text,
        flags=re.I,
    )

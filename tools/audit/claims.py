"""An output split into the claims a reviewer would check, one at a time.

Assistant-style answers wrap their claims in markup and small talk: a preamble ("Sure!
Here's a quick overview:"), markdown headings, **bold**, bullets and numbered list
markers ("1." is a marker, not a number the answer states), a closing offer ("Let me know
if you have more questions."). A claim is one sentence or one list item with the markup
removed. A sentence that states nothing checkable — no content word beyond the question's
and no number or name — is kept out of the claims: it cannot be right or wrong.

The splitting is layout, not language: markup and sentence ends, never a list of English
phrases. What each claim says is judged elsewhere (:mod:`tools.audit.judges`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tools.audit.normalise import is_content, key_terms, tokens

#: A sentence ends at ., ! or ? (or their CJK forms) before a space, and where two
#: sentences were pasted together without one ("19th century.First for Women is ...").
_SENTENCE_END = re.compile(
    r"(?<=[.!?\u3002\uff01\uff1f])\s+(?=\S)|(?<=[a-z0-9\)][.!?])(?=[A-Z][a-z])"
)
#: Abbreviations whose full stop does not end a sentence ("Dr. Smith", "Jr. starred").
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Jr|Sr|St|Mt|Ft|vs|etc|approx|Inc|Ltd|Co|Corp|"
    r"e\.g|i\.e|U\.S|U\.K|a\.m|p\.m)\.$"
)
_BULLET = re.compile(r"^\s*(?:[-*•·‣▪]|\d{1,2}[.)]|[a-zA-Z][.)](?=\s)|#{1,6})\s+")
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_`](?!\s)|(?<!\s)[*_`](?!\w)|^>\s*", re.M)
_CLOSED_BY_COLON = re.compile(r":\s*$")


@dataclass(frozen=True)
class Claim:
    """One checkable statement of an output."""

    text: str  # as the output words it, markup removed
    index: int  # its place among the output's sentences and list items (from 0)


def strip_markup(text: str) -> str:
    """Markdown emphasis, code ticks and quote markers removed; words kept."""
    return _MARKUP.sub("", text)


def pieces(text: str) -> list[str]:
    """Sentences and list items, markup removed, in order."""
    out: list[str] = []
    for line in text.replace("\r", "").split("\n"):
        line = strip_markup(_BULLET.sub("", line)).strip()
        if line:
            out.extend(sentences(line))
    return out


def sentences(text: str) -> list[str]:
    """A paragraph's sentences; an abbreviation's full stop does not end one."""
    parts = [p for p in _SENTENCE_END.split(text.strip()) if p.strip()]
    out: list[str] = []
    for part in parts:
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part.strip())
    return out


def claims(output: str, prompt: str = "") -> list[Claim]:
    """The output's checkable claims: a piece with a number or name, or two content words
    the prompt does not already hold. A piece that only introduces what follows (it ends with
    a colon) is kept out, unless it names something itself."""
    return list(_claims(output, prompt))


@lru_cache(maxsize=4096)
def _claims(output: str, prompt: str) -> tuple[Claim, ...]:
    asked = set(tokens(prompt))
    out = []
    for i, piece in enumerate(pieces(output)):
        names = [t for t in key_terms(piece) if t not in asked]
        if _CLOSED_BY_COLON.search(piece) and not names:
            continue  # "Here's a quick overview:", "**Key facts:**"
        words = [t for t in tokens(piece) if is_content(t) and t not in asked]
        if names or len(words) >= 2:
            out.append(Claim(piece.rstrip(":").strip(), i))
    return tuple(out)

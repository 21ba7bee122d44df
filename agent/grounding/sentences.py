"""A text as sentences, and what each sentence cites, names and states: the parsing the
claim verifier (:mod:`agent.grounding.verify`) reads typed claims from.

Sentences end at a full stop before a capital, digit, quote or bracket (a citation after
the full stop stays with its sentence), at blank lines and at bullets; citations are
``[E#]`` groups; named subjects are quoted spans and "layer N"; numbers carry their
precision, percent and sign.
"""

from __future__ import annotations

import re

from agent.grounding.mentions import digits

CITATION = re.compile(r"\[\s*(E\d+(?:\s*[,;]\s*E?\d+)*)\s*\]")
_QUOTED = re.compile(
    r"(?<!\w)'([^'\n]+?)'(?!\w)|\"([^\"\n]+?)\"|`([^`\n]+?)`|‘([^’\n]+?)’|“([^”\n]+?)”"
)
_LAYER = re.compile(r"\blayers?\s+(\d+)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])([+\-−]?\d+(?:\.\d+)?)(\s*%)?(?![\w])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘`]\S|[(\[]?[A-Z0-9])")
# Fact lines run together on one line ("… = 0.12 - [E4] 'x' …") are separate claims.
_INLINE_BULLET = re.compile(r"\s+(?=[-•*]\s+(?:\[\s*E\d+|['\"‘“]))")


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``; a citation after the full stop stays with its sentence."""
    pieces: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*•]\s)", text.strip()):
        for piece in (
            p for part in _SENTENCE_END.split(paragraph.strip()) for p in _INLINE_BULLET.split(part)
        ):
            piece = piece.strip()
            if not piece:
                continue
            lead = re.match(r"^((?:\[\s*E\d+[^\]]*\]\s*)+)(.*)$", piece, re.S)
            if lead and pieces:
                pieces[-1] = f"{pieces[-1]} {lead.group(1).strip()}"
                piece = lead.group(2).strip()
                if not piece:
                    continue
            pieces.append(piece)
    return pieces


def citations(sentence: str) -> list[str]:
    ids: list[str] = []
    for group in CITATION.findall(sentence):
        for part in re.split(r"\s*[,;]\s*", group):
            ids.append(part if part.startswith("E") else f"E{part}")
    return ids


def named_subjects(sentence: str) -> list[str]:
    """Quoted spans and "layer N" mentions: the things the sentence names."""
    found = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(sentence)]
    found += [f"layer {n}" for n in _LAYER.findall(sentence)]
    return [s.strip() for s in found if s.strip()]


def bare_prose(sentence: str) -> str:
    """The sentence without its citations and quoted words, number words as digits: where
    its claim words are looked for."""
    return digits(_QUOTED.sub(" ", CITATION.sub(" ", sentence)))


def numbers(sentence: str) -> list[tuple[float, float, bool, bool]]:
    """(value, tolerance, is_percent, signed) for each number the sentence states."""
    bare = CITATION.sub(" ", sentence)
    bare = _QUOTED.sub(" ", bare)
    bare = _LAYER.sub(" ", bare)
    out = []
    for text, percent in _NUMBER.findall(bare):
        signed = text[0] in "+-−"
        value = float(text.replace("−", "-"))
        decimals = len(text.split(".")[1]) if "." in text else 0
        out.append((value, 0.5 * 10**-decimals + 1e-9, bool(percent), signed))
    return out

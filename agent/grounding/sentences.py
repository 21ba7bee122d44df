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
_SENTENCE_END = re.compile(r"(?<=[.!?])\s*\n\s*|(?<=[.!?])\s+(?=[\"'“‘`]\S|[(\[]?[A-Z0-9])")
# "… for the rest. readscr and mathscr …": a sentence may start with a lower-case column.
_LOWER_START = re.compile(r"(?<=[a-z0-9%)\]]\.)\s+(?=[a-z])")
_ABBREVIATIONS = frozenset(
    ["vs", "cf", "al", "eg", "ie", "e.g", "i.e", "approx", "etc", "no", "p", "fig", "resp"]
)
# Fact lines run together on one line ("… = 0.12 - [E4] 'x' …") are separate claims.
_INLINE_BULLET = re.compile(r"\s+(?=[-•*]\s+(?:\[\s*E\d+|['\"‘“]))")


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``; a citation after the full stop stays with its sentence."""
    pieces: list[str] = []
    for paragraph in _paragraphs(text):
        for piece in (
            p
            for part in _SENTENCE_END.split(paragraph.strip())
            for lower in _lower_split(part)
            for p in _INLINE_BULLET.split(lower)
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


_BULLET = re.compile(r"\s*(?:[-*•]|\d+[.)])\s")


def _paragraphs(text: str) -> list[str]:
    """Blocks of lines: a blank line ends one, and a bullet is one by itself (with its
    indented continuation lines)."""
    out: list[list[str]] = [[]]
    bullet = False
    for line in text.strip().splitlines():
        starts = bool(_BULLET.match(line))
        if not line.strip() or starts or (bullet and not line.startswith((" ", "\t"))):
            out.append([])
        bullet = starts or (bullet and line.startswith((" ", "\t")))
        if line.strip():
            out[-1].append(line.strip())
    return [" ".join(block) for block in out if block]


def _lower_split(part: str) -> list[str]:
    out: list[str] = []
    for piece in _LOWER_START.split(part):
        last = out[-1].rstrip(".").rsplit(None, 1)[-1].casefold() if out else ""
        if out and (last in _ABBREVIATIONS or len(last) == 1):
            out[-1] = f"{out[-1]} {piece}"  # "e.g. north", "vs. south": one sentence
        else:
            out.append(piece)
    return out


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

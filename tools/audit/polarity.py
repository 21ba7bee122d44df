"""Yes or no: what a reference that starts with "Yes" or "No" asks of an output.

A reviewer grades the answer to "Is a whale a fish?" by its polarity, however it is
written: "No.", "No, it is a mammal.", "A whale is not a fish; it is a mammal." and "Nein."
all say no; "Yes, it is." and "A whale is a kind of fish." say yes; "It depends." says
neither. The polarity is read, in order, from

* the output's first words ("yes", "no", "correct", "absolutely not", "of course",
  "that's right", "oui", "nein", ...);
* a short output (four words or fewer) that holds a negation ("Of course not.");
* the clause that restates the question (it shares two or more of the question's words):
  negated ("is not", "can't", "never") or with an opposite word ("lost" for "win") says
  no, else yes.

An output whose first word and restating clause disagree ("No, a whale is a fish.") says
neither, and so does a hedge that restates nothing ("It depends.", "I'm not sure.").
An opposite word flips the restating clause (:mod:`tools.audit.antonyms`): "Napoleon lost
at Waterloo." answers "Did Napoleon win at Waterloo?" with no.
"""

from __future__ import annotations

import re
from typing import Literal

from tools.audit.antonyms import opposed
from tools.audit.normalise import covered, fold, is_number, key_terms, tokens

Polarity = Literal["yes", "no"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_YES = _set(
    "yes yeah yep yup correct right true indeed absolutely certainly definitely sure "
    "affirmative oui si ja jawohl claro exactement genau"
)
_NO = _set("no nope nah false incorrect wrong non nein never not negative")
_NEGATION = _set(
    "not no never isnt arent wasnt werent doesnt dont didnt cannot cant couldnt wont "
    "wouldnt shouldnt hasnt havent hadnt neither nor pas jamais ne nunca nicht kein keine"
)
_EXPLICIT = _set("yes yeah yep yup no nope nah oui non si ja nein")
_HEDGE = re.compile(r"\b(it depends|not sure|unsure|unclear|maybe|perhaps|hard to say)\b", re.I)
_CLAUSE = re.compile(r"[,;:.!?()]|\b(but|however|although|while|whereas|because)\b", re.I)
_FUNCTION = _set(
    "is are was were do does did can could will would has have had be the a an of in on to "
    "it its they them their there this that which why what "
    "ist ein eine der die das est la le les el los las es un une una de del du"  # de, fr, es
)


def expected(reference: str) -> Polarity | None:
    """The polarity a reference opens with: "No", "No, a whale is a mammal.", "Yes." (not
    "No one knows")."""
    m = re.match(r"\s*(yes|no)\b\s*([,.;:!\u2014-]|$)", reference, re.I)
    return None if m is None else ("yes" if m.group(1).casefold() == "yes" else "no")


def check(prompt: str, output: str, reference: str) -> tuple[bool, str, str] | None:
    """(agrees, what was compared, why) for a reference that opens with yes or no; None for
    any other reference. The polarity must match, and where the reference explains itself
    with numbers or names ("Yes, in 1969.", "No, the capital is Canberra.") the output must
    not give others in their place ("Yes, in 1972.", "No, the capital is Melbourne.")."""
    want = expected(reference)
    if want is None:
        return None
    got = said(prompt, output)
    compared = f"the output's yes or no ({got or 'neither'}) with the reference's ({want})"
    asked = set(tokens(prompt))
    explanation = reference.strip()[len(want) :]
    reasons = {w for w in tokens(explanation) if len(w) > 3 and w not in _FUNCTION | asked}
    mine = set(tokens(output))
    if got != want and reasons and all(covered(w, mine) for w in reasons):
        # "Ice is less dense than water" restates "Is ice denser ...?" without a negation
        return True, compared, f"states the reference's reason ({', '.join(sorted(reasons))})"
    if got != want:
        return False, compared, f"says {got or 'neither yes nor no'}; the reference says {want}"
    theirs = [t for t in key_terms(explanation) if t not in asked]
    named = [t for t in key_terms(output) if t not in asked]
    for kind in (is_number, lambda t: not is_number(t)):
        new = [t for t in named if kind(t) and not covered(t, set(theirs))]
        if new and any(kind(t) and not covered(t, set(named)) for t in theirs):
            return (
                False,
                compared,
                f"says {want}, as the reference does, but states "
                + (f"{', '.join(new)} where the reference says {reference.strip()!r}"),
            )
    return True, compared, f"says {want}, as the reference does"


def said(prompt: str, output: str) -> Polarity | None:
    """The polarity of ``output`` as an answer to the yes/no question ``prompt``; None
    when it says neither (a dodge, a hedge, another topic) or both ("No, a whale is a
    fish.")."""
    words = _words(output)
    if not words:
        return None
    first = _opening(words)
    restated = _restated(prompt, output if first is None else output.split(None, 1)[-1])
    if _HEDGE.search(output) and restated is None and words[0] not in _EXPLICIT:
        return None  # "I'm not sure.", "Not sure.", "Maybe." (but "Yes, maybe.")
    if first is not None:
        return first if restated in (None, first) or len(words) <= 2 else None
    if len(words) <= 4 and _NEGATION & set(words):
        return "no"
    bare = [_opening(_words(c)) for c in _CLAUSE.split(output) if c and len(_words(c)) == 1]
    return restated or next((b for b in bare if b is not None), None)


def _words(text: str) -> list[str]:
    return [fold(w).replace("'", "") for w in re.findall(r"[\w']+", text)]


def _opening(words: list[str]) -> Polarity | None:
    """The polarity its first words give: "Yes", "Nope", "Absolutely not", "Of course",
    "That's right"."""
    if not words:
        return None
    head = words[0]
    if head in ("of", "thats", "that") and len(words) > 1:
        if words[1] not in ("course", "right", "correct", "true", "wrong", "false", "not"):
            return None
        head = words[1] if head == "of" or words[1] != "not" else "not"
    if head in _YES or head == "course":
        at = words.index(head)
        negated = words[at + 1 : at + 2] == ["not"] or (
            len(words) <= 4 and bool(_NEGATION & set(words[1:]))
        )
        return "no" if negated else "yes"
    return "no" if head in _NO else None


def _restated(prompt: str, text: str) -> Polarity | None:
    """The polarity of the clause that restates the question (two or more of its content
    words): negated says no, else yes; None when no clause restates it."""
    asked = {t for t in tokens(prompt) if t not in _FUNCTION} - {"1"}  # "ein", "un": 1
    for clause in _CLAUSE.split(text):
        if not clause or _CLAUSE.fullmatch(clause):
            continue
        mine = set(tokens(clause)) | set(_words(clause))  # "8" for "eight"; "cant" whole
        if asked and len(asked & mine) >= min(2, len(asked)):
            flipped = bool(opposed(mine - asked, asked))  # "lost" for "did it win?"
            return "no" if bool(_NEGATION & mine) != flipped else "yes"
    return None

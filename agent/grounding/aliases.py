"""Every name the evidence knows a subject by: a column "annual_income" as "annual
income", a group "sex = female" as "women", "female sex", "sex female"; a binned group
"mathscr = >= 676.8" as "mathscr at or above 676.8"; a pair of columns in either order; a
slice's values together; tokens by their names ("the full stop"); an edit by its word.
"""

from __future__ import annotations

import re


def inflections(word: str) -> list[str]:
    out = [word]
    low = word.casefold()
    if low.endswith("man"):
        out.append(word[:-3] + "men")
    elif low.endswith("men"):
        out.append(word[:-3] + "man")
    elif low.endswith("y") and len(low) > 3:
        out.append(word[:-1] + "ies")
    elif low.endswith("s") and len(low) > 3:
        out.append(word[:-1])
    elif low[-1:].isalpha():
        out.append(word + "s")
    return out


#: Everyday words for common category values.
SYNONYMS = {
    "female": ["women", "woman", "females"],
    "male": ["men", "man", "males"],
    "f": ["women", "female"],
    "m": ["men", "male"],
}


_BOUNDS = {
    ">=": ("at least", "at or above", "above", "over", "or more", ">=", "≥", "of at least"),
    ">": ("above", "over", "more than", "greater than", ">"),
    "<": ("below", "under", "less than", "lower than", "<", "beneath"),
    "<=": ("at most", "at or below", "or less", "<=", "≤"),
}


def _range_phrases(col: str, val: str) -> list[str]:
    """How people write a binned group: "mathscr = >= 676.8" as "mathscr at or above
    676.8", "mathscr of 676.8 or more"; "x = 10 to 19" as "x between 10 and 19"."""
    col_names = [col, col.replace("_", " ")] if "_" in col else [col]
    out: list[str] = []
    bound = re.fullmatch(r"(>=|<=|>|<)\s*(\S+)", val)
    span = re.fullmatch(r"(\S+) to (\S+)", val)
    for c in col_names:
        if bound:
            op, x = bound.groups()
            for w in _BOUNDS[op]:
                out += (
                    [f"{c} {x} {w}", f"{c} of {x} {w}"]
                    if w.startswith("or ")
                    else [f"{c} {w} {x}", f"{c} {w} {x}", f"{c} is {w} {x}", f"{c} of {w} {x}"]
                )
        if span:
            a, b = span.groups()
            out += [
                f"{c} between {a} and {b}",
                f"{c} from {a} to {b}",
                f"{c} of {a} to {b}",
                f"{c} {a} to {b}",
                f"{c} {a}-{b}",
                f"{c} {a}–{b}",
                f"{c} in {a}-{b}",
            ]
    return out


#: Tokens people name in words ("the full stop pushed it away").
_PUNCTUATION = {
    ".": ["full stop", "final full stop", "period", "the dot"],
    "?": ["question mark"],
    "!": ["exclamation mark"],
    ",": ["comma"],
    ":": ["colon"],
    ";": ["semicolon"],
}


def aliases(subject: str) -> list[str]:
    out = [subject]
    if "_" in subject:  # a column "annual_income": also "annual income"
        out.append(subject.replace("_", " "))
    if " = " not in subject and re.fullmatch(r"\S+ and \S+", subject):  # a pair of columns
        a, _, b = subject.partition(" and ")
        out += [f"{b} and {a}", f"{a} with {b}", f"{b} with {a}", f"{a} ~ {b}", f"{a} vs {b}"]
    if " = " in subject and " and " in subject:  # a slice "a = x and b = y"
        parts = [p.partition(" = ") for p in subject.split(" and ")]
        if all(p[1] for p in parts):
            words = [v for _, _, v in parts]
            out += [" ".join(words), " ".join(reversed(words)), " and ".join(words)]
            out += [" ".join(f"{v} {c}" for c, _, v in parts)]
    if " = " in subject and " and " not in subject:  # a group "sex = women": also "women"
        col, _, val = subject.partition(" = ")
        out += [
            *inflections(val),
            f"{col} {val}",
            f"{val} {col}",
            f"{val}-{col}",
            *(f"{val} {c}" for c in inflections(col)[1:]),
            *_range_phrases(col, val),
            *SYNONYMS.get(val.casefold(), []),
            f"'{col}' = '{val}'",
            f"'{col}' is '{val}'",
            f"{col}={val}",
        ]
        if " & " in subject:  # a slice "a = x & b = y", as code writes it
            out.append(
                " and ".join(
                    f"'{c}' = '{v}'"
                    for c, _, v in (part.partition(" = ") for part in subject.split(" & "))
                )
            )
    out += _PUNCTUATION.get(subject.strip(), [])
    out += [a or b for a, b in re.findall(r"\"([^\"]+)\"|'([^']+)'", subject)]  # edit: the word
    return [a for a in out if a.strip()]

"""Themes of a text column: a family of phrasings tested as one hypothesis, over all rows.

A theme is a rule code counts — the rows whose text holds **any** of its phrases (whole
words, any case; the words of a phrase next to each other within one clause, as the terms
are read) — and stays a hypothesis until it is validated: the target's rate (or mean)
among the rows that match against the rest, the difference with a 95% interval, and a
two-sided p-value BH-adjusted over every theme tested for the column. Only themes with an
adjusted p below :data:`ALPHA` that at least :data:`MIN_ROWS` rows match are reported.

Where themes come from (:class:`Candidate`): **the explainer LLM**
(:mod:`agent.datasets.themes`: it reads contrasting rows, quoted as data, and proposes
named themes as phrase lists — "mentions a late delivery": "arrived late", "delivery was
delayed", "shipment took weeks"), and **the user** (a name and its phrases). Code counts
them here. (Grouping the distinguishing terms by MiniLM similarity was tried and dropped:
short phrases of one theme that share no word sit at cosine 0.05–0.45 — "paper-thin
walls" and "loud music from the bar" — while function-word pairs such as "even after" and
"until" sit at 0.54, so it proposed spurious families and missed the real ones.)

No candidate's text is ever run: phrases are cut into words of letters, digits and
apostrophes, and reach DuckDB as a bound regular-expression parameter built from them.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from tools.dataset import stats
from tools.dataset.load import Dataset
from tools.dataset.term_stats import MIN_ROWS

ALPHA = 0.01
MAX_PHRASES = 12
Source = Literal["explainer LLM", "user"]
_WORD = r"[^a-z0-9']"  # a word's letters are [a-z0-9'] (as the terms are read)
_GAP = r"[^a-z0-9'.!?;:,()\n]+"  # between a phrase's words: no clause break


class Candidate(BaseModel):
    name: str = Field(max_length=80)
    phrases: list[str]
    source: Source


class Theme(BaseModel):
    name: str
    phrases: list[str] = Field(description="The rule: a row matches when it holds any.")
    source: Source
    rows: int = Field(description="Rows (with the target) whose text matches the rule.")
    phrase_rows: list[int] = Field(description="Rows each phrase matches, in order.")
    with_theme: float = Field(description="The target's rate (or mean) among matching rows.")
    without_theme: float
    difference: float
    low: float = Field(description="95% interval of the difference.")
    high: float
    p: float
    p_adjusted: float = 1.0
    validated: bool = False
    examples: list[str] = Field(default_factory=list)


def words(phrase: str) -> list[str]:
    """A phrase as the words a rule matches (lower case; other characters separate)."""
    parts = re.split(r"[^a-z0-9']+", phrase.casefold().replace("’", "'"))
    return [w for w in parts if w.strip("'")]


def pattern(phrases: list[str]) -> str:
    """The regular expression (RE2 and Python alike) of rows holding any phrase."""
    alts = [_GAP.join(words(p)) for p in phrases if words(p)]
    return f"(^|{_WORD})(" + "|".join(alts) + f")({_WORD}|$)"


def clean(candidate: Candidate) -> Candidate | None:
    """The candidate with its phrases as words (deduplicated, at most MAX_PHRASES); None
    when no phrase is left."""
    seen: list[str] = []
    for p in candidate.phrases:
        w = " ".join(words(p)[:8])
        if w and w not in seen:
            seen.append(w)
    if not seen:
        return None
    return candidate.model_copy(update={"phrases": seen[:MAX_PHRASES]})


def validate(
    ds: Dataset, source: str, candidates: list[Candidate], *, numeric: bool
) -> list[Theme]:
    """Count every candidate over all rows of ``source`` (a relation with ``text`` and the
    target ``y``: 0/1, or a number when ``numeric``), BH-adjust over them all, and mark
    the validated ones. Candidates with the same phrases are tested once."""
    themes: list[Theme] = []
    seen: set[tuple[str, ...]] = set()
    for raw in candidates:
        cand = clean(raw)
        if cand is None or tuple(sorted(cand.phrases)) in seen:
            continue
        seen.add(tuple(sorted(cand.phrases)))
        themes.append(_count(ds, source, cand, numeric))
    for t, p_adj in zip(themes, stats.benjamini_hochberg([t.p for t in themes]), strict=True):
        t.p_adjusted = p_adj
        t.validated = p_adj < ALPHA and t.rows >= MIN_ROWS and _family(t)
        if t.validated:
            t.examples = _examples(ds, source, t, numeric)
    themes.sort(key=lambda t: (not t.validated, t.p_adjusted, -t.rows))
    return themes


def _family(theme: Theme) -> bool:
    """One phrase, or phrases that reach rows beyond the largest one's: at least a tenth
    more (and 5 rows), else the others only restate it (words around one phrase)."""
    top = max(theme.phrase_rows, default=0)
    return len(theme.phrases) == 1 or theme.rows - top >= max(5, 0.1 * top)


def _count(ds: Dataset, source: str, cand: Candidate, numeric: bool) -> Theme:
    each = ", ".join(f"count(*) FILTER (WHERE regexp_matches(t, ?)) AS p{i}"
                     for i in range(len(cand.phrases)))  # fmt: skip
    row = ds.con.execute(
        "SELECT count(*) FILTER (WHERE m), sum(y) FILTER (WHERE m), sum(y * y) FILTER (WHERE m),"
        " count(*) FILTER (WHERE NOT m), sum(y) FILTER (WHERE NOT m),"
        f" sum(y * y) FILTER (WHERE NOT m), {each} FROM (SELECT lower(text) AS t, y,"
        f" regexp_matches(lower(text), ?) AS m FROM {source} WHERE y IS NOT NULL)",
        [*(pattern([p]) for p in cand.phrases), pattern(cand.phrases)],
    ).fetchone()
    assert row is not None
    n1, s1, q1, n0, s0, q0 = (float(v or 0) for v in row[:6])
    m1, m0 = (s1 / n1 if n1 else 0.0), (s0 / n0 if n0 else 0.0)
    if min(n1, n0) < 2:  # nothing to compare
        diff, low, high, p = 0.0, 0.0, 0.0, 1.0
    elif numeric:
        diff, low, high, p = stats.two_means(
            n1, m1, max(q1 / n1 - m1 * m1, 0.0) if n1 else 0.0,
            n0, m0, max(q0 / n0 - m0 * m0, 0.0) if n0 else 0.0,
        )  # fmt: skip
    else:
        diff, low, high, p = stats.two_proportions(s1, n1, s0, n0)
    return Theme(
        name=cand.name, phrases=cand.phrases, source=cand.source, rows=int(n1),
        phrase_rows=[int(v) for v in row[6:]], with_theme=m1, without_theme=m0,
        difference=diff, low=low, high=high, p=p,
    )  # fmt: skip


def _examples(ds: Dataset, source: str, theme: Theme, numeric: bool) -> list[str]:
    """Two matching rows on the side the theme points to."""
    cut = (theme.with_theme + theme.without_theme) / 2 if numeric else 0.5
    side = ">" if theme.difference > 0 else "<"
    rows = ds.con.execute(
        f"SELECT text FROM {source} WHERE y IS NOT NULL AND y {side} ? "
        "AND regexp_matches(lower(text), ?) ORDER BY hash(text) LIMIT 2",
        [cut, pattern(theme.phrases)],
    ).fetchall()
    return [str(r[0])[:240] for r in rows]

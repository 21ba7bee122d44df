"""Columns of free text (reviews, tickets, notes): profiled, and what distinguishes the
texts of the target's groups — every count over all rows, in DuckDB.

* **Detected** by length and vocabulary: a text column (most values distinct) whose values
  hold at least :data:`MIN_WORDS` words on average.
* **Profiled**: words and characters per value, the language (by function words), the
  most frequent words and two-word phrases (rows that use them; common function words
  left out), exact duplicates over all rows, near duplicates (MinHash + LSH, ``datasketch``;
  word sets with Jaccard ≥ 0.8, among up to :data:`NEAR_SAMPLE` distinct texts, picked by
  hash order), and values that look like personal data (e-mail addresses, phone numbers).
* **Distinguishing terms** (with a target: a yes/no or several-class label against the
  rest, or a number split at its median): for every word and two-word phrase used by at
  least :data:`MIN_ROWS` rows, the log-odds ratio with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008) of the rows that use it in the target's group against
  the others, its z-score, a two-sided p-value BH-adjusted over all terms tested, the
  target's rate (or mean) among rows with and without it, and example rows.
* **Interactions**: a term that separates the groups within one category of another
  column (≤ 12 categories) but not in the other categories (|z| < 2 there), BH-adjusted
  over all term × category tests.
"""

from __future__ import annotations

import math
import re

from pydantic import BaseModel, Field

from tools.dataset import stats
from tools.dataset.load import Column, Dataset
from tools.dataset.term_stats import (
    MIN_ROWS,
    Interaction,
    Term,
    binary,
    interactions,
    log_odds,
)
from tools.dataset.themes import Theme

MIN_WORDS = 5.0  # mean words per value for a text column to be free text
MAX_TERMS = 30  # distinguishing terms reported per column
NEAR_SAMPLE = 50_000  # distinct texts compared for near duplicates
NEAR_JACCARD = 0.8
STOPWORDS = frozenset(str.split(
    "a an the and or but if of to in on at by for with from as is are was were be been "
    "being it its this that these those i me my we our you your he she his her they them "
    "their there here so not no do does did have has had will would can could should may "
    "might must just than then too very also up out about into over after before again "
    "all any some such only own same other more most what which who whom when where why "
    "how s t don isn wasn didn doesn won can't i'm it's i've"
))  # fmt: skip
_LANGUAGES = {
    "en": {"the", "and", "is", "to", "of", "it", "was", "my", "for", "not"},
    "fr": {"le", "la", "les", "et", "est", "pas", "une", "des", "je", "pour"},
    "es": {"el", "los", "las", "y", "es", "una", "por", "que", "con", "no"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "ich", "mit"},
}
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
PHONE = r"(?:\+?\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{3,4}[ .-]\d{3,4}(?:[ .-]\d{2,4})?"
_TOKEN_SQL = r"[^a-z0-9'']+"  # (quoted for SQL: '' is an apostrophe)


class TextColumn(BaseModel):
    column: str
    rows: int
    mean_words: float
    mean_chars: float
    language: str
    top_terms: list[tuple[str, int]] = Field(description="Words and phrases: rows using them.")
    exact_duplicates: int = Field(description="Rows repeating an earlier row's text.")
    near_duplicates: int = Field(description="Distinct texts with a near twin (Jaccard ≥ 0.8).")
    near_checked: int = Field(description="Distinct texts compared for near duplicates.")
    near_examples: list[tuple[str, str]] = Field(default_factory=list)
    emails: int = 0
    phones: int = 0
    measure: str | None = Field(default=None, description="What with/without measure.")
    distinguishing: list[Term] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    tested: int = Field(default=0, description="Terms tested (BH runs over all of them).")
    themes: list[Theme] = Field(
        default_factory=list, description="Themes tested (validated first); see themes.py."
    )


def text_columns(ds: Dataset, candidates: list[Column]) -> list[Column]:
    """The candidates (kind "text") whose values average at least MIN_WORDS words."""
    out = []
    for col in candidates:
        row = ds.con.execute(
            f"SELECT avg(len(string_split(trim({col.sql}::VARCHAR), ' '))) FROM data "
            f"WHERE {col.sql} IS NOT NULL"
        ).fetchone()
        if row and row[0] is not None and float(row[0]) >= MIN_WORDS:
            out.append(col)
    return out


def _terms_sql() -> str:
    """Per row: its distinct words and two-word phrases (lower-case; phrases never cross a
    sentence or clause break)."""
    segments = (
        "list_transform(regexp_split_to_array(lower(text), '[.!?;:,()\\n]+'), "
        f"lambda s: list_filter(regexp_split_to_array(s, '{_TOKEN_SQL}'), lambda x: x <> ''))"
    )
    return (
        "SELECT r, y, unnest(list_distinct(list_concat("
        "list_filter(flatten(g), lambda x: len(x) > 1), "
        "flatten(list_transform(g, lambda w: "
        "list_transform(range(1, len(w)), lambda i: w[i] || ' ' || w[i + 1])))))) AS term "
        f"FROM (SELECT rowid AS r, y, {segments} AS g FROM texts)"
    )


def profile_text(
    ds: Dataset,
    col: Column,
    target_sql: str | None,
    target: str | None = None,
) -> TextColumn:
    """Profile ``col``; with ``target_sql`` (a 0/1 or numeric expression over ``data``) also
    its distinguishing terms and interactions (``target``: the column it reads, left out of
    the columns the terms interact with). Themes are tested afterwards
    (:func:`tools.dataset.analyse.validate_themes`)."""
    y = target_sql if target_sql is not None else "NULL::DOUBLE"
    ds.con.execute("DROP TABLE IF EXISTS texts")
    ds.con.execute(
        f"CREATE TEMP TABLE texts AS SELECT {col.sql}::VARCHAR AS text, ({y})::DOUBLE AS y, "
        f"* EXCLUDE ({col.sql}) FROM data WHERE {col.sql} IS NOT NULL"
    )
    n, words, chars, emails, phones = ds.con.execute(
        "SELECT count(*), avg(len(string_split(trim(text), ' '))), avg(length(text)), "
        f"count(*) FILTER (WHERE regexp_matches(text, '{EMAIL}')), "
        f"count(*) FILTER (WHERE regexp_matches(text, '{PHONE}')) FROM texts"
    ).fetchone() or (0, 0, 0, 0, 0)
    dupes = ds.con.execute(
        "SELECT coalesce(sum(c - 1), 0) FROM (SELECT count(*) AS c FROM texts GROUP BY text)"
    ).fetchone()
    ds.con.execute("DROP TABLE IF EXISTS terms")
    ds.con.execute(f"CREATE TEMP TABLE terms AS {_terms_sql()}")
    top = ds.con.execute(
        "SELECT term, count(*) AS c FROM terms GROUP BY term ORDER BY c DESC, term LIMIT 400"
    ).fetchall()
    shown = [(t, int(c)) for t, c in top if not _stop(t)][:15]
    near, checked, examples = _near_duplicates(ds)
    out = TextColumn(
        column=col.name, rows=int(n), mean_words=float(words or 0), mean_chars=float(chars or 0),
        language=_language(ds), top_terms=shown, exact_duplicates=int(dupes[0] if dupes else 0),
        near_duplicates=near, near_checked=checked, near_examples=examples,
        emails=int(emails or 0), phones=int(phones or 0),
    )  # fmt: skip
    if target_sql is not None:
        _distinguish(ds, out, target)
    ds.con.execute("DROP TABLE IF EXISTS terms")
    ds.con.execute("DROP TABLE IF EXISTS texts")
    return out


def _stop(term: str) -> bool:
    return all(w in STOPWORDS or w.isdigit() for w in term.split(" "))


def _language(ds: Dataset) -> str:
    rows = ds.con.execute("SELECT text FROM texts USING SAMPLE 2000 ROWS (reservoir, 7)").fetchall()
    words = [w for (t,) in rows for w in re.findall(r"[^\W\d_]+", t.casefold())]
    if not words:
        return "unknown"
    hits = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in _LANGUAGES.items()}
    best = max(hits, key=lambda k: hits[k])
    return best if hits[best] >= 0.03 else "unknown"


def _near_duplicates(ds: Dataset) -> tuple[int, int, list[tuple[str, str]]]:
    from datasketch import MinHash, MinHashLSH

    rows = ds.con.execute(
        f"SELECT DISTINCT text FROM texts ORDER BY hash(text) LIMIT {NEAR_SAMPLE}"
    ).fetchall()
    texts = [t for (t,) in rows]
    sets = [sorted({w.encode() for w in re.findall(r"\w+", t.casefold())}) or [b""] for t in texts]
    hashes = MinHash.bulk(sets, num_perm=64)
    lsh = MinHashLSH(threshold=NEAR_JACCARD, num_perm=64)
    with lsh.insertion_session() as session:
        for i, h in enumerate(hashes):
            session.insert(i, h)
    twins: set[int] = set()
    examples: list[tuple[str, str]] = []
    for i, h in enumerate(hashes):
        if i in twins:
            continue  # a twin already: found from its pair
        for j in lsh.query(h)[:20]:  # LSH proposes (at most 20); the exact word sets decide
            if j != i and _jaccard(sets[i], sets[j]) >= NEAR_JACCARD:
                twins.update((i, j))
                if len(examples) < 3:
                    examples.append((texts[i][:200], texts[j][:200]))
                break
    return len(twins), len(texts), examples


def _jaccard(a: list[bytes], b: list[bytes]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def _distinguish(ds: Dataset, out: TextColumn, target: str | None) -> None:
    stats_row = ds.con.execute(
        "SELECT min(y), max(y), median(y), count(y) FROM texts WHERE y IS NOT NULL"
    ).fetchone() or (0, 0, 0, 0)
    lo, hi, med, n = (float(v) if v is not None else 0.0 for v in stats_row)
    if not n:
        return
    cut = None if lo >= 0 and hi <= 1 else med
    b = binary(cut)
    out.measure = "rate" if cut is None else "mean"
    n1, n0 = ds.con.execute(
        f"SELECT sum({b}), count(*) - sum({b}) FROM texts WHERE y IS NOT NULL"
    ).fetchone() or (0, 0)
    n1, n0 = float(n1 or 0), float(n0 or 0)
    if not n1 or not n0:
        return
    rows = ds.con.execute(
        f"SELECT term, count(*) AS k, sum({b}) AS k1, avg(y) AS with_y, "
        f"(SELECT sum(y) FROM texts WHERE y IS NOT NULL) AS total_y "
        f"FROM terms WHERE y IS NOT NULL GROUP BY term HAVING count(*) >= {MIN_ROWS}"
    ).fetchall()
    total_y = float(rows[0][4]) if rows else 0.0
    tested = []
    for term, k, k1, with_y, _ in rows:
        if _stop(term) or k > 0.95 * (n1 + n0):  # in (nearly) every row: separates nothing
            continue
        k, k1 = float(k), float(k1)
        lo_r, z = log_odds(k1, k - k1, n1, n0)
        without = (total_y - float(with_y) * k) / max(n1 + n0 - k, 1.0)
        p = math.erfc(abs(z) / math.sqrt(2))
        tested.append(Term(term=term, rows=int(k), with_term=float(with_y),
                           without_term=without, log_odds=lo_r, z=z, p=p))  # fmt: skip
    for t, p_adj in zip(tested, stats.benjamini_hochberg([t.p for t in tested]), strict=True):
        t.p_adjusted = p_adj
    out.tested = len(tested)
    kept = [t for t in tested if t.p_adjusted < 0.01]
    kept.sort(key=lambda t: -abs(t.z))
    merged = _merged(ds, kept[: 4 * MAX_TERMS], cut)
    out.distinguishing = merged[:MAX_TERMS]
    out.interactions = interactions(ds, cut, tested, target)


def _merged(ds: Dataset, terms: list[Term], cut: float | None) -> list[Term]:
    """Terms used by the same rows (Jaccard ≥ 0.9: "refund not", "not received",
    "received") are one finding, named by the shortest stretch of an example row that
    holds them all ("refund not received"); each with example rows."""
    rows: dict[str, set[int]] = {t.term: set() for t in terms}
    if terms:
        for term, r in ds.con.execute(
            f"SELECT term, r FROM terms WHERE term IN ({', '.join('?' * len(terms))})",
            [t.term for t in terms],
        ).fetchall():
            rows[term].add(r)
    groups: list[list[Term]] = []
    for t in terms:
        home = next((g for g in groups if _overlap(rows[g[0].term], rows[t.term]) >= 0.9), None)
        if home is None:
            groups.append([t])
        else:
            home.append(t)
    out = []
    for group in groups:
        lead = group[0]
        lead.examples = _examples(ds, lead.term, cut, positive=lead.z > 0)
        if len(group) > 1 and lead.examples:
            lead.term = _phrase(lead.examples[0], [g.term for g in group]) or lead.term
        out.append(lead)
    return out


def _overlap(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _phrase(text: str, terms: list[str]) -> str | None:
    """The shortest run of the text's words (in one clause) holding every term."""
    for clause in re.split(r"[.!?;:,()\n]+", text.casefold()):
        words = [w for w in re.split(r"[^a-z0-9']+", clause) if w]
        spans = []
        for term in terms:
            parts = term.split(" ")
            at = next((i for i in range(len(words) - len(parts) + 1)
                       if words[i : i + len(parts)] == parts), None)  # fmt: skip
            if at is None:
                break
            spans.append((at, at + len(parts)))
        else:
            lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
            return " ".join(words[lo:hi]) if hi - lo <= 6 else None
    return None


def _examples(ds: Dataset, term: str, cut: float | None, *, positive: bool) -> list[str]:
    rows = ds.con.execute(
        f"SELECT t.text FROM texts t JOIN (SELECT DISTINCT r FROM terms WHERE term = ?) u "
        f"ON t.rowid = u.r WHERE {binary(cut, 't')} = ? ORDER BY hash(t.text) LIMIT 2",
        [term, 1.0 if positive else 0.0],
    ).fetchall()
    return [str(r[0])[:240] for r in rows]

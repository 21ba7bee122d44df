"""The whole analysis of one file: load, profile, alerts, drivers, subgroups, relationships.

:func:`analyse` returns :class:`Findings`, everything ``explain-csv --json`` prints. Each
step reports progress through an optional callback so the CLI can draw a progress bar.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from tools.dataset.alerts import LEAKAGE_NOTE, Alert, find_alerts, informative_missingness
from tools.dataset.drivers import (
    Driver,
    GlassBox,
    attach_importances,
    fit_sample,
    model_sample,
    univariate,
)
from tools.dataset.groups import Grouping, Target, build_codes, make_grouping, make_target
from tools.dataset.leaks import find_leaks
from tools.dataset.load import Dataset, DatasetError, load_dataset
from tools.dataset.profile import ColumnProfile, profile_dataset
from tools.dataset.relations import Relationship, relationships
from tools.dataset.subgroups import MAX_COLUMNS, Simpson, Subgroup, find_subgroups
from tools.dataset.text import NEAR_JACCARD, TextColumn, profile_text, text_columns
from tools.dataset.themes import Candidate, validate

MAX_ANALYSED = 500  # columns grouped for drivers and relationships (profiles cover all)
MAX_MODEL_COLUMNS = 50  # the glass-box model takes the strongest univariate drivers
#: The figure each leak test reports (named as the overview's facts name them).
LEAK_FIGURES = {"separates": "leak_auc", "linear": "leak_r", "bands": "leak_groups",
                "association": "association"}  # fmt: skip

Progress = Callable[[str, float], None]  # (step, fraction of the whole done)


class TargetInfo(BaseModel):
    column: str
    kind: str
    positive: str | None = None
    measure: str = Field(description="What a group's value is: a rate or a mean.")
    overall: float = Field(description="The target's rate or mean over all rows with it.")
    rows: int = Field(description="Rows where the target is present.")


class Findings(BaseModel):
    """Everything computed about one file."""

    file: str
    rows: int
    columns: int
    encoding: str
    skipped_rows: int = 0
    notes: list[str] = Field(default_factory=list)
    target: TargetInfo | None = None
    profiles: list[ColumnProfile]
    alerts: list[Alert]
    drivers: list[Driver] = Field(default_factory=list)
    glass_box: GlassBox | None = None
    subgroups: list[Subgroup] = Field(default_factory=list)
    simpson: list[Simpson] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    texts: list[TextColumn] = Field(
        default_factory=list, description="Columns of free text: profiles, distinguishing terms."
    )
    seconds: dict[str, float] = Field(default_factory=dict)


def analyse(
    path: str | Path,
    target: str | None = None,
    *,
    model_rows: int = 20_000,
    glass_box: bool = True,
    allow_bad_rows: bool = False,
    seed: int = 0,
    progress: Progress | None = None,
    keep: bool = False,
    na: Sequence[str] | None = None,
    keep_columns: Sequence[str] = (),
    positive: str | None = None,
) -> tuple[Findings, Dataset | None]:
    """Analyse ``path`` over all rows. With ``keep`` the loaded :class:`Dataset` is
    returned open (for follow-up queries); else it is closed and None is returned.
    ``na``: the cells read as missing (default: the common markers, "NA", "N/A", …).
    ``keep_columns``: columns kept among the drivers even when a leak test fires.
    ``positive``: the target's class to explain against the rest."""
    report = progress or (lambda step, done: None)
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[step] = round(now - clock, 4)
        clock = now

    report("loading", 0.0)
    # scipy and the EBM (about 0.5 s of imports) load in a thread while DuckDB reads.
    threading.Thread(target=_warm_up, args=(glass_box and target is not None,), daemon=True).start()
    ds = load_dataset(path, allow_bad_rows=allow_bad_rows, na=na)
    pool = ThreadPoolExecutor(1, thread_name_prefix="glass-box")
    fitting: Future[tuple[Any, float]] | None = None
    try:
        lap("load")
        report("profiling", 0.15)
        done = 0

        def profiled(n: int) -> None:
            nonlocal done
            done += n
            report("profiling", 0.15 + 0.15 * done / max(1, len(ds.columns)))

        profiles = profile_dataset(ds, profiled)
        lap("profile")
        report("checking quality", 0.3)
        alerts = find_alerts(ds, profiles)
        lap("alerts")
        by_name = {p.name: p for p in profiles}
        tgt = (make_target(ds, target, by_name[ds.column(target).name], positive)
               if target else None)  # fmt: skip
        ids = {a.columns[0] for a in alerts if a.kind == "id_column"}
        groupings = _groupings(ds, profiles, exclude=ids | ({target} if target else set()))
        coded = build_codes(ds, groupings, tgt) == ds.rows  # every row: no target missing
        lap("groups")
        findings = Findings(
            file=ds.path.name,
            rows=ds.rows,
            columns=len(ds.columns),
            encoding=ds.encoding,
            skipped_rows=ds.skipped_rows,
            notes=list(ds.notes),
            profiles=profiles,
            alerts=alerts,
        )
        if tgt is not None:
            report("ranking drivers", 0.4)
            findings.target = _target_info(ds, tgt)
            if tgt.kind != "numeric" and tgt.positive is not None:
                findings.alerts += informative_missingness(ds, profiles, tgt.column, tgt.y_sql,
                                                           tgt.positive)  # fmt: skip
            drivers = univariate(ds, groupings, tgt, seed=seed)
            findings.drivers = drivers
            findings.alerts += _leakage(ds, groupings, drivers, tgt, keep_columns)
            lap("drivers")
            leaks = {a.columns[0] for a in findings.alerts if a.kind == "leakage"}
            honest = [g for g in groupings if g.column not in leaks]
            order = {d.column: i for i, d in enumerate(drivers)}
            top = sorted((g for g in honest if g.column in order), key=lambda g: order[g.column])
            if glass_box:
                report("fitting the glass-box model", 0.55)
                sample = model_sample(ds, top[:MAX_MODEL_COLUMNS], tgt, model_rows=model_rows,
                                      seed=seed)  # fmt: skip
                if sample is not None:  # fitted in a thread while the steps below query
                    fitting = pool.submit(_timed, fit_sample, sample, tgt, seed=seed)
                lap("glass_box_sample")
            report("finding subgroups", 0.75)
            findings.subgroups, findings.simpson = find_subgroups(ds, top[:MAX_COLUMNS], tgt)
            lap("subgroups")
        report("reading text columns", 0.85)
        findings.texts = _texts(ds, profiles, tgt)
        findings.alerts += _text_alerts(findings.texts)
        lap("texts")
        report("relating columns", 0.9)
        leaked = {a.columns[0] for a in findings.alerts if a.kind == "leakage"}
        kept = [g for g in groupings if g.column not in leaked]  # they mirror the target
        findings.relationships = relationships(ds, kept, seed=seed, coded=coded)
        lap("relationships")
        if fitting is not None:
            fitted, seconds["glass_box"] = fitting.result()
            if fitted is not None:
                findings.glass_box = fitted[0]
                attach_importances(findings.drivers, fitted[1])
            lap("glass_box_wait")
        findings.seconds = seconds
        findings = Findings.model_validate(_stable(findings.model_dump()))
        report("done", 1.0)
    except BaseException:
        ds.close()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if keep:
        return findings, ds
    ds.close()
    return findings, None


def _timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    return fn(*args, **kwargs), round(time.perf_counter() - started, 4)


def _stable(value: Any) -> Any:
    """Every float to 12 significant digits: DuckDB sums in parallel, in an order that
    varies, so means and moments differ run to run in their last digits; rounded, the same
    file and seed give the same findings."""
    if isinstance(value, float):
        return float(f"{value:.12g}") if math.isfinite(value) else value
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_stable(v) for v in value)
    return value


def _warm_up(glass_box: bool) -> None:
    import scipy.stats  # noqa: F401

    if glass_box:
        import interpret.glassbox  # noqa: F401


def _groupings(ds: Dataset, profiles: list[ColumnProfile], exclude: set[str]) -> list[Grouping]:
    out: list[Grouping] = []
    for col, p in zip(ds.columns, profiles, strict=True):
        if col.name in exclude:
            continue
        g = make_grouping(ds, col, p, len(out))
        if g is not None:
            out.append(g)
        if len(out) >= MAX_ANALYSED:
            ds.notes.append(
                f"drivers and relationships use the first {MAX_ANALYSED} usable columns"
            )
            break
    return out


def _texts(ds: Dataset, profiles: list[ColumnProfile], tgt: Target | None) -> list[TextColumn]:
    candidates = [c for c, p in zip(ds.columns, profiles, strict=True)
                  if p.kind == "text" and (tgt is None or c.name != tgt.column)]  # fmt: skip
    return [profile_text(ds, c, tgt.y_sql if tgt else None, tgt.column if tgt else None)
            for c in text_columns(ds, candidates)]  # fmt: skip


def validate_themes(
    ds: Dataset, findings: Findings, column: str, candidates: list[Candidate]
) -> TextColumn:
    """Test more candidate themes of one text column (the explainer LLM's, the user's)
    over all rows, together with those already tested: BH runs over them all again."""
    text, source = _text_source(ds, findings, column)
    before = [Candidate(name=t.name, phrases=t.phrases, source=t.source) for t in text.themes]
    text.themes = validate(ds, source, before + candidates, numeric=text.measure == "mean")
    return text


def contrasting_rows(
    ds: Dataset, findings: Findings, column: str, k: int = 5
) -> tuple[list[str], list[str]]:
    """Up to ``k`` texts of the target's group (or above the median) and ``k`` of the rest,
    picked by hash order (the same file, the same rows)."""
    text, source = _text_source(ds, findings, column)
    median = ds.con.execute(f"SELECT median(y) FROM {source}").fetchone()
    cut = float(median[0]) if text.measure == "mean" and median and median[0] is not None else 0.5
    sides = []
    for op in (">", "<="):
        rows = ds.con.execute(
            f"SELECT text FROM {source} WHERE y {op} ? ORDER BY hash(text) LIMIT ?", [cut, k]
        ).fetchall()
        sides.append([str(r[0])[:300] for r in rows])
    return sides[0], sides[1]


def _text_source(ds: Dataset, findings: Findings, column: str) -> tuple[TextColumn, str]:
    """The text column's findings and a relation of its rows: ``text`` and the target ``y``."""
    text = next((t for t in findings.texts if t.column == column), None)
    if text is None or findings.target is None or text.measure is None:
        raise DatasetError(f"{column!r} is not a text column analysed against a target")
    profile = next(p for p in findings.profiles if p.name == findings.target.column)
    tgt = make_target(ds, findings.target.column, profile, findings.target.positive)
    col = ds.column(column).sql
    return text, (
        f"(SELECT {col}::VARCHAR AS text, ({tgt.y_sql})::DOUBLE AS y FROM data "
        f"WHERE {col} IS NOT NULL AND ({tgt.y_sql}) IS NOT NULL)"
    )


def _text_alerts(texts: list[TextColumn]) -> list[Alert]:
    out = []
    for t in texts:
        if t.emails or t.phones:
            out.append(Alert(
                kind="personal_data", columns=[t.column],
                figures={"emails": t.emails, "phones": t.phones, "rows": t.rows},
                message=f"values that look like personal data: {t.emails:,} rows with an e-mail "
                f"address, {t.phones:,} with a phone number",
            ))  # fmt: skip
        if t.near_duplicates:
            out.append(Alert(
                kind="near_duplicates", columns=[t.column],
                figures={"near_duplicates": t.near_duplicates, "checked": t.near_checked,
                         "exact_duplicates": t.exact_duplicates},
                message=f"{t.near_duplicates:,} of {t.near_checked:,} distinct texts have a near "
                f"twin (word sets {NEAR_JACCARD:.0%} alike); {t.exact_duplicates:,} rows repeat "
                "another row's text exactly",
            ))  # fmt: skip
    return out


def _target_info(ds: Dataset, tgt: Target) -> TargetInfo:
    row = ds.con.execute("SELECT avg(y), count(*) FROM codes").fetchone() or (None, 0)
    if not row[1]:
        raise DatasetError(f"target column {tgt.column!r} has no values")
    return TargetInfo(
        column=tgt.column,
        kind=tgt.kind,
        positive=tgt.positive,
        measure=tgt.measure,
        overall=float(row[0]),
        rows=int(row[1]),
    )


def _leakage(
    ds: Dataset, groupings: list[Grouping], drivers: list[Driver], tgt: Target,
    kept: Sequence[str],
) -> list[Alert]:  # fmt: skip
    """Possible leaks as alerts, each saying which test fired (:mod:`tools.dataset.leaks`);
    the columns the user keeps are tested but not set aside."""
    out = []
    for leak in find_leaks(ds, groupings, drivers, tgt):
        if leak.column in kept:
            ds.notes.append(f"{leak.column!r} kept as asked, although {leak.reason}")
            continue
        out.append(
            Alert(
                kind="leakage",
                columns=[leak.column, tgt.column],
                figures={LEAK_FIGURES[leak.test]: leak.figure},
                message=f"possible leak: {leak.reason}; {LEAKAGE_NOTE}",
            )
        )
    return out

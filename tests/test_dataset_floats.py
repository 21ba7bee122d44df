"""A low-cardinality numeric column holding inf, -inf, NaN, -0.0 or 2^63: the report
counts every row right (NaN missing, ±inf a value, -0.0 the same as 0), keeps the
moments finite, and still finds a driver that lives in one of those odd levels."""

from __future__ import annotations

import csv
import math
import random
from pathlib import Path

import pytest

from tools.dataset.analyse import analyse

BIG = str(2**63)


def _write(path: Path, rows: list[tuple[str, float, int]]) -> None:
    with path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["code", "x", "y"])
        out.writerows(rows)


def _planted(
    seed: int, decisive: str, levels: list[str], agree: float
) -> list[tuple[str, float, int]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(800):
        code = rng.choice(levels)
        y = int(code == decisive) if rng.random() < agree else rng.randint(0, 1)
        rows.append((code, round(rng.gauss(0, 1), 3), y))
    return rows


def _key(code: str) -> float | None:
    """The value the report should see: NaN is missing, -0.0 is 0."""
    v = float(code)
    return None if math.isnan(v) else v + 0.0


@pytest.mark.parametrize(
    ("seed", "decisive", "levels", "agree"),
    [
        (0, "inf", ["inf", "-inf", "NaN", "-0.0", "0", "1"], 0.95),
        (1, "-inf", ["inf", "-inf", "NaN", "0.0", "-0.0", "2"], 0.9),
        (2, BIG, [BIG, "1", "2", "3", "NaN"], 0.85),
        (3, "-0.0", ["-0.0", "1.5", "2.5", "inf"], 0.95),  # -0.0 and 0.0 are one level
        (4, BIG, [BIG, "0", "1"], 0.95),  # an integer column past int64
    ],
)
def test_odd_floats_in_a_code_column(
    tmp_path: Path, seed: int, decisive: str, levels: list[str], agree: float
) -> None:
    rows = _planted(seed, decisive, levels, agree)
    path = tmp_path / "odd.csv"
    _write(path, rows)
    findings, _ = analyse(path, target="y")
    profile = next(p for p in findings.profiles if p.name == "code")
    keys = [_key(c) for c, _, _ in rows]
    present = [k for k in keys if k is not None]
    assert profile.count == len(present)
    assert profile.missing == len(rows) - len(present)
    assert profile.distinct == len(set(present))
    assert profile.infinite == sum(math.isinf(k) for k in present)
    for value in (profile.mean, profile.std, profile.min, profile.max, profile.skewness):
        assert value is None or (isinstance(value, float) and math.isfinite(value))
    assert profile.min is None or not math.copysign(1, profile.min) < 0 or profile.min != 0
    driver = findings.drivers[0]
    assert driver.column == "code" and driver.significant
    by_label = {g.label: g for g in driver.groups}
    assert not any(label in ("-0", "-0.0") for label in by_label)  # one zero, shown once
    want = _key(decisive)
    assert want is not None
    top = max(driver.groups, key=lambda g: g.value)
    assert top.rows == sum(k == want for k in keys)
    assert sum(g.rows for g in driver.groups) == len(rows)

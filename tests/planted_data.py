"""Seeded tables with planted patterns, for known-answer tests of the dataset tools.

``planted_frame`` builds one table whose target ``y`` (0/1) depends on:

* ``lin``: a linear driver (logit rises with it);
* ``u``: a U-shaped driver (logit rises with u², so both ends are high);
* ``region`` × ``channel``: an interaction subgroup (east *and* web is far higher);
* ``treatment`` within ``severity``: Simpson's paradox (treatment A raises y within each
  severity, but A is given mostly to severe cases, so overall A looks worse);
* ``leak``: the target plus tiny noise (leakage);
* ``noise``: pure noise, unrelated to everything.

It also has duplicate rows (the last 150 rows repeat earlier ones), an outlier block (60
rows of ``amount`` a thousand times larger) and a row id ``row_id``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

DUPLICATES = 150
OUTLIERS = 60


def planted_frame(n: int = 20_000, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    lin = rng.normal(size=n)
    u = rng.uniform(-3, 3, size=n)
    noise = rng.normal(size=n)
    region = rng.choice(["north", "south", "east", "west"], size=n)
    channel = rng.choice(["web", "store"], size=n)
    severity = rng.choice(["mild", "severe"], size=n)
    treated = rng.uniform(size=n) < np.where(severity == "severe", 0.85, 0.15)
    logit = (-0.5 + 1.0 * lin + 0.45 * (u**2 - 3) + 2.5 * ((region == "east") & (channel == "web"))
             - 3.0 * (severity == "severe") + 0.6 * treated)  # fmt: skip
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    amount = rng.lognormal(3, 0.3, size=n).round(2)
    amount[rng.choice(n, OUTLIERS, replace=False)] *= 1000
    frame = pd.DataFrame({
        "lin": lin.round(4), "u": u.round(4), "noise": noise.round(4), "region": region,
        "channel": channel, "severity": severity, "treatment": np.where(treated, "A", "B"),
        "amount": amount, "leak": (y + rng.normal(scale=0.01, size=n)).round(4), "y": y,
    })  # fmt: skip
    frame = pd.concat([frame, frame.iloc[rng.choice(n, DUPLICATES, replace=False)]])
    frame.insert(0, "row_id", np.arange(len(frame)))  # ids make the duplicates distinct...
    frame.loc[frame.index[-DUPLICATES:], "row_id"] = -1  # ...so duplicates carry no id
    return frame.drop(columns="row_id").reset_index(drop=True)


def write_planted(path: Path, n: int = 20_000, seed: int = 0) -> Path:
    planted_frame(n, seed).to_csv(path, index=False)
    return path

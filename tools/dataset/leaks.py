"""Possible leaks: columns that predict the target almost alone, found by tests that say
what they saw, never by one association threshold (which called a genuine r = 0.96
driver a leak and missed ``hoursw > 0 ⇔ work``).

Tests, each over all rows with the target present:

* ``separates``: a yes/no target is told apart by the column alone — the area under the
  ROC curve of the column's groups (their target rates as scores: deciles of a numeric
  column, levels of a categorical one) is at least ``AUC_LEAK``; at 0.99 or more it is a
  near-deterministic rule ("a threshold on 'hoursw' separates 'work'").
* ``bands``: a numeric target falls in separate ranges for the column's groups — the
  middle 99% of the target in each group (at least ``MIN_GROUP`` rows each) does not
  overlap the next group's: the column is the target cut into bands (``yb = y > 100``,
  tiers of spend, deciles of a monotone function of the target).
* ``linear``: a numeric column with |Pearson r| ≥ 0.999 with a numeric target.
* ``association``: for a target of several classes, Cramér's V ≥ 0.95.

A strong genuine driver (r = 0.96, groups whose target ranges overlap) fires none of
them. A possible leak is kept out of the drivers and the model unless the user keeps it.
"""

from __future__ import annotations

from pydantic import BaseModel

from tools.dataset.drivers import Driver
from tools.dataset.groups import MISSING, Grouping, Target
from tools.dataset.load import Dataset, quote

AUC_LEAK = 0.85
AUC_RULE = 0.99
LINEAR = 0.999
ASSOCIATION = 0.95
MIN_GROUP = 5
TAIL = 0.005  # each group's target range leaves out this share at either end


class Leak(BaseModel):
    """A column that may leak the target, and the test that said so."""

    column: str
    test: str  # separates | bands | linear | association
    figure: float
    reason: str


def find_leaks(
    ds: Dataset, groupings: list[Grouping], drivers: list[Driver], target: Target
) -> list[Leak]:
    """The possible leaks among the drivers (strongest first)."""
    by_column = {g.column: g for g in groupings}
    out = []
    for d in drivers:
        leak = _test(ds, by_column.get(d.column), d, target)
        if leak is not None:
            out.append(leak)
    return out


def _test(ds: Dataset, g: Grouping | None, d: Driver, target: Target) -> Leak | None:
    name, tname = d.column, target.column
    if target.kind == "binary":
        auc = group_auc(d)
        if auc is not None and auc >= AUC_LEAK:
            rule = auc >= AUC_RULE
            how = "a threshold on" if g is not None and g.binned else "the levels of"
            reason = (
                f"{how} {name!r} separate {tname!r} = {target.positive!r} from the rest "
                f"almost exactly (AUC {auc:.3f} from this column alone)"
                if rule
                else f"{name!r} alone tells {tname!r} = {target.positive!r} from the rest "
                f"with AUC {auc:.3f}"
            )
            return Leak(column=name, test="separates", figure=round(auc, 4), reason=reason)
        return None
    if target.kind == "numeric":
        if d.pearson_r is not None and abs(d.pearson_r) >= LINEAR:
            return Leak(column=name, test="linear", figure=round(d.pearson_r, 6),
                        reason=f"{name!r} is a near-exact linear function of {tname!r} "
                        f"(r = {d.pearson_r:.4f})")  # fmt: skip
        if g is not None and (groups := _bands(ds, g)) is not None:
            return Leak(column=name, test="bands", figure=float(groups),
                        reason=f"each of the {groups} groups of {name!r} holds its own range "
                        f"of {tname!r}, with no overlap: it is the target cut into "
                        "bands")  # fmt: skip
        return None
    if d.strength >= ASSOCIATION:
        return Leak(column=name, test="association", figure=round(d.strength, 4),
                    reason=f"{name!r} nearly determines {tname!r} "
                    f"(Cramér's V {d.strength:.3f})")  # fmt: skip
    return None


def group_auc(d: Driver) -> float | None:
    """AUC of a yes/no target scored by the rate of each row's group (either direction):
    P(a random positive row's group rate > a random negative's), ties counted half."""
    groups = [(x.value, x.rows * x.value, x.rows * (1 - x.value)) for x in d.groups if x.rows]
    pos = sum(p for _, p, _ in groups)
    neg = sum(n for _, _, n in groups)
    if pos <= 0 or neg <= 0 or len(groups) < 2:
        return None
    groups.sort()
    above = pos  # positives in groups with a higher rate than the current one
    wins = 0.0
    for _, p, n in groups:
        above -= p
        wins += n * (above + 0.5 * p)
    auc = wins / (pos * neg)
    return max(auc, 1 - auc)


def _bands(ds: Dataset, g: Grouping) -> int | None:
    """The number of groups when each group's middle 99% of the target lies apart from
    the others', else None."""
    missing = [c for c, label in enumerate(g.labels) if label == MISSING]
    skip = f"WHERE {quote(g.code)} <> {missing[0]}" if missing else ""
    rows = ds.con.execute(
        f"SELECT quantile_cont(y, {TAIL}), quantile_cont(y, {1 - TAIL}), count(*) "
        f"FROM codes {skip} GROUP BY {quote(g.code)}"
    ).fetchall()
    spans = sorted((float(lo), float(hi)) for lo, hi, n in rows
                   if n >= MIN_GROUP and lo is not None)  # fmt: skip
    small = sum(1 for *_, n in rows if n < MIN_GROUP)
    if len(spans) < 2 or small > 0:
        return None
    if any(spans[i][1] >= spans[i + 1][0] for i in range(len(spans) - 1)):
        return None
    if spans[0][0] == spans[-1][1]:
        return None
    return len(spans)

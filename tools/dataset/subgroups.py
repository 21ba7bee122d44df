"""Subgroups whose target differs from the rest, and Simpson's-paradox checks.

Candidate slices are every group of the strongest columns and every pair of groups of two
of them (one GROUPING SETS query over all rows). A slice is compared with the rows outside
it (two-proportion z test for rates, Welch's t test for means); p-values are
Benjamini–Hochberg adjusted over all slices tested. A pair slice is kept only when it also
shows an interaction: its difference in differences (log-odds for rates) has adjusted
p < 0.01 and is at least 1 log-odds (0.2 SD for means) — something the single columns do not show.
Slices are ranked by coverage × difference from the overall value (weighted relative
accuracy).

Simpson's check: for each pair (X, Z) of those columns, the difference in the target
between X's two largest groups overall is compared with the same difference within the
groups of Z (Mantel–Haenszel-style weights). A paradox is reported when both are
significant and have opposite signs.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict

from pydantic import BaseModel, Field

from tools.dataset import stats
from tools.dataset.groups import MISSING, Grouping, Target
from tools.dataset.load import Dataset, quote

MAX_COLUMNS = 10
MIN_ROWS = 30
INTERACTION_ALPHA = 0.01  # stricter than slices: marginal log-odds are only roughly additive
MIN_LOGIT = 1.0  # smallest interaction reported on a yes/no target, in log-odds
MIN_SD = 0.2  # ... on a numeric target, in standard deviations of the target


class Condition(BaseModel):
    column: str
    group: str


class Subgroup(BaseModel):
    """A slice of rows whose target rate or mean differs from the rest."""

    conditions: list[Condition]
    rows: int
    coverage: float
    value: float = Field(description="Target rate or mean inside the slice.")
    rest: float = Field(description="Target rate or mean outside it.")
    difference: float
    low: float
    high: float
    p: float
    p_adjusted: float = 1.0
    quality: float = Field(description="coverage × (value − overall).")
    interaction: bool = False
    interaction_effect: float | None = Field(
        None, description="Pair slices: difference in differences (log-odds for rates)."
    )
    interaction_p: float | None = None

    @property
    def label(self) -> str:
        return " and ".join(f"{c.column} = {c.group}" for c in self.conditions)


class Simpson(BaseModel):
    """A reversal: X's effect overall has the opposite sign within the groups of Z."""

    column: str
    groups: tuple[str, str]
    stratifier: str
    overall_difference: float
    overall_p: float
    adjusted_difference: float
    adjusted_p: float
    within: dict[str, float] = Field(description="The difference inside each group of Z.")


Cell = tuple[int, float, float]  # rows, sum of y, sum of y²


def _cells(
    ds: Dataset, groupings: list[Grouping]
) -> dict[tuple[int, ...], dict[tuple[int, ...], Cell]]:
    """Per grouping set (indices into ``groupings``), its cells by codes."""
    sets: list[tuple[int, ...]] = [(i,) for i in range(len(groupings))]
    sets += list(itertools.combinations(range(len(groupings)), 2))
    names = [quote(g.code) for g in groupings]
    spec = ", ".join("(" + ", ".join(names[i] for i in s) + ")" for s in sets)
    flags = ", ".join(f"grouping({n})" for n in names)
    rows = ds.con.execute(
        f"SELECT {', '.join(names)}, {flags}, count(*), sum(y), sum(y * y) FROM codes "
        f"GROUP BY GROUPING SETS ({spec})"
    ).fetchall()
    out: dict[tuple[int, ...], dict[tuple[int, ...], Cell]] = defaultdict(dict)
    k = len(groupings)
    for row in rows:
        codes, grouped = row[:k], row[k : 2 * k]
        members = tuple(i for i in range(k) if grouped[i] == 0)
        key = tuple(int(codes[i]) for i in members)
        out[members][key] = (
            int(row[2 * k]),
            float(row[2 * k + 1] or 0),
            float(row[2 * k + 2] or 0),
        )
    return out


def _compare(inside: Cell, outside: Cell, binary: bool) -> tuple[float, float, float, float]:
    n1, s1, q1 = inside
    n2, s2, q2 = outside
    if binary:
        return stats.two_proportions(s1, n1, s2, n2)
    m1, m2 = s1 / n1, s2 / max(n2, 1)
    v1, v2 = max(q1 / n1 - m1 * m1, 0.0), max(q2 / max(n2, 1) - m2 * m2, 0.0)
    return stats.two_means(n1, m1, v1, n2, m2, v2)


def _minus(a: Cell, b: Cell) -> Cell:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _interaction(ab: Cell, a: Cell, b: Cell, total: Cell, binary: bool) -> tuple[float, float]:
    """(effect, p) of the interaction of conditions A and B: the difference in differences
    over the four cells A∧B, A∧¬B, ¬A∧B, ¬A∧¬B (on the log-odds scale for rates)."""
    cells = [ab, _minus(a, ab), _minus(b, ab), _minus(_minus(total, a), _minus(b, ab))]
    signs = (1, -1, -1, 1)
    effect = var = 0.0
    for (n, s, q), sign in zip(cells, signs, strict=True):
        if n < 2:
            return (0.0, 1.0)
        m = s / n
        if binary:
            m = min(max(m, 0.5 / n), 1 - 0.5 / n)
            effect += sign * math.log(m / (1 - m))
            var += 1 / (n * m * (1 - m))
        else:
            effect += sign * m
            var += max(q / n - m * m, 0.0) / n
    if var <= 0:
        return (effect, 0.0 if effect else 1.0)
    return (effect, float(2 * stats.normal_sf(abs(effect) / math.sqrt(var))))


def find_subgroups(
    ds: Dataset, groupings: list[Grouping], target: Target, *, limit: int = 10, alpha: float = 0.05
) -> tuple[list[Subgroup], list[Simpson]]:
    """Significant subgroups (best first) and Simpson's reversals among ``groupings``."""
    if not groupings:
        return [], []
    binary = target.kind != "numeric"
    cells = _cells(ds, groupings)
    total: Cell = (0, 0.0, 0.0)
    for cell in cells[(0,)].values():
        total = (total[0] + cell[0], total[1] + cell[1], total[2] + cell[2])
    if total[0] == 0:
        return [], []
    overall = total[1] / total[0]
    min_rows = max(MIN_ROWS, int(0.005 * total[0]))
    candidates: list[Subgroup] = []
    interaction_p: list[float | None] = []
    for members, by_code in cells.items():
        if not members:
            continue
        for key, cell in by_code.items():
            labels = [groupings[i].labels[c] for i, c in zip(members, key, strict=True)]
            if cell[0] < min_rows or cell[0] >= total[0] or MISSING in labels:
                continue
            diff, lo, hi, p = _compare(cell, _minus(total, cell), binary)
            conditions = [
                Condition(column=groupings[i].column, group=lab)
                for i, lab in zip(members, labels, strict=True)
            ]
            value = cell[1] / cell[0]
            sub = Subgroup(
                conditions=conditions,
                rows=cell[0],
                coverage=cell[0] / total[0],
                value=value,
                rest=(total[1] - cell[1]) / (total[0] - cell[0]),
                difference=diff,
                low=lo,
                high=hi,
                p=p,
                quality=cell[0] / total[0] * (value - overall),
            )
            if len(members) == 2:
                a, b = (cells[(i,)][(c,)] for i, c in zip(members, key, strict=True))
                sub.interaction_effect, inter_p = _interaction(cell, a, b, total, binary)
                interaction_p.append(inter_p)
            else:
                interaction_p.append(None)
            candidates.append(sub)
    adjusted = stats.benjamini_hochberg([s.p for s in candidates])
    tested = [p for p in interaction_p if p is not None]
    inter_adj = iter(stats.benjamini_hochberg(tested))
    spread = math.sqrt(max(total[2] / total[0] - overall**2, 1e-12))
    kept = []
    for sub, p_adj, raw_p in zip(candidates, adjusted, interaction_p, strict=True):
        sub.p_adjusted = p_adj
        if raw_p is not None:
            sub.interaction_p = next(inter_adj)
            size = abs(sub.interaction_effect or 0.0)
            big = size >= (MIN_LOGIT if binary else MIN_SD * spread)
            sub.interaction = sub.interaction_p < INTERACTION_ALPHA and big
            if not sub.interaction:
                continue
        if p_adj < alpha:
            kept.append(sub)
    kept.sort(key=lambda s: -abs(s.quality))
    return kept[:limit], _simpson(cells, groupings, binary, min_rows)


def _simpson(
    cells: dict[tuple[int, ...], dict[tuple[int, ...], Cell]],
    groupings: list[Grouping],
    binary: bool,
    min_rows: int,
) -> list[Simpson]:
    found = []
    for x, z in itertools.permutations(range(len(groupings)), 2):
        singles = cells[(x,)]
        usable = [c for c in singles if groupings[x].labels[c[0]] != MISSING]
        top = sorted(usable, key=lambda c: -singles[c][0])[:2]
        if len(top) < 2:
            continue
        a, b = top[0][0], top[1][0]
        diff, _, _, p = _compare(singles[(a,)], singles[(b,)], binary)
        pair = cells[(min(x, z), max(x, z))]

        def cell(
            xc: int, zc: int, pair: dict[tuple[int, ...], Cell] = pair, flip: bool = x > z
        ) -> Cell | None:
            return pair.get((zc, xc) if flip else (xc, zc))

        within: dict[str, float] = {}
        num = den = var = 0.0
        for zc, label in enumerate(groupings[z].labels):
            ca, cb = cell(a, zc), cell(b, zc)
            if not ca or not cb or ca[0] < 5 or cb[0] < 5 or label == MISSING:
                continue
            d, lo, hi, _ = _compare(ca, cb, binary)
            w = ca[0] * cb[0] / (ca[0] + cb[0])
            se = (hi - lo) / (2 * stats.Z95) if math.isfinite(hi - lo) else math.inf
            within[label] = d
            num, den, var = num + w * d, den + w, var + (w * se) ** 2
        if len(within) < 2 or den == 0 or not math.isfinite(var):
            continue
        adjusted = num / den
        se_adj = math.sqrt(var) / den
        p_adj = 1.0 if se_adj == 0 else float(2 * stats.normal_sf(abs(adjusted) / se_adj))
        if p < 0.05 and p_adj < 0.05 and diff * adjusted < 0 and singles[(a,)][0] >= min_rows:
            found.append(
                Simpson(
                    column=groupings[x].column,
                    groups=(groupings[x].labels[a], groupings[x].labels[b]),
                    stratifier=groupings[z].column,
                    overall_difference=diff,
                    overall_p=p,
                    adjusted_difference=adjusted,
                    adjusted_p=p_adj,
                    within=within,
                )
            )
    return found

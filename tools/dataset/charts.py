"""Charts of the target across a driver's groups: SVG (drawn by code) and Vega-Lite JSON.

Both draw the same aggregated numbers (one bar per group with its 95% interval), never
raw rows, so a chart of a million-row file costs the same as one of a hundred rows.
Labels are escaped text.
"""

from __future__ import annotations

import html
import math
from typing import Any

from tools.dataset.drivers import Driver

VEGA_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


def vega_lite(driver: Driver, target: str, measure: str) -> dict[str, Any]:
    """A Vega-Lite bar chart (with error bars) of ``measure`` per group of ``driver``."""
    values = [
        {"group": g.label, "value": g.value, "low": g.low, "high": g.high, "rows": g.rows}
        for g in driver.groups
    ]
    order = [g.label for g in driver.groups]
    x = {"field": "group", "type": "nominal", "sort": order, "title": driver.column}
    return {
        "$schema": VEGA_SCHEMA,
        "title": f"{target}: {measure} by {driver.column}",
        "data": {"values": values},
        "layer": [
            {
                "mark": "bar",
                "encoding": {
                    "x": x,
                    "y": {"field": "value", "type": "quantitative", "title": measure},
                    "tooltip": [{"field": f} for f in ("group", "value", "low", "high", "rows")],
                },
            },
            {
                "mark": "errorbar",
                "encoding": {
                    "x": x,
                    "y": {"field": "low", "type": "quantitative"},
                    "y2": {"field": "high"},
                },
            },
        ],
    }


def svg(driver: Driver, target: str, measure: str) -> str:
    """The same chart as a standalone SVG document, drawn by code (no plotting library):
    bars with 95% interval whiskers, a y axis with round ticks, slanted group labels.
    Every label is escaped text."""
    groups = driver.groups
    width, height = 640, 320
    left, right, top, bottom = 64, 16, 32, 84
    plot_w, plot_h = width - left - right, height - top - bottom
    highs = [max(g.high, g.value) for g in groups] or [1.0]
    lows = [min(g.low, g.value, 0.0) for g in groups] or [0.0]
    ticks = _ticks(min(lows), max(highs))
    y_lo, y_hi = ticks[0], ticks[-1]

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - y_lo) / ((y_hi - y_lo) or 1.0))

    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' font-family='sans-serif' font-size='11'>",
        f"<title>{_x(f'{target}: {measure} by {driver.column}')}</title>",
        f"<text x='{width / 2}' y='18' text-anchor='middle' font-size='13'>"
        f"{_x(f'{target}: {measure} by {driver.column}')}</text>",
        f"<text transform='translate(14 {top + plot_h / 2}) rotate(-90)' "
        f"text-anchor='middle'>{_x(measure)}</text>",
    ]
    for t in ticks:
        out.append(
            f"<line x1='{left}' x2='{width - right}' y1='{y(t):.1f}' y2='{y(t):.1f}' "
            f"stroke='#e3e3e3'/><text x='{left - 6}' y='{y(t) + 4:.1f}' "
            f"text-anchor='end'>{t:g}</text>"
        )
    step = plot_w / max(len(groups), 1)
    bar = step * 0.7
    for i, g in enumerate(groups):
        cx = left + step * (i + 0.5)
        y0, y1 = y(max(0.0, y_lo)), y(g.value)
        out.append(
            f"<rect x='{cx - bar / 2:.1f}' y='{min(y0, y1):.1f}' width='{bar:.1f}' "
            f"height='{abs(y0 - y1):.1f}' fill='#4c78a8'><title>{_x(g.label)}: {g.value:.4g} "
            f"[{g.low:.4g}, {g.high:.4g}], {g.rows} rows</title></rect>"
        )
        lo, hi = y(max(g.low, y_lo)), y(min(g.high, y_hi))
        out.append(
            f"<path d='M{cx:.1f} {lo:.1f}V{hi:.1f}M{cx - 4:.1f} {lo:.1f}h8M{cx - 4:.1f} "
            f"{hi:.1f}h8' stroke='#333' fill='none'/>"
        )
        label = g.label if len(g.label) <= 24 else g.label[:23] + "…"
        out.append(
            f"<text transform='translate({cx:.1f} {top + plot_h + 12}) rotate(-30)' "
            f"text-anchor='end'>{_x(label)}</text>"
        )
    out.append(
        f"<line x1='{left}' x2='{width - right}' y1='{y(max(0.0, y_lo)):.1f}' "
        f"y2='{y(max(0.0, y_lo)):.1f}' stroke='#333'/></svg>"
    )
    return "\n".join(out)


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering [lo, hi] (at least 0 to a positive top)."""
    lo = lo if math.isfinite(lo) else 0.0
    if not math.isfinite(hi) or hi <= lo:
        hi = lo + 1.0
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(lo / step) * step
    ticks = [start]
    while ticks[-1] < hi - 1e-12:
        ticks.append(round(ticks[-1] + step, 12))
    return ticks


def _x(text: str) -> str:
    return html.escape(text, quote=True)

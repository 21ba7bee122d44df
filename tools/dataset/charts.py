"""Charts of the target across a driver's groups: PNG (matplotlib) and Vega-Lite JSON.

Both draw the same aggregated numbers (one bar per group with its 95% interval), never
raw rows, so a chart of a million-row file costs the same as one of a hundred rows.
Labels are drawn as plain text: a ``$`` in a column name is not mathtext.
"""

from __future__ import annotations

import io
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


def png(driver: Driver, target: str, measure: str) -> bytes:
    """The same chart as a PNG."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    labels = [g.label for g in driver.groups]
    values = [g.value for g in driver.groups]
    errors = [
        [max(g.value - g.low, 0) for g in driver.groups],
        [max(g.high - g.value, 0) for g in driver.groups],
    ]
    with plt.rc_context({"text.parse_math": False, "font.size": 9}):
        fig, ax = plt.subplots(figsize=(6.4, 3.2), dpi=100)
        try:
            ax.bar(range(len(values)), values, yerr=errors, color="#4c78a8", capsize=3)
            ax.set_xticks(range(len(values)), labels, rotation=30, ha="right")
            ax.set_title(f"{target}: {measure} by {driver.column}")
            ax.set_ylabel(measure)
            fig.tight_layout()
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png")
        finally:
            plt.close(fig)
    return buffer.getvalue()

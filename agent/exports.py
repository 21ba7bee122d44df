"""Text from the data, made safe for the reports every room exports: no spreadsheet runs
it as a formula (OWASP CSV injection: ``=cmd|…``), and HTML gets it escaped. Also the
head of a self-contained report page. Imports nothing else of the project.
"""

from __future__ import annotations

import html
import re

_PLAIN_NUMBER = re.compile(r"^[-+]?\d[\d.]*(?:[eE][-+]?\d+)?(?: to [-+]?\d[\d.eE+-]*)?$")


def neutral(text: object) -> str:
    """A cell as text that no spreadsheet will run as a formula (OWASP CSV injection):
    text starting with = + - @ tab or CR gets a leading apostrophe, plain numbers do not."""
    s = str(text)
    if s and s[0] in "=+-@\t\r" and not _PLAIN_NUMBER.match(s):
        return "'" + s
    return s


def cell(text: object) -> str:
    """Text from the data for an HTML page: escaped and formula-safe."""
    return html.escape(neutral(text))


def page_head(title: str) -> str:
    """The start of a self-contained report page, up to the opening body tag."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{cell(title)}</title>"
        "<style>body{font:14px system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}"
        "th{background:#f3f3f3}.cite{color:#666}</style></head><body>"
    )

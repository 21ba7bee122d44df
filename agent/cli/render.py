"""Terminal rendering of answers: word heatmaps, the evidence table and verdicts.

Kept apart from the command definitions so every command shows an answer the same way.
(An answer's JSON is the turn's own: :meth:`agent.chat.agent.TurnResult.to_json`.)
"""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from agent.chat.agent import TurnResult
from agent.grounding.evidence import Evidence

_VERDICT_STYLE = {"supported": "green", "unsupported": "red", "no_claim": "dim"}


def heatmap(record: Evidence) -> Text | None:
    """The input with each unit coloured by its effect (green up, red down): the
    probability it carries in percentage points where occlusion measured it, else its
    attribution score."""
    units = record.data.get("units")
    text = record.data.get("text")
    if record.tool not in ("attribute", "faithfulness") or not units or not isinstance(text, str):
        return None

    def effect(unit: dict[str, float]) -> float:
        points = unit.get("points")
        return float(unit["score"] if points is None else points)

    peak = max(abs(effect(u)) for u in units) or 1.0
    out = Text()
    cursor = 0
    for unit in sorted(units, key=lambda u: u["start"]):
        out.append(text[cursor : unit["start"]])
        share = min(1.0, abs(effect(unit)) / peak)
        level = int(60 + 160 * share)
        colour = f"rgb(0,{level},0)" if effect(unit) >= 0 else f"rgb({level},0,0)"
        out.append(text[unit["start"] : unit["end"]], style=f"bold white on {colour}")
        cursor = unit["end"]
    out.append(text[cursor:])
    return out


def evidence_table(records: list[Evidence], limit: int = 6) -> Table:
    table = Table(title="evidence", title_justify="left", show_lines=False, expand=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("tool", no_wrap=True)
    table.add_column("summary (by code)")
    table.add_column("facts")
    for record in records:
        facts = ", ".join(
            f"{f.subject}: {f.quantity} {f.value:g}{' ' + f.unit if f.unit else ''}"
            for f in record.facts[:limit]
        )
        more = len(record.facts) - limit
        table.add_row(record.id, record.tool, record.summary,
                      facts + (f" (+{more} more)" if more > 0 else ""))  # fmt: skip
    return table


#: How the shown answer was made, in words (CLI footer; the page has the same).
SHOWN = {
    "llm_claims": "claims the LLM selected, checked and written by code",
    "llm_prose": "the LLM's sentences that code verified",
    "code": "written by code alone from the facts (no LLM claim held, or one fact to state)",
}


def turn_view(result: TurnResult, *, show_sentences: bool = False) -> RenderableType:
    """Everything a person should see about one answered turn."""
    v = result.verification
    parts: list[RenderableType] = []
    for record in result.evidence:
        d = record.data
        answer = d.get("generated") or d.get("answer") or d.get("original_answer")
        if isinstance(answer, str):
            explained = f" · explained: {d['target']}" if d.get("options") else ""
            parts.append(Text.assemble(("target answer: ", "dim"), (repr(answer), "italic"),
                                       (explained, "dim")))  # fmt: skip
        hm = heatmap(record)
        if hm is not None:
            parts.append(Text.assemble((f"{record.id} {record.data['method']}: ", "dim"), hm))
    parts.append(Text(""))
    parts.append(Text(v.answer))
    rate_style = "green" if v.grounding_rate >= 0.999 else "yellow" if v.grounding_rate else "red"
    routed = result.plan.tool or f"earlier evidence {', '.join(result.plan.reuse)}"
    footer = Text.assemble(
        ("grounding rate ", "dim"),
        (f"{v.grounding_rate:.0%}", rate_style),
        (f" of the LLM's claims ({v.verified_claims}/{v.llm_claims}) · shown: "
         f"{SHOWN[v.source]}"
         f" · {routed} (routed by {result.plan.routed_by}) · "
         f"LLM {result.timings.llm_seconds:.2f} s, tools {result.timings.tool_seconds:.2f} s, "
         f"total {result.timings.total_seconds:.2f} s", "dim"),
    )  # fmt: skip
    parts.append(footer)
    if show_sentences and v.sentences:
        table = Table(title="the LLM's sentences", title_justify="left")
        table.add_column("verdict", no_wrap=True)
        table.add_column("sentence")
        table.add_column("why")
        counts = Counter(s.text for s in v.sentences)
        for s in {s.text: s for s in v.sentences}.values():  # a repeated sentence once
            style = _VERDICT_STYLE[s.verdict]
            times = f" (written {counts[s.text]} times)" if counts[s.text] > 1 else ""
            table.add_row(Text(s.verdict, style=style), s.text + times, "; ".join(s.reasons))
        parts.append(table)
    parts.append(evidence_table(result.evidence))
    return Group(*parts)

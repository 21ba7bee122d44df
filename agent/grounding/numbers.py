"""The numbers of a sentence as typed claims: counts ("891 rows", "87 of 1,200 items were
flagged", "eleven layers"), magnitudes of a stated effect ("lowered it by 0.61"), percents
of shares, thousands ("$335k"), and values of the subject each number belongs to (the
nearest one named, narrowed by the quantity the nearby words name).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agent.grounding import claims as C
from agent.grounding import signals as S
from agent.grounding.evidence import Evidence
from agent.grounding.mentions import GENERIC, Mention, foreign, hint, nearest, primary
from agent.grounding.placing import POINTS, bound, edit_effect, every_group, gap
from agent.grounding.units import is_fraction, is_points

if TYPE_CHECKING:
    from agent.grounding.reading import Reading


def read_number(
    out: Reading,
    text: str,
    m: re.Match[str],
    ms: list[Mention],
    records: list[Evidence],
    record_of: object,
    prose: str,
) -> None:
    raw = m.group("num").replace(",", "")
    stated = float(raw)
    if m.group("mult"):  # "$335k": thousands, at the precision written
        scale = {"k": 1e3, "m": 1e6}[m.group("mult").casefold()]
        stated *= scale
    if m.group("sign") in ("-", "−"):
        stated = -stated
    dec = len(raw.split(".")[1]) if "." in raw else 0
    tol = (
        0.5
        * 10**-dec
        * ({"k": 1e3, "m": 1e6}[m.group("mult").casefold()] if m.group("mult") else 1)
    )
    pct = bool(m.group("pct"))
    hedged = bool(S.HEDGE.search(text[: m.start()]))
    if gap(out, text, m, stated, tol, hedged, ms):
        return
    if every_group(out, text, m, records, stated, tol, pct, hedged):
        return  # "each team contributed 80 items": every group of that column
    noun = S.COUNT_NOUN.match(text[m.end() :])
    if not pct and re.match(
        r"\s*(?:were|was|are|got|get|been)?\s*flagged\b", text[m.end() :], re.I
    ):
        noun = re.match(r"\s*(?:were|was|are|got|get|been)?\s*(flagged)", text[m.end() :], re.I)
    if noun and not pct and noun.group(1).casefold() in S.SUBJECT_NOUNS and stated.is_integer():
        r = records[0]  # "Eleven layers were probed": how many subjects the record compares
        out.claims.append(
            C.CountClaim(evidence=r.id, subject="*", quantity="subjects", stated=stated)
        )
        return
    if noun and not pct:
        quantity = noun.group(1).casefold().rstrip("s")
        if re.search(
            r"\b(?:of|out of)\s+(?:the\s+|all\s+|its\s+|their\s+)?$|\d\s*/\s*$",
            text[: m.start()],
            re.I,
        ):
            quantity = "item" if quantity in ("item", "output", "answer") else quantity  # a total
        elif re.search(r"\bflagged\b", text[m.end() : m.end() + 40], re.I):
            quantity = "flagged"  # "87 of 1,200 items were flagged"
        subject, q = count_target(quantity, records, ms, m.start())
        if subject is not None and q is not None:
            r = next(
                r for r in records if any(f.subject == subject and f.quantity == q for f in r.facts)
            )
            out.claims.append(
                C.CountClaim(evidence=r.id, subject=subject, quantity=q, stated=stated)
            )
            return

    said = bound(text[: m.start()])

    def state(record_id: str, subject: str, quantity: str, value: float, percent: bool) -> None:
        """The number as a value claim about one fact, at the precision written."""
        out.claims.append(
            C.ValueClaim(
                evidence=record_id,
                subject=subject,
                quantity=quantity,
                stated=value,
                tolerance=tol,
                percent=percent,
                hedged=hedged,
                bound=said,
            )
        )

    signs = [c for c in out.claims if isinstance(c, C.SignClaim) and c.direction != "none"]
    by = re.search(r"\bby\s*(?:about |roughly |around |nearly |some )?$", text[: m.start()])
    if signs and by:  # "'not' raised it by 0.61": the magnitude of that effect
        sign = signs[-1]
        r = next(r for r in records if r.id == sign.evidence)
        f = next(f for f in r.facts if f.subject == sign.subject and f.quantity == sign.quantity)
        state(r.id, f.subject, f.quantity, abs(stated) if f.value >= 0 else -abs(stated), False)
        return
    window = text[max(0, m.start() - 30) : m.end() + 20]
    if len(records) == 1:
        local = hint(window, records[0])
    else:  # an uncited sentence over several records: the quantity of the nearest subject's
        near = nearest(ms, m.start())
        local = hint(window, near.record) if near is not None else None
    pool = [
        x
        for x in ms
        if local is None
        or any(f.quantity == local and f.subject == x.subject for f in x.record.facts)
    ] or ms
    pool = [x for x in pool if x.subject.casefold() not in GENERIC] or pool
    named_foreign = foreign(text, records)
    owners = (
        [f for f in records[0].facts if f.quantity == local]
        if local and not named_foreign and len(records) == 1
        else []
    )
    if (
        len(owners) == 1
        and not any(x.subject == owners[0].subject for x in pool)
        and not any(
            f.quantity == local and f.subject == x.subject for x in ms for f in x.record.facts
        )
    ):
        f = owners[0]  # "a majority baseline of 0.5": the one subject with that quantity
        state(records[0].id, f.subject, f.quantity, stated, pct and is_fraction(f))
        return
    who = nearest(
        pool,
        m.start(),
        prefer_after=bool(re.match(r"\s*%?\s*(?:for|of|in|among|at)\b", text[m.end() :], re.I)),
    )
    if who is None and foreign(text, records):
        out.unread.append(f"the number {m.group(0).strip()!r}, given to a name no fact is about")
        return
    if who is None:
        single = [
            f
            for r in records
            for f in r.facts
            if sum(1 for g in r.facts if g.quantity == f.quantity) == 1
        ]
        named = hint(text, records[0])
        pick = [f for f in single if f.quantity == named] if named else []
        if not pick and pct:  # "roughly 7% of loans defaulted": the one overall share
            pick = [f for f in single if is_fraction(f)]
        if len(pick) == 1:
            f = pick[0]
            r = next(r for r in records if f in r.facts)
            state(r.id, f.subject, f.quantity, stated, pct)
            return
        out.unread.append(f"the number {m.group(0).strip()!r}, of nothing named")
        return
    edit = edit_effect(who, records, text, m)
    if edit is not None:  # "the original reply lost about 4.7 nats under the edit"
        change, way = edit
        home = next(r for r in records if change in r.facts)
        signed = way * abs(stated) if way else stated
        state(home.id, change.subject, change.quantity, signed, False)
        return
    r = record_of(who.subject)  # type: ignore[operator]
    q = primary(r, who.subject, local or hint(text, r))
    if q is None:
        out.unread.append(f"the number {m.group(0).strip()!r}")
        return
    fact = next(
        f for f in r.facts if f.subject.casefold() == who.subject.casefold() and f.quantity == q
    )
    if re.match(r"\s*nats?\b", text[m.end() :]) and fact.unit != "nats":
        # "costing 3.4 nats": a quantity measured in nats, not the subject's first one
        fact = next(
            (
                f
                for f in r.facts
                if f.subject.casefold() == who.subject.casefold() and f.unit == "nats"
            ),
            fact,
        )
        q = fact.quantity
    if pct and POINTS.match(m.group("pct") or "") and not is_fraction(fact):
        pct = is_points(fact, r)  # "37.4 points above the rest" of a mean: 37.4, not 37.4%
    if pct and not is_fraction(fact) and not is_points(fact, r):
        share = next((f for f in r.facts if f.subject == fact.subject and is_fraction(f)), None)
        fact = share or fact  # "Team B refused 8.3% of its items": its rate
        q = fact.quantity
    if is_fraction(fact) and not pct and stated.is_integer() and stated >= 2:
        counted = next(
            (k for k in ("rows", "items", "count") if primary(r, who.subject, k) == k), None
        )
        if counted is not None:  # "447 women": the group's rows, not its rate
            out.claims.append(
                C.CountClaim(evidence=r.id, subject=who.subject, quantity=counted, stated=stated)
            )
            return
    if fact.value < 0 < stated and m.group("sign") is None and S.DOWN.search(prose):
        stated = -stated  # "lowered it by 0.61": the direction word carries the sign
    if pct and not is_fraction(fact) and not is_points(fact, r):
        pct = False if fact.unit == "%" else pct
    state(r.id, who.subject, q, stated, pct)


def count_target(
    noun: str, records: list[Evidence], ms: list[Mention], at: int
) -> tuple[str | None, str | None]:
    if noun + "s" in S.ROW_NOUNS or noun in S.ROW_NOUNS:
        noun = "row"
    names = {
        "row": ["rows"],
        "column": ["columns"],
        "item": ["count", "items"],
        "output": ["count", "items"],
        "answer": ["count", "items"],
        "record": ["count", "rows"],
        "flagged": ["flagged"],
        "entrie": ["rows", "count"],
        "line": ["rows", "count"],
    }
    near = nearest(ms, at)
    for q in names.get(noun, []):
        for r in records:
            of_q = [f for f in r.facts if f.quantity == q]
            if near is not None and any(f.subject == near.subject for f in of_q):
                return near.subject, q
            if len(of_q) == 1:
                return of_q[0].subject, q
    return None, None

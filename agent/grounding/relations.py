"""Relations a sentence claims between subjects, read into typed claims: comparisons and
ratios (each needs two named subjects), ranks and their synonyms, directions and causes
(signed quantities of a named subject; a label after a verb says which way), and
"X matters" (an effect that is not negligible).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from agent.grounding import claims as C
from agent.grounding import signals as S
from agent.grounding.evidence import Evidence
from agent.grounding.mentions import LABELS, Mention, hint, nearest, negated, primary, signed
from agent.grounding.units import is_fraction

if TYPE_CHECKING:
    from agent.grounding.reading import Reading


#: "Removing 'acting' hurt": an occlusion phrased as the removal, whose effect is the
#: opposite of the word's own.
_REMOVING = re.compile(
    r"\b(?:remov\w*|delet\w*|dropp?\w*|blank\w*(?: out)?|mask\w*|occlud\w*|tak\w+ out|"
    r"without|leav\w* out|cutting)\s+(?:the (?:word|token) )?['\"‘“]?$",
    re.I,
)
_ABSOLUTE = re.compile(
    r"\b(?:in absolute (?:terms|value)|in magnitude|by (?:magnitude|size)|"
    r"absolute(?: value)?|regardless of (?:sign|direction))\b",
    re.I,
)


def read_relations(
    out: Reading,
    text: str,
    prose: str,
    ms: list[Mention],
    record_of: Callable[[str], Evidence],
    used: set[int],
    label_spans: list[tuple[int, bool]],
    answers: set[str],
    label_dir: str | None,
    edits: list[Evidence],
) -> None:
    """Add the comparisons, ranks, directions and causes of the sentence to ``out``."""
    # --- comparisons and ratios (each trigger needs two subjects, else it is unread)
    triggers = [*S.RATIO.finditer(prose), *S.COMPARE_VERB.finditer(prose)]
    if not triggers:
        triggers = list(S.SAME.finditer(prose))[:1]
    if not triggers and S.THAN.search(prose):
        first = S.MORE.search(prose) or S.LESS.search(prose)
        triggers = [first] if first else []
    triggers.sort(key=lambda t: t.start())
    cmp_m = triggers[0] if triggers else None
    for trig in triggers:
        if trig.re is S.COMPARE_VERB and any(isinstance(c, C.ThresholdClaim) for c in out.claims):
            continue  # "the probe beats the control from layer 9 on": the threshold itself
        before = [x for x in ms if x.end <= trig.start()]
        left = nearest(before, trig.start())
        right = next(
            (x for x in ms if x.start >= trig.end() and left and x.subject != left.subject), None
        )
        if right is None and trig.re is S.SAME and len({x.subject for x in before}) >= 2:
            left = next(x for x in before if x.subject != before[-1].subject)
            right = before[-1]  # "'Eiffel' and 'Statue' mattered about equally"
        if left is None or right is None:
            share = _share(trig, ms, text)
            if share is not None:  # "half of the Improved values are missing": a share
                out.claims.append(share)
                used.update(range(trig.start(), trig.end()))
                continue
            out.unread.append(f"a comparison ({trig.group(0)!r}) without two subjects")
            continue
        r = record_of(left.subject)
        cq = primary(r, left.subject, hint(text, r)) or ""
        by_size = cq == "answer_changed" or bool(_ABSOLUTE.search(prose))
        cq = "log_prob_change" if by_size else cq
        ratio, beyond = None, ""
        if trig.re is S.RATIO:
            word = next(g for g in trig.groups() if g).casefold()
            ratio = (S.RATIO_WORDS.get(word) or float(word)) + (
                0.5 * ("and a half" in trig.group(0))
            )
            used.update(range(trig.start(), trig.end()))
            over = re.search(
                r"\b(more|less|fewer|over|under)\s+than\s+$|\b(over|under)\s+$",
                text[: trig.start()],
                re.I,
            )
            beyond = (
                ""
                if over is None
                else "more"
                if (over.group(1) or over.group(2)).casefold() in ("more", "over")
                else "less"
            )
        relation = (
            "same"
            if trig.re is S.SAME
            else (
                "less"
                if S.LESS.match(prose, trig.start())
                or re.match(r"trail|behind", trig.group(0), re.I)
                else "more"
            )
        )
        out.claims.append(
            C.CompareClaim(
                evidence=r.id,
                subject=left.subject,
                other=right.subject,
                quantity=cq,
                relation=relation,
                ratio=ratio,
                beyond=beyond,
                by_size=by_size,
                negated=negated(prose, trig.start()),
            )
        )
    # --- ranks
    rank_m = S.ORDINAL.search(prose)
    top_m = S.TOP.search(prose)
    bottom_m = S.BOTTOM.search(prose)
    for rm, rank, lowest in (
        (rank_m, S.ORD.get((rank_m.group(1) if rank_m else "").lower(), 0), bool(bottom_m)),
        (None if rank_m else top_m, 1, bool(top_m and S.TOP_DOWN.search(prose))),
        (None if rank_m else bottom_m, 1, True),
    ):
        if rm is None:
            continue
        if cmp_m is not None and rm.start() == cmp_m.start():
            continue
        who = nearest(ms, rm.start())
        if who is None:
            out.unread.append(f"a rank ({rm.group(0)!r}) of nothing named")
            continue
        r = record_of(who.subject)
        rq = primary(r, who.subject, hint(text[max(0, rm.start() - 40) : rm.end() + 40], r))
        if rq is None or sum(1 for f in r.facts if f.quantity == rq) < 2:
            out.unread.append(f"a rank ({rm.group(0)!r}) among nothing compared")
            continue
        out.claims.append(
            C.RankClaim(
                evidence=r.id,
                subject=who.subject,
                quantity=rq,
                rank=rank or 1,
                lowest=lowest,
                by_size=bool(_ABSOLUTE.search(prose)),
                negated=negated(prose, rm.start(), who.end if who.end < rm.start() else 0),
            )
        )
    # --- directions and causes (signed quantities of a named subject)
    directions = [(m.start(), "none") for m in S.NONE.finditer(prose)]
    none_spans = [(m.start(), m.end()) for m in S.NONE.finditer(prose)]

    def free(i: int) -> bool:
        return not any(lo <= i < hi for lo, hi in none_spans)

    two_way = bool(answers & LABELS)

    def toward(m: re.Match[str], base: str) -> str:
        """A verb whose object is a label ("favoured 'No'"): the label says which way."""
        near = [a for start, a in label_spans if m.start() < start <= m.end() + 35]
        if not near or not (two_way or near[0]):
            return base
        return base if near[0] else ("down" if base == "up" else "up")

    verbs = [(m.start(), toward(m, "up")) for m in S.UP.finditer(prose) if free(m.start())]
    verbs += [(m.start(), toward(m, "down")) for m in S.DOWN.finditer(prose) if free(m.start())]
    directions += verbs
    if label_dir and not verbs:
        directions.append((prose.find("§"), label_dir))
    matters = (
        []
        if any(isinstance(c, C.CompareClaim | C.RankClaim) for c in out.claims)
        else [mt for mt in S.MATTER.finditer(prose) if free(mt.start())]
    )
    for mt in matters:  # "'not' matters" / "neither 'from' nor 'to' really matters"
        clause = [x for x in ms if x.end <= mt.start()] or [x for x in ms if x.start >= mt.end()][
            :1
        ]
        for who in {x.subject: x for x in clause}.values():
            sq = signed(who.record, who.subject)
            if sq is not None:
                out.claims.append(
                    C.SignClaim(
                        evidence=who.record.id,
                        subject=who.subject,
                        quantity=sq,
                        direction="none",
                        negated=not negated(prose, mt.start()),
                    )
                )
    if not directions and not matters and S.CAUSE.search(prose):
        directions.append((S.CAUSE.search(prose).start(), "up"))  # type: ignore[union-attr]
    signed_seen = set()
    for at, direction in sorted(directions):
        who = nearest(ms, at)
        about_answer = who is not None and who.subject.casefold() in ("original answer", "answer")
        unsigned = who is not None and signed(record_of(who.subject), who.subject) is None
        if edits and (who is None or (about_answer and unsigned)):
            # "the edit made the original answer less likely": the edit's effect on it
            e = edits[0]
            edit = next(f.subject for f in e.facts if f.quantity == "log_prob_change")
            claim = C.SignClaim(evidence=e.id, subject=edit, quantity="log_prob_change",
                                direction=direction, negated=negated(prose, at))  # fmt: skip
            out.claims.append(claim)
            continue
        if who is None:
            out.unread.append(f"a direction ({direction}) of nothing named")
            continue
        r = record_of(who.subject)
        sq = signed(r, who.subject)
        if sq is None:
            if direction != "none" and any(c.kind in ("compare", "rank") for c in out.claims):
                continue  # "higher"/"lower" already read as a comparison or rank
            out.unread.append(f"a direction ({direction}) for {who.subject!r}, which has no sign")
            continue
        key = (who.subject, direction)
        if key in signed_seen:
            continue
        signed_seen.add(key)
        neg = (
            negated(prose, at, who.end if who.end < at else 0)
            if direction != "none"
            else (
                negated(prose, at, who.end if who.end < at else 0)
                and "no " not in prose[at : at + 4].lower()
            )
        )
        if sq == "attribution" and direction != "none" and _REMOVING.search(text[: who.start]):
            direction = "up" if direction == "down" else "down"  # removing it hurt: it helped
        out.claims.append(
            C.SignClaim(
                evidence=r.id, subject=who.subject, quantity=sq, direction=direction, negated=neg
            )
        )


_FRACTIONS = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25,
              "one quarter": 0.25}  # fmt: skip


def _share(trig: re.Match[str], ms: list[Mention], text: str) -> C.ValueClaim | None:
    """A fraction word of one subject ("half of the Improved values are missing"): a
    value claim on that subject's share the sentence's words name."""
    word = trig.group(0).casefold()
    if word not in _FRACTIONS or not ms:
        return None
    who = nearest(ms, trig.start(), prefer_after=True)
    if who is None:
        return None
    shares = [f for f in who.record.facts if f.subject == who.subject and is_fraction(f)]
    low = text.casefold()
    named = [f for f in shares if any(w[:5] in low for w in f.quantity.split("_") if len(w) >= 5)]
    pick = named or (shares if len(shares) == 1 else [])
    if len(pick) != 1:
        return None
    return C.ValueClaim(evidence=who.record.id, subject=who.subject, quantity=pick[0].quantity,
                        stated=_FRACTIONS[word], tolerance=0.02)  # fmt: skip

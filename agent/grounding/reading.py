"""Reading a free sentence into typed claims (:mod:`agent.grounding.claims`).

Regular expressions here only *detect* claim signals — subjects of the cited facts,
numbers, direction, comparison, rank, causal, change, significance, layer and negation
words — and assemble them into typed claims; code in the claims module decides whether
each claim holds. Conservative by design: a signal that no typed claim accounts for (a
comparison whose second subject is missing, a number that belongs to nothing) makes the
sentence unsupported, so an unfamiliar phrasing of a false claim is dropped rather than
passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agent.grounding import claims as C
from agent.grounding import signals as S
from agent.grounding.evidence import Evidence
from agent.grounding.judged import read_judgements
from agent.grounding.judgements import JudgementClaim
from agent.grounding.mentions import (
    GENERIC,
    LABELS,
    Mention,
    digits,
    mentions,
    negated,
    p_quantity,
    tested_subject,
)
from agent.grounding.numbers import read_number
from agent.grounding.placing import paired
from agent.grounding.relations import read_relations


@dataclass
class Reading:
    """What a sentence claims, as typed claims, and the signals nothing accounted for."""

    claims: list[C.Claim | JudgementClaim] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


#: Subjects that name the answer or the whole: a number goes to them only when nothing
#: more specific is named.
#: Answers of two-option tasks: in a sentence they name the answer, not a direction.


def read(sentence: str, records: list[Evidence]) -> Reading:
    """The typed claims a cited sentence makes about ``records``."""
    text = re.sub(r"\[\s*E\d+(?:\s*[,;]\s*E?\d+)*\s*\]", lambda m: " " * len(m.group()), sentence)
    text = digits(text)
    out = Reading()
    ms = mentions(text, records)
    answers = {
        str(r.data.get(k)).strip().strip(".").casefold()
        for r in records
        for k in ("answer", "original_answer")
        if r.data.get(k)
    }
    labels = (
        answers
        | {
            str(r.data.get("edited_answer")).strip().strip(".").casefold()
            for r in records
            if r.data.get("edited_answer")
        }
        | LABELS
    )
    blank = list(text)
    for x in ms:
        blank[x.start : x.end] = " " * (x.end - x.start)
    prose = "".join(blank)  # the sentence without subject names (a quoted 'not' is no negation)
    prose = re.sub(
        r"(?<!\w)\"[^\"\n]+\"|(?<!\w)“[^”\n]+”|(?<!\w)'[^'\n]*\s[^'\n]*'(?!\w)",
        lambda q: " " * len(q.group()),
        prose,
    )  # quoted phrases are data
    label_dir = "down" if _OTHER_LABEL.search(prose) else None
    label_spans: list[tuple[int, bool]] = []  # (start, is the answer) of each label named
    for label in sorted(labels, key=len, reverse=True):
        for lm in re.finditer(
            rf"['\"‘“]{re.escape(label)}['\"’”]|(?<![\w]){re.escape(label)}(?![\w])", prose, re.I
        ):
            label_spans.append((lm.start(), label in answers))
        # "towards 'negative'": towards the answer is up, towards another label down
        for m in re.finditer(
            rf"\b(towards?|in favou?r of|away from)\s+(?:the\s+(?:answer|label)?\s*)?"
            rf"['\"‘“]?{re.escape(label)}['\"’”]?(?!\w)",
            prose,
            re.I,
        ):
            away = m.group(1).casefold() == "away from"
            label_dir = "down" if away == (label in answers) else "up"
            if label not in answers and not answers & LABELS:
                label_dir = None  # a label of another task: no direction to read
        # A label is quoted, or follows a word that names an answer ("towards negative",
        # "answered no"); "a negative attribution" is a sign, "no effect" a negation.
        lead = (
            r"(?:(?<=towards )|(?<=toward )|(?<=favour of )|(?<=favor of )|(?<=away from )|"
            r"(?<=answer )|(?<=answered )|(?<=answers )|(?<=says )|(?<=said )|(?<=predicts )|"
            r"(?<=predicted )|(?<=label )|(?<=output )|(?<=say )|(?<=saying )|(?<=chose )|"
            r"(?<=landed on ))"
        )
        noun = r"(?=\s+(?:verdict|answer|label|prediction|class|output|response|reply))"
        prose = re.sub(
            rf"['\"‘“]{re.escape(label)}['\"’”]|{lead}{re.escape(label)}(?!\w)|"
            rf"(?<!\w){re.escape(label)}{noun}",
            lambda m: "§" * len(m.group()),
            prose,
            flags=re.I,
        )
    judged, unjudged, spans = read_judgements(prose, ms, records, text)
    out.claims += judged
    out.unread += unjudged
    for a, b in spans:  # "strongly associated", "never refused": read, not numbers or signs
        prose = prose[:a] + " " * (b - a) + prose[b:]
    rec = records[0]
    by_subject = {x.subject: x.record for x in ms}
    used: set[int] = set()  # number positions accounted for

    def record_of(subject: str) -> Evidence:
        """The record a subject was named from, else the first that has facts of it."""
        if subject in by_subject:
            return by_subject[subject]
        return next((r for r in records if any(f.subject == subject for f in r.facts)), rec)

    # --- what-if changes
    edits = [r for r in records if any(f.quantity == "answer_changed" for f in r.facts)]
    for r in edits:
        edit = next(f.subject for f in r.facts if f.quantity == "answer_changed")
        ch, kept = S.CHANGED.search(prose), S.KEPT.search(prose)
        if ch or kept:
            hit = ch or kept
            assert hit is not None
            changed = bool(ch) and not kept
            out.claims.append(
                C.ChangeClaim(
                    evidence=r.id, edit=edit, changed=changed, negated=negated(prose, hit.start())
                )
            )
            prose = prose[: hit.start()] + " " * (hit.end() - hit.start()) + prose[hit.end() :]
    # --- significance and p-values
    tests = any(
        "p_adjusted" in f.quantity or f.quantity == "p_value" for r in records for f in r.facts
    )
    for m in S.P.finditer(prose if tests else ""):  # no test: "a p of 0.36" is a probability
        subj = tested_subject(ms, records)
        if subj is not None:
            op, value = m.group(1), float(m.group(2))
            if op.casefold() in ("=", "of", "is", "was", "at", ""):
                dec = len(m.group(2).split(".")[1]) if "." in m.group(2) else 0
                out.claims.append(
                    C.ValueClaim(
                        evidence=record_of(subj).id,
                        subject=subj,
                        quantity=p_quantity(record_of(subj), subj),
                        stated=value,
                        tolerance=0.5 * 10**-dec,
                    )
                )
            else:
                out.claims.append(
                    C.SignificanceClaim(evidence=record_of(subj).id, subject=subj, below=value)
                )
            used.update(range(m.start(), m.end()))
        else:
            out.unread.append(f"a p-value ({m.group(0)}) of nothing the cited facts test")
    stated_level = None
    for lv in re.finditer(r"\b(?:at|below)?\s*the\s+(\d+(?:\.\d+)?)\s*(%)?\s*level\b", text, re.I):
        used.update(range(lv.start(), lv.end()))  # "significant at the 5% level": a threshold
        level = float(lv.group(1)) / (100 if lv.group(2) or float(lv.group(1)) > 1 else 1)
        stated_level = level if 0 < level <= 1 else None
    for m in S.SIGNIF.finditer(prose):
        subj = tested_subject(ms, records)
        every_one = _QUANTIFIED.search(prose[: m.start()])
        if subj is None and every_one is not None:
            # "none of the three drivers is significant", "every driver listed is significant"
            for r in records:
                for f in r.facts:
                    if f.quantity == "p_adjusted" or f.quantity.endswith("_p_adjusted"):
                        none = every_one.group(0).casefold().startswith(("none", "no "))
                        word = m.group(0).casefold()
                        denied = negated(prose, m.start(), every_one.end())
                        neg = none != (denied or word.startswith(("insig", "non")))
                        out.claims.append(
                            C.SignificanceClaim(
                                evidence=r.id, subject=f.subject, quantity=f.quantity, negated=neg
                            )
                        )
            continue
        if subj is None:
            out.unread.append("a significance verdict on nothing the cited facts test")
            continue
        word = m.group(0).casefold()
        neg = negated(prose, m.start()) or word.startswith(("insig", "non"))
        tested = {f.subject for r in records for f in r.facts if "p_adjusted" in f.quantity}
        named = [x.subject for x in ms if x.subject in tested]
        every = (
            named
            if named and not re.search(r"\b(except|other than|but not|apart from)\b", text, re.I)
            else [subj]
        )
        for each in dict.fromkeys(every):
            out.claims.append(
                C.SignificanceClaim(
                    evidence=record_of(each).id,
                    subject=each,
                    highly=bool(m.group(1)) and "statist" not in word,
                    below=stated_level,
                    quantity=_p_named(record_of(each), each, text),
                    negated=neg,
                )
            )
    # --- layers: thresholds and the logit lens's first top layer
    if any(f.quantity in S.PROBE for r in records for f in r.facts):
        for m in S.FROM_LAYER.finditer(text):
            probe = next(r for r in records if any(f.quantity in S.PROBE for f in r.facts))
            margin = S.MARGIN.search(text)
            out.claims.append(
                C.ThresholdClaim(
                    evidence=probe.id,
                    layer=int(m.group(1)),
                    margin=float(margin.group(1)) / 100 if margin else 0.0,
                    negated=negated(text, m.start()),
                )
            )
            if margin:
                used.update(range(margin.start(), margin.end()))
            ms = [x for x in ms if not (m.start() <= x.start < m.end())]
    lens = [r for r in records if any(f.quantity == "first_top1_layer" for f in r.facts)]
    if lens and (
        S.FIRST_TOP.search(prose) or re.search(r"\b(top|on top|predict\w*)\b", prose, re.I)
    ):
        layer_m = re.search(r"\blayer\s+(\d+)", text, re.I)
        if layer_m:
            tok = next(f for f in lens[0].facts if f.quantity == "first_top1_layer")
            by = re.search(rf"\bby\s+layer\s+{layer_m.group(1)}\b", text, re.I)
            out.claims.append(
                C.ValueClaim(
                    evidence=lens[0].id,
                    subject=tok.subject,
                    quantity="first_top1_layer",
                    bound="le" if by else "eq",
                    stated=float(layer_m.group(1)),
                )
            )
            prose = re.sub(
                r"\b(top|on top|predict\w*)\b", lambda z: " " * len(z.group()), prose, flags=re.I
            )
            ms = [x for x in ms if not x.subject.startswith("layer ")]
            prose = S.FIRST_TOP.sub(lambda z: " " * len(z.group()), prose)
    read_relations(out, text, prose, ms, record_of, used, label_spans, answers, label_dir, edits)
    _elided(out, prose, ms)
    # --- numbers: counts and values
    pairs = paired(text, ms)
    for m in S.NUM.finditer(text):
        if any(i in used for i in range(m.start(), m.end())):
            continue
        if any(x.start <= m.start() < x.end for x in mentions(text, records)):
            continue  # part of a subject's name ("layer 12")
        if re.search(r"['\"‘“]\S*$", text[: m.start()]) and re.match(
            r"\S*['\"’”]", text[m.end() :]
        ):
            continue  # a quoted token ("'391'") is a name, not a number
        if re.match(r"\s*(?:times|x|×|-fold|fold)\b", text[m.end() :]) or re.search(
            r"\blayer\s*$", text[: m.start()], re.I
        ):
            continue
        owner = pairs.get(m.start())
        read_number(out, text, m, [owner] if owner else ms, records, record_of, prose)
    return out


_OTHER_LABEL = re.compile(
    r"\b(?:towards?|in favou?r of)\s+the\s+(?:other|opposite)\s+(?:label|answer|option|class)\b",
    re.I,
)
_QUANTIFIED = re.compile(
    r"\b(?:all|every|each|none|no)\b(?:\s+(?:of\s+)?(?:the\s+)?(?:\d+\s+)?)?"
    r"(?:drivers?|columns?|features?|variables?|predictors?|groups?|tests?|differences?|"
    r"associations?|of them|listed)\b",
    re.I,
)


def _p_named(record: Evidence, subject: str, text: str) -> str | None:
    """The p-value the sentence names when the subject has several ("the refusal gap is
    significant": refusal_rate_p_adjusted, not length_p_adjusted)."""
    ps = [f.quantity for f in record.facts if f.subject == subject and "p_adjusted" in f.quantity]
    low = text.casefold()
    named = [q for q in ps if (w := q.split("_")[0]) != "p" and len(w) >= 5 and w[:5] in low]
    return named[0] if len(named) == 1 else None


_SO_DID = re.compile(
    r"\b(?:so (?:did|does|do)|as (?:did|does|do)|likewise|did too|does too|too)\b", re.I
)


def _elided(out: Reading, prose: str, ms: list[Mention]) -> None:
    """ "'no' pushed towards No, and so did 'milk'": the sign claim again, of the subject
    named after "so did" (which is then checked, not skipped)."""
    so = _SO_DID.search(prose)
    signs = [c for c in out.claims if isinstance(c, C.SignClaim)]
    if so is None or not signs:
        return
    said = {c.subject for c in signs}
    for x in ms:
        if x.subject in said or x.subject.casefold() in GENERIC:
            continue
        if x.start > so.start() or (so.group(0).casefold().endswith("too") and x.end <= so.start()):
            base = signs[-1]
            out.claims.append(
                base.model_copy(update={"subject": x.subject, "evidence": x.record.id})
            )
            said.add(x.subject)

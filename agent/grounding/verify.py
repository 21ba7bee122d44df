"""The claim verifier: deterministic code that checks every sentence against the evidence.

A sentence makes a claim when it states a number, names a subject (a quoted word, token,
column or group, or "layer N"), or uses a direction or ranking word. Such a sentence must
cite evidence as ``[E#]`` and agree with the cited records' facts:

* every number matches a fact's value within the precision written (``0.61`` means
  0.605–0.615; ``61%`` also matches a fraction 0.61), with its sign — an unsigned number
  may match a negative value only when a direction word says "down";
* when the sentence names subjects, its numbers must belong to facts *of those subjects*
  (a swapped subject does not borrow another subject's number); a number of a kind
  measured for many subjects (attributions) must be a named subject's, quoted or not;
  a quoted subject that no fact is about (a word of the answer, say) may only carry
  numbers of single-subject facts the sentence also names ("the original answer");
* every named subject occurs in the cited evidence (its facts, arguments or results);
* direction words agree with the sign of the signed facts they speak of (attributions,
  changes, effects);
* "most/strongest/top" and "least/weakest" name the extreme subject of that quantity,
  one of the subjects compared.

Sentences without claims pass. Policy ``remove`` (default) drops unsupported sentences,
``mark`` keeps them flagged; if no claim survives, a templated answer is built from facts.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field

from agent.grounding.evidence import Evidence, Ledger
from agent.llm import prompting
from tools.base import Fact

Verdict = Literal["supported", "unsupported", "no_claim"]
Policy = Literal["remove", "mark"]

_CITATION = re.compile(r"\[\s*(E\d+(?:\s*[,;]\s*E?\d+)*)\s*\]")
_QUOTED = re.compile(
    r"(?<!\w)'([^'\n]+?)'(?!\w)|\"([^\"\n]+?)\"|`([^`\n]+?)`|‘([^’\n]+?)’|“([^”\n]+?)”"
)
_LAYER = re.compile(r"\blayers?\s+(\d+)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])([+\-−]?\d+(?:\.\d+)?)(\s*%)?(?![\w])")
_UP = re.compile(
    r"\b(increas\w*|rais\w*|boost\w*|support\w*|push\w* (?:up|towards?)|more likely|"
    r"positive\w*|help\w*|strengthen\w*|higher|rises?|rose|grows?|grew)\b",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(decreas\w*|lower\w*|reduc\w*|drops?|dropped|push\w* (?:down|away)|less likely|"
    r"negative\w*|hurt\w*|weaken\w*|against|falls?|fell|suppress\w*|opposes?|opposed)\b",
    re.IGNORECASE,
)
_MOST = re.compile(r"\b(most|strongest|largest|biggest|highest|top|greatest|best)\b", re.I)
_LEAST = re.compile(r"\b(least|weakest|smallest|lowest)\b", re.IGNORECASE)
# Verdicts on the model as a whole that no tool measures: such a sentence is never supported
# (and it is what injected text inside the data tends to ask for).
_JUDGEMENT = re.compile(
    r"\b(perfect\w*|flawless\w*|infallible|impeccabl\w*|unbiased|trustworth\w*|"
    r"always (?:right|correct|accurate)|never (?:wrong|fails?|makes? (?:a )?mistakes?)|"
    r"no (?:flaws|mistakes|errors|bias(?:es)?)|excellent|outstanding|amazing|accurate)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘`]\S|[(\[]?[A-Z0-9])")
# Fact lines run together on one line ("… = 0.12 - [E4] 'x' …") are separate claims.
_INLINE_BULLET = re.compile(r"\s+(?=[-•*]\s+(?:\[\s*E\d+|['\"‘“]))")
_SIGNED = ("attribution", "change", "effect", "correlation", "difference", "selectivity")


class SentenceCheck(BaseModel):
    """The verdict on one sentence, with the reasons when it is unsupported."""

    text: str
    verdict: Verdict
    citations: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)


class Verification(BaseModel):
    """A checked answer: what is shown, every sentence's verdict, and its grounding."""

    answer: str = Field(description="What the user sees, after the policy.")
    sentences: list[SentenceCheck] = Field(description="The LLM's sentences, checked.")
    grounding_rate: float = Field(
        description="Supported / claim-making sentences of the LLM's answer (0 if none)."
    )
    templated: bool = Field(description="True if the answer was rebuilt from facts.")
    evidence: list[str] = Field(description="Ids of the evidence the shown answer cites.")


# --------------------------------------------------------------------------- parsing


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``; a citation after the full stop stays with its sentence."""
    pieces: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*•]\s)", text.strip()):
        for piece in (
            p for part in _SENTENCE_END.split(paragraph.strip()) for p in _INLINE_BULLET.split(part)
        ):
            piece = piece.strip()
            if not piece:
                continue
            lead = re.match(r"^((?:\[\s*E\d+[^\]]*\]\s*)+)(.*)$", piece, re.S)
            if lead and pieces:
                pieces[-1] = f"{pieces[-1]} {lead.group(1).strip()}"
                piece = lead.group(2).strip()
                if not piece:
                    continue
            pieces.append(piece)
    return pieces


def citations(sentence: str) -> list[str]:
    ids: list[str] = []
    for group in _CITATION.findall(sentence):
        for part in re.split(r"\s*[,;]\s*", group):
            ids.append(part if part.startswith("E") else f"E{part}")
    return ids


def named_subjects(sentence: str) -> list[str]:
    """Quoted spans and "layer N" mentions: the things the sentence names."""
    found = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(sentence)]
    found += [f"layer {n}" for n in _LAYER.findall(sentence)]
    return [s.strip() for s in found if s.strip()]


def numbers(sentence: str) -> list[tuple[float, float, bool, bool]]:
    """(value, tolerance, is_percent, signed) for each number the sentence states."""
    bare = _CITATION.sub(" ", sentence)
    bare = _QUOTED.sub(" ", bare)
    bare = _LAYER.sub(" ", bare)
    out = []
    for text, percent in _NUMBER.findall(bare):
        signed = text[0] in "+-−"
        value = float(text.replace("−", "-"))
        decimals = len(text.split(".")[1]) if "." in text else 0
        out.append((value, 0.5 * 10**-decimals + 1e-9, bool(percent), signed))
    return out


# --------------------------------------------------------------------------- checking


def _mentions(fact: Fact, subject: str) -> bool:
    f, s = fact.subject.casefold(), subject.casefold()
    return f == s or re.search(rf"(?<!\w)['\"]?{re.escape(s)}['\"]?(?!\w)", f) is not None


def _number_matches(fact: Fact, value: float, tol: float, percent: bool, signed: bool,
                    direction: int) -> bool:  # fmt: skip
    targets = [fact.value] if not percent or fact.unit == "%" else [fact.value * 100]
    if percent and fact.unit != "%":
        targets.append(fact.value)
    for target in targets:
        if abs(target - value) <= tol:
            return True
        # "lowered it by 0.61" states a magnitude; the direction word carries the sign.
        if not signed and direction and abs(abs(target) - value) <= tol:
            return math.copysign(1, target) == direction
    return False


_GENERIC = {"answer", "first", "layer", "token", "mean", "original", "edited"}


@functools.cache
def _quantity_pattern(quantity: str) -> re.Pattern[str]:
    """What names a quantity in prose: its words joined ("log prob", "log-prob") or one of
    its distinctive words ("accuracy" for ``probe_accuracy``)."""
    words = [w for w in quantity.split("_") if w]
    joined = r"[\s_-]*".join(re.escape(w) for w in words)
    distinct = [re.escape(w) for w in words if len(w) >= 4 and w not in _GENERIC]
    return re.compile(rf"\b(?:{'|'.join([joined, *distinct])})\b", re.IGNORECASE)


def _is_signed(fact: Fact) -> bool:
    return any(word in fact.quantity for word in _SIGNED)


def _said(subject: str, sentence: str) -> bool:
    """Whether the sentence mentions ``subject`` as a whole word or phrase."""
    return (
        re.search(rf"(?<!\w){re.escape(subject.casefold())}(?!\w)", sentence.casefold()) is not None
    )


def _evidence_text(record: Evidence) -> str:
    return json.dumps([record.arguments, record.data, record.summary], ensure_ascii=False)


def check_sentence(sentence: str, ledger: Ledger) -> SentenceCheck:
    """The verdict on one sentence against the ledger."""
    cited = citations(sentence)
    subjects = named_subjects(sentence)
    values = numbers(sentence)
    prose = _QUOTED.sub(" ", sentence)  # a quoted word "positive" is a subject, not a direction
    up, down = bool(_UP.search(prose)), bool(_DOWN.search(prose))
    direction = 0 if up == down else (1 if up else -1)
    extreme = "max" if _MOST.search(prose) else "min" if _LEAST.search(prose) else None
    judgement = _JUDGEMENT.search(prose)
    has_claim = bool(values or subjects or up or down or extreme or judgement)
    if not has_claim:
        return SentenceCheck(text=sentence, verdict="no_claim", citations=cited)
    if judgement:
        return SentenceCheck(
            text=sentence,
            verdict="unsupported",
            citations=cited,
            reasons=[f"judges the model ({judgement.group(0)!r}), which no evidence measures"],
        )
    if not cited:
        return SentenceCheck(
            text=sentence, verdict="unsupported", reasons=["makes a claim but cites no evidence"]
        )
    reasons: list[str] = []
    records = []
    for evidence_id in cited:
        if evidence_id in ledger:
            records.append(ledger.get(evidence_id))
        else:
            reasons.append(f"cites {evidence_id}, which is not among the evidence given")
    facts = [f for r in records for f in r.facts]
    text = " ".join(_evidence_text(r).casefold() for r in records)
    # Quoted subjects claim their own facts: a number must be theirs, or belong to another
    # kind of fact (a baseline, the answer's log-prob), never to a sibling subject of the
    # same kind. Without quoted subjects, unquoted mentions ("random") say what it is about.
    named = [f for f in facts if any(_mentions(f, s) for s in subjects)]
    if subjects and not named:
        # The sentence names only things no fact is about (a word of the answer text, say):
        # its numbers must belong to a subject it also mentions ("the answer 'yes' has log
        # prob -1.5"), never to whatever fact happens to hold that value.
        # (A kind measured for many subjects, like attribution, is per-subject: excluded.)
        owners = Counter(f.quantity for f in facts)
        pool = [f for f in facts if owners[f.quantity] == 1 and _said(f.subject, sentence)]
        mentioned = subjects
    elif subjects:
        kinds = {f.quantity for f in named}
        pool = named + [f for f in facts if f.quantity not in kinds]
        mentioned = subjects
    else:
        named = [f for f in facts if len(f.subject) > 1 and _said(f.subject, sentence)]
        # The same sibling rule for unquoted mentions: a number of a kind the sentence
        # names a subject of must be that subject's.
        # And a kind measured for many subjects (attribution) needs its subject named.
        kinds = {f.quantity for f in named}
        owners = Counter(f.quantity for f in facts)
        pool = named + [f for f in facts if f.quantity not in kinds and owners[f.quantity] == 1]
        mentioned = sorted({f.subject for f in named})
    about = named
    # A sentence that names what was measured ("log prob", "entropy") states numbers of
    # that quantity, not another quantity's value that happens to match.
    named_kinds = {f.quantity for f in facts if _quantity_pattern(f.quantity).search(prose)}
    if named_kinds:
        pool = [f for f in pool if f.quantity in named_kinds]
    for subject in subjects:
        if not any(_mentions(f, subject) for f in facts) and subject.casefold() not in text:
            reasons.append(f"names {subject!r}, which the cited evidence does not contain")
    matched: list[Fact] = []
    for value, tol, percent, signed in values:
        hits = [f for f in pool if _number_matches(f, value, tol, percent, signed, direction)]
        if not hits:
            scope = f"about {', '.join(mentioned)} " if subjects else ""
            reasons.append(f"states {value:g}{'%' if percent else ''}, which no cited fact "
                           f"{scope}has")  # fmt: skip
        matched += hits
    compared = Counter(f.quantity for f in facts)
    if extreme and not any(compared[f.quantity] > 1 for f in named):
        # "X mattered most" compares subjects: X must be one of a kind measured for many.
        reasons.append(f"claims the {extreme}imum but names none of the subjects compared")
    if subjects and not named and not matched and (direction or extreme):
        what = "an effect" if direction else f"the {extreme}imum"
        reasons.append(f"claims {what} for {', '.join(map(repr, subjects))}, which no cited "
                       "fact measures")  # fmt: skip
    if direction:
        judged = [f for f in (matched or about) if _is_signed(f)]
        if judged and not any(math.copysign(1, f.value) == direction for f in judged):
            word = "up" if direction > 0 else "down"
            reasons.append(f"says {word}, but the cited values have the other sign")
    if extreme and about:
        for quantity in {f.quantity for f in about}:
            of_kind = [f for f in facts if f.quantity == quantity]
            key = (lambda f: abs(f.value)) if _is_signed(of_kind[0]) else (lambda f: f.value)
            best = max(of_kind, key=key) if extreme == "max" else min(of_kind, key=key)
            if not any(_mentions(best, s) for s in mentioned):
                reasons.append(f"says {extreme}imal {quantity}, but that is {best.subject!r}")
    verdict: Verdict = "unsupported" if reasons else "supported"
    return SentenceCheck(text=sentence, verdict=verdict, citations=cited, reasons=reasons)


def _plain(value: float) -> str:
    """Four significant digits without an exponent (the verifier reads plain decimals)."""
    text = f"{value:.4g}"
    return text if "e" not in text else f"{value:.8f}".rstrip("0")


def templated_answer(
    records: Iterable[Evidence], per_record: int = 3, focus: str | None = None
) -> str:
    """An answer built from facts alone (used when no LLM sentence survives).

    Takes each record's first facts in the tool's order of importance (signed quantities by
    size), skipping subjects that are only punctuation.
    """
    lines = []
    for record in records:
        facts = [f for f in record.facts if any(ch.isalnum() for ch in f.subject)]
        ranked = sorted(facts, key=lambda f: -abs(f.value) if _is_signed(f) else 0)
        top = ranked[0] if ranked else None
        if focus:  # the word the user asked about comes first
            ranked.sort(key=lambda f: f.subject.casefold() != focus.casefold())
        lines.append(
            {
                "id": record.id,
                "facts": [
                    {
                        "subject": f.subject,
                        "quantity": f.quantity.replace("_", " "),
                        "value": f.value,
                        "shown": _plain(f.value),
                        "top": f is top,
                        "unit": f.unit or "",
                    }
                    for f in ranked[:per_record]
                ],
            }
        )
    return prompting.render("templated_answer", records=lines)


def verify(
    text: str,
    ledger: Ledger,
    policy: Policy = "remove",
    *,
    strict: bool = False,
    focus: str | None = None,
) -> Verification:
    """Check every sentence of ``text`` and apply the policy.

    With ``strict`` the remove policy keeps supported sentences only (claim-free filler goes
    too), so every sentence shown rests on cited evidence.
    """
    checks = [check_sentence(s, ledger) for s in split_sentences(text)]
    claims = [c for c in checks if c.verdict != "no_claim"]
    supported = [c for c in claims if c.verdict == "supported"]
    rate = len(supported) / len(claims) if claims else 0.0
    hidden = {"unsupported", "no_claim"} if strict else {"unsupported"}
    shown = checks if policy == "mark" else [c for c in checks if c.verdict not in hidden]
    shown = list({c.text: c for c in shown}.values())  # a repeated sentence shows once
    templated = not supported and len(ledger) > 0
    if templated:
        cited = sorted({e for c in checks for e in c.citations if e in ledger}) or [
            r.id for r in ledger
        ]
        answer = templated_answer((ledger.get(e) for e in cited), focus=focus)
        shown_ids = cited
    else:
        answer = " ".join(
            c.text if c.verdict != "unsupported" else f"[unsupported: {c.text}]" for c in shown
        )
        shown_ids = sorted({e for c in shown for e in c.citations if e in ledger})
    return Verification(
        answer=answer,
        sentences=checks,
        grounding_rate=rate,
        templated=templated,
        evidence=shown_ids,
    )

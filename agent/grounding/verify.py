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

import re
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from agent.grounding import signals as S
from agent.grounding.claims import Check, Claim
from agent.grounding.evidence import Ledger
from agent.grounding.judged import judges
from agent.grounding.judgements import Present
from agent.grounding.meaning import rename
from agent.grounding.mentions import LABELS
from agent.grounding.outcome import (
    ClaimCheck,
    Outcome,
    clauses,
    facts_checked,
    framing,
    outcome_of,
)
from agent.grounding.reading import read
from agent.grounding.scope import blank_labels, evidence_text, measured, named, names_subject
from agent.grounding.sentences import CITATION, citations
from agent.grounding.sentences import bare_prose as bare_prose  # re-exported for callers
from agent.grounding.sentences import named_subjects as named_subjects
from agent.grounding.sentences import numbers as numbers
from agent.grounding.sentences import split_sentences as split_sentences
from agent.grounding.written import templated_answer

Verdict = Literal["supported", "unsupported", "no_claim"]
Policy = Literal["remove", "mark"]
Source = Literal["llm_claims", "llm_prose", "code"]

# Verdicts on the model as a whole that no tool measures: such a sentence is never supported
# (and it is what injected text inside the data tends to ask for).
_JUDGEMENT = re.compile(
    r"\b(perfect\w*|flawless\w*|infallible|impeccabl\w*|unbiased|trustworth\w*|"
    r"always (?:right|correct|accurate)|never (?:wrong|fails?|makes? (?:a )?mistakes?)|"
    r"no (?:flaws|mistakes|errors|bias(?:es)?)|excellent|outstanding|amazing|"
    r"(?:always|perfectly|completely|fully|highly) accurate)\b",
    re.IGNORECASE,
)
#: "'zebra' is in the input": a sentence that only says where a named thing occurs.
_PRESENCE = re.compile(
    r"\b(?:(?:is|are|was|were) (?:in|part of) the (?:input|text|prompt|sentence|review|answer|"
    r"question)|appears?|occurs?|contain\w*|mention\w*|includ\w*)\b",
    re.I,
)


class SentenceCheck(BaseModel):
    """The verdict on one sentence, with the reasons when it is unsupported."""

    text: str
    verdict: Verdict = Field(
        description="supported, or unsupported (contradicted or unverifiable), or no_claim."
    )
    outcome: Outcome | None = Field(
        default=None,
        description="supported, contradicted, "
        "unverifiable (a claim no check covered), or no_claim.",
    )
    citations: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    claims: list[dict[str, object]] = Field(
        default_factory=list, description="The typed claims read from the sentence."
    )
    renamed: list[str] = Field(
        default_factory=list, description="Phrases read as subjects by meaning (MiniLM)."
    )
    checks: list[ClaimCheck] = Field(
        default_factory=list,
        description="Each claim, the facts it was checked against, and whether it held.",
    )

    @model_validator(mode="after")
    def _outcome(self) -> SentenceCheck:
        if self.outcome is None:  # made elsewhere with a verdict only: read it off the reasons
            self.outcome = (
                self.verdict if self.verdict != "unsupported"
                else outcome_of(self.reasons or ["could not read a claim"], True)
            )  # fmt: skip
        return self


class Verification(BaseModel):
    """A checked answer: what is shown, every sentence's verdict, and its grounding."""

    answer: str = Field(description="What the user sees, after the policy.")
    sentences: list[SentenceCheck] = Field(description="The LLM's sentences, checked.")
    grounding_rate: float = Field(
        description="Verified LLM claims / LLM claims (in prose mode: supported / "
        "claim-making sentences); 0 if the LLM made none."
    )
    templated: bool = Field(description="True if the answer was rebuilt from facts.")
    evidence: list[str] = Field(description="Ids of the evidence the shown answer cites.")
    source: Source = Field(
        default="llm_prose",
        description="How the shown answer was made: claims the LLM selected and code "
        "checked and wrote (llm_claims), the LLM's own checked sentences (llm_prose), or "
        "code alone from the facts, because no LLM claim held or the evidence held one fact "
        "to state (code).",
    )
    framing: list[SentenceCheck] = Field(
        default_factory=list,
        description="Sentences code wrote around the LLM's (the strongest contributor "
        "first; a note when the target's answer names no option).",
    )
    llm_claims: int = Field(default=0, description="Claims the LLM made (selected or read).")
    verified_claims: int = Field(default=0, description="Of those, how many hold.")

    @property
    def made_by_code(self) -> bool:
        return self.source == "code"


# --------------------------------------------------------------------------- checking

_CLAIM_WORDS = (
    S.UP,
    S.DOWN,
    S.NONE,
    S.TOP,
    S.BOTTOM,
    S.ORDINAL,
    S.SIGNIF,
    S.CHANGED,
    S.KEPT,
    S.SAME,
)


def _signals(prose: str) -> list[str]:
    """Claim signals of a sentence (without its quoted words): what needs evidence."""
    found = [m.group(0) for pattern in _CLAIM_WORDS for m in pattern.finditer(prose)]
    found += [m.group(0) for m in S.NUM.finditer(prose)]
    if re.search(r"\bthan\b", prose, re.I):
        found.append("a comparison")
    found += [m.group(0) for m in S.RATIO.finditer(prose)]
    return found


def check_sentence(sentence: str, ledger: Ledger, *, cite: bool = True) -> SentenceCheck:
    """The verdict on one sentence: read into typed claims, each checked by code.

    Contradicted when a claim is checked and fails — in the whole sentence or in any one
    of its clauses. Unverifiable when it makes a claim but cites nothing (with ``cite``;
    without, an uncited sentence is read against the records it names, else all of them)
    or evidence that is not given, when it names something the evidence does not contain,
    judges the model as a whole, or leaves a claim signal (a number, a direction, a
    negation, a comparison, a rank, a judgement word) that no typed claim accounts for.
    """
    check = _check_whole(sentence, ledger, cite)
    if check.outcome == "unverifiable" and any(_TIED_TO_NOTHING.search(r) for r in check.reasons):
        records = [ledger.get(e) for e in check.citations if e in ledger] or list(ledger)
        renamed = rename(sentence, records)
        if renamed is not None:  # "the average test score": 'testscr', by meaning
            again = _check_whole(renamed[0], ledger, cite)
            if again.outcome != "unverifiable":
                check = again.model_copy(update={"text": sentence, "renamed": renamed[1]})
    if check.outcome in ("supported", "unverifiable"):
        cites = " ".join(f"[{c}]" for c in check.citations)
        for part in clauses(sentence):
            if not names_subject(part, ledger):
                continue  # "… and deleting it flips the label": read only with its sentence
            part = part if CITATION.search(part) else f"{part} {cites}".strip()
            sub = _check_whole(part, ledger, cite)
            if sub.outcome == "contradicted":
                check.reasons += [f"in the clause {part!r}: {r}" for r in sub.reasons]
                check.checks += [c for c in sub.checks if not c.holds]
                check.outcome, check.verdict = "contradicted", "unsupported"
    return check


def _check_whole(sentence: str, ledger: Ledger, cite: bool) -> SentenceCheck:
    sentence = re.sub(r"\*\*|__", "", sentence)  # **bold** is emphasis, not text
    cited = citations(sentence)
    if re.search(r"\?\s*(?:\[[^\]]*\])?\s*$", sentence):
        # a question states nothing ("Was the full stop helping? No: …"): its answer does
        return SentenceCheck(text=sentence, verdict="no_claim", outcome="no_claim", citations=cited)
    if sentence.rstrip().endswith(":") and not re.search(r"\d", sentence):
        return SentenceCheck(text=sentence, verdict="no_claim", outcome="no_claim", citations=cited)
    subjects = named_subjects(sentence)
    prose = bare_prose(sentence)
    signals = _signals(prose)
    judgement = _JUDGEMENT.search(prose)
    if (
        judgement
        and re.fullmatch(r"perfect\w*", judgement.group(0), re.I)
        and measured(sentence, ledger)
    ):
        judgement = None  # "layer 14 separates them perfectly": an accuracy of 1, read below
    if not (signals or subjects or judgement or judges(prose)):
        if framing(sentence):
            return SentenceCheck(text=sentence, verdict="no_claim", outcome="no_claim",
                                 citations=cited)  # fmt: skip
        return _done(sentence, cited, ["could not read a claim in what it states (no number, "
                                       "subject or measure to check)"], [], ledger)  # fmt: skip
    if judgement:
        return _done(sentence, cited, [f"judges the model ({judgement.group(0)!r}), which no "
                                       "evidence measures"], [], ledger)  # fmt: skip
    if not cited and cite:
        return _done(sentence, cited, ["makes a claim but cites no evidence"], [], ledger)
    reasons = [
        f"cites {e}, which is not among the evidence given" for e in cited if e not in ledger
    ]
    records = [ledger.get(e) for e in cited if e in ledger] if cited else named(sentence, ledger)
    if not records:
        return _done(sentence, cited, reasons, [], ledger)
    reading = read(sentence, records)
    text = " ".join(evidence_text(r).casefold() for r in records)
    labels = LABELS | {
        str(r.data.get(k, "")).strip().casefold()
        for r in records
        for k in ("answer", "original_answer", "edited_answer")
    }
    for subject in subjects:
        if subject.casefold() not in text and subject.casefold().strip(" .") not in labels:
            reasons.append(f"names {subject!r}, which the cited evidence does not contain")
    reasons += [f"could not check {what}" for what in reading.unread]
    checks: list[tuple[Any, Check]] = []
    for claim in reading.claims:
        check = claim.verdict(ledger)
        if not check.holds:
            reasons.append(check.reason)
        checks.append((claim, check))
    if signals and not reading.claims and not reading.unread:
        reasons.append(f"could not read a claim in {', '.join(map(repr, signals[:3]))}")
    if subjects and not signals and not reading.claims and not reasons and _PRESENCE.search(prose):
        checks.append((Present(evidence=records[0].id, names=subjects), Check(holds=True)))
    negations = [m.group(0) for m in S.NEG.finditer(blank_labels(prose, records))]
    if negations and not any(
        c.negated
        or getattr(c, "direction", "") == "none"
        or getattr(c, "changed", True) is False
        or getattr(c, "at", "") == "zero"
        or getattr(c, "level", "") == "negligible"
        for c in reading.claims
    ):
        reasons.append(f"could not attach the negation {negations[0]!r} to a claim")
    return _done(sentence, cited, reasons, checks, ledger)


def _done(
    sentence: str, cited: list[str], reasons: list[str], checks: list[tuple[Any, Check]],
    ledger: Ledger,
) -> SentenceCheck:  # fmt: skip
    outcome = outcome_of(reasons, bool(checks))
    if outcome == "no_claim":
        outcome = "unverifiable"  # it makes a claim (it got here) that nothing read
        reasons = ["could not read a claim"]
    dumped = [c.model_dump(mode="json") for c, _ in checks]
    return SentenceCheck(
        text=sentence,
        verdict="supported" if outcome == "supported" else "unsupported",
        outcome=outcome,
        citations=cited,
        reasons=reasons,
        claims=dumped,
        checks=[
            ClaimCheck(claim=d, holds=k.holds, reason=k.reason, facts=facts_checked(d, ledger))
            for d, (_, k) in zip(dumped, checks, strict=True)
        ],
    )


#: Reasons that say a claim was tied to nothing the evidence names: worth a reading by meaning.
_TIED_TO_NOTHING = re.compile(
    r"of nothing named|without two subjects|which no association measure backs|"
    r"given to a name no fact is about|which has no sign"
)


def check_written(text: str, claims: list[Claim], ledger: Ledger) -> SentenceCheck:
    """The verdict on a sentence code wrote together with its typed claims: supported when
    every claim holds (the text's numbers come from the same facts). A code bug that
    writes a number no fact has is caught here, and the sentence is not shown."""
    reasons = [check.reason for c in claims if not (check := c.verdict(ledger)).holds]
    if not claims:
        reasons.append("a written finding with no claim to check")
    return SentenceCheck(
        text=text,
        verdict="unsupported" if reasons else "supported",
        citations=sorted({c.evidence for c in claims}),
        reasons=reasons,
        claims=[c.model_dump(mode="json") for c in claims],
    )


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
    return assemble(checks, ledger, policy, strict=strict, focus=focus)


def assemble(
    checks: list[SentenceCheck],
    ledger: Ledger,
    policy: Policy = "remove",
    *,
    strict: bool = False,
    focus: str | None = None,
) -> Verification:
    """The answer the verdicts on the LLM's sentences allow (see :func:`verify`)."""
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
    read = [c for s in claims for c in (s.claims or [{}])]
    return Verification(
        answer=answer,
        sentences=checks,
        grounding_rate=rate,
        templated=templated,
        evidence=shown_ids,
        source="code" if templated else "llm_prose",
        llm_claims=len(read),
        verified_claims=sum(len(s.claims or [{}]) for s in supported),
    )

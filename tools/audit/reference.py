"""Does an output agree with its reference? What counts as an error depends on what the
reference is.

* ``context`` — a passage the output must stay within (retrieval-augmented answers,
  summaries, answers drawn from a knowledge snippet): a claim the passage contradicts is
  an error, and so is a specific (a number or name) the passage never states —
  reported as *unsupported*.
* ``facts`` — true statements about the topic (open questions): only a contradiction is
  an error; an extra true detail the reference does not mention is not.
* ``answers`` — a short answer or a list of acceptable ones: the output must give one of
  them (an output equal to one always agrees; a bare "yes"/"no" is an answer, graded by
  polarity; :mod:`tools.audit.grading`). An answer that is a sentence is compared claim
  by claim, as a context of one sentence.

The kind is the user's to state (``--reference-kind``); by default it follows from the
data's shape (:func:`default_kind`). The claims are judged by a :class:`~tools.audit.judges.
Judge` (the offline rules by default) and every verdict names the claim, the reference
sentence compared and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from tools.audit.align import stems
from tools.audit.claims import claims as split_claims
from tools.audit.claims import pieces
from tools.audit.grading import grade
from tools.audit.judges import ClaimVerdict, Judge, RulesJudge
from tools.audit.normalise import is_content, normalise, tokens

Kind = Literal["context", "facts", "answers"]
KINDS: tuple[Kind, ...] = ("context", "facts", "answers")
LONG_REFERENCE = 12  # tokens: a reference this long is read as sentences, not an answer
CONTEXT_RATIO = 2.0  # a passage this many times the output's length is a context
SHORT_ANSWER = 4  # tokens: an answer this short is graded as a short answer only
GIVES_ANSWER = 0.6  # share of an answer sentence's words the output must hold to give it


@dataclass
class Check:
    """The output against its reference: the verdict and the claims that drove it."""

    agrees: bool
    kind: Kind
    reason: str
    claim: str | None = None  # the claim that drove a disagreement
    reference_sentence: str | None = None  # what it was compared with
    claims: list[ClaimVerdict] = field(default_factory=list)
    judge: str = "rules"

    @property
    def label(self) -> str:
        """agrees, contradicted or unsupported (the item's correctness finding)."""
        if self.agrees:
            return "agrees"
        # every disagreeing reason opens with its label ("unsupported: …", "contradicted: …")
        return "unsupported" if self.reason.startswith("unsupported:") else "contradicted"


def default_kind(output: str, references: Sequence[str]) -> Kind:
    """Short references are answers; a passage much longer than the output is a context
    it draws on; a paragraph about as long as the output is facts about its topic."""
    long = [r for r in references if len(tokens(r)) >= LONG_REFERENCE]
    if not long:
        return "answers"
    ratio = sum(len(tokens(r)) for r in long) / len(long) / max(1, len(tokens(output)))
    return "context" if ratio >= CONTEXT_RATIO else "facts"


def check(
    prompt: str,
    output: str,
    references: Sequence[str],
    kind: Kind | None = None,
    judge: Judge | None = None,
) -> Check:
    refs = [r for r in references if r.strip()]
    kind = kind or default_kind(output, refs)
    judge = judge or RulesJudge()
    if not output.strip():
        return Check(False, kind, "the output is empty", judge=judge.name)
    if not refs:
        return Check(True, kind, "no usable reference", judge=judge.name)
    mine = normalise(output)
    if any(normalise(r) == mine for r in refs):
        return Check(True, kind, "the output is the reference", judge=judge.name)
    if kind == "answers":
        return _answers(prompt, output, refs, judge)
    sentences = [s for r in refs for s in pieces(r)]
    return _claims(prompt, output, sentences, kind, judge)


def checkable(prompt: str, output: str) -> list[str]:
    """The claims a judge labels: the output's checkable claims, or a bare answer."""
    found = [c.text for c in split_claims(output, prompt)]
    if found:
        return found
    # a bare answer ("Delhi", "First for Women was started first.") is its own claim
    return [output.strip()] if any(is_content(t) for t in tokens(output)) else []


def _claims(prompt: str, output: str, sentences: list[str], kind: Kind, judge: Judge) -> Check:
    verdicts = judge.claims(checkable(prompt, output), sentences, prompt)
    for v in verdicts:
        if v.label == "contradicted":
            return Check(False, kind, f"contradicted: {v.why}", v.claim, v.reference, verdicts,
                         judge.name)  # fmt: skip
    if kind == "context":
        for v in verdicts:
            if v.unsupported:
                return Check(False, kind, f"unsupported: {v.why} (the reference is a context "
                             "the output must stay within)", v.claim, v.reference, verdicts,
                             judge.name)  # fmt: skip
    counts = {label: sum(v.label == label for v in verdicts)
              for label in ("supported", "not_in_reference")}  # fmt: skip
    return Check(True, kind, f"no claim is contradicted ({counts['supported']} supported, "
                 f"{counts['not_in_reference']} not in the reference)", claims=verdicts,
                 judge=judge.name)  # fmt: skip


def _answers(prompt: str, output: str, refs: list[str], judge: Judge) -> Check:
    """Agrees when the output gives one of the acceptable answers: as a short answer is
    graded (polarity, numbers, the answer's words: :mod:`tools.audit.grading`), or — for
    an answer written as a sentence — claim by claim, holding most of its words."""
    misses: list[Check] = []
    for ref in refs:
        size = len(tokens(ref))
        if size < LONG_REFERENCE and len(pieces(ref)) <= 1:
            g = grade(prompt, output, [ref])
            if g.agrees:
                return Check(True, "answers", g.reason, judge="rules")
            why = f"contradicted: {g.reason} (compared {g.compared})"
            misses.append(Check(False, "answers", why, g.sentence, ref, judge="rules"))
            if size <= SHORT_ANSWER or "does not state" not in g.reason:
                continue  # a number, a yes/no or a name the short answer denies
        c = _claims(prompt, output, pieces(ref), "context", judge)
        on_it = any(v.label == "supported" for v in c.claims)
        theirs = stems(ref)
        gives = len(theirs & stems(output)) / len(theirs) if theirs else 0.0
        if c.agrees and on_it and gives >= GIVES_ANSWER:
            return Check(True, "answers", f"gives the acceptable answer {ref!r}", claims=c.claims,
                         judge=judge.name)  # fmt: skip
        misses.append(c)
    if not misses:
        return Check(True, "answers", "no usable reference")
    first = next((m for m in misses if m.label == "contradicted"), misses[0])
    if len(refs) == 1:
        return first
    shown = "; ".join(repr(r) for r in refs[:3]) + ("; …" if len(refs) > 3 else "")
    return Check(False, "answers", f"contradicted: gives none of the acceptable answers "
                 f"({shown})", first.claim, first.reference_sentence, first.claims,
                 first.judge)  # fmt: skip

"""The decision an answer makes, so explanations explain it rather than the whole
continuation ("The review was negative. The movie's director, who was praised…").

The rule, in order:

1. **Options the prompt offers** — "positive or negative?", "A, B or C?", "Answer yes or
   no", a yes/no question ("Is 7 a prime number?", "Does it …?"): the decision is the
   first option the model's own greedy answer names, *in place*: "The review was
   negative." explains the token(s) of "negative" after the teacher-forced "The review
   was" (their log-probability; what came before is context, not target). The other
   options are scored at the same place; the best of them is the default foil of a
   contrastive question ("negative" rather than "positive" = the log-odds of the two
   words there). An answer that names no option is recorded (``addressed=False``) and
   pointed out; its decision is then the option it would start with (each option scored
   as the start of the answer, in its best surface form: "Negative", " negative", …).
2. **Otherwise the first sentence** of the model's greedy answer.

Generation stops at the end of the sentence that names an option (for a prompt with
options), or of the first sentence: what the user is shown as the target's answer is that
much, and the time is not spent on the rest.

A caller may always name the answer to explain instead (``answer=``; teacher-forced).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the option parser is light: chat routing imports it without torch
    from tools.models import WhiteBoxLM

_AUX = (
    r"is|are|was|were|am|do|does|did|can|could|will|would|should|shall|has|have|had|"
    r"may|might|must|isn't|aren't|wasn't|doesn't|don't|didn't"
)
_YES_NO = re.compile(rf"(?:^|[.!?]\s+)(?:{_AUX})\b[^.!?]*\?", re.I)
_SAY_YES_NO = re.compile(r"\b(?:answer|reply|respond|say)\b[^.?!]*\byes\b[^.?!]*\bno\b", re.I)
_OR = re.compile(r"(?:^|[\s:(])((?:[\w'-]+,\s*)*[\w'-]+),?\s+or\s+([\w'-]+)$", re.I)
_END = re.compile(r"[.!?](?=\s|$)|\n")
_ENDED = re.compile(r"[.!?]\s|\n")  # a sentence end in text still being generated


@dataclass
class Decision:
    """What an answer decides, and how the rule found it."""

    kind: str  # "option" | "sentence"
    answer_ids: list[int]  # teacher-forced: the answer up to and including the decision
    label: str
    start: int = 0  # the decision's first token in answer_ids (what came before is context)
    options: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    foil: str | None = None
    foil_ids: list[int] | None = None
    generated: str = ""
    addressed: bool = True


def options_in(text: str) -> list[str]:
    """The options a prompt offers, in its order ([] when it offers none): "X or Y" (or
    "X, Y or Z", one word each) ending one of its last two sentences, else yes/no for a
    yes/no question or an instruction to answer yes or no."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x]
    for sentence in reversed(sentences[-2:]):
        m = _OR.search(sentence.rstrip(" ?.!)"))
        if m:
            opts = [w.strip() for w in m.group(1).split(",") if w.strip()] + [m.group(2)]
            if 2 <= len(opts) <= 6 and all(len(o) <= 24 for o in opts):
                if {o.casefold() for o in opts} == {"yes", "no"}:
                    return ["Yes", "No"]
                return _unique(opts)
    if _SAY_YES_NO.search(text) or _YES_NO.search(text.strip()):
        return ["Yes", "No"]
    return []


def _unique(words: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for w in words:
        seen.setdefault(w.casefold(), w)
    return list(seen.values())


def _forms(option: str) -> list[str]:
    cap = option[:1].upper() + option[1:]
    return list(dict.fromkeys([cap, option.lower(), option, f" {option.lower()}", f" {cap}"]))


def _named(option: str, text: str) -> re.Match[str] | None:
    return re.search(rf"(?<!\w){re.escape(option)}(?!\w)", text, re.I)


def _in_answer(
    lm: WhiteBoxLM, generated_ids: list[int], options: list[str]
) -> tuple[str, int, int] | None:
    """The first option the answer names: (option, index of its first token, index past
    its last token) in ``generated_ids``."""
    text = lm.decode(generated_ids)
    found = [(m.start(), o) for o in options if (m := _named(o, text))]
    if not found:
        return None
    at, option = min(found)
    end_char = at + len(option)
    start = next(i for i in range(len(generated_ids) + 1)
                 if len(lm.decode(generated_ids[: i + 1])) > at)  # fmt: skip
    stop = next(i for i in range(start, len(generated_ids) + 1)
                if len(lm.decode(generated_ids[:i])) >= end_char)  # fmt: skip
    return option, start, stop


def _styled(foil: str, said: str) -> str:
    """``foil`` written the way the answer wrote its option (case, a leading space)."""
    word = foil.lower()
    core = said.strip()
    if core[:1].isupper():
        word = word[:1].upper() + word[1:]
    if core.isupper():
        word = word.upper()
    return (" " if said.startswith(" ") else "") + word


DECISIONS_KEPT = 64  # per target: a session's follow-ups reuse the decision of its input
DECISION_TOKENS = 32  # generation cap while looking for the decision (tools share it)


def decide(
    lm: WhiteBoxLM, prompt_ids: list[int], text: str, max_new_tokens: int = DECISION_TOKENS
) -> Decision:
    """The decision of ``lm``'s answer to ``text`` (see the module for the rule).

    Greedy decoding is deterministic, so a decision found once for these ids is kept on
    the target and a copy returned (the follow-ups of a session ask about the same input).
    """
    import torch

    memo = getattr(lm, "decisions", None)
    key = (tuple(prompt_ids), text, max_new_tokens)
    if memo is not None and key in memo:
        memo.move_to_end(key)
        kept: Decision = copy.deepcopy(memo[key])
        return kept
    with torch.no_grad():
        found = _decide(lm, prompt_ids, text, max_new_tokens)
    if memo is not None:
        memo[key] = copy.deepcopy(found)
        while len(memo) > DECISIONS_KEPT:
            memo.popitem(last=False)
    return found


def _decided(options: list[str]) -> Callable[[str], bool]:
    """When generation may stop: at the end of the sentence that names an option (or of
    the first sentence, for a prompt without options). A sentence end needs the space or
    line break after it (so "3." of "3.5" is not one)."""

    def enough(said: str) -> bool:
        if not options:
            return _ENDED.search(said) is not None
        named = [m.end() for o in options if (m := _named(o, said))]
        return bool(named) and _ENDED.search(said, min(named)) is not None

    return enough


def _label_decision(lm: WhiteBoxLM, prompt_ids: list[int], labels: list[str]) -> Decision:
    logprobs = lm.label_logprobs(prompt_ids)  # type: ignore[attr-defined]
    ranked = sorted(range(len(labels)), key=lambda i: -float(logprobs[i]))
    top, runner = ranked[0], (ranked[1] if len(ranked) > 1 else None)
    return Decision(
        kind="option", answer_ids=[top], label=labels[top], options=list(labels),
        scores={label: round(float(logprobs[i]), 4) for i, label in enumerate(labels)},
        foil=labels[runner] if runner is not None else None,
        foil_ids=[runner] if runner is not None else None, generated=labels[top],
    )  # fmt: skip


def _through_the_end(lm: WhiteBoxLM, ids: list[int], options: list[str]) -> list[int]:
    """The answer up to the sentence end where generation stopped (the stop sees the
    token after it: "The review was negative. The" → "The review was negative.")."""
    said = lm.decode(ids)
    named = [m.end() for o in options if (m := _named(o, said))]
    end = _ENDED.search(said, min(named)) if named else (None if options else _ENDED.search(said))
    if end is None:
        return ids
    keep = end.start() + (1 if said[end.start()] in ".!?" else 0)
    return next((ids[:i] for i in range(1, len(ids) + 1) if len(lm.decode(ids[:i])) >= keep), ids)


def _decide(lm: WhiteBoxLM, prompt_ids: list[int], text: str, max_new_tokens: int) -> Decision:
    labels: list[str] | None = getattr(lm, "labels", None)
    if labels is not None:  # a classifier: the decision is its label, the foil the runner-up
        return _label_decision(lm, prompt_ids, labels)
    options = options_in(text)
    generated_ids = _through_the_end(
        lm, lm.generate(prompt_ids, max_new_tokens, stop=_decided(options)), options
    )
    generated = lm.decode(generated_ids)
    if options:
        said = _in_answer(lm, generated_ids, options)
        if said is not None:  # the option the model's own answer names first, in place
            option, start, stop = said
            prefix = generated_ids[:start]
            written = lm.decode(generated_ids[start:stop])
            foils = [o for o in options if o.casefold() != option.casefold()]
            said_ids = {o: generated_ids[start:stop] if o == option else lm.answer_ids(
                _styled(o, written)) for o in options}  # fmt: skip
            scored = lm.score_continuations(prompt_ids + prefix, list(said_ids.values()))
            scores = {o: round(v, 4) for o, v in zip(said_ids, scored, strict=True)}
            runner = max(foils, key=lambda o: scores[o])
            return Decision(
                kind="option", answer_ids=generated_ids[:stop], start=start, label=option,
                options=options, scores=scores, foil=runner,
                foil_ids=prefix + lm.answer_ids(_styled(runner, written)),
                generated=generated, addressed=True,
            )  # fmt: skip
        # the answer names no option: what it would start with, scored; said so
        best: dict[str, tuple[float, list[int]]] = {}
        forms = [(option, lm.answer_ids(form)) for option in options for form in _forms(option)]
        scored = lm.score_continuations(prompt_ids, [ids for _, ids in forms])
        for (option, ids), score in zip(forms, scored, strict=True):
            if option not in best or score > best[option][0]:
                best[option] = (score, ids)
        ranked = sorted(options, key=lambda o: -best[o][0])
        chosen, runner = ranked[0], ranked[1]
        return Decision(
            kind="option", answer_ids=best[chosen][1], label=chosen, options=options,
            scores={o: round(best[o][0], 4) for o in options}, foil=runner,
            foil_ids=best[runner][1], generated=generated, addressed=False,
        )  # fmt: skip
    cut = len(generated_ids)
    for i in range(1, len(generated_ids) + 1):  # the shortest prefix that ends a sentence
        if _END.search(lm.decode(generated_ids[:i]).rstrip(" ")[-1:] or ""):
            cut = i
            break
    first = generated_ids[:cut]
    return Decision(
        kind="sentence",
        answer_ids=first,
        label=lm.decode(first).strip(),
        generated=generated,
        addressed=bool(first),
    )

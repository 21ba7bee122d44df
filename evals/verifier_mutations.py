"""Verifier mutation suite: correct sentences over real evidence, and four kinds of mutant.

From real evidence records (tool results), templates write sentences that are true of
the facts. Each is then mutated six ways: a changed number, a swapped subject (another
subject of the same record, with a different value), a foreign subject (a word of the
record's text that no fact is about, e.g. from the answer), the same unquoted, a flipped
direction (or sign), and a dropped citation. The verifier should catch the mutants
(target: at least 95%) and pass the correct sentences (flag at most 5%).

    python evals/verifier_mutations.py            # records from SmolLM2 and the tools
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Iterable

from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.verify import check_sentence, numbers
from tools.base import Fact

_UP_DOWN = [("up", "down"), ("raises", "lowers"), ("supports", "opposes")]


def _fmt(value: float, decimals: int, signed: bool) -> str:
    return f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"


def correct_sentences(record: Evidence, rng: random.Random) -> list[str]:
    """Sentences that are true of ``record``'s facts, in varied phrasings."""
    out: list[str] = []
    cite = f"[{record.id}]"
    by_quantity: dict[str, list[Fact]] = {}
    for fact in record.facts:
        by_quantity.setdefault(fact.quantity, []).append(fact)
    for quantity, facts in by_quantity.items():
        name = quantity.replace("_", " ")
        for fact in facts[:4]:
            subject = fact.subject
            quoted = (
                f"layer {subject.split()[-1]}" if subject.startswith("layer ") else f"'{subject}'"
            )
            decimals = rng.choice([2, 3])
            if "attribution" in quantity and abs(fact.value) >= 10**-decimals:
                verb = "raises" if fact.value > 0 else "lowers"
                out.append(f"The word {quoted} has an attribution of "
                           f"{_fmt(fact.value, decimals, True)} nats {cite}.")  # fmt: skip
                out.append(f"{quoted} {verb} the answer's log-probability by "
                           f"{abs(fact.value):.{decimals}f} nats {cite}.")  # fmt: skip
            elif "change" in quantity:
                out.append(f"The edit {quoted} moves the {name} to "
                           f"{_fmt(fact.value, decimals, True)} {cite}.")  # fmt: skip
            else:
                out.append(f"For {quoted}, the {name} is {fact.value:.{decimals}f} {cite}.")
        if "attribution" in quantity and len(facts) > 1:
            top = max(facts, key=lambda f: abs(f.value))
            out.append(f"The word '{top.subject}' mattered most for the answer {cite}.")
    return out


def _replace_number(sentence: str, rng: random.Random) -> str | None:
    body = re.sub(r"\[E\d+\]", lambda m: "\0" * len(m.group()), sentence)
    m = re.search(r"(?<![\w.])([+-]?)(\d+)\.(\d+)", body)
    if not m:
        return None
    decimals = len(m.group(3))
    value = float(m.group(2) + "." + m.group(3))
    new = value * rng.choice([1.5, 0.5, 2.0]) + rng.choice([0.07, 0.13, 0.31])
    text = f"{m.group(1)}{new:.{decimals}f}"
    return sentence[: m.start()] + text + sentence[m.end() :]


def _swap_subject(sentence: str, record: Evidence, rng: random.Random) -> str | None:
    m = re.search(r"'([^']+)'|layer (\d+)", sentence)
    if not m:
        return None
    current = m.group(1) if m.group(1) is not None else f"layer {m.group(2)}"
    mine = [f for f in record.facts if f.subject == current]
    if not mine:
        return None
    others = [
        f.subject
        for f in record.facts
        if f.quantity == mine[0].quantity
        and f.subject != current
        and f.subject.casefold() not in sentence.casefold()
        and abs(f.value - mine[0].value) > 0.01
        and abs(abs(f.value) - abs(mine[0].value)) > 0.01
    ]
    # Only a real swap: the new subject must have no fact that fits the stated numbers.
    stated = numbers(sentence)
    others = [
        o for o in others
        if not any(abs(abs(f.value) - abs(v)) <= tol
                   for f in record.facts if f.subject == o for v, tol, _, _ in stated)
    ]  # fmt: skip
    if not others:
        return None
    new = rng.choice(others)
    replacement = f"'{new}'" if m.group(1) is not None else new
    return sentence[: m.start()] + replacement + sentence[m.end() :]


def _foreign_subject(
    sentence: str, record: Evidence, rng: random.Random, quoted: bool = True
) -> str | None:
    """The quoted subject replaced by a word the record's text holds but no fact is about
    (a word of the answer, say): whatever the sentence claims, it claims of the wrong
    thing."""
    m = re.search(r"'([^']+)'(?!\w)", sentence)
    if not m or "'" in sentence[m.end() : m.end() + 1]:
        return None
    subjects = " ".join(f.subject.casefold() for f in record.facts)
    text = json.dumps([record.arguments, record.data], ensure_ascii=False)
    words = sorted({
        w for w in re.findall(r"[A-Za-z]{4,}", text)
        if w.casefold() not in subjects and w.casefold() not in sentence.casefold()
        and w.casefold() not in _FIELD_WORDS
    })  # fmt: skip
    if not words:
        return None
    word = rng.choice(words)
    mutant = sentence[: m.start()] + (f"'{word}'" if quoted else word) + sentence[m.end() :]
    # Unquoted, the old subject may still be said elsewhere ("The word …" when the subject
    # was the token "The"): then the mutant is still true, not a mutant.
    if not quoted and re.search(rf"(?<!\w){re.escape(m.group(1))}(?!\w)", mutant, re.I):
        return None
    return mutant


# Field names of the records' data: not words of the text.
_FIELD_WORDS = {"text", "method", "answer", "units", "start", "end", "score", "model", "data",
                "true", "false", "null", "original", "remove", "replace", "scores"}  # fmt: skip


def _flip_direction(sentence: str) -> str | None:
    for up, down in _UP_DOWN:
        if re.search(rf"\b{up}\b", sentence):
            return re.sub(rf"\b{up}\b", down, sentence, count=1)
        if re.search(rf"\b{down}\b", sentence):
            return re.sub(rf"\b{down}\b", up, sentence, count=1)
    m = re.search(r"(?<![\w.])([+-])(\d+(?:\.\d+)?)", sentence)
    if m and float(m.group(2)) != 0 and not re.search(r"\b(most|least)\b", sentence):
        flipped = "-" if m.group(1) == "+" else "+"
        return sentence[: m.start(1)] + flipped + sentence[m.start(1) + 1 :]
    if "mattered most" in sentence:
        return sentence.replace("mattered most", "mattered least")
    return None


def mutants(sentence: str, record: Evidence, rng: random.Random) -> dict[str, str]:
    made = {
        "number": _replace_number(sentence, rng),
        "subject": _swap_subject(sentence, record, rng),
        "direction": _flip_direction(sentence),
        "foreign": _foreign_subject(sentence, record, rng),
        "unquoted": _foreign_subject(sentence, record, rng, quoted=False),
        "citation": re.sub(r"\s*\[E\d+\]", "", sentence),
    }
    return {kind: text for kind, text in made.items() if text and text != sentence}


def run(records: Iterable[Evidence], seed: int = 0) -> dict[str, object]:
    """Check correct sentences and their mutants; return the counts and the failures."""
    records = list(records)
    ledger = Ledger(records)
    rng = random.Random(seed)
    correct_flagged, caught, made = [], Counter[str](), Counter[str]()
    missed: list[tuple[str, str]] = []
    n_correct = 0
    for record in records:
        for sentence in correct_sentences(record, rng):
            n_correct += 1
            check = check_sentence(sentence, ledger)
            if check.verdict != "supported":
                correct_flagged.append((sentence, check.reasons))
            for kind, mutant in mutants(sentence, record, rng).items():
                made[kind] += 1
                if check_sentence(mutant, ledger).verdict == "unsupported":
                    caught[kind] += 1
                else:
                    missed.append((kind, mutant))
    return {
        "correct": n_correct,
        "correct_flagged": correct_flagged,
        "mutants": dict(made),
        "caught": dict(caught),
        "missed": missed,
    }


def report(result: dict[str, object]) -> str:
    made: dict[str, int] = result["mutants"]  # type: ignore[assignment]
    caught: dict[str, int] = result["caught"]  # type: ignore[assignment]
    flagged: list[object] = result["correct_flagged"]  # type: ignore[assignment]
    lines = [
        f"correct sentences: {result['correct']}, flagged {len(flagged)} "
        f"({len(flagged) / max(1, int(result['correct'])):.1%})"
    ]  # type: ignore[call-overload]
    for kind, n in made.items():
        lines.append(
            f"mutants {kind:9s}: {n:4d}, caught {caught.get(kind, 0):4d} "
            f"({caught.get(kind, 0) / n:.1%})"
        )
    total = sum(made.values())
    lines.append(
        f"all mutants      : {total:4d}, caught {sum(caught.values()):4d} "
        f"({sum(caught.values()) / max(1, total):.1%})"
    )
    return "\n".join(lines)


def smollm2_records() -> list[Evidence]:
    """Real evidence from SmolLM2 through the tools, as the agent would record it."""
    from tools.attribution import AttributeArgs, attribute_with
    from tools.counterfactual import WhatIfArgs, what_if_with
    from tools.faithfulness import evaluate
    from tools.models import load_target
    from tools.probing import LogitLensArgs, logit_lens_with

    lm = load_target()
    ledger = Ledger()
    prompts = [
        "Is the movie not bad? Answer yes or no.",
        "The food was cold and the waiter was rude. Was the review positive?",
        "What is the capital of France? Answer in one word.",
        "Should I bring an umbrella if the forecast says heavy rain?",
    ]
    for text in prompts:
        for method in ("occlusion", "integrated_gradients"):
            args = AttributeArgs(text=text, method=method, max_new_tokens=6)
            result = attribute_with(lm, args)
            ledger.add("attribute", args, result)
        ledger.add("faithfulness", args, evaluate(lm, result, random_rankings=2))
    lens_args = LogitLensArgs(text="What is the capital of France?",
                              continuation="The capital of France is", answer=" Paris")  # fmt: skip
    ledger.add("logit_lens", lens_args, logit_lens_with(lm, lens_args))
    edit = WhatIfArgs(text=prompts[0], remove=["not"], max_new_tokens=6)
    ledger.add("what_if", edit, what_if_with(lm, edit))
    return list(ledger)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--show-missed", type=int, default=10)
    args = parser.parse_args()
    result = run(smollm2_records())
    print(report(result))
    for sentence, reasons in result["correct_flagged"][: args.show_missed]:  # type: ignore[index]
        print("FLAGGED CORRECT:", sentence, reasons)
    for kind, mutant in result["missed"][: args.show_missed]:  # type: ignore[index]
        print(f"MISSED {kind}:", mutant)


if __name__ == "__main__":
    main()

"""How well the audit grades outputs written the way chat models write them.

Sets (all labelled by helper sessions that never saw the audit's code):

* ``tests/audit_corpus.py`` — terse, restated and long answers (110+ each, with samples)
  and 233 refusal/sentiment items. It was also the development set of the grader and
  the refusal phrases: its figures are optimistic.
* ``tests/audit_heldout.py`` — 101 items in the same three styles on other topics,
  written afterwards; first run once before any change it prompted (figures in the
  README), then used to find two generic bugs (Spanish "mil" read inside "miles",
  fraction words), so it is no longer unseen either.
* ``tests/audit_yesno_heldout.py`` — 50 yes/no questions (bare "No.", restated with a
  negation, "Of course not", other languages, antonyms, right polarity with a wrong
  reason, dodges) and 20 fraction/percent answers, written by a helper session that did
  not see the grader; first run once before the rules were tuned on it (README).
* ``tests/audit_long_heldout.py`` — 80 long answers on 40 new topics (40 with one wrong
  sentence: swapped nouns and names, numbers, reversed relations, false negations, false
  comparisons, paraphrased errors), by a helper session that did not see the grader;
  first run once before any rule was tuned on it (README).
* ``tests/audit_long_heldout3.py`` — 80 more long answers on 40 other topics, the same
  seven error kinds, by another helper session that did not see the grader (2026-12-02);
  its first run is in the README.
* ``tests/sentiment_paragraphs.py`` — 307 answers of 2-4 sentences labelled positive,
  negative or neutral as a whole (mixed verdicts, negation, a verdict in the last
  sentence, apologies, light sarcasm), by a helper session that did not see the code.

Prints, per set: agreement of the reference verdict with the truth; on long answers how
often the flagged sentence is the wrong one; without references, the ROC-AUC (95%
bootstrap interval) of the combined sample signal (:func:`tools.audit.agreement.risk`);
and the precision and recall of the refusal and sentiment signals, before (the phrase
list and 56-word lexicon this stop replaced, kept here as the baseline) and after.

    python evals/audit_graded.py
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import audit_corpus  # noqa: E402
import audit_heldout  # noqa: E402
import audit_long_heldout  # noqa: E402
import audit_long_heldout3  # noqa: E402
import audit_yesno_heldout  # noqa: E402
import sentiment_paragraphs  # noqa: E402

from tools.audit.agreement import agreement, risk  # noqa: E402
from tools.audit.output_text import sentiment  # noqa: E402
from tools.audit.reference import check  # noqa: E402
from tools.audit.refusal import is_refusal  # noqa: E402
from tools.audit.signals import bootstrap_auc  # noqa: E402

# The baseline this stop replaced (tools/audit/output_text.py before): a phrase list ...
OLD_REFUSAL = re.compile(
    r"\b(I(?:'m| am) (?:sorry|unable|not able)|I (?:can(?:no|')t|won't|will not|must decline)|"
    r"as an AI|I do not feel comfortable|cannot (?:help|assist|comply) with)\b",
    re.IGNORECASE,
)
# ... and a word lexicon ((positive - negative) / (positive + negative)).
OLD_POSITIVE = set(
    str.split(
        "good great excellent happy glad love like best positive pleased wonderful "
        "helpful success successful safe recommend approve approved yes agree benefit "
        "strong fine nice perfect enjoy favorable kind"
    )
)
OLD_NEGATIVE = set(
    str.split(
        "bad poor terrible sad angry hate dislike worst negative unhappy awful harmful "
        "failure fail unsafe reject rejected no disagree risk weak wrong problem denied "
        "unfortunately dangerous unfavorable rude"
    )
)


def old_sentiment(text: str) -> float:
    words = re.findall(r"[a-z]+", text.casefold())
    pos, neg = sum(w in OLD_POSITIVE for w in words), sum(w in OLD_NEGATIVE for w in words)
    return (pos - neg) / (pos + neg) if pos + neg else 0.0


def refs(item: dict) -> list[str]:  # type: ignore[type-arg]
    r = item["reference"]
    return list(r) if isinstance(r, list) else [r]


def grading(name: str, items: list[dict]) -> None:  # type: ignore[type-arg]
    """The audit's claim-level check (the default kind from each item's shape, or
    ``facts`` for the long answers, whose references are facts about the topic)."""
    agree = named = wrong_flagged = 0
    for it in items:
        kind = "facts" if it.get("style") == "long" else None
        c = check(it["prompt"], it["output"], refs(it), kind)  # type: ignore[arg-type]
        agree += c.agrees == it["correct"]
        if it.get("wrong_sentence") and not c.agrees:
            wrong_flagged += 1
            wanted = it["wrong_sentence"].strip()
            named += bool(c.claim) and (c.claim in wanted or wanted in (c.claim or ""))
    line = f"  {name:<22} agreement {agree}/{len(items)} = {agree / len(items):6.1%}"
    if wrong_flagged:
        line += f"   wrong sentence named in {named}/{wrong_flagged} flagged"
    print(line)


def no_reference(name: str, items: list[dict]) -> None:  # type: ignore[type-arg]
    scores = np.array([risk(agreement(i["prompt"], i["output"], i["samples"])) for i in items])
    labels = np.array([not i["correct"] for i in items])
    auc, low, high = bootstrap_auc(scores, labels)
    print(f"  {name:<22} ROC-AUC {auc:.3f} [{low:.3f}, {high:.3f}] ({len(items)} items)")


def precision_recall(
    items: list[dict],
    predict: Callable[[dict], bool],
    truth: Callable[[dict], bool],  # type: ignore[type-arg]
) -> str:
    tp = sum(predict(i) and truth(i) for i in items)
    fp = sum(predict(i) and not truth(i) for i in items)
    fn = sum(truth(i) and not predict(i) for i in items)
    return f"precision {tp / max(tp + fp, 1):.2f}, recall {tp / max(tp + fn, 1):.2f}"


def main() -> None:
    corpus = {"terse": audit_corpus.terse(), "restated": audit_corpus.restated(),
              "long": audit_corpus.long_answers()}  # fmt: skip
    held = audit_heldout.items()
    print("Reference verdicts (agreement with the truth):")
    for name, items in corpus.items():
        grading(f"corpus {name}", items)
    for style in ("terse", "restated", "long"):
        grading(f"held-out {style}", [i for i in held if i["style"] == style])
    grading("held-out long, 2nd", audit_long_heldout.items())
    grading("held-out long, 3rd", audit_long_heldout3.items())
    yes_no = audit_yesno_heldout.items()
    for kind in ("yesno", "fraction"):
        grading(f"held-out {kind}", [i for i in yes_no if i["kind"] == kind])
    print("Without references (samples only; 1000 bootstrap rounds):")
    for name, items in corpus.items():
        no_reference(f"corpus {name}", items)
    labelled = audit_corpus.refusals_and_sentiment()
    print(f"Refusal ({sum(i['refusal'] for i in labelled)} of {len(labelled)} items):")
    refused = lambda i: i["refusal"]  # noqa: E731
    print("  before (phrase list):   " + precision_recall(
        labelled, lambda i: bool(OLD_REFUSAL.search(i["output"])), refused))  # fmt: skip
    print("  after (tools/audit/refusal.py): " + precision_recall(
        labelled, lambda i: is_refusal(i["output"], i["prompt"]), refused))  # fmt: skip
    print("Sentiment (positive / negative classes; threshold ±0.3 on VADER's compound):")
    for cls, sign in (("positive", 1), ("negative", -1)):
        truth = (lambda c: lambda i: i["sentiment"] == c)(cls)
        print(f"  {cls:<8} before (lexicon): " + precision_recall(
            labelled, lambda i, s=sign: s * old_sentiment(i["output"]) > 0, truth))  # fmt: skip
        print(f"  {cls:<8} after (VADER):    " + precision_recall(
            labelled, lambda i, s=sign: s * sentiment(i["output"]) >= 0.3, truth))  # fmt: skip
    paragraphs = sentiment_paragraphs.items()
    print(f"Sentiment of {len(paragraphs)} answers of 2-4 sentences (held out; mixed verdicts, "
          "negation, sarcasm):")  # fmt: skip
    for cls, sign in (("positive", 1), ("negative", -1)):
        truth = (lambda c: lambda i: i["sentiment"] == c)(cls)
        print(f"  {cls:<8} VADER on the whole answer: " + precision_recall(
            paragraphs, lambda i, s=sign: s * sentiment(i["output"]) >= 0.3, truth))  # fmt: skip


if __name__ == "__main__":
    main()

"""Self-checks of the held-out audit corpus (tests/audit_heldout.py), not of the auditor."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.audit_heldout import items

STYLES = ("terse", "restated", "long")
KEYS = {"id", "prompt", "output", "reference", "correct", "style", "wrong_sentence"}
# A sentence ends at . ! or ? followed by a space and a capital letter or a quote.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z'\"])")


def _references(item: dict) -> list[str]:
    ref = item["reference"]
    return ref if isinstance(ref, list) else [ref]


def test_size_and_schema() -> None:
    all_items = items()
    assert len(all_items) >= 90
    for item in all_items:
        assert set(item) == KEYS, item["id"]
        assert item["style"] in STYLES, item["id"]
        assert isinstance(item["correct"], bool), item["id"]
        assert item["prompt"].strip() and item["output"].strip(), item["id"]
        assert isinstance(item["reference"], str | list), item["id"]


def test_ids_unique() -> None:
    ids = [item["id"] for item in items()]
    assert len(ids) == len(set(ids))


def test_deterministic_and_fresh() -> None:
    first, second = items(), items()
    assert first == second
    first[0]["output"] = "changed"
    assert items()[0]["output"] != "changed"


@pytest.mark.parametrize("style", STYLES)
def test_style_size_and_label_balance(style: str) -> None:
    chosen = [item for item in items() if item["style"] == style]
    assert len(chosen) >= 25
    share = sum(item["correct"] for item in chosen) / len(chosen)
    assert 0.4 <= share <= 0.6, share


def test_overall_balance() -> None:
    counts = Counter(item["correct"] for item in items())
    assert 0.4 <= counts[True] / sum(counts.values()) <= 0.6


def test_references_non_empty() -> None:
    for item in items():
        refs = _references(item)
        assert refs, item["id"]
        assert all(isinstance(ref, str) and ref.strip() for ref in refs), item["id"]


def test_wrong_sentence_only_on_long_wrong_items() -> None:
    for item in items():
        if item["style"] == "long" and not item["correct"]:
            sentence = item["wrong_sentence"]
            assert isinstance(sentence, str) and sentence.strip(), item["id"]
            assert item["output"].count(sentence) == 1, item["id"]
            assert sentence not in item["reference"], item["id"]
        else:
            assert item["wrong_sentence"] is None, item["id"]


def test_long_outputs_have_three_to_six_sentences() -> None:
    for item in items():
        if item["style"] != "long":
            continue
        sentences = SENTENCE_END.split(item["output"])
        assert 3 <= len(sentences) <= 6, (item["id"], len(sentences))
        if not item["correct"]:
            assert item["wrong_sentence"] in sentences, item["id"]
        assert isinstance(item["reference"], str) and len(item["reference"]) > 80, item["id"]


def test_short_styles_are_short() -> None:
    for item in items():
        if item["style"] == "terse":
            assert len(item["output"].split()) <= 5, item["id"]
        elif item["style"] == "restated":
            assert len(SENTENCE_END.split(item["output"])) == 1, item["id"]

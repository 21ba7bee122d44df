"""Self-checks of the planted-text ticket generator (tests/planted_text.py) only."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tests.planted_text import TRUTH, build, counts, vocabulary

RATES = TRUTH["rates"]


@pytest.fixture(scope="module", params=[0, 1])
def data(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, dict]:
    df = build(seed=request.param)
    return df, counts(df)


def test_same_seed_same_frame_other_seed_other_frame() -> None:
    first = build(n=800, seed=5)
    pd.testing.assert_frame_equal(first, build(n=800, seed=5))
    assert not first["text"].equals(build(n=800, seed=6)["text"])


def test_shape_columns_and_values(data: tuple[pd.DataFrame, dict]) -> None:
    df, _ = data
    assert len(df) == 6000
    assert len(build(n=500)) == 500
    assert list(df.columns) == [
        "ticket_id",
        "channel",
        "region",
        "text",
        "resolved",
        "satisfaction",
    ]
    assert df["ticket_id"].is_unique
    assert set(df["channel"]) == {"email", "chat", "phone"}
    assert set(df["region"]) == {"north", "south", "east", "west"}
    assert set(df["resolved"]) == {"yes", "no"}
    assert pd.api.types.is_integer_dtype(df["satisfaction"])
    assert df["satisfaction"].between(1, 5).all()
    words = df["text"].str.split().str.len()
    assert words.between(15, 80).all()
    assert words.std() > 8  # lengths really vary


def test_truth_records_everything_planted() -> None:
    assert TRUTH["fixed_phrase"] == "refund not received"
    assert len(TRUTH["synonyms"]["late_delivery"]) == 5
    assert TRUTH["interaction"]["column"] == "channel"
    assert TRUTH["interaction"]["category"] == "phone"
    assert len(TRUTH["interaction"]["phrases"]) >= 3
    assert set(TRUTH["noise_themes"]) == {"product_colour", "greeting_signoff"}
    for key in ("base_no_rate", "refund_not_received", "late_delivery", "billing_error"):
        assert key in RATES


def test_base_rate(data: tuple[pd.DataFrame, dict]) -> None:
    _, c = data
    assert abs(c["no_signal"]["no_rate"] - RATES["base_no_rate"]) < 0.05


def test_fixed_phrase(data: tuple[pd.DataFrame, dict]) -> None:
    _, c = data
    theme = c["themes"]["refund_not_received"]
    planted = RATES["refund_not_received"]
    assert abs(theme["share"] - planted["share"]) < 0.02
    assert abs(theme["no_rate_with"] - planted["no_rate"]) < 0.05
    assert theme["no_rate_with"] - theme["no_rate_without"] > 0.2


def test_fixed_phrase_positions_vary(data: tuple[pd.DataFrame, dict]) -> None:
    df, _ = data
    texts = df.loc[df["text"].str.contains("refund not received", case=False), "text"]
    where = texts.map(lambda t: t.lower().index("refund not received") / len(t))
    assert where.min() < 0.1 and where.max() > 0.7
    assert texts.str.match(r"(?i)refund not received").any()


def test_synonym_family(data: tuple[pd.DataFrame, dict]) -> None:
    df, c = data
    theme = c["themes"]["late_delivery"]
    planted = RATES["late_delivery"]
    for phrase, rows in theme["phrases"].items():
        assert 0.01 <= rows / len(df) <= 0.03, phrase
    assert abs(theme["share"] - planted["share"]) < 0.02
    assert abs(theme["no_rate_with"] - planted["no_rate"]) < 0.05
    assert theme["no_rate_with"] - theme["no_rate_without"] > 0.15


def test_interaction_only_in_phone(data: tuple[pd.DataFrame, dict]) -> None:
    _, c = data
    theme = c["themes"]["billing_error"]
    planted = RATES["billing_error"]
    assert abs(theme["share"] - planted["share"]) < 0.02
    phone = theme["by_channel"]["phone"]
    assert phone["rows"] > 100
    assert abs(phone["no_rate_with"] - planted["no_rate_in_category"]) < 0.05
    assert phone["no_rate_with"] - phone["no_rate_without"] > 0.2
    for channel in ("email", "chat"):
        other = theme["by_channel"][channel]
        assert other["rows"] > 100
        assert abs(other["no_rate_with"] - other["no_rate_without"]) < 0.05, channel


@pytest.mark.parametrize("name", ["product_colour", "greeting_signoff"])
def test_noise_themes_unrelated_to_label(data: tuple[pd.DataFrame, dict], name: str) -> None:
    _, c = data
    theme = c["themes"][name]
    assert 0.10 <= theme["share"] <= 0.20
    assert abs(theme["no_rate_with"] - c["no_rate"]) < 0.03
    assert abs(theme["no_rate_with"] - theme["no_rate_without"]) < 0.03


def test_personal_data(data: tuple[pd.DataFrame, dict]) -> None:
    df, c = data
    assert 0.005 <= c["personal_data"]["share"] <= 0.015
    assert df["text"].str.contains(r"@\w").any()
    assert df["text"].str.contains(r"\b\d{3}[- ]\d{3}[- ]\d{4}\b").any()


def test_duplicates_and_near_duplicates(data: tuple[pd.DataFrame, dict]) -> None:
    df, c = data
    assert 0.015 <= c["exact_duplicates"]["share"] <= 0.025
    assert 0.015 <= c["near_duplicates"]["share"] <= 0.025
    # recount near duplicates another way: an earlier distinct text of the same length that
    # shares its first (or last) three words and differs in exactly one word
    buckets: dict[tuple, list[list[str]]] = {}
    near = 0
    for text in df["text"].drop_duplicates():
        tokens = text.split()
        keys = [("head", len(tokens), *tokens[:3]), ("tail", len(tokens), *tokens[-3:])]
        near += any(
            sum(x != y for x, y in zip(tokens, other, strict=True)) == 1
            for key in keys
            for other in buckets.get(key, [])
        )
        for key in keys:
            buckets.setdefault(key, []).append(tokens)
    assert near == c["near_duplicates"]["rows"]


def test_typo_rate(data: tuple[pd.DataFrame, dict]) -> None:
    df, _ = data
    known = set(vocabulary())
    words = [
        token.strip(".,:;?!").lower()
        for text in df["text"]
        for token in text.split()
        if not re.search(r"[\d@#+]", token)
    ]
    unknown = sum(word not in known for word in words) / len(words)
    assert 0.02 <= unknown <= 0.04

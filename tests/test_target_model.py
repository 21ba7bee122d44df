"""The SmolLM2 white-box target: user-token spans, units, padding (real model, small)."""

from __future__ import annotations

import re

import pytest
import torch

from tools.attribution import AttributeArgs, attribute_with
from tools.models import load_target
from tools.models.units import build_units

pytestmark = pytest.mark.model

TRICKY = "Don't  plot-twist the naïve café's e-mail: 3.5% off — really?!\nOK 🙂"


@pytest.fixture(scope="module")
def lm():  # type: ignore[no-untyped-def]
    return load_target()


def test_user_tokens_are_exactly_the_users_text(lm) -> None:  # type: ignore[no-untyped-def]
    enc = lm.encode(TRICKY)
    template = set(range(len(enc.ids))) - set(enc.user_positions)
    decoded_user = "".join(lm.tokenizer.decode([enc.ids[p]]) for p in enc.user_positions)
    assert re.sub(r"\s+", "", decoded_user) == re.sub(r"\s+", "", TRICKY)
    decoded_template = lm.tokenizer.decode([enc.ids[p] for p in sorted(template)])
    assert "<|im_start|>user" in decoded_template and "naïve" not in decoded_template


def test_no_word_is_dropped(lm) -> None:  # type: ignore[no-untyped-def]
    enc = lm.encode(TRICKY)
    words = enc.units("word")
    covered = "".join(u.text for u in words)
    expected = re.findall(r"\w+(?:'\w+)*|[^\w\s]", TRICKY)
    assert re.sub(r"\s+", "", covered) == "".join(expected)
    assert {"plot", "naïve", "café's", "Don't"} <= {u.text for u in words}
    sentences = [u.text for u in enc.units("sentence")]
    assert sentences[0].startswith("Don't") and len(sentences) >= 2


def test_leading_space_offsets_do_not_lose_words() -> None:
    # 'Ġplot' spans " plot": its content starts one character later.
    units = build_units("a plot", [(0, 1), (1, 6)], [10, 11], "word")
    assert [(u.text, u.positions) for u in units] == [("a", [10]), ("plot", [11])]
    # One token covering two words merges them instead of dropping one.
    units = build_units("ab.c", [(0, 3), (3, 4)], [5, 6], "word")
    assert [(u.text, u.positions) for u in units] == [("ab.", [5]), ("c", [6])]


def test_left_padded_batch_equals_single_runs(lm) -> None:  # type: ignore[no-untyped-def]
    long, short = lm.encode("A much longer prompt about the weather in Paris."), lm.encode("Hi")
    answer = lm.answer_ids(" Sure")
    batch = lm.score([long.ids, short.ids], answer)
    single = torch.cat([lm.score([long.ids], answer), lm.score([short.ids], answer)])
    assert torch.allclose(batch, single, atol=1e-4)


def test_attributions_cover_only_user_words(lm) -> None:  # type: ignore[no-untyped-def]
    result = attribute_with(lm, AttributeArgs(text="Is the soup hot?", max_new_tokens=4))
    assert [u.text for u in result.units] == ["Is", "the", "soup", "hot", "?"]
    # 1 full pass + 5 leave-one-out passes that reuse the cached prompt prefix.
    assert result.answer and 1.5 < result.forward_passes < 4


def test_cached_edit_scores_equal_full_scores(lm) -> None:  # type: ignore[no-untyped-def]
    enc = lm.encode("The farmer watched the fox from the porch.")
    answer = lm.answer_ids(" It was a sunny day.")
    variants = [[t for i, t in enumerate(enc.ids) if i != p] for p in enc.user_positions[::3]] + [
        enc.ids[:-3] + enc.ids[-2:]
    ]
    cached = lm.score_edits(enc.ids, variants, answer)
    full = lm.score([enc.ids, *variants], answer)
    assert torch.allclose(cached, full, atol=1e-3)


def test_batched_edit_scores_read_a_foil_from_the_same_pass(lm) -> None:  # type: ignore[no-untyped-def]
    enc = lm.encode("The soup was not hot, and the bread was stale.")
    answer = lm.answer_ids(" Negative")
    foil = lm.answer_ids(" Positive")
    variants = [[t for i, t in enumerate(enc.ids) if i != p] for p in enc.user_positions]
    both = lm.score_edits(enc.ids, variants, answer, extra=foil[0])
    assert torch.allclose(both[:, :-1], lm.score([enc.ids, *variants], answer), atol=1e-3)
    assert torch.allclose(both[:, -1], lm.score([enc.ids, *variants], foil)[:, 0], atol=1e-3)


def test_continuations_of_different_lengths_score_as_one_by_one(lm) -> None:  # type: ignore[no-untyped-def]
    ids = lm.encode("Is the sky green? Answer yes or no.").ids
    options = [lm.answer_ids(w) for w in (" No", " Yes, it is", " Maybe not")]
    batched = lm.score_continuations(ids, options)
    alone = [float(lm.score([ids], o)[0].sum()) for o in options]
    assert batched == pytest.approx(alone, abs=1e-3)


def test_a_decision_is_found_once_per_input(lm, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tools import decision

    text = "The movie was not good at all. Was the review positive or negative?"
    ids = lm.encode(text).ids
    first = decision.decide(lm, ids, text)
    calls = []
    monkeypatch.setattr(decision, "_decide", lambda *a: calls.append(a))
    again = decision.decide(lm, ids, text)
    assert calls == [] and again == first and again is not first
    again.options.append("x")  # a caller's change does not reach the kept one
    assert decision.decide(lm, ids, text).options == first.options

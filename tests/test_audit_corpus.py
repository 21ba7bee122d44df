"""Self-checks of the audit corpus (tests/audit_corpus.py), not of any product code: sizes,
ids, label balance, sentence indices, sample styles and the brief's quoted examples."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.audit_corpus import long_answers, refusals_and_sentiment, restated, terse

QA_SETS = {"terse": terse, "restated": restated, "long_answers": long_answers}
QA_FIELDS = {
    "id",
    "prompt",
    "output",
    "reference",
    "samples",
    "correct",
    "sample_style",
    "output_key",
    "sample_keys",
    "language",
    "topic",
    "note",
}
RS_FIELDS = {"id", "prompt", "output", "refusal", "sentiment", "language", "kind", "note"}
SENTIMENTS = {"positive", "negative", "neutral", "mixed"}
LANGUAGES = {"en", "es", "fr", "de", "ja"}


def split_sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text.strip())


def refs(item: dict) -> list[str]:
    ref = item["reference"]
    return ref if isinstance(ref, list) else [ref]


def share(items: list[dict], pred) -> float:
    return sum(1 for i in items if pred(i)) / len(items)


def find(items: list[dict], **fields) -> list[dict]:
    return [i for i in items if all(i[k] == v for k, v in fields.items())]


@pytest.fixture(scope="module")
def sets() -> dict[str, list[dict]]:
    return {name: build() for name, build in QA_SETS.items()}


@pytest.fixture(scope="module")
def rs() -> list[dict]:
    return refusals_and_sentiment()


# --- shape -----------------------------------------------------------------------------------


def test_sizes(sets, rs):
    for name, items in sets.items():
        assert len(items) >= 110, name
    assert len(rs) >= 220


def test_builders_are_deterministic(sets, rs):
    for name, build in QA_SETS.items():
        assert build() == sets[name], name
    assert refusals_and_sentiment() == rs


def test_ids_unique_across_all_sets(sets, rs):
    ids = [i["id"] for items in sets.values() for i in items] + [i["id"] for i in rs]
    assert len(ids) == len(set(ids))


def test_prompt_output_pairs_unique(sets, rs):
    for name, items in [*sets.items(), ("rs", rs)]:
        pairs = Counter((i["prompt"], i["output"]) for i in items)
        assert not [p for p, n in pairs.items() if n > 1], name


@pytest.mark.parametrize("name", sorted(QA_SETS))
def test_qa_fields_and_types(sets, name):
    extra = {"wrong_sentence_index", "wrong_sentence"} if name == "long_answers" else set()
    for item in sets[name]:
        assert set(item) == QA_FIELDS | extra, item["id"]
        assert isinstance(item["correct"], bool)
        assert item["sample_style"] in {"agree", "scatter"}
        assert item["language"] in LANGUAGES
        for key in ("prompt", "output", "output_key", "topic"):
            assert isinstance(item[key], str) and item[key].strip(), (item["id"], key)
        assert isinstance(item["note"], str)


@pytest.mark.parametrize("name", sorted(QA_SETS))
def test_references_nonempty_and_lists_common(sets, name):
    items = sets[name]
    for item in items:
        assert isinstance(item["reference"], (str, list)), item["id"]
        if isinstance(item["reference"], list):
            assert item["reference"], item["id"]
            assert len(item["reference"]) >= 2, item["id"]
        assert all(isinstance(r, str) and r.strip() for r in refs(item)), item["id"]
    assert share(items, lambda i: isinstance(i["reference"], list)) >= 0.15


@pytest.mark.parametrize("name", sorted(QA_SETS))
def test_every_item_has_four_or_five_samples(sets, name):
    for item in sets[name]:
        samples = item["samples"]
        assert 4 <= len(samples) <= 5, item["id"]
        assert all(isinstance(s, str) and s.strip() for s in samples), item["id"]
        assert len(item["sample_keys"]) == len(samples), item["id"]
        # Terse samplers repeat themselves; but never five copies of the output.
        assert any(s != item["output"] for s in samples), item["id"]


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(QA_SETS))
def test_label_balance(sets, name):
    assert 0.45 <= share(sets[name], lambda i: not i["correct"]) <= 0.55


@pytest.mark.parametrize("name", sorted(QA_SETS))
def test_sample_style_matches_sample_keys(sets, name):
    for item in sets[name]:
        keys = item["sample_keys"]
        agreeing = sum(k == item["output_key"] for k in keys) / len(keys)
        if item["sample_style"] == "agree":
            assert agreeing >= 0.75, item["id"]
            if not item["correct"]:
                assert agreeing == 1.0, item["id"]  # confidently wrong: no dissent at all
        else:
            assert agreeing <= 0.5, item["id"]
            assert len(set(keys)) >= 2, item["id"]


@pytest.mark.parametrize("name", sorted(QA_SETS))
def test_consistency_signal_is_good_but_imperfect(sets, name):
    wrong = [i for i in sets[name] if not i["correct"]]
    right = [i for i in sets[name] if i["correct"]]
    confidently_wrong = share(wrong, lambda i: i["sample_style"] == "agree")
    unsure_right = share(right, lambda i: i["sample_style"] == "scatter")
    assert 0.10 <= confidently_wrong <= 0.22
    assert 0.06 <= unsure_right <= 0.16


@pytest.mark.parametrize("name", sorted(QA_SETS))
def test_wrong_short_answers_commit_to_another_answer(sets, name):
    """A wrong short answer's key is not a reference, unless a note says why (an extra false
    claim next to the right answer)."""
    for item in sets[name]:
        if not item["correct"] and name != "long_answers" and item["output_key"] in refs(item):
            assert item["note"], item["id"]


def test_non_english_correct_items(sets):
    for name in ("terse", "restated"):
        foreign = [i for i in sets[name] if i["language"] != "en" and i["correct"]]
        assert len(foreign) >= 5, name
        assert {"fr", "es", "de", "ja"} <= {i["language"] for i in foreign}, name
    # Non-English is not a shortcut to "correct".
    assert find(sets["restated"], language="es", correct=False)
    assert find(sets["restated"], language="de", correct=False)


def test_restated_correct_answers_repeat_prompt_numbers(sets):
    """The adversarial point of the set: the prompt's numbers come back in correct answers."""
    right = [i for i in sets["restated"] if i["correct"]]
    echoing = [i for i in right if any(n in i["output"] for n in re.findall(r"\d+", i["prompt"]))]
    assert len(echoing) >= 20
    with_numbers = [i for i in right if re.search(r"\d", i["prompt"]) and i["topic"] == "arith"]
    assert with_numbers
    assert share(with_numbers, lambda i: i in echoing) >= 0.8


# --- long answers ----------------------------------------------------------------------------


def test_long_answers_sentence_counts_and_wrong_sentence(sets):
    for item in sets["long_answers"]:
        sentences = split_sentences(item["output"])
        assert 3 <= len(sentences) <= 7, item["id"]
        if item["correct"]:
            assert item["wrong_sentence_index"] is None, item["id"]
            assert item["wrong_sentence"] is None, item["id"]
        else:
            index = item["wrong_sentence_index"]
            assert isinstance(index, int) and 0 <= index < len(sentences), item["id"]
            assert sentences[index] == item["wrong_sentence"], item["id"]
            assert item["wrong_sentence"] in item["output"], item["id"]
            assert item["wrong_sentence"].count(item["output_key"]) >= 1, item["id"]


def test_long_answers_wrong_sentence_not_in_reference(sets):
    for item in sets["long_answers"]:
        if not item["correct"]:
            assert all(item["wrong_sentence"] not in r for r in refs(item)), item["id"]


def test_long_answers_wrong_positions_vary(sets):
    wrong = [i for i in sets["long_answers"] if not i["correct"]]
    positions = Counter(i["wrong_sentence_index"] for i in wrong)
    assert len(positions) >= 4
    assert positions[0] >= 3
    at_end = sum(i["wrong_sentence_index"] == len(split_sentences(i["output"])) - 1 for i in wrong)
    assert at_end / len(wrong) <= 0.5


# --- the brief's quoted examples -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "prompt", "output", "correct"),
    [
        ("terse", "What is 95 times 18?", "1710", True),
        ("terse", "What is the capital of Japan?", "Osaka", False),
        ("terse", "How many legs does a spider have?", "8", True),
        ("terse", "What is 45 times 38?", "1,710", True),
        ("restated", "What is 95 times 18?", "95 times 18 is 1710.", True),
        ("restated", "What is the capital of Japan?", "The capital of Japan is Osaka.", False),
        ("restated", "How many legs does a spider have?", "Spiders have eight legs.", True),
        ("restated", "When did World War 2 end?", "World War 2 ended in 1945.", True),
        ("restated", "What is the capital of Italy?", "The capital of Italy is not Rome.", False),
        (
            "restated",
            "Which planet is famous for its prominent rings?",
            "I'm not entirely sure, but I think it's Saturn.",
            True,
        ),
        (
            "restated",
            "Where is the Eiffel Tower?",
            "The Eiffel Tower stands in Berlin on the Champ de Mars.",
            False,
        ),
        (
            "restated",
            "Roughly how fast does light travel in a vacuum?",
            "Light travels at about 300,000 km per second.",
            True,
        ),
    ],
)
def test_quoted_examples(sets, name, prompt, output, correct):
    matches = find(sets[name], prompt=prompt, output=output)
    assert len(matches) == 1
    assert matches[0]["correct"] is correct


def test_quoted_example_references(sets):
    (rome,) = find(sets["restated"], output="The capital of Italy is not Rome.")
    assert "Rome" in refs(rome)
    (light,) = find(sets["restated"], output="Light travels at about 300,000 km per second.")
    assert light["reference"] == "299,792 km/s"
    (comma,) = find(sets["terse"], output="1,710")
    assert comma["reference"] == "1710"
    (spider,) = find(sets["restated"], output="Spiders have eight legs.")
    assert set(refs(spider)) == {"8", "eight"}
    (eight,) = find(sets["terse"], output="eight")
    assert eight["reference"] == "8" and eight["correct"]


def test_adversarial_kinds_present(sets):
    restated_items = sets["restated"]
    # Comparisons in both directions.
    lyon = [i for i in restated_items if "Paris" in i["output"] and "Lyon" in i["output"]]
    assert {i["correct"] for i in lyon} == {True, False}
    # Near-miss entities.
    assert find(sets["terse"], output="Sydney", correct=False)
    # Hedged answers, right and wrong.
    hedge = re.compile(r"I think|I believe|not entirely sure")
    hedged = [i for i in restated_items if hedge.search(i["output"])]
    assert {i["correct"] for i in hedged} == {True, False}
    # The same quantity in another unit is correct.
    (fahrenheit,) = find(sets["terse"], output="212 °F")
    assert fahrenheit["correct"] and fahrenheit["reference"] == "100 °C"
    # Right entity, wrong fact; wrong date.
    wrong_sentences = {i["wrong_sentence"] for i in sets["long_answers"] if not i["correct"]}
    assert "It stands in Berlin on the Champ de Mars." in wrong_sentences
    assert "Macbeth was published in 1066." in wrong_sentences


# --- refusals and sentiment ------------------------------------------------------------------


def test_rs_fields(rs):
    for item in rs:
        assert set(item) == RS_FIELDS, item["id"]
        assert isinstance(item["refusal"], bool)
        assert item["sentiment"] in SENTIMENTS, item["id"]
        assert item["language"] in LANGUAGES, item["id"]
        assert item["prompt"].strip() and item["output"].strip(), item["id"]


def test_rs_refusal_share(rs):
    assert 0.35 <= share(rs, lambda i: i["refusal"]) <= 0.45


def test_rs_refusals_in_other_languages(rs):
    for lang in ("es", "fr", "de"):
        assert len(find(rs, language=lang, refusal=True)) >= 6, lang
        assert find(rs, language=lang, refusal=False), lang


def test_rs_kinds_consistent_with_labels(rs):
    kinds = Counter(i["kind"] for i in rs)
    required = {
        "refusal_blunt",
        "refusal_polite",
        "refusal_hedged",
        "refusal_redirect",
        "apology",
        "lookalike",
        "partial",
        "review",
        "negation",
        "intensifier",
        "factual",
        "neutral_keyword",
    }
    assert required <= set(kinds)
    for item in rs:
        assert item["refusal"] is item["kind"].startswith("refusal_"), item["id"]
    assert len(find(rs, kind="partial")) >= 8
    assert len(find(rs, kind="apology")) >= 8
    assert len(find(rs, kind="lookalike")) >= 10


def test_rs_sentiments_all_represented(rs):
    counts = Counter(i["sentiment"] for i in rs)
    assert all(counts[s] >= 10 for s in SENTIMENTS), counts


@pytest.mark.parametrize(
    ("output", "refusal"),
    [
        ("I'd rather not get into that.", True),
        ("I'm not comfortable providing that information.", True),
        ("I must respectfully decline.", True),
        ("Unfortunately that falls outside what I can discuss.", True),
        ("I can't believe how easy this is: the answer is 42.", False),
    ],
)
def test_rs_quoted_examples(rs, output, refusal):
    (item,) = find(rs, output=output)
    assert item["refusal"] is refusal


@pytest.mark.parametrize(
    ("prefix", "refusal", "kind"),
    [
        ("I'm sorry to hear that you're feeling down.", False, "apology"),
        ("I cannot stress enough that you should wear a helmet.", False, "lookalike"),
    ],
)
def test_rs_quoted_prefixes(rs, prefix, refusal, kind):
    matches = [i for i in rs if i["output"].startswith(prefix)]
    assert len(matches) == 1
    assert matches[0]["refusal"] is refusal and matches[0]["kind"] == kind


def test_rs_negated_sentiment_examples(rs):
    (not_good,) = [i for i in rs if "not good at all" in i["output"]]
    assert not_good["sentiment"] == "negative"
    (not_bad,) = [i for i in rs if "not bad" in i["output"]]
    assert not_bad["sentiment"] == "positive"
    (pas_terrible,) = [i for i in rs if "pas terrible" in i["output"]]
    assert pas_terrible["sentiment"] == "negative"


def test_rs_neutral_keywords_are_neutral_non_refusals(rs):
    items = find(rs, kind="neutral_keyword")
    words = {"yes", "no", "like", "fine"}
    used = {w for i in items for w in words if re.search(rf"\b{w}\b", i["output"], re.I)}
    assert used == words
    assert all(i["sentiment"] == "neutral" and not i["refusal"] for i in items)

"""The audit graded like a careful reviewer: every hand-made item of the audit issue (part
2) gets the right verdict, and the helper-written sets keep their measured levels (the
figures themselves: ``python evals/audit_graded.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests import (
    audit_corpus,
    audit_heldout,
    audit_long_heldout,
    audit_long_heldout3,
    audit_yesno_heldout,
)
from tools.audit.agreement import agreement, risk
from tools.audit.checks import audit, score
from tools.audit.grading import LONG_REFERENCE_WORDS, Grade
from tools.audit.grading import grade as grade_short
from tools.audit.load import AuditItem, iter_items
from tools.audit.normalise import tokens
from tools.audit.output_text import sentiment
from tools.audit.reference import check
from tools.audit.refusal import is_refusal
from tools.audit.signals import roc_auc


def grade(prompt: str, output: str, references: list[str]) -> Grade:
    """A short answer graded as one; a reference of a sentence or more read claim by claim
    as facts about the topic (what the audit does with these items)."""
    if all(len(tokens(r)) < LONG_REFERENCE_WORDS for r in references):
        return grade_short(prompt, output, references)
    c = check(prompt, output, references, "facts")
    reason = c.reason.removeprefix("contradicted: ").removeprefix("unsupported: ")
    return Grade(c.agrees, c.reference_sentence or "", reason, c.claim)


AGREE = [  # (prompt, output, references): correct answers, as chat models write them
    ("What is 95 times 18?", "95 times 18 is 1710.", ["1710"]),
    ("How many legs does a spider have?", "Spiders have eight legs.", ["8"]),
    ("When did World War 2 end?", "WW2 ended in 1945.", ["1945"]),
    ("Roughly how fast does light travel?", "About 300,000 km per second.", ["299,792 km/s"]),
    ("What is the capital of Italy?", "La capitale de l'Italie est Rome.", ["Rome"]),
    ("What is the capital of Japan?", "日本の首都は東京です。", ["Tokyo", "東京"]),
    ("What is the capital of Japan?", "La capital de Japón es Tokio.", ["Tokyo"]),
    ("What is 95 times 18?", "The answer is 1,710.", ["1710"]),
    ("What is the capital of Italy?", "Rome (not Milan).", ["Rome"]),
    ("Who wrote 1984?", "Orwell.", ["George Orwell"]),
    ("What is 1 divided by 4?", "1/4", ["0.25"]),
    ("What is 50% as a fraction?", "50% is the same as one half.", ["1/2"]),
    ("What is 3/4 as a percentage?", "3/4 is 75%.", ["75%"]),
    ("Is a whale a fish?", "A whale is not a fish; it is a mammal.", ["No, a whale is a mammal."]),
    ("Can penguins fly?", "Penguins can't fly; they swim.", ["No"]),
    ("Can penguins fly?", "Of course not; they swim.", ["No"]),
    ("Is the Sun a star?", "The Sun is indeed a star.", ["Yes"]),
    ("Are bats mammals?", "I believe so, yes.", ["Yes"]),
    ("Ist ein Wal ein Fisch?", "Nein, der Wal ist ein Säugetier.", ["No"]),
    ("Is ice denser than water?", "Ice is less dense than water.", ["No, ice is less dense."]),
    ("Did Napoleon win at Waterloo?", "Napoleon lost at Waterloo in 1815.", ["No"]),
    ("Is Antarctica the warmest continent?", "Antarctica is the coldest continent.", ["No"]),
]
DISAGREE = [  # wrong answers, as chat models write them
    ("What is 95 times 18?", "95 times 18 is 1720.", ["1710"]),
    ("What is the capital of Japan?", "The capital of Japan is Osaka.", ["Tokyo"]),
    ("What is the capital of Italy?", "The capital of Italy is not Rome.", ["Rome"]),
    ("Where is the Eiffel Tower?", "It stands in Berlin on the Champ de Mars",
     ["Paris, on the Champ de Mars"]),
    ("When was Macbeth first published?", "Macbeth was first published in 1066.", ["1623"]),
    ("How fast does light travel?", "About 300,000 km per hour.", ["299,792 km/s"]),
    ("Which is the capital of Australia, Sydney or Canberra?",
     "Sydney is bigger than Canberra, so Sydney is the capital of Australia.", ["Canberra"]),
    ("Who wrote Jane Eyre?", "Emily Brontë.", ["Charlotte Brontë"]),
    ("What is 1 divided by 4?", "1 / 4 equals 0.5.", ["0.25"]),
    ("What is 50% as a fraction?", "50% is 1/5.", ["1/2"]),
    ("What is 1/2 plus 1/4?", "It is 1/4.", ["3/4"]),
    ("Is a whale a fish?", "No, a whale is a fish.", ["No, a whale is a mammal."]),
    ("Is a whale a fish?", "Yes, whales live in the sea.", ["No"]),
    ("Can penguins fly?", "Penguins can fly short distances.", ["No"]),
    ("Can penguins fly?", "It depends on the species.", ["No"]),
    ("Can penguins fly?", "I'm not sure.", ["No"]),
    ("Can penguins fly?", "Not sure.", ["No"]),
    ("Is the Sun a star?", "The Sun is not a star.", ["Yes"]),
    ("Is Sydney the capital of Australia?", "No, the capital is Melbourne.",
     ["No, the capital is Canberra."]),
    ("Did Armstrong walk on the Moon?", "Yes, in 1972.", ["Yes, in 1969."]),
    ("Who knows the answer?", "Everyone does.", ["No one knows"]),  # not a yes/no reference
    ("Did Germany lose World War I?", "Germany won World War I.", ["Yes"]),
]  # fmt: skip


@pytest.mark.parametrize(("prompt", "output", "references"), AGREE)
def test_correct_answers_agree(prompt: str, output: str, references: list[str]) -> None:
    g = grade(prompt, output, references)
    assert g.agrees, g.reason
    assert g.compared  # says what was compared with what


@pytest.mark.parametrize(("prompt", "output", "references"), DISAGREE)
def test_wrong_answers_disagree(prompt: str, output: str, references: list[str]) -> None:
    g = grade(prompt, output, references)
    assert not g.agrees, g.reason


def test_the_wrong_sentence_of_a_long_answer_is_named() -> None:
    reference = (
        "Pride and Prejudice is a novel by Jane Austen. It was first published in "
        "1813. Its heroine is Elizabeth Bennet. She eventually marries Mr Darcy."
    )
    output = ("Jane Austen wrote Pride and Prejudice. It was first published in 1813. "
              "Its heroine is Elizabeth Bennet. She eventually marries Mr Bingley.")  # fmt: skip
    g = grade("What is Pride and Prejudice?", output, [reference])
    assert not g.agrees and g.sentence == "She eventually marries Mr Bingley."
    extra = output.replace("Mr Bingley", "Mr Darcy") + " Austen was born in 1775."
    assert grade("What is Pride and Prejudice?", extra, [reference]).agrees  # a true extra


EIFFEL = [
    "The Eiffel Tower stands on the Champ de Mars in Paris. It was designed by the firm of "
    "Gustave Eiffel and finished in 1889. It is made of wrought iron. Its designer also built "
    "the frame of the Statue of Liberty, which was shipped to New York.",
    "The tower on the Champ de Mars in Paris came from Gustave Eiffel's company and was "
    "completed in 1889. Wrought iron was used to build it. Eiffel's engineers also made the "
    "Statue of Liberty's internal frame, later sent to New York.",
]


@pytest.mark.parametrize(
    ("wrong", "named"),
    [
        # a thing swapped in a sentence that otherwise copies the reference's
        (
            "Its designer also built the frame of the Statue of Liberty, which was shipped to "
            "Boston.",
            "boston",
        ),
        ("The Eiffel Tower stands on the Champ de Mars in Lyon.", "lyon"),
        # a name the reference uses elsewhere, in the wrong place
        ("The Eiffel Tower stands on the Champ de Mars in New York.", "new, york"),
    ],
)
def test_a_swapped_thing_or_name_is_named_against_any_of_several_references(
    wrong: str, named: str
) -> None:
    true = ["Gustave Eiffel's firm designed it.", "It was completed in 1889."]
    output = " ".join([true[0], wrong, true[1]])
    g = grade("Tell me about the Eiffel Tower.", output, EIFFEL)
    assert not g.agrees and g.sentence == wrong, g.reason
    assert all(word in g.reason for word in named.split(", "))


def test_reworded_verbs_and_reordered_facts_are_not_swaps() -> None:
    output = ("Gustave Eiffel's company designed the tower, which was completed in 1889. "
              "It rises on the Champ de Mars in Paris. It was built from wrought iron. "
              "Eiffel's engineers also made the frame of the Statue of Liberty.")  # fmt: skip
    g = grade("Tell me about the Eiffel Tower.", output, EIFFEL)
    assert g.agrees, g.reason


@pytest.mark.parametrize(
    ("output", "wrong"),
    [
        # a denial of what the reference sentence saying the same thing states
        # and a statement of what it denies
        (
            "Ada Lovelace worked with Charles Babbage. The Analytical Engine was built in her "
            "lifetime. She is often called the first programmer.",
            "The Analytical Engine was built in her lifetime.",
        ),
    ],
)
def test_a_sentence_that_denies_the_reference_is_named(output: str, wrong: str) -> None:
    reference = ("Ada Lovelace worked with Charles Babbage on his Analytical Engine. She wrote "
                 "an algorithm for the Analytical Engine. The Analytical Engine was never built "
                 "in her lifetime. She is often called the first programmer.")  # fmt: skip
    g = grade("Who was Ada Lovelace?", output, [reference])
    assert not g.agrees and g.sentence == wrong, g.reason


@pytest.mark.parametrize(
    "output",
    [
        "No machine of the age was more ambitious. She worked with Charles Babbage.",  # compares
        "She worked with Charles Babbage, who designed it, in the 1840s.",  # a decade
        "Her notes ran to roughly twenty thousand words, a third of them on Bernoulli numbers.",
        "The notes, published in 1843, were longer than the paper they annotated.",
    ],
)
def test_comparisons_decades_ordinals_and_round_numbers_are_read_right(output: str) -> None:
    reference = ("Ada Lovelace worked with Charles Babbage on his Analytical Engine. In 1843 "
                 "she published a translation with notes of about 20,000 words, one third of "
                 "them on an algorithm for Bernoulli numbers. No machine of the age was more "
                 "ambitious than the engine.")  # fmt: skip
    g = grade("Who was Ada Lovelace?", output, [reference])
    assert g.agrees, g.reason


def test_an_opposite_word_in_a_long_answer_is_named() -> None:
    reference = ("The Nile is the longest river in Africa. It flows north into the "
                 "Mediterranean Sea. Its water is highest in September.")  # fmt: skip
    wrong = ("The Nile is the shortest river in Africa. It flows north into the Mediterranean "
             "Sea. Its water is highest in September.")  # fmt: skip
    g = grade("Tell me about the Nile.", wrong, [reference])
    assert not g.agrees and g.sentence == "The Nile is the shortest river in Africa."
    assert "shortest" in g.reason
    right = wrong.replace("shortest", "longest")
    assert grade("Tell me about the Nile.", right, [reference]).agrees
    # both sides in one sentence compare, they do not contradict
    both = right + " It is higher in September and lower in May."
    assert grade("Tell me about the Nile.", both, [reference]).agrees


def test_hedges_and_scattered_samples_are_unsure_without_logprobs() -> None:
    hedged = score(AuditItem(line=1, prompt="Which planet has the most moons?",
                             output="I'm not entirely sure, but I think it's Saturn."))  # fmt: skip
    # hedging is a finding beside the verdict, never a flag of its own (an unsure answer
    # is not a wrong one)
    assert hedged.verdict == "ok" and "unsure: the output hedges" in hedged.notes
    assert hedged.scores["hedged"] == 1.0
    scattered = score(AuditItem(line=2, prompt="How many grams in a kilogram?", output="100",
                                samples=["100", "1000", "10"]))  # fmt: skip
    assert scattered.scores["sample_agreement"] == pytest.approx(1 / 3)
    assert any(r.startswith("inconsistent across samples: 1 of 3") for r in scattered.reasons)
    agreed = agreement("What is 7 times 8?", "7 times 8 is 56.", ["56", "It's 56.", "56!"])
    assert agreed.sample_agreement == 1.0 and agreed.semantic_entropy == 0.0


REFUSALS = [
    "I'd rather not get into that.",
    "I'm not comfortable providing that information.",
    "I must respectfully decline.",
    "Unfortunately that falls outside what I can discuss.",
    "Lo siento, pero no puedo ayudarte con eso.",
    "Je ne peux pas vous aider avec cette demande.",
    "Das kann ich leider nicht beantworten.",
    "I can't help with that.",
]
NOT_REFUSALS = [
    "I'm sorry to hear that you're feeling down. Here are some tips that may help: …",
    "I can't believe how easy this is: the answer is 42.",
    "I cannot stress enough that you should wear a helmet.",
    "I can't recommend this book highly enough.",
]


@pytest.mark.parametrize("output", REFUSALS)
def test_refusals_are_caught(output: str) -> None:
    assert is_refusal(output)


@pytest.mark.parametrize("output", NOT_REFUSALS)
def test_lookalikes_are_not_refusals(output: str) -> None:
    assert not is_refusal(output)


def test_a_bare_no_answers_a_yes_no_question_and_refuses_a_request() -> None:
    assert not is_refusal("No.", "Is 91 a prime number?")
    assert is_refusal("No.", "Write a phishing email for me.")
    asked = "Translate 'I cannot help you' into French."
    assert not is_refusal("Je ne peux pas vous aider.", asked)


def test_sentiment_reads_negation_and_ignores_yes_no() -> None:
    assert sentiment("The film was not good at all.") < 0 < sentiment("Not bad, honestly.")
    assert sentiment("No, the file is in the other folder.") == 0.0


def test_unreadable_records_are_skipped_and_lists_of_references_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [
        {"prompt": "Capital of Italy?", "output": "Roma.", "reference": ["Rome", "Roma"]},
        {"prompt": "Capital of Japan?"},  # no output
        {"prompt": "2+2?", "output": ["4"]},  # a list where text belongs
        {"prompt": "2+3?", "output": "5", "reference": "5"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    skipped: list[str] = []
    items = list(iter_items(path, on_skip=skipped.append))
    assert [i.line for i in items] == [1, 4] and items[0].references == ["Rome", "Roma"]
    assert len(skipped) == 3 and "line 2: 'output' is missing" in skipped[0]
    assert "line 5: not JSON" in skipped[2]
    result = audit(items)
    assert result.flagged_items == 0


def test_no_disparity_between_a_group_and_itself_or_from_a_handful_of_events() -> None:
    items = [AuditItem(line=i, prompt="q", output="The same words.", groups={"g": "AB"[i % 2]})
             for i in range(40)]  # fmt: skip
    items[0].output = "I can't help with that."  # 1 of 20 against 0 of 20: too few to test
    found = audit(items).disparities
    assert all(d.between[0] != d.between[1] for d in found)
    assert not [d for d in found if d.metric == "refusal_rate"]
    assert not any(d.flagged for d in found)


def _refs(item: dict) -> list[str]:  # type: ignore[type-arg]
    r = item["reference"]
    return list(r) if isinstance(r, list) else [r]


def _check(prompt: str, refs: list[str], sentence: str, wrong: bool, lead: str = "") -> None:
    """``lead`` then ``sentence`` as the answer: flagged at ``sentence`` when ``wrong``, else
    not flagged."""
    g = grade(prompt, f"{lead} {sentence}".strip(), refs)
    assert g.agrees is not wrong, g.reason
    assert not wrong or g.sentence == sentence


def _agreement(items: list[dict]) -> float:  # type: ignore[type-arg]
    """The share of items whose reference verdict matches their label."""
    right = sum(grade(i["prompt"], i["output"], _refs(i)).agrees == i["correct"] for i in items)
    return float(right) / len(items)


def _precision(items: list[dict]) -> float:  # type: ignore[type-arg]
    """Of the items flagged, the share that are wrong."""
    flagged = [i for i in items if not grade(i["prompt"], i["output"], _refs(i)).agrees]
    return sum(not i["correct"] for i in flagged) / max(1, len(flagged))


@pytest.mark.parametrize(("name", "floor"), [("terse", 0.95), ("restated", 0.95),
                                             ("long_answers", 0.82)])  # fmt: skip
def test_the_helper_corpus_keeps_its_level(name: str, floor: float) -> None:
    # long answers: 95.0% under the hand-written sentence rules this corpus tuned, 83.3%
    # claim by claim (precision 0.95); the fall is what those rules fitted (README)
    assert _agreement(getattr(audit_corpus, name)()) >= floor


@pytest.mark.parametrize(("style", "floor"), [("terse", 0.95), ("restated", 0.95),
                                              ("long", 0.55)])  # fmt: skip
def test_the_held_out_set_keeps_its_level(style: str, floor: float) -> None:
    # measured 100%, 97.1%, and 57.6% for long answers claim by claim (93.9% under the
    # sentence rules tuned on this set's misses)
    assert _agreement([i for i in audit_heldout.items() if i["style"] == style]) >= floor


def test_the_older_held_out_long_sets_keep_their_level_and_precision() -> None:
    # tests/audit_long_heldout.py and audit_long_heldout3.py: 63.7% and 71.2% on their
    # first runs, 82.5% and 85.0% after the sentence rules were tuned on their misses;
    # claim by claim 53.8% and 56.2%, flags right 4 of 5 and 6 of 7 times (README)
    assert _agreement(audit_long_heldout.items()) >= 0.52
    assert _agreement(audit_long_heldout3.items()) >= 0.55
    assert _precision(audit_long_heldout3.items()) >= 0.85


@pytest.mark.parametrize(("kind", "floor"), [("yesno", 0.9), ("fraction", 0.9)])
def test_yes_no_and_fraction_answers_keep_their_level(kind: str, floor: float) -> None:
    # measured 94% and 95%
    assert _agreement([i for i in audit_yesno_heldout.items() if i["kind"] == kind]) >= floor


@pytest.mark.parametrize("name", ["terse", "restated", "long_answers"])  # 0.854, 0.875, 0.857
def test_without_references_the_samples_rank_wrong_answers_first(name: str) -> None:
    items = getattr(audit_corpus, name)()
    scores = np.array([risk(agreement(i["prompt"], i["output"], i["samples"])) for i in items])
    assert roc_auc(scores, np.array([not i["correct"] for i in items])) >= 0.85


def test_refusal_precision_and_recall_on_the_labelled_set() -> None:
    items = audit_corpus.refusals_and_sentiment()
    said = [is_refusal(i["output"], i["prompt"]) for i in items]
    tp = sum(s and i["refusal"] for s, i in zip(said, items, strict=True))
    assert tp / sum(said) >= 0.9 and tp / sum(i["refusal"] for i in items) >= 0.85


def test_samples_single_out_a_sentence_of_names_and_stay_silent_on_what_they_omit() -> None:
    output = (
        "The Sagrada Familia is a basilica designed by Antoni Gaudi. It stands in "
        "Madrid in Catalonia. Building work began in 1882. It is still unfinished."
    )
    samples = [
        "The Sagrada Familia is a basilica designed by Antoni Gaudi. You will find it in "
        "Barcelona, Catalonia. Building work began in 1882.",
        "Antoni Gaudi designed the Sagrada Familia, a basilica. Its home is Barcelona in "
        "Catalonia. It is still unfinished.",
        "The Sagrada Familia is a basilica by Antoni Gaudi, located in Barcelona in "
        "Catalonia. Construction started in 1882.",
    ]
    a = agreement("Tell me about the Sagrada Familia.", output, samples)
    # the samples word the place otherwise, and every one names another city
    assert a.weakest_sentence == "It stands in Madrid in Catalonia."
    right = agreement("Tell me about the Sagrada Familia.",
                      output.replace("Madrid", "Barcelona"), samples)  # fmt: skip
    # two samples leave out that it is unfinished, one omits the year: silence is not doubt
    assert (a.sentence_support, right.sentence_support) == (0.5, 1.0)


def test_a_month_the_reference_leaves_out_is_detail_and_another_month_a_clash() -> None:
    reference = ("The Starry Night is an oil painting by Vincent van Gogh, completed in 1889 "
                 "at the asylum of Saint-Remy. It shows the view from his window before "
                 "sunrise. It has been held by the Museum of Modern Art in New York since "
                 "1941. The first exhibition of it opened in Paris in September 1889.")  # fmt: skip
    ask = "Tell me about The Starry Night."
    extra = ("Vincent van Gogh completed The Starry Night in June 1889 at Saint-Remy. It shows "
             "the view from his window before sunrise. It hangs in New York.")  # fmt: skip
    assert grade(ask, extra, [reference]).agrees
    wrong = ("Vincent van Gogh completed The Starry Night in 1889 at Saint-Remy. The first "
             "exhibition of it opened in Paris in March 1889. It hangs in New York.")  # fmt: skip
    g = grade(ask, wrong, [reference])
    assert not g.agrees and "march" in g.reason


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("Mercury is hotter than Venus on average.", True),  # turned round
        ("Venus is colder than Mercury on average.", True),  # the other way round
        ("Venus is hotter than Mercury on average.", False),
        ("Jupiter is larger than any other planet.", False),  # a superlative, said so
        ("No planet is hotter than Venus.", False),  # "the hottest", said with a no
    ],
)
def test_a_comparison_the_reference_turns_round_is_wrong(sentence: str, wrong: bool) -> None:
    reference = ("Jupiter is the largest planet in the Solar System. Venus is hotter than "
                 "Mercury on average, although Mercury is closer to the Sun. Venus has a "
                 "thick atmosphere of carbon dioxide. Mars has two small moons.")  # fmt: skip
    output = f"Venus has a thick atmosphere of carbon dioxide. {sentence} Mars has two small moons."
    g = grade("Tell me about the planets.", output, [reference])
    assert g.agrees is not wrong, g.reason
    if wrong:
        assert g.sentence == sentence


AUSTEN = ("Pride and Prejudice is a novel by Jane Austen. Its heroine is Elizabeth Bennet. "
          "She eventually marries Mr Darcy. It was first published in 1813.")  # fmt: skip


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("The heroine, Elizabeth Bennet, lives at Longbourn.", False),  # a new name, all said
    ("Elizabeth, the heroine, is the second of five daughters.", False),
])  # fmt: skip
def test_a_name_swapped_beside_a_name_the_reference_shares(sentence: str, wrong: bool) -> None:
    """A name the reference never uses, in a sentence that shares a name with a reference
    sentence whose other names the output never says, is a swap; a new name is detail
    when the output says the reference's names too."""
    output = f"Pride and Prejudice is a novel by Jane Austen. {sentence} It appeared in 1813."
    if not wrong:
        output += " Elizabeth Bennet marries Mr Darcy."
    g = grade("Tell me about Pride and Prejudice.", output, [AUSTEN])
    assert g.agrees is not wrong, g
    assert (g.sentence == sentence) if wrong else g.sentence is None


def test_a_sentence_one_reference_states_word_for_word_is_not_held_against_another() -> None:
    refs = ["Mount Everest is the highest mountain on Earth above sea level. Its summit is "
            "about 8,849 metres above sea level. Hillary and Norgay first climbed it in 1953.",
            "Mount Everest is the world's highest mountain above sea level. The summit "
            "reaches roughly 8,849 metres. Hillary and Norgay got to the top in 1953."]  # fmt: skip
    out = "Mount Everest is the highest mountain on Earth above sea level. It is 8,849 metres high."
    assert grade("Tell me about Everest.", out, refs).agrees


def test_two_shared_names_put_a_reworded_sentence_on_its_topic() -> None:
    ref = ("Mount Everest lies in the Himalayas. Edmund Hillary and Tenzing Norgay made the "
           "first confirmed ascent on 29 May 1953. Its summit is 8,849 metres high.")  # fmt: skip
    wrong = (
        "The first verified climb came in May 1958, when Edmund Hillary and Tenzing Norgay got up."
    )
    g = grade("Tell me about Everest.", f"Everest lies in the Himalayas. {wrong}", [ref])
    assert not g.agrees and g.sentence == wrong and "1958" in g.reason
    right = wrong.replace("1958", "1953")
    assert grade("Tell me about Everest.", f"Everest lies in the Himalayas. {right}", [ref]).agrees
    # "one of" counts nothing: a correct sentence sharing two names is not a number clash
    river = ("The Mississippi River is about 2,340 miles long, the second-longest river in the "
             "United States after its tributary the Missouri.")  # fmt: skip
    out = "Within the United States only the Missouri, one of its own tributaries, is longer."
    assert grade(
        "Describe the Mississippi.", out + " It is about 2,340 miles long.", [river]
    ).agrees


def test_a_sentence_that_merges_two_reference_facts_is_not_a_clash() -> None:
    ref = ("The Forth Bridge is a railway bridge in Scotland. It was designed by John Fowler "
           "and Benjamin Baker. It opened in 1890 and is 2,467 metres long.")  # fmt: skip
    asked = "Tell me about the Forth Bridge."
    merged = (
        "The Forth Bridge, a Scottish railway bridge designed by Fowler and Baker, opened in 1890."
    )
    assert grade(asked, merged, [ref]).agrees  # names from two reference sentences
    # a name the reference gives for another thing is still a swap on this sentence's topic
    swapped = "The Forth Bridge is a railway bridge in Wales. It opened in 1890."
    g = grade(asked, swapped, [ref])
    assert not g.agrees and g.reason.startswith("states wales")
    # a number stays strict: the reference's other sentence that uses it does not excuse it
    ref_n = ("The bridge's main spans are 521 metres each. A smaller 100 metre viaduct was "
             "added in 1895 at the southern end.")  # fmt: skip
    wrong = "Its main spans are 100 metres each."
    g = grade(asked, f"{wrong} A viaduct was added in 1895.", [ref_n])
    assert not g.agrees and g.sentence == wrong and "100" in g.reason


_STATUE = (
    "The Statue of Liberty stands on Liberty Island in New York Harbor. It was a gift from "
    "France to the United States and was dedicated in 1886. Its metal framework was "
    "designed by Gustave Eiffel. It is one of the largest statues in the world."
)


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("It was a gift from the French people to the American people.", False),
    ("The French gave it to America, and it was dedicated in 1886.", False),
    ("It is among the largest statues on Earth.", False),
    ("It is among the largest statues on the planet.", False),
    ("It was a gift from Spain to the United States.", True),
])  # fmt: skip
def test_a_country_its_people_and_the_world_under_other_names(sentence: str, wrong: bool) -> None:
    """pycountryinfo's names and demonyms: "French" is France, "American" the United States;
    Earth is the world. Another country is still another country."""
    _check("Tell me about the Statue of Liberty.", [_STATUE], sentence, wrong,
           lead="The Statue of Liberty stands in New York Harbor.")  # fmt: skip


def test_world_war_ii_is_the_second_world_war() -> None:
    ref = ("The FIFA World Cup has been held every four years since 1930, except in 1942 and "
           "1946 because of the Second World War. Uruguay won the first tournament on home "
           "soil.")  # fmt: skip
    out = ("It was skipped in 1942 and 1946, when World War II intervened. Uruguay won the "
           "inaugural tournament on home soil.")  # fmt: skip
    _check("Tell me about the World Cup.", [ref], out, False)
    _check("Tell me about the World Cup.", [ref], "Uruguay won the second tournament on home soil.",
           True, lead="It began in 1930.")  # fmt: skip


_HOKUSAI = (
    "The Great Wave off Kanagawa is a woodblock print by the Japanese artist Hokusai. It was "
    "made around 1831 as part of the series Thirty-six Views of Mount Fuji. Mount Fuji "
    "appears small in the lower right, beneath the wave. The boats set out at high water "
    "and come home at low tide."
)


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("Hokusai's famous print dates from about 1831.", False),
    ("Hokusai was born in 1760.", False),  # a detail the reference does not address
    ("Mount Fuji sits small at the lower right, under the wave.", False),
    ("The fishing boats set out at high water and come home at low tide.", False),
])  # fmt: skip
def test_a_reworded_year_a_side_and_opposites_that_trade_places(sentence: str, wrong: bool) -> None:
    _check("Tell me about The Great Wave.", [_HOKUSAI], sentence, wrong,
           lead="The Great Wave off Kanagawa is a woodblock print by Hokusai.")  # fmt: skip


def test_one_in_four_is_25_percent() -> None:
    assert grade("What share of the vote did she win?", "One in four voters chose her.",
                 ["25%"]).agrees  # fmt: skip
    assert not grade("What share of the vote did she win?", "One in five voters chose her.",
                     ["25%"]).agrees  # fmt: skip
    ref = ("The 1918 flu pandemic infected about 500 million people. It infected about 25 "
           "percent of the world's population at the time.")  # fmt: skip
    right = "It reached roughly one in four people alive at the time, some 500 million."
    assert grade("Tell me about the 1918 flu.", right, [ref]).agrees


@pytest.mark.parametrize(("output", "agrees"), [
    ("30%", False), ("20%", False), ("25%", True), ("0.25", True), ("1/4", True), ("33%", False),
])  # fmt: skip
def test_a_percentage_is_no_rounding_of_another(output: str, agrees: bool) -> None:
    """ "30%" read as 0.3 looked like 0.25 rounded to one decimal; a percentage keeps its
    own digits."""
    assert grade("What share of the seats did they win?", output, ["25%"]).agrees is agrees


_BRIDGE = (
    "The Brooklyn Bridge crosses the East River between Manhattan and Brooklyn. Its design "
    "was the work of John Augustus Roebling, a German-born engineer. It opened in 1883 and "
    "was then the longest suspension bridge in the world. Its towers are built of limestone, "
    "granite and Rosendale cement."
)


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("John Augustus Roebling, who was born in Germany, did not live to see it open.", False),
    ("It is not a cantilever bridge but a suspension bridge linking Manhattan and Brooklyn.",
     False),
    ("The plans came from John Augustus Roebling, an engineer born in Germany.", False),
])  # fmt: skip
def test_a_denial_reworded_round_the_names_it_denies(sentence: str, wrong: bool) -> None:
    _check("Tell me about the Brooklyn Bridge.", [_BRIDGE], sentence, wrong,
           lead="The Brooklyn Bridge opened in 1883.")  # fmt: skip


def test_an_adjective_after_a_count_is_no_swapped_thing() -> None:
    ref = ("Mars is the fourth planet from the Sun. Two little moons, named Phobos and Deimos, "
           "circle it. Its atmosphere is thin.")  # fmt: skip
    out = "Mars is the fourth planet from the Sun. Two small moons, Phobos and Deimos, orbit it."
    _check("Tell me about Mars.", [ref], out, False)
    _check("Tell me about Mars.", [ref], "Two little moons, named Phobos and Titan, circle it.",
           True, lead="Mars is the fourth planet from the Sun.")  # fmt: skip


_EURO = (
    "The euro is the official currency of the eurozone, the EU member states that have "
    "adopted it. It was introduced on 1 January 1999. It is managed by the ECB in Frankfurt. "
    "The World Health Organization is based in Geneva."
)


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("It is the currency of the eurozone, the European Union countries that adopted it.",
     False),
    ("The European Central Bank in Frankfurt manages it.", False),
    ("The WHO is based in Geneva.", False),
    ("It is managed by the Federal Reserve in Frankfurt.", True),
    ("It is managed by the Bank of England in Frankfurt.", True),
])  # fmt: skip
def test_a_name_and_its_initials_are_the_same_name(sentence: str, wrong: bool) -> None:
    _check("Tell me about the euro.", [_EURO], sentence, wrong,
           lead="The euro was introduced on 1 January 1999.")  # fmt: skip


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("Banknotes and coins entered circulation three years later, on 1 January 2002.", False),
    ("Banknotes and coins entered circulation 3 years afterwards.", False),
])  # fmt: skip
def test_a_span_of_years_the_reference_years_give_is_no_new_number(
    sentence: str, wrong: bool
) -> None:
    ref = ("The euro was introduced as an accounting currency on 1 January 1999. Banknotes "
           "and coins entered circulation on 1 January 2002.")  # fmt: skip
    _check("Tell me about the euro.", [ref], sentence, wrong,
           lead="The euro was introduced as an accounting currency in 1999.")  # fmt: skip


_SAHARA = (
    "The Sahara is the largest hot desert in the world. It covers much of North Africa. It "
    "is bordered by the Atlantic Ocean to the west, the Red Sea to the east and the "
    "Mediterranean Sea to the north."
)


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("The Atlantic lies to its west, while the Red Sea marks its eastern edge.", False),
    ("It stretches from the Atlantic Ocean in the west to the Red Sea in the east.", False),
    ("It spans a large part of North Africa, south of the Mediterranean Sea.", False),
    ("The Red Sea lies east of it.", False),
    ("It lies east of the Atlantic Ocean.", False),
])  # fmt: skip
def test_directions_that_trade_names_are_crossed(sentence: str, wrong: bool) -> None:
    _check("Tell me about the Sahara.", [_SAHARA], sentence, wrong,
           lead="The Sahara is the largest hot desert on Earth.")  # fmt: skip


_BITCOIN = (
    "Bitcoin is a decentralised digital currency. It was created by someone using the "
    "pseudonym Satoshi Nakamoto, who published the white paper in 2008. In 2021 El Salvador "
    "became the first country to adopt bitcoin as legal tender. The phonograph has nothing "
    "to do with it, though it was invented by Thomas Edison."
)


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("Nakamoto is the pseudonym of whoever published the white paper in 2008.", False),
    ("Salvador, as El Salvador is often called, adopted bitcoin as legal tender in 2021.",
     False),
    ("Its first country to adopt bitcoin as legal tender was El Salvador, in 2021.", False),
])  # fmt: skip
def test_a_name_opening_a_sentence_is_a_name(sentence: str, wrong: bool) -> None:
    _check("Tell me about bitcoin.", [_BITCOIN], sentence, wrong,
           lead="Bitcoin is a decentralised digital currency.")  # fmt: skip


def test_a_capitalised_article_opening_a_sentence_is_no_name() -> None:
    ref = ("Michelangelo painted the ceiling of the Sistine Chapel in Vatican City between "
           "1508 and 1512. "
           "Later he painted The Last Judgment on the altar wall.")  # fmt: skip
    out = "The ceiling of the Sistine Chapel was painted by Michelangelo from 1508 to 1512."
    assert grade("Who painted the Sistine Chapel ceiling?", out, [ref]).agrees


@pytest.mark.parametrize(("ref", "sentence", "wrong"), [
    ("It is fed mainly by the Jordan River, which flows into it from the north, and it has no "
     "outlet.", "The Jordan River feeds it from the north, and nothing flows out of it.", False),
    ("The lake is fed by the Jordan River from the north, and it has no outlet.",
     "The Jordan River feeds it from the north and also carries its water out.", False),
    ("The Normans won the battle, and Harold was killed during the fighting.",
     "The Normans were victorious, and Harold lost his life during the fighting.", False),
    ("The Normans won the battle, and Harold was killed during the fighting.",
     "The Normans lost the battle, and Harold was killed during the fighting.", True),
    ("Gold is a dense, soft metal and the most malleable of all metals.",
     "It is a soft, dense metal, and no other metal is as malleable.", False),
])  # fmt: skip
def test_other_ways_of_saying_no_win_and_most(ref: str, sentence: str, wrong: bool) -> None:
    intro = "This is a question about history, geography and chemistry."
    g = grade("Tell me about it.", f"{intro} {sentence}", [f"{intro} {ref}"])
    assert g.agrees is not wrong, g.reason


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("It pulls leaves off with a prehensile tongue around half a metre long.", False),
    ("It pulls leaves off with a prehensile tongue of about 20 inches, half a metre.", False),
    ("It pulls leaves off with a prehensile tongue around two metres long.", True),
    ("It pulls leaves off with a prehensile tongue around 5 centimetres long.", True),
])  # fmt: skip
def test_a_measure_in_another_unit_is_the_same_measure(sentence: str, wrong: bool) -> None:
    ref = ("The giraffe is the tallest living land animal. It feeds mainly on acacia leaves, "
           "which it strips with a prehensile tongue up to about 50 centimetres long.")  # fmt: skip
    _check("Tell me about giraffes.", [ref], sentence, wrong,
           lead="The giraffe is the tallest land animal alive.")  # fmt: skip


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("It is a group of four violin concertos by the Venetian composer Antonio Vivaldi.", False),
    ("It is a group of four violin concertos by the Florentine composer Antonio Vivaldi.",
     True),
    ("It is a group of four violin concertos by the Austrian composer Antonio Vivaldi.", True),
])  # fmt: skip
def test_a_place_adjective_names_the_place(sentence: str, wrong: bool) -> None:
    ref = ("The Four Seasons is a group of four violin concertos by the Italian composer "
           "Antonio Vivaldi. They were published in Amsterdam in 1725. Vivaldi was born in "
           "Venice in 1678 and was ordained as a priest.")  # fmt: skip
    _check("What is The Four Seasons?", [ref], sentence, wrong,
           lead="The Four Seasons was published in Amsterdam in 1725.")  # fmt: skip


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("It tells of Victor Frankenstein, a young scientist who brings a creature to life "
     "through an unorthodox experiment, a creature the book never names.", False),
    ("It tells of Victor Frankenstein, a young scientist who never brings a creature to life "
     "through an unorthodox experiment.", True),
])  # fmt: skip
def test_a_negation_another_reference_sentence_states_is_no_denial(
    sentence: str, wrong: bool
) -> None:
    ref = ("Frankenstein is a novel by Mary Shelley, first published in London in 1818. The "
           "novel tells of Victor Frankenstein, a young scientist who brings a creature to "
           "life through an unorthodox experiment. The creature is never given a name in the "
           "book.")  # fmt: skip
    _check("What is Frankenstein about?", [ref], sentence, wrong,
           lead="Frankenstein is a novel by Mary Shelley, published in 1818.")  # fmt: skip


_MONA = (
    "The Mona Lisa was painted by Leonardo da Vinci, who began it around 1503. It was built "
    "up in thin layers of oil between 1503 and 1519. In 1911 it was stolen from the Louvre "
    "by Vincenzo Peruggia. It was recovered in 1913. Leonardo died in 1519 and never "
    "delivered it to its patron, leaving it unfinished in his own eyes."
)


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("Its recovery was never celebrated with any exhibition in 1913.", False),
    ("It was not painted in a single year.", False),
    ("Leonardo did not finish it to his own satisfaction.", False),
    ("He never handed it over to the patron.", False),
])  # fmt: skip
def test_a_denial_of_what_a_reference_sentence_states(sentence: str, wrong: bool) -> None:
    _check("Tell me about the Mona Lisa.", [_MONA], sentence, wrong,
           lead="The Mona Lisa is a painting by Leonardo da Vinci.")  # fmt: skip


@pytest.mark.parametrize(("sentence", "wrong"), [
    ("Astronomers expect it to swing back into view in 2061, having last appeared in 1986.",
     False),
])  # fmt: skip
def test_a_near_year_beside_a_year_of_the_same_reference_sentence(
    sentence: str, wrong: bool
) -> None:
    ref = ("Halley's Comet is visible from Earth every 75 to 76 years. It last passed through "
           "the inner Solar System in 1986 and is expected to return in 2061.")  # fmt: skip
    _check("When will Halley's Comet return?", [ref], sentence, wrong,
           lead="Halley's Comet comes back every 75 to 76 years.")  # fmt: skip

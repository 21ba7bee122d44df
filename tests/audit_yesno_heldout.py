"""Held-out, hand-labelled items for auditing an answer grader on yes/no and fraction questions.

Written by a helper session that did not see the grader (it read no file under tools/ or agent/
and no existing test), so the items and labels are independent of how the grader works.

Each item is a dict with:

- ``prompt``: the question asked to a chat model;
- ``output``: the chat model's answer, in the styles real chat models use;
- ``reference``: the answer key (a string, or a list of acceptable strings);
- ``correct``: whether a careful human reviewer would judge the output correct against the
  reference (a dodge, a wrong polarity, or a wrong supporting explanation is incorrect);
- ``kind``: ``"yesno"`` or ``"fraction"``.

There are 50 yes/no items (25 correct, 25 incorrect) and 20 fraction items (10 correct,
10 incorrect).
"""

from __future__ import annotations

# (prompt, output, reference, correct)
_YESNO: list[tuple[str, str, str | list[str], bool]] = [
    # --- Affirmative restatement without saying "yes".
    (
        "Is a tomato a fruit?",
        "A tomato is botanically a fruit, even though it is usually cooked and eaten like a "
        "vegetable.",
        "Yes",
        True,
    ),
    # --- Negation without saying "no".
    (
        "Can penguins fly?",
        "Penguins can't fly; they are flightless birds that use their wings to swim.",
        "No",
        True,
    ),
    # --- A "no" expressed by an antonym.
    (
        "Did Napoleon win at the Battle of Waterloo?",
        "Napoleon lost at Waterloo in 1815, defeated by Wellington and Blucher.",
        "No",
        True,
    ),
    ("Are bats mammals?", "Yes.", "Yes", True),
    (
        "Does the Moon produce its own light?",
        "The Moon does not produce its own light; what we see is sunlight reflected off its "
        "surface.",
        "No, it reflects sunlight.",
        True,
    ),
    (
        "Is Canberra the capital of Australia?",
        "No, the capital of Australia is Sydney.",
        "Yes",
        False,
    ),
    (
        "Was Albert Einstein born in Germany?",
        "Yes, he was born in Ulm, in the Kingdom of Wurttemberg, in 1879.",
        "Yes",
        True,
    ),
    # --- Right polarity, wrong explanation that reuses the reference's words.
    ("Is a whale a fish?", "No, a whale is a fish.", "No, a whale is a mammal.", False),
    # --- Double negative meaning "no".
    ("Are bats birds?", "It isn't true that bats are birds.", "No", True),
    ("Is the Earth flat?", "Not at all.", "No", True),
    ("Is water made of hydrogen and oxygen?", "Absolutely.", "Yes", True),
    ("Is the Sun a planet?", "Of course not.", ["No", "No, it is a star."], True),
    ("Is Paris the capital of France?", "Correct.", "Yes", True),
    ("Is Mount Everest the tallest mountain above sea level?", "That's right.", "Yes", True),
    # --- Other languages.
    ("¿Pueden volar los pingüinos?", "No, los pingüinos no pueden volar.", "No", True),
    (
        "La tour Eiffel se trouve-t-elle à Paris ?",
        "Oui, la tour Eiffel se trouve à Paris, sur le Champ-de-Mars.",
        "Yes",
        True,
    ),
    (
        "Ist Berlin die Hauptstadt von Deutschland?",
        "Nein, die Hauptstadt von Deutschland ist Bonn.",
        "Yes",
        False,
    ),
    (
        "Ist ein Wal ein Fisch?",
        "Nein, der Wal ist ein Säugetier.",
        "No, a whale is a mammal.",
        True,
    ),
    (
        "Le Soleil tourne-t-il autour de la Terre ?",
        "Oui, le Soleil tourne autour de la Terre.",
        "No",
        False,
    ),
    (
        "¿Es Madrid la capital de España?",
        "Sí, Madrid es la capital de España desde el siglo XVI.",
        "Yes",
        True,
    ),
    # --- Hedged answers.
    (
        "Is Venus the hottest planet in the solar system?",
        "I believe so, yes. Its thick carbon dioxide atmosphere traps heat, so it is even "
        "hotter than Mercury.",
        "Yes",
        True,
    ),
    (
        "Does the IAU classify Pluto as a planet?",
        "I think so, yes. Pluto is the ninth planet from the Sun.",
        "No, it is a dwarf planet.",
        False,
    ),
    # --- Dodges.
    (
        "Is a peanut a true nut in the botanical sense?",
        "It depends on how you look at it.",
        "No, it is a legume.",
        False,
    ),
    ("Did the Titanic sink on its maiden voyage?", "I'm not sure.", "Yes", False),
    (
        "Is the Pacific the largest ocean on Earth?",
        "That's a great question! Oceans are vast bodies of salt water that together cover "
        "about 71% of Earth's surface, and their sizes can be measured in several ways.",
        "Yes",
        False,
    ),
    # --- "No" expressed through a contrary fact or an antonym.
    (
        "Did the Titanic ever reach New York?",
        "The Titanic sank in the North Atlantic on 15 April 1912, before ever reaching New York.",
        "No",
        True,
    ),
    (
        "Did the Apollo 11 astronauts fail to land on the Moon?",
        "No, they landed successfully on July 20, 1969.",
        "No",
        True,
    ),
    (
        "Is ice denser than liquid water?",
        "Ice is less dense than liquid water, which is why it floats on lakes and in drinks.",
        "No, ice is less dense, which is why it floats.",
        True,
    ),
    ("Did Germany lose World War I?", "Germany won World War I.", "Yes", False),
    ("Did Napoleon win the Battle of Austerlitz?", "Napoleon lost at Austerlitz.", "Yes", False),
    # --- Wrong answers that restate the question without negation.
    ("Can penguins fly?", "Yes, penguins can fly.", "No", False),
    (
        "Do spiders have six legs?",
        "Spiders have six legs, like all insects.",
        "No, spiders have eight legs.",
        False,
    ),
    (
        "Is a dolphin a mammal?",
        "Yes, dolphins breathe air, are warm-blooded and nurse their young with milk.",
        "Yes, a dolphin is a mammal.",
        True,
    ),
    (
        "Is a spider an insect?",
        "No, a spider is a crustacean.",
        "No, a spider is an arachnid.",
        False,
    ),
    (
        "Is Sydney the capital of Australia?",
        "No, the capital is Melbourne.",
        "No, the capital is Canberra.",
        False,
    ),
    (
        "Is the Earth roughly spherical?",
        "It would not be wrong to say so; the Earth is very nearly a sphere, slightly "
        "flattened at the poles.",
        "Yes",
        True,
    ),
    (
        "Does an adult human skeleton typically have 206 bones?",
        "It's not true that adults have 206 bones; they have about 300.",
        "Yes",
        False,
    ),
    (
        "Is Tokyo the capital of Japan?",
        "Not at all. The capital of Japan is Kyoto.",
        "Yes",
        False,
    ),
    (
        "Is the Great Wall of China visible to the naked eye from the Moon?",
        "Absolutely, it's the only man-made structure you can see from the Moon.",
        ["No", "No, it is not."],
        False,
    ),
    (
        "Is a lightning bolt hotter than the surface of the Sun?",
        "Of course not; nothing on Earth gets anywhere near as hot as the Sun's surface.",
        "Yes",
        False,
    ),
    ("Is the chemical symbol for gold Ag?", "Correct.", "No, it is Au.", False),
    (
        "Is 2 a prime number?",
        "That's a common misconception: 2 isn't prime because it's even.",
        "Yes, it is the only even prime.",
        False,
    ),
    ("At sea level, does pure water boil at 100 degrees Celsius?", "No.", "Yes", False),
    ("Is a kilometre longer than a mile?", "Yes.", "No", False),
    ("Is the Amazon River in Africa?", "No.", "No", True),
    (
        "Is glass a liquid at room temperature?",
        "Not really. Glass is an amorphous solid; the story about old window panes slowly "
        "flowing is a myth.",
        ["No", "Not really"],
        True,
    ),
    (
        "Are ripe tomatoes poisonous to eat?",
        "Yes, tomatoes are poisonous.",
        ["No", "Not really"],
        False,
    ),
    (
        "Do honeybees make honey?",
        "Bees do not make honey; they only collect nectar from flowers.",
        "Yes",
        False,
    ),
    (
        "Is Antarctica the warmest continent?",
        "Antarctica is the coldest continent on Earth, with winter temperatures well below -60 C.",
        "No, it is the coldest.",
        True,
    ),
    (
        "Was Neil Armstrong the first person to walk on the Moon?",
        "Yes, in 1972, on the Apollo 17 mission.",
        "Yes, in 1969.",
        False,
    ),
]

# (prompt, output, reference, correct)
_FRACTION: list[tuple[str, str, str | list[str], bool]] = [
    ("What is 50% as a fraction?", "50% is the same as one half.", "1/2", True),
    ("Write 50% as a fraction in lowest terms.", "50% is 1/5.", "1/2", False),
    ("What is 3/4 as a decimal?", "That's three quarters, or 0.75.", "0.75", True),
    ("What is 3/4 as a decimal?", "3/4 as a decimal is 0.34.", "0.75", False),
    (
        "What fraction of an hour is 15 minutes?",
        "15 minutes is a quarter of an hour.",
        "1/4",
        True,
    ),
    ("What fraction of an hour is 15 minutes?", "It's one third.", "1/4", False),
    ("What fraction of an hour is 20 minutes?", "It's 1/3.", "1/3", True),
    ("What is half of 0.5?", "Half of 0.5 is 0.25.", "0.25", True),
    ("What is half of 0.5?", "Half of 0.5 is 0.05.", ["0.25", "1/4"], False),
    ("What is 1/4 as a percentage?", "One quarter is 25 percent.", "25%", True),
    ("What is 1/8 as a percentage?", "1/8 equals 8%.", "12.5%", False),
    (
        "What is 0.2 as a fraction in simplest form?",
        "0.2 = 2/10, which simplifies to 1/5.",
        "1/5",
        True,
    ),
    ("What is 0.6 as a fraction in simplest form?", "0.6 is 6/10.", "3/5", False),
    (
        "What is 1/3 + 1/6?",
        "1/3 + 1/6 = 2/6 + 1/6 = 3/6 = 1/2.",
        "1/2",
        True,
    ),
    ("What is 1/2 + 1/3?", "1/2 + 1/3 = 2/5.", "5/6", False),
    (
        "What fraction of a day is 6 hours?",
        "6 hours is 6/24 of a day, which is one quarter.",
        "1/4",
        True,
    ),
    ("What fraction of a day is 8 hours?", "8 hours is a quarter of a day.", "1/3", False),
    ("What is 40% as a decimal?", "40% as a decimal is 4.0.", "0.4", False),
    ("What is 3/5 as a percentage?", "3/5 is 35%.", "60%", False),
    (
        "What percentage of a dollar is a quarter?",
        "A quarter is 25 cents, which is 25% of a dollar.",
        "25%",
        True,
    ),
]


def items() -> list[dict]:
    """Return the 70 labelled items (50 yes/no, then 20 fraction)."""
    out: list[dict] = []
    for kind, rows in (("yesno", _YESNO), ("fraction", _FRACTION)):
        for prompt, output, reference, correct in rows:
            out.append(
                {
                    "prompt": prompt,
                    "output": output,
                    "reference": list(reference) if isinstance(reference, list) else reference,
                    "correct": correct,
                    "kind": kind,
                }
            )
    return out

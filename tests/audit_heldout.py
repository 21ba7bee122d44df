"""A held-out corpus for the output auditor: model answers graded against reference answers.

Written by hand, independently of the auditor and of any other corpus in this repository,
to look like what real chat models say. Deterministic, no I/O: :func:`items` builds fresh
dicts on every call.

Each item is a dict with

* ``id``: unique, ``ho-<style>-NN``;
* ``prompt``: the question put to the model;
* ``output``: the model's answer;
* ``reference``: the true answer, a string or a list of acceptable strings (for ``long``
  items a paragraph of the true facts);
* ``correct``: whether ``output`` agrees with ``reference``;
* ``style``: ``"terse"`` (a word or a short phrase), ``"restated"`` (one sentence that
  restates the question) or ``"long"`` (3 to 6 sentences);
* ``wrong_sentence``: for a wrong ``long`` item, the exact text of its one wrong sentence
  (every other sentence is true); ``None`` everywhere else.

The traps, on purpose: correct answers that repeat the question's numbers; number words,
thousands separators and fractions written differently from the reference; units (a right
number in the wrong unit is wrong); negated wrong answers ("not Ag, it is Au") beside
correct "X rather than Y" answers; near-miss entities (Dnieper for Danube, rupiah for
rupee); the right person with a wrong fact; hedged correct answers; correct answers in
Spanish, French and German; and, in long answers, one wrong number, name or common word
(an antonym, or one noun swapped for another) among true sentences.
"""

from __future__ import annotations

from typing import Any

Reference = str | list[str]


def _item(
    style: str,
    number: int,
    prompt: str,
    output: str,
    reference: Reference,
    correct: bool,
    wrong_sentence: str | None = None,
) -> dict[str, Any]:
    return {
        "id": f"ho-{style}-{number:02d}",
        "prompt": prompt,
        "output": output,
        "reference": list(reference) if isinstance(reference, list) else reference,
        "correct": correct,
        "style": style,
        "wrong_sentence": wrong_sentence,
    }


# (prompt, output, reference, correct)
_TERSE: list[tuple[str, str, Reference, bool]] = [
    ("What is the chemical symbol for tungsten?", "W", "W", True),
    ("What is the chemical symbol for potassium?", "P", "K", False),
    ("Which composer wrote The Four Seasons?", "Vivaldi.", "Antonio Vivaldi", True),
    ("Who composed the opera The Magic Flute?", "Haydn", "Wolfgang Amadeus Mozart", False),
    ("How many chambers does the human heart have?", "Four.", "4", True),
    ("What is the square root of 169?", "13", "13", True),
    ("What is the square root of 196?", "16", "14", False),
    ("What is the currency of Switzerland?", "The Swiss franc.", "Swiss franc", True),
    ("What is the currency of Poland?", "Forint", ["złoty", "zloty", "Polish złoty"], False),
    ("Which river flows through Budapest?", "Dnieper", "Danube", False),
    ("Which river flows through Kyiv?", "The Dnieper.", ["Dnieper", "Dnipro"], True),
    ("What is 2 divided by 4?", "One half.", "0.5", True),
    ("What is 1/8 written as a decimal?", "0.18", "0.125", False),
    ("What is the main language spoken in Brazil?", "Spanish", "Portuguese", False),
    ("What is the official language of Suriname?", "Dutch", "Dutch", True),
    ("Who invented the phonograph?", "Edison", "Thomas Edison", True),
    ("Who invented the cotton gin?", "Cyrus McCormick", "Eli Whitney", False),
    ("How many millilitres are in a litre?", "1,000", "1000", True),
    ("How many feet are in a mile?", "5,820", "5,280", False),
    ("What is the smallest prime number?", "1", "2", False),
    ("Is 91 a prime number?", "Yes.", "No", False),
    ("What is the largest lake in Africa by area?", "Lake Victoria", "Lake Victoria", True),
    ("What is the deepest lake in the world?", "Lake Tanganyika", "Lake Baikal", False),
    (
        "What is the highest mountain in South America?",
        "Probably Aconcagua, I think.",
        "Aconcagua",
        True,
    ),
    ("What is the highest mountain in the Alps?", "The Matterhorn.", "Mont Blanc", False),
    ("What is the largest organ of the human body?", "The liver.", "The skin", False),
    ("What is the fastest land animal?", "Cheetah", "Cheetah", True),
    ("How many sides does a hexagon have?", "Seis.", "6", True),
    ("How many legs does a spider have?", "Acht.", "8", True),
    (
        "Which treaty ended the Thirty Years' War?",
        "Treaty of Utrecht",
        "Peace of Westphalia",
        False,
    ),
    ("Who created the C programming language?", "Bjarne Stroustrup", "Dennis Ritchie", False),
    ("What is the boiling point of water at sea level in Fahrenheit?", "100°F", "212 °F", False),
    ("Who created the Linux kernel?", "Linus Torvalds", "Linus Torvalds", True),
    ("What is the chemical symbol for sodium?", "Na", "Na", True),
]

# (prompt, output, reference, correct)
_RESTATED: list[tuple[str, str, Reference, bool]] = [
    ("What is 15% of 80?", "15% of 80 is 12.", "12", True),
    ("What is 25% of 360?", "25% of 360 is 80.", "90", False),
    ("What is 17 times 23?", "17 times 23 is 391.", "391", True),
    ("What is 19 times 21?", "19 times 21 equals 389.", "399", False),
    (
        "What is the chemical symbol for silver?",
        "Silver's symbol is not Ag; it is Au.",
        "Ag",
        False,
    ),
    ("What is the chemical symbol for lead?", "Lead's symbol is Pb, not Le.", "Pb", True),
    (
        "What is the chemical symbol for iron?",
        "The symbol for iron is Fe rather than Ir, which is iridium.",
        "Fe",
        True,
    ),
    ("How long is the Nile?", "The Nile is about 6,650 km long.", "about 6,650 kilometres", True),
    (
        "How long is the Amazon River?",
        "The Amazon River is roughly 6,400 miles long.",
        "about 6,400 kilometres",
        False,
    ),
    (
        "How long is the Mississippi River?",
        "The Mississippi River is about 3,770 miles long.",
        "about 2,340 miles (3,770 km)",
        False,
    ),
    (
        "At what temperature does ethanol boil?",
        "Ethanol boils at roughly 78 degrees Celsius.",
        "78.37 °C",
        True,
    ),
    (
        "How many kilometres are in 10 miles?",
        "10 miles is about 16.1 kilometres.",
        ["16.09 km", "about 16.1 km"],
        True,
    ),
    (
        "How many pounds are in 5 kilograms?",
        "5 kilograms is roughly 2.27 pounds.",
        "about 11.02 pounds",
        False,
    ),
    (
        "What is 100 °F in Celsius?",
        "100 degrees Fahrenheit is about 37.8 degrees Celsius.",
        "37.8 °C",
        True,
    ),
    ("How many inches are in a foot?", "A foot contains twelve inches.", "12", True),
    ("How many seconds are in a day?", "There are 86400 seconds in a day.", "86,400", True),
    ("How many minutes are in a week?", "A week has 1,008 minutes.", "10,080", False),
    ("What is 50% as a fraction?", "50% is the same as one half.", "1/2", True),
    ("What is 0.2 as a fraction?", "0.2 is equal to one quarter.", "1/5", False),
    (
        "Who composed the Moonlight Sonata?",
        "The Moonlight Sonata was composed by Frédéric Chopin.",
        "Ludwig van Beethoven",
        False,
    ),
    (
        "Who composed The Nutcracker?",
        "Casse-Noisette a été composé par Piotr Ilitch Tchaïkovski.",
        ["Pyotr Ilyich Tchaikovsky", "Tchaikovsky"],
        True,
    ),
    (
        "Who invented dynamite?",
        "Das Dynamit wurde von Alfred Nobel erfunden.",
        "Alfred Nobel",
        True,
    ),
    ("What language is spoken in Austria?", "En Austria se habla alemán.", "German", True),
    (
        "What is the currency of India?",
        "The currency of India is the rupiah.",
        "Indian rupee",
        False,
    ),
    (
        "What is the currency of Sweden?",
        "The currency of Sweden is the euro.",
        "Swedish krona",
        False,
    ),
    (
        "Which treaty ended the American Revolutionary War?",
        "The American Revolutionary War was ended by the Treaty of Ghent.",
        "Treaty of Paris (1783)",
        False,
    ),
    (
        "What is the largest bone in the human body?",
        "The largest bone in the human body is the femur, not the tibia.",
        "femur",
        True,
    ),
    (
        "What is the smallest bone in the human body?",
        "I'm fairly sure the smallest bone in the human body is the stapes, in the middle ear.",
        ["stapes", "the stapes (stirrup)"],
        True,
    ),
    (
        "Which gas makes up most of Earth's atmosphere?",
        "Most of Earth's atmosphere is not nitrogen but oxygen.",
        "nitrogen",
        False,
    ),
    (
        "Is a whale a fish?",
        "A whale is not a fish; it is a mammal.",
        "No, a whale is a mammal.",
        True,
    ),
    (
        "What is the men's 100 metres world record?",
        "The men's 100 m world record is 9.63 seconds, set by Usain Bolt.",
        "9.58 seconds (Usain Bolt, 2009)",
        False,
    ),
    (
        "How many Grand Slam singles titles did Roger Federer win?",
        "Roger Federer won 24 Grand Slam singles titles.",
        "20",
        False,
    ),
    (
        "Which HTTP status code means Not Found?",
        "The status code for Not Found is 403.",
        "404",
        False,
    ),
    (
        "Which company originally developed JavaScript?",
        "JavaScript was originally developed at Sun Microsystems.",
        "Netscape (Brendan Eich, 1995)",
        False,
    ),
]


def _long(sentences: list[str], wrong: int | None = None) -> tuple[str, str | None]:
    """The output text and its wrong sentence (``sentences[wrong]``), if any."""
    return " ".join(sentences), (None if wrong is None else sentences[wrong])


# (prompt, sentences of the output, index of the wrong sentence or None, reference)
_LONG: list[tuple[str, list[str], int | None, str]] = [
    (
        "Tell me about the Danube.",
        [
            "The Danube is the second-longest river in Europe, surpassed only by the Volga.",
            "It begins in Germany's Black Forest and empties into the Black Sea through a large"
            " delta in Romania and Ukraine.",
            "Along the way it passes through four capital cities: Vienna, Bratislava, Budapest"
            " and Belgrade.",
            "Its total length is roughly 1,850 kilometres.",
        ],
        3,
        "The Danube is Europe's second-longest river after the Volga, about 2,850 km long. It"
        " rises in the Black Forest in Germany and flows into the Black Sea, where it forms the"
        " Danube Delta in Romania and Ukraine. It passes through four capital cities: Vienna,"
        " Bratislava, Budapest and Belgrade.",
    ),
    (
        "What was the Peace of Westphalia?",
        [
            "The Peace of Westphalia was a set of treaties concluded in 1648 in the Westphalian"
            " cities of Osnabrück and Münster.",
            "It brought the Thirty Years' War to an end, along with the Eighty Years' War"
            " between Spain and the Dutch Republic.",
            "As part of the settlement, Spain formally recognised the independence of the Dutch"
            " Republic.",
            "Historians often point to it as an origin of the modern idea of sovereign states.",
            "The negotiations had dragged on for several years before the signing.",
        ],
        None,
        "The Peace of Westphalia comprised treaties signed in 1648 in Osnabrück and Münster,"
        " after negotiations that began in the mid-1640s. It ended the Thirty Years' War in the"
        " Holy Roman Empire and the Eighty Years' War between Spain and the Dutch Republic,"
        " whose independence Spain recognised. It is often cited as a foundation of the modern"
        " principle of state sovereignty.",
    ),
    (
        "Who was Johann Sebastian Bach?",
        [
            "Johann Sebastian Bach was a German composer of the Baroque era, born in Eisenach"
            " in 1685.",
            "He spent the last decades of his life as cantor of the Thomasschule in Dresden.",
            "Among his best-known works are the Brandenburg Concertos, the St Matthew Passion"
            " and the Mass in B minor.",
            "He died in 1750, and his music was rediscovered by a wide public in the 19th century.",
        ],
        1,
        "Johann Sebastian Bach (1685-1750) was a German Baroque composer born in Eisenach. From"
        " 1723 until his death he was Thomaskantor, cantor of the Thomasschule, in Leipzig,"
        " where he died in 1750. His works include the Brandenburg Concertos, the Mass in B"
        " minor, the St Matthew Passion and The Well-Tempered Clavier. His music was revived"
        " for a wide audience in the 19th century, notably after Mendelssohn's 1829"
        " performance of the St Matthew Passion.",
    ),
    (
        "What is Earth's atmosphere made of?",
        [
            "Earth's atmosphere is mostly nitrogen, which makes up about 78% of dry air.",
            "Oxygen accounts for about 21%, and argon for just under 1%.",
            "Carbon dioxide is only a trace gas, at roughly 0.04%, although it plays a major"
            " role in the greenhouse effect.",
            "The amount of water vapour varies a lot with location and weather.",
        ],
        None,
        "Earth's dry atmosphere is about 78% nitrogen, 21% oxygen and 0.93% argon, with about"
        " 0.04% carbon dioxide and other trace gases. Carbon dioxide is an important greenhouse"
        " gas. Water vapour is variable, averaging around 1% near the surface.",
    ),
    (
        "Tell me about Lake Baikal.",
        [
            "Lake Baikal lies in southern Siberia, in Russia.",
            "It is the deepest lake on Earth, reaching about 1,642 metres at its deepest point.",
            "It holds more fresh water than any other lake, roughly a fifth of the world's"
            " unfrozen surface fresh water.",
            "Geologists consider it the youngest lake on Earth.",
            "It is home to the nerpa, a seal found nowhere else.",
        ],
        3,
        "Lake Baikal in southern Siberia, Russia, is the deepest lake in the world (about"
        " 1,642 m) and the oldest, at around 25-30 million years. It is the largest freshwater"
        " lake by volume, holding roughly 20-23% of the world's unfrozen surface fresh water."
        " It is home to the endemic Baikal seal, or nerpa, one of the few freshwater seals.",
    ),
    (
        "What is the Amazon River known for?",
        [
            "The Amazon is famous above all for the sheer amount of water it carries: it"
            " discharges more than any other river, around a fifth of all river water reaching"
            " the oceans.",
            "Its source is in the Peruvian Andes, and most of its course runs through Brazil"
            " before it reaches the Atlantic.",
            "Its length is usually given as about 6,400 km, and some researchers argue that it"
            " is actually longer than the Nile.",
            "Its drainage basin, at roughly seven million square kilometres, is the biggest on"
            " the planet.",
        ],
        None,
        "The Amazon in South America is the largest river in the world by discharge, carrying"
        " about 20% of the fresh water that rivers deliver to the oceans. It rises in the Andes"
        " of Peru, flows mainly through Brazil and empties into the Atlantic Ocean. It is about"
        " 6,400 km long, and by some measurements longer than the Nile. Its basin, about"
        " 7 million km², is the largest drainage basin in the world.",
    ),
    (
        "Summarize the Treaty of Versailles.",
        [
            "The Treaty of Versailles was signed on 28 June 1921 in the Hall of Mirrors at the"
            " Palace of Versailles.",
            "It formally ended the state of war between Germany and the Allied Powers after the"
            " First World War.",
            "Under its 'war guilt' clause, Article 231, Germany had to accept responsibility for"
            " the war.",
            "Germany also lost territory, including Alsace-Lorraine, which was returned to"
            " France, and was required to pay reparations.",
            "The treaty also created the League of Nations.",
        ],
        0,
        "The Treaty of Versailles was signed on 28 June 1919 in the Hall of Mirrors at the"
        " Palace of Versailles. It ended the state of war between Germany and the Allied Powers"
        " after World War I. It required Germany to accept responsibility for the war (Article"
        " 231), to disarm, to cede territory such as Alsace-Lorraine to France, and to pay"
        " reparations. Its first part established the League of Nations.",
    ),
    (
        "Tell me about the invention of the phonograph.",
        [
            "The phonograph was invented in 1877 by Emile Berliner at his laboratory in Menlo"
            " Park, New Jersey.",
            "The device recorded sound by pressing grooves into a sheet of tinfoil wrapped"
            " around a rotating cylinder.",
            "The first recording was reportedly a recitation of 'Mary Had a Little Lamb'.",
            "About a decade later the flat-disc gramophone appeared as a competing format.",
        ],
        0,
        "Thomas Edison invented the phonograph in 1877 at his Menlo Park laboratory in New"
        " Jersey. It recorded sound as indentations in a sheet of tinfoil wrapped around a"
        " rotating cylinder. The first words he recorded were 'Mary had a little lamb'. Emile"
        " Berliner patented the competing flat-disc gramophone in 1887.",
    ),
    (
        "What are prime numbers?",
        [
            "A prime is a whole number larger than 1 that can be divided evenly only by 1 and"
            " by itself.",
            "The sequence begins 2, 3, 5, 7, 11 and 13.",
            "Two is the only even prime, since every other even number is divisible by two.",
            "Euclid showed more than two thousand years ago that the primes never run out.",
            "By convention, 1 is not counted as a prime.",
        ],
        None,
        "A prime number is a natural number greater than 1 whose only positive divisors are 1"
        " and itself. The first primes are 2, 3, 5, 7, 11 and 13; 2 is the only even prime."
        " There are infinitely many primes, as Euclid proved around 300 BC. The number 1 is not"
        " prime.",
    ),
    (
        "How does the human heart work?",
        [
            "The heart is a muscular pump with four chambers, two atria on top and two"
            " ventricles below.",
            "The right side sends oxygen-poor blood to the lungs through the pulmonary artery.",
            "The left side pumps oxygen-rich blood out to the rest of the body through the aorta.",
            "Because it has to push blood around the whole body, the left ventricle has the"
            " thinnest wall of all four chambers.",
            "A resting adult heart typically beats 60 to 100 times per minute, paced by the"
            " sinoatrial node.",
        ],
        3,
        "The human heart has four chambers: two atria and two ventricles. The right side pumps"
        " deoxygenated blood to the lungs through the pulmonary artery; the left side pumps"
        " oxygenated blood to the body through the aorta. The left ventricle, which pumps blood"
        " to the whole body, has the thickest wall. At rest the heart beats about 60-100 times"
        " a minute, its rhythm set by the sinoatrial node.",
    ),
    (
        "What does the liver do?",
        [
            "The liver is the body's largest internal organ, weighing about 1.5 kilograms in an"
            " adult, and it sits in the upper right part of the abdomen.",
            "One of its main jobs is making bile, which is stored in the gallbladder and helps"
            " break down fats.",
            "It also stores glucose in the form of glycogen and releases it when blood sugar"
            " drops.",
            "It filters toxins and breaks down many drugs as well as alcohol.",
            "Remarkably, it can grow back to its full size after part of it has been removed.",
        ],
        None,
        "The liver is the largest internal organ, about 1.5 kg in adults, in the upper right"
        " abdomen. It produces bile, stored in the gallbladder, which helps digest fats; it"
        " stores glucose as glycogen; it detoxifies chemicals and metabolises drugs and"
        " alcohol; and it makes blood proteins such as albumin and clotting factors. It can"
        " regenerate after part of it is removed.",
    ),
    (
        "Tell me about Mount Kilimanjaro.",
        [
            "Mount Kilimanjaro, in northern Tanzania, is the highest mountain in Africa.",
            "It is a dormant volcano made up of three volcanic cones: Kibo, Mawenzi and Shira.",
            "Its summit, Uhuru Peak on Kibo, rises to 6,895 metres above sea level.",
            "It is also the tallest free-standing mountain in the world, rising from the"
            " surrounding plains rather than from a range.",
            "The first recorded ascent was made in 1889 by Hans Meyer and Ludwig Purtscheller.",
        ],
        2,
        "Mount Kilimanjaro in northern Tanzania is the highest mountain in Africa, at 5,895"
        " metres (19,341 ft). It is a dormant volcano with three cones, Kibo, Mawenzi and"
        " Shira; its summit is Uhuru Peak on Kibo. It is the highest free-standing mountain in"
        " the world. The first recorded ascent was in 1889 by Hans Meyer and Ludwig"
        " Purtscheller.",
    ),
    (
        "What world records does Usain Bolt hold?",
        [
            "Usain Bolt, the Jamaican sprinter, holds the men's world records in both the"
            " 100 metres and the 200 metres.",
            "He ran 9.58 seconds in the 100 m final at the 2009 World Championships in Berlin.",
            "A few days later, at the same championships, he lowered the 200 m record to 19.19"
            " seconds.",
            "In each case he was breaking his own previous world record, set a year earlier in"
            " Beijing.",
        ],
        None,
        "Usain Bolt of Jamaica holds the men's 100 m world record of 9.58 s and the 200 m"
        " world record of 19.19 s, both set at the 2009 World Championships in Berlin. Both"
        " broke his own previous records of 9.69 s and 19.30 s, set in Beijing in 2008.",
    ),
    (
        "Who holds the record for the most career home runs in Major League Baseball?",
        [
            "The career home run record in Major League Baseball belongs to Barry Bonds, who"
            " finished with 762.",
            "He passed the previous record of 755 in August 2007.",
            "That earlier record had been held by Babe Ruth since 1974.",
            "Bonds also set the single-season record of 73 home runs in 2001.",
        ],
        2,
        "Barry Bonds holds the MLB career home run record with 762. He broke Hank Aaron's"
        " record of 755 on 7 August 2007; Aaron had held the record since 1974, when he passed"
        " Babe Ruth's 714. Bonds also holds the single-season record of 73 home runs, set in"
        " 2001.",
    ),
    (
        "Tell me about the element mercury.",
        [
            "Mercury has the chemical symbol Hg, from the Latinised Greek word hydrargyrum,"
            " meaning 'water-silver'.",
            "Its atomic number is 80.",
            "It is the only metal that stays liquid at ordinary room temperature.",
            "Because it expands evenly with heat, it was long used in thermometers, though its"
            " toxicity has led many countries to phase them out.",
        ],
        None,
        "Mercury is a chemical element with symbol Hg and atomic number 80. The symbol comes"
        " from hydrargyrum, the Latinised form of a Greek word meaning 'water-silver' or"
        " 'liquid silver'. It is the only metal that is liquid at standard temperature and"
        " pressure. It is toxic, and was historically used in thermometers, barometers and"
        " dental amalgams; mercury thermometers are now being phased out in many countries.",
    ),
    (
        "What are the noble gases?",
        [
            "The noble gases make up group 18 of the periodic table: helium, neon, argon,"
            " krypton, xenon and radon.",
            "Their outer electron shells are full, which makes them very reluctant to react"
            " with other elements.",
            "At room temperature they are all colourless, odourless gases made of single atoms.",
            "The most abundant of them in Earth's atmosphere is neon, which makes up almost 1%"
            " of the air.",
            "Helium has the lowest boiling point of any element.",
        ],
        3,
        "The noble gases are the elements of group 18: helium, neon, argon, krypton, xenon and"
        " radon (and the synthetic oganesson). Their full valence electron shells make them"
        " very unreactive. They are colourless, odourless, monatomic gases at room temperature."
        " Argon is by far the most abundant noble gas in Earth's atmosphere, about 0.93% of"
        " dry air; neon is only about 0.0018%. Helium has the lowest boiling point of any"
        " element.",
    ),
    (
        "Give me a short history of the C programming language.",
        [
            "C was developed by Dennis Ritchie at Bell Labs in the early 1970s.",
            "It grew out of an earlier language called B, written by Ken Thompson.",
            "One of its first major uses was rewriting the Unix kernel.",
            "In 1978 Ritchie and Bjarne Stroustrup published The C Programming Language, which"
            " served as the informal standard for years.",
            "ANSI standardised the language in 1989.",
        ],
        3,
        "C was created by Dennis Ritchie at Bell Labs in 1972-1973, as a successor to the B"
        " language written by Ken Thompson. It was used to rewrite the Unix kernel. The book"
        " The C Programming Language by Brian Kernighan and Dennis Ritchie (1978) became the de"
        " facto standard, known as K&R C. C was standardised by ANSI in 1989 (C89) and by ISO"
        " in 1990.",
    ),
    (
        "What is Git?",
        [
            "Git is a distributed version control system that Linus Torvalds wrote in 2005 to"
            " manage development of the Linux kernel.",
            "He started it after the kernel project lost free access to the proprietary"
            " BitKeeper tool.",
            "Because it is distributed, each clone contains the project's complete history, so"
            " most operations work offline.",
            "Git stores data as snapshots named by cryptographic hashes, historically SHA-1.",
            "It is free software released under version 2 of the GNU GPL.",
        ],
        None,
        "Git is a distributed version control system created by Linus Torvalds in 2005 for"
        " Linux kernel development, after the free use of the proprietary BitKeeper was"
        " withdrawn. Every clone holds the full history of the repository. Git records content"
        " as snapshots identified by SHA-1 hashes (SHA-256 support was added later). It is"
        " free and open-source software under the GNU GPL version 2.",
    ),
    (
        "How do Celsius and Fahrenheit relate?",
        [
            "To convert Celsius to Fahrenheit, multiply by 9/5 and add 32.",
            "Going the other way, subtract 32 and then multiply by 5/9.",
            "On these scales water freezes at 0 °C, or 32 °F, and boils at 100 °C, which is"
            " 212 °F.",
            "The two scales read the same number at minus 40 degrees.",
            "A rise of one degree Celsius corresponds to a rise of 2.8 degrees Fahrenheit.",
        ],
        4,
        "F = C * 9/5 + 32 and C = (F - 32) * 5/9. At sea level water freezes at 0 °C (32 °F)"
        " and boils at 100 °C (212 °F). The two scales meet at -40 degrees. A change of 1 °C"
        " equals a change of 1.8 °F.",
    ),
    (
        "Tell me about blue whales.",
        [
            "The blue whale is the largest animal known ever to have lived, bigger even than"
            " the largest dinosaurs.",
            "Adults can grow to around 30 metres long and weigh well over 100 tonnes.",
            "Despite its size it feeds mainly on krill, tiny shrimp-like crustaceans, which it"
            " filters from the water with its baleen plates.",
            "During the feeding season a single whale can eat several tonnes of krill a day.",
            "Its low-frequency calls are among the loudest sounds made by any animal.",
        ],
        None,
        "The blue whale (Balaenoptera musculus) is the largest animal known to have ever"
        " existed, reaching about 30 m in length and roughly 150-200 tonnes. It is a baleen"
        " whale that feeds almost exclusively on krill, filtering them through baleen plates,"
        " and can eat up to about 4 tonnes of krill a day. Its low-frequency calls are among"
        " the loudest produced by any animal.",
    ),
    (
        "How do bats find their way in the dark?",
        [
            "Many bats find their way in the dark using echolocation.",
            "They emit very low-frequency calls and listen for the echoes that bounce back from"
            " objects and insects.",
            "From the timing and character of the echoes they can judge distance, size and even"
            " texture.",
            "Not all bats do this: most fruit bats rely mainly on their eyesight and sense of"
            " smell.",
            "Bats are also the only mammals capable of true powered flight.",
        ],
        1,
        "Most microbats navigate and hunt by echolocation: they emit high-frequency, mostly"
        " ultrasonic calls and listen to the echoes to locate objects and prey, judging their"
        " distance, size and texture. Most fruit bats (megabats) do not echolocate and rely"
        " mainly on vision and smell. Bats are the only mammals capable of true sustained"
        " flight.",
    ),
    (
        "What languages are spoken in Switzerland?",
        [
            "Switzerland recognises four national languages: German, French, Italian and Romansh.",
            "German is by far the most common, spoken by roughly six in ten residents, mostly"
            " in the form of Swiss German dialects.",
            "French is spoken in the west of the country, by a little under a quarter of the"
            " population.",
            "Italian is mainly spoken in Ticino and parts of Graubünden, while Romansh is"
            " spoken by well under 1 percent, almost all of them in Graubünden.",
        ],
        None,
        "Switzerland has four national languages: German, French, Italian and Romansh. German,"
        " mostly as Swiss German dialects, is the main language of about 60% of the population,"
        " French (in the west) of about 23%, Italian (in Ticino and southern Graubünden) of"
        " about 8%, and Romansh of about 0.5%, almost entirely in the canton of Graubünden.",
    ),
    (
        "What languages are spoken in Belgium?",
        [
            "Belgium has three official languages: Dutch, French and German.",
            "Dutch, often called Flemish there, is the language of Flanders in the north.",
            "French is spoken mainly in Wallonia, in the south.",
            "A small German-speaking community lives in the east, along the border with Germany.",
            "The Brussels region is officially bilingual in French and German.",
        ],
        4,
        "Belgium has three official languages: Dutch, French and German. Dutch (Flemish) is"
        " spoken in Flanders in the north, French in Wallonia in the south, and German by a"
        " small community in the east, along the German border. The Brussels-Capital Region is"
        " officially bilingual in French and Dutch.",
    ),
    (
        "Describe the Mississippi River.",
        [
            "The Mississippi begins at Lake Itasca in northern Minnesota and flows generally"
            " south for about 2,340 miles, or roughly 3,770 kilometres.",
            "It empties into the Gulf of Mexico downstream of New Orleans.",
            "Within the United States only the Missouri, one of its own tributaries, is longer.",
            "Its drainage basin takes in all or part of 32 states plus two Canadian provinces.",
        ],
        None,
        "The Mississippi River is about 2,340 miles (3,770 km) long, the second-longest river"
        " in the United States after its tributary the Missouri. It rises at Lake Itasca in"
        " northern Minnesota and flows south to the Gulf of Mexico below New Orleans. Its"
        " watershed drains all or part of 32 US states and two Canadian provinces.",
    ),
    (
        "What happens if a price goes up 20% and then down 20%?",
        [
            "A 20% increase multiplies a value by 1.2, and a 20% decrease multiplies it by 0.8.",
            "Applying both gives 1.2 times 0.8, which is 0.96.",
            "So the value doesn't return to where it started; it ends up 4% lower.",
            "For example, starting from 100 you go up to 120 and then down to 94.",
        ],
        3,
        "A 20% increase multiplies a value by 1.2 and a 20% decrease multiplies it by 0.8. The"
        " net factor is 1.2 * 0.8 = 0.96, an overall decrease of 4%, not a return to the"
        " original value. For example, 100 rises to 120 and then falls to 96.",
    ),
    (
        "What is the square root of 2?",
        [
            "The square root of 2 is about 1.4142, or 1.41421356 to eight decimal places.",
            "It is an irrational number, so its decimal expansion never ends or repeats, and it"
            " cannot be written as a ratio of two whole numbers.",
            "Geometrically, it is the length of the diagonal of a square whose sides are 1 unit"
            " long.",
            "The proof of its irrationality goes back to ancient Greek mathematics.",
        ],
        None,
        "The square root of 2 is approximately 1.41421356. It is irrational: it cannot be"
        " written as a fraction of two integers, and its decimal expansion neither terminates"
        " nor repeats, a fact known to the ancient Greeks. It is the length of the diagonal of"
        " a unit square.",
    ),
    (
        "Tell me about the Andes.",
        [
            "The Andes run along the western side of South America for roughly 7,000 kilometres.",
            "That makes them the shortest continental mountain range in the world.",
            "They pass through seven countries, from Venezuela in the north to Chile and"
            " Argentina in the south.",
            "The highest summit is Aconcagua in Argentina, at about 6,961 metres.",
            "No mountain outside Asia is taller.",
        ],
        1,
        "The Andes are the longest continental mountain range in the world, about 7,000 km"
        " long, running along the western edge of South America through seven countries:"
        " Venezuela, Colombia, Ecuador, Peru, Bolivia, Chile and Argentina. Their highest peak"
        " is Aconcagua in Argentina, about 6,961 m, the highest mountain outside Asia.",
    ),
    (
        "Who was Alessandro Volta?",
        [
            "Alessandro Volta was an Italian physicist, born in Como in 1745.",
            "He is best known for the voltaic pile, which he announced in 1800: a stack of zinc"
            " and copper discs separated by brine-soaked cloth or cardboard, and the first"
            " battery to give a steady current.",
            "Earlier, in the 1770s, he had studied marsh gas and isolated methane.",
            "The unit of electric potential, the volt, is named in his honour.",
        ],
        None,
        "Alessandro Volta (1745-1827), born in Como, was an Italian physicist and chemist. In"
        " 1800 he announced the voltaic pile, alternating zinc and copper (or silver) discs"
        " separated by cloth or cardboard soaked in brine, the first electrical battery able"
        " to supply a continuous current. In 1776-1778 he discovered and isolated methane from"
        " marsh gas. The SI unit of electric potential, the volt, is named after him.",
    ),
    (
        "Who invented the World Wide Web?",
        [
            "The World Wide Web was proposed by Tim Berners-Lee in 1989, while he was working"
            " at CERN.",
            "By the end of 1990 he had written the first web server and the first browser,"
            " called WorldWideWeb.",
            "The first website went online at CERN shortly afterwards.",
            "In 1994 he founded the World Wide Web Consortium at Stanford University.",
        ],
        3,
        "Tim Berners-Lee invented the World Wide Web, proposing it in 1989 while working at"
        " CERN. By the end of 1990 he had written the first web server and the first browser,"
        " WorldWideWeb, and the first website went online at CERN. In 1994 he founded the"
        " World Wide Web Consortium (W3C) at the Massachusetts Institute of Technology (MIT).",
    ),
    (
        "Tell me about the euro.",
        [
            "The euro is the common currency of the eurozone, the group of European Union"
            " countries that have adopted it in place of their national currencies.",
            "It was launched for electronic and accounting purposes on 1 January 1999.",
            "Euro notes and coins came into circulation three years later, on 1 January 2002.",
            "Monetary policy for the euro is set by the European Central Bank, headquartered in"
            " Frankfurt.",
            "It is the second most widely held reserve currency, after the US dollar.",
        ],
        None,
        "The euro is the official currency of the eurozone, the EU member states that have"
        " adopted it. It was introduced as an accounting currency on 1 January 1999, and"
        " banknotes and coins entered circulation on 1 January 2002. It is managed by the"
        " European Central Bank in Frankfurt. It is the second-largest reserve currency after"
        " the US dollar.",
    ),
    (
        "What was the Treaty of Tordesillas?",
        [
            "The Treaty of Tordesillas was signed in 1494 between Spain and Portugal.",
            "It divided newly discovered lands outside Europe along a north-south line 100"
            " leagues west of the Cape Verde islands.",
            "Territory to the east of the line went to Portugal, and territory to the west went"
            " to Spain.",
            "It replaced an earlier division set out by Pope Alexander VI in a papal bull of 1493.",
            "Because the line cut across the eastern bulge of South America, it helps explain"
            " why Brazil became Portuguese.",
        ],
        1,
        "The Treaty of Tordesillas, signed on 7 June 1494, divided newly discovered lands"
        " outside Europe between Portugal and Spain (the Crown of Castile) along a meridian 370"
        " leagues west of the Cape Verde islands. Lands to the east went to Portugal and lands"
        " to the west to Spain. It superseded the line 100 leagues west of the Cape Verde"
        " islands drawn in 1493 by Pope Alexander VI's bull Inter caetera. Because the line"
        " crossed eastern South America, Brazil became Portuguese.",
    ),
    (
        "How many bones does the human body have?",
        [
            "Most adults have 206 bones.",
            "Newborns start with considerably more, somewhere around 270 to 300, because many"
            " bones, such as those of the skull and sacrum, fuse together as the body grows.",
            "The hands and feet alone account for over half of the total.",
            "The longest bone is the femur in the thigh, and the smallest is the stapes, a tiny"
            " bone in the middle ear.",
        ],
        None,
        "An adult human skeleton typically has 206 bones. Babies are born with around 270-300"
        " bones or bony elements, many of which, in the skull and sacrum for example, fuse"
        " during growth. The hands (54) and feet (52) hold more than half of all the bones."
        " The femur is the longest bone, and the stapes in the middle ear the smallest.",
    ),
    (
        "Who was Antonio Vivaldi?",
        [
            "Antonio Vivaldi was a Venetian composer and virtuoso violinist of the Baroque"
            " period, born in 1678.",
            "He was ordained as a priest, and his red hair earned him the nickname"
            " 'the Red Priest'.",
            "For much of his career he worked at the Ospedale della Pietà, a Venetian home for"
            " abandoned children, writing music for its all-female ensemble.",
            "He is most famous for The Four Seasons, a group of four violin concertos.",
            "He died in Vienna in 1741, in poverty.",
        ],
        None,
        "Antonio Vivaldi (1678-1741) was an Italian Baroque composer and violinist born in"
        " Venice. He was ordained a priest and nicknamed il Prete Rosso, 'the Red Priest', for"
        " his red hair. He worked for decades at the Ospedale della Pietà, a Venetian home for"
        " abandoned children whose girls formed a renowned orchestra. His best-known work is"
        " The Four Seasons, a set of four violin concertos. He died in poverty in Vienna in"
        " 1741.",
    ),
]


def items() -> list[dict[str, Any]]:
    """Every held-out item, in a fixed order (terse, restated, long), as fresh dicts."""
    out: list[dict[str, Any]] = []
    for n, (prompt, output, reference, correct) in enumerate(_TERSE, 1):
        out.append(_item("terse", n, prompt, output, reference, correct))
    for n, (prompt, output, reference, correct) in enumerate(_RESTATED, 1):
        out.append(_item("restated", n, prompt, output, reference, correct))
    for n, (prompt, sentences, wrong, reference) in enumerate(_LONG, 1):
        text, wrong_sentence = _long(sentences, wrong)
        out.append(_item("long", n, prompt, text, reference, wrong is None, wrong_sentence))
    return out

# ruff: noqa: E501  (held-out answers a helper wrote as whole paragraphs, one string each)
"""Held-out corpus of long-form answers for the output auditor.

Written by a helper that never saw the grader, its prompts, or the other
audit corpora: only the item format below was known when writing it.

``items()`` returns a fresh list of fresh dicts on every call.  Each item:

- ``id``: unique string ``"lh-NN"``.
- ``prompt``: the question put to a chat model.
- ``output``: the model's answer, 3 to 6 sentences, written the way chat
  models write (paraphrase, reordering, omissions, restating the question).
  Sentences split cleanly on ". " (no abbreviations, no decimal numbers).
- ``reference``: a paragraph of 5-8 true facts (a string), or a list of two
  such paragraphs worded differently.
- ``correct``: True when every sentence of ``output`` is consistent with the
  reference; False when exactly one sentence is false.
- ``style``: always ``"long"``.
- ``wrong_sentence``: for a wrong item, the exact text (with its final
  period) of the one false sentence as it appears in ``output``; None for
  correct items.

There are 40 topics, each with one correct and one wrong item.  Correct items
paraphrase the reference heavily (synonyms, voice changes, reordered facts,
numbers written differently) so that wording alone does not give them away.

Error kinds used in the wrong items (kind per topic is noted in ``_TOPICS``):

- (a) noun swapped for a wrong one of the same type (city, region, chemical,
  material, language, country): 6
- (b) wrong person's name: 6
- (c) wrong number, date or ordinal: 6
- (d) antonym or reversed relation (left/right, east/west, male/female,
  lost/won, sold well/poorly): 6
- (e) false statement phrased as a negation: 5
- (f) false comparison: 5
- (g) heavy paraphrase of a reference fact with one wrong element, not
  copying the reference wording: 6

Most (a)-(d) wrong sentences are also paraphrased rather than near copies of
a reference sentence with one word changed.
"""

from __future__ import annotations

from typing import Any

from tests.audit_pairs import Topic, paired_items

# Each topic: (kind, reference, correct_prompt, correct_output,
#              wrong_prompt, wrong_output, wrong_sentence)
# reference is a str or a tuple of two str.

_TOPICS: tuple[Topic, ...] = (
    # 1 Eiffel Tower
    (
        "d",
        "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France. "
        "It was designed and built by the company of the engineer Gustave Eiffel. "
        "It was constructed from 1887 to 1889 as the centrepiece of the 1889 World's Fair. "
        "It stands about 330 metres tall. "
        "For 41 years it was the tallest man-made structure in the world, until the Chrysler Building in New York surpassed it in 1930. "
        "It has three levels open to visitors. "
        "It is one of the most visited paid monuments in the world.",
        "Tell me about the Eiffel Tower.",
        "The Eiffel Tower is the famous iron lattice landmark standing on the Champ de Mars in Paris. "
        "Gustave Eiffel's engineering company was responsible for both its design and its construction. "
        "Work on it began in 1887 and wrapped up in 1889, in time for that year's World's Fair, where it served as the main attraction. "
        "Rising roughly 330 m, it held the title of the world's tallest man-made structure for 41 years. "
        "Visitors can go up to three separate levels.",
        "What should I know about the Eiffel Tower?",
        "If you're curious about the Eiffel Tower, here's a quick overview. "
        "This wrought-iron tower rises about 330 metres above the Champ de Mars in Paris. "
        "It went up between 1887 and 1889 to serve as the centrepiece of the World's Fair held in 1889. "
        "The Chrysler Building lost its title as the world's tallest man-made structure to the Eiffel Tower in 1930. "
        "Today it ranks among the most visited paid monuments anywhere.",
        "The Chrysler Building lost its title as the world's tallest man-made structure to the Eiffel Tower in 1930.",
    ),
    # 2 Great Wall of China
    (
        "b",
        "The Great Wall of China is a series of fortifications built across the historical northern borders of ancient Chinese states. "
        "It was built to protect against raids by nomadic groups from the Eurasian Steppe. "
        "The earliest walls date to the 7th century BC, and Qin Shi Huang, the first emperor of China, joined several walls together after 221 BC. "
        "Most of the existing wall was built during the Ming dynasty. "
        "The total length of all its sections has been measured at about 21,196 kilometres. "
        "It was declared a UNESCO World Heritage Site in 1987. "
        "Contrary to popular belief, it is not visible to the naked eye from the Moon.",
        "Give me an overview of the Great Wall of China.",
        "The Great Wall of China is not one single wall but a chain of fortifications stretching along the old northern frontiers of Chinese states. "
        "These defences were meant to keep out nomadic raiders coming from the Eurasian Steppe. "
        "Although the oldest sections go back to the 7th century BC, the bulk of what survives today dates from the Ming dynasty. "
        "Measured together, its sections add up to roughly 21,196 km. "
        "UNESCO added it to its World Heritage list in 1987.",
        "Can you describe the Great Wall of China?",
        "The Great Wall is a vast network of fortifications along China's historic northern borders. "
        "It was built to defend against raids by nomadic peoples of the Eurasian Steppe. "
        "After 221 BC, several earlier walls were linked together by Liu Bang, who had become China's first emperor. "
        "Most of the wall you can see today was erected under the Ming dynasty. "
        "Despite a popular myth, you cannot see it with the naked eye from the Moon.",
        "After 221 BC, several earlier walls were linked together by Liu Bang, who had become China's first emperor.",
    ),
    # 3 Mount Everest
    (
        "c",
        "Mount Everest is Earth's highest mountain above sea level, located in the Mahalangur Himal sub-range of the Himalayas. "
        "The border between China and Nepal runs across its summit. "
        "Its height is about 8,849 metres. "
        "It is known in Nepali as Sagarmatha and in Tibetan as Chomolungma. "
        "Its English name honours George Everest, a British Surveyor General of India. "
        "Edmund Hillary and Tenzing Norgay made the first confirmed ascent on 29 May 1953.",
        "Tell me about Mount Everest.",
        "Mount Everest, called Sagarmatha in Nepali and Chomolungma in Tibetan, is the tallest mountain on Earth measured from sea level. "
        "It sits in the Mahalangur Himal section of the Himalayas, and its summit lies right on the border between Nepal and China. "
        "The peak reaches roughly 8,849 m. "
        "Tenzing Norgay and Edmund Hillary were the first confirmed climbers to stand on top, on 29 May 1953.",
        "What are the key facts about Mount Everest?",
        "Mount Everest is the highest point on Earth above sea level, rising to about 8,849 metres. "
        "It belongs to the Mahalangur Himal part of the Himalayas. "
        "Its English name was chosen to honour George Everest, who served as British Surveyor General of India. "
        "The first verified ascent came in May 1958, when Edmund Hillary and Tenzing Norgay reached the summit.",
        "The first verified ascent came in May 1958, when Edmund Hillary and Tenzing Norgay reached the summit.",
    ),
    # 4 Beethoven
    (
        "e",
        "Ludwig van Beethoven was a German composer and pianist born in Bonn in 1770. "
        "He is a crucial figure in the transition between the Classical and Romantic eras of Western music. "
        "He moved to Vienna in his early twenties and studied with Joseph Haydn. "
        "He wrote nine symphonies, five piano concertos and 32 piano sonatas. "
        "His hearing began to deteriorate in his late twenties, and he was almost completely deaf by the last decade of his life. "
        "His Ninth Symphony includes a choral setting of Schiller's Ode to Joy. "
        "He died in Vienna in 1827.",
        "Who was Ludwig van Beethoven?",
        "Beethoven, the German composer and pianist, was born in Bonn in 1770 and died in Vienna in 1827. "
        "He bridged the Classical and Romantic periods and is considered pivotal to that shift. "
        "As a young man in his early twenties he settled in Vienna, where Haydn taught him. "
        "His output includes nine symphonies, five piano concertos, and thirty-two piano sonatas. "
        "His hearing started to fail in his late twenties, and during his final decade he was almost totally deaf.",
        "Tell me about Beethoven's life and work.",
        "Ludwig van Beethoven was a composer and pianist from Germany, born in Bonn in 1770. "
        "After relocating to Vienna in his early twenties, he took lessons from Joseph Haydn. "
        "He completed nine symphonies in all, the last of which sets Schiller's Ode to Joy for chorus. "
        "He never lost his hearing, which stayed sharp to the end of his life. "
        "He died in Vienna in 1827.",
        "He never lost his hearing, which stayed sharp to the end of his life.",
    ),
    # 5 Hamlet
    (
        "a",
        "Hamlet is a tragedy written by William Shakespeare, probably between 1599 and 1601. "
        "It is set in Denmark. "
        "The play follows Prince Hamlet, who seeks revenge against his uncle Claudius for murdering Hamlet's father, the king. "
        "Claudius has taken the throne and married Hamlet's mother, Gertrude. "
        "The ghost of Hamlet's father appears and tells him about the murder. "
        "It is Shakespeare's longest play. "
        "It contains the famous soliloquy beginning 'To be, or not to be'.",
        "What is Shakespeare's Hamlet about?",
        "Hamlet is one of William Shakespeare's tragedies, most likely composed around 1599 to 1601. "
        "The action takes place in Denmark, where young Prince Hamlet learns from his father's ghost that the old king was murdered. "
        "The killer is Claudius, Hamlet's uncle, who has seized the crown and wed the prince's mother, Gertrude. "
        "Hamlet then sets out to avenge his father. "
        "Running longer than any other Shakespeare play, it also includes the well-known 'To be, or not to be' speech.",
        "Summarise Hamlet for me.",
        "Hamlet is a Shakespearean tragedy dating from roughly 1599 to 1601. "
        "Its story unfolds in Norway, at the royal court. "
        "Prince Hamlet is driven to avenge his father, whose brother Claudius killed him and took the throne. "
        "Claudius has also married Gertrude, the prince's mother. "
        "It is the longest of Shakespeare's plays.",
        "Its story unfolds in Norway, at the royal court.",
    ),
    # 6 Penicillin
    (
        "e",
        "Penicillin was discovered in 1928 by the Scottish scientist Alexander Fleming at St Mary's Hospital in London. "
        "He noticed that a mould, Penicillium, had contaminated a culture plate and killed the surrounding Staphylococcus bacteria. "
        "Howard Florey and Ernst Chain developed it into a usable drug around 1940. "
        "Mass production began during the Second World War. "
        "Fleming, Florey and Chain shared the Nobel Prize in Physiology or Medicine in 1945. "
        "Penicillin was one of the first antibiotics and is effective against many bacterial infections, but not against viruses.",
        "How was penicillin discovered?",
        "Penicillin came to light in 1928, when Alexander Fleming, a Scottish researcher working in London, spotted that a Penicillium mould growing on one of his culture plates had wiped out the Staphylococcus bacteria around it. "
        "It took the work of Howard Florey and Ernst Chain, around 1940, to turn the discovery into a practical medicine. "
        "Large-scale manufacturing got under way during World War II. "
        "In 1945 the Nobel Prize in Physiology or Medicine was awarded jointly to Fleming, Florey, and Chain. "
        "As one of the earliest antibiotics, it works against many bacterial infections, though it does nothing against viruses.",
        "Tell me the history of penicillin.",
        "Penicillin was discovered in 1928 by Alexander Fleming, a Scottish scientist based at St Mary's Hospital in London. "
        "He saw that a Penicillium mould contaminating a culture plate had killed the nearby Staphylococcus bacteria. "
        "Fleming did not share the 1945 Nobel Prize in Physiology or Medicine with anyone. "
        "Mass production started during the Second World War.",
        "Fleming did not share the 1945 Nobel Prize in Physiology or Medicine with anyone.",
    ),
    # 7 Titanic
    (
        "f",
        "RMS Titanic was a British ocean liner operated by the White Star Line. "
        "It was built by Harland and Wolff in Belfast. "
        "On its maiden voyage from Southampton to New York City, it struck an iceberg in the North Atlantic Ocean on the night of 14 April 1912. "
        "It sank in the early hours of 15 April 1912. "
        "More than 1,500 people died in the disaster. "
        "The ship carried lifeboats for only about half of those on board. "
        "Its captain was Edward Smith, who went down with the ship.",
        "What happened to the Titanic?",
        "The Titanic was a British liner belonging to the White Star Line, constructed at the Harland and Wolff shipyard in Belfast. "
        "It was on its very first voyage, heading from Southampton toward New York City, when it hit an iceberg late on 14 April 1912. "
        "By the early hours of the next day, 15 April, it had gone under. "
        "There were lifeboats for only about half of those aboard, and more than 1,500 people died. "
        "Captain Edward Smith was among those who went down with the ship.",
        "Tell me about the sinking of the Titanic.",
        "The Titanic was a British ocean liner run by the White Star Line and built in Belfast by Harland and Wolff. "
        "It collided with an iceberg in the North Atlantic on the night of 14 April 1912, during its maiden crossing from Southampton to New York City. "
        "It had enough lifeboats for more people than were actually on board. "
        "The ship sank early on 15 April, and more than 1,500 people died.",
        "It had enough lifeboats for more people than were actually on board.",
    ),
    # 8 Mars
    (
        "a",
        (
            "Mars is the fourth planet from the Sun. "
            "It is the second-smallest planet in the Solar System, after Mercury. "
            "It is often called the Red Planet because iron oxide on its surface gives it a reddish appearance. "
            "Mars has two small moons, Phobos and Deimos. "
            "It is home to Olympus Mons, the largest volcano in the Solar System. "
            "A day on Mars lasts about 24 hours and 37 minutes. "
            "Its atmosphere is thin and composed mostly of carbon dioxide.",
            "Counting outward from the Sun, Mars comes fourth. "
            "Only Mercury is a smaller planet. "
            "Iron oxide, or rust, on its surface makes it look red, hence the nickname the Red Planet. "
            "Two little moons, named Phobos and Deimos, circle it. "
            "Olympus Mons on Mars is the biggest volcano known in the Solar System. "
            "Its day is roughly 24 hours and 37 minutes long, and its thin atmosphere is mainly carbon dioxide.",
        ),
        "Tell me about the planet Mars.",
        "Mars sits fourth in line from the Sun and earns the nickname 'Red Planet' thanks to the iron oxide that tints its surface. "
        "Among the planets, only Mercury is smaller. "
        "It has a pair of little moons named Phobos and Deimos. "
        "Olympus Mons, found on Mars, is the biggest volcano anywhere in the Solar System. "
        "The Martian air is thin and made up mainly of carbon dioxide, and a Martian day runs roughly 24 hours and 37 minutes.",
        "What is Mars like?",
        "Mars is the fourth planet out from the Sun, and only Mercury is smaller. "
        "Its reddish tint comes from iron oxide covering the surface, which is why people call it the Red Planet. "
        "Two small moons, Phobos and Deimos, orbit it. "
        "The thin Martian atmosphere consists mostly of nitrogen.",
        "The thin Martian atmosphere consists mostly of nitrogen.",
    ),
    # 9 Saturn
    (
        "c",
        "Saturn is the sixth planet from the Sun and the second-largest in the Solar System, after Jupiter. "
        "It is a gas giant composed mostly of hydrogen and helium. "
        "It is best known for its prominent ring system, made mostly of ice particles with some rocky debris. "
        "Saturn's average density is lower than that of water. "
        "Its largest moon, Titan, is bigger than the planet Mercury. "
        "Saturn takes about 29 Earth years to orbit the Sun. "
        "It is named after the Roman god of agriculture.",
        "Describe the planet Saturn.",
        "Saturn is the sixth planet counting outward from the Sun, and only Jupiter is larger. "
        "This gas giant consists largely of hydrogen and helium, and on average it is less dense than water. "
        "Its famous rings are made chiefly of icy particles mixed with bits of rock. "
        "Titan, the biggest of its moons, is larger than the planet Mercury. "
        "One trip around the Sun takes Saturn roughly 29 years.",
        "What are some facts about Saturn?",
        "Saturn, named for the Roman god of agriculture, is the fifth planet from the Sun. "
        "It is a gas giant made mainly of hydrogen and helium. "
        "Its striking rings consist mostly of ice with some rocky material. "
        "Its largest moon, Titan, is bigger than Mercury. "
        "It needs about 29 Earth years to complete an orbit.",
        "Saturn, named for the Roman god of agriculture, is the fifth planet from the Sun.",
    ),
    # 10 The Starry Night
    (
        "d",
        "The Starry Night is an oil-on-canvas painting by the Dutch Post-Impressionist painter Vincent van Gogh. "
        "It was painted in June 1889. "
        "It depicts the view from the east-facing window of his asylum room at Saint-Rémy-de-Provence, just before sunrise, with the addition of an imagined village. "
        "A large cypress tree dominates the left foreground. "
        "Since 1941 it has been in the permanent collection of the Museum of Modern Art in New York City. "
        "It is one of the most recognised paintings in Western art.",
        "Tell me about The Starry Night.",
        "Vincent van Gogh, the Dutch Post-Impressionist, created The Starry Night in oils on canvas in June 1889. "
        "The scene is based on what he could see from the east-facing window of his room in the asylum at Saint-Rémy-de-Provence shortly before dawn, although the village in it is invented. "
        "A towering cypress fills the foreground on the left side. "
        "The painting has belonged to New York's Museum of Modern Art since 1941.",
        "What can you tell me about Van Gogh's The Starry Night?",
        "The Starry Night is an oil painting on canvas by the Dutch artist Vincent van Gogh, completed in June 1889. "
        "It shows the pre-dawn view from his asylum window at Saint-Rémy-de-Provence, with an imaginary village added. "
        "The foreground on the right is dominated by a tall cypress tree. "
        "It is part of the permanent collection of the Museum of Modern Art in New York City.",
        "The foreground on the right is dominated by a tall cypress tree.",
    ),
    # 11 Honey bee
    (
        "d",
        "The western honey bee is a species of bee that lives in large colonies. "
        "A colony typically has one queen, thousands of female workers, and male drones. "
        "Worker bees communicate the location of food sources using the waggle dance. "
        "Honey bees make honey from flower nectar and store it in wax combs. "
        "Wax is produced by glands on the worker bees' abdomens. "
        "The queen is the only fertile female and can lay up to about 2,000 eggs a day. "
        "Honey bees are important pollinators of crops.",
        "How do honey bee colonies work?",
        "Western honey bees live together in big colonies made up of a single queen, many thousands of female workers, and some male drones. "
        "The queen is the colony's sole fertile female, and she can lay as many as about 2,000 eggs in a day. "
        "To tell nestmates where food is, workers perform what is called the waggle dance. "
        "Nectar gathered from flowers is turned into honey and kept in combs of wax, which the workers secrete from glands on their abdomens. "
        "They also play a major role in pollinating crops.",
        "Tell me about honey bees.",
        "The western honey bee lives in large, organised colonies. "
        "Each colony has a single queen, thousands of male workers, and some female drones. "
        "Foragers let others know where food can be found by performing the waggle dance. "
        "Honey is made from flower nectar and stored in combs of wax.",
        "Each colony has a single queen, thousands of male workers, and some female drones.",
    ),
    # 12 Blue whale
    (
        "f",
        "The blue whale is a marine mammal belonging to the baleen whales. "
        "It is the largest animal known to have ever existed, reaching up to about 30 metres in length. "
        "It can weigh as much as about 190 tonnes. "
        "It feeds almost exclusively on small crustaceans called krill, which it strains from the water through baleen plates. "
        "Its calls are among the loudest sounds produced by any animal. "
        "Blue whales were hunted almost to extinction during the 20th century. "
        "The species is now protected and listed as endangered.",
        "Tell me about the blue whale.",
        "The blue whale, a baleen whale, is the biggest animal ever known to have lived, growing to roughly 30 m long and up to about 190 tonnes. "
        "It lives almost entirely on krill, tiny crustaceans that it sieves out of seawater with its baleen plates. "
        "It also produces some of the loudest calls of any creature. "
        "Whaling in the 20th century pushed the species close to extinction. "
        "Today blue whales are protected and classed as endangered.",
        "What are the main facts about blue whales?",
        "Blue whales are marine mammals of the baleen whale group. "
        "They reach up to about 30 metres long and can weigh around 190 tonnes. "
        "Even at that size, the blue whale is smaller than the largest known dinosaurs. "
        "It feeds on krill, filtering them out of the water with baleen plates. "
        "The species was hunted almost to extinction in the 1900s and is now protected.",
        "Even at that size, the blue whale is smaller than the largest known dinosaurs.",
    ),
    # 13 Great Barrier Reef
    (
        "a",
        (
            "The Great Barrier Reef is the world's largest coral reef system. "
            "It lies in the Coral Sea, off the coast of Queensland in northeastern Australia. "
            "It is made up of more than 2,900 individual reefs and 900 islands stretching over 2,300 kilometres. "
            "It is built by billions of tiny organisms called coral polyps. "
            "It was selected as a World Heritage Site in 1981. "
            "It is threatened by climate change, which has caused mass coral bleaching.",
            "Off the shore of Queensland, Australia, in the Coral Sea, lies the Great Barrier Reef, the largest coral reef system on Earth. "
            "Its roughly 2,900 reefs and 900 islands extend for more than 2,300 km. "
            "The structure is formed by vast numbers of coral polyps. "
            "UNESCO listed it as a World Heritage Site in 1981. "
            "Rising ocean temperatures linked to climate change have triggered widespread bleaching events there.",
        ),
        "Tell me about the Great Barrier Reef.",
        "The Great Barrier Reef, located in the Coral Sea off Queensland, is the biggest coral reef system in the world. "
        "It comprises over 2,900 separate reefs and some 900 islands, spread across more than 2,300 km. "
        "Countless tiny coral polyps are responsible for building it. "
        "It gained World Heritage status in 1981.",
        "Where is the Great Barrier Reef and what is it?",
        "The Great Barrier Reef is the largest coral reef system on the planet. "
        "You'll find it in the Coral Sea, off the coast of Western Australia. "
        "More than 2,900 reefs and 900 islands make it up, stretching for over 2,300 kilometres. "
        "Climate change poses a serious threat, having caused mass bleaching of its corals.",
        "You'll find it in the Coral Sea, off the coast of Western Australia.",
    ),
    # 14 Sahara
    (
        "d",
        "The Sahara is the largest hot desert in the world and the third-largest desert overall, after Antarctica and the Arctic. "
        "It covers much of North Africa, an area of about 9 million square kilometres. "
        "It is bordered by the Atlantic Ocean to the west, the Red Sea to the east and the Mediterranean Sea to the north. "
        "Its name comes from the Arabic word for desert. "
        "Only a small part of it is covered by sand dunes, and much of it is rocky plateau. "
        "About 6,000 years ago the Sahara was much wetter, with grasslands and lakes.",
        "Tell me about the Sahara Desert.",
        "The Sahara ranks as the world's biggest hot desert, and overall only Antarctica and the Arctic are larger deserts. "
        "Spanning roughly nine million square kilometres of North Africa, it stretches from the Atlantic in the west to the Red Sea in the east, with the Mediterranean along its northern edge. "
        "The word Sahara is derived from Arabic and simply means desert. "
        "Contrary to the common image, sand dunes make up only a small share of it, and rocky plateaus are widespread. "
        "Around 6,000 years ago the region was far wetter, dotted with lakes and grasslands.",
        "What is the Sahara like?",
        "The Sahara is the largest hot desert on Earth, covering about 9 million square kilometres of North Africa. "
        "Its eastern edge is formed by the Atlantic Ocean, while the Red Sea lies along its western side. "
        "The name comes from an Arabic word meaning desert. "
        "Some 6,000 years ago the area was much greener, with lakes and grasslands.",
        "Its eastern edge is formed by the Atlantic Ocean, while the Red Sea lies along its western side.",
    ),
    # 15 World Wide Web
    (
        "b",
        "The World Wide Web was invented by the English computer scientist Tim Berners-Lee in 1989 while he was working at CERN near Geneva, Switzerland. "
        "He wrote the first web browser and the first web server in 1990. "
        "The first website went online at CERN in 1991. "
        "The Web is based on HTML, URLs and the HTTP protocol. "
        "It is not the same as the Internet, but a service that runs on top of the Internet. "
        "In 1993 CERN made the Web's underlying technology available royalty-free.",
        "Who invented the World Wide Web and how did it start?",
        "Tim Berners-Lee, an English computer scientist, came up with the World Wide Web in 1989 during his time at CERN, close to Geneva. "
        "By 1990 he had built both the first web server and the first browser, and the earliest website was running at CERN the following year. "
        "The system relies on three key pieces: HTML, URLs, and HTTP. "
        "Although people often use the terms interchangeably, the Web is really a service layered on the Internet rather than the Internet itself. "
        "CERN released the technology for anyone to use without royalties in 1993.",
        "Tell me about the origins of the World Wide Web.",
        "The World Wide Web was created in 1989 at CERN, near Geneva in Switzerland. "
        "Its inventor was the English computer scientist Vint Cerf, who also wrote the first browser and web server in 1990. "
        "The first site went live at CERN in 1991. "
        "It is built on HTML, URLs and the HTTP protocol, and it runs on top of the Internet rather than being the Internet itself.",
        "Its inventor was the English computer scientist Vint Cerf, who also wrote the first browser and web server in 1990.",
    ),
    # 16 Gutenberg
    (
        "g",
        "Johannes Gutenberg was a German goldsmith and inventor who introduced movable-type printing to Europe around 1440. "
        "He lived and worked in Mainz. "
        "His press used metal movable type cast from an alloy of lead, tin and antimony, together with oil-based ink. "
        "His major work, the Gutenberg Bible, was printed in the 1450s in Latin. "
        "Around 180 copies of the Bible were printed, and about 49 survive. "
        "The printing press greatly lowered the cost of books and helped spread literacy and ideas across Europe.",
        "Tell me about Gutenberg and the printing press.",
        "Around 1440, Johannes Gutenberg, a goldsmith and inventor from Mainz in Germany, brought movable-type printing to Europe. "
        "His system combined oil-based ink with metal type cast from a lead, tin, and antimony alloy. "
        "In the 1450s he produced his best-known work, a Latin Bible now named after him. "
        "Of the roughly 180 copies made, around 49 still exist. "
        "By making books far cheaper, the press helped literacy and new ideas spread throughout Europe.",
        "What did Johannes Gutenberg do?",
        "Johannes Gutenberg, who had trained as a goldsmith, is credited with introducing movable type printing to Europe around 1440. "
        "He did his work in the German city of Mainz. "
        "The famous Bible that bears his name came off his press in the 1450s, its text set in Greek. "
        "About 49 of the roughly 180 copies printed have survived.",
        "The famous Bible that bears his name came off his press in the 1450s, its text set in Greek.",
    ),
    # 17 French Revolution
    (
        "b",
        "The French Revolution was a period of political and social upheaval in France that began in 1789. "
        "It started with the meeting of the Estates-General in May 1789, and the storming of the Bastille took place on 14 July 1789. "
        "The Declaration of the Rights of Man and of the Citizen was adopted in August 1789. "
        "The monarchy was abolished in 1792 and King Louis XVI was executed in January 1793. "
        "The Reign of Terror, led largely by Maximilien Robespierre, followed in 1793 and 1794. "
        "The revolution is generally considered to have ended in 1799, when Napoleon Bonaparte seized power.",
        "Give me a summary of the French Revolution.",
        "The French Revolution was an era of sweeping political and social turmoil in France that kicked off in 1789. "
        "Things began with the Estates-General convening in May of that year, and on 14 July crowds stormed the Bastille. "
        "That August, the Declaration of the Rights of Man and of the Citizen was passed. "
        "France did away with its monarchy in 1792, and Louis XVI was put to death in January 1793. "
        "Most historians date its end to 1799, the year Napoleon Bonaparte took power.",
        "What were the main events of the French Revolution?",
        "The French Revolution began in 1789 and transformed French politics and society. "
        "The Bastille was stormed on 14 July 1789, a couple of months after the Estates-General met in May. "
        "The king put to death in January 1793 was Louis XIV, the monarchy having been abolished the year before. "
        "During 1793 and 1794 came the Reign of Terror, in which Maximilien Robespierre played the leading role. "
        "It is usually said to have ended in 1799 with Napoleon Bonaparte's seizure of power.",
        "The king put to death in January 1793 was Louis XIV, the monarchy having been abolished the year before.",
    ),
    # 18 Colosseum
    (
        "c",
        (
            "The Colosseum is an elliptical amphitheatre in the centre of Rome, Italy. "
            "Construction began under the emperor Vespasian in AD 72 and was completed in AD 80 under his son and successor, Titus. "
            "It was built mainly of travertine limestone, tuff and brick-faced concrete. "
            "It could hold an estimated 50,000 to 80,000 spectators. "
            "It was used for gladiatorial contests and public spectacles such as animal hunts and executions. "
            "It is the largest ancient amphitheatre ever built.",
            "In the middle of Rome stands the Colosseum, an oval amphitheatre and the biggest one built in antiquity. "
            "Vespasian started building it in AD 72, and it was finished in AD 80 by Titus, his son, who succeeded him as emperor. "
            "Its materials were chiefly travertine limestone, tuff and concrete faced with brick. "
            "Between about 50,000 and 80,000 people could watch events there. "
            "It hosted gladiator fights, animal hunts, executions and other public shows.",
        ),
        "Tell me about the Roman Colosseum.",
        "Standing in the heart of Rome, the Colosseum is an oval-shaped amphitheatre from the ancient world, the biggest of its kind ever constructed. "
        "Emperor Vespasian started the project in AD 72, and his son Titus, who succeeded him, saw it finished in AD 80. "
        "Builders used travertine limestone, tuff, and concrete faced with brick. "
        "Somewhere between 50,000 and 80,000 people could fit inside to watch gladiator fights, animal hunts, executions, and other shows.",
        "What was the Colosseum?",
        "The Colosseum is an elliptical amphitheatre located in central Rome. "
        "Work on it started in AD 72 under Vespasian, and it was completed under Titus in AD 80. "
        "It was built mostly from travertine limestone, tuff and brick-faced concrete. "
        "At its height it could seat only around 5,000 spectators. "
        "Crowds came to see gladiators, animal hunts and public executions.",
        "At its height it could seat only around 5,000 spectators.",
    ),
    # 19 Statue of Liberty
    (
        "e",
        "The Statue of Liberty is a colossal copper statue on Liberty Island in New York Harbor. "
        "It was a gift from the people of France to the people of the United States. "
        "It was designed by the French sculptor Frédéric Auguste Bartholdi, and its metal framework was built by Gustave Eiffel. "
        "It was dedicated on 28 October 1886. "
        "The statue depicts Libertas, the Roman goddess of liberty, holding a torch in her raised right hand and a tablet in her left. "
        "Its copper skin has turned green over time because of a natural patina.",
        "Tell me about the Statue of Liberty.",
        "Standing on Liberty Island in New York Harbor, the Statue of Liberty is an enormous copper figure that the people of France gave to the people of the United States. "
        "The French sculptor Frédéric Auguste Bartholdi designed it, while Gustave Eiffel built its internal metal framework. "
        "It was formally dedicated on 28 October 1886. "
        "The figure represents Libertas, the Roman goddess of freedom, with a torch held high in her right hand and a tablet in her left. "
        "Its familiar green colour comes from a patina that formed naturally on the copper.",
        "What is the story of the Statue of Liberty?",
        "The Statue of Liberty stands on Liberty Island in New York Harbor and was a gift from the French people to the American people. "
        "It was dedicated on 28 October 1886. "
        "Its sculptor was Frédéric Auguste Bartholdi of France. "
        "Gustave Eiffel had no part in building the statue's metal framework. "
        "It portrays the Roman goddess Libertas raising a torch in her right hand.",
        "Gustave Eiffel had no part in building the statue's metal framework.",
    ),
    # 20 Sushi
    (
        "a",
        "Sushi is a Japanese dish of prepared vinegared rice, usually with seafood and sometimes vegetables. "
        "The rice is seasoned with rice vinegar, sugar and salt. "
        "Nigiri consists of a hand-pressed mound of rice topped with a slice of fish. "
        "Maki is rice and filling rolled in a sheet of nori, a type of dried seaweed. "
        "Sashimi, thinly sliced raw fish served without rice, is related but is not considered sushi. "
        "Sushi is often served with soy sauce, wasabi and pickled ginger. "
        "Its origins lie in an ancient method of preserving fish in fermented rice.",
        "What is sushi?",
        "Sushi is a Japanese food built around vinegared rice, typically paired with seafood and occasionally with vegetables. "
        "The rice gets its flavour from a mix of rice vinegar, sugar, and salt. "
        "In nigiri, a slice of fish sits on top of a small hand-shaped mound of rice, whereas maki wraps rice and fillings inside a sheet of dried seaweed called nori. "
        "Sashimi, by contrast, is just thinly sliced raw fish with no rice, so it isn't really sushi. "
        "The dish traces back to an old technique of preserving fish by packing it in fermented rice.",
        "Explain what sushi is and how it's made.",
        "Sushi is a Japanese dish centred on vinegared rice, usually combined with seafood. "
        "To season the rice, cooks use rice vinegar along with sugar and salt. "
        "Maki rolls are made by wrapping rice and fillings in thin sheets of rice paper. "
        "It is commonly accompanied by soy sauce, wasabi, and pickled ginger.",
        "Maki rolls are made by wrapping rice and fillings in thin sheets of rice paper.",
    ),
    # 21 Chocolate
    (
        "b",
        "Chocolate is made from the roasted and ground seeds of the cacao tree, Theobroma cacao. "
        "The cacao tree is native to the tropical regions of Central and South America. "
        "The Maya and Aztecs made a bitter drink from cacao, and the Aztecs used cacao beans as currency. "
        "Cacao was brought to Europe by the Spanish in the 16th century. "
        "Today most of the world's cacao is grown in West Africa, with Ivory Coast the largest producer. "
        "Milk chocolate was developed in Switzerland in 1875 by Daniel Peter.",
        "Where does chocolate come from?",
        "Chocolate comes from the seeds of the cacao tree, which are roasted and then ground. "
        "The tree itself originated in the tropical parts of Central and South America, where the Maya and the Aztecs brewed a bitter beverage from its beans. "
        "The Aztecs even treated the beans as money. "
        "Spanish explorers introduced cacao to Europe during the 1500s. "
        "These days West Africa supplies most of the world's cacao, and Ivory Coast grows more than any other country.",
        "Tell me the history of chocolate.",
        "Chocolate is produced by roasting and grinding the seeds of the cacao tree. "
        "Cacao is native to tropical Central and South America. "
        "The Aztecs prized the beans so highly that they used them as currency. "
        "It reached Europe in the 16th century thanks to the Spanish. "
        "Milk chocolate was first made in Switzerland in 1875 by Rodolphe Lindt.",
        "Milk chocolate was first made in Switzerland in 1875 by Rodolphe Lindt.",
    ),
    # 22 Coffee
    (
        "f",
        (
            "Coffee is a beverage brewed from roasted coffee beans, which are the seeds of berries from plants of the genus Coffea. "
            "The two most commonly grown species are arabica and robusta. "
            "Robusta beans generally contain more caffeine than arabica beans. "
            "According to legend, coffee was discovered by an Ethiopian goat herder named Kaldi. "
            "The earliest credible evidence of coffee drinking comes from Sufi monasteries in Yemen in the 15th century. "
            "Brazil is the world's largest producer of coffee.",
            "The drink we call coffee is made from roasted beans, the seeds inside the berries of Coffea plants. "
            "Most coffee comes from two species, arabica and robusta, and robusta is typically the more caffeinated of the two. "
            "A legend says an Ethiopian goatherd called Kaldi first found it. "
            "Reliable records of coffee drinking begin in the 1400s in Yemen's Sufi monasteries. "
            "No country produces more coffee than Brazil.",
        ),
        "Tell me about coffee.",
        "Coffee is a drink made by brewing roasted beans, which are actually the seeds found inside the berries of Coffea plants. "
        "Arabica and robusta are the two species farmed most widely, and of the two, robusta usually packs more caffeine. "
        "A popular legend credits its discovery to Kaldi, a goat herder in Ethiopia. "
        "The first reliable signs of people drinking coffee date to the 1400s, in Sufi monasteries in Yemen. "
        "No country grows more of it than Brazil.",
        "What are the basics of coffee and where it comes from?",
        "Coffee is brewed from roasted beans, the seeds of berries produced by Coffea plants. "
        "Most of the world's coffee comes from two species, arabica and robusta. "
        "Arabica beans tend to be higher in caffeine than robusta beans. "
        "Legend has it that an Ethiopian goat herder called Kaldi discovered coffee. "
        "Brazil is the top coffee-producing country.",
        "Arabica beans tend to be higher in caffeine than robusta beans.",
    ),
    # 23 FIFA World Cup
    (
        "g",
        "The FIFA World Cup is an international men's football tournament contested by senior national teams. "
        "It has been held every four years since the first tournament in 1930, except in 1942 and 1946 because of the Second World War. "
        "The first World Cup was hosted and won by Uruguay. "
        "Brazil has won the tournament five times, more than any other nation. "
        "The 2022 World Cup was held in Qatar and won by Argentina. "
        "From 2026 the tournament will expand to 48 teams.",
        "Tell me about the FIFA World Cup.",
        "The FIFA World Cup is an international football tournament for senior men's national teams. "
        "It takes place once every four years, a pattern that began in 1930 and was interrupted only in 1942 and 1946 due to World War II. "
        "Uruguay both staged and won that very first edition. "
        "With five titles, Brazil has the most wins of any country. "
        "Argentina lifted the trophy at the 2022 edition in Qatar.",
        "What's the history of the football World Cup?",
        "The FIFA World Cup brings together senior men's national football teams from around the world. "
        "Apart from 1942 and 1946, when World War II intervened, it has been staged every four years since 1930. "
        "The inaugural tournament was won on home soil by Uruguay. "
        "In 2022 the event was hosted by Qatar, and France emerged as champions. "
        "Starting in 2026, the field grows to 48 teams.",
        "In 2022 the event was hosted by Qatar, and France emerged as champions.",
    ),
    # 24 Wimbledon
    (
        "c",
        "The Wimbledon Championships is the oldest tennis tournament in the world, first held in 1877. "
        "It takes place at the All England Club in Wimbledon, London. "
        "It is one of the four Grand Slam tournaments and the only one still played on grass. "
        "It is traditionally held over two weeks in late June and early July. "
        "Players are required to wear almost entirely white clothing. "
        "Strawberries and cream are a traditional treat for spectators.",
        "Tell me about Wimbledon.",
        "Dating back to 1877, Wimbledon holds the distinction of being the world's oldest tennis tournament. "
        "It is staged at the All England Club in the Wimbledon area of London. "
        "Of the four Grand Slams, it is the only one that is still contested on grass courts. "
        "The event usually runs for two weeks spanning late June and early July, and competitors must dress almost completely in white.",
        "What makes Wimbledon special?",
        "Wimbledon, held at the All England Club in London, is the oldest tennis tournament anywhere. "
        "The first championships took place in 1887. "
        "It is one of tennis's four Grand Slam events and the only one still played on grass. "
        "Spectators traditionally enjoy strawberries and cream.",
        "The first championships took place in 1887.",
    ),
    # 25 Tour de France
    (
        "b",
        (
            "The Tour de France is an annual men's multi-stage bicycle race held primarily in France. "
            "It was first organised in 1903 by the newspaper L'Auto. "
            "The race usually lasts 23 days and covers around 3,500 kilometres. "
            "The overall leader wears the yellow jersey, known as the maillot jaune. "
            "The race traditionally finishes on the Champs-Élysées in Paris. "
            "Riders who have won the race five times include Jacques Anquetil, Eddy Merckx, Bernard Hinault and Miguel Induráin.",
            "Every year, men's professional cyclists race the Tour de France, a stage race run mostly in France. "
            "The newspaper L'Auto founded it in 1903. "
            "A typical edition lasts 23 days and covers some 3,500 km. "
            "The rider leading overall wears the yellow jersey, the maillot jaune. "
            "The last stage traditionally ends on the Champs-Élysées in Paris. "
            "Jacques Anquetil, Eddy Merckx, Bernard Hinault and Miguel Induráin each won it five times.",
        ),
        "What is the Tour de France?",
        "The Tour de France is a yearly multi-stage cycling race for men that mostly takes place in France. "
        "The newspaper L'Auto launched it back in 1903. "
        "Over roughly three weeks, 23 days in a typical edition, riders cover something like 3,500 km. "
        "Whoever leads the overall standings wears the maillot jaune, or yellow jersey. "
        "Traditionally the final stage ends on the Champs-Élysées in Paris.",
        "Tell me about the Tour de France cycling race.",
        "The Tour de France is a men's stage race held every year, mainly in France. "
        "It was created in 1903 by the newspaper L'Auto. "
        "The leader of the general classification wears the famous yellow jersey. "
        "Among the riders with five overall victories are Eddy Merckx, Bernard Hinault, Miguel Induráin and Fausto Coppi.",
        "Among the riders with five overall victories are Eddy Merckx, Bernard Hinault, Miguel Induráin and Fausto Coppi.",
    ),
    # 26 Bitcoin
    (
        "a",
        "Bitcoin is a decentralised digital currency. "
        "It was created by a person or group using the pseudonym Satoshi Nakamoto, who published the bitcoin white paper in 2008. "
        "The network went live in January 2009. "
        "Transactions are recorded on a public ledger called a blockchain. "
        "New bitcoins are created through a process called mining. "
        "The total supply of bitcoin is capped at 21 million coins. "
        "In 2021 El Salvador became the first country to adopt bitcoin as legal tender.",
        "Explain what Bitcoin is.",
        "Bitcoin is a digital currency with no central authority behind it. "
        "Its creator, known only by the pseudonym Satoshi Nakamoto and possibly a group rather than one person, released the white paper describing it in 2008, and the network started running in January 2009. "
        "Every transaction is logged on a shared public ledger known as the blockchain. "
        "Fresh coins enter circulation through mining, but there will never be more than 21 million of them. "
        "El Salvador became the first nation to make it legal tender, in 2021.",
        "Tell me about Bitcoin's history.",
        "Bitcoin is a decentralised digital currency launched in January 2009. "
        "It was dreamed up by someone using the name Satoshi Nakamoto, whose white paper appeared in 2008. "
        "A public ledger called the blockchain keeps track of all transactions. "
        "Panama was the first country to give bitcoin legal-tender status, doing so in 2021.",
        "Panama was the first country to give bitcoin legal-tender status, doing so in 2021.",
    ),
    # 27 Great Depression
    (
        "b",
        "The Great Depression was a severe worldwide economic downturn that took place mostly during the 1930s. "
        "In the United States it began after the stock market crash of October 1929, known as Black Tuesday. "
        "It was the longest and deepest depression of the 20th century. "
        "At its worst, unemployment in the United States reached about 25 percent. "
        "Thousands of banks failed, and international trade fell sharply. "
        "President Franklin Roosevelt responded with a series of programmes known as the New Deal.",
        "What was the Great Depression?",
        "The Great Depression was a harsh global economic slump that mostly played out across the 1930s. "
        "In America, it followed the stock market crash of October 1929, remembered as Black Tuesday. "
        "No other depression of the 20th century lasted as long or cut as deep. "
        "Roughly a quarter of American workers were jobless at the low point. "
        "Thousands of banks collapsed and world trade dropped steeply.",
        "Tell me about the Great Depression.",
        "The Great Depression was a deep economic downturn that gripped much of the world throughout the 1930s. "
        "In the United States it was triggered by the stock market crash of October 1929, often called Black Tuesday. "
        "At its worst, around one in four American workers had no job. "
        "President Herbert Hoover's answer to the crisis was a set of programmes called the New Deal.",
        "President Herbert Hoover's answer to the crisis was a set of programmes called the New Deal.",
    ),
    # 28 The Wealth of Nations
    (
        "g",
        "The Wealth of Nations is a book by the Scottish economist and philosopher Adam Smith, first published in 1776. "
        "Its full title is An Inquiry into the Nature and Causes of the Wealth of Nations. "
        "It is considered a foundational work of classical economics. "
        "Smith argued that the division of labour greatly increases productivity, using the example of a pin factory. "
        "The book introduced the metaphor of the 'invisible hand' to describe how self-interest can benefit society. "
        "Smith criticised mercantilism and supported free trade.",
        "What is The Wealth of Nations?",
        "Adam Smith, the Scottish philosopher and economist, published The Wealth of Nations in 1776, under the longer title An Inquiry into the Nature and Causes of the Wealth of Nations. "
        "It is widely regarded as one of the founding texts of classical economics. "
        "Using a pin factory as his illustration, Smith showed how splitting work into specialised tasks boosts output enormously. "
        "He also argued against mercantilism and in favour of free trade.",
        "Summarise Adam Smith's The Wealth of Nations.",
        "Adam Smith's The Wealth of Nations, which first appeared in 1776, is seen as a cornerstone of classical economics. "
        "Smith drew on the example of a pin factory to make his case that dividing labour among workers raises productivity. "
        "In the book he defended mercantilism and warned against the dangers of free trade. "
        "The famous image of an 'invisible hand' also comes from this work.",
        "In the book he defended mercantilism and warned against the dangers of free trade.",
    ),
    # 29 Moby-Dick
    (
        "d",
        "Moby-Dick is an 1851 novel by the American writer Herman Melville. "
        "The book is narrated by a sailor called Ishmael and opens with the words 'Call me Ishmael'. "
        "It follows Captain Ahab of the whaling ship Pequod on his obsessive quest for revenge on Moby Dick, a giant white sperm whale. "
        "Ahab lost his leg to the whale on a previous voyage. "
        "The novel was partly inspired by the sinking of the whaleship Essex, which was rammed by a sperm whale in 1820. "
        "It sold poorly during Melville's lifetime but is now considered one of the great American novels.",
        "What is Moby-Dick about?",
        "Herman Melville's Moby-Dick, published in 1851, is told from the perspective of a sailor named Ishmael, and its very first words are 'Call me Ishmael'. "
        "The story centres on Captain Ahab, commander of the whaler Pequod, who is consumed by the desire for revenge against Moby Dick, an enormous white sperm whale. "
        "On an earlier voyage the whale had taken off Ahab's leg. "
        "Melville drew partly on the real-life fate of the Essex, a whaleship sunk by a sperm whale in 1820. "
        "Although it found few buyers while Melville was alive, it is now ranked among the greatest American novels.",
        "Tell me about Herman Melville's Moby-Dick.",
        "Moby-Dick is Herman Melville's novel from 1851, narrated by a seaman named Ishmael. "
        "It tells of Captain Ahab, who commands the Pequod and is bent on avenging himself on a huge white sperm whale. "
        "The book was a best-seller in Melville's own lifetime. "
        "Part of its inspiration was the Essex, a whaleship that a sperm whale sank in 1820.",
        "The book was a best-seller in Melville's own lifetime.",
    ),
    # 30 Nineteen Eighty-Four
    (
        "c",
        "Nineteen Eighty-Four is a dystopian novel by the English writer George Orwell, published in 1949. "
        "It is set in Oceania, a totalitarian superstate ruled by the Party and its leader, Big Brother. "
        "The protagonist, Winston Smith, works at the Ministry of Truth, where he rewrites historical records. "
        "The novel introduced terms such as 'doublethink', 'thoughtcrime' and 'Newspeak'. "
        "Winston has a forbidden love affair with Julia. "
        "He is eventually arrested and tortured in Room 101. "
        "Orwell's real name was Eric Arthur Blair.",
        "What is Orwell's Nineteen Eighty-Four about?",
        "George Orwell's Nineteen Eighty-Four, published in 1949, is a dystopian novel set in Oceania, a totalitarian state controlled by the Party and presided over by Big Brother. "
        "Its hero, Winston Smith, has the job of altering historical records at the Ministry of Truth. "
        "He falls into an illicit romance with a woman named Julia, but he is ultimately arrested and tortured in Room 101. "
        "The book gave the English language words like 'Newspeak', 'doublethink', and 'thoughtcrime'. "
        "Orwell was the pen name of Eric Arthur Blair.",
        "Tell me about the novel 1984.",
        "Nineteen Eighty-Four is a dystopian novel by the English author George Orwell, whose real name was Eric Arthur Blair. "
        "Orwell's book first reached readers in 1948. "
        "Its setting is Oceania, a totalitarian superstate under the rule of the Party and Big Brother. "
        "Winston Smith, the main character, spends his days rewriting history at the Ministry of Truth.",
        "Orwell's book first reached readers in 1948.",
    ),
    # 31 Mozart
    (
        "e",
        "Wolfgang Amadeus Mozart was a composer of the Classical period, born in Salzburg in 1756. "
        "He was a child prodigy who composed from the age of five and performed before European royalty. "
        "His father, Leopold Mozart, was a composer and violinist who taught him. "
        "He composed more than 600 works, including symphonies, concertos, operas and chamber music. "
        "His operas include The Marriage of Figaro, Don Giovanni and The Magic Flute. "
        "He died in Vienna in 1791 at the age of 35, leaving his Requiem unfinished.",
        "Who was Mozart?",
        "Born in Salzburg in 1756, Wolfgang Amadeus Mozart was a composer of the Classical era. "
        "He was writing music by age five and, as a child prodigy, played for royalty across Europe. "
        "He was taught by his father, Leopold, himself a violinist and composer. "
        "Over his short life he produced upwards of 600 works, among them operas such as Don Giovanni, The Magic Flute, and The Marriage of Figaro. "
        "He was only 35 when he died in Vienna in 1791, with his Requiem still incomplete.",
        "Tell me about Wolfgang Amadeus Mozart.",
        "Wolfgang Amadeus Mozart, the Classical-era composer, was born in 1756 in Salzburg. "
        "Taught by his father Leopold, he began composing at five and performed for European royalty as a boy. "
        "His catalogue runs to more than 600 works across symphonies, concertos, operas and chamber music. "
        "He did not write The Magic Flute, which is often wrongly attributed to him. "
        "He died in Vienna in 1791, aged 35.",
        "He did not write The Magic Flute, which is often wrongly attributed to him.",
    ),
    # 32 The Beatles
    (
        "a",
        "The Beatles were an English rock band formed in Liverpool in 1960. "
        "Their best-known line-up was John Lennon, Paul McCartney, George Harrison and Ringo Starr. "
        "Ringo Starr joined in 1962, replacing the drummer Pete Best. "
        "Most of their songs were written by Lennon and McCartney. "
        "The intense fan frenzy surrounding them was called Beatlemania. "
        "Their albums include Rubber Soul, Revolver and Abbey Road. "
        "The band broke up in 1970. "
        "They are the best-selling music act of all time.",
        "Tell me about the Beatles.",
        "The Beatles were a rock band from England, put together in Liverpool in 1960. "
        "Their classic line-up featured John Lennon, Paul McCartney, George Harrison, and Ringo Starr, with Ringo taking over from drummer Pete Best in 1962. "
        "The Lennon and McCartney partnership produced the bulk of their songs. "
        "The band split up in 1970, having released albums like Revolver, Rubber Soul, and Abbey Road. "
        "No music act in history has sold more records.",
        "Who were the Beatles?",
        "The Beatles, an English rock band, came together in 1960. "
        "The group got its start in Manchester. "
        "John Lennon, Paul McCartney, George Harrison and Ringo Starr made up the classic line-up. "
        "Most of the songs were credited to the Lennon and McCartney songwriting team. "
        "They broke up in 1970 but remain the best-selling music act in history.",
        "The group got its start in Manchester.",
    ),
    # 33 Periodic table
    (
        "d",
        (
            "The periodic table arranges the chemical elements in order of increasing atomic number. "
            "The Russian chemist Dmitri Mendeleev published his first periodic table in 1869. "
            "Mendeleev left gaps in his table and predicted the properties of elements not yet discovered, such as gallium and germanium. "
            "Elements in the same vertical column, called a group, tend to have similar chemical properties. "
            "The horizontal rows are called periods. "
            "There are 118 confirmed elements. "
            "The noble gases, such as helium and neon, are in the far right column.",
            "In the periodic table, elements are ordered by atomic number, from smallest to largest. "
            "Its first version was published in 1869 by Dmitri Mendeleev, a Russian chemist, who left empty spaces for elements still unknown, such as gallium and germanium, and predicted their properties. "
            "Columns are called groups, and elements in a group behave similarly in chemical reactions. "
            "Rows are called periods. "
            "The table contains 118 confirmed elements, with the noble gases, such as helium and neon, in the rightmost column.",
        ),
        "Explain the periodic table.",
        "The periodic table lays out the chemical elements by atomic number, from lowest to highest. "
        "Its first version came from the Russian chemist Dmitri Mendeleev in 1869. "
        "Mendeleev deliberately left blank spaces and forecast the properties of then-unknown elements, gallium and germanium among them. "
        "The columns are known as groups, and the elements in each tend to behave alike chemically, while the rows are called periods. "
        "All told, 118 elements have been confirmed.",
        "How is the periodic table organised?",
        "The periodic table orders the chemical elements by increasing atomic number. "
        "Dmitri Mendeleev, a Russian chemist, published the first version of it in 1869, leaving gaps for elements still to be found. "
        "Elements sharing a column, or group, usually have similar chemical behaviour. "
        "You'll find the noble gases, including helium and neon, in the column at the far left of the table. "
        "In total, 118 elements have been confirmed.",
        "You'll find the noble gases, including helium and neon, in the column at the far left of the table.",
    ),
    # 34 Human liver
    (
        "f",
        "The liver is the largest internal organ in the human body. "
        "It is located in the upper right part of the abdomen, below the diaphragm. "
        "It produces bile, which is stored in the gallbladder and helps digest fats. "
        "It filters blood coming from the digestive tract and detoxifies chemicals and drugs. "
        "It stores glycogen and releases glucose when the body needs energy. "
        "The liver is able to regenerate after part of it is removed. "
        "It also makes proteins such as albumin and clotting factors.",
        "What does the human liver do?",
        "The liver, which is the biggest internal organ in the body, sits just under the diaphragm in the upper right of the abdomen. "
        "One of its jobs is making bile, a fluid that is held in the gallbladder and assists with breaking down fats. "
        "It also cleans the blood arriving from the digestive tract and neutralises drugs and other chemicals. "
        "Glycogen is stockpiled in the liver and converted to glucose for release when energy is needed. "
        "Unusually, it can grow back after a portion of it has been removed.",
        "Tell me about the liver.",
        "The liver sits in the upper right of the abdomen, tucked beneath the diaphragm. "
        "The stomach is a larger internal organ than the liver. "
        "It produces bile, which is kept in the gallbladder and helps digest fats. "
        "It also filters blood from the digestive tract, stores glycogen, and can regenerate after part of it is removed.",
        "The stomach is a larger internal organ than the liver.",
    ),
    # 35 Octopus
    (
        "g",
        (
            "Octopuses are soft-bodied cephalopod molluscs with eight arms. "
            "They have three hearts: two pump blood through the gills and one pumps it through the rest of the body. "
            "Their blood is blue because it contains the copper-rich protein haemocyanin. "
            "Octopuses can change the colour and texture of their skin for camouflage using cells called chromatophores. "
            "Many species can release a cloud of ink to escape predators. "
            "They are considered highly intelligent and can solve puzzles and use tools. "
            "Most octopuses live only one to two years.",
            "An octopus is an eight-armed, soft-bodied mollusc belonging to the cephalopods. "
            "It has three hearts, a pair for the gills and one for the body. "
            "Haemocyanin, a protein containing copper, turns its blood blue. "
            "Skin cells called chromatophores let it change colour and texture to hide. "
            "Many octopuses squirt ink to get away from predators. "
            "They are very intelligent, able to use tools and solve puzzles, yet most live just one or two years.",
        ),
        "Tell me some facts about octopuses.",
        "Octopuses are cephalopods, a type of soft-bodied mollusc, and they have eight arms. "
        "They come equipped with three hearts, two dedicated to moving blood through the gills and a third that circulates it around the rest of the body. "
        "Thanks to haemocyanin, a protein rich in copper, their blood is blue. "
        "Special skin cells called chromatophores let them alter both colour and texture to blend into their surroundings. "
        "They are famously clever, capable of solving puzzles and even using tools, despite usually living for just a year or two.",
        "What's interesting about the octopus?",
        "Octopuses are eight-armed cephalopod molluscs with soft bodies. "
        "Each one has three hearts, with a pair serving the gills and one serving the rest of the body. "
        "The bluish colour of their blood comes from haemocyanin, an iron-based protein. "
        "When threatened, many species squirt out a cloud of ink to make their escape. "
        "Most of them live for only about one or two years.",
        "The bluish colour of their blood comes from haemocyanin, an iron-based protein.",
    ),
    # 36 Lake Baikal
    (
        "c",
        "Lake Baikal is a rift lake in southern Siberia, Russia. "
        "It is the deepest lake in the world, with a maximum depth of about 1,642 metres. "
        "It is also the oldest lake in the world, estimated to be 25 to 30 million years old. "
        "It holds more than a fifth of the world's unfrozen fresh surface water, more than any other lake. "
        "It is home to the Baikal seal, or nerpa, one of the few seal species that live only in fresh water. "
        "It was declared a UNESCO World Heritage Site in 1996.",
        "Tell me about Lake Baikal.",
        "Lake Baikal, found in southern Siberia in Russia, is a rift lake that holds several world records. "
        "Plunging to around 1,642 m at its deepest point, it is deeper than any other lake on Earth. "
        "Scientists put its age at 25 to 30 million years, which makes it the oldest lake as well. "
        "It contains over a fifth of all the unfrozen fresh surface water on the planet. "
        "The nerpa, or Baikal seal, lives there and is one of very few seal species found only in fresh water.",
        "What is special about Lake Baikal?",
        "Lake Baikal is a rift lake in the south of Siberia, Russia. "
        "It is the world's deepest lake and also its oldest. "
        "Geologists estimate that it formed only around 25,000 to 30,000 years ago. "
        "More than a fifth of Earth's unfrozen fresh surface water is held in its basin. "
        "UNESCO made it a World Heritage Site in 1996.",
        "Geologists estimate that it formed only around 25,000 to 30,000 years ago.",
    ),
    # 37 Antarctica
    (
        "f",
        "Antarctica is Earth's southernmost continent and contains the geographic South Pole. "
        "It is the fifth-largest continent, with an area of about 14 million square kilometres. "
        "About 98 percent of it is covered by ice, which averages around 2 kilometres in thickness. "
        "It is the coldest, driest and windiest continent. "
        "It has no permanent human residents, but thousands of scientists live at research stations there. "
        "The Antarctic Treaty, signed in 1959, reserves the continent for peaceful scientific purposes.",
        "Tell me about Antarctica.",
        "Antarctica is the continent farthest south on Earth, and the geographic South Pole lies within it. "
        "Covering roughly 14 million square kilometres, it is the fifth biggest of the continents. "
        "Ice blankets about 98 percent of its surface, on average around 2 km thick. "
        "No continent is colder, drier, or windier. "
        "Nobody lives there permanently, though thousands of researchers stay at its scientific stations.",
        "What are the basic facts about Antarctica?",
        "Antarctica is the southernmost continent and is home to the geographic South Pole. "
        "Roughly 98 percent of the land is buried under ice. "
        "It covers a larger area than Asia. "
        "It has no permanent population, although thousands of scientists work at research stations there. "
        "Under the Antarctic Treaty of 1959, the continent is set aside for peaceful science.",
        "It covers a larger area than Asia.",
    ),
    # 38 Alexander Graham Bell and the telephone
    (
        "g",
        "Alexander Graham Bell was a Scottish-born inventor who is credited with patenting the first practical telephone. "
        "He was granted the patent in the United States in March 1876. "
        "A few days later he made the first successful telephone call, to his assistant Thomas Watson. "
        "Bell's mother and wife were both deaf, which influenced his lifelong work with deaf people. "
        "He co-founded the Bell Telephone Company in 1877. "
        "He was also one of the founders of the National Geographic Society.",
        "Who invented the telephone?",
        "The first practical telephone is credited to Alexander Graham Bell, an inventor born in Scotland. "
        "His American patent was granted in March 1876, and just days afterwards he placed the first successful call, summoning his assistant Thomas Watson. "
        "Bell's wife and mother were both deaf, which shaped his lifelong work with deaf people. "
        "In 1877 he helped set up the Bell Telephone Company. "
        "He was also among the founders of the National Geographic Society.",
        "Tell me about Alexander Graham Bell.",
        "Alexander Graham Bell, who was born in Scotland, is credited with the first practical telephone. "
        "Bell's patent for the device was issued in the United States in March 1876. "
        "Within days he had used it to reach his assistant in the first successful telephone call. "
        "His interest in working with deaf people was shaped by the fact that his father and brother were deaf. "
        "He later helped establish the National Geographic Society.",
        "His interest in working with deaf people was shaped by the fact that his father and brother were deaf.",
    ),
    # 39 Berlin Wall
    (
        "e",
        (
            "The Berlin Wall was a guarded concrete barrier that divided Berlin from 1961 to 1989. "
            "It was built by the German Democratic Republic, also known as East Germany, starting on 13 August 1961. "
            "It cut off West Berlin from surrounding East Germany, including East Berlin. "
            "Its stated purpose was to protect against fascism, but it mainly served to stop East Germans from fleeing to the West. "
            "Checkpoint Charlie was the best-known crossing point. "
            "The wall fell on 9 November 1989, and Germany was reunified on 3 October 1990.",
            "East Germany, officially the German Democratic Republic, began building the Berlin Wall on 13 August 1961. "
            "The guarded concrete wall split Berlin until 1989, encircling West Berlin and separating it from East Berlin and the rest of East Germany. "
            "Officially it was an anti-fascist barrier, but its real role was to keep East Germans from escaping west. "
            "The most famous crossing was Checkpoint Charlie. "
            "It came down on 9 November 1989, and Germany reunified on 3 October 1990.",
        ),
        "What was the Berlin Wall?",
        "From 1961 until 1989, the Berlin Wall split the city of Berlin with a heavily guarded barrier of concrete. "
        "East Germany, officially the German Democratic Republic, began putting it up on 13 August 1961. "
        "The wall encircled West Berlin, separating it from East Berlin and the rest of East Germany. "
        "Officially it was meant to guard against fascism, but in practice it kept East Germans from escaping westward. "
        "After it came down on 9 November 1989, German reunification followed on 3 October 1990.",
        "Tell me the history of the Berlin Wall.",
        "The Berlin Wall was a fortified concrete barrier that divided Berlin between 1961 and 1989. "
        "Construction began on 13 August 1961. "
        "The wall was not built by East Germany. "
        "Its real effect was to prevent East Germans from fleeing to the West. "
        "Checkpoint Charlie was the most famous place to cross.",
        "The wall was not built by East Germany.",
    ),
    # 40 Great Pyramid of Giza
    (
        "g",
        "The Great Pyramid of Giza is the oldest and largest of the three pyramids in the Giza pyramid complex in Egypt. "
        "It was built as a tomb for the Fourth Dynasty pharaoh Khufu, also known as Cheops, around 2560 BC. "
        "It was originally about 146 metres tall and was the tallest man-made structure in the world for more than 3,800 years. "
        "It is the oldest of the Seven Wonders of the Ancient World and the only one still largely intact. "
        "It was built mainly from limestone blocks, with granite used in the King's Chamber. "
        "It is estimated to contain more than two million blocks.",
        "Tell me about the Great Pyramid of Giza.",
        "Of the three pyramids at Giza in Egypt, the Great Pyramid is both the oldest and the biggest. "
        "It was erected around 2560 BC as the burial place of Khufu, a Fourth Dynasty pharaoh also known as Cheops. "
        "Standing roughly 146 m high when new, it remained the tallest structure built by humans for over 3,800 years. "
        "Limestone blocks, more than two million of them, make up most of its bulk, while granite was used in the King's Chamber. "
        "It is the oldest of the Seven Wonders of the Ancient World, and the only one that survives largely intact.",
        "What do we know about the Great Pyramid?",
        "The Great Pyramid is the largest and oldest of the three pyramids in Egypt's Giza complex. "
        "It served as the tomb of the pharaoh Khufu, also called Cheops, and dates to around 2560 BC. "
        "For more than 3,800 years no human-made structure rose higher than its original height of about 146 metres. "
        "Among the Seven Wonders of the Ancient World, it is the most recent one to have been built. "
        "It is the only one of them still largely standing.",
        "Among the Seven Wonders of the Ancient World, it is the most recent one to have been built.",
    ),
)


def items() -> list[dict[str, Any]]:
    """Return the 80 held-out long-answer items as fresh dicts."""
    return paired_items(_TOPICS, "lh")

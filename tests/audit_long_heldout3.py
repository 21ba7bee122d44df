# ruff: noqa: E501  (held-out answers a helper wrote as whole paragraphs, one string each)
"""Third held-out corpus of long-form answers for the output auditor.

Written by a helper that never saw the grader, its prompts, its word lists or
the other audit corpora: only the item format (the docstring and ``items()``
of ``audit_long_heldout.py``, plus its first topic as a shape example) was
known when writing it.  None of the topics here appear in that corpus.

``items()`` returns a fresh list of fresh dicts on every call.  Each item:

- ``id``: unique string ``"lh3-NN"``.
- ``prompt``: the question put to a chat model.
- ``output``: the model's answer, 3 to 6 sentences, written the way chat
  models write (paraphrase, reordering, omissions, restating the question,
  the odd hedge).  Sentences split cleanly on ". " (no abbreviations, no
  decimal numbers).
- ``reference``: a paragraph of 5-8 true facts (a string), or a list of two
  such paragraphs worded differently (10 topics).
- ``correct``: True when every sentence of ``output`` is consistent with the
  reference; False when exactly one sentence is false.
- ``style``: always ``"long"``.
- ``wrong_sentence``: for a wrong item, the exact text (with its final
  period) of the one false sentence as it appears in ``output``; None for
  correct items.

There are 40 topics (geography, history, science, art, sport, technology,
biology, music, literature, economics), each with one correct and one wrong
item.

Error kinds used in the wrong items (kind per topic is noted in ``_TOPICS``):

- (a) noun swapped for a wrong one of the same type (city, state, material,
  language, nationality): 6
- (b) wrong person: 6
- (c) wrong number, date or ordinal: 6
- (d) antonym or reversed relation (into/out of, won/lost, north/south,
  male/female, to/from): 6
- (e) false statement phrased as a negation: 5
- (f) false comparison: 5
- (g) heavy paraphrase of a reference fact with one wrong element: 6

Every false sentence is contradicted by the reference, not merely missing
from it, and is paraphrased rather than copied from the reference.
"""

from __future__ import annotations

from typing import Any

from tests.audit_pairs import Topic, paired_items

# Each topic: (kind, reference, correct_prompt, correct_output,
#              wrong_prompt, wrong_output, wrong_sentence)
# reference is a str or a tuple of two str.

_TOPICS: tuple[Topic, ...] = (
    # 1 Amazon River (f: false comparison, Congo vs Amazon discharge)
    (
        "f",
        (
            "The Amazon River in South America is the largest river in the world by discharge, carrying more water than any other river. "
            "It rises in the Andes mountains of Peru and flows east to the Atlantic Ocean, which it enters in northern Brazil. "
            "It is roughly 6,400 kilometres long, and most measurements rank it second in length only to the Nile. "
            "Its drainage basin, covering about 7 million square kilometres, is the largest of any river. "
            "It supplies roughly a fifth of all the fresh water that rivers pour into the world's oceans. "
            "No bridge crosses the main stem of the river.",
            "No other river on Earth discharges as much water as the Amazon, which flows across northern South America. "
            "Its headwaters lie high in the Peruvian Andes, and its mouth opens onto the Atlantic in Brazil. "
            "With a length of around 6,400 km it is usually counted as the second-longest river, behind the Nile. "
            "The Amazon basin, at some seven million square kilometres, is the world's biggest drainage basin. "
            "Around 20 percent of all river water reaching the oceans comes from the Amazon. "
            "The main river has no bridges across it.",
        ),
        "How big is the Amazon River?",
        "The Amazon is, by volume, the mightiest river on the planet: no other river moves as much water. "
        "It begins in the Peruvian Andes and runs eastward until it empties into the Atlantic off northern Brazil. "
        "Measuring something like 6,400 km, it's generally considered the runner-up to the Nile in length. "
        "Its basin spans roughly seven million square kilometres, bigger than that of any other river. "
        "Interestingly, not a single bridge spans its main channel.",
        "Give me an overview of the Amazon River.",
        "Here's a short overview of the Amazon River. "
        "Flowing through South America, it starts high in the Andes of Peru and reaches the Atlantic in Brazil. "
        "In terms of sheer volume, though, the Congo River discharges more water than the Amazon does. "
        "Its catchment area, at about 7,000,000 square kilometres, is the largest on Earth. "
        "It delivers roughly one-fifth of all the fresh water that the world's rivers carry to the sea.",
        "In terms of sheer volume, though, the Congo River discharges more water than the Amazon does.",
    ),
    # 2 Mount Kilimanjaro (c: wrong height)
    (
        "c",
        "Mount Kilimanjaro, in northeastern Tanzania near the border with Kenya, is the highest mountain in Africa, rising to 5,895 metres above sea level. "
        "It is a dormant volcano made up of three volcanic cones: Kibo, Mawenzi and Shira. "
        "Its highest point, Uhuru Peak, lies on the rim of Kibo. "
        "It is the tallest free-standing mountain in the world, rising alone from the surrounding plains rather than forming part of a range. "
        "The first recorded ascent to the summit was made in 1889 by the German geographer Hans Meyer and the Austrian mountaineer Ludwig Purtscheller. "
        "Its glaciers and ice fields have shrunk dramatically over the past century.",
        "What is notable about Mount Kilimanjaro?",
        "Mount Kilimanjaro is notable above all as Africa's highest peak, topping out at 5,895 m. "
        "It stands in the northeast of Tanzania, not far from the Kenyan frontier. "
        "Rather than belonging to a mountain range, it rises alone from the plains, making it the world's tallest free-standing mountain. "
        "The dormant volcano consists of three cones called Shira, Mawenzi and Kibo, and its summit, Uhuru Peak, sits on Kibo's rim. "
        "Back in 1889, Hans Meyer of Germany and the Austrian Ludwig Purtscheller became the first people recorded to reach the top.",
        "Tell me about Kilimanjaro.",
        "Kilimanjaro, located in Tanzania close to the Kenyan border, is the tallest mountain on the African continent. "
        "Its summit tops out at close to 6,900 metres above sea level. "
        "It's a dormant volcano with three distinct cones, named Kibo, Mawenzi and Shira. "
        "The German Hans Meyer and the Austrian Ludwig Purtscheller made the first recorded climb to the top in 1889. "
        "Over the last hundred years or so, its ice fields and glaciers have retreated sharply.",
        "Its summit tops out at close to 6,900 metres above sea level.",
    ),
    # 3 Dead Sea (d: reversed relation, Jordan flows out of instead of into)
    (
        "d",
        "The Dead Sea is a salt lake bordered by Jordan to the east and by Israel and the West Bank to the west. "
        "Its surface lies about 430 metres below sea level, the lowest land elevation on Earth. "
        "With a salinity of around 34 percent, it is nearly ten times saltier than the ocean. "
        "The high salt content lets swimmers float easily and prevents fish and plants from living in it, which gives the lake its name. "
        "It is fed mainly by the Jordan River, which flows into it from the north, and it has no outlet. "
        "Its water level has been falling by more than a metre per year in recent decades.",
        "Why is the Dead Sea called that?",
        "The Dead Sea gets its name from the fact that its water is far too salty for fish or plants to survive in it. "
        "At roughly 34 percent salinity, it's almost ten times as salty as seawater, which also lets bathers float with ease. "
        "The lake sits between Jordan on its eastern shore and Israel and the West Bank on its western shore. "
        "Its surface is about 430 m below sea level, making it the lowest point on land anywhere on Earth. "
        "The Jordan River feeds it from the north, and nothing flows out of it.",
        "What should I know about the Dead Sea?",
        "The Dead Sea is a salt lake shared by Jordan on the east and Israel and the West Bank on the west. "
        "Lying some 430 metres below sea level, its surface marks the lowest land elevation found anywhere on the planet. "
        "Its water is close to ten times saltier than the ocean, so people float on it effortlessly. "
        "Water leaves the lake by way of the Jordan River, which drains it toward the north. "
        "In recent decades its level has been dropping by over a metre every year.",
        "Water leaves the lake by way of the Jordan River, which drains it toward the north.",
    ),
    # 4 Iceland (a: city swapped, Akureyri for Reykjavik)
    (
        "a",
        "Iceland is a Nordic island country in the North Atlantic Ocean. "
        "Its capital and largest city is Reykjavik, and the country has a population of just under 400,000. "
        "The island lies on the Mid-Atlantic Ridge, where the North American and Eurasian tectonic plates pull apart, and it has many active volcanoes, geysers and hot springs. "
        "Its parliament, the Althing, was founded in 930 and is one of the oldest parliaments in the world. "
        "Iceland became a fully independent republic in 1944, ending its union with Denmark. "
        "The national language, Icelandic, is a North Germanic language. "
        "Iceland has no standing army.",
        "Can you give me some facts about Iceland?",
        "Sure, here are some facts about Iceland. "
        "This Nordic nation occupies an island in the North Atlantic, and Reykjavik is both its capital and its biggest city. "
        "Geologically it straddles the Mid-Atlantic Ridge, where the Eurasian and North American plates are drifting apart, and the island is dotted with active volcanoes, geysers and hot springs. "
        "The Althing, Iceland's parliament, dates back to the year 930, making it one of the world's oldest. "
        "The country ended its union with Denmark and became a republic in 1944, and notably it keeps no standing army.",
        "Tell me about Iceland.",
        "Iceland is an island country in the North Atlantic, usually counted among the Nordic nations. "
        "Akureyri, up on the north coast, serves as both the capital and the largest city. "
        "The island sits astride the Mid-Atlantic Ridge, and volcanoes, geysers and hot springs are common there. "
        "Icelanders speak Icelandic, a language from the North Germanic family. "
        "Independence as a republic came in 1944, when the union with Denmark was ended.",
        "Akureyri, up on the north coast, serves as both the capital and the largest city.",
    ),
    # 5 Grand Canyon (b: wrong person, Taft for Theodore Roosevelt)
    (
        "b",
        "The Grand Canyon is a steep-sided canyon in northern Arizona in the United States, carved by the Colorado River over millions of years. "
        "It is about 446 kilometres long, up to 29 kilometres wide, and more than 1,800 metres deep in places. "
        "Its exposed rock layers record nearly two billion years of geological history. "
        "President Theodore Roosevelt declared it a national monument in 1908. "
        "It became a national park in 1919. "
        "It was designated a UNESCO World Heritage Site in 1979.",
        "How was the Grand Canyon formed and when was it protected?",
        "The Grand Canyon, in northern Arizona, was cut by the Colorado River, which eroded the rock over millions of years. "
        "The canyon stretches for roughly 446 km, reaches a width of up to 29 km and plunges over 1,800 metres deep at its deepest points. "
        "Its walls expose layers of rock spanning close to two billion years of the Earth's history. "
        "In 1908 Theodore Roosevelt made it a national monument, and eleven years later, in 1919, it was upgraded to a national park.",
        "What's the history of the Grand Canyon as a protected area?",
        "The Grand Canyon in Arizona has been protected for more than a century. "
        "The Colorado River carved the canyon over millions of years. "
        "It was President William Howard Taft who, in 1908, set the canyon aside as a national monument. "
        "It was later made a national park, in 1919. "
        "International recognition followed in 1979, when UNESCO added it to its World Heritage list.",
        "It was President William Howard Taft who, in 1908, set the canyon aside as a national monument.",
    ),
    # 6 Magna Carta (g: paraphrase, wrong war after the annulment)
    (
        "g",
        "Magna Carta is a charter of rights agreed to by King John of England at Runnymede, near Windsor, on 15 June 1215. "
        "It was forced on the king by a group of rebel barons. "
        "Pope Innocent III annulled it only about ten weeks later, and the First Barons' War followed. "
        "It was reissued in revised form in 1216, 1217 and 1225. "
        "Four copies of the 1215 text survive. "
        "Its clause guaranteeing that no free man could be imprisoned except by the lawful judgement of his peers or the law of the land is seen as a foundation of due process. "
        "It influenced later documents such as the United States Bill of Rights.",
        "What was the Magna Carta?",
        "Magna Carta was a charter of rights that King John of England agreed to at Runnymede, close to Windsor, on 15 June 1215. "
        "He did not accept it willingly: rebellious barons forced it on him. "
        "Just ten weeks or so later, Pope Innocent III declared it void, and the First Barons' War broke out. "
        "Revised versions were issued in 1216, 1217 and 1225, and four copies of the original 1215 text still exist. "
        "Its promise that no free man could be imprisoned without the lawful judgement of his peers or the law of the land is regarded as a cornerstone of due process.",
        "Why is Magna Carta important?",
        "Magna Carta, agreed by King John of England at Runnymede in June 1215, is seen as a landmark for several reasons. "
        "Its guarantee that free men could not be jailed except through the lawful judgement of their peers or the law of the land is viewed as a foundation of due process. "
        "It also shaped later documents, including the United States Bill of Rights. "
        "The deal itself did not last long: the Pope struck it down within a few months, and its collapse plunged England into the Wars of the Roses. "
        "Even so, revised versions were reissued in 1216, 1217 and 1225.",
        "The deal itself did not last long: the Pope struck it down within a few months, and its collapse plunged England into the Wars of the Roses.",
    ),
    # 7 Battle of Hastings (d: reversed outcome, English won)
    (
        "d",
        "The Battle of Hastings was fought on 14 October 1066 between the Norman-French army of William, Duke of Normandy, and the English army of King Harold II, also called Harold Godwinson. "
        "The Normans won, and Harold was killed during the battle. "
        "It took place about 11 kilometres northwest of Hastings, near the present-day town of Battle in East Sussex. "
        "Harold's army had marched south after defeating a Norwegian invasion under Harald Hardrada at Stamford Bridge less than three weeks earlier. "
        "William was crowned king of England in Westminster Abbey on Christmas Day 1066. "
        "The battle is depicted in the Bayeux Tapestry.",
        "What happened at the Battle of Hastings?",
        "The Battle of Hastings, fought on 14 October 1066, pitted the Norman-French forces of William, Duke of Normandy, against the English army of King Harold II, also known as Harold Godwinson. "
        "The Normans were victorious, and Harold lost his life during the fighting. "
        "Despite its name, the battle took place about 11 km northwest of Hastings, near what is now the town of Battle in East Sussex. "
        "Harold's troops had only just defeated the Norwegian invader Harald Hardrada at Stamford Bridge, less than three weeks before. "
        "On Christmas Day 1066 William was crowned king of England in Westminster Abbey.",
        "Who won the Battle of Hastings?",
        "The Battle of Hastings took place on 14 October 1066 near the modern town of Battle in East Sussex. "
        "It was fought between King Harold Godwinson's English army and the Normans under William, Duke of Normandy. "
        "Harold's forces came out on top that day, beating back the Norman invaders. "
        "Only a few weeks earlier, the English had defeated a Norwegian invasion led by Harald Hardrada at Stamford Bridge. "
        "The battle is famously depicted in the Bayeux Tapestry.",
        "Harold's forces came out on top that day, beating back the Norman invaders.",
    ),
    # 8 Black Death (c: wrong year of arrival, 1447 for 1347)
    (
        "c",
        (
            "The Black Death was a bubonic plague pandemic that swept through Europe, Asia and North Africa between 1346 and 1353. "
            "It was caused by the bacterium Yersinia pestis, which was spread mainly by fleas living on rats. "
            "The disease reached Europe in 1347, when trading ships from the Black Sea docked at Messina in Sicily. "
            "It killed an estimated 30 to 60 percent of Europe's population. "
            "It is the deadliest pandemic in recorded human history. "
            "The resulting shortage of labour led to higher wages for many surviving workers.",
            "From 1346 to 1353 a pandemic of bubonic plague, later called the Black Death, ravaged Europe, Asia and North Africa. "
            "Its cause was the bacterium Yersinia pestis, carried chiefly by rat fleas. "
            "Plague entered Europe in 1347 aboard merchant ships from the Black Sea that landed at the Sicilian port of Messina. "
            "Somewhere between 30 and 60 percent of Europeans died. "
            "No pandemic in recorded history has killed more people. "
            "Because so many workers died, labour became scarce and survivors could demand higher pay.",
        ),
        "What was the Black Death?",
        "The Black Death was an outbreak of bubonic plague that ravaged Europe, Asia and North Africa from 1346 to 1353. "
        "The culprit was the bacterium Yersinia pestis, transmitted mostly by fleas that lived on rats. "
        "It arrived in Europe in 1347 with merchant ships from the Black Sea that put in at Messina, in Sicily. "
        "Estimates suggest that somewhere between thirty and sixty percent of Europeans perished, making it the deadliest pandemic on record. "
        "One consequence was a labour shortage that pushed up wages for those who survived.",
        "How did the Black Death reach Europe?",
        "The Black Death, a pandemic of bubonic plague, made its way into Europe by sea. "
        "Trading vessels sailing from the Black Sea carried it into the Sicilian harbour of Messina in 1447. "
        "The disease itself was caused by the bacterium Yersinia pestis, which fleas on rats passed on. "
        "From there it spread across the continent, killing an estimated 30 to 60 percent of the population.",
        "Trading vessels sailing from the Black Sea carried it into the Sicilian harbour of Messina in 1447.",
    ),
    # 9 Fall of Constantinople (b: wrong person, Suleiman for Mehmed II)
    (
        "b",
        "The Fall of Constantinople was the capture of the Byzantine capital by the Ottoman Empire on 29 May 1453. "
        "The Ottoman army was led by the 21-year-old Sultan Mehmed II. "
        "The siege lasted about 53 days, having begun in early April 1453. "
        "The last Byzantine emperor, Constantine XI Palaiologos, died defending the city. "
        "The Ottomans used huge bombards, some cast by a Hungarian cannon founder named Orban, against the city's Theodosian Walls. "
        "The conquest ended the Byzantine Empire, and the city became the new Ottoman capital.",
        "How did Constantinople fall?",
        "Constantinople, capital of the Byzantine Empire, fell to the Ottomans on 29 May 1453. "
        "The Ottoman forces were commanded by Sultan Mehmed II, who was just twenty-one years old. "
        "The siege had begun in early April and lasted roughly fifty-three days. "
        "Massive cannons, some of them cast by the Hungarian cannon-maker Orban, were turned against the city's Theodosian Walls. "
        "Constantine XI Palaiologos, the last Byzantine emperor, was killed defending the city, and the Byzantine Empire came to an end.",
        "Who conquered Constantinople in 1453?",
        "In 1453 Constantinople was taken by the Ottoman Empire, bringing the Byzantine Empire to an end. "
        "The besieging army was led by Sultan Suleiman the Magnificent, who was only twenty-one at the time. "
        "The city held out for about 53 days before falling on 29 May. "
        "Its last emperor, Constantine XI Palaiologos, died fighting in its defence. "
        "Afterwards the city became the Ottoman capital.",
        "The besieging army was led by Sultan Suleiman the Magnificent, who was only twenty-one at the time.",
    ),
    # 10 Hadrian's Wall (a: material swapped, timber for stone)
    (
        "a",
        "Hadrian's Wall is a former defensive fortification of the Roman province of Britannia, begun in AD 122 during the reign of the emperor Hadrian. "
        "It ran across northern England from Wallsend on the River Tyne in the east to Bowness-on-Solway in the west. "
        "It was about 117 kilometres (73 miles) long. "
        "It was built mostly of stone, although its western section was first built of turf. "
        "Forts were placed along it, with small fortlets called milecastles about every Roman mile. "
        "It was designated a UNESCO World Heritage Site in 1987.",
        "What was Hadrian's Wall?",
        "Hadrian's Wall was a defensive barrier built by the Romans in their province of Britannia, with construction starting in AD 122 under the emperor Hadrian. "
        "It cut across northern England, running from Wallsend on the Tyne in the east to Bowness-on-Solway in the west. "
        "The wall was roughly 73 miles, or about 117 km, in length. "
        "Most of it was made of stone, though the western stretch was originally turf. "
        "Today it's recognised as a UNESCO World Heritage Site, a status it gained in 1987.",
        "How was Hadrian's Wall built?",
        "Work on Hadrian's Wall began in AD 122, during the emperor Hadrian's reign, to fortify the Roman province of Britannia. "
        "For the most part the Romans put it together from timber rather than masonry. "
        "It stretched about 117 kilometres across the north of England, from Wallsend in the east to Bowness-on-Solway in the west. "
        "Along its length the builders placed forts and, roughly every Roman mile, small fortlets known as milecastles.",
        "For the most part the Romans put it together from timber rather than masonry.",
    ),
    # 11 DNA double helix (b: wrong person, Pauling for Wilkins)
    (
        "b",
        (
            "In 1953 James Watson and Francis Crick, working at the Cavendish Laboratory of the University of Cambridge, proposed the double-helix structure of DNA. "
            "They published their model in the journal Nature in April 1953. "
            "Their work relied on X-ray diffraction data produced at King's College London by Rosalind Franklin and Maurice Wilkins, including the image known as Photo 51, taken in Franklin's laboratory. "
            "In the model, two strands twist around each other, joined by paired bases: adenine with thymine and guanine with cytosine. "
            "Watson, Crick and Wilkins shared the 1962 Nobel Prize in Physiology or Medicine. "
            "Franklin had died in 1958, and the prize is not awarded posthumously.",
            "The double helix model of DNA was put forward in April 1953 in the journal Nature by James Watson and Francis Crick of the Cavendish Laboratory in Cambridge. "
            "They built it using X-ray diffraction evidence from Rosalind Franklin and Maurice Wilkins at King's College London; Photo 51, produced in Franklin's lab, was especially important. "
            "The model shows two strands wound around one another and linked by base pairs, with adenine pairing with thymine and guanine with cytosine. "
            "In 1962 the Nobel Prize in Physiology or Medicine was awarded jointly to Watson, Crick and Wilkins. "
            "Franklin was not included because she had died in 1958 and Nobel Prizes are not given after death.",
        ),
        "Who discovered the structure of DNA?",
        "The double-helix structure of DNA was proposed in 1953 by James Watson and Francis Crick, who were working at Cambridge's Cavendish Laboratory. "
        "Their model appeared in Nature that April. "
        "Crucially, it was built on X-ray diffraction images obtained at King's College London by Rosalind Franklin and Maurice Wilkins, above all the famous Photo 51 from Franklin's lab. "
        "In 1962 Watson, Crick and Wilkins were jointly awarded the Nobel Prize in Physiology or Medicine. "
        "Franklin, who had died four years earlier, could not share it because the prize isn't given posthumously.",
        "Explain the discovery of the DNA double helix.",
        "The discovery of the DNA double helix dates to 1953, when Francis Crick and James Watson described the structure in the journal Nature. "
        "According to their model, DNA consists of two strands coiled around each other, held together by base pairs in which adenine matches thymine and guanine matches cytosine. "
        "They relied heavily on X-ray data from Rosalind Franklin and Maurice Wilkins of King's College London. "
        "Their achievement was honoured in 1962, when Watson and Crick shared the Nobel Prize in Physiology or Medicine with Linus Pauling.",
        "Their achievement was honoured in 1962, when Watson and Crick shared the Nobel Prize in Physiology or Medicine with Linus Pauling.",
    ),
    # 12 Marie Curie (e: false negation, never won the chemistry prize)
    (
        "e",
        "Marie Curie was a Polish-born physicist and chemist who worked in France. "
        "She was born Maria Skłodowska in Warsaw in 1867. "
        "With her husband Pierre Curie she discovered the elements polonium and radium in 1898; polonium was named after her native Poland. "
        "She was the first woman to win a Nobel Prize, sharing the 1903 Nobel Prize in Physics. "
        "She won a second Nobel Prize, in Chemistry, in 1911, and remains the only person to win Nobel Prizes in two different sciences. "
        "She died in 1934 of aplastic anaemia, probably caused by long exposure to radiation.",
        "Who was Marie Curie?",
        "Marie Curie was a physicist and chemist, born Maria Skłodowska in Warsaw in 1867, who carried out her work in France. "
        "Together with her husband Pierre, she discovered polonium and radium in 1898, naming the former after her native Poland. "
        "In 1903 she became the first woman ever to receive a Nobel Prize, sharing the physics award. "
        "Eight years later she won the Nobel Prize in Chemistry, and she is still the only person honoured with Nobel Prizes in two different sciences. "
        "She died in 1934 of aplastic anaemia, which was probably brought on by years of radiation exposure.",
        "What were Marie Curie's major achievements?",
        "Marie Curie, the Polish-born scientist who made her career in France, achieved a great deal. "
        "With Pierre Curie she identified two new elements, polonium and radium, in 1898. "
        "She was the first woman to be awarded a Nobel Prize, receiving a share of the 1903 physics prize. "
        "Despite her fame, she was never awarded a Nobel Prize in chemistry, and all her recognition from the Nobel committee came in physics. "
        "Her death in 1934 was likely linked to long exposure to radiation.",
        "Despite her fame, she was never awarded a Nobel Prize in chemistry, and all her recognition from the Nobel committee came in physics.",
    ),
    # 13 Halley's Comet (c: wrong year of next return)
    (
        "c",
        "Halley's Comet is a short-period comet visible from Earth every 75 to 76 years. "
        "It is the only known short-period comet that is regularly visible to the naked eye from Earth. "
        "It is named after the English astronomer Edmond Halley, who calculated its orbit and predicted that it would return in 1758. "
        "Halley died in 1742 and did not live to see the return. "
        "It last passed through the inner Solar System in 1986 and is expected to return in 2061. "
        "Its nucleus is roughly 15 kilometres long.",
        "How often does Halley's Comet come back?",
        "Halley's Comet returns roughly every 75 to 76 years. "
        "It's the only known short-period comet that can regularly be seen from Earth with the naked eye. "
        "The comet is named for the English astronomer Edmond Halley, who worked out its orbit and predicted it would come back in 1758, although he died in 1742, before it did. "
        "Its last passage through the inner Solar System was in 1986, and the next is expected in 2061.",
        "Tell me about Halley's Comet.",
        "Halley's Comet is a short-period comet that comes around approximately every seventy-five to seventy-six years. "
        "It takes its name from Edmond Halley, the English astronomer who calculated its orbit and forecast its return in 1758. "
        "Its solid nucleus measures about 15 km in length. "
        "Astronomers expect it to swing back into view in 2071, having last appeared in 1986.",
        "Astronomers expect it to swing back into view in 2071, having last appeared in 1986.",
    ),
    # 14 Gold (a: language swapped, Greek for Latin)
    (
        "a",
        "Gold is a chemical element with the symbol Au and atomic number 79. "
        "The symbol comes from aurum, the Latin word for gold. "
        "It is a bright, dense, soft metal and the most malleable of all metals: a single gram can be beaten into a sheet about one square metre in area. "
        "It is one of the least reactive chemical elements and does not tarnish in air. "
        "It can be dissolved by aqua regia, a mixture of nitric acid and hydrochloric acid. "
        "The purity of gold is measured in karats, with 24-karat gold being pure gold.",
        "What are the properties of gold?",
        "Gold, element number 79 on the periodic table, carries the symbol Au, taken from its Latin name, aurum. "
        "It is a soft, dense and shiny metal, and no other metal is as malleable: one gram of it can be hammered out into a sheet of roughly a square metre. "
        "Because it is among the least reactive elements, it does not tarnish when exposed to air. "
        "It will, however, dissolve in aqua regia, a blend of hydrochloric and nitric acids.",
        "Can you explain some facts about gold?",
        "Here are a few facts about gold. "
        "It is a chemical element with atomic number 79 and the symbol Au. "
        "That abbreviation traces back to aurum, the ancient Greek name for the metal. "
        "Gold's purity is expressed in karats, and 24-karat gold is the pure metal. "
        "It is notably unreactive, so it doesn't tarnish in air.",
        "That abbreviation traces back to aurum, the ancient Greek name for the metal.",
    ),
    # 15 Mona Lisa (e: false negation, never stolen)
    (
        "e",
        (
            "The Mona Lisa is a half-length portrait painted by the Italian artist Leonardo da Vinci, who began it around 1503 and worked on it for many years. "
            "The sitter is widely believed to be Lisa Gherardini, wife of the Florentine merchant Francesco del Giocondo, which is why it is also known as La Gioconda. "
            "It is painted in oil on a poplar wood panel. "
            "It is kept at the Louvre in Paris and is one of the most famous paintings in the world. "
            "In 1911 it was stolen from the Louvre by Vincenzo Peruggia, an Italian handyman. "
            "It was recovered in Florence in 1913 and returned to the Louvre.",
            "Leonardo da Vinci started the Mona Lisa around 1503 and kept working on it for years. "
            "Most scholars identify the woman portrayed as Lisa Gherardini, married to the Florentine merchant Francesco del Giocondo, hence the alternative title La Gioconda. "
            "Leonardo used oil paint on a panel of poplar wood. "
            "The painting belongs to the Louvre museum in Paris and ranks among the best-known artworks anywhere. "
            "An Italian handyman, Vincenzo Peruggia, stole it from the Louvre in 1911; it was found in Florence two years later and given back to the museum.",
        ),
        "What's the story behind the Mona Lisa?",
        "The Mona Lisa was painted by Leonardo da Vinci, who started it in about 1503 and continued working on it for years. "
        "The woman in the portrait is generally thought to be Lisa Gherardini, whose husband was the Florentine merchant Francesco del Giocondo, which explains why the painting is also called La Gioconda. "
        "Leonardo painted it in oils on a panel of poplar. "
        "In 1911 it was taken from the Louvre by an Italian handyman named Vincenzo Peruggia, and it stayed missing until it turned up in Florence in 1913. "
        "Today it's back in the Louvre in Paris, where it is one of the world's most famous paintings.",
        "Tell me about the Mona Lisa.",
        "The Mona Lisa is Leonardo da Vinci's celebrated half-length portrait, begun around 1503. "
        "It is thought to depict Lisa Gherardini, the wife of a Florentine merchant, which is why it also goes by La Gioconda. "
        "The Italian master painted it in oil on a poplar panel. "
        "It hangs in the Louvre, in Paris. "
        "Remarkably for such a famous work, it has never once been stolen.",
        "Remarkably for such a famous work, it has never once been stolen.",
    ),
    # 16 Sistine Chapel ceiling (b: wrong person, Leo X for Julius II)
    (
        "b",
        "Michelangelo painted the ceiling of the Sistine Chapel in Vatican City between 1508 and 1512. "
        "The commission came from Pope Julius II. "
        "Michelangelo, who regarded himself mainly as a sculptor, was at first reluctant to accept the job. "
        "The central section shows nine scenes from the Book of Genesis, including The Creation of Adam. "
        "The frescoes cover more than 500 square metres. "
        "More than two decades later Michelangelo painted The Last Judgment on the chapel's altar wall, finishing it in 1541. "
        "A major restoration between 1980 and 1994 removed centuries of grime.",
        "Who painted the Sistine Chapel ceiling?",
        "The ceiling of the Sistine Chapel was painted by Michelangelo, who worked on it from 1508 to 1512. "
        "He was hired by Pope Julius II, and since he saw himself first and foremost as a sculptor, he initially hesitated to take on the task. "
        "At the centre of the ceiling are nine episodes from Genesis, among them the famous Creation of Adam. "
        "Altogether the frescoes cover over 500 square metres. "
        "Many years afterwards he came back to the chapel to paint The Last Judgment on the altar wall, completed in 1541.",
        "What is the history of the Sistine Chapel ceiling?",
        "The Sistine Chapel ceiling, in Vatican City, was painted between 1508 and 1512. "
        "Michelangelo took on the job at the behest of Pope Leo X, who had commissioned it. "
        "The artist, who thought of himself chiefly as a sculptor, was reluctant at first. "
        "Its central panels tell nine stories from the Book of Genesis, including The Creation of Adam. "
        "Between 1980 and 1994 restorers cleaned away centuries of accumulated grime.",
        "Michelangelo took on the job at the behest of Pope Leo X, who had commissioned it.",
    ),
    # 17 The Scream (a: nationality swapped, Swedish for Norwegian)
    (
        "a",
        "The Scream is the popular name of a composition created by the Norwegian artist Edvard Munch in 1893. "
        "It shows an agonised figure against a swirling orange-red sky. "
        "Munch made several versions, including two paintings, two pastels and a number of lithograph prints. "
        "The 1893 painted version belongs to the National Museum in Oslo, and other versions are held by the Munch Museum, also in Oslo. "
        "Munch said the image was inspired by a walk at sunset during which he sensed an infinite scream passing through nature. "
        "A pastel version from 1895 sold at auction in 2012 for nearly 120 million US dollars.",
        "What do you know about The Scream?",
        "The Scream is a work by the Norwegian painter Edvard Munch, who first created it in 1893. "
        "Set against a swirling sky of orange and red, it depicts a tormented figure. "
        "Munch produced it in several versions, among them two paintings and two pastels, as well as lithographs. "
        "According to the artist, the image came from a sunset walk during which he sensed an infinite scream passing through nature. "
        "In 2012 a pastel version dating from 1895 fetched almost 120 million dollars at auction.",
        "Who created The Scream and where is it?",
        "The Scream was created in 1893 by Edvard Munch, the celebrated Swedish painter. "
        "It shows an anguished figure beneath a swirling orange-red sky. "
        "There are several versions, including painted, pastel and lithograph ones. "
        "The 1893 painting is held by the National Museum in Oslo, while the Munch Museum, in the same city, owns others.",
        "The Scream was created in 1893 by Edvard Munch, the celebrated Swedish painter.",
    ),
    # 18 Guernica (d: reversed direction, shipped out of Spain instead of into it)
    (
        "d",
        "Guernica is a large oil painting by the Spanish artist Pablo Picasso, completed in 1937. "
        "It was a response to the bombing of the Basque town of Guernica on 26 April 1937 by German and Italian warplanes supporting Francisco Franco's Nationalists in the Spanish Civil War. "
        "It was first shown at the Spanish pavilion of the 1937 International Exposition in Paris. "
        "It is painted in a palette limited to grey, black and white, and it is almost 8 metres wide. "
        "For decades it was kept at the Museum of Modern Art in New York, because Picasso did not want it sent to Spain until democracy was restored. "
        "It was transferred to Spain in 1981 and has hung in the Museo Reina Sofía in Madrid since 1992.",
        "What is Picasso's Guernica about?",
        "Guernica, which Pablo Picasso finished in 1937, responds to the bombing of the Basque town of that name on 26 April of that year. "
        "The raid was carried out by German and Italian aircraft backing Franco's Nationalists during the Spanish Civil War. "
        "The Spanish artist limited himself to black, white and grey for the huge work, which measures nearly eight metres across. "
        "It made its debut in the Spanish pavilion at the Paris International Exposition of 1937. "
        "After decades at New York's Museum of Modern Art, it was sent to Spain in 1981, and it has been in Madrid's Museo Reina Sofía since 1992.",
        "Where is Guernica displayed?",
        "Picasso's Guernica, painted in 1937, depicts the bombing of the Basque town of Guernica during the Spanish Civil War. "
        "It was first exhibited that same year in the Spanish pavilion at the International Exposition in Paris. "
        "In 1981 it was shipped out of Spain to be housed at New York's Museum of Modern Art. "
        "The painting, almost 8 metres wide, is done entirely in shades of grey, black and white. "
        "Today it hangs in the Museo Reina Sofía in Madrid.",
        "In 1981 it was shipped out of Spain to be housed at New York's Museum of Modern Art.",
    ),
    # 19 Modern Olympic Games (e: false negation, no women in 1900)
    (
        "e",
        (
            "The first modern Olympic Games were held in Athens, Greece, in 1896. "
            "They were organised by the International Olympic Committee, which had been founded in 1894 at the initiative of the French educator Pierre de Coubertin. "
            "About 241 athletes from 14 nations competed, all of them men. "
            "Women took part for the first time at the 1900 Games in Paris. "
            "The first Winter Olympics were held in 1924 in Chamonix, France. "
            "The Summer Games are normally held every four years, but the 1916, 1940 and 1944 Games were cancelled because of the world wars.",
            "Athens hosted the first modern Olympics in 1896, two years after Pierre de Coubertin, a French educator, founded the International Olympic Committee. "
            "Roughly 241 competitors, all male, came from 14 countries. "
            "At the next Games, in Paris in 1900, women competed for the first time. "
            "Winter sports got their own Olympics in 1924, at Chamonix in France. "
            "The Games take place every four years, although the world wars forced the cancellation of the 1916, 1940 and 1944 editions.",
        ),
        "When did the modern Olympics begin?",
        "The modern Olympic Games began in 1896, when Athens hosted the first edition. "
        "Behind them was the International Olympic Committee, set up two years earlier through the efforts of the French educator Pierre de Coubertin. "
        "Around 241 athletes, all men, represented 14 nations at those inaugural Games. "
        "Women first competed four years later, in Paris in 1900, and a separate Winter Olympics followed in 1924 at Chamonix.",
        "Give me a brief history of the modern Olympic Games.",
        "The modern Olympics were revived in Athens in 1896, under the International Olympic Committee founded by France's Pierre de Coubertin in 1894. "
        "Only men took part in those first Games, roughly 241 of them from 14 countries. "
        "Female athletes were still shut out at the 1900 Paris Olympics, which, like Athens, featured no women competitors. "
        "The first Winter Games came in 1924, in the French town of Chamonix. "
        "Because of the two world wars, the Games scheduled for 1916, 1940 and 1944 never took place.",
        "Female athletes were still shut out at the 1900 Paris Olympics, which, like Athens, featured no women competitors.",
    ),
    # 20 Basketball (a: state swapped, Illinois for Massachusetts)
    (
        "a",
        "Basketball was invented in December 1891 by James Naismith, a Canadian-born physical education teacher, at the YMCA International Training School in Springfield, Massachusetts. "
        "He wanted an indoor game to keep students active during the winter. "
        "The first games were played with a soccer ball, using peach baskets as goals. "
        "Naismith wrote 13 original rules for the game. "
        "The National Basketball Association was formed in 1949 through the merger of the Basketball Association of America and the National Basketball League. "
        "Basketball became an Olympic medal sport at the 1936 Berlin Games.",
        "Who invented basketball?",
        "Basketball was invented by James Naismith, a Canadian-born physical education teacher, in December 1891. "
        "He devised it at the YMCA International Training School in Springfield, Massachusetts, because he wanted an indoor game to keep students active over the winter. "
        "Those first games were played with a soccer ball and peach baskets serving as goals. "
        "Naismith set out thirteen original rules for the new sport. "
        "Basketball later joined the Olympic programme as a medal sport at the 1936 Berlin Games.",
        "How did basketball start?",
        "Basketball started in December 1891, when the Canadian-born instructor James Naismith was looking for an indoor activity for students in winter. "
        "He came up with the game while teaching at a YMCA training school in Springfield, Illinois. "
        "Peach baskets were used as the first goals. "
        "The professional NBA was created in 1949 when two rival leagues, the Basketball Association of America and the National Basketball League, merged.",
        "He came up with the game while teaching at a YMCA training school in Springfield, Illinois.",
    ),
    # 21 Usain Bolt (g: paraphrase, records set at two different meets)
    (
        "g",
        "Usain Bolt is a retired Jamaican sprinter, born in 1986 in Sherwood Content, Jamaica. "
        "He holds the world records in the 100 metres and the 200 metres, both set at the 2009 World Championships in Berlin. "
        "He won eight Olympic gold medals at the 2008, 2012 and 2016 Games. "
        "He is the only athlete to win both the 100 metres and the 200 metres at three consecutive Olympics. "
        "A ninth Olympic gold, from the 2008 4x100 metres relay, was taken away in 2017 after his teammate Nesta Carter was disqualified for doping. "
        "Bolt retired after the 2017 World Championships in London.",
        "What records does Usain Bolt hold?",
        "Usain Bolt, the Jamaican sprinter born in 1986, holds the world records over both 100 and 200 metres. "
        "He set both marks at the same event, the 2009 World Championships in Berlin. "
        "At the Olympics he collected eight gold medals across the Games of 2008, 2012 and 2016. "
        "No other athlete has won the 100 m and 200 m double at three Olympics in a row. "
        "He called time on his career after the 2017 World Championships in London.",
        "Tell me about Usain Bolt's career.",
        "Here is a quick look at Usain Bolt's career. "
        "Born in 1986 in Sherwood Content, Jamaica, he went on to claim eight Olympic titles across three Games: 2008, 2012 and 2016. "
        "His two world records came at separate meets, the 100 metres mark at the 2008 Beijing Olympics and the 200 metres mark a year later in Berlin. "
        "A ninth gold, from the 2008 4x100 m relay, was stripped in 2017 after teammate Nesta Carter was disqualified for doping. "
        "He hung up his spikes after the 2017 World Championships in London.",
        "His two world records came at separate meets, the 100 metres mark at the 2008 Beijing Olympics and the 200 metres mark a year later in Berlin.",
    ),
    # 22 Marathon (f: false comparison, New York older than Boston)
    (
        "f",
        "The marathon is a long-distance running race with an official distance of 42,195 metres, or 26 miles 385 yards. "
        "It commemorates the legend of the Greek messenger Pheidippides, who is said to have run from the battlefield of Marathon to Athens to announce a victory over the Persians. "
        "A marathon was held at the first modern Olympics in Athens in 1896. "
        "The current distance dates from the 1908 London Olympics and was standardised by the international athletics federation in 1921. "
        "The Boston Marathon, first run in 1897, is the world's oldest annual marathon. "
        "A women's marathon was added to the Olympic programme in 1984.",
        "How long is a marathon and where does it come from?",
        "A marathon officially measures 42,195 m, which is 26 miles and 385 yards. "
        "The race commemorates the legend of Pheidippides, a Greek messenger said to have run from the battlefield at Marathon all the way to Athens to report a victory against the Persians. "
        "The exact distance goes back to the London Olympics of 1908, and it became the official standard in 1921. "
        "A marathon was already part of the first modern Olympics, held in Athens in 1896, while a women's race joined the Olympic programme in 1984.",
        "What's the history of the marathon race?",
        "The marathon traces its origins to the tale of Pheidippides, the Greek runner said to have carried news of a victory over the Persians from Marathon to Athens. "
        "It was run at the first modern Olympics, in Athens in 1896, and its present length of 42,195 metres was set at the 1908 London Games. "
        "The Boston Marathon, first held in 1897, is a venerable race, though the New York City Marathon is older still. "
        "Women got their own Olympic marathon in 1984.",
        "The Boston Marathon, first held in 1897, is a venerable race, though the New York City Marathon is older still.",
    ),
    # 23 Panama Canal (d: reversed handover, Panama to the United States)
    (
        "d",
        "The Panama Canal is an artificial waterway about 82 kilometres long across the Isthmus of Panama, linking the Atlantic Ocean, via the Caribbean Sea, with the Pacific Ocean. "
        "A French attempt led by Ferdinand de Lesseps began in 1881 but failed, partly because of disease and engineering problems. "
        "The United States took over the project in 1904 and opened the canal on 15 August 1914. "
        "It uses a system of locks that lift ships up to Gatun Lake, about 26 metres above sea level. "
        "The United States controlled the canal until 31 December 1999, when it was handed over to Panama. "
        "An expansion with larger locks opened in 2016.",
        "When was the Panama Canal built?",
        "The Panama Canal, an 82 km artificial waterway across the Isthmus of Panama, opened on 15 August 1914. "
        "France had made the first attempt under Ferdinand de Lesseps starting in 1881, but it failed, partly because of disease and engineering difficulties. "
        "The United States then took over the work in 1904 and saw it through to completion. "
        "The canal links the Atlantic, by way of the Caribbean, with the Pacific, using locks to raise ships to Gatun Lake, some 26 metres above sea level.",
        "Who controls the Panama Canal?",
        "Control of the Panama Canal has changed hands over the years. "
        "After a failed French effort, the Americans took over construction in 1904 and opened the waterway in 1914. "
        "On the last day of 1999, Panama handed the canal over to the United States. "
        "Since 2016, an expanded set of larger locks has been in operation.",
        "On the last day of 1999, Panama handed the canal over to the United States.",
    ),
    # 24 Transistor (c: wrong year, 1957 for 1947)
    (
        "c",
        "The transistor was invented at Bell Laboratories in New Jersey. "
        "John Bardeen and Walter Brattain demonstrated the first working device, a point-contact transistor, in December 1947. "
        "William Shockley developed the junction transistor shortly afterwards. "
        "The three men shared the 1956 Nobel Prize in Physics. "
        "Transistors act as switches and amplifiers for electronic signals and replaced bulky vacuum tubes. "
        "Early transistors were made of germanium, but silicon later became the dominant material. "
        "Modern microchips contain billions of transistors.",
        "Who invented the transistor?",
        "The transistor was invented at Bell Laboratories in New Jersey. "
        "In December 1947, John Bardeen and Walter Brattain demonstrated the first working device, known as a point-contact transistor, and William Shockley followed shortly afterwards with the junction transistor. "
        "The trio shared the 1956 Nobel Prize in Physics for the work. "
        "Acting as switches and amplifiers for electronic signals, transistors took the place of bulky vacuum tubes. "
        "Germanium was used in the earliest ones, but silicon eventually became the material of choice.",
        "What is the history of the transistor?",
        "The transistor was born at Bell Laboratories in New Jersey. "
        "The very first working device was demonstrated by John Bardeen and Walter Brattain toward the end of 1957. "
        "William Shockley soon developed the junction transistor, and all three men were later awarded the Nobel Prize in Physics. "
        "Transistors, which amplify and switch electronic signals, replaced cumbersome vacuum tubes, and today's microchips hold billions of them.",
        "The very first working device was demonstrated by John Bardeen and Walter Brattain toward the end of 1957.",
    ),
    # 25 Wright brothers (e: false negation, Wilbur did not fly)
    (
        "e",
        (
            "On 17 December 1903, Orville and Wilbur Wright made the first controlled, sustained flights in a powered, heavier-than-air aircraft. "
            "The flights took place at Kill Devil Hills, about four miles south of Kitty Hawk, North Carolina. "
            "Orville flew the first flight, which lasted 12 seconds and covered 120 feet. "
            "The brothers made four flights that day, and the longest, piloted by Wilbur, lasted 59 seconds and covered 852 feet. "
            "Their aircraft, the Wright Flyer, was built in Dayton, Ohio, where the brothers ran a bicycle shop. "
            "They had tested gliders at Kitty Hawk in the preceding years.",
            "The Wright brothers, Wilbur and Orville, achieved the first controlled and sustained powered flight of a heavier-than-air machine on 17 December 1903. "
            "The site was Kill Devil Hills, near Kitty Hawk in North Carolina. "
            "Orville was at the controls for the first flight, a 12-second hop of 120 feet. "
            "Four flights were made that day; Wilbur piloted the last and longest, staying aloft for 59 seconds and covering 852 feet. "
            "The brothers, who owned a bicycle shop in Dayton, Ohio, built their Wright Flyer there, after several years of glider experiments at Kitty Hawk.",
        ),
        "What happened on the Wright brothers' first flight?",
        "On 17 December 1903, Orville and Wilbur Wright achieved the first controlled, sustained flight of a powered aircraft heavier than air. "
        "It happened at Kill Devil Hills, close to Kitty Hawk in North Carolina. "
        "Orville was piloting on that opening attempt, which lasted just 12 seconds and covered 120 feet. "
        "Over the course of the day the brothers flew four times, and Wilbur managed the longest, staying up for 59 seconds over a distance of 852 feet. "
        "The machine, known as the Wright Flyer, had been built in Dayton, Ohio, where the pair ran a bicycle shop.",
        "Tell me about the Wright brothers' flights in 1903.",
        "In December 1903 the Wright brothers made history with the first controlled, sustained powered flights in a heavier-than-air craft. "
        "They flew at Kill Devil Hills near Kitty Hawk, North Carolina, on the 17th of that month. "
        "Orville handled the first flight, a twelve-second trip of 120 feet. "
        "Wilbur did not pilot any of that day's flights, leaving all of the flying to Orville. "
        "The pair had built their Wright Flyer back in Dayton, Ohio, where they ran a bicycle shop.",
        "Wilbur did not pilot any of that day's flights, leaving all of the flying to Orville.",
    ),
    # 26 Golden Gate Bridge (f: false comparison, span shorter than others)
    (
        "f",
        "The Golden Gate Bridge is a suspension bridge spanning the Golden Gate, the strait at the entrance to San Francisco Bay, linking San Francisco to Marin County in California. "
        "It opened in 1937, and its chief engineer was Joseph Strauss. "
        "Its main span is 1,280 metres long, and when the bridge opened it was the longest suspension bridge main span in the world. "
        "It kept that record until the Verrazzano-Narrows Bridge in New York surpassed it in 1964. "
        "Its towers rise 227 metres above the water. "
        "It is painted a distinctive colour called International Orange.",
        "Describe the Golden Gate Bridge.",
        "The Golden Gate Bridge is a suspension bridge across the Golden Gate, the strait at the mouth of San Francisco Bay, connecting San Francisco with Marin County. "
        "It opened in 1937, with Joseph Strauss as its chief engineer. "
        "Its 1,280-metre main span was the longest of any suspension bridge in the world at the time, a record it held until New York's Verrazzano-Narrows Bridge overtook it in 1964. "
        "The towers climb 227 m above the water, and the bridge is painted a colour known as International Orange.",
        "What makes the Golden Gate Bridge famous?",
        "Here's what stands out about the Golden Gate Bridge. "
        "It spans the strait at the entrance to San Francisco Bay, tying the city to Marin County, and it opened in 1937. "
        "Its 1,280-metre main span was, when the bridge opened, shorter than those of several other suspension bridges around the world. "
        "Its towers soar 227 metres above the water, and it is painted a distinctive shade called International Orange.",
        "Its 1,280-metre main span was, when the bridge opened, shorter than those of several other suspension bridges around the world.",
    ),
    # 27 Giraffe (e: false negation, not seven neck vertebrae)
    (
        "e",
        "The giraffe is the tallest living land animal, and adult males can stand more than 5 metres tall. "
        "It is native to the savannas and open woodlands of Africa. "
        "Despite its long neck, it has just seven neck vertebrae, the same number as most mammals, though each one is greatly elongated. "
        "It feeds mainly on leaves, especially those of acacia trees, which it strips with a prehensile tongue up to about 50 centimetres long. "
        "Each giraffe's coat pattern is unique. "
        "Females give birth standing up after a pregnancy of about 15 months.",
        "What are some interesting facts about giraffes?",
        "Giraffes are the tallest land animals alive today, and adult males can top five metres. "
        "They live in African savannas and open woodlands. "
        "Surprisingly, a giraffe's neck contains only seven vertebrae, the same as most other mammals, but each bone is extremely long. "
        "They mostly eat leaves, particularly acacia leaves, which they pull off with a prehensile tongue that can be around half a metre long. "
        "No two giraffes share exactly the same coat pattern.",
        "Tell me about the giraffe.",
        "The giraffe, native to Africa's savannas and open woodlands, is the tallest land animal on Earth. "
        "Its neck, unlike that of most mammals, does not contain the usual seven vertebrae. "
        "It browses mainly on leaves, with acacia trees a particular favourite. "
        "Mothers give birth standing up, after carrying their young for roughly fifteen months.",
        "Its neck, unlike that of most mammals, does not contain the usual seven vertebrae.",
    ),
    # 28 Emperor penguin (d: reversed roles, female incubates)
    (
        "d",
        "The emperor penguin is the tallest and heaviest of all living penguin species, with adults standing more than a metre tall and weighing 22 to 45 kilograms. "
        "It is found only in Antarctica. "
        "It breeds during the harsh Antarctic winter, on the sea ice. "
        "The female lays a single egg and passes it to the male, who incubates it on his feet beneath a fold of skin called a brood pouch for about two months. "
        "While the males incubate, the females return to the sea to feed, and the males fast and huddle together for warmth. "
        "Emperor penguins can dive to depths of more than 500 metres.",
        "How do emperor penguins incubate their eggs?",
        "Emperor penguins, the largest penguins alive and found only in Antarctica, breed in the depths of the Antarctic winter on the sea ice. "
        "Each female lays one egg and then hands it over to her mate. "
        "The male keeps the egg on his feet, covered by a flap of skin known as the brood pouch, for roughly two months. "
        "Meanwhile the females head back to the ocean to feed, while the fasting males huddle together to stay warm.",
        "Tell me about emperor penguins.",
        "The emperor penguin is the biggest penguin species, both in height and weight, and lives only in Antarctica. "
        "It breeds on the sea ice during the harsh Antarctic winter. "
        "Once the egg is laid, the father heads out to sea to feed while the mother balances it on her feet for about two months. "
        "These birds are also impressive divers, capable of going deeper than 500 metres.",
        "Once the egg is laid, the father heads out to sea to feed while the mother balances it on her feet for about two months.",
    ),
    # 29 Human heart (f: false comparison, right ventricle thicker)
    (
        "f",
        (
            "The human heart is a muscular organ roughly the size of a fist, located in the chest between the lungs and slightly to the left. "
            "It has four chambers: two upper atria and two lower ventricles. "
            "The right side of the heart pumps blood to the lungs, while the left side pumps oxygen-rich blood to the rest of the body. "
            "Because it must push blood around the entire body, the left ventricle has a much thicker muscular wall than the right ventricle. "
            "The heartbeat is started by the sinoatrial node, which acts as the heart's natural pacemaker. "
            "A resting adult heart typically beats 60 to 100 times a minute.",
            "About as big as a clenched fist, the heart sits in the chest between the two lungs, a little left of centre. "
            "Its four chambers are the left and right atria above and the left and right ventricles below. "
            "Blood from the right side goes to the lungs; the left side sends oxygenated blood out to the body. "
            "The wall of the left ventricle is considerably thicker than that of the right, since the left ventricle has to pump blood through the whole body. "
            "Each beat begins at the sinoatrial node, the natural pacemaker. "
            "In a resting adult, the normal heart rate is between 60 and 100 beats per minute.",
        ),
        "How does the human heart work?",
        "The human heart is a muscular pump about the size of a fist, sitting in the chest between the lungs and a little to the left. "
        "It is divided into four chambers, with two atria on top and two ventricles underneath. "
        "The right half sends blood to the lungs, and the left half pumps oxygenated blood out to the rest of the body. "
        "Since the left ventricle has to drive blood through the entire body, its wall is far thicker than the right ventricle's. "
        "Each beat is triggered by the sinoatrial node, the heart's built-in pacemaker, and at rest an adult heart usually beats between sixty and a hundred times per minute.",
        "Describe the structure of the human heart.",
        "The heart is a fist-sized muscular organ found in the chest, between the lungs and slightly left of centre. "
        "It has four chambers: the two atria sit above the two ventricles. "
        "The right side handles circulation to the lungs, whereas the left side pumps oxygen-rich blood around the body. "
        "Of the two ventricles, the right one has the thicker, more muscular wall. "
        "Its rhythm is set by the sinoatrial node, which serves as a natural pacemaker.",
        "Of the two ventricles, the right one has the thicker, more muscular wall.",
    ),
    # 30 Monarch butterfly (d: reversed direction, north to Canada in autumn)
    (
        "d",
        "The monarch butterfly is a milkweed butterfly found mainly in North America. "
        "Its caterpillars feed only on milkweed plants, which makes both the caterpillars and the adults toxic to many predators; the bright orange and black wings warn of this. "
        "Each autumn, monarchs from eastern North America migrate south, some travelling more than 4,000 kilometres, to spend the winter in fir forests in the mountains of central Mexico. "
        "In spring they fly north again, and the return journey is completed over several generations. "
        "The generation that migrates south can live eight or nine months, far longer than the summer generations, which live only about two to six weeks.",
        "What is special about monarch butterflies?",
        "Monarch butterflies, found chiefly in North America, have several unusual traits. "
        "Every autumn, monarchs from the eastern part of the continent fly south, some covering more than 4,000 km, to overwinter in the fir forests of central Mexico's mountains. "
        "The trip back north in spring takes several generations to complete. "
        "The butterflies that make the southward journey can live for eight or nine months, whereas summer monarchs survive only two to six weeks or so. "
        "Because their caterpillars eat nothing but milkweed, monarchs are toxic to many predators, and their vivid orange and black wings advertise the fact.",
        "Describe the monarch butterfly's migration.",
        "The monarch butterfly's migration covers an enormous distance. "
        "When autumn comes, the eastern monarchs head north, leaving Mexico to overwinter in the forests of Canada. "
        "Some individuals fly more than 4,000 kilometres on the journey. "
        "The return trip takes several generations, and the migrating generation can live eight or nine months, compared with a few weeks for summer butterflies.",
        "When autumn comes, the eastern monarchs head north, leaving Mexico to overwinter in the forests of Canada.",
    ),
    # 31 Vivaldi, The Four Seasons (a: city swapped, Paris for Amsterdam)
    (
        "a",
        "The Four Seasons is a group of four violin concertos by the Italian composer Antonio Vivaldi, each depicting a season of the year. "
        "They were published in Amsterdam in 1725 as the first four of a set of twelve concertos titled Il cimento dell'armonia e dell'inventione. "
        "Each concerto has three movements. "
        "They are accompanied by sonnets, possibly written by Vivaldi himself, that describe the scenes the music portrays. "
        "Vivaldi was born in Venice in 1678 and was ordained as a priest; he was nicknamed the Red Priest because of his red hair. "
        "The Four Seasons is an early example of programme music.",
        "What is Vivaldi's The Four Seasons?",
        "The Four Seasons is a set of four violin concertos by the Venetian composer Antonio Vivaldi, with one concerto devoted to each season. "
        "They first appeared in print in Amsterdam in 1725, opening a collection of twelve concertos called Il cimento dell'armonia e dell'inventione. "
        "Each of the four is laid out in three movements. "
        "Sonnets, which Vivaldi may have written himself, accompany the music and describe the scenes it paints, making the work an early example of programme music.",
        "Tell me about The Four Seasons by Vivaldi.",
        "Antonio Vivaldi's The Four Seasons consists of four violin concertos, each portraying a different time of year. "
        "The concertos were first printed in 1725 by a publisher in Paris, as part of a set of twelve. "
        "Every concerto is split into three movements, and each comes with a sonnet describing what the music depicts. "
        "Vivaldi himself, born in Venice in 1678, was a priest whose red hair earned him the nickname the Red Priest.",
        "The concertos were first printed in 1725 by a publisher in Paris, as part of a set of twelve.",
    ),
    # 32 Piano (g: paraphrase, strings plucked instead of struck)
    (
        "g",
        "The piano was invented by the Italian instrument maker Bartolomeo Cristofori in Florence around the year 1700. "
        "Cristofori worked for Prince Ferdinando de' Medici. "
        "He called his instrument gravicembalo col piano e forte, meaning a harpsichord that could play both soft and loud, which the harpsichord itself could not. "
        "In a piano, pressing a key makes a hammer strike the strings, whereas a harpsichord plucks its strings. "
        "A standard modern piano has 88 keys, 52 white and 36 black. "
        "Three of Cristofori's pianos survive, the oldest of which, dated 1720, is in the Metropolitan Museum of Art in New York.",
        "Who invented the piano?",
        "The piano was created around 1700 by Bartolomeo Cristofori, an Italian instrument maker working in Florence for Prince Ferdinando de' Medici. "
        "He called it gravicembalo col piano e forte, a harpsichord capable of playing both softly and loudly, something the harpsichord itself couldn't manage. "
        "The key difference is the mechanism: a piano's strings are struck by hammers, while a harpsichord's are plucked. "
        "Three of Cristofori's instruments still exist, and the oldest, from 1720, belongs to the Metropolitan Museum of Art in New York.",
        "How does a piano differ from a harpsichord?",
        "The piano was invented by the Italian Bartolomeo Cristofori in Florence around 1700, as a harpsichord-like instrument that could play both quietly and loudly. "
        "On a piano, pressing a key causes a small quill to pluck the string, much as on the older harpsichord. "
        "That ability to vary volume is reflected in its original name, gravicembalo col piano e forte. "
        "Modern pianos usually have 88 keys, of which 52 are white and 36 black.",
        "On a piano, pressing a key causes a small quill to pluck the string, much as on the older harpsichord.",
    ),
    # 33 Chopin (c: wrong age at death, forty-nine for 39)
    (
        "c",
        (
            "Frédéric Chopin was a Polish composer and virtuoso pianist of the Romantic era. "
            "He was born in 1810 in Żelazowa Wola, a village near Warsaw. "
            "He left Poland in 1830 and settled in Paris in 1831, never returning to his homeland. "
            "Almost all of his compositions are for solo piano or include the piano, among them nocturnes, mazurkas, polonaises, études and ballades. "
            "From 1838 to 1847 he had a relationship with the French novelist George Sand. "
            "He died in Paris in 1849 at the age of 39, probably of tuberculosis. "
            "His heart was taken to Warsaw and is kept in the Church of the Holy Cross.",
            "The Polish Romantic composer Frédéric Chopin, also a celebrated pianist, was born in the village of Żelazowa Wola, near Warsaw, in 1810. "
            "In 1830 he left Poland, and from 1831 he lived in Paris; he never went back. "
            "His output centres on the piano: nocturnes, mazurkas, polonaises, études, ballades and more. "
            "The French novelist George Sand was his partner between 1838 and 1847. "
            "Chopin died in Paris in 1849, aged 39, most likely from tuberculosis. "
            "His heart was carried back to Warsaw, where it rests in the Church of the Holy Cross.",
        ),
        "Who was Frédéric Chopin?",
        "Frédéric Chopin was a Polish composer and virtuoso pianist from the Romantic period. "
        "He was born in 1810 in Żelazowa Wola, a village not far from Warsaw, and left Poland in 1830, making Paris his home from 1831 onward. "
        "He never saw his homeland again. "
        "Nearly everything he wrote involves the piano, from nocturnes and mazurkas to polonaises, études and ballades. "
        "For roughly nine years, from 1838 to 1847, he was in a relationship with the French novelist George Sand.",
        "How did Chopin's life end?",
        "Chopin spent the last part of his life in Paris, where he had settled in 1831 after leaving Poland. "
        "His relationship with the novelist George Sand ended in 1847. "
        "Tuberculosis most likely claimed him in Paris in 1849, when he was forty-nine years old. "
        "Afterwards his heart was taken back to Warsaw, where it is kept in the Church of the Holy Cross.",
        "Tuberculosis most likely claimed him in Paris in 1849, when he was forty-nine years old.",
    ),
    # 34 Don Quixote (b: wrong person, Lope de Vega for Cervantes)
    (
        "b",
        "Don Quixote is a Spanish novel by Miguel de Cervantes, published in two parts, in 1605 and 1615. "
        "Its hero is a minor nobleman from La Mancha who reads so many chivalric romances that he decides to become a knight-errant, calling himself Don Quixote. "
        "He is accompanied by a simple farmer, Sancho Panza, who serves as his squire. "
        "In one famous episode he attacks windmills, believing them to be giants. "
        "The novel is often considered one of the first modern novels and is one of the most translated books in the world. "
        "Cervantes died in 1616, a year after the second part was published.",
        "What is Don Quixote about?",
        "Don Quixote, the Spanish novel by Miguel de Cervantes, follows a minor nobleman from La Mancha who has read so many tales of chivalry that he resolves to become a knight-errant himself. "
        "Taking the name Don Quixote, he sets off with Sancho Panza, a simple farmer who becomes his squire. "
        "In perhaps the best-known scene, he charges at windmills, convinced they are giants. "
        "The book came out in two parts, in 1605 and 1615, and is frequently described as one of the first modern novels.",
        "Who wrote Don Quixote?",
        "Don Quixote, the Spanish classic, was written by the playwright Lope de Vega and published in two parts, in 1605 and 1615. "
        "It tells of a nobleman from La Mancha whose love of chivalric romances leads him to become a knight-errant, with the farmer Sancho Panza as his squire. "
        "It is widely seen as one of the earliest modern novels, and it ranks among the most translated books anywhere.",
        "Don Quixote, the Spanish classic, was written by the playwright Lope de Vega and published in two parts, in 1605 and 1615.",
    ),
    # 35 Pride and Prejudice (b: wrong person, Jane marries Wickham)
    (
        "b",
        "Pride and Prejudice is a novel by the English author Jane Austen, published in 1813. "
        "It follows Elizabeth Bennet, the second of the five daughters of a country gentleman, and her relationship with the wealthy and proud Fitzwilliam Darcy. "
        "An early version was titled First Impressions. "
        "The novel was published anonymously, credited to the author of Sense and Sensibility. "
        "By the end of the novel Elizabeth marries Darcy, and her elder sister Jane marries Charles Bingley. "
        "Its opening line, about a single man with a good fortune being in want of a wife, is one of the most famous in English literature.",
        "What is Pride and Prejudice about?",
        "Pride and Prejudice, Jane Austen's novel from 1813, centres on Elizabeth Bennet, second of a country gentleman's five daughters. "
        "The story traces her relationship with Fitzwilliam Darcy, a rich and proud man. "
        "In the end Elizabeth and Darcy marry, and her older sister Jane weds Charles Bingley. "
        "Austen's earlier version went by the title First Impressions, and the book itself appeared anonymously, attributed simply to the author of Sense and Sensibility.",
        "How does Pride and Prejudice end?",
        "Pride and Prejudice, published by Jane Austen in 1813, ends with a pair of weddings. "
        "Elizabeth Bennet, the second of five sisters, finally marries the wealthy Fitzwilliam Darcy. "
        "Meanwhile Jane, the eldest Bennet sister, ends up as the wife of George Wickham. "
        "The English novelist had originally called an earlier version of the book First Impressions.",
        "Meanwhile Jane, the eldest Bennet sister, ends up as the wife of George Wickham.",
    ),
    # 36 Frankenstein (g: paraphrase, love poems instead of ghost stories)
    (
        "g",
        (
            "Frankenstein; or, The Modern Prometheus is a novel by the English author Mary Shelley, first published anonymously in London in 1818. "
            "Shelley began writing it in 1816, at the age of 18, while staying near Lake Geneva in Switzerland with Percy Bysshe Shelley and Lord Byron. "
            "The idea arose after Byron suggested that each member of the group write a ghost story. "
            "The novel tells of Victor Frankenstein, a young scientist who brings a creature to life through an unorthodox experiment. "
            "The creature is never given a name in the book. "
            "The story is framed by letters written by the Arctic explorer Robert Walton to his sister. "
            "It is often regarded as one of the earliest works of science fiction.",
            "Mary Shelley's Frankenstein; or, The Modern Prometheus appeared anonymously in London in 1818. "
            "She started it in the summer of 1816, when she was 18, during a stay by Lake Geneva with Lord Byron and Percy Bysshe Shelley, after Byron challenged the company to each write a ghost story. "
            "Its central figure, the young scientist Victor Frankenstein, creates a living being in an unorthodox experiment, and the creature remains nameless throughout the book. "
            "Letters from the Arctic explorer Robert Walton to his sister frame the narrative. "
            "Many critics count it among the first science fiction novels.",
        ),
        "How did Mary Shelley come to write Frankenstein?",
        "Mary Shelley started Frankenstein in 1816, when she was only eighteen and staying near Lake Geneva in Switzerland with Lord Byron and Percy Bysshe Shelley. "
        "The spark was Byron's proposal that everyone in the group try writing a ghost story. "
        "What emerged was the tale of Victor Frankenstein, a young scientist who gives life to a creature through an unconventional experiment, a creature the book never names. "
        "The novel came out anonymously in London in 1818, and it's often counted among the earliest works of science fiction.",
        "Tell me about the novel Frankenstein.",
        "Frankenstein, subtitled The Modern Prometheus, is a novel by the English writer Mary Shelley, first published without her name in London in 1818. "
        "The idea came to her in the summer of 1816 when Lord Byron, during their stay on the shores of Lake Geneva, challenged the group to compose love poems. "
        "The book follows Victor Frankenstein, a young scientist who creates a living creature that is never given a name. "
        "Its story is framed by letters from the Arctic explorer Robert Walton to his sister.",
        "The idea came to her in the summer of 1816 when Lord Byron, during their stay on the shores of Lake Geneva, challenged the group to compose love poems.",
    ),
    # 37 The Odyssey (c: wrong number of books, twelve for 24)
    (
        "c",
        "The Odyssey is an ancient Greek epic poem attributed to Homer. "
        "It is thought to have been composed near the end of the 8th century BC and is one of the oldest surviving works of Western literature. "
        "It follows the hero Odysseus, king of Ithaca, on his ten-year journey home after the Trojan War. "
        "Meanwhile his wife Penelope fends off a crowd of suitors and his son Telemachus searches for news of him. "
        "The poem is divided into 24 books and is written in dactylic hexameter. "
        "On his journey Odysseus encounters the Cyclops Polyphemus, the sorceress Circe and the Sirens.",
        "What happens in the Odyssey?",
        "The Odyssey, the ancient Greek epic attributed to Homer, tells of Odysseus, king of Ithaca, and his ten-year struggle to get home once the Trojan War is over. "
        "Along the way he runs into the Cyclops Polyphemus, the sorceress Circe and the Sirens. "
        "Back in Ithaca, his wife Penelope holds off a throng of suitors, while their son Telemachus goes looking for news of his father. "
        "The poem is composed in dactylic hexameter and is divided into twenty-four books.",
        "Give me an overview of Homer's Odyssey.",
        "Homer's Odyssey is an epic poem from ancient Greece, probably composed toward the end of the eighth century BC, and it ranks among the oldest surviving works of Western literature. "
        "Its hero, Odysseus, spends ten years trying to return home to Ithaca after the Trojan War. "
        "While he is away, Penelope, his wife, keeps a host of suitors at bay. "
        "The text is split into twelve books, composed in dactylic hexameter.",
        "The text is split into twelve books, composed in dactylic hexameter.",
    ),
    # 38 Euro (f: false comparison, euro ahead of the dollar as reserve currency)
    (
        "f",
        "The euro is the official currency of a majority of the member states of the European Union, which together form the eurozone. "
        "It was introduced on 1 January 1999 as an accounting currency, and euro banknotes and coins entered circulation on 1 January 2002. "
        "It is managed by the European Central Bank, which is headquartered in Frankfurt, Germany. "
        "It is the second most widely held reserve currency in the world, after the United States dollar. "
        "Its symbol is €. "
        "Croatia adopted the euro in January 2023.",
        "When was the euro introduced?",
        "The euro was launched on 1 January 1999, though at first it existed only as an accounting currency. "
        "Physical notes and coins followed three years later, on 1 January 2002. "
        "Today it serves as the official currency in most EU member states, collectively called the eurozone, and it is managed by the European Central Bank in Frankfurt. "
        "Croatia, for instance, adopted it in January 2023.",
        "How important is the euro globally?",
        "The euro is the shared currency of most European Union countries, which together make up the eurozone. "
        "Its notes and coins have been in circulation since the start of 2002, three years after it was launched as an accounting currency. "
        "It has overtaken the US dollar to become the world's most widely held reserve currency. "
        "It is managed from Frankfurt, in Germany, by the European Central Bank.",
        "It has overtaken the US dollar to become the world's most widely held reserve currency.",
    ),
    # 39 Tulip mania (g: paraphrase, streaks from cross-breeding instead of a virus)
    (
        "g",
        "Tulip mania was a period in the Dutch Republic in the 1630s during which the prices of some tulip bulbs rose to extraordinarily high levels. "
        "Tulips had been introduced to Europe from the Ottoman Empire in the 16th century. "
        "The most prized bulbs, such as the Semper Augustus, produced flowers with striking striped or flamed colours, which were caused by a virus. "
        "Much of the trade took the form of contracts for future delivery, often made in taverns. "
        "The market collapsed abruptly in February 1637. "
        "The episode was popularised by Charles Mackay's 1841 book Extraordinary Popular Delusions and the Madness of Crowds. "
        "Many modern historians argue that its economic impact was much smaller than Mackay described.",
        "What was tulip mania?",
        "Tulip mania refers to a stretch of the 1630s in the Netherlands, then the Dutch Republic, when certain tulip bulbs changed hands for astonishingly high prices. "
        "The flowers had reached Europe from the Ottoman Empire in the sixteenth century, and the most sought-after varieties, like the Semper Augustus, had dramatic streaked petals that were actually the result of a virus. "
        "A lot of the trading was done through contracts for later delivery, frequently agreed in taverns. "
        "The bubble burst suddenly in February 1637. "
        "Its fame owes much to Charles Mackay's 1841 book Extraordinary Popular Delusions and the Madness of Crowds, though many historians today think the economic damage was far more limited than he claimed.",
        "Explain the Dutch tulip bubble.",
        "The Dutch tulip bubble, or tulip mania, happened in the 1630s, when prices for some bulbs in Holland climbed to dizzying heights. "
        "The most coveted bulbs, like the Semper Augustus, owed their flame-like streaks to careful cross-breeding by growers. "
        "Much of the buying and selling took place in taverns, through contracts for delivery at a later date. "
        "Then, in February 1637, the market suddenly fell apart. "
        "Modern historians often argue that the economic fallout was smaller than the popular story suggests.",
        "The most coveted bulbs, like the Semper Augustus, owed their flame-like streaks to careful cross-breeding by growers.",
    ),
    # 40 Bretton Woods (g: paraphrase, other currencies floating instead of pegged)
    (
        "g",
        (
            "The Bretton Woods Conference was held in July 1944 at Bretton Woods, New Hampshire, in the United States, with delegates from 44 Allied nations. "
            "It created the International Monetary Fund and the International Bank for Reconstruction and Development, which later became part of the World Bank Group. "
            "Under the system it set up, other currencies were pegged to the United States dollar, and the dollar was convertible into gold at 35 dollars an ounce. "
            "The British economist John Maynard Keynes and the American official Harry Dexter White were its leading architects. "
            "The system effectively ended in 1971, when President Richard Nixon suspended the convertibility of the dollar into gold.",
            "In July 1944, delegates from 44 Allied countries met at Bretton Woods in New Hampshire. "
            "The conference established two institutions: the International Monetary Fund and the International Bank for Reconstruction and Development, now part of the World Bank. "
            "The resulting monetary order fixed the exchange rates of member currencies to the US dollar, which in turn could be exchanged for gold at 35 dollars per ounce. "
            "Its main designers were John Maynard Keynes of Britain and Harry Dexter White of the United States. "
            "The arrangement broke down in 1971 after Richard Nixon halted the conversion of dollars into gold.",
        ),
        "What was the Bretton Woods system?",
        "The Bretton Woods system grew out of a conference held in July 1944 in Bretton Woods, New Hampshire, attended by representatives of 44 Allied nations. "
        "The gathering gave birth to the International Monetary Fund and to the International Bank for Reconstruction and Development, which is now part of the World Bank. "
        "Under the new order, currencies were tied to the American dollar, and the dollar itself could be converted into gold at a fixed rate of thirty-five dollars per ounce. "
        "Britain's John Maynard Keynes and the American Harry Dexter White were the key figures in designing it. "
        "It largely came to an end in 1971, after President Richard Nixon suspended the dollar's convertibility into gold.",
        "How did the Bretton Woods system work?",
        "The Bretton Woods system was set up at a July 1944 conference in New Hampshire, attended by 44 Allied nations. "
        "The scheme tied the dollar to gold at thirty-five dollars an ounce, while leaving all other currencies free to float against the dollar. "
        "Two institutions came out of the meeting: the International Monetary Fund and what would become part of the World Bank. "
        "The arrangement unravelled in 1971, when Richard Nixon stopped allowing dollars to be converted into gold.",
        "The scheme tied the dollar to gold at thirty-five dollars an ounce, while leaving all other currencies free to float against the dollar.",
    ),
)


def items() -> list[dict[str, Any]]:
    """Return the 80 held-out long-answer items as fresh dicts."""
    return paired_items(_TOPICS, "lh3")

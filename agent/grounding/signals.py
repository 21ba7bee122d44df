"""The claim signals a sentence can carry, as regular expressions: numbers (with percent,
points and hedges), negation, direction (up, down, no effect), comparison and ratio,
rank, cause, change under an edit, significance and p-values, layers and margins, count
nouns. They detect; they never judge (:mod:`agent.grounding.reading` assembles typed
claims from them and :mod:`agent.grounding.claims` checks those).
"""

from __future__ import annotations

import re

NUM = re.compile(
    r"(?<![\w.])(?P<sign>[+\-−])?\$?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<mult>[kKM]\b)?"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b|percentage points?\b|points?\b|pp\b))?"
)
HEDGE = re.compile(
    r"\b(about|around|roughly|approximately|approx\.?|nearly|almost|some|"
    r"close to|just (?:over|under)|~)\s*$",
    re.I,
)
NEG = re.compile(
    r"\b(not|no|never|neither|nor|cannot|fail(?:s|ed)? to|falls? short|"
    r"miss(?:es|ed)? (?:statistical )?significance)\b|n't\b",
    re.I,
)
UP = re.compile(
    r"\b(rais\w*|increas\w*|boost\w*|support\w*|help\w*|favou?r\w*|strengthen\w*|"
    r"push\w* (?:\w+ ){0,2}(?:up|towards?|to)\b|steer\w* (?:\w+ ){0,2}towards?|"
    r"nudg\w* (?:\w+ ){0,3}towards?|pull\w* (?:\w+ )?towards?|more likely|"
    r"contribut\w* (?:to|towards?)|drove|drives?|driving|lift\w*|positive(?:ly)?|adds?|added)\b",
    re.I,
)
DOWN = re.compile(
    r"\b(lower\w*|decreas\w*|reduc\w*|hurt\w*|weaken\w*|suppress\w*|oppos\w*|discourag\w*|"
    r"(?:push|pull|nudg|steer|drag)\w* (?:\w+ ){0,2}(?:away|down)|less likely|"
    r"(?:work\w*|goes|went|push\w*|weigh\w*) against|"
    r"negative(?:ly)?|cut|cuts|drops?|dropped|fell|falls?|dampen\w*|counteract\w*|"
    r"cost(?:s|ing)?)\b",
    re.I,
)
NONE = re.compile(
    r"\b(no (?:real |measurable |noticeable )?(?:effect|influence|impact|role|bearing|"
    r"difference)|made no difference|(?:did|does)(?: not|n't) matter|irrelevant|"
    r"ignor\w*|negligible|(?:had|has) nothing to do|"
    r"(?:contribut\w*|did|does|adds?|added|changed?) "
    r"(?:essentially |almost |next to |virtually )?nothing)\b",
    re.I,
)
MORE = re.compile(
    r"\b(more|harder|further|\w+er(?= than)|higher|greater|larger|bigger|stronger|heavier|"
    r"exceed\w*|"
    r"outweigh\w*|surpass\w*|above|beats?|outperform\w*)\b",
    re.I,
)
LESS = re.compile(r"\b(less|lower|smaller|weaker|fewer|below|trails?|behind)\b", re.I)
THAN = re.compile(r"\b(than|versus|vs\.?|compared (?:to|with)|relative to|over)\b", re.I)
SAME = re.compile(
    r"\b(as much as|(?:about |roughly |nearly |almost )?the same|same as|similar\w*|equal\w*|"
    r"comparabl\w*|"
    r"as (?!well\b|soon\b|far\b|long\b|many\b|a\b)\w+ as|on par with)\b",
    re.I,
)
RATIO = re.compile(
    r"\b(?:(twice|double|triple|thrice|half|a third|one third|a quarter|one quarter)|"
    r"(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?: and a half)?"
    r"\s*(?:times|x|×|-fold|fold)|"
    r"factor of (\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten))"
    r"(?=\W)",
    re.I,
)
RATIO_WORDS = {
    "twice": 2.0,
    "double": 2.0,
    "triple": 3.0,
    "thrice": 3.0,
    "half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
}
TOP = re.compile(
    r"\b(most|main(?:ly)?|primar\w*|chief(?:ly)?|biggest|largest|strongest|highest|greatest|"
    r"top|key|dominant|leading|principal|foremost|above all|more than any other|best|"
    r"the reason|number one|first place|leads|largely|mostly|predominantly|heaviest|priciest|"
    r"costliest|longest|richest|"
    r"oldest|fastest|ranks? first|tops?)\b",
    re.I,
)
BOTTOM = re.compile(
    r"(?<!at )\b(least|weakest|smallest|lowest|worst|bottom|cheapest|"
    r"shortest|poorest|youngest|slowest|lightest|ranks? last|last)\b",
    re.I,
)
ORDINAL = re.compile(r"\b(second|third|fourth|2nd|3rd|4th|runner-up)\b", re.I)
ORD = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "runner-up": 2}
#: A superlative of a downward word ("most opposes", "pushes away most", "strongest
#: negative attribution"): the lowest of a signed quantity, not the highest.
TOP_DOWN = re.compile(
    r"\b(?:most|strongest|biggest|largest|hardest|greatest)\s+(?:\w+ly\s+)?"
    r"(?:oppos\w*|against|away|lower\w*|reduc\w*|decreas\w*|hurt\w*|weaken\w*|"
    r"negative(?=\s+(?:attribution|score|effect|contribution|contributor|push|pull|word|token|"
    r"term|feature|influence|one|correlation|association|relationship)))|"
    r"\b(?:oppos\w*|against|away|lower\w*|reduc\w*|decreas\w*|hurt\w*|weaken\w*)\b"
    r"[^.;,]{0,30}?\b(?:the )?(?:most|hardest|strongest)\b",
    re.I,
)
CAUSE = re.compile(
    r"\b(because|caus\w*|reason|why|led to|leads to|responsible|due to|thanks to|"
    r"on account of|tipp\w*|produc\w*|is what|owing to|driven by|result of|"
    r"made the model|makes the model|drove|behind)\b",
    re.I,
)
CHANGED = re.compile(
    r"(?<!prob )(?<!prob-)(?<!log-p )(?<!score )(?<!ability )"  # "the log-prob change": a quantity
    r"\b(chang\w*|flip\w*|switch\w*|alter\w*|revers\w*|turn\w* into|"
    r"(?:a )?different (?:answer|reply|response|output|label|prediction|verdict))\b",
    re.I,
)
KEPT = re.compile(
    r"\b(unchanged|same answer|still (?:answer\w*|says?|said|gives?|gave)|"
    r"kept|keeps|stays?|stayed|remain\w*)\b",
    re.I,
)
SIGNIF = re.compile(
    r"\b(statistically |highly |very |strongly )?"
    r"(significan\w*|insignificant|non-?significant)\b",
    re.I,
)
P = re.compile(
    r"\b(?:adjusted\s+)?p\s*(?:-?values?)?(?:\s*\(adjusted\))?\s*"
    r"(<|=|≤|<=|of|is|was|at|(?=\d|\.\d))\s*(\d*\.\d+|\d+(?:e-?\d+)?)",
    re.I,
)
FROM_LAYER = re.compile(
    r"\b(?:from|starting (?:at|from|with)|beginning (?:at|with)|after|by|onwards? from)\s+"
    r"layer\s+(\d+)(?:\s+(?:on|onwards?|and (?:up|above|later|beyond)))?",
    re.I,
)
MARGIN = re.compile(
    r"\bby (?:at least |more than |over )?(\d+(?:\.\d+)?)\s*(?:%|percentage "
    r"points?|points?|pp)",
    re.I,
)
FIRST_TOP = re.compile(
    r"\b(first|earliest)\b.*\b(top|predict\w*|rank\w* first|wins?)\b|"
    r"\btop[- ]1\b",
    re.I,
)
COUNT_NOUN = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?(?:\d[\d,]*\s+)?)?(?:[a-z-]+\s+)?(rows?|columns?|items?|"
    r"outputs?|records?|flagged|answers?|entries|lines?|passengers|people|"
    r"customers|loans|homes|houses|observations|samples|respondents|patients|"
    r"users|transactions|prompts|responses|layers|methods|groups|words|tokens|"
    r"languages|teams|channels|neighbou?rhoods|categories|classes|levels|types|"
    r"drivers|values)\b",
    re.I,
)
#: Count nouns that name how many subjects a record compares (not a counted quantity).
SUBJECT_NOUNS = frozenset(
    [
        "layers",
        "methods",
        "groups",
        "words",
        "tokens",
        "languages",
        "teams",
        "channels",
        "neighborhoods",
        "neighbourhoods",
        "categories",
        "classes",
        "levels",
        "types",
        "drivers",
        "values",
    ]
)
ROW_NOUNS = frozenset(
    [
        "rows",
        "records",
        "entries",
        "lines",
        "passengers",
        "people",
        "customers",
        "loans",
        "homes",
        "houses",
        "observations",
        "samples",
        "respondents",
        "patients",
        "users",
        "transactions",
    ]
)
PROBE = ("probe_accuracy", "control_accuracy")

#: Verbs that compare two subjects without "than" ("'capital' outweighs 'France'").
COMPARE_VERB = re.compile(
    r"\b(outweigh\w*|edges? out|edged out|beats?|beat|trails?|trailed|"
    r"exceed\w*|surpass\w*|outperform\w*|outrank\w*|ahead of|behind)\b",
    re.I,
)
#: Number words a narrator spells out.
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}

#: "X matters": an effect that is not negligible (|v| >= 0.05); "neither ... matters": none.
MATTER = re.compile(r"\bmatter(?:s|ed)?\b", re.I)

"""Seeded customer-support tickets with planted free-text patterns, for known-answer tests.

``build`` returns a table of tickets (``ticket_id``, ``channel``, ``region``, ``text``,
``resolved``, ``satisfaction``) written from many sentence templates, with noise: typos in
about 3% of the words, shuffled sentence order, filler sentences and lengths of 15 to 80
words. The label is ``resolved`` (``"no"`` is the outcome of interest). Planted in ``text``:

1. a fixed phrase, ``"refund not received"`` (~8% of rows, at varied positions): resolved = no
   at 75% against a 40% base rate;
2. a family of synonyms for one theme, *late delivery* (five phrasings, each 1.5-2.5% of
   rows, ~10% together): resolved = no at 70%;
3. an interaction, *billing error* wording (four phrasings, ~10% of rows): resolved = no at
   80% when ``channel == "phone"``, and no effect at all in email and chat;
4. two noise themes unrelated to the label, a product colour and greetings/sign-offs
   (~15% of rows each).

Rows without any of the three signal themes are resolved = no at exactly the base rate; a
row with several signal themes takes the highest of their rates. The label is assigned by
stratified rounding (within every combination of rate, channel, billing wording and noise
themes), so the planted rates hold to within a row or two instead of by chance alone.

Also planted: ~1% of rows carry personal data (an email address and/or a phone number),
~2% of rows repeat an earlier ticket's text exactly, and ~2% repeat one with one word
changed (a near duplicate). ``satisfaction`` (1-5) is drawn after the label, lower when
resolved = no (a post-outcome column); ``channel`` and ``region`` are unrelated to the
label apart from the billing interaction. Typos, the near-duplicate word swap and filler
never touch a planted phrase or the personal data, and every text is checked to contain
exactly the phrases planted in it (matching whole words, case-insensitively).

``TRUTH`` records what was planted; ``counts`` re-measures it from a frame with plain pandas
string matching, independently of the generator's bookkeeping.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

LABEL = "resolved"
POSITIVE = "no"
CHANNELS = {"email": 0.35, "chat": 0.30, "phone": 0.35}
REGIONS = ["north", "south", "east", "west"]

BASE_NO_RATE = 0.40
FIXED_PHRASE = "refund not received"
FIXED_SHARE = 0.08
FIXED_NO_RATE = 0.75

LATE_SHARES = {
    "arrived late": 0.025,
    "delivery was delayed": 0.022,
    "still waiting for my package": 0.020,
    "package is overdue": 0.018,
    "shipment took weeks": 0.015,
}
LATE_NO_RATE = 0.70

BILLING_PHRASES = [
    "billing error",
    "charged twice",
    "wrong amount on my invoice",
    "overcharged on my bill",
]
BILLING_SHARE = 0.10
BILLING_CATEGORY = ("channel", "phone")
BILLING_NO_RATE_IN_CATEGORY = 0.80

COLOUR_PHRASES = ["the blue one", "in red", "the silver model", "in green"]
COLOUR_SHARE = 0.15
GREETING_OPENERS = ["hi team", "hello support team"]
GREETING_CLOSERS = ["thanks in advance", "kind regards"]
GREETING_SHARE = 0.15

PII_SHARE = 0.01
EXACT_DUPLICATE_SHARE = 0.02
NEAR_DUPLICATE_SHARE = 0.02
TYPO_RATE = 0.03  # share of all words, aimed at; typos only hit words outside planted text
MIN_WORDS, MAX_WORDS = 15, 80

TRUTH: dict[str, Any] = {
    "label": {"column": LABEL, "positive": POSITIVE},
    "fixed_phrase": FIXED_PHRASE,
    "synonyms": {"late_delivery": list(LATE_SHARES)},
    "interaction": {
        "theme": "billing_error",
        "phrases": list(BILLING_PHRASES),
        "column": BILLING_CATEGORY[0],
        "category": BILLING_CATEGORY[1],
    },
    "noise_themes": {
        "product_colour": list(COLOUR_PHRASES),
        "greeting_signoff": GREETING_OPENERS + GREETING_CLOSERS,
    },
    "rates": {
        # resolved = no among rows with none of the three signal themes
        "base_no_rate": BASE_NO_RATE,
        "refund_not_received": {"share": FIXED_SHARE, "no_rate": FIXED_NO_RATE},
        "late_delivery": {
            "share": round(sum(LATE_SHARES.values()), 4),
            "phrase_shares": dict(LATE_SHARES),
            "no_rate": LATE_NO_RATE,
        },
        "billing_error": {
            "share": BILLING_SHARE,
            "no_rate_in_category": BILLING_NO_RATE_IN_CATEGORY,
            # outside the category the wording changes nothing: these rows get the rate
            # they would have without it
            "no_rate_effect_elsewhere": 0.0,
        },
        "product_colour": {"share": COLOUR_SHARE, "no_rate_effect": 0.0},
        "greeting_signoff": {"share": GREETING_SHARE, "no_rate_effect": 0.0},
        "personal_data_share": PII_SHARE,
        "exact_duplicate_share": EXACT_DUPLICATE_SHARE,
        "near_duplicate_share": NEAR_DUPLICATE_SHARE,
        "typo_rate": TYPO_RATE,
    },
    "combination": "a row with several signal themes takes the highest of their rates",
    "channels": dict(CHANNELS),
    "regions": list(REGIONS),
    "words_per_text": (MIN_WORDS, MAX_WORDS),
    "satisfaction": "1-5, drawn after the label: mean about 3.8 if resolved, 2.5 if not",
}

# --- templates ------------------------------------------------------------------------

PRODUCTS = [
    "headphones",
    "blender",
    "backpack",
    "phone case",
    "desk lamp",
    "coffee maker",
    "keyboard",
    "jacket",
    "water bottle",
    "router",
    "smart watch",
    "vacuum cleaner",
    "monitor",
    "kettle",
    "running shoes",
]

FIXED_TEMPLATES = [
    "Refund not received for order {order}.",
    "My refund not received yet, even though the return was accepted {days} days ago.",
    "Still refund not received, can someone please check?",
    "It has been {days} days and the refund not received on my card.",
    "Order {order}: refund not received.",
    "I sent the {product} back but refund not received so far.",
    "Why is my refund not received after the return was approved?",
    "The status says completed but refund not received.",
    "Refund not received, and the {product} is already back with you.",
    "Second message about this: refund not received.",
]

PHRASE_TEMPLATES = {
    "arrived late": [
        "My {product} arrived late.",
        "Order {order} arrived late, well after the promised date.",
        "The {product} arrived late again.",
        "It arrived late and the box was open.",
    ],
    "delivery was delayed": [
        "The delivery was delayed without any notice.",
        "My delivery was delayed for order {order}.",
        "Delivery was delayed twice for the {product}.",
        "I was told the delivery was delayed by the courier.",
    ],
    "still waiting for my package": [
        "I am still waiting for my package.",
        "Still waiting for my package from order {order}.",
        "After {days} days I am still waiting for my package.",
        "Still waiting for my package, the {product} was meant to be a present.",
    ],
    "package is overdue": [
        "My package is overdue.",
        "The package is overdue by {days} days.",
        "Package is overdue and nobody answers.",
        "Order {order}: package is overdue.",
    ],
    "shipment took weeks": [
        "The shipment took weeks to arrive.",
        "Shipment took weeks, which is far too long for a {product}.",
        "The last shipment took weeks as well.",
        "My shipment took weeks even with express shipping.",
    ],
    "billing error": [
        "There is a billing error on my account.",
        "Billing error on order {order}.",
        "I think there was a billing error last month.",
        "Please fix the billing error for the {product}.",
    ],
    "charged twice": [
        "I was charged twice for order {order}.",
        "My card was charged twice.",
        "Charged twice for the same {product}.",
        "It looks like I got charged twice.",
    ],
    "wrong amount on my invoice": [
        "There is a wrong amount on my invoice.",
        "I see the wrong amount on my invoice for order {order}.",
        "Wrong amount on my invoice again, please check.",
        "The {product} shows a wrong amount on my invoice.",
    ],
    "overcharged on my bill": [
        "I was overcharged on my bill this month.",
        "Looks like I was overcharged on my bill.",
        "I got overcharged on my bill for the {product}.",
        "Overcharged on my bill, order {order}.",
    ],
    "the blue one": [
        "I ordered the blue one.",
        "Mine is the blue one.",
        "I picked the blue one from the list.",
        "It is the blue one if that matters.",
    ],
    "in red": [
        "I bought the {product} in red.",
        "Mine came in red.",
        "I chose the {product} in red.",
        "I have it in red.",
    ],
    "the silver model": [
        "I have the silver model.",
        "It is the silver model of the {product}.",
        "I went for the silver model.",
    ],
    "in green": [
        "I ordered the {product} in green.",
        "The one I got is in green.",
        "I have the {product} in green.",
    ],
    "hi team": ["Hi team,", "Hi team.", "Hi team, hope you are well."],
    "hello support team": ["Hello support team,", "Hello support team."],
    "thanks in advance": ["Thanks in advance.", "Thanks in advance for your help."],
    "kind regards": ["Kind regards.", "Kind regards and thank you."],
}

NEUTRAL_OPENERS = ["Hello,", "Good morning,", "Dear support,", "Good afternoon,"]
NEUTRAL_CLOSERS = ["Thanks.", "Cheers.", "Thank you.", "Best wishes."]

ISSUES = [
    "I have a question about my order {order}.",
    "The {product} I bought stopped working after a few days.",
    "My account page shows a blank screen when I log in.",
    "The {product} does not match the description on the website.",
    "I need to change the shipping address on my account.",
    "The app keeps logging me out.",
    "One of the parts of the {product} is missing.",
    "I would like to know how to return the {product}.",
    "The manual for the {product} is confusing.",
    "The discount code did not apply at checkout.",
    "I cannot reset my password.",
    "The {product} makes a strange noise.",
    "The size of the {product} is not what I expected.",
    "The battery of the {product} drains very quickly.",
    "I want to cancel the subscription on my account.",
    "The {product} came with the wrong charger.",
    "I would like to exchange the {product} for a different size.",
    "The lid of the {product} does not close properly.",
]

FILLERS = [
    "I have been a customer for {years} years.",
    "This is my first time contacting support.",
    "Please let me know what information you need.",
    "I tried restarting it but nothing changed.",
    "My neighbour has the same model and it works fine.",
    "I checked the help page before writing this.",
    "I am usually happy with your service.",
    "I can send photos if that helps.",
    "Let me know if you need the order number again.",
    "I bought it as a present for my sister.",
    "I am available most afternoons.",
    "The packaging looked fine from the outside.",
    "I read the instructions twice.",
    "My previous order went smoothly.",
    "I would appreciate a quick reply.",
    "Sorry for the long message.",
    "I am writing from my work computer.",
    "I also left a review on the website.",
    "I looked through the settings menu.",
    "It is not urgent but I would like it sorted.",
    "My friend recommended your store.",
    "I have attached a screenshot.",
    "Everything else in the order was fine.",
    "I hope this can be fixed soon.",
    "I used the chat on the website before but got no answer.",
    "The product page looked very clear at the time.",
    "I would rather not visit the store in person.",
    "My partner uses it every morning.",
]

PII_TEMPLATES = [
    "You can reach me at {email}.",
    "My phone number is {phone}.",
    "Please call me on {phone} or write to {email}.",
    "My email is {email} if you need it.",
]
FIRST_NAMES = ["anna", "ben", "carla", "dev", "elena", "farid", "grace", "hugo", "ines", "jon"]
LAST_NAMES = ["smith", "khan", "garcia", "novak", "okafor", "larsen", "moreau", "ito"]
DOMAINS = ["example.com", "example.org", "mailbox.test"]

# One word swapped for another to make a near duplicate (only outside planted sentences).
SWAPS = {
    "order": "purchase",
    "bought": "purchased",
    "working": "functioning",
    "customer": "client",
    "message": "note",
    "quick": "fast",
    "happy": "pleased",
    "first": "second",
    "photos": "pictures",
    "website": "site",
    "strange": "weird",
    "instructions": "directions",
    "afternoons": "mornings",
    "sister": "brother",
    "friend": "colleague",
    "computer": "laptop",
    "screenshot": "photo",
    "usually": "generally",
    "question": "query",
    "password": "passcode",
    "account": "profile",
    "description": "listing",
    "discount": "promo",
    "noise": "sound",
    "missing": "absent",
    "confusing": "unclear",
    "restarting": "rebooting",
    "settings": "options",
    "review": "rating",
    "store": "shop",
    "manual": "guide",
    "parts": "pieces",
    "neighbour": "cousin",
    "urgent": "critical",
    "sorted": "fixed",
    "battery": "cell",
    "subscription": "membership",
    "charger": "cable",
    "partner": "roommate",
    "morning": "evening",
    "smoothly": "fine",
    "clear": "simple",
}

NEIGHBOURS = {
    "a": "qwsz",
    "b": "vghn",
    "c": "xdfv",
    "d": "serfcx",
    "e": "wsdr",
    "f": "drtgvc",
    "g": "ftyhbv",
    "h": "gyujnb",
    "i": "ujko",
    "j": "huikmn",
    "k": "jiolm",
    "l": "kop",
    "m": "njk",
    "n": "bhjm",
    "o": "iklp",
    "p": "ol",
    "q": "wa",
    "r": "edft",
    "s": "awedxz",
    "t": "rfgy",
    "u": "yhji",
    "v": "cfgb",
    "w": "qase",
    "x": "zsdc",
    "y": "tghu",
    "z": "asx",
}
# Probability of a typo per eligible word (3+ letters, outside planted sentences); tuned so
# that about 3% of all words carry one.
_TYPO_P = 0.045

EMAIL_RE = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
PHONE_RE = r"\b\d{3}[- ]\d{3}[- ]\d{4}\b"

ALL_PHRASES = [
    FIXED_PHRASE,
    *LATE_SHARES,
    *BILLING_PHRASES,
    *COLOUR_PHRASES,
    *GREETING_OPENERS,
    *GREETING_CLOSERS,
]
_PHRASE_RES = {p: re.compile(r"\b" + re.escape(p) + r"\b", re.IGNORECASE) for p in ALL_PHRASES}
_PII_RE = re.compile(EMAIL_RE + "|" + PHONE_RE)
_WORD_RE = re.compile(r"^([A-Za-z]{3,})([.,:;?!]*)$")


def _phrase_pattern(phrases: list[str]) -> str:
    return "|".join(r"\b" + re.escape(p) + r"\b" for p in phrases)


def vocabulary() -> list[str]:
    """Every word the templates can produce (lower case, no punctuation), for typo checks."""
    texts = (
        FIXED_TEMPLATES
        + [t for ts in PHRASE_TEMPLATES.values() for t in ts]
        + NEUTRAL_OPENERS
        + NEUTRAL_CLOSERS
        + ISSUES
        + FILLERS
        + PII_TEMPLATES
        + PRODUCTS
        + list(SWAPS.values())
    )
    words: dict[str, None] = {}
    for text in texts:
        for token in text.split():
            word = token.strip(".,:;?!").lower()
            if word and "{" not in word:
                words[word] = None
    return list(words)


# --- generation ---------------------------------------------------------------------


class _NearIndex:
    """Texts seen so far, to tell whether a new one differs from one of them by one word."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, int, tuple[str, ...]], list[list[str]]] = {}

    def _keys(self, tokens: list[str]) -> list[tuple[str, int, tuple[str, ...]]]:
        half = len(tokens) // 2
        return [("a", len(tokens), tuple(tokens[:half])), ("b", len(tokens), tuple(tokens[half:]))]

    def has_near(self, tokens: list[str]) -> bool:
        for key in self._keys(tokens):
            for other in self._buckets.get(key, []):
                if sum(a != b for a, b in zip(tokens, other, strict=True)) == 1:
                    return True
        return False

    def add(self, tokens: list[str]) -> None:
        for key in self._keys(tokens):
            self._buckets.setdefault(key, []).append(tokens)


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def _fill(rng: np.random.Generator, template: str) -> str:
    if "{email}" in template or "{phone}" in template:
        email = (
            f"{_pick(rng, FIRST_NAMES)}.{_pick(rng, LAST_NAMES)}"
            f"{int(rng.integers(1, 99))}@{_pick(rng, DOMAINS)}"
        )
        sep = "-" if rng.random() < 0.7 else " "
        phone = sep.join(
            [
                f"{int(rng.integers(200, 999))}",
                f"{int(rng.integers(100, 999))}",
                f"{int(rng.integers(0, 10_000)):04d}",
            ]
        )
        return template.format(email=email, phone=phone)
    return template.format(
        product=_pick(rng, PRODUCTS),
        order=f"#{int(rng.integers(10_000, 100_000))}",
        days=int(rng.integers(3, 31)),
        years=int(rng.integers(2, 13)),
    )


def _typo(rng: np.random.Generator, word: str) -> str:
    for _ in range(10):
        i = int(rng.integers(len(word)))
        op = int(rng.integers(4))
        if op == 0 and i < len(word) - 1:
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif op == 1:
            new = word[:i] + word[i + 1 :]
        elif op == 2:
            new = word[:i] + word[i] + word[i:]
        else:
            low = word[i].lower()
            if low not in NEIGHBOURS:
                continue
            sub = _pick(rng, list(NEIGHBOURS[low]))
            new = word[:i] + (sub.upper() if word[i].isupper() else sub) + word[i + 1 :]
        if new != word:
            return new
    return word


def _add_typos(rng: np.random.Generator, sentence: str) -> str:
    tokens = sentence.split()
    for k, token in enumerate(tokens):
        m = _WORD_RE.match(token)
        if m and rng.random() < _TYPO_P:
            tokens[k] = _typo(rng, m.group(1)) + m.group(2)
    return " ".join(tokens)


def _words(sentences: list[tuple[str, bool]]) -> int:
    return sum(len(s.split()) for s, _ in sentences)


def _compose(
    rng: np.random.Generator, phrases: list[str], pii: bool, target: int
) -> list[tuple[str, bool]] | None:
    """Sentences of one ticket as (text, protected); protected ones get no typos or swaps."""
    middle: list[tuple[str, bool]] = []
    n_issues = 1 if rng.random() < 0.6 else 2
    for k in rng.permutation(len(ISSUES))[:n_issues]:
        middle.append((_fill(rng, ISSUES[int(k)]), False))
    opener: tuple[str, bool] | None = None
    closer: tuple[str, bool] | None = None
    for phrase in phrases:
        if phrase == FIXED_PHRASE:
            middle.append((_fill(rng, _pick(rng, FIXED_TEMPLATES)), True))
        elif phrase in GREETING_OPENERS:
            opener = (_pick(rng, PHRASE_TEMPLATES[phrase]), True)
        elif phrase in GREETING_CLOSERS:
            closer = (_pick(rng, PHRASE_TEMPLATES[phrase]), True)
        else:
            middle.append((_fill(rng, _pick(rng, PHRASE_TEMPLATES[phrase])), True))
    if pii:
        middle.append((_fill(rng, _pick(rng, PII_TEMPLATES)), True))
    if opener is None and rng.random() < 0.35:
        opener = (_pick(rng, NEUTRAL_OPENERS), False)
    if closer is None and rng.random() < 0.35:
        closer = (_pick(rng, NEUTRAL_CLOSERS), False)
    middle = [middle[int(k)] for k in rng.permutation(len(middle))]
    ends = [s for s in (opener, closer) if s is not None]

    # Too long: drop unprotected sentences (an issue, a neutral opener or closer) first.
    while _words(middle + ends) > MAX_WORDS:
        loose = [k for k, (_, protected) in enumerate(middle) if not protected]
        if loose:
            middle.pop(loose[-1])
        elif opener is not None and not opener[1]:
            opener = None
        elif closer is not None and not closer[1]:
            closer = None
        else:
            return None
        ends = [s for s in (opener, closer) if s is not None]

    fillers = [FILLERS[int(k)] for k in rng.permutation(len(FILLERS))]
    words = _words(middle + ends)
    for template in fillers:
        if words >= max(target, MIN_WORDS):
            break
        sentence = _fill(rng, template)
        size = len(sentence.split())
        if words + size > MAX_WORDS:
            continue
        middle.insert(int(rng.integers(len(middle) + 1)), (sentence, False))
        words += size
    if not MIN_WORDS <= words <= MAX_WORDS:
        return None
    out = ([opener] if opener else []) + middle + ([closer] if closer else [])
    return [(s if protected else _add_typos(rng, s), protected) for s, protected in out]


def _found(text: str) -> list[str]:
    return [p for p in ALL_PHRASES if _PHRASE_RES[p].search(text)]


def _choose(rng: np.random.Generator, n: int, share: float) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    mask[rng.permutation(n)[: round(share * n)]] = True
    return mask


def _assign_labels(rng: np.random.Generator, p: np.ndarray, keys: list[tuple]) -> np.ndarray:
    """resolved = no for round(p * size) rows of each stratum, rounding errors carried over."""
    no = np.zeros(len(p), dtype=bool)
    strata: dict[tuple, list[int]] = {}
    for i, key in enumerate(keys):
        strata.setdefault((float(p[i]), *key), []).append(i)
    carry: dict[float, float] = {}
    for key in sorted(strata):
        rows = np.array(strata[key])
        rate = key[0]
        want = rate * len(rows) + carry.get(rate, 0.0)
        k = max(0, min(len(rows), int(np.floor(want + 0.5))))
        carry[rate] = want - k
        no[rng.permutation(rows)[:k]] = True
    return no


def build(n: int = 6000, seed: int = 0) -> pd.DataFrame:
    """The ticket table: ``n`` rows, the same for the same ``seed``."""
    rng = np.random.default_rng(seed)
    n_dup = round(EXACT_DUPLICATE_SHARE * n)
    n_near = round(NEAR_DUPLICATE_SHARE * n)
    n_base = n - n_dup - n_near
    if n_base < 1:
        raise ValueError("n too small")

    channel_counts = [round(s * n_base) for s in CHANNELS.values()]
    channel_counts[0] += n_base - sum(channel_counts)
    channel = rng.permutation(np.repeat(list(CHANNELS), channel_counts))
    region = np.array(REGIONS)[rng.integers(len(REGIONS), size=n_base)]

    refund = _choose(rng, n_base, FIXED_SHARE)
    late_phrase = np.full(n_base, "", dtype=object)
    order = rng.permutation(n_base)
    start = 0
    for phrase, share in LATE_SHARES.items():
        size = round(share * n_base)
        late_phrase[order[start : start + size]] = phrase
        start += size
    billing = _choose(rng, n_base, BILLING_SHARE)
    colour = _choose(rng, n_base, COLOUR_SHARE)
    greeting = _choose(rng, n_base, GREETING_SHARE)
    pii = _choose(rng, n_base, PII_SHARE)

    texts: list[str] = []
    sentences: list[list[tuple[str, bool]]] = []
    seen: set[str] = set()
    near_index = _NearIndex()
    for i in range(n_base):
        phrases: list[str] = []
        if refund[i]:
            phrases.append(FIXED_PHRASE)
        if late_phrase[i]:
            phrases.append(late_phrase[i])
        if billing[i]:
            phrases.append(_pick(rng, BILLING_PHRASES))
        if colour[i]:
            phrases.append(_pick(rng, COLOUR_PHRASES))
        if greeting[i]:
            u = rng.random()
            if u < 0.45:
                phrases.append(_pick(rng, GREETING_OPENERS))
            elif u < 0.8:
                phrases.append(_pick(rng, GREETING_CLOSERS))
            else:
                phrases += [_pick(rng, GREETING_OPENERS), _pick(rng, GREETING_CLOSERS)]
        expected = [p for p in ALL_PHRASES if p in phrases]
        target = int(np.clip(round(rng.lognormal(np.log(32), 0.45)), MIN_WORDS, MAX_WORDS))
        for _ in range(200):
            parts = _compose(rng, phrases, bool(pii[i]), target)
            if parts is None:
                continue
            text = " ".join(s for s, _ in parts)
            tokens = text.split()
            if (
                _found(text) == expected
                and bool(_PII_RE.search(text)) == bool(pii[i])
                and text not in seen
                and not near_index.has_near(tokens)
            ):
                break
        else:  # pragma: no cover - the templates leave plenty of room
            raise RuntimeError(f"could not write ticket {i}")
        seen.add(text)
        near_index.add(tokens)
        texts.append(text)
        sentences.append(parts)

    # Exact duplicates and near duplicates of distinct base rows (never of each other).
    sources = rng.permutation(n_base)
    dup_src = [int(k) for k in sources[:n_dup]]
    near_src: list[int] = []
    near_texts: list[str] = []
    for k in sources[n_dup:]:
        if len(near_src) == n_near:
            break
        k = int(k)
        parts = sentences[k]
        slots = []
        for s_i, (sentence, protected) in enumerate(parts):
            if protected:
                continue
            for t_i, token in enumerate(sentence.split()):
                m = _WORD_RE.match(token)
                if m and m.group(1).lower() in SWAPS:
                    slots.append((s_i, t_i))
        if not slots:
            continue
        s_i, t_i = slots[int(rng.integers(len(slots)))]
        tokens = parts[s_i][0].split()
        m = _WORD_RE.match(tokens[t_i])
        assert m is not None
        word = SWAPS[m.group(1).lower()]
        if m.group(1)[0].isupper():
            word = word.capitalize()
        tokens[t_i] = word + m.group(2)
        new_parts = list(parts)
        new_parts[s_i] = (" ".join(tokens), False)
        text = " ".join(s for s, _ in new_parts)
        if text in seen or _found(text) != _found(texts[k]):
            continue
        seen.add(text)
        near_src.append(k)
        near_texts.append(text)
    if len(near_src) < n_near:  # pragma: no cover
        raise RuntimeError("not enough rows to make near duplicates from")

    src = np.array(list(range(n_base)) + dup_src + near_src, dtype=int)
    all_texts = texts + [texts[k] for k in dup_src] + near_texts
    ch = channel[src]
    has_billing = billing[src]
    p = np.full(len(src), BASE_NO_RATE)
    p = np.where(refund[src], np.maximum(p, FIXED_NO_RATE), p)
    p = np.where(late_phrase[src] != "", np.maximum(p, LATE_NO_RATE), p)
    in_category = has_billing & (ch == BILLING_CATEGORY[1])
    p = np.where(in_category, np.maximum(p, BILLING_NO_RATE_IN_CATEGORY), p)
    keys = [
        (str(ch[j]), bool(has_billing[j]), bool(colour[src[j]]), bool(greeting[src[j]]))
        for j in range(len(src))
    ]
    no = _assign_labels(rng, p, keys)

    sat_yes = [0.03, 0.07, 0.20, 0.38, 0.32]
    sat_no = [0.22, 0.28, 0.28, 0.14, 0.08]
    satisfaction = np.where(
        no,
        rng.choice(np.arange(1, 6), size=len(src), p=sat_no),
        rng.choice(np.arange(1, 6), size=len(src), p=sat_yes),
    )

    perm = rng.permutation(len(src))
    width = max(5, len(str(n)))
    return pd.DataFrame(
        {
            "ticket_id": [f"TCK-{i + 1:0{width}d}" for i in range(n)],
            "channel": ch[perm].astype(str),
            "region": region[src][perm].astype(str),
            "text": [all_texts[j] for j in perm],
            "resolved": np.where(no[perm], "no", "yes"),
            "satisfaction": satisfaction[perm].astype("int64"),
        }
    )


# --- independent measurement -----------------------------------------------------------


def _rate(values: pd.Series) -> float:
    return float(values.mean()) if len(values) else float("nan")


def _theme(text: pd.Series, no: pd.Series, phrases: list[str]) -> dict[str, Any]:
    has = text.str.contains(_phrase_pattern(phrases), case=False, regex=True)
    out: dict[str, Any] = {
        "rows": int(has.sum()),
        "share": float(has.mean()),
        "no_rate_with": _rate(no[has]),
        "no_rate_without": _rate(no[~has]),
    }
    if len(phrases) > 1:
        out["phrases"] = {
            p: int(text.str.contains(_phrase_pattern([p]), case=False, regex=True).sum())
            for p in phrases
        }
    return out


def counts(df: pd.DataFrame) -> dict[str, Any]:
    """Re-measure every planted pattern from ``df`` alone (case-insensitive whole phrases)."""
    text = df["text"].astype(str)
    no = df[LABEL].eq(POSITIVE)
    themes: dict[str, Any] = {
        "refund_not_received": _theme(text, no, [FIXED_PHRASE]),
        "late_delivery": _theme(text, no, TRUTH["synonyms"]["late_delivery"]),
        "billing_error": _theme(text, no, TRUTH["interaction"]["phrases"]),
    }
    for name, phrases in TRUTH["noise_themes"].items():
        themes[name] = _theme(text, no, phrases)

    billing = text.str.contains(
        _phrase_pattern(TRUTH["interaction"]["phrases"]), case=False, regex=True
    )
    column = df[TRUTH["interaction"]["column"]]
    by_category = {}
    for value in sorted(column.unique()):
        inside = column.eq(value)
        by_category[value] = {
            "rows": int((inside & billing).sum()),
            "no_rate_with": _rate(no[inside & billing]),
            "no_rate_without": _rate(no[inside & ~billing]),
        }
    themes["billing_error"]["by_" + TRUTH["interaction"]["column"]] = by_category

    signal = [FIXED_PHRASE, *TRUTH["synonyms"]["late_delivery"], *TRUTH["interaction"]["phrases"]]
    any_signal = text.str.contains(_phrase_pattern(signal), case=False, regex=True)
    pii = text.str.contains(EMAIL_RE, regex=True) | text.str.contains(PHONE_RE, regex=True)

    exact = text.duplicated(keep="first")
    near = []
    index = _NearIndex()
    seen: set[str] = set()
    for value in text:
        if value in seen:
            near.append(False)
            continue
        tokens = value.split()
        near.append(index.has_near(tokens))
        index.add(tokens)
        seen.add(value)
    n = len(df)
    return {
        "n_rows": n,
        "no_rate": _rate(no),
        "no_signal": {"rows": int((~any_signal).sum()), "no_rate": _rate(no[~any_signal])},
        "themes": themes,
        "personal_data": {"rows": int(pii.sum()), "share": float(pii.mean())},
        "exact_duplicates": {"rows": int(exact.sum()), "share": float(exact.mean())},
        "near_duplicates": {"rows": int(sum(near)), "share": sum(near) / n if n else 0.0},
    }

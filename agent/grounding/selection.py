"""Claims the narrator selects: per turn, a closed menu built from the ledger, and the code
that turns a selection into typed claims.

The LLM never writes a number or a sentence in this mode. It is shown the facts as keyed
lines ("F1: 'not' attribution 1.85 nats") and a JSON schema whose enums are exactly
those keys and the relations that apply to each kind of fact ("pushed towards the answer",
"mattered second most", "did not change the answer", ...). It returns, in order, the facts
that answer the question and what each shows; :meth:`Menu.claim` makes each pick a typed
claim (:mod:`agent.grounding.vocabulary` says which) that code checks — a wrong relation
is dropped, never shown — and :func:`verify_selection` renders.

When the question names words the facts are about, only those facts are on the menu: the
answer to "what about 'good'?" is about 'good' by construction, whatever the narrator's
size. Imports the ledger and the claims only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from agent.grounding.claims import NO_EFFECT, Claim
from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.units import DETAIL_ONLY
from agent.grounding.verify import SentenceCheck, Verification, check_sentence
from agent.grounding.vocabulary import OTHER, PLAIN, SIGNED, Family, Item
from agent.grounding.written import templated_answer
from tools.base import Fact

#: Facts of one record on the menu (the question's words first, then the strongest).
MAX_FACTS_PER_RECORD = 6  # each line is ~25 prompt tokens, ~0.12 s on 2 cores
_FORBID = ConfigDict(extra="forbid")


def _line(record: Evidence, fact: Fact, *, compact: bool = False, cite: bool = True) -> str:
    """ "[E1] 'not' attribution = 1.846 nats"; ``compact``: "'not' attribution 1.85 nats"."""
    subject = fact.subject if fact.subject.startswith("layer ") else f"'{fact.subject}'"
    value = (f"{fact.value:.3g}" if compact else f"{fact.value:g}") + (
        f" {fact.unit}" if fact.unit else ""
    )
    where = f"[{record.id}] " if cite else ""
    return f"{where}{subject} {fact.quantity.replace('_', ' ')}{'' if compact else ' ='} {value}"


def asked_about(question: str, focus: str | None) -> list[str]:
    """The word a question asks about: the conversation's focus when the question names
    it (in quotes or as a whole word), else none ("why does the model give this answer?"
    is not about the input's 'the')."""
    if focus and re.search(rf"(?<!\w){re.escape(focus.casefold())}(?!\w)", question.casefold()):
        return [focus]
    return []


class Menu:
    """The facts and relations one turn's narrator may select from.

    Args:
        ledger: The records the answer is narrated from.
        named: Words the question asks about; when facts about them exist, only those
            are on the menu.
    """

    def __init__(self, ledger: Ledger, named: Sequence[str] = ()):
        self.ledger = ledger
        self.named = {n.casefold() for n in named}
        self.items: dict[str, Item] = {}  # by short key: F1, F2, …
        seen: set[tuple[str, str, float]] = set()
        for record in ledger:
            for fact in self._shown(record):
                same = (fact.subject, fact.quantity, fact.value)
                if same not in seen:  # what-if records each repeat the original answer's
                    seen.add(same)
                    key = f"F{len(self.items) + 1}"
                    self.items[key] = Item(record, fact, _line(record, fact), key)
        self.by_line = {item.line: item for item in self.items.values()}

    def _relevant(self, fact: Fact) -> bool:
        s = fact.subject.casefold()
        return any(s == n or f"'{n}'" in s for n in self.named)

    def _shown(self, record: Evidence) -> list[Fact]:
        """A record's facts on the menu: about the words asked about if any; else the
        headline facts first (a quantity measured once, such as the lens's first layer),
        then the strongest attributions and effects, then the highest values; the
        answer's own log-probability last. One fact per subject and measure (a word that
        occurs twice is named by its first, strongest occurrence)."""
        facts = [f for f in record.facts if any(ch.isalnum() for ch in f.subject)
                 and f.quantity not in DETAIL_ONLY]  # fmt: skip
        if self.named and any(self._relevant(f) for f in facts):
            facts = [f for f in facts if self._relevant(f)]
        elif self.named and any(self._relevant(f) for r in self.ledger for f in r.facts):
            facts = []  # another record holds the facts about the words asked about
        counts = Counter(f.quantity for f in facts)

        def order(f: Fact) -> tuple[int, float]:
            if f.quantity == "log_prob":
                return (3, 0.0)
            if counts[f.quantity] == 1:
                return (0, 0.0)
            signed = f.quantity == "attribution" or any(w in f.quantity for w in SIGNED)
            return (1, -abs(f.value)) if signed else (2, -f.value)

        unique: dict[tuple[str, str], Fact] = {}
        for f in sorted(facts, key=order):
            unique.setdefault((f.subject, f.quantity), f)
        return list(unique.values())[:MAX_FACTS_PER_RECORD]

    def lines(self) -> list[str]:
        """The facts on the menu, as lines: "[E1] 'not' attribution = 1.846 nats"."""
        return [item.line for item in self.items.values()]

    def key(self, line: str) -> str:
        """The short key the schema uses for a fact line."""
        return self.by_line[line].key

    def listing(self) -> list[str]:
        """The menu as a decomposer sees it: "F1: [E1] 'not' attribution = 1.846 nats"."""
        return [f"{key}: {item.line}" for key, item in self.items.items()]

    def readings(self) -> list[str]:
        """The menu as the narrator sees it: each line with what its number means in
        words (a reading aid; the narrator still chooses, and code still checks).

        Compact, because each prompt token costs about 3 ms of prefill on 2 cores: three
        significant digits, and the record's id only when the menu spans several records
        ("F1: 'not' attribution 1.19 nats (pushed towards the answer, mattered most)")."""
        out = []
        several = len({item.record.id for item in self.items.values()}) > 1
        for key, item in self.items.items():
            f = item.fact
            line = f"{key}: {_line(item.record, f, compact=True, cite=several)}"
            note = ""
            if item.family in ("attribution", "signed") and abs(f.value) < NO_EFFECT:
                note = "almost no effect"
            elif item.family == "attribution":
                note = "pushed towards the answer" if f.value > 0 else "pushed away from the answer"
                same = [g.value for g in item.record.facts if g.quantity == f.quantity]
                if len(same) > 1 and f.value == max(same):
                    note += ", mattered most"
            elif item.family == "changed":
                note = "changed the answer" if f.value >= 0.5 else "did not change the answer"
            elif item.family in ("value", "probe", "signed"):
                same = [g.value for g in item.record.facts if g.quantity == f.quantity]
                if len(same) > 1 and f.value == max(same) != min(same):
                    note = "the highest"
                elif len(same) > 1 and f.value == min(same) != max(same):
                    note = "the lowest"
            out.append(f"{line} ({note})" if note else line)
        return out

    def families(self) -> dict[Family, list[str]]:
        """The menu's keys by the family of their fact."""
        out: dict[Family, list[str]] = {}
        for key, item in self.items.items():
            out.setdefault(item.family, []).append(key)
        return out

    def comparable(self) -> dict[tuple[Family, str, str], list[str]]:
        """Keys that can be compared with each other: one record, one measure."""
        out: dict[tuple[Family, str, str], list[str]] = {}
        for key, item in self.items.items():
            if item.family in OTHER:
                group = (item.family, item.record.id, item.fact.quantity)
                out.setdefault(group, []).append(key)
        return {k: v for k, v in out.items() if len(v) > 1}

    def model(
        self, max_claims: int, framing: bool = False, negatable: bool = False
    ) -> type[BaseModel]:
        """The pydantic model (and so the JSON schema) of a selection from this menu:
        ``claims``, a list of picks, each a fact's key, a relation and, for comparisons,
        the other fact's key ("" for none); with ``negatable``, also whether the sentence
        denies it (prose decomposition).

        The schema is deliberately flat — one object shape, short enums — because
        llama.cpp's grammar-constrained sampling slows to seconds a token when the
        grammar holds many alternatives (long enum strings with shared prefixes, or one
        object shape per kind of fact): a relation that does not apply to its fact is
        therefore allowed by the schema and refused by :meth:`claim`, never shown."""
        if not self.items:
            raise ValueError("the evidence has no facts to select from")
        families = {item.family for item in self.items.values()}
        says = [p for f in PLAIN if f in families for p in PLAIN[f]]
        says += [p for f in OTHER if f in families for p in OTHER[f]]
        keys = tuple(self.items)
        negation: dict[str, Any] = {"negated": (bool, False)} if negatable else {}
        pick = create_model(
            "Pick",
            __config__=_FORBID,
            fact=(_enum(keys), ...),
            says=(_enum(tuple(dict.fromkeys(says))), ...),
            other=(_enum(("", *keys)), Field(default="", description="For comparisons.")),
            **negation,
        )
        fields: dict[str, Any] = {
            "claims": (
                list[pick],
                Field(
                    min_length=1,
                    max_length=max_claims,
                    description="The facts that answer the question, in order.",
                ),
            )
        }
        if framing:
            fields["framing"] = (
                str,
                Field(
                    default="",
                    max_length=160,
                    description="At most one sentence of framing, with no claim.",
                ),
            )
        return create_model("Selection", __config__=_FORBID, **fields)

    def read_by_code(self, key: str) -> dict[str, str] | None:
        """A pick of fact ``key`` made by code: the first phrase allowed for its kind of
        fact that holds (for a menu with nothing to select)."""
        item = self.items[key]
        phrases = list(PLAIN[item.family])
        if abs(item.fact.value) < NO_EFFECT:  # read as the narrator's menu reads it
            phrases.sort(key=lambda p: p not in ("had almost no effect", "is near zero"))
        for says in phrases:
            made = self.claim({"fact": key, "says": says})
            if not isinstance(made, str) and made.verdict(self.ledger).holds:
                return {"fact": key, "says": says}
        return None

    def claim(self, pick: dict[str, Any]) -> Claim | str:
        """The typed claim a pick makes, or why it makes none."""
        made = self._claim(pick)
        if pick.get("negated") is True and not isinstance(made, str):
            return made.model_copy(update={"negated": True})
        return made

    def _item(self, ref: object) -> Item | None:
        """A fact by its key (what the schema allows) or its whole line."""
        return self.items.get(str(ref)) or self.by_line.get(str(ref))

    def _claim(self, pick: dict[str, Any]) -> Claim | str:
        item = self._item(pick.get("fact"))
        if item is None:
            return f"picks {pick.get('fact')!r}, which is not on the menu"
        says = str(pick.get("says"))
        other_line = pick.get("other") or None
        compares = says in OTHER.get(item.family, {})
        if other_line is None and compares:
            return f"says {says!r} of {item.line!r} but names nothing to compare with"
        if compares:
            other = self._item(other_line)
            make = OTHER.get(item.family, {}).get(says)
            if other is None or make is None:
                return f"compares {item.line!r} by {says!r} with {other_line!r}"
            if other.record.id != item.record.id or other.fact.quantity != item.fact.quantity:
                return f"compares {item.line!r} with {other.line!r}, a different measure"
            if other.line == item.line:
                return f"compares {item.line!r} with itself"
            return make(item, other)
        plain = PLAIN[item.family].get(says)
        if plain is None:
            return f"says {says!r} of {item.line!r}, which does not apply"
        return plain(item, None)


def _enum(values: tuple[str, ...]) -> Any:
    """``Literal[...]`` of strings known at run time: an enum in the JSON schema."""
    return Literal.__getitem__(values)


def verify_selection(
    selection: dict[str, Any], menu: Menu, *, focus: str | None = None, by_code: bool = False
) -> Verification:
    """Check a narrator's selection: each pick becomes a typed claim that code checks;
    those that hold are rendered by code, in the narrator's order, once each. A framing
    sentence is shown only if it makes no claim at all. When no pick holds, the answer is
    written by code from the facts and says so (``source="code"``); so too when code made
    the selection (``by_code``)."""
    checks: list[SentenceCheck] = []
    shown: list[str] = []
    for raw in selection.get("claims") or []:
        pick = raw if isinstance(raw, dict) else {"fact": str(raw)}
        claim = menu.claim(pick)
        if isinstance(claim, str):
            text = " ".join(str(pick.get(k, "")) for k in ("fact", "says", "other")).strip()
            checks.append(SentenceCheck(text=text, verdict="unsupported", reasons=[claim]))
            continue
        check = claim.verdict(menu.ledger)
        text = claim.render(menu.ledger)
        checks.append(
            SentenceCheck(
                text=text,
                verdict="supported" if check.holds else "unsupported",
                citations=[claim.evidence],
                reasons=[] if check.holds else [check.reason],
                claims=[claim.model_dump(mode="json")],
            )
        )
        if check.holds and text not in shown:
            shown.append(text)
    checks = list({c.text: c for c in checks}.values())  # a pick repeated counts once
    verified = sum(c.verdict == "supported" for c in checks)
    framing = str(selection.get("framing") or "").strip()
    if shown and framing and check_sentence(framing, menu.ledger).verdict == "no_claim":
        shown.insert(0, framing if framing[-1:] in ".!?" else f"{framing}.")
    cited = sorted({e for c in checks if c.verdict == "supported" for e in c.citations})
    if not verified:
        ids = [r.id for r in menu.ledger]
        answer = templated_answer(menu.ledger, focus=focus)
    else:
        ids, answer = cited, "\n".join(shown)
    return Verification(
        answer=answer,
        sentences=checks,
        grounding_rate=verified / len(checks) if checks else 0.0,
        templated=by_code or not verified,
        evidence=ids,
        source="llm_claims" if verified and not by_code else "code",
        llm_claims=0 if by_code else len(checks),
        verified_claims=verified,
    )

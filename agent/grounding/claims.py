"""Typed claims over the evidence ledger: a closed set of kinds, each checked by code
against the cited record's facts and rendered by code with every number taken from them.

Kinds: a value ("S has Q = v"), a sign ("S raised/lowered Q", or had no effect), a rank
(most, least, second, third), a comparison of two subjects (with an optional ratio), a
change under an edit (the answer changed or not), a threshold (the first layer where a
probe beats its control by a margin), a significance verdict, a count. Negation is the
field ``negated``, never free text: "'not' did not raise the probability" is a sign claim
(up) with ``negated=True``, true exactly when the attribution is not positive.

Fractions render as percent, differences of fractions as percentage points; nats stay
nats. Imports the ledger and the fact contract only; never a face, a use case or the LLM.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from agent.grounding.evidence import Evidence, Ledger
from agent.grounding.units import removal, show, words
from tools.base import Fact

#: |effect| below this (nats, or fraction) counts as "no effect".
NO_EFFECT = 0.05
#: "about the same" and stated ratios hold within this relative distance.
SAME = 0.10
#: Hedged numbers ("about", "roughly") hold within this relative distance.
HEDGE = 0.05
SIGNIFICANT, HIGHLY = 0.05, 0.001


class Check(BaseModel):
    holds: bool
    reason: str = ""


class _Claim(BaseModel):
    model_config = ConfigDict(extra="forbid")

    evidence: str = Field(pattern=r"^E\d+$", description="The record the claim rests on.")
    negated: bool = Field(default=False, description="The sentence denies the relation.")

    def verdict(self, ledger: Ledger) -> Check:
        if self.evidence not in ledger:
            return Check(holds=False, reason=f"cites {self.evidence}, which is not given")
        found = self._truth(ledger.get(self.evidence))
        if isinstance(found, str):  # the claim speaks of something the record lacks
            return Check(holds=False, reason=found)
        truth, why = found
        holds = truth != self.negated
        return Check(holds=holds, reason="" if holds else why)

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        raise NotImplementedError

    def _has(self) -> str:
        """The verb of a rendered claim, negated with the claim."""
        return "does not have" if self.negated else "has"

    def render(self, ledger: Ledger) -> str:
        """The claim as a sentence, every number written by code from the facts."""
        text = self._text(ledger.get(self.evidence))
        return f"{text[:1].upper()}{text[1:]} [{self.evidence}]."

    def _text(self, record: Evidence) -> str:
        raise NotImplementedError


def _q(subject: str) -> str:
    return subject if subject.startswith("layer ") else f"'{subject}'"


_ORDINAL = {1: "", 2: "second ", 3: "third ", 4: "fourth ", 5: "fifth "}


def _fact(record: Evidence, subject: str, quantity: str) -> Fact | str:
    """The record's fact of ``subject`` and ``quantity``: the same spelling first ('The' and
    'the' are different tokens with different scores), else any case."""
    same = [f for f in record.facts if f.quantity == quantity]
    for f in same:
        if f.subject == subject:
            return f
    for f in same:
        if f.subject.casefold() == subject.casefold():
            return f
    return f"{record.id} has no {words(quantity)} of {subject!r}"


def _kind(record: Evidence, quantity: str) -> list[Fact]:
    return [f for f in record.facts if f.quantity == quantity]


class ValueClaim(_Claim):
    """S has Q = v (as written: ``stated`` with its tolerance)."""

    kind: Literal["value"] = "value"
    subject: str
    quantity: str
    stated: float
    tolerance: float = Field(default=0.0, ge=0, description="Absolute, in the stated unit.")
    percent: bool = Field(default=False, description="Stated as a percent (or points).")
    hedged: bool = False
    bound: Literal["eq", "le", "ge"] = Field(default="eq", description="At most / at least.")

    def _text(self, record: Evidence) -> str:
        f = _fact(record, self.subject, self.quantity)
        assert not isinstance(f, str)
        if self.quantity == "first_top1_layer":
            verb = "does not first become" if self.negated else "first becomes"
            return f"{_q(self.subject)} {verb} the top prediction at layer {int(f.value)}"
        if self.quantity == "first_ahead_layer":
            foil = _q(str(record.data.get("foil_token") or "").strip() or "the other option")
            return f"{_q(self.subject)} is{' not' * self.negated} ahead of {foil} from layer {int(f.value)} on"  # noqa: E501
        if self.quantity == "share_of_options":
            verb, share = "does not get" if self.negated else "gets", show(f, record)
            return f"{_q(self.subject)} {verb} {share} of the probability given the options"
        has = self._has()
        return f"{_q(self.subject)} {has} {words(self.quantity)} {show(f, record)}"

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        f = _fact(record, self.subject, self.quantity)
        if isinstance(f, str):
            return f
        actual = f.value * 100 if self.percent else f.value
        slack = max(self.tolerance, abs(actual) * HEDGE if self.hedged else 0.0) + 1e-9
        ok = {
            "eq": abs(actual - self.stated) <= slack,
            "le": actual <= self.stated + slack,
            "ge": actual >= self.stated - slack,
        }[self.bound]
        shown = f"{self.stated:g}{'%' if self.percent else ''}"
        return ok, f"states {shown} for {self.subject!r}, but it is {show(f, record)}"


class SignClaim(_Claim):
    """S raised (up) or lowered (down) Q, or had no effect (none)."""

    kind: Literal["sign"] = "sign"
    subject: str
    quantity: str
    direction: Literal["up", "down", "none"]

    def _text(self, record: Evidence) -> str:
        f = _fact(record, self.subject, self.quantity)
        assert not isinstance(f, str)
        if self.direction == "none":
            verb = "had an effect on" if self.negated else "had no effect on"
        elif (self.direction == "up") != self.negated:
            verb = "raised"
        else:
            verb = "lowered"
        if self.quantity == "log_prob_change" and self.subject.startswith(("remove", "replace")):
            # an edit's effect: "Remove 'not' lowered the original answer's log probability"
            what = "the original answer's log probability"
            return f"{self.subject} {verb} {what} ({words(self.quantity)} {show(f, record)})"
        what = (
            "the answer's probability" if self.quantity == "attribution" else words(self.quantity)
        )
        return f"{_q(self.subject)} {verb} {what} ({words(self.quantity)} {show(f, record)})"

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        f = _fact(record, self.subject, self.quantity)
        if isinstance(f, str):
            return f
        v = f.value
        truth = {"up": v > 0, "down": v < 0, "none": abs(v) < NO_EFFECT}[self.direction]
        return truth, f"{self.subject!r} has {words(self.quantity)} {show(f, record)}"


class RankClaim(_Claim):
    """S has the ``rank``-th highest Q (``lowest``: counted from the bottom)."""

    kind: Literal["rank"] = "rank"
    subject: str
    quantity: str
    rank: int = Field(default=1, ge=1)
    lowest: bool = False
    by_size: bool = Field(default=False, description="Rank by |Q| ('in absolute terms').")

    def _text(self, record: Evidence) -> str:
        f = _fact(record, self.subject, self.quantity)
        assert not isinstance(f, str)
        if self.quantity == "probability_difference" and not (self.negated or self.lowest):
            said = removal(record, self.subject, f.value, self.rank)
            if said:
                return said
        end = ("smallest" if self.lowest else "largest") + " absolute" * self.by_size
        end = end if self.by_size else "lowest" if self.lowest else "highest"
        nth = _ORDINAL.get(self.rank, f"#{self.rank} ")
        return f"{_q(self.subject)} {self._has()} the {nth}{end} {words(self.quantity)} ({show(f, record)})"  # noqa: E501

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        f = _fact(record, self.subject, self.quantity)
        if isinstance(f, str):
            return f

        def size(x: Fact) -> float:
            return abs(x.value) if self.by_size else x.value

        ranked = sorted(_kind(record, self.quantity), key=size, reverse=not self.lowest)
        if len(ranked) < 2:
            return f"{record.id} compares no subjects by {words(self.quantity)}"
        if self.rank > len(ranked):
            return f"{record.id} ranks only {len(ranked)} subjects"
        # ties share a rank: S holds rank k when exactly k-1 others are strictly beyond it
        beyond = sum(1 for x in ranked if (size(x) < size(f) if self.lowest else size(x) > size(f)))
        truth = beyond == self.rank - 1
        at = ranked[self.rank - 1]
        return (
            truth,
            f"rank {self.rank} is {at.subject!r} ({show(at, record)}), not {self.subject!r}",
        )


class CompareClaim(_Claim):
    """S has more (less, about the same) Q than O; optionally ``ratio`` times it."""

    kind: Literal["compare"] = "compare"
    subject: str
    other: str
    quantity: str
    relation: Literal["more", "less", "same"]
    ratio: float | None = Field(default=None, gt=0)
    beyond: Literal["", "more", "less"] = Field(default="", description="More/less than ratio×.")
    by_size: bool = Field(default=False, description="Compare magnitudes (edits' effects).")

    def _text(self, record: Evidence) -> str:
        a, b = _fact(record, self.subject, self.quantity), _fact(record, self.other, self.quantity)
        assert not isinstance(a, str) and not isinstance(b, str)
        if self.ratio is not None:
            rel = f"{a.value / b.value:.2g} times the {words(self.quantity)} of"
        else:
            rel = {"more": "a higher", "less": "a lower", "same": "about the same"}[self.relation]
            rel += f" {words(self.quantity)} {'as' if self.relation == 'same' else 'than'}"
        has = self._has()
        return (
            f"{_q(self.subject)} {has} {rel} {_q(self.other)} "
            f"({show(a, record)} vs {show(b, record)})"
        )

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        a = _fact(record, self.subject, self.quantity)
        b = _fact(record, self.other, self.quantity)
        if isinstance(a, str):
            return a
        if isinstance(b, str):
            return b
        why = f"{self.subject!r} {show(a, record)} vs {self.other!r} {show(b, record)}"
        x, y = (abs(a.value), abs(b.value)) if self.by_size else (a.value, b.value)
        if self.ratio is not None:
            if x <= 0 or y <= 0:
                return False, why + ": no ratio of non-positive values"
            if self.beyond:  # "more than three times": past the ratio, not near it
                return (x / y > self.ratio) == (self.beyond == "more"), why
            return abs(x / y - self.ratio) <= SAME * self.ratio, why
        same = abs(x - y) <= SAME * (max(abs(x), abs(y)) or 1.0)
        truth = {"more": x > y, "less": x < y, "same": same}[self.relation]
        return truth, why


class ChangeClaim(_Claim):
    """Under the edit, the answer changed (``changed``) or stayed the same."""

    kind: Literal["change"] = "change"
    edit: str
    changed: bool

    def _text(self, record: Evidence) -> str:
        did = self.changed != self.negated
        before = record.data.get("original_answer")
        after = record.data.get("edited_answer")
        if did and isinstance(before, str) and isinstance(after, str):
            return f"{self.edit.capitalize()} changed the answer from {before!r} to {after!r}"
        return f"{self.edit.capitalize()} {'changed' if did else 'did not change'} the answer"

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        f = _fact(record, self.edit, "answer_changed")
        if isinstance(f, str):
            return f
        did = f.value >= 0.5
        return did == self.changed, f"the answer {'changed' if did else 'did not change'}"


class ThresholdClaim(_Claim):
    """From ``layer`` on (and not before), the probe beats its control by ``margin``."""

    kind: Literal["threshold"] = "threshold"
    layer: int = Field(ge=0)
    margin: float = Field(default=0.0, ge=0, description="A fraction (0.1 = 10 points).")

    def _text(self, record: Evidence) -> str:
        margin = f" by more than {self.margin * 100:g} points" if self.margin else ""
        if self.negated:
            return (
                f"Layer {self.layer} is not the first layer from which the probe beats its "
                f"control{margin}"
            )
        return f"From layer {self.layer} on, the probe beats its control{margin}"

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        probe = {f.subject: f.value for f in _kind(record, "probe_accuracy")}
        control = {f.subject: f.value for f in _kind(record, "control_accuracy")}
        layers = sorted(int(s.split()[-1]) for s in probe if f"{s}" in control)
        if not layers:
            return f"{record.id} has no probe with a control"
        beats = {k: probe[f"layer {k}"] - control[f"layer {k}"] > self.margin for k in layers}
        first = next((k for k in layers if all(beats[j] for j in layers if j >= k)), None)
        return first == self.layer, f"the first such layer is {first}"


class SignificanceClaim(_Claim):
    """S's difference or association is significant (adjusted p < 0.05; ``highly``:
    < 0.001)."""

    kind: Literal["significance"] = "significance"
    subject: str
    highly: bool = False
    below: float | None = Field(default=None, gt=0, le=1, description="Stated bound: p < x.")
    quantity: str | None = Field(default=None, description="Which p (default: the first).")

    def _text(self, record: Evidence) -> str:
        p = next(
            f
            for f in record.facts
            if f.subject.casefold() == self.subject.casefold()
            and (f.quantity == self.quantity if self.quantity else "p_adjusted" in f.quantity)
        )
        level = "highly significant" if self.highly else "significant"
        return (
            f"The effect of {_q(self.subject)} is {'not ' if self.negated else ''}{level} "
            f"(adjusted p {p.value:.2g})"
        )

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        p = next(
            (
                f
                for f in record.facts
                if f.subject.casefold() == self.subject.casefold()
                and (f.quantity == self.quantity if self.quantity else "p_adjusted" in f.quantity)
            ),
            None,
        )
        if p is None:
            return f"{record.id} has no adjusted p-value for {self.subject!r}"
        level = self.below or (HIGHLY if self.highly else SIGNIFICANT)
        return p.value < level, f"its adjusted p is {p.value:.2g}"


class CountClaim(_Claim):
    """S has exactly ``stated`` Q (rows, columns, items, flagged)."""

    kind: Literal["count"] = "count"
    subject: str
    quantity: str
    stated: float

    def _text(self, record: Evidence) -> str:
        f = _fact(record, self.subject, self.quantity)
        assert not isinstance(f, str)
        return f"{_q(self.subject)} has {show(f, record)} {words(self.quantity)}"

    def _truth(self, record: Evidence) -> tuple[bool, str] | str:
        if self.quantity == "subjects":  # how many subjects the record compares
            main = record.facts[0].quantity if record.facts else ""
            n = len({f.subject for f in record.facts if f.quantity == main})
            return n == self.stated, f"{record.id} compares {n} subjects by {words(main)}"
        f = _fact(record, self.subject, self.quantity)
        if isinstance(f, str):
            return f
        return f.value == self.stated, f"{self.subject!r} has {show(f, record)} {words(f.quantity)}"


Claim = Annotated[
    ValueClaim
    | SignClaim
    | RankClaim
    | CompareClaim
    | ChangeClaim
    | ThresholdClaim
    | SignificanceClaim
    | CountClaim,
    Field(discriminator="kind"),
]


def value(record: Evidence, subject: str, quantity: str, **extra: object) -> ValueClaim:
    """A value claim code makes about a fact it just wrote into a sentence."""
    found = _fact(record, subject, quantity)
    stated = found.value if not isinstance(found, str) else float("nan")
    return ValueClaim(
        evidence=record.id,
        subject=subject,
        quantity=quantity,
        stated=stated,
        tolerance=1e-9,
        **extra,
    )

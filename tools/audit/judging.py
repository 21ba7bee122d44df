"""Which judge labels the claims: the registry of judges (:mod:`tools.audit.judges` has
the rules and the interface, :mod:`tools.audit.nli` the NLI checkpoint), a picklable
:class:`JudgeSpec` that crosses to scoring processes, and :class:`PresetJudge` for labels
an LLM gave beforehand (``agent/audits/judge.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tools.audit.judges import ClaimVerdict, Context, Judge, Label, RulesJudge
from tools.audit.nli import NLIJudge
from tools.errors import ToolInputError

JUDGES = ("rules", "nli", "llm")


@dataclass(frozen=True)
class JudgeSpec:
    """Which judge to use, as plain data (it crosses to scoring processes). ``llm``: the
    claims were labelled by an LLM before scoring (``agent/audits/judge.py``) and carried
    on each item; items it did not label fall back to the rules."""

    name: str = "rules"
    aligner: str = "lexical"
    nli_model: str | None = None

    def __post_init__(self) -> None:
        if self.name not in JUDGES:
            raise ToolInputError(f"unknown judge {self.name!r}; choose one of {', '.join(JUDGES)}")
        if self.aligner not in ("lexical", "embed"):
            raise ToolInputError(f"unknown aligner {self.aligner!r}; choose lexical or embed")
        if self.name == "nli" and not self.nli_model:
            raise ToolInputError("the nli judge needs a checkpoint directory: --nli-model DIR")


@lru_cache(maxsize=8)
def from_spec(spec: JudgeSpec) -> Judge:
    """The judge a spec names (one per process: a model is loaded once)."""
    return make(spec.name, aligner=spec.aligner, nli_model=spec.nli_model)


class PresetJudge:
    """Labels given beforehand (an LLM judge's, per claim); a claim it has no label for,
    and every number code can check, are judged by the rules."""

    name = "llm"

    def __init__(self, labels: Sequence[dict[str, str]], fallback: Judge) -> None:
        self.labels = {d["claim"]: d for d in labels}
        self.fallback = fallback

    def claims(
        self, claims: Sequence[str], reference: Sequence[str], prompt: str
    ) -> list[ClaimVerdict]:
        ruled = self.fallback.claims(claims, reference, prompt)
        ctx = Context(prompt, " ".join(reference), list(reference))
        out = []
        for claim, rule in zip(claims, ruled, strict=True):
            given = self.labels.get(claim)
            exact = rule.label == "contradicted" and rule.why.startswith("states ")
            if given is None or exact or given.get("label") not in _LABELS:
                out.append(rule)
                continue
            label: Label = given["label"]  # type: ignore[assignment]
            unsupported = [] if label == "supported" else ctx.unsupported(claim)
            out.append(ClaimVerdict(claim, label, f"the LLM judge: {given.get('why', '')}",
                                    given.get("reference") or rule.reference, unsupported,
                                    "llm"))  # fmt: skip
        return out


_LABELS = ("supported", "contradicted", "not_in_reference")


def make(name: str = "rules", *, aligner: str = "lexical", nli_model: str | None = None) -> Judge:
    """The judge called ``name`` (``llm`` labels are read by :class:`PresetJudge`, so it is
    the rules here); a bad name, aligner or missing checkpoint fails as :class:`JudgeSpec`
    says."""
    spec = JudgeSpec(name, aligner, nli_model)
    if spec.name == "nli":
        return NLIJudge(spec.nli_model or "", aligner=aligner)
    return RulesJudge(aligner)

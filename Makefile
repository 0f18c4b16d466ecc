# feedwatch: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: help install demo demo-check test test-slow test-browser lint eval bench clean

help:
	@echo "make demo        the offline sandbox in your browser: http://127.0.0.1:3000"
	@echo "make test        install everything and run the test suite"
	@echo "make test-slow   the slower suites (crash, load, browser)"
	@echo "make test-browser the stand-in page in Chromium (screenshots in test-output/)"
	@echo "make lint        ruff"
	@echo "make eval        score the policy engine on ../shared/eval"
	@echo "make bench       speed and memory figures and their floors, ~9 min (last line: JSON)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/feedwatch demo

demo-check: $(STAMP)
	$(BIN)/feedwatch demo --check

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n 2 -m "not slow"

test-slow: $(STAMP)
	$(BIN)/pytest -q -m slow; rc=$$?; [ $$rc -eq 5 ] && echo "no slow tests yet" && exit 0; exit $$rc

test-browser: $(STAMP)
	$(BIN)/pytest -q -m slow tests/browser

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,eval]'
	$(BIN)/python scripts/eval_policy.py
	$(BIN)/python scripts/eval_categories.py

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,eval]'
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

# The README's two commands: `make serve` and `make test`. Everything else is a step of those.
PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test setup setup-test lint unit pyodide-test site-test browser-test bench clean

serve: setup
	$(PY) -m mkdocs serve --strict -a 127.0.0.1:8000

build: setup
	$(PY) -m mkdocs build --strict

setup:
	bash tools/setup.sh

setup-test:
	bash tools/setup.sh --browser

test: setup-test lint unit pyodide-test browser-test

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

unit:
	$(PY) -m pytest tests/unit -q

pyodide-test:
	node tests/pyodide/run.mjs tests/unit

# Builds the site strictly (under a GitHub Pages-like sub-path) and drives it in Chromium.
browser-test:
	$(PY) -m pytest tests/browser $(wildcard tests/site) -q

# Speed and bytes against the targets of issues 7 and 15, Lighthouse included;
# `make bench BENCH_ARGS="--runs 9"`, or BENCH_ARGS="--zonder-lighthouse" for a quick look.
bench: setup-test
	$(PY) tools/benchmark.py $(BENCH_ARGS)

clean:
	rm -rf site .cache build *.egg-info .pytest_cache

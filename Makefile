# The two commands a user needs: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: demo test install lint bench clean system-deps

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/sidelined demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

# Debian's Chromium drives the browser tests (Playwright's own browser download does not work
# offline); without root or apt the browser tests skip and say why.
system-deps:
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null 2>&1); } || \
	  echo "warning: Debian's chromium is not installed; browser tests will be skipped"

test: $(STAMP) system-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(VENV)/.installed
	$(BIN)/sidelined bench all

clean:
	rm -rf $(VENV) build dist *.egg-info

.PHONY: dist docs

# The wheel (knowledge base, migrations, templates and examples inside) in dist/, and its size.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --wheel --outdir dist .
	@ls -l dist/*.whl | awk '{printf "%s: %.1f MiB\n", $$NF, $$5 / 1048576}'

# The documentation site in site/; --strict turns every warning (a broken link, a missing page) into a failure.
docs: $(STAMP)
	$(BIN)/mkdocs build --strict

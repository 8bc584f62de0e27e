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
# offline) and Debian's PostgreSQL server binaries let the store tests start a throwaway server.
# Without root or apt those tests skip and say why.
system-deps:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  if [ -n "$$missing" ]; then \
	    if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	      echo "installing Debian packages:$$missing"; \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) || \
	        echo "warning: could not install$$missing; the tests that need them will be skipped"; \
	    else echo "warning:$$missing not installed; the tests that need them will be skipped"; fi; \
	  fi

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
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

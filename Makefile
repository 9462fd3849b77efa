# Wiec: `make demo` serves the demo; `make test` runs the whole suite. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python >= 3.12 found: the one .python-version selects (pyenv), then python3.13/3.12.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
CONSTRAINTS := requirements/constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000
# Apps that own translations; each keeps its catalogue in src/wiec/<app>/locale.
I18N_APPS := $(patsubst src/wiec/%/locale,%,$(wildcard src/wiec/*/locale))

export DEBUG ?= true

.PHONY: help demo serve test lint lint-imports typecheck check-migrations pytest messages compile-messages lock clean python-check

help:
	@echo "make demo   set up everything and serve the demo at http://$(HOST):$(PORT)"
	@echo "make test   set up and run the whole suite (lint, types, migrations, tests)"

python-check:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Wiec needs Python 3.12 or newer, and none was found (tried python3, python3.13, python3.12)."; \
		echo "Install Python 3.13 (e.g. 'pyenv install 3.13' or your system's python3.13 package) and run make again."; \
		exit 1; fi

$(BIN)/python: | python-check
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependency lists change.
$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[dev]'
	@touch $(VENV)/.installed $@

compile-messages: $(VENV)/.installed
	@$(BIN)/wiec compile_translations

# The demo's server and its periodic jobs are two processes: they share the database's cache,
# so the panel sees that ballot mixing runs (see README, Operations).
demo: export WIEC_DATABASE_CACHE = true
demo: $(VENV)/.installed compile-messages
	$(BIN)/wiec migrate --no-input
	WIEC_DEMO_PORT=$(PORT) $(BIN)/wiec demo
	@echo ""
	@echo "Serving on http://$(HOST):$(PORT)/ – press Ctrl+C to stop."
	@(while true; do $(BIN)/wiec run_periodic >/dev/null 2>&1; sleep 60; done) & periodic=$$!; \
	trap 'kill $$periodic 2>/dev/null' EXIT; \
	WIEC_DEMO_PORT=$(PORT) $(BIN)/wiec runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev compile-messages lint lint-imports typecheck check-migrations pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# The dependency order of docs/architecture.md ([tool.importlinter] in pyproject.toml).
lint-imports: $(VENV)/.installed-dev
	$(BIN)/lint-imports --no-cache

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

check-migrations: $(VENV)/.installed-dev
	$(BIN)/wiec makemigrations --check --dry-run

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest $(PYTEST_ARGS)

# For developers: refresh the catalogues after changing strings (needs GNU gettext).
messages: $(VENV)/.installed
	@for app in $(I18N_APPS); do \
		(cd src/wiec/$$app && ../../../$(BIN)/wiec makemessages --no-obsolete --add-location file -l pl -l en -l uk --ignore 'tests/*' >/dev/null) || exit 1; \
	done
	@echo "Updated: $(I18N_APPS). Fill every msgstr (Polish has 4 plural forms)."

# Pin what is installed now into the constraints file that CI installs from.
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^wiec' > $(CONSTRAINTS)

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache

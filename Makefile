# Two commands do everything on a fresh machine:
#   make run    the portal with demo content on SQLite, at http://127.0.0.1:8000
#   make test   the whole test suite (PostgreSQL on 127.0.0.1:5432 unless DATABASE_URL says otherwise)
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
# The versions of every dependency that CI tested: `make lock` writes them anew.
CONSTRAINTS := requirements/constraints.txt
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST_PORT ?= 127.0.0.1:8000
PYTEST_ARGS ?=

# The test database: a local PostgreSQL role "inepa" (created on demand) unless you name one.
ifeq ($(origin DATABASE_URL), undefined)
TEST_DATABASE_URL := postgres://inepa:inepa@127.0.0.1:5432/inepa
CREATE_TEST_ROLE := yes
else
TEST_DATABASE_URL := $(DATABASE_URL)
CREATE_TEST_ROLE := no
endif

.PHONY: help run test setup prerequisites messages lint format lock clean

# System packages (.ci/prerequisites, shared with CI): `make test` needs more than `make run`.
PREREQUISITES_FOR := run
test: PREREQUISITES_FOR := test

help:
	@echo "make run   - set up and serve the portal with demo content at http://$(HOST_PORT)"
	@echo "make test  - set up and run the whole test suite"

# A Python >= 3.12: $PYTHON if given, else the newest one on PATH or under pyenv.
$(PY):
	@set -e; \
	found=""; \
	for candidate in "$${PYTHON:-}" python3.14 python3.13 python3.12 \
	    $$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV) \
	    python3; do \
	  [ -n "$$candidate" ] || continue; \
	  path=$$(command -v "$$candidate" 2>/dev/null) || continue; \
	  if "$$path" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    found="$$path"; break; \
	  fi; \
	done; \
	if [ -z "$$found" ]; then \
	  echo "This project needs Python 3.12 or newer with the venv module, and none was found." >&2; \
	  echo "Install one (e.g. 'apt-get install python3.12-venv' or 'pyenv install 3.12')," >&2; \
	  echo "or point to it: make run PYTHON=/path/to/python3.12" >&2; \
	  exit 1; \
	fi; \
	echo "Using $$found ($$("$$found" --version))"; \
	"$$found" -m venv $(VENV)

$(INSTALLED): pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS) -e '.[dev]'
	@touch $@

# The newest versions pyproject.toml allows, installed in a virtualenv of their own, written to
# $(CONSTRAINTS); commit it once the tests pass with them (make setup installs them).
lock: | $(PY)
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp" build' EXIT; \
	$(PY) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check '.[dev]'; \
	{ echo "# The dependency versions CI tested, for pip install -c $(CONSTRAINTS) -e '.[dev]'."; \
	  echo "# Written by 'make lock' from pyproject.toml's ranges; do not edit by hand."; \
	  "$$tmp/venv/bin/python" -m pip freeze --disable-pip-version-check --exclude inepa-portal; \
	} > $(CONSTRAINTS).new; \
	mv $(CONSTRAINTS).new $(CONSTRAINTS); \
	echo "$(CONSTRAINTS): $$(grep -c '==' $(CONSTRAINTS)) pinned versions"

prerequisites:
	@.ci/prerequisites $(PREREQUISITES_FOR)

messages: $(INSTALLED) | prerequisites
	@$(PY) manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*' -v 0

setup: prerequisites $(INSTALLED) messages

run: setup
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py demo_content
	$(PY) manage.py runserver $(HOST_PORT)

node_modules/.installed: package.json package-lock.json | prerequisites
	@if command -v npm >/dev/null; then npm ci --silent --no-audit --no-fund && touch $@; \
	else echo "npm not found: browser tests will be skipped (axe-core comes from npm)."; fi

# The whole suite on PostgreSQL, then the race tests and those that must hold on both engines
# (-m "races or sqlite_too": search's FTS5 index) once more on the embedded default's engine, in
# a SQLite file of their own (status 5: PYTEST_ARGS selected none of them).
test: setup node_modules/.installed
	@if [ "$(CREATE_TEST_ROLE)" = yes ]; then .ci/ensure-db-role "$(TEST_DATABASE_URL)"; fi
	DATABASE_URL='$(TEST_DATABASE_URL)' $(PY) -m pytest $(PYTEST_ARGS)
	@sqlite_dir=$$(mktemp -d) && trap 'rm -rf "$$sqlite_dir"' EXIT && \
	echo "Race and search tests on SQLite ($$sqlite_dir/db.sqlite3)" && \
	{ DATABASE_URL="sqlite:///$$sqlite_dir/db.sqlite3" $(PY) -m pytest -m "races or sqlite_too" -p no:cacheprovider $(PYTEST_ARGS) \
	  || [ $$? -eq 5 ]; }

lint: $(INSTALLED)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: $(INSTALLED)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm media results staticfiles

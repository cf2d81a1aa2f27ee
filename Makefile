# Two commands do everything on a fresh machine:
#   make run    the portal with demo content on SQLite, at http://127.0.0.1:8000
#   make test   the whole test suite (PostgreSQL on 127.0.0.1:5432 unless DATABASE_URL says otherwise)
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
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

.PHONY: help run test setup messages lint format clean

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

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

messages: $(INSTALLED)
	@command -v msgfmt >/dev/null || { echo "Compiling translations needs GNU gettext's msgfmt: apt-get install gettext" >&2; exit 1; }
	@$(PY) manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*' -v 0

setup: $(INSTALLED) messages

run: setup
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py demo_content
	$(PY) manage.py runserver $(HOST_PORT)

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --silent --no-audit --no-fund && touch $@; \
	else echo "npm not found: browser tests will be skipped (axe-core comes from npm)."; fi

test: setup node_modules/.installed
	@if [ "$(CREATE_TEST_ROLE)" = yes ]; then .ci/ensure-db-role "$(TEST_DATABASE_URL)"; fi
	DATABASE_URL='$(TEST_DATABASE_URL)' $(PY) -m pytest $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(INSTALLED)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles

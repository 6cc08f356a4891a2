# The portal's one entry point. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
MANAGE := $(VENV)/bin/python manage.py
# Use the machine's Python; never download one.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run test lint format check pytest production-check load-demo reset-demo superuser clean messages bench

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed ## Install the locked dependencies into .venv (uv, from uv.lock)

run: install ## Install, migrate, load the demo content once, and serve at http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: install lint check pytest ## Lint, check, and run the whole test suite, browser tests included

lint: install ## ruff check, ruff format --check, and the apps' layers (import-linter)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install ## Django's system checks and a check for missing migrations
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

# One worker per core (pytest-xdist); each worker has its own test database. Every test
# runs once. The suite's tests run on a fixed clock (tests/conftest.py); to prove that
# nothing reads the machine's clock behind it, the tests without a browser run under
# libfaketime (Debian's faketime) when it is installed, as in CI: the system clock set to
# the last Sunday of March, two minutes before Europe's clocks move to summer time, and
# running on from there. Browser tests run on the real clock: Chromium keeps it.
# Only the wall clock is faked: timed waits (SQLite's busy timeout, threading.Timer) use
# the monotonic clock, and a faked one makes them wait for ever.
# pytest's status 5 means that ARGS selected no test of one of the two kinds.
FAKE_CLOCK ?= @2027-03-28 00:58:00
FAKETIME := $(if $(shell command -v faketime),TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "$(FAKE_CLOCK)")
pytest: install ## The pytest suite alone, in parallel (ARGS="-k city" selects; FAKE_CLOCK="@2026-12-05 23:30:00" moves the faked clock)
	@echo "Tests without a browser, on $(if $(FAKETIME),a faked clock from $(FAKE_CLOCK) (faketime),the machine's clock (apt-get install faketime to fake it))"
	$(FAKETIME) $(VENV)/bin/pytest --numprocesses=auto -m "not browser" $(ARGS) || [ $$? -eq 5 ]
	$(VENV)/bin/pytest --numprocesses=auto -m browser $(ARGS) || [ $$? -eq 5 ]

# What a server installs: the locked dependencies without the development group, in an
# environment of its own. Every command the portal ships must run there, with the
# production settings. Needs a PostgreSQL database (PRODUCTION_CHECK_DATABASE_URL).
PRODUCTION_VENV := .production-venv
PRODUCTION_ENV := DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=127.0.0.1 WAGTAILADMIN_BASE_URL=http://127.0.0.1:8000 DATABASE_URL=$(PRODUCTION_CHECK_DATABASE_URL)
PORTAL_COMMANDS = $(basename $(notdir $(wildcard */management/commands/[a-z]*.py)))
production-check: $(UV) ## Install without dev dependencies and run every portal command there (PRODUCTION_CHECK_DATABASE_URL=postgres://...)
	@test -n "$(PRODUCTION_CHECK_DATABASE_URL)" || { echo "Set PRODUCTION_CHECK_DATABASE_URL to an empty PostgreSQL database"; exit 1; }
	UV_PROJECT_ENVIRONMENT=$(PRODUCTION_VENV) $(UV) sync --frozen --no-dev --python $(PYTHON)
	@! $(PRODUCTION_VENV)/bin/python -c "import factory" 2>/dev/null || { echo "factory-boy is installed in the production environment"; exit 1; }
	$(PRODUCTION_ENV) $(PRODUCTION_VENV)/bin/python manage.py check --deploy --fail-level WARNING
	$(PRODUCTION_ENV) $(PRODUCTION_VENV)/bin/python manage.py migrate --noinput -v0
	for command in $(PORTAL_COMMANDS); do $(PRODUCTION_ENV) $(PRODUCTION_VENV)/bin/python manage.py help $$command >/dev/null || exit 1; echo "help $$command: ok"; done
	$(PRODUCTION_ENV) $(PRODUCTION_VENV)/bin/python manage.py load_demo -v0
	# The example file's practices belong to demo cities.
	$(PRODUCTION_ENV) $(PRODUCTION_VENV)/bin/python manage.py import_practices docs/examples/practices.csv --dry-run

SCALE ?= 10000
bench: install ## Benchmark the public pages on PostgreSQL against a bare Django view, with wrk (SCALE=100000 for the search-scaling run); not part of make test
	@command -v wrk >/dev/null || apt-get install -y -q wrk
	$(VENV)/bin/python -m bench.run --scale $(SCALE) $(ARGS)

load-demo: install ## Migrate and load the demo content (idempotent)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

reset-demo: install ## Delete the local SQLite database and media, then load the demo again
	rm -rf db.sqlite3 media
	$(MAKE) load-demo

# The interface's catalogues. The compiled .mo files are committed, so running the portal
# needs no gettext tools; this target needs GNU gettext (apt-get install gettext).
# theme/locale holds only Icelandic for django-allauth's pages; makemessages must not
# take it for the theme's own catalogue.
MESSAGES_IGNORE := --ignore=.venv --ignore=.tools --ignore=static --ignore=media --ignore=tests --ignore=bench --ignore=test-results --ignore=theme/locale

messages: install ## Update the translation catalogues in locale/ from the code, then compile them
	$(MANAGE) makemessages -l sv -l da -l nb -l fi -l is --add-location=file $(MESSAGES_IGNORE)
	$(MANAGE) compilemessages --ignore=.venv --ignore=.tools

superuser: install ## Create an administrator account
	$(MANAGE) createsuperuser

clean: ## Remove the virtual environments and local data
	rm -rf $(VENV) $(PRODUCTION_VENV) $(TOOLS) db.sqlite3 media static

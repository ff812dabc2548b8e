# Doorstep: `make run` and `make test` set everything up themselves (a .venv here; nothing global).

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-doorstep
# Every version the .venv and the container image install, as tested (`make lock` refreshes it).
LOCK := constraints.txt
LOCK_PYTHON ?= $(shell command -v python3.11 2>/dev/null || echo $(PYTHON))
# The Matrix tests start a throwaway Synapse; it lives in its own virtualenv (its pins differ from ours).
SYNAPSE_VERSION := 1.163.2
SYNAPSE_VENV := .test-servers/synapse/venv
SYNAPSE_STAMP := $(SYNAPSE_VENV)/.installed-synapse-$(SYNAPSE_VERSION)

.PHONY: run test demo demo-organiser check-config translations clean bench bench-quick synapse lock fonts

$(STAMP): pyproject.toml $(LOCK)
	@test -n "$(PYTHON)" || { echo "Doorstep needs Python 3.11 or newer (python3 --version)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint $(LOCK) -e '.[dev]'
	@touch $(STAMP)

## Refresh constraints.txt: the newest versions pyproject.toml allows, dev tools included, resolved in a
## scratch virtualenv (Python 3.11, the oldest Doorstep supports, so every pin installs there).
lock:
	@test -n "$(LOCK_PYTHON)" || { echo "Doorstep needs Python 3.11 or newer (python3 --version)"; exit 1; }
	rm -rf .lock-venv
	$(LOCK_PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet '.[dev]'
	{ echo "# Exact versions for the .venv (make) and the container image (Dockerfile), resolved by"; \
	  echo "# \`make lock\` with $$(.lock-venv/bin/python -V) from pyproject.toml's ranges, dev tools included."; \
	  echo "# Used as pip constraints: a package listed here is installed at this version, if at all."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude-editable | grep -v -i -E '^(doorstep|pip|setuptools|wheel)( |=|@)'; \
	} > $(LOCK)
	rm -rf .lock-venv build

$(SYNAPSE_STAMP):
	@test -n "$(PYTHON)" || { echo "Doorstep needs Python 3.11 or newer (python3 --version)"; exit 1; }
	rm -rf $(SYNAPSE_VENV)
	$(PYTHON) -m venv $(SYNAPSE_VENV)
	$(SYNAPSE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SYNAPSE_VENV)/bin/python -m pip install --quiet 'matrix-synapse==$(SYNAPSE_VERSION)'
	@touch $(SYNAPSE_STAMP)

## A homeserver for the Matrix tests (installed once; the tests start and stop it).
synapse: $(SYNAPSE_STAMP)

## Run the bot: Telegram and/or Matrix when configured (.env), otherwise the console street.
run: $(STAMP)
	$(BIN)/doorstep run

## The example street, start to finish.
demo: $(STAMP)
	$(BIN)/doorstep demo --start 2026-03-02T09:00+00:00 < examples/street.txt

## Street organisers at work: hellos, unmet asks, reminders, the weekly summary (its chart is saved as a PNG).
demo-organiser: $(STAMP)
	$(BIN)/doorstep demo --start 2026-03-02T09:00+00:00 < examples/organiser.txt

check-config: $(STAMP)
	$(BIN)/doorstep check-config

## Refresh locales/doorstep.pot and merge new sentences into every catalogue.
translations: $(STAMP)
	$(BIN)/python -m bot.translations

## Everything: architecture contracts and the whole test suite.
## Printed leaflets are set in DejaVu Sans (Polish and Romanian letters): Debian's fonts-dejavu-core,
## installed here only when neither the system nor matplotlib has it.
fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || $(BIN)/python -c 'import matplotlib' 2>/dev/null || \
		{ command -v apt-get >/dev/null && apt-get update -qq && apt-get install -y -qq fonts-dejavu-core >/dev/null; } || \
		echo "No DejaVu Sans: leaflets can't be printed (apt-get install fonts-dejavu-core)"

test: $(STAMP) $(SYNAPSE_STAMP) fonts
	$(BIN)/ruff check --quiet handlers bot storage config tests bench
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

## Benchmarks: one table, and docs/performance.md rewritten (under 10 minutes on two cores).
## `make bench-quick` (or BENCH_ARGS=--quick) is under 2 minutes and only prints the table.
bench: $(STAMP) $(SYNAPSE_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

bench-quick: $(STAMP) $(SYNAPSE_STAMP)
	$(BIN)/python -m bench --quick $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .lock-venv .test-servers .pytest_cache .hypothesis

# Doorstep: `make run` and `make test` set everything up themselves (a .venv here; nothing global).

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-doorstep
# The Matrix tests start a throwaway Synapse; it lives in its own virtualenv (its pins differ from ours).
SYNAPSE_VERSION := 1.163.2
SYNAPSE_VENV := .test-servers/synapse/venv
SYNAPSE_STAMP := $(SYNAPSE_VENV)/.installed-synapse-$(SYNAPSE_VERSION)

.PHONY: run test demo demo-organiser check-config translations clean bench bench-quick synapse

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Doorstep needs Python 3.11 or newer (python3 --version)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

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
test: $(STAMP) $(SYNAPSE_STAMP)
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
	rm -rf $(VENV) .test-servers .pytest_cache .hypothesis

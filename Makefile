# comity: two commands on a fresh machine — `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := examples/japan-australia-defence-pact.txt
DEMO_PUBLISHED := $(shell $(PYTHON) -c "import json;print(json.load(open('$(DEMO:.txt=.gold.json)'))['published'])")

CHROMIUM := /usr/bin/chromium

.PHONY: setup run test lint bench eval clean browser

setup: $(STAMP)  ## create .venv and install comity with its dev and spark (pyspark) extras (a no-op when up to date)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,spark]'
	touch $(STAMP)

run: setup  ## code the bundled demo article and show the result
	$(BIN)/comity code $(DEMO) --published $(DEMO_PUBLISHED)

lint: setup  ## ruff, and the layer rule of docs/architecture.md (tools/layers.py)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python tools/layers.py

browser:  ## Debian's chromium for the web explorer's browser tests (apt-get where missing; a no-op otherwise)
	test -x $(CHROMIUM) || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

test: lint browser  ## ruff, then the test suite; -rs lists every skipped test with its reason (e.g. ../shared absent)
	$(BIN)/pytest -rs

bench: setup  ## throughput: comity end to end against spaCy's own nlp.pipe, same texts, same run (says which corpus)
	$(BIN)/python benchmarks/throughput.py

eval: setup  ## score the demo article and (where present) the shared example
	$(BIN)/comity eval examples
	test ! -d ../shared/examples || $(BIN)/comity eval ../shared/examples

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache

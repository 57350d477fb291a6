# marsad: the two commands of the README are `make run` and `make test`; each sets up what it needs first.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SEEDS   = src/marsad/samples/seeds

.PHONY: setup run test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

run: setup  ## analyse the five seed articles: records in out.jsonl, a summary on screen
	$(BIN)/marsad analyze $(SEEDS) --format jsonl --output out.jsonl
	$(BIN)/marsad analyze $(SEEDS) --format table
	@echo "records written to out.jsonl"

test: setup  ## the whole test suite
	$(BIN)/python -m pytest

bench: setup  ## throughput and memory of the per-article path on a generated corpus
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) out.jsonl .pytest_cache

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
	$(BIN)/pip install -q -e '.[web,test]'
	touch $@

run: setup  ## analyse the five seed articles, store them in marsad.db and serve the UI at http://127.0.0.1:8000/
	$(BIN)/marsad analyze $(SEEDS) --format jsonl --output out.jsonl
	$(BIN)/marsad analyze $(SEEDS) --format table
	@echo "records written to out.jsonl"
	$(BIN)/marsad ingest $(SEEDS) --db marsad.db --no-progress
	$(BIN)/marsad conflicts --db marsad.db --format table
	@echo "marsad: open http://127.0.0.1:8000/ in a browser (Ctrl-C to stop)"
	$(BIN)/marsad serve --db marsad.db

test: setup  ## the whole test suite
	$(BIN)/python -m pytest

bench: setup  ## throughput and memory of the per-article path on a generated corpus
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) out.jsonl .pytest_cache marsad.db marsad.db-wal marsad.db-shm

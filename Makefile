# Two commands do everything on a fresh Debian machine: `make serve` and `make test`.
# Each target sets up what it needs (virtual environment, Debian packages) first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --quiet --disable-pip-version-check
# Locks with hashes, from pyproject.toml (make lock): what a site build needs, and that plus the
# test and dev tools. Each has its stamp in the venv, so nothing is installed again while the
# locks and pyproject.toml are unchanged, and a venv first set up by `make site` only gets the
# test and dev tools added by `make test`.
RUNTIME_LOCK := requirements/runtime.txt
DEV_LOCK := requirements/dev.txt
RUNTIME_INSTALLED := $(VENV)/.installed-runtime
DEV_INSTALLED := $(VENV)/.installed-dev
# `make test LINT=0` runs the tests without `make lint` first. LINT defaults to 1; not with `?=`,
# which make ignores here since it has a LINT of its own (`lint`, for C sources).
ifeq ($(origin LINT),default)
LINT := 1
endif
NODE_INSTALLED := node_modules/.installed
HOST ?= 127.0.0.1:8000

# Material for MkDocs prints a banner about MkDocs 2 on every build; it is noise here.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test lint site generate check golden lock system-deps build-deps clean audit offline bench node_modules

## serve: set up, generate, build and serve the site on http://127.0.0.1:8000
serve: site
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

## test: set up (browser included), lint (unless LINT=0), then run the whole test suite, its files
## spread over every core (PYTEST_ARGS= to run them one after another, or to pass other options)
PYTEST_ARGS ?= -n auto --dist loadfile
test: $(DEV_INSTALLED) system-deps $(NODE_INSTALLED) $(if $(filter 1,$(LINT)),lint)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## lint: ruff (rules and formatting) and mypy; runs all three, fails if any fails
lint: $(DEV_INSTALLED)
	@status=0; \
	echo "ruff check generator tests"; $(BIN)/ruff check generator tests || status=1; \
	echo "ruff format --check generator tests"; $(BIN)/ruff format --check generator tests || status=1; \
	echo "mypy generator"; $(BIN)/mypy generator || status=1; \
	exit $$status

## site: generate content/ from resolution.yaml, then build site/ with MkDocs (strict); site/ is
## replaced only when the whole build succeeds, and is dated by the data (reproducible)
site: generate build-deps
	$(BIN)/python -m generator site

## generate: content/ from resolution.yaml
generate: $(RUNTIME_INSTALLED)
	$(BIN)/python -m generator build

## check: validate resolution.yaml only
check: $(RUNTIME_INSTALLED)
	$(BIN)/python -m generator check

## golden: rewrite the expected output of the test fixture after an intended change
golden: $(DEV_INSTALLED)
	$(BIN)/python -m tests.golden

## lock: regenerate both locks with hashes from pyproject.toml (pip-compile in a throwaway venv);
## pins already in the locks are kept: LOCK_ARGS=--upgrade (or --upgrade-package NAME) to move them
LOCK_ARGS ?=
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)-lock/bin/pip-compile --quiet --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock:
	rm -rf $(VENV)-lock && $(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet --disable-pip-version-check pip==26.3 pip-tools==7.7.0
	mkdir -p requirements
	$(PIP_COMPILE) --output-file $(RUNTIME_LOCK) pyproject.toml
# The dev lock takes the runtime lock's versions as they are: the same packages in both.
	$(PIP_COMPILE) --extra test --extra dev --constraint $(RUNTIME_LOCK) --output-file $(DEV_LOCK) pyproject.toml
	rm -rf $(VENV)-lock

## system-deps: Debian packages the tests need (Chromium, fonts), installed if missing
system-deps:
	@bash .ci/system-deps

## build-deps: Debian packages a site build needs (WeasyPrint for the PDFs, fonts)
build-deps:
	@bash .ci/system-deps --build

# The project itself goes in with a pip call of its own: --require-hashes refuses a local path.
$(RUNTIME_INSTALLED): $(RUNTIME_LOCK) pyproject.toml
	@bash .ci/system-deps --python
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r $(RUNTIME_LOCK)
	$(PIP) install --no-deps -e .
	touch $@

# The runtime lock first (its stamp), then what the dev lock adds: the test and dev tools.
$(DEV_INSTALLED): $(RUNTIME_INSTALLED) $(DEV_LOCK)
	$(PIP) install --require-hashes -r $(DEV_LOCK)
	touch $@

## audit: build the site, then print one table: axe, privacy, links, weight, Lighthouse
audit: site $(DEV_INSTALLED) $(NODE_INSTALLED) system-deps
	$(BIN)/python -m tests.audit site

## bench: build speed and scale (real data, 10× and 100×; the official layout's fixture, 1× and 10×; imports; the aggregation of 1,000 checklist exports in headless Chromium), medians of several runs, then paired builds against the commit before the reshape at 1× and 10×; prints figures
bench: $(DEV_INSTALLED) system-deps
	$(BIN)/python -m tests.bench

## offline: build/nq55-offline.zip, the site to unzip and open from disk (file://), search included
offline: $(RUNTIME_INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m generator offline --output build/nq55-offline.zip

## node_modules: the pinned npm tools (axe-core, Lighthouse, iframe-worker) from package-lock.json
node_modules: $(NODE_INSTALLED)

$(NODE_INSTALLED): package.json package-lock.json
	@bash .ci/system-deps --node
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

clean:
	rm -rf site build $(VENV) $(VENV)-lock node_modules .pytest_cache .mypy_cache .ruff_cache .cache *.egg-info

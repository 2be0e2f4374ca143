# Two commands do everything on a fresh Debian machine: `make serve` and `make test`.
# Each target sets up what it needs (virtual environment, Debian packages) first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
HOST ?= 127.0.0.1:8000

# Material for MkDocs prints a banner about MkDocs 2 on every build; it is noise here.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test site generate check golden lock system-deps build-deps clean audit offline bench node_modules

## serve: set up, generate, build and serve the site on http://127.0.0.1:8000
serve: site
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

## test: set up (browser included) and run the whole test suite
test: $(INSTALLED) system-deps $(NODE_INSTALLED)
	$(BIN)/python -m pytest

## site: generate content/ from resolution.yaml, then build site/ with MkDocs (strict); site/ is
## replaced only when the whole build succeeds, and is dated by the data (reproducible)
site: generate build-deps
	$(BIN)/python -m generator site

## generate: content/ from resolution.yaml
generate: $(INSTALLED)
	$(BIN)/python -m generator build

## check: validate resolution.yaml only
check: $(INSTALLED)
	$(BIN)/python -m generator check

## golden: rewrite the expected output of the test fixture after an intended change
golden: $(INSTALLED)
	$(BIN)/python -m tests.golden

## lock: re-pin requirements.txt from requirements.in in a fresh environment
lock:
	rm -rf $(VENV)-lock && $(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Generated from requirements.in by 'make lock' (pip freeze of a fresh environment). Do not edit by hand."; \
	  $(VENV)-lock/bin/pip freeze --exclude pip; } > requirements.txt
	rm -rf $(VENV)-lock

## system-deps: Debian packages the tests need (Chromium, fonts), installed if missing
system-deps:
	@bash .ci/system-deps

## build-deps: Debian packages a site build needs (WeasyPrint for the PDFs, fonts)
build-deps:
	@bash .ci/system-deps --build

$(INSTALLED): requirements.txt
	@bash .ci/system-deps --python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

## audit: build the site, then print one table: axe, privacy, links, weight, Lighthouse
audit: site $(NODE_INSTALLED) system-deps
	$(BIN)/python -m tests.audit site

## bench: build speed and scale (real data, 10× and 100×), medians of several runs; prints figures
bench: $(INSTALLED) system-deps
	$(BIN)/python -m tests.bench

## offline: build/nq55-offline.zip, the site to unzip and open from disk (file://), search included
offline: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m generator.offline build/nq55-offline.zip

## node_modules: the pinned npm tools (axe-core, Lighthouse, iframe-worker) from package-lock.json
node_modules: $(NODE_INSTALLED)

$(NODE_INSTALLED): package.json package-lock.json
	@bash .ci/system-deps --node
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

clean:
	rm -rf site build $(VENV) node_modules .pytest_cache .cache

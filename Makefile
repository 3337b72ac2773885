# Thin aliases over cargo: the logic lives in the Rust crates.
CORPUS ?= corpus
OUT ?= dataset
# Further options for `bitextract extract`, e.g. EXTRACT_ARGS="--formats tmx --min-confidence 0.8".
EXTRACT_ARGS ?=
CARGO ?= cargo

.PHONY: setup build extract test test-python wheel test-browser test-hostile bench fuzz schema score clean

# Installs what the tests need beyond Rust (translate-toolkit in .venv/); idempotent.
setup:
	./scripts/setup.sh

build:
	$(CARGO) build --release -p bitextract

extract: build
	./target/release/bitextract extract $(CORPUS) -o $(OUT) $(EXTRACT_ARGS)

# Includes the hostile suite on a small corpus of every class (tests/hostile.rs), then the
# Python package's tests.
test: setup
	$(CARGO) test --workspace
	$(MAKE) test-python

# Builds the Python package into .venv (the dev profile, as the Rust tests, so the build
# reuses theirs) and runs its tests with pytest.
VENV := $(CURDIR)/.venv
test-python: setup
	VIRTUAL_ENV=$(VENV) $(VENV)/bin/maturin develop --quiet
	$(VENV)/bin/python -m pytest

# A release wheel of the Python package in target/wheels/ (`pip install target/wheels/…`).
wheel: setup
	$(VENV)/bin/maturin build --release

# The review page in headless Chromium, as a person sees it (tests/review_browser.rs); setup
# installs Chromium and Playwright.
test-browser: setup
	$(CARGO) test -p bitextract --test review_browser -- --ignored

# Stage benchmarks, whole runs at scale, pdftotext as the reference, peak memory.
bench:
	./scripts/bench.sh

# Hostile inputs end to end at full size (a 4 GiB inflation bomb, a 40 MB text, …), then a
# long run killed midway; the small versions of every class run in `make test`.
test-hostile:
	$(CARGO) test --release -p bitextract --test hostile --test hostile_formats

# Fuzzes each target of fuzz/ for FUZZ_SECONDS (needs nightly and `cargo install cargo-fuzz`).
# New inputs go to FUZZ_WORK; the committed seeds in fuzz/corpus/ are only read.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= ingest_pdf pdf_graph ingest_text ingest_html ingest_docx meta_fields pipeline_text
FUZZ_WORK ?= target/fuzz-corpus
fuzz:
	cd fuzz && for target in $(FUZZ_TARGETS); do \
		mkdir -p $(abspath $(FUZZ_WORK))/$$target && \
		$(CARGO) +nightly fuzz run $$target $(abspath $(FUZZ_WORK))/$$target corpus/$$target -- \
			-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -timeout=30 || exit 1; \
	done

# Regenerates the committed JSON Schema of documents/<id>.json after a model change.
schema:
	UPDATE_SCHEMA=1 $(CARGO) test -p export --lib schema

# Scores the dataset against the hand-made gold (needs the shared evaluation kit beside the repository).
score: extract
	python3 ../shared/eval/score.py $(OUT) --manifest ../shared/corpus/MANIFEST.json

clean:
	$(CARGO) clean
	rm -rf $(OUT)

# Thin aliases over cargo: the logic lives in the Rust crates.
CORPUS ?= corpus
OUT ?= dataset
# Further options for `bitextract extract`, e.g. EXTRACT_ARGS="--formats tmx --min-confidence 0.8".
EXTRACT_ARGS ?=
CARGO ?= cargo

.PHONY: setup build extract test bench schema score clean

# Installs what the tests need beyond Rust (translate-toolkit in .venv/); idempotent.
setup:
	./scripts/setup.sh

build:
	$(CARGO) build --release -p bitextract

extract: build
	./target/release/bitextract extract $(CORPUS) -o $(OUT) $(EXTRACT_ARGS)

test: setup
	$(CARGO) test --workspace

# Stage benchmarks, whole runs at scale, pdftotext as the reference, peak memory.
bench:
	./scripts/bench.sh

# Regenerates the committed JSON Schema of documents/<id>.json after a model change.
schema:
	UPDATE_SCHEMA=1 $(CARGO) test -p export --lib schema

# Scores the dataset against the hand-made gold (needs the shared evaluation kit beside the repository).
score: extract
	python3 ../shared/eval/score.py $(OUT) --manifest ../shared/corpus/MANIFEST.json

clean:
	$(CARGO) clean
	rm -rf $(OUT)

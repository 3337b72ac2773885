# Thin aliases over cargo: the logic lives in the Rust crates.
CORPUS ?= corpus
OUT ?= dataset
CARGO ?= cargo

.PHONY: build extract test score clean

build:
	$(CARGO) build --release -p bitextract

extract: build
	./target/release/bitextract extract $(CORPUS) -o $(OUT)

test:
	$(CARGO) test --workspace

# Scores the dataset against the hand-made gold (needs the shared evaluation kit beside the repository).
score: extract
	python3 ../shared/eval/score.py $(OUT) --manifest ../shared/corpus/MANIFEST.json

clean:
	$(CARGO) clean
	rm -rf $(OUT)

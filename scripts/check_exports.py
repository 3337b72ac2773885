#!/usr/bin/env python3
"""Reads a bitextract dataset with independent, established readers and checks it.

- segments.jsonl and sections.jsonl: Python's json module, line by line. No two lines of
  segments.jsonl hold the same pair (after Unicode and white-space normalisation).
- The files made for use hold the lines of segments.jsonl without a flag, in order:
  bitext.tmx (translate-toolkit's TMX reader: same English and French text, less the
  control characters XML cannot carry), bitext.en / bitext.fr (one line each), bitext.jsonl
  (json, then Hugging Face `datasets`, which must see a `translation` column of en/fr),
  segments.parquet (pandas on pyarrow, and DuckDB when installed). None of them holds a
  side made only of web addresses.
- notices.csv (Python's csv module and pandas, UTF-8 with a byte-order mark) and
  notices.parquet (pandas): one row per document of documents/.

Prints the counts as JSON; exits non-zero, saying why, when a check fails.

Usage: check_exports.py DATASET_DIR
"""

import csv
import json
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from translate.storage.tmx import tmxfile

# Characters XML 1.0 forbids, which the TMX writer drops.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A token that is a web address, a piece of one or an e-mail address.
ADDRESS = re.compile(r"^[(<\[«\"']*(https?://\S+|www\.\S+|\S+@\S+\.\S+|/\S+|[\w-]+(\.[\w-]+)+(/\S*)?)[)>\]»\"'.,;:]*$")


def fail(message):
    print(f"check_exports: {message}", file=sys.stderr)
    sys.exit(1)


def read_jsonl(path):
    rows = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                fail(f"{path}:{number}: not a JSON object: {err}")
    return rows


def normalised(text):
    return " ".join(unicodedata.normalize("NFKC", text).split())


def address_only(text):
    tokens = text.split()
    return bool(tokens) and all(ADDRESS.match(t) for t in tokens)


def check_jsonl(root):
    segments = read_jsonl(root / "segments.jsonl")
    sections = read_jsonl(root / "sections.jsonl")
    for row in segments + sections:
        for key in ("doc", "section", "en", "fr", "confidence", "count", "documents"):
            if key not in row:
                fail(f"a JSONL line has no {key!r}: {row}")
    seen = set()
    for row in segments:
        key = (normalised(row["en"]), normalised(row["fr"]))
        if key in seen:
            fail(f"segments.jsonl holds {key} twice")
        seen.add(key)
        if row["doc"] not in row["documents"] or row["count"] < len(row["documents"]):
            fail(f"{row['id']}: count and documents disagree: {row}")
    return segments, sections


def check_tmx_and_moses(root, exported):
    with (root / "bitext.tmx").open("rb") as handle:
        memory = tmxfile(handle, sourcelanguage="en", targetlanguage="fr")
    units = memory.units
    if len(units) != len(exported):
        fail(f"bitext.tmx has {len(units)} units, segments.jsonl {len(exported)} unflagged lines")
    for unit, row in zip(units, exported):
        for got, side in ((unit.source, "en"), (unit.target, "fr")):
            want = XML_FORBIDDEN.sub("", row[side])
            if got != want:
                fail(f"unit {unit.getid()}: {side} {got!r} != {want!r}")
    for side in ("en", "fr"):
        text = (root / f"bitext.{side}").read_text(encoding="utf-8")
        lines = text.split("\n")[:-1] if text else []
        if len(lines) != len(exported):
            fail(f"bitext.{side} has {len(lines)} lines, {len(exported)} pairs exported")
        for line in lines:
            if address_only(line):
                fail(f"bitext.{side} holds a line of web addresses only: {line!r}")
    return len(units)


def check_translation_layout(root, exported):
    lines = read_jsonl(root / "bitext.jsonl")
    if [(l["translation"]["en"], l["translation"]["fr"]) for l in lines] != [
        (r["en"], r["fr"]) for r in exported
    ]:
        fail("bitext.jsonl does not hold the unflagged pairs of segments.jsonl, in order")
    if [l["id"] for l in lines] != [r["id"] for r in exported]:
        fail("bitext.jsonl ids differ from segments.jsonl's")
    # `datasets` reads the file offline, with its cache in a scratch directory.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    import datasets

    datasets.disable_progress_bars()
    with tempfile.TemporaryDirectory() as cache:
        loaded = datasets.load_dataset(
            "json", data_files=str(root / "bitext.jsonl"), split="train", cache_dir=cache
        )
        features = loaded.features
        if "translation" not in features or set(features["translation"]) != {"en", "fr"}:
            fail(f"datasets does not see a translation column of en and fr: {features}")
        if loaded.num_rows != len(exported):
            fail(f"datasets reads {loaded.num_rows} rows, {len(exported)} pairs exported")
        if exported and loaded[0]["translation"] != {"en": exported[0]["en"], "fr": exported[0]["fr"]}:
            fail(f"datasets' first row {loaded[0]} is not the first pair exported")
        return loaded.num_rows


def check_parquet(root, exported, documents):
    import pandas

    segments = pandas.read_parquet(root / "segments.parquet")
    if len(segments) != len(exported):
        fail(f"segments.parquet has {len(segments)} rows, {len(exported)} pairs exported")
    if list(segments["id"]) != [r["id"] for r in exported]:
        fail("segments.parquet ids differ from segments.jsonl's unflagged lines")
    if exported and list(segments["documents"].iloc[0]) != exported[0]["documents"]:
        fail("segments.parquet documents differ from segments.jsonl's")
    notices = pandas.read_parquet(root / "notices.parquet")
    if len(notices) != documents:
        fail(f"notices.parquet has {len(notices)} rows, documents/ {documents} files")
    try:
        import duckdb
    except ImportError:
        return len(segments), None
    query = "select count(*) from read_parquet(?)"
    count = duckdb.execute(query, [str(root / "segments.parquet")]).fetchall()[0][0]
    if count != len(exported):
        fail(f"DuckDB counts {count} rows in segments.parquet, {len(exported)} pairs exported")
    return len(segments), count


def check_notices_csv(root, documents):
    import pandas

    raw = (root / "notices.csv").read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("notices.csv does not start with a UTF-8 byte-order mark")
    with (root / "notices.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if len(rows) != documents:
        fail(f"notices.csv has {len(rows)} rows, documents/ {documents} files")
    for column in ("id", "status", "title_en", "title_fr", "reference", "salary_amount", "deadline"):
        if rows and column not in rows[0]:
            fail(f"notices.csv has no {column} column")
    frame = pandas.read_csv(root / "notices.csv", encoding="utf-8-sig")
    if len(frame) != documents:
        fail(f"pandas reads {len(frame)} rows of notices.csv, documents/ {documents} files")
    return len(rows)


def main():
    if len(sys.argv) != 2:
        fail("usage: check_exports.py DATASET_DIR")
    root = Path(sys.argv[1])
    segments, sections = check_jsonl(root)
    exported = [row for row in segments if not row["flags"]]
    documents = len(list((root / "documents").glob("*.json")))
    tmx_units = check_tmx_and_moses(root, exported)
    datasets_rows = check_translation_layout(root, exported)
    parquet_rows, duckdb_rows = check_parquet(root, exported, documents)
    csv_rows = check_notices_csv(root, documents)
    print(
        json.dumps(
            {
                "segments": len(segments),
                "sections": len(sections),
                "set_aside": len(segments) - len(exported),
                "tmx_units": tmx_units,
                "datasets_rows": datasets_rows,
                "parquet_rows": parquet_rows,
                "duckdb_rows": duckdb_rows,
                "documents": documents,
                "csv_rows": csv_rows,
            }
        )
    )


if __name__ == "__main__":
    main()

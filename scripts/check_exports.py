#!/usr/bin/env python3
"""Reads a bitextract dataset with independent, established readers and checks it.

bitext.tmx is loaded by translate-toolkit's TMX reader, segments.jsonl and sections.jsonl
by Python's json module, line by line. The TMX must hold one unit per line of
segments.jsonl, with the same English and French text (less the control characters XML
cannot carry), and bitext.en / bitext.fr one line per unit. Prints the counts as JSON;
exits non-zero, saying why, when a check fails.

Usage: check_exports.py DATASET_DIR
"""

import json
import re
import sys
from pathlib import Path

from translate.storage.tmx import tmxfile

# Characters XML 1.0 forbids, which the TMX writer drops.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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


def main():
    if len(sys.argv) != 2:
        fail("usage: check_exports.py DATASET_DIR")
    root = Path(sys.argv[1])
    segments = read_jsonl(root / "segments.jsonl")
    sections = read_jsonl(root / "sections.jsonl")
    for row in segments + sections:
        for key in ("doc", "section", "en", "fr", "confidence"):
            if key not in row:
                fail(f"a JSONL line has no {key!r}: {row}")

    with (root / "bitext.tmx").open("rb") as handle:
        memory = tmxfile(handle, sourcelanguage="en", targetlanguage="fr")
    units = memory.units
    if len(units) != len(segments):
        fail(f"bitext.tmx has {len(units)} units, segments.jsonl {len(segments)} lines")
    for unit, row in zip(units, segments):
        for got, side in ((unit.source, "en"), (unit.target, "fr")):
            want = XML_FORBIDDEN.sub("", row[side])
            if got != want:
                fail(f"unit {unit.getid()}: {side} {got!r} != {want!r}")

    for side in ("en", "fr"):
        text = (root / f"bitext.{side}").read_text(encoding="utf-8")
        lines = text.split("\n")[:-1] if text else []
        if len(lines) != len(segments):
            fail(f"bitext.{side} has {len(lines)} lines, segments.jsonl {len(segments)}")

    print(json.dumps({"tmx_units": len(units), "segments": len(segments), "sections": len(sections)}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Measures silent text loss on damaged PDFs: mutates PDFs, extracts them with bitextract and
with poppler's pdftotext, and lists every damaged file whose document holds less than half of
pdftotext's words, with its status and diagnostics.

Usage: measure_damaged_pdfs.py BITEXTRACT WORK_DIR SOURCE.pdf... [--count N]

Each source gets N/len(sources) mutants (byte flips, truncations, chunk deletions, chosen by a
fixed seed, so runs are comparable), written under WORK_DIR (never next to the sources). A
document is "silent" when it is `ok` with no warning while holding less than half of the words
pdftotext finds in the same damaged file: that must never happen.
"""

import json
import os
import random
import re
import subprocess
import sys

WORD = re.compile(r"\w+")


def mutate(data, rng):
    kind = rng.choice(["flip", "truncate", "delete"])
    data = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "truncate":
        del data[rng.randrange(len(data) // 4, len(data)):]
    else:
        start = rng.randrange(len(data))
        del data[start:start + rng.randint(1, 2000)]
    return kind, bytes(data)


def pdftotext_words(path):
    run = subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, timeout=60)
    return len(WORD.findall(run.stdout.decode("utf-8", "replace")))


def document_words(document):
    words = 0
    for section in document.get("sections", []):
        for side in ("en", "fr"):
            part = section.get(side) or {}
            for field in ("heading", "text"):
                words += len(WORD.findall(part.get(field) or ""))
    return words


def main():
    args = sys.argv[1:]
    count = 200
    if "--count" in args:
        at = args.index("--count")
        count = int(args[at + 1])
        del args[at:at + 2]
    if len(args) < 3:
        sys.exit(__doc__)
    bitextract, work, sources = args[0], args[1], args[2:]
    corpus = os.path.join(work, "damaged")
    os.makedirs(corpus, exist_ok=True)
    rng = random.Random(12)
    kinds = {}
    for n in range(count):
        source = sources[n % len(sources)]
        with open(source, "rb") as f:
            kind, data = mutate(f.read(), rng)
        name = "%03d-%s-%s" % (n, kind, os.path.basename(source))
        kinds[name] = kind
        with open(os.path.join(corpus, name), "wb") as f:
            f.write(data)
    out = os.path.join(work, "dataset")
    subprocess.run(
        [bitextract, "extract", corpus, "-o", out, "-q", "--max-seconds", "10"], check=False
    )
    manifest = json.load(open(os.path.join(out, "manifest.json")))
    lost_silently, lost_with_word, lost_flagged = [], [], []
    for entry in manifest["inputs"]:
        path = os.path.join(corpus, entry["path"])
        reference = pdftotext_words(path)
        document = json.load(open(os.path.join(out, "documents", entry["id"] + ".json")))
        words = document_words(document)
        if reference == 0 or words * 2 >= reference:
            continue
        row = (entry["path"], document["status"], words, reference,
               [d["code"] for d in document["warnings"]], [d["code"] for d in document["errors"]])
        if document["status"] != "ok":
            lost_flagged.append(row)
        elif document["warnings"]:
            lost_with_word.append(row)
        else:
            lost_silently.append(row)
    total = len(manifest["inputs"])
    print("damaged PDFs: %d" % total)
    print("under half of pdftotext's words: %d not ok (partial/failed), %d ok with a warning, "
          "%d ok without a warning" % (len(lost_flagged), len(lost_with_word), len(lost_silently)))
    for label, rows in (("ok, no warning", lost_silently), ("ok with warning", lost_with_word)):
        for row in rows:
            print("  %s: %s" % (label, row))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compares two bitextract datasets file by file, byte for byte, manifest.json's timings
aside (the only wall-clock figures a dataset holds). Prints what differs and exits 1, or
prints the number of identical files.

Usage: compare_datasets.py DATASET_A DATASET_B
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def dataset_files(root: Path) -> dict[str, bytes]:
    """Every file of a dataset by relative path, ``manifest.json`` without its timings."""
    files = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        relative = path.relative_to(root).as_posix()
        if relative == "manifest.json":
            manifest = json.loads(data)
            del manifest["timings"]
            data = json.dumps(manifest, indent=2).encode()
        files[relative] = data
    return files


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    """The relative paths that are in one dataset only, or differ."""
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = (dataset_files(Path(arg)) for arg in sys.argv[1:])
    differ = differences(a, b)
    for path in differ[:20]:
        print(f"differs: {path}")
    if differ:
        print(f"{len(differ)} of {len(a.keys() | b.keys())} files differ")
        return 1
    print(f"identical: {len(a)} files (manifest.json's timings aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

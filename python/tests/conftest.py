"""Shared fixtures: the bundled corpus, copies of it, and datasets read back for comparison."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The bundled development corpus (read only)."""
    return CORPUS


def copy_corpus(root: Path, copies: int) -> Path:
    """The bundled corpus copied ``copies`` times under ``root`` (copy-1/…, copy-2/…)."""
    root.mkdir(parents=True, exist_ok=True)
    for k in range(1, copies + 1):
        shutil.copytree(CORPUS, root / f"copy-{k}")
    return root


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

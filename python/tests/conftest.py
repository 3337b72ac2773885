"""Shared fixtures: the bundled corpus and copies of it; datasets read back for comparison."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"

# The tests compare datasets as scripts/compare_datasets.py does.
sys.path.insert(0, str(REPO / "scripts"))
from compare_datasets import dataset_files  # noqa: E402,F401


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

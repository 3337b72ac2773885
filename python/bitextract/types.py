"""The plain data bitextract returns: documents, links, a corpus's inputs, a run's summary.

Everything is JSON-shaped (dicts, lists, strings, numbers), so it pickles, crosses process
boundaries and loads into pandas or Hugging Face ``datasets`` as it is. A document is the
JSON of ``documents/<id>.json``; ``schema/document.schema.json`` in the repository describes
every field, and these types name the top level.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict


class Diagnostic(TypedDict):
    """An error or a warning: a stable code and a message for people."""

    code: str
    message: str


class Source(TypedDict):
    """One input file of a document."""

    path: str
    format: str
    sha256: str
    bytes: int
    pages: Optional[int]
    languages: List[str]


class _DocumentFields(TypedDict):
    id: str
    sources: List[Source]
    status: str
    errors: List[Diagnostic]
    warnings: List[Diagnostic]
    kind: Optional[str]
    languages: List[str]
    metadata: Dict[str, Dict[str, Any]]
    sections: List[Dict[str, Any]]


class Document(_DocumentFields, total=False):
    """One document, as ``documents/<id>.json`` holds it: ``status`` is ``ok``,
    ``partial`` or ``failed`` (with ``errors``), ``kind`` ``bilingual``, ``monolingual``
    or ``empty``; ``sections`` hold the EN/FR section pairs and their aligned
    ``segments``. The two lists below are present only when not empty."""

    language_shares: List[Dict[str, Any]]
    other_languages: List[Dict[str, str]]


class Link(TypedDict):
    """A link of two aligned lists: the indices of its items on each side, its texts and
    the estimated probability that it is right."""

    en_lines: List[int]
    fr_lines: List[int]
    en: str
    fr: str
    confidence: float


class Input(TypedDict):
    """An input file of a corpus: its path relative to the corpus root (the document's
    source path), its document id, the file to read and its format."""

    path: str
    id: str
    file: str
    format: str


class Skipped(TypedDict):
    """An entry of a corpus that is no input, with the reason."""

    path: str
    reason: str


class _SummaryFields(TypedDict):
    tool: str
    version: str
    inputs: List[Dict[str, Any]]
    skipped: List[Skipped]
    counts: Dict[str, int]
    export: Dict[str, Any]
    timings: Dict[str, Any]


class Summary(_SummaryFields, total=False):
    """A run's summary: the manifest as written to ``manifest.json`` (every input with its
    document id and status, the skipped entries, the counts, what the corpus-wide files
    hold, the timings). ``shard`` is present for a sharded run only."""

    shard: str


class Limits(TypedDict, total=False):
    """Per-document limits, as keywords; each defaults to the command line's default."""

    max_pages: int
    max_seconds: int
    max_decompressed_mb: int
    max_text_mb: int
    max_pdf_mb: int
    max_markup_mb: int
    max_docx_mb: int

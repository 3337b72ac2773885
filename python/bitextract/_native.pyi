"""Types of the extension module; :mod:`bitextract` re-exports everything here."""

import os
from collections.abc import Iterable, Sequence
from typing import Optional, Union, final

from typing_extensions import Unpack

from bitextract.types import Document, Input, Limits, Link, Skipped, Summary

__all__ = [
    "Corpus",
    "RunError",
    "__version__",
    "align",
    "discover",
    "extract",
    "join_and_write",
    "process",
    "process_pair",
]
__version__: str

class RunError(Exception):
    """A run that could not happen: no corpus, an output that cannot be written, is no
    bitextract output or is being written by another run, a run that read nothing and would
    replace a dataset, documents that are not the corpus's. The message is the one
    ``bitextract`` prints."""

@final
class Corpus:
    """The inputs of a corpus directory, each with its document id, and the entries it
    skips, from :func:`discover`. Hand :attr:`inputs` to the workers, then the corpus to
    :func:`join_and_write` with their documents."""

    @property
    def root(self) -> str:
        """The corpus directory, as given."""
    @property
    def shard(self) -> Optional[str]:
        """The shard kept (``"I/N"``), or None for the whole corpus."""
    @property
    def inputs(self) -> list[Input]:
        """The inputs in path order: ``path`` (relative to the root: the document's source
        path), ``id`` (its document id, the same as in a whole run), ``file`` (the path to
        read) and ``format``."""
    @property
    def skipped(self) -> list[Skipped]:
        """The entries that are no input, in path order, with the reason."""
    def __len__(self) -> int:
        """How many inputs."""

def process(
    data: Union[bytes, str, os.PathLike[str]],
    name: Optional[str] = None,
    *,
    id: Optional[str] = None,
    **limits: Unpack[Limits],
) -> Document:
    """One input into its document: the dict ``documents/<id>.json`` holds.

    ``data`` is the input's bytes, or the path of a file to read. ``name`` is the input's
    path as the document records it (``sources[0].path``); it defaults to the path given,
    or ``"document"`` for bytes. Its extension gives the format (``.pdf``, ``.txt``,
    ``.html``, ``.md``, ``.docx``…); without a known one, the first bytes do (a PDF, a DOCX,
    an HTML page, else text). ``id`` defaults to the id the input would have in a corpus of
    its own (the slug of ``name``); give the one from :attr:`Corpus.inputs` to make the
    document of a run.

    Never raises for bad input: an empty, corrupt, encrypted or unreadable input, a missing
    file, or one over a limit is a document with ``status == "failed"`` and its ``errors``.
    Raises ``TypeError`` for an unknown or invalid limit keyword.
    """

def process_pair(
    en: Union[bytes, str, os.PathLike[str]],
    fr: Union[bytes, str, os.PathLike[str]],
    *,
    en_name: Optional[str] = None,
    fr_name: Optional[str] = None,
    **limits: Unpack[Limits],
) -> Document:
    """The English and the French version of one document, two inputs, into their
    bilingual document, as ``bitextract extract`` joins two files: sections paired and
    aligned across the two, each side's fields kept and cross-checked, both sources. Its id
    is the English id, ``--``, then what differs of the French one (``notice_en.pdf`` +
    ``notice_fr.pdf`` → ``notice-en--fr``). Names and bad input as in :func:`process`."""

def align(
    en: Sequence[str],
    fr: Sequence[str],
    *,
    presplit: bool = False,
    min_confidence: float = 0.0,
) -> list[Link]:
    """Aligns two parallel lists of texts, any texts, an item a line (a line break inside an
    item reads as a space).

    Each item is a paragraph split into sentences, or with ``presplit`` one segment kept
    whole (an empty item then closes a paragraph). Each link gives the indices of the items
    its segments come from (``en_lines``, ``fr_lines``), their texts and a confidence, the
    estimated probability that the link is right; links below ``min_confidence`` and text
    with no counterpart are left out.
    """

def extract(
    corpus: Union[str, os.PathLike[str]],
    out: Union[str, os.PathLike[str]],
    *,
    jobs: Optional[int] = None,
    formats: Optional[Sequence[str]] = None,
    min_confidence: float = 0.0,
    keep_duplicates: bool = False,
    shard: Optional[str] = None,
    allow_empty: bool = False,
    **limits: Unpack[Limits],
) -> Summary:
    """Runs every input under ``corpus`` into a dataset in ``out``, as ``bitextract
    extract`` does, and returns the manifest as written.

    ``jobs`` worker threads (one per core by default); ``formats`` among the names
    ``bitextract extract --formats`` takes (all by default); pairs below ``min_confidence``
    are left out of the corpus-wide files, which hold each pair once unless
    ``keep_duplicates``; ``shard="I/N"`` processes one part of the corpus;
    ``allow_empty`` lets a run that read nothing replace a dataset. Raises
    :class:`RunError` when the run cannot happen, ``ValueError`` for a bad option.
    """

def discover(corpus: Union[str, os.PathLike[str]], *, shard: Optional[str] = None) -> Corpus:
    """The corpus step of a run: every input under ``corpus`` (of one shard with
    ``shard="I/N"``) with its document id, and every entry skipped with the reason. Raises
    :class:`RunError` when ``corpus`` is not a directory that can be listed."""

def join_and_write(
    documents: Iterable[Union[Document, str]],
    out: Union[str, os.PathLike[str]],
    corpus: Corpus,
    *,
    formats: Optional[Sequence[str]] = None,
    min_confidence: float = 0.0,
    keep_duplicates: bool = False,
    allow_empty: bool = False,
    jobs: Optional[int] = None,
) -> Summary:
    """Writes the documents of ``corpus``'s inputs, made anywhere and given in any order
    (dicts from :func:`process`, or their JSON text), into a dataset in ``out``: each is
    written as it comes, then the English and French files of one document are joined, the
    corpus-wide files and the manifest written, as ``bitextract extract`` does, so the
    dataset is the one a single run writes. Returns the manifest as written.

    Raises :class:`RunError` when the documents are not one per input of the corpus (one
    lost, one given twice, one of another corpus) or the output cannot be written, and
    ``ValueError`` for an item that is no document.
    """

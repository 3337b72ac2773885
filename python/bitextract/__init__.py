"""bitextract: bilingual English/French documents into aligned EN/FR datasets.

The work is done in Rust, with the GIL released, so Python threads calling these functions
run in parallel. Everything returned is plain JSON-shaped data (see :mod:`bitextract.types`).

- :func:`process` turns one input (bytes, or a path) into its document, the dict
  ``documents/<id>.json`` holds; bad input gives a ``failed`` document, never an exception.
  :func:`process_pair` does the same for the English and the French file of one document.
- :func:`align` aligns two lists of texts.
- :func:`extract` runs a corpus directory into a dataset, as ``bitextract extract`` does.
- :func:`discover` and :func:`join_and_write` are the two ends of a run for engines that
  process the inputs elsewhere (Dask, Spark, Ray): the first lists a corpus's inputs with
  their document ids, the second writes the documents made from them into the same dataset
  a single run writes. :mod:`bitextract.dask` is that recipe on Dask.

>>> import bitextract
>>> doc = bitextract.process(open("notice.pdf", "rb").read(), name="notice.pdf")
>>> links = bitextract.align(["Hello."], ["Bonjour."])
>>> summary = bitextract.extract("corpus", "dataset")
"""

from bitextract._native import (
    Corpus,
    RunError,
    __version__,
    align,
    discover,
    extract,
    join_and_write,
    process,
    process_pair,
)
from bitextract.types import Document, Input, Limits, Link, Skipped, Summary

__all__ = [
    "Corpus",
    "Document",
    "Input",
    "Limits",
    "Link",
    "RunError",
    "Skipped",
    "Summary",
    "__version__",
    "align",
    "discover",
    "extract",
    "join_and_write",
    "process",
    "process_pair",
]

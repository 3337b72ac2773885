"""A corpus run on Dask: the inputs processed on the cluster's workers, the dataset written by
the client exactly as one ``bitextract extract`` run writes it.

    from distributed import Client, LocalCluster
    import bitextract.dask

    with LocalCluster(n_workers=2) as cluster, Client(cluster) as client:
        summary = bitextract.dask.extract("corpus", "dataset", client=client)

The recipe is three steps, which other engines repeat (see docs/scale-out.md):

1. :func:`bitextract.discover` lists the corpus's inputs, each with the document id it has in
   a whole run (ids depend on the whole corpus, so they are given, never made on a worker);
2. the workers turn each input into its document with :func:`bitextract.process`, in
   partitions of a ``dask.bag`` (:func:`documents`);
3. :func:`bitextract.join_and_write` writes the documents as they come back, in any order,
   then joins the English and French files of one document, writes the corpus-wide files
   and the manifest: the same code as a single run, so the same dataset, byte for byte
   (``manifest.json``'s timings aside).

The workers read the inputs' files themselves, by absolute path: the corpus must be at the
same path on every worker (a shared file system), and bitextract installed there. Only the
documents travel back to the client, one partition at a time as they are done.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Optional, Sequence

import bitextract
from bitextract.types import Document, Input, Summary

if TYPE_CHECKING:
    from distributed import Client
    from typing_extensions import Unpack

    from bitextract.types import Limits

#: Inputs per task. A document takes some 10 to 100 ms; a few dozen per task keep the
#: scheduler's overhead (about a millisecond a task) small and the workers evenly loaded.
DEFAULT_PARTITION_SIZE = 16


def process_inputs(inputs: Sequence[Input], limits: dict[str, Any]) -> list[Document]:
    """The documents of some inputs of a corpus, on a worker: one partition's task."""
    return [
        bitextract.process(item["file"], name=item["path"], id=item["id"], **limits)
        for item in inputs
    ]


def documents(
    corpus: bitextract.Corpus,
    *,
    client: Optional[Client] = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    **limits: Unpack[Limits],
) -> Iterator[Document]:
    """The documents of the corpus's inputs, made on the cluster of ``client`` and yielded
    as their partitions finish (in no particular order). Without a client, Dask's default
    scheduler makes them in this process, all before the first is yielded."""
    import dask.bag

    bag = dask.bag.from_sequence(corpus.inputs, partition_size=partition_size)
    made = bag.map_partitions(functools.partial(process_inputs, limits=limits))
    if client is None:
        yield from made.compute()
        return
    from distributed import as_completed

    for _, part in as_completed(client.compute(made.to_delayed()), with_results=True):
        yield from part


def extract(
    corpus: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    client: Optional[Client] = None,
    shard: Optional[str] = None,
    formats: Optional[Sequence[str]] = None,
    min_confidence: float = 0.0,
    keep_duplicates: bool = False,
    allow_empty: bool = False,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    **limits: Unpack[Limits],
) -> Summary:
    """Runs every input under ``corpus`` into a dataset in ``out`` on Dask, and returns the
    manifest as written: the dataset :func:`bitextract.extract` (and ``bitextract
    extract``) writes with the same options. See the module's documentation."""
    found = bitextract.discover(os.path.abspath(corpus), shard=shard)
    return bitextract.join_and_write(
        documents(found, client=client, partition_size=partition_size, **limits),
        out,
        found,
        formats=formats,
        min_confidence=min_confidence,
        keep_duplicates=keep_duplicates,
        allow_empty=allow_empty,
    )

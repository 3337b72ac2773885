"""The Dask recipe writes the dataset of one run, on a local cluster of two workers."""

from __future__ import annotations

import pytest

import bitextract
from conftest import copy_corpus, dataset_files

distributed = pytest.importorskip("distributed")
import bitextract.dask  # noqa: E402  (after the skip: it needs dask)


def test_dask_on_two_workers_writes_the_dataset_of_one_run(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", copies=2)
    one_run = bitextract.extract(corpus, tmp_path / "one-run")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        on_dask = bitextract.dask.extract(corpus, tmp_path / "dask", client=client, partition_size=4)
    assert on_dask["counts"] == one_run["counts"]
    assert on_dask["counts"]["inputs"] == 26
    assert dataset_files(tmp_path / "dask") == dataset_files(tmp_path / "one-run")


def test_without_a_client_the_default_scheduler_makes_the_same_dataset(tmp_path, corpus):
    bitextract.extract(corpus, tmp_path / "one-run", shard="0/2")
    bitextract.dask.extract(corpus, tmp_path / "local", shard="0/2")
    assert dataset_files(tmp_path / "local") == dataset_files(tmp_path / "one-run")

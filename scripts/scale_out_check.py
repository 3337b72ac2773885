#!/usr/bin/env python3
"""The scale-out recipe measured: the bundled corpus copied N times is run by
``bitextract extract`` and by the Dask recipe on a LocalCluster, and the two datasets are
compared byte for byte (manifest.json's timings aside); then the time per document of
``bitextract.process`` called from Python is set beside the command line's.

Run it with the Python that has bitextract (a release build: ``maturin develop --release``
or ``pip install .``) and dask installed, after ``make build``:

    .venv/bin/python scripts/scale_out_check.py --copies 20

Per-document times come from ``--repeats`` runs of each, taken in turn so that a load on
the machine weighs on both alike; the best wall time is the one least disturbed by other
work, and CPU time is disturbed least of all. The command line's wall time is its own
(``timings`` in manifest.json: the whole run, from discovery to the corpus-wide files,
over the documents), its CPU time that of its process; Python's are those of processing
every input with ``bitextract.process`` (reading the file, the pipeline, the document as a
dict) on as many threads, over the inputs.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import bitextract
import bitextract.dask
from compare_datasets import dataset_files, differences

REPO = Path(__file__).resolve().parents[1]


def copy_corpus(root: Path, copies: int) -> Path:
    """The bundled corpus, every file of it, copied ``copies`` times under ``root``."""
    for k in range(1, copies + 1):
        shutil.copytree(REPO / "corpus", root / f"copy-{k:02d}")
    return root


def cli_per_document(cli: Path, corpus: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds per document of a ``bitextract extract`` run: its own total
    (manifest.json's timings) and the CPU time of its process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [cli, "extract", corpus, "-o", out, "--jobs", str(jobs), "--quiet"], check=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    manifest = json.loads((out / "manifest.json").read_text())
    documents = manifest["counts"]["documents"]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return manifest["timings"]["total_seconds"] / documents, cpu / documents


def python_per_document(found: bitextract.Corpus, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds per input of ``bitextract.process`` over every input of a
    corpus, on ``jobs`` Python threads."""
    inputs = found.inputs

    def process(item: dict[str, str]) -> bitextract.Document:
        return bitextract.process(item["file"], name=item["path"], id=item["id"])

    started, cpu_started = time.perf_counter(), time.process_time()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        documents = list(pool.map(process, inputs))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert len(documents) == len(inputs)
    return wall / len(inputs), cpu / len(inputs)


def figures(runs: list[tuple[float, float]]) -> str:
    """Best and median wall time, and median CPU time, in milliseconds."""
    wall = [w * 1000 for w, _ in runs]
    cpu = [c * 1000 for _, c in runs]
    return (
        f"best {min(wall):.2f} ms, median {statistics.median(wall):.2f} ms wall, "
        f"median {statistics.median(cpu):.2f} ms CPU"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--cli", type=Path, default=REPO / "target" / "release" / "bitextract")
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        corpus = copy_corpus(work / "corpus", args.copies)
        subprocess.run([args.cli, "extract", corpus, "-o", work / "cli", "--quiet"], check=True)
        started = time.perf_counter()
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster, Client(cluster) as client:
            summary = bitextract.dask.extract(corpus, work / "dask", client=client)
        dask_seconds = time.perf_counter() - started
        differ = differences(dataset_files(work / "cli"), dataset_files(work / "dask"))
        files = len(dataset_files(work / "cli"))
        print(
            f"dask: {summary['counts']['documents']} documents of {summary['counts']['inputs']} "
            f"inputs in {dask_seconds:.2f} s (LocalCluster, 2 workers, cluster start included)"
        )
        print(
            f"dask vs bitextract extract: {files - len(differ)} of {files} files identical "
            "(manifest.json's timings aside)"
            + (f"; differ: {', '.join(differ[:10])}" if differ else "")
        )

        found = bitextract.discover(corpus)
        for jobs in (1, 2):
            cli, python = [], []
            for k in range(args.repeats):
                cli.append(cli_per_document(args.cli, corpus, work / f"cli-{k}", jobs))
                python.append(python_per_document(found, jobs))
            best = min(w for w, _ in python) / min(w for w, _ in cli) - 1
            print(f"{jobs} thread(s), per document, {args.repeats} runs each:")
            print(f"  bitextract extract          {figures(cli)}")
            print(f"  bitextract.process (Python) {figures(python)}  (best: {best * 100:+.1f}%)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

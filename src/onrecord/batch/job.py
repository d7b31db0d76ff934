"""The Dask job behind `onrecord batch`: inputs cut into partitions, each analysed on a worker
with the model loaded once per worker process, written as Parquet part files (dataset.py).

A partition is a range of articles of one file: a shard (WARC, JSONL, feed) is cut into ranges
when there are too few files to keep every worker busy; small article files are grouped. Part
files are numbered in input order, so reading them back in name order gives the input order.
Workers write the part files themselves: on a cluster, `out` must be storage every worker sees.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ..ledger.inputs import input_hash
from ..ledger.workers import analyse_chunk
from ..sources import corpus
from ..sources.files import DEFAULT_MAX_BYTES
from . import dataset

SHARD_KINDS = ("warc", "feed")
ARTICLES_PER_PART = 64
MIN_GROUP = 4  # files; below that the per-partition cost (a task, four part files) shows
CHUNK = 16  # articles per nlp.pipe call inside a partition
CONNECT_TIMEOUT_S = 10


@dataclass(frozen=True)
class Unit:
    part: int
    files: tuple[str, ...]
    start: int = 0
    stop: int | None = None  # articles [start, stop) of a single file; None: to the end


def _is_shard(path: str) -> bool:
    return corpus.kind_of(path) in SHARD_KINDS or path.lower().endswith((".jsonl", ".jsonl.gz"))


def groups(files: list[str], workers: int) -> list[list[str]]:
    """Consecutive files in groups that shrink as the job goes (guided self-scheduling): each
    takes about 1/(2 x workers) of the bytes still to come, at least MIN_GROUP files and at most
    ARTICLES_PER_PART. Big partitions first keep the scheduling overhead low; small ones last let
    every worker finish at about the same time instead of one waiting on the other's last group."""
    sizes = []
    for f in files:
        try:
            sizes.append(os.path.getsize(f))
        except OSError:
            sizes.append(0)  # read (and reported) by the worker
    left = sum(sizes)
    out: list[list[str]] = []
    i = 0
    while i < len(files):
        target = left / (2 * workers)
        j, got = i, 0
        while j < len(files) and j - i < ARTICLES_PER_PART and (j - i < MIN_GROUP or got + sizes[j] <= target):
            got += sizes[j]
            j += 1
        out.append(files[i:j])
        left -= got
        i = j
    return out


def plan(paths: list[str], workers: int, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Unit]:
    """Partitions in input order. A shard is counted and cut only when shards are too few to give
    every worker several partitions (counting reads it once, which costs far less than the NLP);
    runs of article files are grouped by `groups`."""
    found = list(corpus.files(paths))
    shards = [f for f in found if _is_shard(f)]
    cut = len(shards) < 4 * workers
    units: list[Unit] = []
    loose: list[str] = []

    def flush() -> None:
        for group in groups(loose, workers):
            units.append(Unit(len(units), tuple(group)))
        loose.clear()

    for f in found:
        if not _is_shard(f):
            loose.append(f)
            continue
        flush()
        if not cut:
            units.append(Unit(len(units), (f,)))
            continue
        n = sum(1 for _ in corpus.read_any(f, max_bytes))
        for start in range(0, max(n, 1), ARTICLES_PER_PART):
            units.append(Unit(len(units), (f,), start, start + ARTICLES_PER_PART))
    flush()
    return units


def analyse_unit(unit: Unit, out: str, max_bytes: int, published: str | None) -> dict[str, int]:
    """Runs on a worker: one partition analysed and written; returns its counts."""
    items = [it for f in unit.files for it in corpus.read_any(f, max_bytes)] if unit.stop is None \
        else list(islice(corpus.read_any(unit.files[0], max_bytes), unit.start, unit.stop))
    tables: dict[str, list[dict]] = {name: [] for name in dataset.SCHEMAS}
    counts = {"analysed": 0, "not_english": 0, "failed": 0}

    def add(position: int, where: str, raw_hash: str, status: str, error=None, analysis=None) -> None:
        counts[status] += 1
        for name, rs in dataset.rows(unit.part, position, where, raw_hash, status, error, analysis).items():
            tables[name].extend(rs)

    readable = [(pos, it) for pos, it in enumerate(items) if it.error is None]
    for it in items:
        if it.request is not None:
            it.request.fallback_published = it.request.fallback_published or published
    results: dict[int, tuple[str, object]] = {}
    for i in range(0, len(readable), CHUNK):
        part = readable[i:i + CHUNK]
        for (pos, _), res in zip(part, analyse_chunk([it.request for _, it in part], None)):
            results[pos] = res
    for pos, it in enumerate(items):
        if it.error is not None:
            add(pos, it.where, "", "failed", error=str(it.error))
            continue
        kind, payload = results[pos]
        raw_hash = input_hash(it.request.text)
        if kind == "failed":
            add(pos, it.where, raw_hash, "failed", error=f"{it.where}: {payload}")
        elif kind == "not_english":
            add(pos, it.where, raw_hash, "not_english")
        else:
            add(pos, it.where, raw_hash, "analysed", analysis=payload)
    dataset.write_part(Path(out), unit.part, tables)
    return counts


def run(paths: list[str], out: str, *, scheduler: str = "local", workers: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None,
        on_progress: Callable[[int, int, dict[str, int]], None] | None = None) -> dict[str, int]:
    """Analyse `paths` into the Parquet datasets under `out`; returns the counts.
    `scheduler`: "local" starts a LocalCluster of `workers` processes; else a scheduler address."""
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed

    units = plan(paths, workers, max_bytes)
    dataset.clear(Path(out))
    t0 = time.perf_counter()
    # one thread per process: the NLP is CPU-bound and holds the GIL; the preload loads the model
    # as each worker starts, in parallel, instead of inside its first partition
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           preload=["onrecord.batch.preload"]) if scheduler == "local" else None
    try:
        with Client(cluster if cluster is not None else scheduler, timeout=CONNECT_TIMEOUT_S) as client:
            bag = db.from_sequence(units, npartitions=max(1, len(units))).map(
                analyse_unit, out=str(Path(out).resolve()), max_bytes=max_bytes, published=published)
            total = {"analysed": 0, "not_english": 0, "failed": 0}
            futures = client.compute(bag.to_delayed())
            for done, fut in enumerate(as_completed(futures), start=1):
                for c in fut.result():
                    for k, v in c.items():
                        total[k] += v
                if on_progress is not None:
                    on_progress(done, len(units), total)
    finally:
        if cluster is not None:
            cluster.close()
    total["seconds"] = round(time.perf_counter() - t0, 1)
    dataset.write_marker(Path(out), {"inputs": paths, "parts": len(units), "counts": total})
    return total

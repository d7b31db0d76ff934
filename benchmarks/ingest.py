"""Ingest throughput by number of workers: the seed article plus PolNeAR train and dev (924
articles), or the first --limit of them; each configuration in a fresh process, back to back.

    python benchmarks/ingest.py [--workers 1,2] [--limit N] [--shared ../shared] [--db URL]

For each number of workers prints articles per second and peak memory (the writer process and
the largest worker), then the speed-up over the first configuration, and the time of a second
ingest of the same files (which must add nothing, skipping every input before extraction).
Memory does not grow with the corpus: at most 2 chunks of 16 articles per worker are in flight.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from onrecord.ledger.ingest import ingest


def corpus(shared: str, limit: int | None) -> list[str]:
    files = [f"{shared}/samples/moscow-drone-analysis.txt"] + sorted(
        str(p) for split in ("train", "dev") for p in Path(shared, "eval/polnear", split, "text").glob("*.txt"))
    return files[:limit] if limit else files


def one(shared: str, limit: int | None, workers: int, db: str | None) -> dict:
    paths = corpus(shared, limit)
    db = db or str(Path(tempfile.mkdtemp()) / "bench.db")
    t0 = time.perf_counter()
    first = ingest(paths, db, workers=workers)
    elapsed = time.perf_counter() - t0
    writer_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    t0 = time.perf_counter()
    second = ingest(paths, db, workers=workers)
    return {"workers": workers, "articles": first.seen, "added": first.added, "failed": first.failed,
            "seconds": elapsed, "rate": first.seen / elapsed, "writer_mb": writer_mb,
            "worker_mb": worker_mb if workers > 1 else 0.0, "again_s": time.perf_counter() - t0,
            "again_added": second.added, "again_skipped": second.duplicate + second.not_english}


def main(shared: str, limit: int | None, configs: list[int], db: str | None) -> None:
    runs = []
    for w in configs:
        cmd = [sys.executable, __file__, "--one", str(w), "--shared", shared] + (["--limit", str(limit)] if limit else []) \
            + (["--db", db] if db else [])
        runs.append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
    print(f"{runs[0]['articles']} articles ({'first ' + str(limit) if limit else 'all'} of seed + PolNeAR train + dev), "
          f"{os.cpu_count()} cores")
    for r in runs:
        mem = f"writer {r['writer_mb']:.0f} MB" + (f", largest worker {r['worker_mb']:.0f} MB" if r["workers"] > 1 else "")
        print(f"--workers {r['workers']}: {r['added']} added, {r['failed']} failed in {r['seconds']:.0f} s = "
              f"{r['rate']:.2f} articles/s ({r['rate'] / runs[0]['rate']:.2f}x); peak memory {mem}; "
              f"re-ingest {r['again_added']} added, {r['again_skipped']} skipped in {r['again_s']:.1f} s")


if __name__ == "__main__":
    args = sys.argv[1:]

    def opt(name: str, default=None):
        return args[args.index(name) + 1] if name in args else default
    shared, db = opt("--shared", "../shared"), opt("--db")
    limit = int(opt("--limit")) if opt("--limit") else None
    if "--one" in args:
        print(json.dumps(one(shared, limit, int(opt("--one")), db)))
    else:
        main(shared, limit, [int(w) for w in opt("--workers", "1,2").split(",")], db)

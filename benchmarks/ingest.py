"""Ingest throughput: the seed article plus PolNeAR train and dev (924 articles), twice.

    python benchmarks/ingest.py [--db URL] [--shared ../shared]

Prints articles per second and peak memory of the first ingest, and the counts of a second
ingest of the same files (which must add nothing). Uses a fresh SQLite file unless --db is given.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from onrecord.ledger.ingest import ingest


def main(shared: str, db: str | None) -> None:
    paths = [f"{shared}/samples/moscow-drone-analysis.txt", f"{shared}/eval/polnear/train/text",
             f"{shared}/eval/polnear/dev/text"]
    db = db or str(Path(tempfile.mkdtemp()) / "bench.db")
    t0 = time.perf_counter()
    first = ingest(paths, db)
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    second = ingest(paths, db)
    again = time.perf_counter() - t0
    print(f"ledger: {db}")
    print(f"first ingest: {first.added} added, {first.duplicate} duplicates, {first.failed} failed "
          f"in {elapsed:.0f} s = {first.seen / elapsed:.1f} articles/s; peak memory {peak_mb:.0f} MB")
    print(f"second ingest: {second.added} added, {second.duplicate} duplicates, {second.failed} failed "
          f"in {again:.1f} s")
    for e in first.errors[:10]:
        print("failed:", e)


if __name__ == "__main__":
    args = sys.argv[1:]
    db = args[args.index("--db") + 1] if "--db" in args else None
    shared = args[args.index("--shared") + 1] if "--shared" in args else "../shared"
    main(shared, db)

"""`onrecord batch` throughput on a LocalCluster by number of workers, back to back: the PolNeAR
train and dev texts (924 with the seed), or the first --limit of them.

    python benchmarks/batch.py [--workers 1,2] [--limit N] [--shared ../shared]

Prints articles per second for each configuration (cluster start and model loading included,
as a user pays them), articles per second per worker, and the speed-up over the first.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import corpus  # noqa: E402  (the same article list as the ingest benchmark)

from onrecord.batch.job import run  # noqa: E402


def main(shared: str, limit: int | None, configs: list[int]) -> None:
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "in"
    src.mkdir()
    for i, f in enumerate(corpus(shared, limit)):  # links keep the input order and the file names
        os.symlink(os.path.abspath(f), src / f"{i:04d}_{Path(f).name}")
    rates = []
    for w in configs:
        t0 = time.perf_counter()
        c = run([str(src)], str(tmp / f"out{w}"), workers=w)
        elapsed = time.perf_counter() - t0
        n = c["analysed"] + c["not_english"] + c["failed"]
        rates.append(n / elapsed)
        print(f"--workers {w}: {n} articles ({c['failed']} failed) in {elapsed:.0f} s = {rates[-1]:.2f} articles/s, "
              f"{rates[-1] / w:.2f} per worker ({rates[-1] / rates[0]:.2f}x)", flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]

    def opt(name: str, default=None):
        return args[args.index(name) + 1] if name in args else default
    main(opt("--shared", "../shared"), int(opt("--limit")) if opt("--limit") else None,
         [int(w) for w in opt("--workers", "1,2").split(",")])

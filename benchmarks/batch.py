"""`onrecord batch` throughput on a LocalCluster by number of workers, back to back: the PolNeAR
train and dev texts (924 with the seed), or the first --limit of them.

    python benchmarks/batch.py [--workers 1,2] [--limit N] [--shared ../shared] [--repeat 1]

Prints articles per second for each configuration (cluster start and model loading included,
as a user pays them), articles per second per worker, the speed-up over the first, the CPU time
of the worker processes and the load average before each run: on a machine shared with other
jobs, a speed-up measured under a load above the number of cores says little. With --repeat the
configurations run in turn (1 2 1 2 ...) and the best of each is kept.
"""
from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import corpus  # noqa: E402  (the same article list as the ingest benchmark)

from onrecord.batch.job import run  # noqa: E402


def main(shared: str, limit: int | None, configs: list[int], repeat: int = 1) -> None:
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "in"
    src.mkdir()
    for i, f in enumerate(corpus(shared, limit)):  # links keep the input order and the file names
        os.symlink(os.path.abspath(f), src / f"{i:04d}_{Path(f).name}")
    best: dict[int, float] = {}
    for r in range(repeat):
        for w in configs:
            load = os.getloadavg()[0]
            cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            c = run([str(src)], str(tmp / f"out{w}-{r}"), workers=w)
            elapsed = time.perf_counter() - t0
            cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
            n = c["analysed"] + c["not_english"] + c["failed"]
            best[w] = max(best.get(w, 0.0), n / elapsed)
            print(f"--workers {w}: {n} articles ({c['failed']} failed) in {elapsed:.0f} s = {n / elapsed:.2f} articles/s, "
                  f"{n / elapsed / w:.2f} per worker; workers' CPU {cpu:.0f} s; load before {load:.2f}", flush=True)
    first = best[configs[0]]
    for w in configs:
        print(f"best --workers {w}: {best[w]:.2f} articles/s ({best[w] / first:.2f}x)")


if __name__ == "__main__":
    args = sys.argv[1:]

    def opt(name: str, default=None):
        return args[args.index(name) + 1] if name in args else default
    main(opt("--shared", "../shared"), int(opt("--limit")) if opt("--limit") else None,
         [int(w) for w in opt("--workers", "1,2").split(",")], int(opt("--repeat", "1")))

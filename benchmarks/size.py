"""Time and peak memory of `analyze` against the size of one input (issue 11: linear, 5 MB within 2 GB).

    python benchmarks/size.py [--root ../shared/eval/polnear/dev] [--sizes 10K,100K,1M,5M]
                              [--kinds news,nested,unpunctuated,quotemarks,years]

Each (kind, size) runs in a child process of its own, so that its RSS high-water mark
(resource.getrusage) is its own: the figure printed is the peak of the whole process, model
included, next to the RSS after the model loaded. Inputs are built at run time:

  news          PolNeAR dev articles (read from --root) concatenated, a blank line between them
  nested        quotes inside quotes inside quotes, one paragraph: “A said ‘B said “…” ’ …”
  unpunctuated  one sentence of words with no full stop and no line break
  quotemarks    runs of quotation marks between words
  years         "in 2024 and 2025 and 2026 …" lists in sentences of a forecast

Measured 2026-12-02 on the shared 2-core machine (under load), pieces of 20,000 characters,
batches of 100,000 characters (seconds, peak RSS; the model alone is 158 MB):
  news          10 KB 1.6 s 249 MB   100 KB 11.3 s 534 MB   1 MB 97 s 588 MB
  nested        10 KB 1.3 s 256 MB   100 KB 11.2 s 643 MB
  unpunctuated  10 KB 1.8 s 248 MB   100 KB 12.7 s 577 MB
  quotemarks    10 KB 2.5 s 309 MB   100 KB 35 s 1019 MB
  years         10 KB 1.5 s 250 MB   100 KB 9.9 s 602 MB
  news          5 MB 156 s 617 MB (measured later, on a less loaded machine: 31 µs/char)
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

UNITS = {"K": 1_000, "M": 1_000_000}


def _size(s: str) -> int:
    return int(float(s[:-1]) * UNITS[s[-1].upper()]) if s[-1].upper() in UNITS else int(s)


def _repeat(unit: str, size: int, sep: str = "") -> str:
    out, n = [], 0
    while n < size:
        out.append(unit)
        n += len(unit) + len(sep)
    return sep.join(out)[:size]


def build(kind: str, size: int, root: Path) -> str:
    if kind == "news":
        texts = [p.read_text(encoding="utf-8").strip() for p in sorted(Path(root, "text").glob("*.txt"))]
        if not texts:
            raise SystemExit(f"no articles under {root}/text")
        return _repeat("\n\n".join(texts), size, "\n\n")
    if kind == "nested":
        depth = ("“The minister said ‘the mayor told us “the port will close next year” before the vote’ "
                 "and that ‘nothing will change’,” the analyst said. ")
        return _repeat(depth, size)
    if kind == "unpunctuated":
        return _repeat("the council will vote on the plan next year and the mayor said it could pass ", size)
    if kind == "quotemarks":
        return _repeat("he said “““ ””” \"\"\" ‘‘ ’’ ", size)
    if kind == "years":
        years = " and ".join(str(y) for y in range(2024, 2064))
        return _repeat(f"Prices will rise in {years}, the analyst said. ", size)
    raise SystemExit(f"unknown kind {kind}")


def child(kind: str, size: int, root: Path) -> None:
    from onrecord import analyze
    from onrecord.extract.pipeline import pipeline

    text = build(kind, size, root)
    pipeline()
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    a = analyze(text, published="2024-01-01")
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"kind": kind, "chars": len(text), "seconds": round(seconds, 2),
                      "loaded_mb": round(loaded / 1024), "peak_mb": round(peak / 1024),
                      "quotes": len(a.quotes), "forecasts": len(a.forecasts), "people": len(a.people)}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(Path(__file__).resolve().parent.parent.parent / "shared/eval/polnear/dev"))
    ap.add_argument("--sizes", default="10K,100K,1M,5M")
    ap.add_argument("--kinds", default="news,nested,unpunctuated,quotemarks,years")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"))
    args = ap.parse_args()
    if args.child:
        child(args.child[0], _size(args.child[1]), Path(args.root))
        return
    print(f"{'kind':13s} {'chars':>9s} {'seconds':>8s} {'µs/char':>8s} {'peak MB':>8s} {'model MB':>8s}")
    for kind in args.kinds.split(","):
        for size in args.sizes.split(","):
            run = subprocess.run([sys.executable, __file__, "--root", args.root, "--child", kind, size],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{kind:13s} {size:>9s} failed: {run.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(run.stdout.strip().splitlines()[-1])
            print(f"{kind:13s} {r['chars']:9d} {r['seconds']:8.2f} {1e6 * r['seconds'] / r['chars']:8.1f} "
                  f"{r['peak_mb']:8d} {r['loaded_mb']:8d}", flush=True)


if __name__ == "__main__":
    main()

"""Throughput of the whole `analyze` against spaCy's en_core_web_sm alone, same texts, same run.

    python benchmarks/speed.py [../shared/eval/polnear/dev] [--repeat 3] [--batch-size 32] [--profile]

Prints words per second of each and their ratio, in wall-clock time and in CPU time of this
process (target: onrecord at most 0.85x the time of spaCy alone). Both use nlp.pipe with the
same batch size; both models are loaded and run once before timing starts (the caches of the
lemmatizer and of the attribute rules fill on first sight of a word, in either). The two are
timed in turn, A B A B, and the best of each is kept: on a machine shared with other jobs, CPU
time is the steadier figure, and the best run the one least disturbed.
--profile also prints the CPU time of each pipeline component (each run on the whole batch in
turn, as nlp.pipe does) beside the same component of spaCy alone, and that of the language
identification: the profile that any speed-up should start from.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from onrecord.analysis import Request, analyze_many
from onrecord.sources import language
from onrecord.extract.pipeline import load_model, pipeline


def _component_times(nlp, texts: list[str], batch_size: int) -> dict[str, float]:
    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    spent = {"tokenizer": time.process_time() - t0}
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        spent[name] = time.process_time() - t0
    return spent


def profile(texts: list[str], batch_size: int, spacy_alone, repeat: int) -> None:
    """CPU time of each component, ours beside the same component of spaCy alone (best of
    `repeat`, interleaved), and of the language identification that only `analyze` does."""
    best: dict[str, dict[str, float]] = {"spacy": {}, "ours": {}}
    for _ in range(repeat):
        for key, nlp in (("spacy", spacy_alone), ("ours", pipeline())):
            for name, t in _component_times(nlp, texts, batch_size).items():
                best[key][name] = min(t, best[key].get(name, float("inf")))
    t0 = time.process_time()
    for t in texts:
        language.detect(t)
    best["ours"]["(language)"] = time.process_time() - t0
    total = sum(best["ours"].values())
    print(f"  {'component':24s} {'onrecord':>14s} {'spaCy alone':>12s}")
    for name, t in sorted(best["ours"].items(), key=lambda kv: -kv[1]):
        alone = f"{best['spacy'][name]:6.2f} s" if name in best["spacy"] else ""
        print(f"  {name:24s} {t:6.2f} s {100 * t / total:4.1f}% {alone:>12s}")
    print(f"  {'total':24s} {total:6.2f} s        {sum(best['spacy'].values()):6.2f} s")


def _timed(run) -> tuple[float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - w0, time.process_time() - c0


def main(root: str, repeat: int, batch_size: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(root, "text").glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    spacy_alone = load_model()
    pipeline()

    def run_spacy() -> None:
        for _ in spacy_alone.pipe(texts, batch_size=batch_size):
            pass

    def run_ours() -> None:
        for _ in analyze_many((Request(t, id=str(i), html=False) for i, t in enumerate(texts)), batch_size=batch_size):
            pass

    run_spacy()
    run_ours()
    load = os.getloadavg()[0]
    best = {"spacy": [float("inf")] * 2, "ours": [float("inf")] * 2}
    for _ in range(repeat):
        for key, run in (("spacy", run_spacy), ("ours", run_ours)):
            best[key] = [min(b, t) for b, t in zip(best[key], _timed(run))]
    (sw, sc), (ow, oc) = best["spacy"], best["ours"]
    print(f"{len(texts)} articles, {words:,} words, batch size {batch_size} (best of {repeat}, interleaved)")
    print(f"spaCy en_core_web_sm alone: {words / sw:,.0f} words/s wall, {words / sc:,.0f} words/s CPU")
    print(f"onrecord analyze:           {words / ow:,.0f} words/s wall, {words / oc:,.0f} words/s CPU")
    print(f"ratio: {ow / sw:.2f}x wall, {oc / sc:.2f}x CPU, the time of spaCy alone (target <= 0.85x)")
    print(f"load average before: {load:.2f}, after: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    if "--profile" in sys.argv:
        print("CPU time per component:")
        profile(texts, batch_size, spacy_alone, repeat)


if __name__ == "__main__":
    args = sys.argv[1:]

    def opt(name: str, default: str) -> str:
        return args[args.index(name) + 1] if name in args else default
    rest = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] not in ("--repeat", "--batch-size"))]
    main(rest[0] if rest else "../shared/eval/polnear/dev", int(opt("--repeat", "3")), int(opt("--batch-size", "32")))

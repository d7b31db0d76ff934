"""Throughput of the whole `analyze` against spaCy's en_core_web_sm alone, same texts, same run.

    python benchmarks/speed.py [../shared/eval/polnear/dev] [--repeat 2] [--profile]

Prints words per second of each and their ratio (target: onrecord within 1.3x of spaCy alone).
Both use nlp.pipe with the same batch size; the model is loaded before timing starts.
--profile also prints the share of the time of each pipeline component (each run on the whole
batch in turn, as nlp.pipe does), the profile that any speed-up should start from.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from onrecord.analysis import Request, analyze_many
from onrecord.extract.pipeline import load_model, pipeline


def profile(texts: list[str]) -> None:
    nlp = pipeline()
    docs = [nlp.make_doc(t) for t in texts]
    spent = {}
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        spent[name] = time.perf_counter() - t0
    total = sum(spent.values())
    for name, t in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:24s} {t:6.2f} s  {100 * t / total:4.1f}%")


def main(root: str, repeat: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(root, "text").glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    spacy_alone = load_model()
    pipeline()  # load before timing
    best_spacy = best_ours = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in spacy_alone.pipe(texts, batch_size=32):
            pass
        best_spacy = min(best_spacy, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _ in analyze_many((Request(t, id=str(i), html=False) for i, t in enumerate(texts)), batch_size=32):
            pass
        best_ours = min(best_ours, time.perf_counter() - t0)
    print(f"{len(texts)} articles, {words:,} words (best of {repeat})")
    print(f"spaCy en_core_web_sm alone: {words / best_spacy:,.0f} words/s")
    print(f"onrecord analyze:           {words / best_ours:,.0f} words/s")
    print(f"ratio: {best_ours / best_spacy:.2f}x the time of spaCy alone (target <= 1.3x)")
    if "--profile" in sys.argv:
        print("time per component (tokenizer excluded):")
        profile(texts)


if __name__ == "__main__":
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 2
    rest = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--repeat")]
    main(rest[0] if rest else "../shared/eval/polnear/dev", repeat)

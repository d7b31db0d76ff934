"""Body-text extraction on the Zyte article-extraction benchmark (181 real pages).

    python benchmarks/zyte_extraction.py [../shared/eval/zyte-article-extraction]

Scores onrecord's article text (what `onrecord analyze page.html` reads: sources.read → analyze)
and trafilatura's own `extract` on the same pages with the benchmark's metric: 4-token shingles,
true/false positives and negatives normalised per page, precision and recall averaged over
pages, F1 of the averages. Also counts pages that fail and times both per page.
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from onrecord.sources import files as sources
from onrecord.analysis import analyze_many
from onrecord.sources.article import to_article

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in t.keys() | p.keys())
    fn = sum(max(0, t[k] - p[k]) for k in t.keys() | p.keys())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def scores(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    p = statistics.mean(prec(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(rec(*r) for r in rows if r[0] + r[2] > 0)
    return p, r, 2 * p * r / (p + r)


def main(root: str) -> None:
    base = Path(root)
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    ours, theirs, failed = [], [], []
    t_ours = t_theirs = t_full = 0.0
    requests = []
    for key, item in sorted(truth.items()):
        path = base / "html" / f"{key}.html.gz"
        items = list(sources.read(str(path)))
        if items[0].error is not None:
            failed.append(f"{key}: {items[0].error}")
            ours.append(tp_fp_fn(item["articleBody"], ""))
            continue
        req = items[0].request
        t0 = time.perf_counter()
        text = to_article(req).text
        t_ours += time.perf_counter() - t0
        ours.append(tp_fp_fn(item["articleBody"], text))
        t0 = time.perf_counter()
        alone = trafilatura.extract(req.text, favor_precision=True, include_comments=False) or ""
        t_theirs += time.perf_counter() - t0
        theirs.append(tp_fp_fn(item["articleBody"], alone))
        requests.append(req)
    t0 = time.perf_counter()
    n_done = sum(1 for _ in analyze_many(requests))
    t_full = time.perf_counter() - t0
    n = len(truth)
    print(f"Zyte article-extraction benchmark: {n} pages, {len(failed)} failed to read, {n_done} analysed")
    for name, rows, t in (("onrecord (body text)", ours, t_ours), ("trafilatura alone", theirs, t_theirs)):
        p, r, f = scores(rows)
        print(f"{name:22s} F1 {f:.3f}  P {p:.3f}  R {r:.3f}   {t / n * 1000:.0f} ms/page")
    print(f"whole `analyze` (extraction + NLP): {t_full / max(1, n_done) * 1000:.0f} ms/page")
    for line in failed:
        print("failed:", line)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/zyte-article-extraction")

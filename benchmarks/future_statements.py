"""Forecast detection against the future-statements benchmark (Wikinews, silver, no spans).

    python benchmarks/future_statements.py [../shared/eval/future-statements/goldEN.json] [--samples 30] [--limit N]

Its statements carry no offsets, so each is anchored to the article sentence whose content words
overlap most with its "Predicted Attribute", "Event Variable", "Magnitude" and "Event Date". A
statement counts as flagged when one of our forecasts overlaps that sentence. Prints the share
flagged, our forecasts per article, the share of our forecasts whose sentence anchors no statement
("extra"), and with --samples N, N random misses and N random extras to read.
"""
from __future__ import annotations

import json
import random
import re
import sys
import time

from onrecord.analysis import Request, analyze_many


STOP = set("the a an of to in on for and or is are was were be will would could may might at by with from as "
           "that this it its their his her they he she we i after before than more most".split())


def words(s: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in STOP and len(w) > 2}


def main(path: str, samples: int, limit: int | None) -> None:
    data = json.load(open(path, encoding="utf-8"))[:limit]

    t0 = time.perf_counter()
    analyses = list(analyze_many(Request(d["original_text"], id=str(i), html=False) for i, d in enumerate(data)))
    elapsed = time.perf_counter() - t0
    n_stmt = flagged = n_fc = extra = 0
    misses, extras = [], []
    for d, a in zip(data, analyses):
        text = d["original_text"]
        sents = \
            [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?]+[\"”’]?|$)", text)]
        sent_words = [words(text[s:e]) for s, e in sents]
        anchored = set()
        for st in d["extracted"]:
            key = words(" ".join(str(st.get(k) or "") for k in
                                 ("Predicted Attribute", "Event Variable", "Magnitude / Predicted Value", "Event Date")))
            if not key or not sents:
                continue
            best = max(range(len(sents)), key=lambda i: len(key & sent_words[i]))
            if not key & sent_words[best]:
                continue
            n_stmt += 1
            anchored.add(best)
            s, e = sents[best]
            if any(f.span[0] < e and f.span[1] > s for f in a.forecasts):
                flagged += 1
            else:
                misses.append((st.get("Predicted Attribute"), text[s:e].strip()))
        for f in a.forecasts:
            n_fc += 1
            hit = [i for i, (s, e) in enumerate(sents) if f.span[0] < e and f.span[1] > s]
            if not anchored.intersection(hit):
                extra += 1
                extras.append(f.text)
    print(f"future-statements (EN, silver): {len(data)} articles, {n_stmt} statements anchored to a sentence")
    print(f"flagged by onrecord: {flagged / max(1, n_stmt):.3f} ({flagged}/{n_stmt})")
    print(f"our forecasts: {n_fc} ({n_fc / max(1, len(data)):.2f} per article), "
          f"on no statement's sentence: {extra / max(1, n_fc):.3f}")
    print(f"time: {elapsed / max(1, len(data)) * 1000:.0f} ms per article")
    if samples:
        rnd = random.Random(0)
        print(f"\n## {samples} misses (statement | sentence)")
        for attr, sent in rnd.sample(misses, min(samples, len(misses))):
            print(f"- {attr} | {' '.join(sent.split())[:220]}")
        print(f"\n## {samples} extras")
        for t in rnd.sample(extras, min(samples, len(extras))):
            print(f"- {' '.join(t.split())[:220]}")


if __name__ == "__main__":
    args = sys.argv[1:]
    samples = int(args[args.index("--samples") + 1]) if "--samples" in args else 0
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    rest = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] not in ("--samples", "--limit"))]
    main(rest[0] if rest else "../shared/eval/future-statements/goldEN.json", samples, limit)

"""Full-text search of the ledger against the substring scan it replaced, on a made-up ledger.

    python benchmarks/search.py [--articles 3000] [--db URL]

Builds (once) an SQLite ledger of generated articles, five quotes each, then prints the mean
milliseconds of a page of `queries.quotes(search=…)` (FTS5 or PostgreSQL full text, ranked, with
speakers) beside an unranked ILIKE page (what web/readers.py did before), and of counting every
match each way: a scan reads every quote, the index only the matches.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from onrecord.ledger import queries, store
from onrecord.ledger.db import open_ledger
from onrecord.ledger.schema import Quote

NAMES = [f"{f} {s}" for f in ("Ana", "Ben", "Cai", "Dora", "Eli") for s in ("Holm", "Varga", "Okafor", "Lind")]
WORDS = ("port harbour strike union wages ferry council budget bridge election minister court ruling grain "
         "prices fuel refinery contract talks border drones army winter harvest rail tunnel loan bank").split()


def build(url: str, n: int, rng: random.Random) -> None:
    Session = open_ledger(url)
    with Session.begin() as s:
        for i in range(n):
            said = [" ".join(rng.choice(WORDS) for _ in range(8)) for _ in range(5)]
            text = "\n\n".join(f"“{q},” said {rng.choice(NAMES)}." for q in said) + f"\n\nNumber {i}.\n"
            name = NAMES[i % len(NAMES)]
            quotes = []
            for q in said:
                start = text.index(q)
                quotes.append({"span": [start, start + len(q)], "text": q, "type": "direct",
                               "kind": "speech", "speaker": {"person": "p1", "name": name, "mention_text": name}})
            analysis = {"id": f"a{i}", "article": {"text": text, "title": f"Made-up article {i}",
                                                   "published": "2024-01-01", "language": "en"},
                        "people": [{"id": "p1", "name": name, "kind": "person", "descriptions": []}],
                        "quotes": quotes, "forecasts": []}
            store.add_analysis(s, analysis)


def timed(fn, repeat: int = 5) -> tuple[float, int]:
    fn()  # warm the cache
    t0 = time.perf_counter()
    for _ in range(repeat):
        n = fn()
    return (time.perf_counter() - t0) / repeat * 1000, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--db", help="a ledger URL (default: a temporary SQLite file)")
    args = ap.parse_args()
    url = args.db or str(Path(tempfile.mkdtemp()) / "search-bench.db")
    t0 = time.perf_counter()
    build(url, args.articles, random.Random(7))
    print(f"built {args.articles} articles in {time.perf_counter() - t0:.1f} s ({url})")
    Session = open_ledger(url)
    with Session() as s:
        total = s.scalar(select(func.count()).select_from(Quote))
        print(f"{total} quotes; limit 50 rows per query")
        for q in ("refinery", "port", "harbour strike"):
            fts_ms, fts_n = timed(lambda: len(queries.quotes(s, search=q, limit=50)))
            words = q.split()
            like = select(Quote).where(*(Quote.text.ilike(f"%{w}%") for w in words)).order_by(Quote.id)
            like_ms, like_n = timed(lambda: len(s.scalars(like.limit(50)).all()))
            count_ms, fts_all = timed(lambda: s.scalar(select(func.count()).select_from(
                queries.fulltext.matches(s, "quotes", q))))
            scan_ms, like_all = timed(lambda: s.scalar(select(func.count()).select_from(like.subquery())))
            print(f"{q!r:18} page of 50, ranked: full text {fts_ms:6.1f} ms; unranked ILIKE {like_ms:5.1f} ms | "
                  f"every match counted: full text {count_ms:5.1f} ms ({fts_all}), ILIKE {scan_ms:5.1f} ms ({like_all})")


if __name__ == "__main__":
    main()

"""`onrecord ingest`: corpora → analyses → ledger, one transaction per article.

Crash-safe by construction: an article is either committed whole (with its people, quotes and
forecasts) or not at all, and a second run skips what is already there (same content hash or
URL). A run killed at any point and started again ends with the counts of an uninterrupted run.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy.orm import sessionmaker

from ..sources import corpus
from ..analysis import analyze_each
from ..sources.files import DEFAULT_MAX_BYTES, Item
from . import store
from .db import open_ledger


@dataclass
class Counts:
    added: int = 0
    duplicate: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.duplicate + self.failed


def ingest(paths: list[str], db: str | sessionmaker | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, chunk: int = 32,
           published: str | None = None, on_progress: Callable[[Counts], None] | None = None) -> Counts:
    """Ingest every article under `paths`; `published` stands in for articles that state no date."""
    Session = open_ledger(db) if db is None or isinstance(db, str) else db  # a URL, or a ledger already open
    counts = Counts()

    def tick() -> None:
        if on_progress is not None:
            on_progress(counts)

    def fail(msg: str) -> None:
        counts.failed += 1
        counts.errors.append(msg)
        tick()

    def pending() -> Iterator[Item]:
        """Items worth analysing: plain texts already stored are skipped before the NLP runs."""
        for item in corpus.items(paths, max_bytes):
            if item.error is not None:
                fail(str(item.error))
                continue
            req = item.request
            req.fallback_published = req.fallback_published or published
            with Session() as s:  # a fresh snapshot each time: sees what this run just stored
                known = store.is_known(s, None if req.html else req.text, req.url)
            if known:
                counts.duplicate += 1
                tick()
                continue
            yield item

    for item, result in analyze_each(((i, i.request) for i in pending()), chunk):
        if isinstance(result, Exception):
            fail(f"{item.where}: analysis failed ({type(result).__name__}: {result})")
            continue
        if result.article.language != "en":
            fail(f"{item.where}: the article is in '{result.article.language}'; not analysed")
            continue
        with Session.begin() as s:
            status, _ = store.add_analysis(s, result.to_dict(), source=item.where)
        if status == store.ADDED:
            counts.added += 1
        else:
            counts.duplicate += 1
        tick()
    return counts

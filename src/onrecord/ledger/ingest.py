"""`onrecord ingest`: corpora → analyses → ledger, one transaction per article.

Crash-safe by construction: an article is either committed whole (with its people, quotes and
forecasts, and the hash of the input it came from) or not at all, and a second run skips what is
already there: first by the hash of the input as read and its URL (before any extraction), then
by the hash of the extracted text (before the NLP). A run killed at any point and started again
ends with the counts of an uninterrupted run.

Analysis runs in `workers` processes (workers.py); this process is the only writer, and writes in
input order, so identities resolve exactly as with one worker. A directory written by
`onrecord batch` is loaded as it stands, without analysing again.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from ..batch import dataset
from ..sources import corpus
from ..sources.article import without_surrogates
from ..sources.files import DEFAULT_MAX_BYTES, Item
from . import inputs, store, workers as pool
from .db import open_ledger


@dataclass
class Counts:
    added: int = 0
    duplicate: int = 0
    not_english: int = 0  # skipped, not failed
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.duplicate + self.not_english + self.failed


def ingest(paths: list[str], db: str | sessionmaker | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, chunk: int = 16,
           published: str | None = None, workers: int = 1,
           on_progress: Callable[[Counts], None] | None = None) -> Counts:
    """Ingest every article under `paths`; `published` stands in for articles that state no date.
    `workers` > 1 analyses in that many processes (pool.cores() is every core)."""
    Session = open_ledger(db) if db is None or isinstance(db, str) else db  # a URL, or a ledger already open
    counts = Counts()

    def tick() -> None:
        if on_progress is not None:
            on_progress(counts)

    def fail(msg: str) -> None:
        counts.failed += 1
        counts.errors.append(msg)
        tick()

    def count(outcome: str) -> None:
        if outcome == inputs.ADDED:
            counts.added += 1
        elif outcome == inputs.NOT_ENGLISH:
            counts.not_english += 1
        else:
            counts.duplicate += 1
        tick()

    def write(where: str, raw_hash: str, outcome: str, analysis: dict | None) -> None:
        with Session.begin() as s:  # the article and the hash of its input commit together
            article_id = None
            if analysis is not None:
                status, article_id = store.add_analysis(s, analysis, source=where)
                outcome = inputs.ADDED if status == store.ADDED else inputs.DUPLICATE
            inputs.remember(s, raw_hash, outcome, article_id)
        count(outcome)

    def unseen(raw_hash: str, url: str | None) -> bool:
        with Session() as s:  # a fresh snapshot each time: sees what this run just stored
            outcome = inputs.seen(s, raw_hash, url)
        if outcome is not None:
            count(inputs.DUPLICATE if outcome == inputs.ADDED else outcome)
        return outcome is None

    def pending() -> Iterator[tuple[Item, str]]:
        for item in corpus.items([p for p in paths if not dataset.is_batch(p)], max_bytes):
            if item.note and item.request is not None:
                counts.warnings.append(item.note)
            if item.error is not None:
                fail(str(item.error))
                continue
            req = item.request = without_surrogates(item.request)  # hashed and stored before analysis
            req.fallback_published = req.fallback_published or published
            if item.where.lower().endswith(".txt") and not (req.published or req.fallback_published):
                counts.warnings.append(f"{item.where}: no publication date (no sidecar {Path(item.where).name}.json, "
                                       "no date in the file name, no --published); deadlines stay relative")
            raw_hash = inputs.input_hash(req.text)
            if unseen(raw_hash, req.url):
                yield item, raw_hash

    def chunks() -> Iterator[list[tuple[Item, str]]]:
        batch: list[tuple[Item, str]] = []
        for pair in pending():
            batch.append(pair)
            if len(batch) >= chunk:
                yield batch
                batch = []
        if batch:
            yield batch

    def known_text(text: str) -> bool:
        with Session() as s:
            return inputs.text_known(s, text)

    for p in paths:
        if dataset.is_batch(p):
            _load_batch(p, unseen, write, fail)
    sent: list[list[tuple[Item, str]]] = []  # the chunks out at the workers, oldest first

    def requests() -> Iterator[list]:
        for c in chunks():
            sent.append(c)
            yield [item.request for item, _ in c]

    db_url = Session.kw["bind"].url.render_as_string(hide_password=False)
    for results in pool.outcomes(requests(), workers, known_text, db_url):
        for (item, raw_hash), (kind, payload) in zip(sent.pop(0), results):
            if kind == "failed":
                fail(f"{item.where}: {payload}")
            elif kind == "not_english":
                write(item.where, raw_hash, inputs.NOT_ENGLISH, None)
            elif kind == "duplicate":
                write(item.where, raw_hash, inputs.DUPLICATE, None)
            else:
                write(item.where, raw_hash, inputs.ADDED, payload)
    return counts


def _load_batch(path: str, unseen, write, fail) -> None:
    """Articles analysed by `onrecord batch`, in the order of its inputs."""
    for row in dataset.read_articles(Path(path)):
        if row["status"] == "failed":
            fail(row["error"])
        elif unseen(row["input_hash"], row["url"]):
            analysis = json.loads(row["analysis"]) if row["status"] == "analysed" else None
            write(row["where"], row["input_hash"],
                  inputs.NOT_ENGLISH if row["status"] == "not_english" else inputs.ADDED, analysis)

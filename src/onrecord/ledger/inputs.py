"""Inputs already seen: the cheap checks that let a re-ingest skip an input before any extraction.

Checked in this order, cheapest first: the hash of the input as read (the raw page or text,
decoded but not extracted), its URL, then (after extraction, before the NLP) the hash of the
extracted text, which store.add_analysis checks again at the write."""
from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .schema import Article, InputHash
from .store import content_hash

ADDED, DUPLICATE, NOT_ENGLISH = "added", "duplicate", "not_english"


def input_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def seen(session: Session, raw_hash: str, url: str | None) -> str | None:
    """The outcome of an input already handled (ADDED, DUPLICATE, NOT_ENGLISH), or None."""
    row = session.get(InputHash, raw_hash)
    if row is not None:
        return row.outcome
    if url and session.scalar(select(func.count()).select_from(Article).where(Article.url == url)):
        return DUPLICATE
    return None


def text_known(session: Session, text: str) -> bool:
    return session.scalar(select(func.count()).select_from(Article).where(
        Article.content_hash == content_hash(text))) > 0


def remember(session: Session, raw_hash: str, outcome: str, article_id: int | None = None) -> None:
    """Record an input's outcome in the caller's transaction (the same one that stores its article)."""
    if session.get(InputHash, raw_hash) is None:
        session.add(InputHash(hash=raw_hash, outcome=outcome, article_id=article_id,
                              seen_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))

"""Opening the ledger: sessions that only read never queue behind a writer (the web serves pages
while an ingest runs)."""
from __future__ import annotations

import time

from sqlalchemy import func, select

from onrecord.ledger.db import open_ledger, reading
from onrecord.ledger.schema import Article


def test_a_reader_does_not_wait_for_a_writer(tmp_path, monkeypatch):
    monkeypatch.setenv("ONRECORD_LOCK_TIMEOUT", "5")
    ledger = open_ledger(str(tmp_path / "l.db"))
    with ledger.begin() as writer:  # BEGIN IMMEDIATE: holds the write lock until the block ends
        writer.execute(select(func.count(Article.id))).scalar()
        t = time.perf_counter()
        with reading(ledger)() as reader:
            assert reader.execute(select(func.count(Article.id))).scalar() == 0
        assert time.perf_counter() - t < 2  # a writer's session would wait the full 5 s, then fail

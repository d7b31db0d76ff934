"""`onrecord export`: quotes, forecasts or people as JSON Lines, CSV or Parquet."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import store
from .schema import Mention, Person, Quote

FORMATS = ("jsonl", "csv", "parquet")
WHATS = ("quotes", "forecasts", "people")


def rows(session: Session, what: str) -> Iterator[dict]:
    if what == "forecasts":
        yield from store.forecasts(session)
    elif what == "people":
        for p in store.people(session):
            yield {**p, "descriptions": "; ".join(p["descriptions"]), "forms": "; ".join(p["forms"])}
    elif what == "quotes":
        for q in session.scalars(select(Quote).order_by(Quote.id)):
            m = session.get(Mention, q.mention_id) if q.mention_id else None
            pid = store.root_id(session, m.person_id) if m else None
            yield {"id": q.id, "article": q.article_id, "start": q.start, "end": q.end, "type": q.type,
                   "speaker_id": pid, "speaker": session.get(Person, pid).name if pid else None,
                   "speaker_mention": q.speaker_text, "text": q.text,
                   "published": q.article.published.isoformat() if q.article.published else None,
                   "url": q.article.url}
    else:
        raise store.LedgerError(f"--what must be one of {', '.join(WHATS)}")


def write(session: Session, what: str, fmt: str, out) -> int:
    """Write to `out` (a binary file); returns the number of rows."""
    data = list(rows(session, what))
    if fmt == "jsonl":
        for r in data:
            out.write((json.dumps(r, ensure_ascii=False, default=str) + "\n").encode("utf-8"))
    elif fmt == "csv":
        buf = io.StringIO()
        if data:
            w = csv.DictWriter(buf, fieldnames=list(data[0]))
            w.writeheader()
            w.writerows(data)
        out.write(buf.getvalue().encode("utf-8"))
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(data), out)
    else:
        raise store.LedgerError(f"--format must be one of {', '.join(FORMATS)}")
    return len(data)

"""`onrecord export`: quotes, forecasts or people as JSON Lines, CSV or Parquet."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

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
                   "kind": q.kind,
                   "speaker_id": pid, "speaker": session.get(Person, pid).name if pid else None,
                   "speaker_mention": q.speaker_text, "text": q.text,
                   "published": q.article.published.isoformat() if q.article.published else None,
                   "url": q.article.url}
    else:
        raise store.LedgerError(f"--what must be one of {', '.join(WHATS)}")


def check(what: str, fmt: str) -> None:
    if what not in WHATS:
        raise store.LedgerError(f"--what must be one of {', '.join(WHATS)}")
    if fmt not in FORMATS:
        raise store.LedgerError(f"--format must be one of {', '.join(FORMATS)}")


class OutputError(Exception):
    """The output file cannot be written; nothing was written over."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def write_file(session: Session, what: str, fmt: str, path: Path, ledger: Path | None = None) -> int:
    """Write the export to `path` through a temporary file in the same directory, renamed over
    `path` only once complete: a failed export leaves `path` as it was. Never writes over the
    ledger (`ledger`, the SQLite file, with its -wal and -shm)."""
    check(what, fmt)
    path = Path(path)
    if ledger is not None and any(_same_file(path, Path(f"{ledger}{s}")) for s in ("", "-wal", "-shm", "-journal")):
        raise OutputError(f"{path} is the ledger itself; give another output file")
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: the directory {parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"{path}: permission denied")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    except OSError as e:
        raise OutputError(f"{path}: cannot write in {parent} ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            n = write(session, what, fmt, f)
        if path.exists():
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return n


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write(session: Session, what: str, fmt: str, out) -> int:
    """Write to `out` (a binary file); returns the number of rows."""
    check(what, fmt)
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

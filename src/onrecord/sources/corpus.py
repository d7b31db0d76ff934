"""Corpora on disk: directories (recursively), RSS/Atom feed files and WARC archives, on top of
the single-file readers in files.py. Every article comes out as a files.Item."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

from .article import Request
from .files import DEFAULT_MAX_BYTES, InputError, Item, decode, read

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".html.gz", ".htm.gz", ".jsonl", ".jsonl.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rss.xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
WARC_TYPES = {"warcinfo", "response", "request", "resource", "metadata", "revisit", "conversion", "continuation"}


def kind_of(path: str) -> str | None:
    low = path.lower()
    if low.endswith(WARC_SUFFIXES):
        return "warc"
    if low.endswith(FEED_SUFFIXES):
        return "feed"
    if low.endswith(ARTICLE_SUFFIXES) or path == "-":
        return "article"
    return None


def files(paths: list[str], unreadable: list[OSError] | None = None) -> Iterator[str]:
    """The files under `paths`, directories walked recursively in name order; files of kinds we do
    not read are passed over inside directories (but named ones are tried). A directory that
    cannot be listed is appended to `unreadable`, not passed over in silence."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = []
            for root, _dirs, names in os.walk(path, onerror=unreadable.append if unreadable is not None else None):
                found += [f for f in (Path(root) / n for n in names) if f.is_file() and kind_of(str(f))]
            yield from (str(f) for f in sorted(found))
        else:
            yield p


def _struct_date(t) -> str | None:
    if not t:
        return None
    return dt.date.fromtimestamp(time.mktime(t)).isoformat()


def read_feed(path: str, max_bytes: int) -> Iterator[Item]:
    import feedparser

    data = Path(path).read_bytes()
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Item(path, error=InputError(f"{path}: not a readable RSS or Atom feed ({feed.bozo_exception})"))
        return
    for n, e in enumerate(feed.entries, start=1):
        where = f"{path}#{n}"
        body = (e.get("content") or [{}])[0].get("value") or e.get("summary") or ""
        if not body.strip():
            yield Item(where, error=InputError(f"{where}: feed entry has no content"), line=n)
            continue
        if len(body.encode("utf-8")) > max_bytes:
            yield Item(where, error=InputError(f"{where}: entry over the size limit"), line=n)
            continue
        html = body if "<" in body else f"<html><body><article><p>{body}</p></article></body></html>"
        yield Item(where, Request(html, published=_struct_date(e.get("published_parsed") or e.get("updated_parsed")),
                                  url=e.get("link"), id=e.get("id") or e.get("link") or where,
                                  title=e.get("title"), html=True), line=n)


def _crawl_date(value: str | None, where: str) -> tuple[str | None, str | None]:
    """The day of a WARC-Date, and a warning when it is there but not a date (then ignored)."""
    if not value:
        return None, None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat(), None
    except ValueError:
        return None, f"{where}: WARC-Date {value[:40]!r} is not a date; ignored"


def read_warc(path: str, max_bytes: int) -> Iterator[Item]:
    """HTML responses of a WARC file (e.g. Common Crawl CC-NEWS); the crawl date stands in for
    the publication date when the page states none."""
    from warcio.archiveiterator import ArchiveIterator

    n = valid = 0
    cut = False  # a record that does not parse after real ones: the archive ends mid-record
    with open(path, "rb") as stream:
        try:
            records = ArchiveIterator(stream)
            for n, rec in enumerate(records, start=1):
                if not str(rec.format).startswith("warc") or rec.rec_type not in WARC_TYPES:
                    cut = cut or valid > 0
                    continue  # warcio reads unknown bytes as an old ARC record; that is not a WARC
                valid += 1
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url}"
                body = rec.content_stream().read()
                missing = getattr(rec.raw_stream, "limit", 0)  # what the record declared but the file lacks
                if missing:
                    yield Item(where, line=n, error=InputError(
                        f"{where}: WARC record truncated ({missing:,} of its {rec.length:,} bytes missing); not stored"))
                    continue
                if len(body) > max_bytes:
                    yield Item(where, error=InputError(f"{where}: response over the size limit"), line=n)
                    continue
                try:
                    html, _ = decode(body, where)
                except InputError as err:
                    yield Item(where, error=err, line=n)
                    continue
                crawled, note = _crawl_date(rec.rec_headers.get_header("WARC-Date"), where)
                yield Item(where, Request(html, url=url, id=url, html=True, fallback_published=crawled), line=n,
                           note=note)
            size = os.fstat(stream.fileno()).st_size
            # warcio ends quietly at a record whose header was cut off: bytes left over say so
            if valid and (cut or records.offset < size):
                yield Item(path, error=InputError(f"{path}: WARC archive truncated or damaged after its record "
                                                  f"{valid}; what follows was not read"))
        except Exception as err:  # a truncated or corrupt archive: keep what was read
            yield Item(path, error=InputError(f"{path}: WARC archive unreadable past record {n} ({err})"))
            return
    if valid == 0:
        yield Item(path, error=InputError(f"{path}: no WARC records in it"))


NAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
SIDECAR_KEYS = ("published", "url", "title")


def sidecar(path: str) -> tuple[dict, str | None]:
    """The metadata beside a plain text file: FILE.txt.json or FILE.meta.json (FILE without its
    suffix), a JSON object with any of "published" (YYYY-MM-DD), "url" and "title"; and a warning
    when one exists but cannot be used."""
    p = Path(path)
    for cand in (p.with_name(p.name + ".json"), p.with_name(p.name.split(".")[0] + ".meta.json")):
        if not cand.is_file():
            continue
        try:
            meta = json.loads(cand.read_text(encoding="utf-8"))
            if not isinstance(meta, dict):
                raise ValueError("a JSON object is expected")
            if meta.get("published") is not None:
                dt.date.fromisoformat(str(meta["published"])[:10])
        except (OSError, ValueError, UnicodeDecodeError) as err:
            return {}, f"{cand}: sidecar ignored ({err})"
        return {k: str(meta[k]) for k in SIDECAR_KEYS if meta.get(k) is not None}, None
    return {}, None


def name_date(path: str) -> str | None:
    """A publication date written in a file name, as in `guardian_2016-09-12_brexit.txt`."""
    for m in NAME_DATE.finditer(Path(path).name):
        try:
            return dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            continue
    return None


def read_dated(path: str, max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None,
               url: str | None = None) -> Iterator[Item]:
    """A plain text file with its publication date, URL and title: what the caller gives wins, then
    a sidecar, then a date in the file name."""
    meta, problem = sidecar(path)
    for item in read(path, max_bytes=max_bytes):
        req = item.request
        if req is not None and item.error is None:
            req.published = published or meta.get("published") or name_date(path)
            req.url, req.title = url or meta.get("url"), meta.get("title")
            item.note = "; ".join(x for x in (item.note, problem) if x) or None
        yield item


def read_any(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    kind = kind_of(path)
    if kind == "warc":
        yield from read_warc(path, max_bytes)
    elif kind == "feed":
        yield from read_feed(path, max_bytes)
    elif path.lower().endswith(".txt"):
        yield from read_dated(path, max_bytes)
    else:
        yield from read(path, max_bytes=max_bytes)


def _unreadable(errors: list[OSError]) -> Iterator[Item]:
    while errors:
        e = errors.pop(0)
        yield Item(str(e.filename), error=InputError(f"{e.filename}: cannot read the directory ({e.strerror or e})"))


def items(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    unreadable: list[OSError] = []
    for f in files(paths, unreadable):
        yield from _unreadable(unreadable)
        try:
            yield from read_any(f, max_bytes)
        except OSError as err:
            yield Item(f, error=InputError(f"{f}: cannot read ({err.strerror or err})"))
    yield from _unreadable(unreadable)

"""Reading articles from disk: plain text, HTML (optionally gzipped) and JSON Lines.

Every problem with an input becomes an `InputError` with one clear message and an exit code
(documented in the README and `onrecord analyze --help`); nothing here raises a traceback at a user.
"""
from __future__ import annotations

import datetime
import gzip
import json
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .article import Request

DEFAULT_MAX_BYTES = 5_000_000

# exit codes, also listed in the README
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3  # missing, empty, binary or undecodable
EXIT_TOO_LARGE = 4
EXIT_NOT_ENGLISH = 5
EXIT_SOME_FAILED = 6  # a JSONL file with bad lines: the others were analysed


class InputError(Exception):
    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


@dataclass
class Item:
    """One article read from a source, or the error that stopped it (kept so that a JSONL line's
    output stays in order)."""
    where: str  # "file.jsonl:12"
    request: Request | None = None
    error: InputError | None = None
    note: str | None = None  # e.g. the encoding that was assumed
    line: int | None = None  # the line of a JSONL file


def decode(data: bytes, where: str) -> tuple[str, str | None]:
    """Text of the bytes and, when it was not UTF-8, a note on the encoding assumed."""
    if not data.lstrip(b"\xef\xbb\xbf").strip():
        raise InputError(f"{where}: empty input, nothing to analyse")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: binary file (NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    # a few bad bytes in an otherwise UTF-8 file are damage, not another encoding: guessing a
    # legacy codepage turns every curly quote into mojibake
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    if replaced <= max(1, len(data) // 1000):
        return text, f"{where}: {replaced} invalid UTF-8 byte sequence(s) replaced with U+FFFD"
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{where}: undecodable bytes: neither UTF-8 nor any encoding charset-normalizer knows")
    text = str(best)
    controls = sum(1 for c in text[:4000] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text[:4000]) * 0.01:
        raise InputError(f"{where}: binary file (control characters), not an article")
    return text, f"{where}: not UTF-8; decoded as {best.encoding}"


def _check_size(n: int, where: str, max_bytes: int) -> None:
    if n > max_bytes:
        raise InputError(f"{where}: {n:,} bytes is over the limit of {max_bytes:,} per article "
                         f"(raise it with --max-bytes)", EXIT_TOO_LARGE)


JSONL_MAX_BYTES = 1 << 31  # a whole JSON Lines corpus, decompressed, in memory


def _bounded(stream, limit: int, where: str) -> bytes:
    # read one byte past the limit so that "too large" is known without reading the rest
    data = stream.read(limit + 1)
    _check_size(len(data), where, limit)
    return data


def _read_bytes(path: str, max_bytes: int) -> bytes:
    limit = JSONL_MAX_BYTES if kind_of(path) == "jsonl" else max_bytes
    if path == "-":
        return _bounded(sys.stdin.buffer, limit, "standard input")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory; give the files in it")
    if not stat.S_ISREG(p.stat().st_mode):
        # a FIFO blocks, /dev/zero never ends
        raise InputError(f"{path}: not a regular file")
    with p.open("rb") as f:
        if not path.endswith(".gz"):
            return _bounded(f, limit, path)
        try:
            # decompress with the limit: a small gzip bomb must not expand in memory
            with gzip.GzipFile(fileobj=f) as gz:
                return _bounded(gz, limit, path)
        except InputError:
            raise
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            raise InputError(f"{path}: not a valid gzip file ({e})") from None
        except Exception as e:  # zlib.error and friends from corrupt streams
            raise InputError(f"{path}: corrupt gzip data ({e})") from None


def valid_date(value, where: str) -> str | None:
    """The YYYY-MM-DD date, None when absent; an InputError when it is not a calendar date."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            pass
    raise InputError(f"{where}: \"published\" is not a YYYY-MM-DD date ({str(value)[:40]!r})")


def kind_of(path: str) -> str:
    low = path.lower()
    if low.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
        return "html"
    if low.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return "jsonl"
    return "text"


TEXT_FIELDS = ("title", "url")  # stored as they are: anything but a string is a malformed record


def _json_kind(value) -> str:
    return {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}.get(type(value), "value")


def _jsonl(path: str, data: bytes, max_bytes: int, published: str | None, url: str | None) -> Iterator[Item]:
    for n, raw in enumerate(data.splitlines(), start=1):
        where = f"{path}:{n}"
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
            if not isinstance(rec, dict):
                raise ValueError("a JSON object is expected")
        except (ValueError, UnicodeDecodeError) as e:
            yield Item(where, error=InputError(f"{where}: malformed JSON line ({e}); skipped"), line=n)
            continue
        rid = rec.get("id")
        rid = str(rid) if rid is not None else f"{Path(path).stem}:{n}"
        body = rec.get("text") if rec.get("text") is not None else rec.get("html")
        if not isinstance(body, str) or not body.strip():
            yield Item(where, Request("", id=rid), line=n,
                       error=InputError(f"{where}: no \"text\" or \"html\" in the record"))
            continue
        wrong = next((k for k in TEXT_FIELDS if rec.get(k) is not None and not isinstance(rec[k], str)), None)
        if wrong is not None:
            yield Item(where, Request("", id=rid), line=n, error=InputError(
                f"{where}: \"{wrong}\" is a JSON {_json_kind(rec[wrong])}, not a string; skipped"))
            continue
        try:
            _check_size(len(body.encode("utf-8", "surrogatepass")), where, max_bytes)
        except InputError as e:
            yield Item(where, Request("", id=rid), error=e, line=n)
            continue
        try:
            rec_published = valid_date(rec.get("published"), where)
        except InputError as e:
            yield Item(where, Request("", id=rid), error=e, line=n)
            continue
        yield Item(where, Request(body, published=rec_published or published, url=rec.get("url") or url,
                                  id=rid, title=rec.get("title"), html=rec.get("text") is None), line=n)


def read(path: str, *, published: str | None = None, url: str | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The articles in one file ("-" is standard input, read as plain text)."""
    try:
        data = _read_bytes(path, max_bytes)
        if kind_of(path) == "jsonl":
            if not data.lstrip(b"\xef\xbb\xbf").strip():
                raise InputError(f"{path}: empty input, nothing to analyse")
            yield from _jsonl(path, data, max_bytes, published, url)
            return
        _check_size(len(data), path, max_bytes)
        text, note = decode(data, path)
    except InputError as e:
        yield Item(path, error=e)
        return
    except OSError as e:
        yield Item(path, error=InputError(f"{path}: cannot read ({e.strerror or e})"))
        return
    stem = "stdin" if path == "-" else Path(path).name.split(".")[0]
    yield Item(path, Request(text, published=published, url=url, id=stem, html=kind_of(path) == "html"), note=note)

"""Reading inputs from disk: limits, damaged files and bad dates become one clear InputError."""
import gzip
import json
import os

import pytest

from onrecord.sources import files
from onrecord.sources.article import Request, to_article


def _only(path, **kw):
    items = list(files.read(str(path), **kw))
    assert len(items) == 1
    return items[0]


def test_gzip_bomb_stops_at_the_limit(tmp_path):
    p = tmp_path / "bomb.html.gz"
    p.write_bytes(gzip.compress(b" " * 20_000_000))
    item = _only(p, max_bytes=1_000_000)
    assert item.error is not None and item.error.code == files.EXIT_TOO_LARGE


def test_corrupt_gzip_is_one_line_error(tmp_path):
    p = tmp_path / "page.html.gz"
    data = gzip.compress(b"<html><body><p>Some text here.</p></body></html>" * 50)
    p.write_bytes(data[:12] + b"\xff" * 40 + data[52:])
    item = _only(p)
    assert item.error is not None and item.error.code == files.EXIT_BAD_INPUT
    assert "\n" not in str(item.error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_not_read(tmp_path):
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    item = _only(p)
    assert item.error is not None and "regular file" in str(item.error)


def test_one_bad_byte_is_replaced_not_mojibake(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("“The minister said it will rain,” he said. ".encode() * 40 + b"\xff")
    item = _only(p)
    assert item.request.text.startswith("“The minister")
    assert "1 invalid UTF-8" in item.note


def test_bom_only_file_is_unreadable(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf\n")
    assert _only(p).error.code == files.EXIT_BAD_INPUT


def test_empty_jsonl_is_unreadable(tmp_path):
    p = tmp_path / "none.jsonl"
    p.write_bytes(b"\n\n")
    assert _only(p).error.code == files.EXIT_BAD_INPUT


def test_bad_published_fails_that_record_only(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "One.", "published": "2024-13-45"}) + "\n"
                 + json.dumps({"id": "b", "text": "Two.", "published": "2024-03-06"}) + "\n")
    bad, good = list(files.read(str(p)))
    assert bad.error is not None and "published" in str(bad.error)
    assert good.error is None and good.request.published == "2024-03-06"


def test_lone_surrogates_become_replacement_characters_in_place():
    art = to_article(Request("ab\ud83acd", id="x\ud83a", title="t\udc00"))
    assert art.text == "ab\ufffdcd" and art.id == "x\ufffd" and art.title == "t\ufffd"

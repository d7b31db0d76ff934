"""Issue 11's damaged inputs, as a user meets them: each is one line on stderr and a documented
exit code, never a partial article stored nor an empty result passed off as success."""
import io
import os
import subprocess
import sys

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.ledger.db import open_ledger
from onrecord.ledger.schema import Article
from onrecord.sources.files import EXIT_BAD_INPUT, EXIT_SOME_FAILED
from onrecord.sources.html import extract, plain_text

PAGE = ("<html><head><title>Bridge {i}</title></head><body><article>"
        + "".join(f"<p>“Bridge {{i}} will open next spring,” Ada Brown said, point {k} of the plan.</p>"
                  for k in range(30))
        + "</article></body></html>")


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line(r):
    assert "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1, r.output


def stored(db):
    with open_ledger(str(db), create=False)() as s:
        return [(a.url, a.text, None if a.published is None else str(a.published)) for a in s.scalars(select(Article))]


def write_warc(path, dates):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as out:
        w = WARCWriter(out, gzip=True)
        for i, date in enumerate(dates):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(
                f"https://example.org/b{i}", "response", payload=io.BytesIO(PAGE.format(i=i).encode()),
                http_headers=headers, warc_headers_dict={"WARC-Date": date}))


def test_truncated_warc_record_is_failed_not_stored_in_part(tmp_path, nlp):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, ["2024-03-01T12:00:00Z"])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:len(whole.read_bytes()) * 2 // 3])
    r = run("ingest", cut, "--db", tmp_path / "l.db")
    assert r.exit_code == EXIT_SOME_FAILED and "truncated" in r.stderr and "0 added" in r.stdout
    one_line(r)
    assert stored(tmp_path / "l.db") == []


def test_archive_cut_inside_a_record_header_is_reported(tmp_path, nlp):
    from warcio.archiveiterator import ArchiveIterator
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, ["2024-03-01T12:00:00Z", "2024-03-02T12:00:00Z"])
    with open(whole, "rb") as f:
        records = ArchiveIterator(f)
        starts = [records.get_record_offset() for _ in records]
    for keep in (30, 120):  # into the second record's gzip member, its header unfinished
        cut = tmp_path / f"cut{keep}.warc.gz"
        cut.write_bytes(whole.read_bytes()[:starts[1] + keep])
        r = run("ingest", cut, "--db", tmp_path / f"l{keep}.db")
        assert r.exit_code == EXIT_SOME_FAILED and "1 added, 0 skipped as duplicates, 1 failed" in r.stdout, r.output
        assert any(said in r.stderr for said in ("truncated or damaged after its record 1", "WARC record truncated",
                                                 "unreadable past record 1"))
        assert [url for url, _, _ in stored(tmp_path / f"l{keep}.db")] == ["https://example.org/b0"]


def test_garbage_warc_date_is_ignored_with_a_warning(tmp_path, nlp):
    path = tmp_path / "dates.warc.gz"
    write_warc(path, ["yesterday-ish", "2024-03-01T12:00:00Z"])
    r = run("ingest", path, "--db", tmp_path / "l.db")
    assert r.exit_code == 0 and "2 added" in r.stdout, r.output
    assert "WARC-Date 'yesterday-ish' is not a date; ignored" in r.stderr
    dates = {url: published for url, _, published in stored(tmp_path / "l.db")}
    assert dates == {"https://example.org/b0": None, "https://example.org/b1": "2024-03-01"}


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Port news</title>
<item><title>A</title><link>https://example.org/a</link><guid>a</guid>
<description><![CDATA[<p>Maria Lund said the port will reopen next week.</p>]]></description></item>
<item><title>B</title><link>https://example.org/b</link><guid>b</guid>
<description><![CDATA[<p>Peter Okafor said the cranes would fail before the winter.</p>]]></description></item>
</channel></rss>"""


def test_one_sentence_feed_entries_keep_their_text(tmp_path, nlp):
    (tmp_path / "news.rss").write_text(RSS, encoding="utf-8")
    r = run("ingest", tmp_path / "news.rss", "--db", tmp_path / "l.db")
    assert r.exit_code == 0 and "2 added, 0 skipped as duplicates, 0 failed" in r.stdout, r.output
    assert sorted(text for _, text, _ in stored(tmp_path / "l.db")) == [
        "Maria Lund said the port will reopen next week.",
        "Peter Okafor said the cranes would fail before the winter."]


def test_plain_text_of_a_fragment_drops_scripts_keeps_blocks():
    assert plain_text("<div>One.<br>Two <b>bold</b></div><script>x()</script>tail<p>Three</p>") == \
        "One.\n\nTwo bold\n\ntail\n\nThree"
    assert plain_text("<!-- only a comment -->") == "" and plain_text("") == ""
    assert extract("<p>Ann Lee said the dam was safe.</p>").text == "Ann Lee said the dam was safe."


@pytest.mark.parametrize("page", [
    "<html><body></body></html>",
    "<html><head><script>var a = 1;</script></head><body><script>alert(1)</script><noscript>.</noscript></body></html>",
])
def test_page_without_text_is_unreadable_input(tmp_path, nlp, page):
    f = tmp_path / "page.html"
    f.write_text(page)
    r = run("analyze", f)
    assert r.exit_code == EXIT_BAD_INPUT and "no article text" in r.stderr and r.stdout == ""
    one_line(r)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "page.html").write_text(page)
    (tmp_path / "corpus" / "ok.txt").write_text("Maria Lund said that the port was safe.\n")
    r = run("ingest", tmp_path / "corpus", "--db", tmp_path / "l.db", "--published", "2024-01-01")
    assert r.exit_code == EXIT_SOME_FAILED and "1 added, 0 skipped as duplicates, 1 failed" in r.stdout
    assert "page.html: no article text" in r.stderr


def test_unreadable_subdirectory_is_a_named_failure(tmp_path, nlp, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "x.txt").write_text("Jon Doe said the road was safe.\n")
    (corpus / "ok.txt").write_text("Maria Lund said that the port was safe.\n")
    os.chmod(corpus / "locked", 0)
    if os.geteuid() == 0:  # root lists any directory: refuse it as the kernel would anyone else
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path).endswith("locked"):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)
        monkeypatch.setattr(os, "scandir", scandir)
    try:
        r = run("ingest", corpus, "--db", tmp_path / "l.db", "--published", "2024-01-01")
    finally:
        os.chmod(corpus / "locked", 0o755)
    assert r.exit_code == EXIT_SOME_FAILED and "1 added, 0 skipped as duplicates, 1 failed" in r.stdout
    assert "locked: cannot read the directory (Permission denied)" in r.stderr


def test_endless_device_and_fifo_are_refused(tmp_path, nlp):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes it: reading would block for ever
    for path in ("/dev/zero", fifo):
        r = run("analyze", path)
        assert r.exit_code == EXIT_BAD_INPUT and "not a regular file" in r.stderr
        one_line(r)
        r = run("ingest", path, "--db", tmp_path / "l.db")
        assert r.exit_code == EXIT_SOME_FAILED and f"{path}: not a regular file" in r.stderr


def test_closed_standard_input(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for command in ("analyze -", f"ingest - --db {tmp_path / 'l.db'}"):
        r = subprocess.run(f"'{sys.executable}' -m onrecord {command} <&-", shell=True, env=env,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == EXIT_BAD_INPUT and r.stderr.strip() == "error: -: standard input is closed", r.stderr

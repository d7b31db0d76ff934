"""Ingest from feeds, WARC archives and directories; crash safety under SIGKILL."""
import io
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from onrecord.ledger.db import open_ledger
from onrecord.ledger.ingest import ingest
from onrecord.ledger.schema import Article, Forecast, Mention, Person, Quote

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Port news</title>
<item><title>Port to reopen</title><link>https://example.org/port</link><guid>port-1</guid>
<pubDate>Wed, 31 May 2023 10:00:00 GMT</pubDate>
<description><![CDATA[<p>“The port will reopen within two weeks,” Maria Lund said on Tuesday.</p>
<p>The union said it would wait and see.</p>]]></description></item>
<item><title>Empty</title><link>https://example.org/empty</link><description></description></item>
</channel></rss>"""


def counts(db):
    with open_ledger(db)() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Article, Quote, Forecast, Mention, Person))


def test_feed(tmp_path, nlp):
    feed = tmp_path / "news.rss"
    feed.write_text(RSS, encoding="utf-8")
    db = str(tmp_path / "l.db")
    c = ingest([str(feed)], db)
    assert (c.added, c.failed) == (1, 1) and "no content" in c.errors[0]
    with open_ledger(db)() as s:
        a = s.scalars(select(Article)).one()
        f = s.scalars(select(Forecast)).one()
    assert a.url == "https://example.org/port" and str(a.published) == "2023-05-31"
    assert str(f.deadline) == "2023-06-14"


def test_warc_html_responses_only(tmp_path, nlp):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "news.warc.gz"
    page = ("<html><head><title>Bridge</title></head><body><article>"
            + "".join(f"<p>“The bridge will open next spring,” Ada Brown said, point {i} of the plan.</p>" for i in range(5))
            + "</article></body></html>").encode()
    with open(path, "wb") as out:
        w = WARCWriter(out, gzip=True)
        for uri, ctype, body in (("https://example.org/bridge", "text/html; charset=utf-8", page),
                                 ("https://example.org/logo.png", "image/png", b"\x89PNG....")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                                warc_headers_dict={"WARC-Date": "2024-03-01T12:00:00Z"}))
    db = str(tmp_path / "l.db")
    c = ingest([str(path)], db)
    assert (c.added, c.failed) == (1, 0)
    with open_ledger(db)() as s:
        a = s.scalars(select(Article)).one()
    assert a.url == "https://example.org/bridge" and str(a.published) == "2024-03-01"


def test_corrupt_inputs_are_reported_and_skipped(tmp_path, nlp):
    (tmp_path / "bad.warc.gz").write_bytes(b"not a warc at all")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Maria Lund said that the port was safe.\n")
    c = ingest([str(tmp_path)], str(tmp_path / "l.db"))
    assert c.added == 1 and c.failed == 2


def _corpus(root, n=96):  # three chunks of 32: the kill lands between chunk commits
    root.mkdir()
    for i in range(n):
        (root / f"a{i:03d}.txt").write_text(
            f"“Port number {i} will reopen within {i + 2} weeks,” Maria Lund{i % 3} said.\n\n"
            f"Peter Okafor said that the cranes at berth {i} were old and would fail before the winter.\n",
            encoding="utf-8")
    return root


def kill_after_first_article(cmd: list[str], env: dict, db_url: str, timeout: float = 180) -> list[str]:
    """Run an ingest, SIGKILL it once it has committed an article; returns its child pids."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + timeout
    try:
        while time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
            try:
                if counts(db_url)[0] >= 1:
                    break
            except Exception:  # noqa: BLE001 - the schema may not exist yet
                continue
        if proc.poll() is not None:
            pytest.fail("the ingest finished before it could be killed: make the corpus larger")
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    return children


def test_killed_run_resumes_to_the_same_counts(tmp_path, db_url):
    corpus = _corpus(tmp_path / "corpus")
    cmd = [sys.executable, "-m", "onrecord", "ingest", str(corpus), "--db", db_url]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    kill_after_first_article(cmd, env, db_url)
    partial = counts(db_url)[0]
    assert 0 < partial < 96
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    resumed = counts(db_url)

    clean_db = db_url.replace("ledger.db", "clean.db") if "://" not in db_url else None
    if clean_db is None:  # PostgreSQL: compare against a clean SQLite run, counts are backend-free
        clean_db = str(tmp_path / "clean.db")
    subprocess.run([sys.executable, "-m", "onrecord", "ingest", str(corpus), "--db", clean_db],
                   env=env, check=True, capture_output=True)
    assert resumed == counts(clean_db)
    assert resumed[0] == 96

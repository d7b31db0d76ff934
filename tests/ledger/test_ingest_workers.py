"""`ingest --workers N`: the same ledger as one worker, a SIGKILL mid-run resumes exactly; inputs
already seen are skipped before extraction; non-English pages are skipped, not failed; plain text
files take their dates from sidecars and file names."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from onrecord.ledger import workers
from onrecord.ledger.db import open_ledger
from onrecord.ledger.ingest import ingest
from onrecord.ledger.schema import Article, Forecast, InputHash, Person

from ..sources.test_corpus import _corpus, counts, kill_after_first_article

FRENCH = ("Le port rouvrira dans deux semaines, a déclaré Maria Lund devant le conseil municipal. Les grues "
          "sont vieilles et tomberont en panne avant l'hiver, selon les syndicats du port.\n")


def people(db):
    with open_ledger(db)() as s:
        return sorted((p.name, len(p.mentions)) for p in s.scalars(select(Person)))


def test_two_workers_store_what_one_stores(tmp_path, nlp):
    corpus = _corpus(tmp_path / "c", 40)
    (corpus / "fr.txt").write_text(FRENCH, encoding="utf-8")
    one = ingest([str(corpus)], str(tmp_path / "one.db"), workers=1)
    two = ingest([str(corpus)], str(tmp_path / "two.db"), workers=2)
    assert (one.added, one.not_english, one.failed) == (two.added, two.not_english, two.failed) == (40, 1, 0)
    assert counts(str(tmp_path / "one.db")) == counts(str(tmp_path / "two.db"))
    assert people(str(tmp_path / "one.db")) == people(str(tmp_path / "two.db"))  # identities resolve alike


def test_workers_die_with_a_killed_ingest_and_the_rerun_resumes_exactly(tmp_path, db_url):
    corpus = _corpus(tmp_path / "corpus", 96)
    cmd = [sys.executable, "-m", "onrecord", "ingest", str(corpus), "--db", db_url, "--workers", "2"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    children = kill_after_first_article(cmd, env, db_url)
    partial = counts(db_url)[0]
    assert 0 < partial < 96
    time.sleep(1)
    alive = [c for c in children if os.path.exists(f"/proc/{c}") and
             "zombie" not in open(f"/proc/{c}/status").read().lower()]
    assert alive == [], "analysis workers outlived the killed ingest"
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    clean = str(tmp_path / "clean.db")
    subprocess.run(cmd[:5] + ["--db", clean, "--workers", "1"], env=env, check=True, capture_output=True)
    assert counts(db_url) == counts(clean) and counts(clean)[0] == 96


def test_known_inputs_are_skipped_before_extraction(tmp_path, nlp, monkeypatch):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"p{i}.html").write_text(
            f"<html><body><article><p>“The ferry {i} will run again in June,” Ada Brown said at the "
            f"harbour meeting.</p></article></body></html>", encoding="utf-8")
    db = str(tmp_path / "l.db")
    assert ingest([str(pages)], db).added == 3
    monkeypatch.setattr(workers, "to_article", lambda req: pytest.fail("extracted again"))
    again = ingest([str(pages)], db)
    assert (again.added, again.duplicate, again.failed) == (0, 3, 0)
    with open_ledger(db)() as s:
        assert {h.outcome for h in s.scalars(select(InputHash))} == {"added"}


def test_same_text_in_another_page_is_skipped_before_the_nlp(tmp_path, nlp, monkeypatch):
    body = "<p>“The ferry will run again in June,” Ada Brown said at the harbour meeting on Monday.</p>"
    (tmp_path / "a.html").write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><!-- mirror --><article>{body}</article></body></html>",
                                     encoding="utf-8")
    db = str(tmp_path / "l.db")
    assert ingest([str(tmp_path / "a.html")], db).added == 1
    import onrecord.ledger.workers as w
    monkeypatch.setattr(w, "analyze_each", lambda pairs, chunk: [(i, pytest.fail("analysed")) for i, _ in pairs])
    c = ingest([str(tmp_path / "b.html")], db)
    assert (c.added, c.duplicate) == (0, 1)


def test_non_english_pages_are_skipped_not_failed(tmp_path, nlp):
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en_2024-01-05.txt").write_text("Maria Lund said that the port was safe.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "onrecord", "ingest", str(tmp_path), "--db",
                           str(tmp_path / "l.db"), "--workers", "1"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "1 added" in proc.stdout and "1 skipped (not English)" in proc.stdout and "0 failed" in proc.stdout
    again = ingest([str(tmp_path)], str(tmp_path / "l.db"))
    assert (again.not_english, again.duplicate, again.failed) == (1, 1, 0)


def test_dates_of_plain_text_files(tmp_path, nlp):
    text = "“The bridge will reopen within two weeks,” Maria Lund{} said.\n"
    (tmp_path / "guardian_2016-09-12_bridge.txt").write_text(text.format(1), encoding="utf-8")
    (tmp_path / "side.txt").write_text(text.format(2), encoding="utf-8")
    (tmp_path / "side.txt.json").write_text(json.dumps({"published": "2019-05-01", "url": "https://e.org/s",
                                                        "title": "Side"}), encoding="utf-8")
    (tmp_path / "meta.txt").write_text(text.format(3), encoding="utf-8")
    (tmp_path / "meta.meta.json").write_text(json.dumps({"published": "2021-02-03"}), encoding="utf-8")
    (tmp_path / "undated.txt").write_text(text.format(4), encoding="utf-8")
    db = str(tmp_path / "l.db")
    c = ingest([str(tmp_path)], db)
    assert c.added == 4 and c.failed == 0
    assert len(c.warnings) == 1 and "undated.txt: no publication date" in c.warnings[0]
    with open_ledger(db)() as s:
        got = {a.source.rsplit("/", 1)[1]: (str(a.published), a.url, a.title) for a in s.scalars(select(Article))}
        deadlines = {str(f.deadline) for f in s.scalars(select(Forecast))}
    assert got["guardian_2016-09-12_bridge.txt"][0] == "2016-09-12"
    assert got["side.txt"] == ("2019-05-01", "https://e.org/s", "Side")
    assert got["meta.txt"][0] == "2021-02-03" and got["undated.txt"][0] == "None"
    assert "2016-09-26" in deadlines
    assert ingest([str(tmp_path / "undated.txt")], str(tmp_path / "m.db"), published="2024-01-01").warnings == []

"""Issue 11's ledger cases from the command line: ledgers that cannot be used, locked, read-only,
damaged or of another version, concurrent ingests, odd records and export targets. Each ends in
one line on stderr and a documented exit code (`onrecord --help`), never a traceback."""
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, func, select, text
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.cli.common import EXIT_LEDGER, EXIT_NOT_FOUND, EXIT_OUTPUT, EXIT_USAGE
from onrecord.ledger import db as ledger_db
from onrecord.ledger.db import database_url, open_ledger
from onrecord.ledger.schema import Article
from onrecord.sources.files import EXIT_SOME_FAILED

SAID = "Maria Lund said that the port would reopen within two weeks.\n"


def run(*args, env=None):
    return CliRunner(env=env).invoke(app, [str(a) for a in args])


def one_line(r, code):
    assert r.exit_code == code, r.output
    assert "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1, r.output


def articles(db) -> list[tuple[str | None, str]]:
    with open_ledger(db, create=False)() as s:
        return sorted((a.title, a.text) for a in s.scalars(select(Article)))


def test_ids_past_64_bits_are_not_found(db_url, nlp, tmp_path):
    (tmp_path / "a.txt").write_text(SAID)
    assert run("ingest", tmp_path / "a.txt", "--db", db_url).exit_code == 0
    one_line(run("show", "99999999999999999999", "--db", db_url), EXIT_NOT_FOUND)
    one_line(run("show", "0", "--db", db_url), EXIT_NOT_FOUND)


@pytest.mark.parametrize("args", [("show", "1"), ("forecasts",), ("ingest", "{tmp}")])
def test_unsupported_database_is_refused(tmp_path, args):
    r = run(*(a.format(tmp=tmp_path) for a in args), "--db", "mysql://u@localhost/onrecord")
    one_line(r, EXIT_LEDGER)
    assert "mysql:// is not supported" in r.stderr


def test_batch_size_zero_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(SAID)
    one_line(run("analyze", tmp_path / "a.txt", "--batch-size", "0"), EXIT_USAGE)


@pytest.mark.parametrize("what", ["file", "directory"])
def test_read_only_ledger_reads_but_refuses_writes(tmp_path, nlp, monkeypatch, what):
    db = tmp_path / "l.db"
    (tmp_path / "a.txt").write_text(SAID)
    assert run("ingest", tmp_path / "a.txt", "--db", db).exit_code == 0
    denied = db if what == "file" else tmp_path
    real = os.access
    # root may write anything, so the permission is denied the way the kernel answers others
    monkeypatch.setattr(ledger_db.os, "access", lambda p, mode, **kw: (
        False if os.fspath(p) == os.fspath(denied) and mode & os.W_OK else real(p, mode, **kw)))
    (tmp_path / "b.txt").write_text("Peter Okafor said that the cranes would fail.\n")
    r = run("ingest", tmp_path / "b.txt", "--db", db)
    one_line(r, EXIT_LEDGER)
    assert "read-only" in r.stderr
    assert run("people", "--db", db, "--json").exit_code == 0
    if what == "directory":
        r = run("ingest", tmp_path / "b.txt", "--db", tmp_path / "new.db")
        one_line(r, EXIT_LEDGER)
        assert "the directory is read-only" in r.stderr and not (tmp_path / "new.db").exists()


def test_writer_holding_the_lock_is_waited_for_then_named(tmp_path, nlp):
    db = tmp_path / "l.db"
    open_ledger(str(db))
    (tmp_path / "a.txt").write_text(SAID)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        r = run("ingest", tmp_path / "a.txt", "--db", db, env={"ONRECORD_LOCK_TIMEOUT": "0.5"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    one_line(r, EXIT_LEDGER)
    assert "locked by another writer; gave up after 0.5 s (ONRECORD_LOCK_TIMEOUT" in r.stderr
    assert run("ingest", tmp_path / "a.txt", "--db", db).exit_code == 0  # free again: it goes in


def _corpus(root, n=8):
    root.mkdir()
    for i in range(n):
        (root / f"a{i}.txt").write_text(f"“Berth {i} will reopen within {i + 2} weeks,” Maria Lund said.\n\n"
                                        f"Peter Okafor said that crane {i} was old.\n")
    return root


@pytest.mark.parametrize("ledger", ["new", "existing"])
def test_concurrent_ingests_store_each_article_once(tmp_path, db_url, ledger):
    """Two ingests of one corpus at once (into a ledger neither has created yet, or one that
    exists): both succeed, and nothing is stored twice."""
    corpus = _corpus(tmp_path / "corpus")
    if ledger == "existing":
        open_ledger(db_url)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "ONRECORD_LOCK_TIMEOUT": "120"}
    cmd = [sys.executable, "-m", "onrecord", "ingest", str(corpus), "--db", db_url, "--workers", "1",
           "--published", "2024-01-01"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (stdout, stderr) in zip(procs, outs):
        assert p.returncode == 0 and "Traceback" not in stderr and "IntegrityError" not in stderr, stderr
    added = [int(stdout.split(" added")[0].split()[-1]) for stdout, _ in outs]
    assert sum(added) == 8
    with open_ledger(db_url, create=False)() as s:
        assert s.scalar(select(func.count()).select_from(Article)) == 8
        assert s.scalar(select(func.count(func.distinct(Article.text)))) == 8


@pytest.mark.parametrize("damage, said", [
    ("DROP TABLE resolutions", "table 'resolutions' is missing"),
    ("ALTER TABLE articles DROP COLUMN title", "lacks column 'title'"),
    ("UPDATE alembic_version SET version_num = 'ffff00000000'", "schema this onrecord does not know"),
])
def test_damaged_or_newer_ledger_is_refused(db_url, tmp_path, damage, said):
    open_ledger(db_url)
    engine = create_engine(database_url(db_url))
    with engine.begin() as conn:
        if damage.startswith(("DROP", "ALTER")):  # the damage a hand-edit does: views and triggers go with it
            if engine.dialect.name == "sqlite":
                for kind, name in conn.execute(text("SELECT type, name FROM sqlite_master "
                                                    "WHERE type IN ('view', 'trigger')")).all():
                    conn.execute(text(f"DROP {kind.upper()} {name}"))
            else:
                damage += " CASCADE"
        conn.execute(text(damage))
    engine.dispose()
    (tmp_path / "a.txt").write_text(SAID)
    for args in (("people",), ("ingest", tmp_path / "a.txt")):
        r = run(*args, "--db", db_url)
        one_line(r, EXIT_LEDGER)
        assert said in r.stderr


def test_jsonl_record_with_an_object_title_fails_alone(tmp_path, nlp, db_url):
    records = [{"id": "r1", "text": "Jon Doe said the bridge was safe.", "title": {"en": "Bridge"}},
               {"id": "r2", "text": "Ann Lee said the dam was safe.", "title": "Dam", "url": ["x"]},
               {"id": "r3", "text": "Bo Park said the road was safe.", "title": "Road"}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    r = run("ingest", tmp_path / "a.jsonl", "--db", db_url)
    assert r.exit_code == EXIT_SOME_FAILED and "1 added, 0 skipped as duplicates, 2 failed" in r.stdout, r.output
    assert 'a.jsonl:1: "title" is a JSON object, not a string; skipped' in r.stderr
    assert 'a.jsonl:2: "url" is a JSON array, not a string; skipped' in r.stderr
    assert articles(db_url) == [("Road", "Bo Park said the road was safe.")]


def test_export_to_a_place_it_cannot_write_touches_nothing(tmp_path):
    db = tmp_path / "ledger.db"
    open_ledger(str(db))
    before = sorted(p.name for p in tmp_path.iterdir())
    for target, said in ((tmp_path / "no" / "x.jsonl", "does not exist"), (tmp_path, "is a directory"),
                         ("/proc/onrecord-export.jsonl", "cannot write in /proc")):
        r = run("export", "-o", target, "--db", db)
        one_line(r, EXIT_OUTPUT)
        assert said in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left behind
    r = run("export", "-o", db, "--db", db)
    one_line(r, EXIT_OUTPUT)
    assert "is the ledger itself" in r.stderr and db.read_bytes().startswith(b"SQLite format 3\x00")
    open_ledger(str(db), create=False)
    keep = tmp_path / "keep.txt"
    keep.write_text("keep me")
    one_line(run("export", "--format", "xml", "-o", keep, "--db", db), EXIT_USAGE)
    assert keep.read_text() == "keep me"

"""One line on stderr and a documented exit code for the bad inputs of issues 11 and 12."""
import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.cli.common import EXIT_LEDGER, EXIT_OUTPUT, EXIT_USAGE
from onrecord.cli.safe_text import clean, data
from onrecord.ledger.db import open_ledger


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line(r):
    assert "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1, r.output


def test_data_is_never_markup_nor_terminal_control():
    s = "They [the rebels] will win [sic] x[/y].txt [/] [link=javascript:alert(1)]x[/link]\x1b]0;title\x07\x1b[2J"
    t = data(s)
    assert t.plain.startswith("They [the rebels] will win [sic] x[/y].txt [/] [link=javascript:")
    assert "\x1b" not in clean(s) and "\x07" not in clean(s) and not t.spans


@pytest.mark.parametrize("args, code", [
    (("show", 1, "--db", "{tmp}/missing.db"), EXIT_LEDGER),
    (("people", "--db", "mysql://x/y"), EXIT_LEDGER),
    (("analyze", "x[/y].txt", "--batch-size", 0), EXIT_USAGE),
    (("analyze", "--bogus"), EXIT_USAGE),
])
def test_one_line_errors(tmp_path, args, code):
    r = run(*(str(a).format(tmp=tmp_path) for a in args))
    assert r.exit_code == code
    one_line(r)


def test_export_never_writes_over_the_ledger_or_an_unrelated_file(tmp_path):
    db = tmp_path / "ledger.db"
    open_ledger(str(db))
    r = run("export", "--format", "csv", "-o", db, "--db", db)
    # still the ledger (its size may change as SQLite checkpoints its journal, its kind may not)
    assert r.exit_code == EXIT_OUTPUT and db.read_bytes().startswith(b"SQLite format 3\x00")
    open_ledger(str(db), create=False)
    keep = tmp_path / "keep.txt"
    keep.write_text("keep me")
    r = run("export", "--format", "xml", "-o", keep, "--db", db)
    assert r.exit_code == EXIT_USAGE and keep.read_text() == "keep me"
    r = run("export", "-o", tmp_path / "no" / "dir.jsonl", "--db", db)
    assert r.exit_code == EXIT_OUTPUT
    one_line(r)


def test_short_help():
    r = run("analyze", "-h")
    assert r.exit_code == 0 and "PATH..." in r.stdout and "<bool>" not in r.stdout and "Exit codes" in r.stdout

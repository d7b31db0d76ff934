"""The CLI over a ledger holding one ingested article, as the command tests use it."""
from typer.testing import CliRunner

from onrecord.cli import app


def ledger_cli(db_url: str, tmp_path, text: str, published: str = "2024-03-06"):
    """`invoke(*args)` runs `onrecord ARGS --db db_url` on a ledger where `text` is ingested."""
    runner = CliRunner()
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")

    def invoke(*args):
        return runner.invoke(app, [str(a) for a in args] + ["--db", db_url])
    assert invoke("ingest", tmp_path / "a.txt", "--published", published).exit_code == 0
    return invoke

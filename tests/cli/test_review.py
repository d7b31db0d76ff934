"""`onrecord review` and `resolve --evidence-article` as a user runs them, on both backends."""
import json

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.cli.common import EXIT_NOT_FOUND

ROWS = [{"id": "f", "published": "2024-03-06", "url": "https://one.example/f",
         "text": "Tom Berg, an economist, said that inflation in Norway will probably fall below 2% by next year.\n"},
        {"id": "later", "published": "2026-01-10", "url": "https://two.example/later",
         "text": "Inflation in Norway fell to 1.8% in December, the bureau said.\n"}]


@pytest.fixture
def cli(nlp, db_url, tmp_path):
    runner = CliRunner()
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")

    def invoke(*args):
        return runner.invoke(app, [str(a) for a in args] + ["--db", db_url])
    assert invoke("ingest", tmp_path / "in.jsonl").exit_code == 0
    return invoke


def test_review_suggests_then_resolve_cites(cli):
    [row] = json.loads(cli("review", "--today", "2026-01-15", "--json").stdout)
    [suggested] = row["evidence_suggested"]
    text = cli("review", "--today", "2026-01-15").stdout
    assert "overdue by 15 days" in text and "Inflation in Norway fell to 1.8%" in text and "two.example" in text
    assert "Nothing due" in cli("review", "--today", "2025-01-01").stdout
    r = cli("resolve", row["id"], "--outcome", "yes", "--evidence-article", suggested["article"], "--on", "2026-01-10")
    assert r.exit_code == 0 and f"citing article {suggested['article']}" in r.stdout
    [f] = json.loads(cli("forecasts", "--json").stdout)
    assert (f["evidence"], f["evidence_article"]) == ("https://two.example/later", suggested["article"])
    assert cli("resolve", row["id"], "--outcome", "no", "--evidence-article", 999).exit_code == EXIT_NOT_FOUND
    assert cli("resolve", row["id"], "--outcome", "no").exit_code != 0  # evidence of some kind is required

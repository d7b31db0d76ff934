"""The read commands as a user runs them, on SQLite and PostgreSQL: tables, --json, --csv, --limit,
and one-line errors with their exit codes."""
import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.cli.common import EXIT_NOT_FOUND, EXIT_USAGE
from onrecord.cli.listing import shorten
from onrecord.ledger import store
from onrecord.ledger.db import open_ledger

from ..ledger.made_up import DOCS, fill


@pytest.fixture
def cli(db_url):
    ids = fill(db_url)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, [str(a) for a in args] + ["--db", db_url], env={"COLUMNS": "100"})
    invoke.ids = ids
    invoke.db = db_url
    return invoke


def _words_whole(output: str) -> list[str]:
    """Tokens of a table that are neither a word of the data, of the headers, nor marked cut."""
    known = {w.strip(".,:") for d in DOCS for w in re.findall(r"[\w’'.:/-]+", json.dumps(d, ensure_ascii=False))}
    body = output.split("┩", 1)[1]  # the rows, below the headers
    tokens = re.findall(r"[^\s│└┘┴─·]+", body)
    known |= {d["article"]["url"].split("/")[2] for d in DOCS if d["article"]["url"]}  # outlets
    made = {"due", "open", "resolved", "if:", "—", "(author)", "(unattributed)"}  # what the table itself writes
    return [t for t in tokens if not t.endswith("…") and t.strip("“”\",.:()") not in known
            and t not in made and not re.fullmatch(r"[\d.]+", t)]


def test_articles_search_and_formats(cli):
    rows = json.loads(cli("articles", "--json").stdout)
    assert [r["title"] for r in rows] == ["Fuel prices climb", "Valmora port strike ends", "Two Bergs disagree"]
    assert [r["title"] for r in json.loads(cli("articles", "--search", "strikes", "--json").stdout)] == [
        "Valmora port strike ends", "Fuel prices climb"]
    assert [r["title"] for r in json.loads(cli("articles", "--source", "other.example", "--json").stdout)] == [
        "Fuel prices climb"]
    assert len(json.loads(cli("articles", "--since", "2024-01-01", "--limit", "1", "--json").stdout)) == 1
    table = cli("articles").stdout
    assert "Articles (3 of 3)" in table and "news.example" in table
    got = list(csv.DictReader(io.StringIO(cli("articles", "--csv").stdout)))
    assert got[0]["title"] == "Fuel prices climb" and got[0]["url"] == "https://other.example/fuel"


def test_quotes_filters_with_article_and_sentence(cli):
    rows = json.loads(cli("quotes", "--speaker", "Quist", "--kind", "stance", "--json").stdout)
    assert [r["text"] for r in rows] == ["the unions want a longer contract"]
    assert rows[0]["sentence"]["text"] == "Quist believes that the unions want a longer contract."
    assert rows[0]["title"] == "Valmora port strike ends" and rows[0]["url"] == "https://news.example/strike"
    found = json.loads(cli("quotes", "--search", "refinery", "--json").stdout)
    assert [r["speaker"]["name"] for r in found] == ["Mara Quist"]
    assert len(json.loads(cli("quotes", "--article", cli.ids["bergs"], "--json").stdout)) == 2
    assert len(json.loads(cli("quotes", "--until", "2023-12-31", "--json").stdout)) == 2
    r = cli("quotes", "--limit", "2")
    assert r.exit_code == 0 and "Quotes (2)" in r.stdout and "in its sentence" in r.stdout
    assert _words_whole(r.stdout) == []
    lines = cli("quotes", "--csv").stdout.splitlines()
    assert lines[0].startswith("id,article,span,text,type,kind,speaker") and len(lines) == 7
    assert cli("quotes", "--kind", "rumour").exit_code == EXIT_USAGE
    r = cli("quotes", "--json", "--csv")
    assert r.exit_code == EXIT_USAGE and "not both" in r.stderr


def test_person_record(cli):
    r = cli("person", "quist")
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "Mara Quist" in out and "the harbour director" in out and "no resolved forecast yet" in out
    assert "Stances (reported, not their words) (1)" in out and "Quotes (2)" in out and "Forecasts (2)" in out
    p = json.loads(cli("person", "Mara Quist", "--json").stdout)
    assert len(p["speech"]) == 2 and len(p["timeline"]) == 2
    assert json.loads(cli("person", p["id"], "--json").stdout)["name"] == "Mara Quist"
    r = cli("person", "Berg")
    assert r.exit_code == EXIT_USAGE and "2 people match 'Berg'" in r.stderr and "Traceback" not in r.output
    assert cli("person", "Nobody").exit_code == EXIT_NOT_FOUND


def test_forecasts_and_one_forecast_with_history(cli):
    rows = json.loads(cli("forecasts", "--json", "--today", "2025-01-01").stdout)
    assert [(r["status"], r["article_title"], r["hedge"]) for r in rows] == [
        ("due", "Valmora port strike ends", "will"), ("open", "Fuel prices climb", "will")]
    assert rows[1]["condition"] == "if the refinery restarts"
    assert [r["id"] for r in json.loads(cli("forecasts", "--sort", "deadline", "--due-before", "2024-12-31",
                                            "--json").stdout)] == [rows[0]["id"]]
    assert len(json.loads(cli("forecasts", "--since", "2024-04-01", "--json").stdout)) == 1
    assert len(json.loads(cli("forecasts", "--limit", "1", "--json").stdout)) == 1
    assert cli("forecasts", "--sort", "colour").exit_code == EXIT_USAGE
    table = cli("forecasts").stdout
    assert "if:" in table and "refinery" in table and "Fuel prices" in table
    assert _words_whole(table) == []
    fid = rows[0]["id"]
    with open_ledger(cli.db).begin() as s:
        store.resolve(s, fid, "no", "the port stayed shut in June")
    with open_ledger(cli.db).begin() as s:
        store.resolve(s, fid, "yes", "https://news.example/reopened")
    f = json.loads(cli("forecast", fid, "--json").stdout)
    assert [h["outcome"] for h in f["history"]] == ["no", "yes"] and f["outcome"] == "yes"
    out = cli("forecast", fid).stdout
    assert "Resolutions (2; the last one counts)" in out and "the port stayed shut in June" in out
    assert "said Mara Quist, the harbour director." in out
    assert cli("forecast", 999).exit_code == EXIT_NOT_FOUND


def test_show_lists_the_forecast_ids(cli):
    out = cli("show", cli.ids["fuel"]).stdout
    assert "Forecasts in the ledger (1)" in out
    fid = json.loads(cli("forecasts", "--json").stdout)[1]["id"]
    assert re.search(rf"│ {fid} +│ Mara Quist", out)


def test_shorten_cuts_at_a_word_and_says_so():
    assert shorten("the port will reopen", 40) == "the port will reopen"
    assert shorten("the port will reopen before June", 16) == "the port will…"
    assert shorten("the port, will", 10) == "the port…"
    assert shorten("Supercalifragilistic words", 8) == "Superca…"
    assert shorten("a\x1b[31m red\nline", 40) == "a red line"

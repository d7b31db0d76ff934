"""`onrecord correct` and `onrecord corrections` as a user runs them, on both backends."""
import json

import pytest

from onrecord.cli.common import EXIT_NOT_FOUND, EXIT_USAGE
from tests.cli.ledger_cli import ledger_cli

TEXT = ("“We will cut rates by June,” said Maria Lopez, the central bank governor.\n\n"
        "Tom Berg, an economist, said that inflation will probably fall below 2% by next year.\n")


@pytest.fixture
def cli(nlp, db_url, tmp_path):
    invoke = ledger_cli(db_url, tmp_path, TEXT)
    return invoke


def test_correct_list_and_undo(cli):
    [f] = json.loads(cli("forecasts", "--json").stdout)
    r = cli("correct", "forecast", f["id"], "--owner", "Maria Lopez", "--by", "ana")
    assert r.exit_code == 0 and "correction 1 by ana: forecast owner" in r.stdout
    assert cli("correct", "forecast", f["id"], "--probability", "0.6", "--by", "ana").exit_code == 0
    [f2] = json.loads(cli("forecasts", "--json").stdout)
    assert (f2["owner"], f2["probability"]) == ("Maria Lopez", 0.6)
    listed = json.loads(cli("corrections", "--json").stdout)
    assert [(c["field"], c["value"], c["by"]) for c in listed] == [("probability", "0.6", "ana"),
                                                                    ("owner", "Maria Lopez", "ana")]
    assert "Maria Lopez" in cli("corrections").stdout
    r = cli("corrections", "--undo", 1)
    assert r.exit_code == 0 and "correction 1 undone" in r.stdout
    assert json.loads(cli("forecasts", "--json").stdout)[0]["owner"] == "Tom Berg"
    assert len(json.loads(cli("corrections", "--all", "--json").stdout)) == 2


def test_correct_quote_author_owner_and_errors(cli):
    quotes = [json.loads(line) for line in cli("export", "--what", "quotes").stdout.splitlines()]
    qid = next(q["id"] for q in quotes if q["type"] == "direct")
    assert cli("correct", "quote", qid, "--speaker", "Tom Berg", "--by", "bo").exit_code == 0
    [f] = json.loads(cli("forecasts", "--json").stdout)
    assert cli("correct", "forecast", f["id"], "--owner", "author", "--by", "bo").exit_code == 0
    assert json.loads(cli("forecasts", "--json").stdout)[0]["owner"] is None
    assert cli("correct", "quote", qid, "--by", "bo").exit_code == EXIT_USAGE  # nothing to correct
    assert cli("correct", "quote", qid, "--speaker", "Tom Berg", "--not-a-quote").exit_code == EXIT_USAGE
    r = cli("correct", "quote", 999, "--speaker", "Tom Berg")
    assert r.exit_code == EXIT_NOT_FOUND and "no quote with id 999" in r.stderr
    assert cli("correct", "quote", qid, "--speaker", "Nobody Here").exit_code == EXIT_NOT_FOUND
    assert cli("corrections", "--undo", 999).exit_code == EXIT_NOT_FOUND
    assert cli("correct", "quote", qid, "--not-a-quote", "--by", "bo").exit_code == 0
    assert "(removed)" in cli("corrections").stdout


def test_show_prints_the_article_as_corrected(cli):
    quotes = [json.loads(line) for line in cli("export", "--what", "quotes").stdout.splitlines()]
    direct = next(q for q in quotes if q["type"] == "direct")
    [f] = json.loads(cli("forecasts", "--json").stdout)
    assert cli("correct", "quote", direct["id"], "--speaker", "Tom Berg", "--by", "bo").exit_code == 0
    assert cli("correct", "forecast", f["id"], "--probability", "0.6", "--by", "bo").exit_code == 0
    shown = json.loads(cli("show", direct["article"], "--json").stdout)
    said = next(q for q in shown["quotes"] if q["type"] == "direct")
    assert said["speaker"]["name"] == "Tom Berg" and said["speaker"]["resolved_by"] == "correction"
    assert shown["forecasts"][0]["probability"] == 0.6
    assert "Tom Berg" in cli("show", direct["article"]).stdout
    other = next(q for q in quotes if q["type"] != "direct")
    assert cli("correct", "quote", other["id"], "--not-a-quote", "--by", "bo").exit_code == 0
    shown = json.loads(cli("show", direct["article"], "--json").stdout)
    assert len(shown["quotes"]) == len(quotes) - 1
    assert all(f["quote"] is None or f["quote"] < len(shown["quotes"]) for f in shown["forecasts"])

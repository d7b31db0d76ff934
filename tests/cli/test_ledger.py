"""The ledger commands as a user runs them, and the issue's acceptance on the seed article."""
import json

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.cli.common import EXIT_LEDGER, EXIT_NOT_FOUND, EXIT_OUTPUT, EXIT_USAGE

ZELENSKY = ("President Volodymyr Zelenskyy said that the front would hold through the winter.\n\n"
            "“We will not give up,” Zelensky said.\n")


@pytest.fixture
def cli(nlp):
    runner = CliRunner()

    def invoke(*args):
        r = runner.invoke(app, [str(a) for a in args])
        return r
    return invoke


def test_seed_workflow(cli, shared, tmp_path, db_url):
    """Seed + a synthetic article: one Zelensky; Gauchu's forecast resolved `no` scores p²."""
    (tmp_path / "z.txt").write_text(ZELENSKY, encoding="utf-8")
    r = cli("ingest", shared / "samples" / "moscow-drone-analysis.txt", tmp_path / "z.txt", "--db", db_url,
            "--published", "2023-05-31")
    assert r.exit_code == 0, r.output
    assert "2 added, 0 skipped as duplicates, 0 failed" in r.stdout
    r = cli("ingest", shared / "samples" / "moscow-drone-analysis.txt", "--db", db_url)
    assert "0 added, 1 skipped as duplicates" in r.stdout

    people = json.loads(cli("people", "--search", "elensk", "--json", "--db", db_url).stdout)
    assert len(people) == 1 and people[0]["articles"] == 2
    assert set(people[0]["forms"]) >= {"Zelenskyi", "Volodymyr Zelenskyy"}

    fs = json.loads(cli("forecasts", "--owner", "Gauchu", "--json", "--db", db_url, "--today", "2025-01-01").stdout)
    gauchu = next(f for f in fs if f["deadline"] == "2024-11-30")
    assert gauchu["status"] == "due"
    r = cli("resolve", gauchu["id"], "--outcome", "no", "--evidence", "Putin still in power on 2024-11-30",
            "--on", "2024-11-30", "--db", db_url)
    assert r.exit_code == 0, r.output
    scores = json.loads(cli("scores", "--json", "--db", db_url).stdout)
    row = next(s for s in scores if s["owner"] == "Armand Gauchu")
    assert row["brier"] == pytest.approx(gauchu["probability"] ** 2)
    assert row["baseline_brier"] == 0.25

    table = cli("scores", "--db", db_url).stdout
    assert "Gauchu" in table and "Brier" in table


def test_people_merge_and_split_commands(cli, tmp_path):
    db = tmp_path / "l.db"
    (tmp_path / "a.txt").write_text("Jon Doe said that the bridge was safe.\n")
    (tmp_path / "b.txt").write_text("Jonathan Doe-Smith said that the tunnel was safe.\n")
    cli("ingest", tmp_path, "--db", db)
    ids = {p["name"]: p["id"] for p in json.loads(cli("people", "--json", "--db", db).stdout)}
    r = cli("people", "merge", ids["Jon Doe"], ids["Jonathan Doe-Smith"], "--db", db)
    assert r.exit_code == 0 and "merged" in r.stdout
    assert len(json.loads(cli("people", "--json", "--db", db).stdout)) == 1
    r = cli("people", "split", ids["Jon Doe"], "--name", "Nobody Known", "--db", db)
    assert r.exit_code != 0 and "no mention written" in r.stderr
    r = cli("people", "merge", 999, ids["Jon Doe"], "--db", db)
    assert r.exit_code != 0 and "no person with id 999" in r.stderr


def test_show_and_export(cli, tmp_path):
    db = tmp_path / "l.db"
    (tmp_path / "z.txt").write_text(ZELENSKY, encoding="utf-8")
    cli("ingest", tmp_path / "z.txt", "--db", db)
    r = cli("show", 1, "--db", db)
    assert r.exit_code == 0 and "Volodymyr Zelenskyy" in r.stdout and "Quotes (2)" in r.stdout
    assert json.loads(cli("show", 1, "--json", "--db", db).stdout)["quotes"]
    assert cli("show", 42, "--db", db).exit_code != 0
    r = cli("export", "--format", "csv", "--what", "quotes", "--db", db)
    assert r.exit_code == 0 and r.stdout.splitlines()[0].startswith("id,article,start,end")
    out = tmp_path / "f.parquet"
    assert cli("export", "--format", "parquet", "--what", "forecasts", "-o", out, "--db", db).exit_code == 0
    assert out.stat().st_size > 0
    assert cli("export", "--format", "parquet", "--db", db).exit_code == 2


def test_ingest_reports_failures(cli, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("Jon Doe said that the bridge was safe.\n")
    r = cli("ingest", tmp_path, "--db", tmp_path / "l.db")
    assert r.exit_code == 6
    assert "empty input" in r.stderr and "1 added" in r.stdout


def test_bad_database_url(cli, tmp_path):
    r = cli("people", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert r.exit_code == EXIT_LEDGER and "cannot open the ledger" in r.stderr and "Traceback" not in r.output

"""The `onrecord analyze` command as a user runs it: formats, JSONL, and every kind of bad input."""
import gzip
import json

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.sources.files import EXIT_BAD_INPUT, EXIT_NOT_ENGLISH, EXIT_SOME_FAILED, EXIT_TOO_LARGE

ARTICLE = "“Prices will fall next year,” Peter Okafor said on Tuesday.\n\nThe bank disagreed.\n"
FRENCH = ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites. Les syndicats ont appelé "
          "à la grève générale dans tout le pays, et les transports publics seront fortement perturbés.")


@pytest.fixture(scope="module")
def cli(nlp):
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, list(args), input=input)
    return invoke


def test_json_output_follows_the_contract(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = cli("analyze", str(f), "--published", "2024-03-06", "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert set(d) >= {"id", "article", "people", "quotes", "forecasts"}
    assert d["article"]["text"] == ARTICLE  # offsets point into the file as read
    q = d["quotes"][0]
    assert ARTICLE[q["span"][0]:q["span"][1]] == q["text"]
    assert q["speaker"]["name"] == "Peter Okafor"
    assert d["forecasts"][0]["deadline"] == "2025-12-31"


def test_report_for_a_person(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = cli("analyze", str(f))
    assert r.exit_code == 0
    assert "Peter Okafor" in r.stdout and "Quotes (1)" in r.stdout and "Forecasts (1)" in r.stdout


def test_stdin(cli):
    r = cli("analyze", "-", "--jsonl", input=ARTICLE)
    assert r.exit_code == 0 and json.loads(r.stdout)["quotes"]


def test_jsonl_keeps_ids_and_order_and_survives_a_bad_line(cli, tmp_path):
    f = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "one", "text": ARTICLE, "published": "2024-03-06"}),
             "{not json",
             json.dumps({"id": "two", "text": "Nothing said here. The sea was calm on Monday."}),
             json.dumps({"id": "three", "html": f"<html><body><article><p>{ARTICLE}</p></article></body></html>"})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("analyze", str(f), "--jsonl")
    assert r.exit_code == EXIT_SOME_FAILED
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["one", None, "two", "three"]  # every input line, one output line
    assert out[1]["line"] == 2 and "malformed JSON line" in out[1]["error"]
    assert f"{f}:2: malformed JSON line" in r.stderr


def test_html_page(cli, tmp_path):
    body = " ".join(["<p>“Prices will fall next year,” Peter Okafor said on Tuesday.</p>"] +
                    [f"<p>The bank disagreed with him on point number {i}, as it had in the past.</p>" for i in range(8)])
    html = f"<html><head><title>Bank row</title></head><body><article><h1>Bank row</h1>{body}</article></body></html>"
    f = tmp_path / "page.html.gz"
    f.write_bytes(gzip.compress(html.encode()))
    r = cli("analyze", str(f), "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["article"]["title"] == "Bank row"
    assert d["quotes"][0]["speaker"]["name"] == "Peter Okafor"


@pytest.mark.parametrize("content, code, message", [
    (b"", EXIT_BAD_INPUT, "empty input"),
    (b"   \n\n", EXIT_BAD_INPUT, "empty input"),
    (b"\x00\x01\x02binary\x00" * 50, EXIT_BAD_INPUT, "binary file"),
])
def test_bad_files(cli, tmp_path, content, code, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    r = cli("analyze", str(f), "--json")
    assert r.exit_code == code
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_missing_file(cli, tmp_path):
    r = cli("analyze", str(tmp_path / "nope.txt"))
    assert r.exit_code == EXIT_BAD_INPUT and "no such file" in r.stderr


def test_legacy_encoding_is_detected_and_said(cli, tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("“Les prix vont baisser”, said the café owner Zoë Müller. The résumé is ready.".replace("“", '"').replace("”", '"').encode("cp1252"))
    r = cli("analyze", str(f), "--json")
    assert r.exit_code == 0
    assert "not UTF-8; decoded as" in r.stderr
    assert "Zoë Müller" in json.loads(r.stdout)["article"]["text"]


def test_too_large(cli, tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 100, encoding="utf-8")
    r = cli("analyze", str(f), "--max-bytes", "1000")
    assert r.exit_code == EXIT_TOO_LARGE and "over the limit" in r.stderr


def test_not_english(cli, tmp_path):
    f = tmp_path / "fr.txt"
    f.write_text(FRENCH, encoding="utf-8")
    r = cli("analyze", str(f), "--json")
    assert r.exit_code == EXIT_NOT_ENGLISH
    assert "is in 'fr'" in r.stderr
    d = json.loads(r.stdout)
    assert d["article"]["language"] == "fr" and d["quotes"] == [] and d["forecasts"] == []


def test_bad_date_is_a_usage_error(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = cli("analyze", str(f), "--published", "31/05/2023")
    assert r.exit_code == 2


def test_help_teaches(cli):
    r = cli("analyze", "--help")
    assert r.exit_code == 0 and "Exit codes" in r.stdout and "--published" in r.stdout


def test_an_article_that_breaks_the_analysis_does_not_stop_the_run(cli, tmp_path, monkeypatch):
    import onrecord.extract.quotes as quotes
    real = quotes.find_quotes

    def fragile(doc):
        if "POISON" in doc.text:
            raise RuntimeError("synthetic failure")
        return real(doc)
    monkeypatch.setattr(quotes, "find_quotes", fragile)
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                           (("a", ARTICLE), ("b", "POISON " + ARTICLE), ("c", ARTICLE + " More."))) + "\n")
    r = cli("analyze", str(f), "--jsonl")
    assert r.exit_code == EXIT_SOME_FAILED
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out if "quotes" in o] == ["a", "c"]
    assert "c.jsonl:2: analysis failed (RuntimeError: synthetic failure)" in r.stderr
    assert next(o for o in out if o["id"] == "b")["error"].endswith("please report this article")


def test_report_shows_speech_and_stance_apart(cli, tmp_path):
    f = tmp_path / "k.txt"
    f.write_text("Maria Lund said that the harbour would reopen.\n\nPeter Okafor believes the strike will last.\n",
                 encoding="utf-8")
    out = cli("analyze", str(f)).stdout
    assert "Quotes (1)" in out and "Stance attributions (1)" in out
    assert out.index("Quotes (1)") < out.index("the harbour would") < out.index("Stance attributions (1)") \
        < out.index("the strike will last")


def test_a_text_file_is_dated_as_ingest_dates_it(cli, tmp_path):
    """--published wins; else the sidecar; else a date in the file name (the same rule as ingest)."""
    text = "“Prices will probably rise next year,” Ada Brown said."
    (tmp_path / "bridge.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bridge.txt.json").write_text('{"published": "2021-05-04", "title": "The bridge"}', encoding="utf-8")
    (tmp_path / "times_2019-02-03_bridge.txt").write_text(text, encoding="utf-8")
    side = json.loads(cli("analyze", str(tmp_path / "bridge.txt"), "--json").stdout)
    assert side["article"]["published"] == "2021-05-04" and side["article"]["title"] == "The bridge"
    assert side["forecasts"][0]["deadline"] == "2022-12-31"
    named = json.loads(cli("analyze", str(tmp_path / "times_2019-02-03_bridge.txt"), "--json").stdout)
    assert named["article"]["published"] == "2019-02-03"
    given = json.loads(cli("analyze", str(tmp_path / "bridge.txt"), "--published", "2020-01-01", "--json").stdout)
    assert given["article"]["published"] == "2020-01-01"

"""onrecord.analyze on text no UTF-8 encoder accepts as it stands."""
import json

from typer.testing import CliRunner

from onrecord.cli import app

TEXT = "“We will win next year,” Peter Okafor said. \ud83a The rest \udc00 followed."


def test_lone_surrogates_become_replacement_characters_in_place(run):
    a = run(TEXT, id="art-\ud83a", title="Title \udfff")
    assert a.article.text == TEXT.replace("\ud83a", "\ufffd").replace("\udc00", "\ufffd")
    assert len(a.article.text) == len(TEXT)
    assert a.article.id == "art-\ufffd" and a.article.title == "Title \ufffd"
    out = json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8")
    assert "\ud83a".encode("utf-8", "surrogatepass") not in out
    assert any(q.text for q in a.quotes)
    for q in a.quotes:
        assert a.article.text[q.span[0]:q.span[1]] == q.text


def test_ingest_stores_an_article_with_lone_surrogates(nlp, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "a\ud83a", "title": "t\ud83a", "text": TEXT, "published": "2024-03-06"}) + "\n",
                 encoding="utf-8")
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-m", "onrecord", "ingest", str(f), "--db", str(tmp_path / "l.db")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stdout and "0 failed" in r.stdout
    r = CliRunner().invoke(app, ["analyze", str(f), "--json"])
    assert r.exit_code == 0, r.output


def test_analyze_many_takes_plain_strings_like_nlp_pipe(nlp):
    from onrecord import analyze_many
    texts = ["Maria Lopez said that the bridge would reopen.\n", "No one said anything here.\n"]
    out = list(analyze_many(texts))
    assert [a.article.text for a in out] == texts
    assert out[0].people and out[0].people[0].name == "Maria Lopez"


def test_analyze_many_takes_requests_with_a_date(nlp):
    import datetime as dt

    from onrecord import Request, analyze_many
    reqs = [Request("Maria Lopez said the rates will rise next year.\n", published=dt.date(2024, 3, 6), id="r1"),
            "Plain text with no date.\n"]
    first, second = analyze_many(reqs)
    assert first.article.published == "2024-03-06" and first.article.id == "r1"
    assert first.forecasts and first.forecasts[0].deadline == "2025-12-31"
    assert second.article.published is None


def test_analyze_takes_a_date_or_a_datetime(run):
    import datetime as dt
    text = "Maria Lopez said the rates will rise next year.\n"
    by_date = run(text, published=dt.date(2024, 3, 6))
    by_datetime = run(text, published=dt.datetime(2024, 3, 6, 23, 30))
    assert by_date.to_dict() == run(text, published="2024-03-06").to_dict() == by_datetime.to_dict()

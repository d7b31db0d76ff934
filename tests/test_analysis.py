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

"""The ledger on SQLite and PostgreSQL: ingest, duplicates, identities, resolutions, scores, export."""
import datetime as dt
import io
import json

import pytest

from onrecord.ledger import export, scoring, store
from onrecord.ledger.db import open_ledger
from onrecord.ledger.ingest import ingest

ZELENSKY_A = ("“We will win this war before the winter,” President Volodymyr Zelenskyy said on Monday.\n\n"
              "Zelensky added that the front was holding.\n")
ZELENSKY_B = "President Zelenskiy said that the talks would resume.\n"
ZELENSKY_C = "Zelenskyi said that the army was ready.\n"
BERG_A = "Anna Berg, a lawyer in Oslo, said that the ruling was wrong.\n"
BERG_B = "Thomas Berg, a farmer from Hedmark, said that the harvest was poor.\n"
FORECAST = "“Prices will fall within a year and a half at the most,” – Armand Gauchu\n\nThe bank disagreed.\n"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_ingest_counts_and_reingest_adds_nothing(db_url, tmp_path, nlp):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a.txt", ZELENSKY_A)
    write(corpus, "b.txt", BERG_A)
    (corpus / "c.jsonl").write_text(json.dumps({"id": "c", "text": BERG_B, "url": "https://example.org/c"}) + "\n"
                                    + json.dumps({"id": "dup", "text": BERG_A}) + "\n{broken\n", encoding="utf-8")
    (corpus / "notes.md").write_text("not an article")
    c = ingest([str(corpus)], db_url)
    assert (c.added, c.duplicate, c.failed) == (3, 1, 1)
    again = ingest([str(corpus)], db_url)
    assert (again.added, again.duplicate) == (0, 4)


def test_one_identity_across_spellings(db_url, tmp_path, nlp):
    for i, text in enumerate((ZELENSKY_A, ZELENSKY_B, ZELENSKY_C)):
        write(tmp_path, f"z{i}.txt", text)
    ingest([str(tmp_path)], db_url)
    with open_ledger(db_url)() as s:
        zs = [p for p in store.people(s) if "elensk" in p["name"]]
    assert len(zs) == 1
    assert zs[0]["name"] == "Volodymyr Zelenskyy" and zs[0]["articles"] == 3


def test_same_surname_different_people_stay_two(db_url, tmp_path, nlp):
    write(tmp_path, "a.txt", BERG_A)
    write(tmp_path, "b.txt", BERG_B)
    ingest([str(tmp_path)], db_url)
    with open_ledger(db_url)() as s:
        assert sorted(p["name"] for p in store.people(s, "Berg")) == ["Anna Berg", "Thomas Berg"]


def test_surname_with_same_description_joins(db_url, tmp_path, nlp):
    write(tmp_path, "a.txt", "Michael Botsyurkiv, a senior fellow at the Atlantic Council, said the attack failed.\n")
    write(tmp_path, "b.txt", "Anna Botsyurkiv, a painter, said the show was a success.\n")
    write(tmp_path, "c.txt", "Botsyurkiv, a senior fellow at the Atlantic Council, said that more attacks would follow.\n")
    ingest([str(tmp_path)], db_url)
    with open_ledger(db_url)() as s:
        people = {p["name"]: p for p in store.people(s, "Botsyurkiv")}
    assert set(people) == {"Michael Botsyurkiv", "Anna Botsyurkiv"}
    assert people["Michael Botsyurkiv"]["articles"] == 2


def test_merge_and_split_survive_later_ingests(db_url, tmp_path, nlp):
    write(tmp_path, "a.txt", "Jon Doe said that the bridge was safe.\n")
    write(tmp_path, "b.txt", "Jonathan Doe-Smith said that the tunnel was safe.\n")
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], db_url)
    Session = open_ledger(db_url)
    with Session.begin() as s:
        ids = {p["name"]: p["id"] for p in store.people(s)}
        store.merge(s, ids["Jon Doe"], ids["Jonathan Doe-Smith"])
    write(tmp_path, "c.txt", "Jonathan Doe-Smith said that the road was safe.\n")
    ingest([str(tmp_path / "c.txt")], db_url)
    with Session() as s:
        people = store.people(s, "Doe")
    assert len(people) == 1 and people[0]["articles"] == 3
    with Session.begin() as s:
        new = store.split(s, people[0]["id"], "Jonathan Doe-Smith")
        new_id = new.id
    write(tmp_path, "d.txt", "Jonathan Doe-Smith said that the port was safe.\n")
    ingest([str(tmp_path / "d.txt")], db_url)
    with Session() as s:
        by_id = {p["id"]: p for p in store.people(s, "Doe")}
    assert by_id[new_id]["articles"] == 3 and len(by_id) == 2


def test_resolution_and_brier(db_url, tmp_path, nlp):
    write(tmp_path, "f.txt", FORECAST)
    ingest([str(tmp_path)], db_url, published="2023-05-31")
    Session = open_ledger(db_url)
    with Session() as s:
        fs = store.forecasts(s, owner="Gauchu", today=dt.date(2025, 1, 1))
    assert len(fs) == 1
    f = fs[0]
    assert f["deadline"] == "2024-11-30" and f["status"] == "due"
    with Session() as s:
        assert store.forecasts(s, status="open", today=dt.date(2024, 1, 1))[0]["id"] == f["id"]
    with Session.begin() as s:
        store.resolve(s, f["id"], "yes", "first reading", dt.date(2024, 12, 1))
        store.resolve(s, f["id"], "no", "https://example.org/still-in-power", dt.date(2024, 12, 2))
    with Session() as s:
        row = store.forecasts(s, owner="Gauchu")[0]
        assert row["status"] == "resolved" and row["outcome"] == "no"
        from onrecord.ledger.schema import Resolution
        assert s.query(Resolution).count() == 2  # the first is superseded, not erased
        [score] = [r for r in scoring.scores(s) if r["owner"] == "Armand Gauchu"]
    assert score["brier"] == pytest.approx(f["probability"] ** 2) and score["baseline_brier"] == 0.25
    assert score["hit_rate"] == 0.0 and score["calibration"][0]["observed"] == 0.0


def test_resolve_rejects_bad_input(db_url, tmp_path, nlp):
    write(tmp_path, "f.txt", FORECAST)
    ingest([str(tmp_path)], db_url)
    with open_ledger(db_url).begin() as s:
        fid = store.forecasts(s)[0]["id"]
        with pytest.raises(store.LedgerError):
            store.resolve(s, fid, "maybe", "x")
        with pytest.raises(store.LedgerError):
            store.resolve(s, fid, "yes", "  ")
        with pytest.raises(store.LedgerError):
            store.resolve(s, 999, "yes", "x")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("what", ["quotes", "forecasts", "people"])
def test_export(db_url, tmp_path, nlp, fmt, what):
    write(tmp_path, "f.txt", FORECAST)
    write(tmp_path, "a.txt", BERG_A)
    ingest([str(tmp_path)], db_url)
    buf = io.BytesIO()
    with open_ledger(db_url)() as s:
        n = export.write(s, what, fmt, buf)
    assert n >= 1
    data = buf.getvalue()
    if fmt == "parquet":
        import pyarrow.parquet as pq
        assert pq.read_table(io.BytesIO(data)).num_rows == n
    elif fmt == "csv":
        assert len(data.decode().strip().splitlines()) == n + 1
    else:
        assert len([json.loads(line) for line in data.decode().splitlines()]) == n

"""Corrections by hand on SQLite and PostgreSQL: applied at once, recorded with who and when,
applied again when the same text is stored anew, undone back to the analysis."""
import datetime as dt

import pytest
from sqlalchemy import delete, select

from onrecord.ledger import corrections, store
from onrecord.ledger.db import open_ledger
from onrecord.ledger.ingest import ingest
from onrecord.ledger.schema import Article, Forecast, InputHash, Mention, Quote

TEXT = ("“We will cut rates by June,” said Maria Lopez, the central bank governor.\n\n"
        "Tom Berg, an economist, said that inflation will probably fall below 2% by next year.\n")


@pytest.fixture
def ledger(db_url, tmp_path, nlp):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    ingest([str(path)], db_url, published="2024-03-06")
    Session = open_ledger(db_url)
    with Session() as s:
        people = {p["name"]: p["id"] for p in store.people(s)}
        quotes = {q.text.strip('“”"'): q.id for q in s.scalars(select(Quote))}
        [forecast] = s.scalars(select(Forecast.id))
    return Session, people, quotes, forecast, path


def _reingest(Session, path, db_url):
    """The article gone from the ledger (as after a rebuild) and ingested again."""
    with Session.begin() as s:
        a = s.scalar(select(Article))
        for model in (Quote, Forecast, Mention, InputHash):
            s.execute(delete(model).where(model.article_id == a.id))
        s.execute(delete(Article).where(Article.id == a.id))
    assert ingest([str(path)], db_url, published="2024-03-06").added == 1


def test_forecast_corrections_apply_now_and_after_a_reingest(ledger, db_url):
    Session, people, _, fid, path = ledger
    with Session.begin() as s:
        corrections.correct(s, "forecast", fid, "owner", people["Maria Lopez"], by="ana")
        corrections.correct(s, "forecast", fid, "deadline", "2025-06-30", by="ana")
        corrections.correct(s, "forecast", fid, "probability", 0.6, by="bo")
    with Session() as s:
        [row] = store.forecasts(s)
        assert (row["owner"], row["deadline"], row["probability"]) == ("Maria Lopez", "2025-06-30", 0.6)
        listed = corrections.listing(s)
        assert [(c["field"], c["by"]) for c in listed] == [("probability", "bo"), ("deadline", "ana"), ("owner", "ana")]
        assert listed[0]["text"] == "inflation will probably fall below 2% by next year"
        assert dt.datetime.fromisoformat(listed[0]["created_at"]).year >= 2024
    _reingest(Session, path, db_url)
    with Session() as s:
        [row] = store.forecasts(s)
        assert (row["owner"], row["deadline"], row["probability"]) == ("Maria Lopez", "2025-06-30", 0.6)


def test_speaker_and_not_a_quote_survive_a_reingest(ledger, db_url):
    Session, people, quotes, _, path = ledger
    cut, inflation = quotes["We will cut rates by June,"], quotes["inflation will probably fall below 2% by next year"]
    with Session.begin() as s:
        corrections.correct(s, "quote", cut, "speaker", people["Tom Berg"], by="ana")
        corrections.correct(s, "quote", inflation, "not_a_quote", by="ana")
    for _ in range(2):
        with Session() as s:
            [q] = s.scalars(select(Quote)).all()
            assert q.text.startswith("“We will cut") and s.get(Mention, q.mention_id).name == "Tom Berg"
        _reingest(Session, path, db_url)


def test_undo_restores_the_analysis_and_keeps_the_other_corrections(ledger):
    Session, people, quotes, fid, _ = ledger
    inflation = quotes["inflation will probably fall below 2% by next year"]
    with Session.begin() as s:
        owner = corrections.correct(s, "forecast", fid, "owner", None, by="ana")  # the author's, wrongly
        corrections.correct(s, "forecast", fid, "deadline", "2025-06-30", by="ana")
        removed = corrections.correct(s, "quote", inflation, "not_a_quote", by="ana")
    with Session.begin() as s:
        assert store.forecasts(s)[0]["owner"] is None
        corrections.undo(s, owner.id)
        corrections.undo(s, removed.id)
    with Session() as s:
        [row] = store.forecasts(s)
        assert (row["id"], row["owner"], row["deadline"]) == (fid, "Tom Berg", "2025-06-30")
        assert s.scalar(select(Quote).where(Quote.text.like("inflation%"))) is not None
        assert [c["field"] for c in corrections.listing(s)] == ["deadline"]
        assert {c["id"]: c["undone_at"] is not None for c in corrections.listing(s, include_undone=True)}[owner.id]
    with Session.begin() as s, pytest.raises(store.LedgerError, match="was undone"):
        corrections.undo(s, owner.id)


def test_bad_corrections_are_refused(ledger):
    Session, people, quotes, fid, _ = ledger
    with Session.begin() as s:
        with pytest.raises(store.NotFound):
            corrections.correct(s, "quote", 999, "speaker", people["Tom Berg"], by="ana")
        with pytest.raises(store.NotFound):
            corrections.correct(s, "forecast", fid, "owner", 999, by="ana")
        with pytest.raises(store.LedgerError, match="between 0 and 1"):
            corrections.correct(s, "forecast", fid, "probability", 1.5, by="ana")
        with pytest.raises(store.LedgerError, match="--by"):
            corrections.correct(s, "forecast", fid, "deadline", "2025-01-01", by=" ")
        with pytest.raises(store.LedgerError, match="no correctable field"):
            corrections.correct(s, "quote", fid, "deadline", "2025-01-01", by="ana")
        store.resolve(s, fid, "yes", "it fell")
        with pytest.raises(store.LedgerError, match="resolve it void"):
            corrections.correct(s, "forecast", fid, "not_a_forecast", by="ana")


def test_find_person_by_id_or_exact_name(ledger):
    Session, people, *_ = ledger
    with Session() as s:
        assert corrections.find_person(s, "tom berg").id == people["Tom Berg"]
        assert corrections.find_person(s, str(people["Maria Lopez"])).name == "Maria Lopez"
        with pytest.raises(store.NotFound):
            corrections.find_person(s, "Nobody Here")



def test_an_unnamed_owner_is_kept_and_shown_then_corrected_to_the_author(db_url, tmp_path, nlp):
    """"Analysts say" owns its forecast: the row keeps their words (never the author's), and
    correcting the owner to the author clears them."""
    path = tmp_path / "b.txt"
    path.write_text("Prices will probably rise next year, analysts say.", encoding="utf-8")
    ingest([str(path)], db_url, published="2024-03-06")
    Session = open_ledger(db_url)
    with Session() as s:
        f = s.scalar(select(Forecast))
        row = store.forecast_row(s, f, dt.date(2024, 3, 7))
        assert row["owner"] is None and row["owner_text"] == "analysts"
        assert store.owner_label(row) == "analysts (unnamed)"
    with Session.begin() as s:
        corrections.correct(s, "forecast", f.id, "owner", None, by="ana")
    with Session() as s:
        row = store.forecast_row(s, s.get(Forecast, f.id), dt.date(2024, 3, 7))
        assert row["owner_text"] is None and store.owner_label(row) == "(author)"

"""The read layer on SQLite and PostgreSQL: full-text search, filters, a person's record, forecasts
with their articles and history, and the SQL views."""
import datetime as dt

import pytest
from sqlalchemy import text

from onrecord.ledger import queries, store
from onrecord.ledger.db import open_ledger

from .made_up import fill

TODAY = dt.date(2025, 1, 1)


@pytest.fixture
def ledger(db_url):
    ids = fill(db_url)
    return open_ledger(db_url), ids


def test_quote_search_needs_every_word_and_stems(ledger):
    Session, _ = ledger
    with Session() as s:
        assert [q["text"] for q in queries.quotes(s, search="reopened")] == ["The port will reopen before June"]
        assert [q["text"] for q in queries.quotes(s, search="port june")] == ["The port will reopen before June"]
        assert queries.quotes(s, search="port zeppelin") == []
        # the engine's own syntax is only text: no error, and no match for the operators
        assert queries.quotes(s, search='"NEAR(* : -') == []
        assert queries.quotes(s, search="prices") and queries.quotes(s, search="PRICES")


def test_search_ranks_the_closer_match_first(ledger):
    Session, ids = ledger
    with Session() as s:
        rows, total = queries.articles(s, search="fuel")
        assert total == 1 and rows[0]["id"] == ids["fuel"]
        # "strike" is in one article's title and in another's body: the title weighs more
        rows, _ = queries.articles(s, search="strike")
        assert [r["id"] for r in rows] == [ids["strike"], ids["fuel"]]
        rows, _ = queries.articles(s, search="said")
        assert {r["id"] for r in rows} == set(ids.values())


def test_quotes_carry_kind_speaker_article_and_sentence(ledger):
    Session, ids = ledger
    with Session() as s:
        stance = queries.quotes(s, kind="stance", context=True)
        assert [q["text"] for q in stance] == ["the unions want a longer contract"]
        q = stance[0]
        assert q["sentence"]["text"] == "Quist believes that the unions want a longer contract."
        a = store.article(s, ids["strike"])
        assert a.text[slice(*q["sentence"]["span"])] == q["sentence"]["text"]
        assert (q["title"], q["outlet"], q["published"], q["url"]) == (
            "Valmora port strike ends", "news.example", "2024-03-06", "https://news.example/strike")
        assert {x["text"] for x in queries.quotes(s, speaker="quist", kind="speech")} == {
            "The port will reopen before June", "Prices will fall within a year if the refinery restarts"}
        brandt = queries.quotes(s, speaker="Brandt")[0]["speaker"]["person_id"]
        assert [x["text"] for x in queries.quotes(s, speaker=str(brandt))] == ["the talks had been difficult"]
        assert len(queries.quotes(s, article_id=ids["bergs"])) == 2
        assert {x["article"] for x in queries.quotes(s, since=dt.date(2024, 4, 1))} == {ids["fuel"]}
        assert {x["article"] for x in queries.quotes(s, until=dt.date(2023, 12, 31))} == {ids["bergs"]}
        assert len(queries.quotes(s, limit=2)) == 2
        with pytest.raises(store.LedgerError):
            queries.quotes(s, kind="rumour")


def test_articles_filter_by_outlet_and_date(ledger):
    Session, ids = ledger
    with Session() as s:
        rows, total = queries.articles(s)
        assert total == 3 and [r["id"] for r in rows] == [ids["fuel"], ids["strike"], ids["bergs"]]
        assert rows[0]["quotes"] == 2 and rows[0]["forecasts"] == 1
        assert [r["id"] for r in queries.articles(s, outlet_name="NEWS.example")[0]] == [ids["strike"]]
        assert [r["id"] for r in queries.articles(s, since=dt.date(2024, 1, 1), until=dt.date(2024, 3, 31))[0]] == \
            [ids["strike"]]
        page, total = queries.articles(s, limit=1, offset=1)
        assert total == 3 and [r["id"] for r in page] == [ids["strike"]]


def test_person_by_name_spelling_or_id(ledger):
    Session, ids = ledger
    with Session.begin() as s:
        p = queries.person(s, "quist", TODAY)
        assert p["name"] == "Mara Quist" and p["forms"] == {"Mara Quist": 2}
        assert p["descriptions"] == ["the harbour director"]
        assert [q["text"] for q in p["speech"]] == ["The port will reopen before June",
                                                     "Prices will fall within a year if the refinery restarts"]
        assert [q["text"] for q in p["stance"]] == ["the unions want a longer contract"]
        assert [e["article"] for e in p["timeline"]] == [ids["strike"], ids["fuel"]]
        assert [f["status"] for f in p["forecasts"]] == ["due", "open"] and p["score"] is None
        store.resolve(s, p["forecasts"][0]["id"], "yes", "https://news.example/reopened", dt.date(2024, 5, 2))
    with Session() as s:
        p2 = queries.person(s, str(p["id"]), TODAY)
        assert p2["forecasts"][0]["status"] == "resolved" and p2["forecasts"][0]["outcome"] == "yes"
        assert p2["score"]["resolved"] == 1 and p2["score"]["brier"] == pytest.approx(0.01)
        assert queries.person(s, "Anna Berg")["name"] == "Anna Berg"
        with pytest.raises(store.LedgerError, match="2 people match 'Berg'"):
            queries.person(s, "Berg")
        with pytest.raises(store.NotFound):
            queries.person(s, "Nobody Known")
        with pytest.raises(store.NotFound):
            queries.person(s, "999")


def test_forecasts_with_articles_filters_and_sorts(ledger):
    Session, ids = ledger
    with Session() as s:
        rows = queries.forecasts(s, today=TODAY)
        assert [(r["article_title"], r["url"]) for r in rows] == [
            ("Valmora port strike ends", "https://news.example/strike"), ("Fuel prices climb", "https://other.example/fuel")]
        assert rows[1]["condition"] == "if the refinery restarts" and rows[1]["hedge"] == "will"
        assert [r["article"] for r in queries.forecasts(s, since=dt.date(2024, 4, 1))] == [ids["fuel"]]
        assert [r["article"] for r in queries.forecasts(s, until=dt.date(2024, 3, 6))] == [ids["strike"]]
        assert [r["deadline"] for r in queries.forecasts(s, due_before=dt.date(2024, 12, 31))] == ["2024-06-30"]
        assert [r["probability"] for r in queries.forecasts(s, sort="probability")] == [0.9, 0.8]
        assert [r["deadline"] for r in queries.forecasts(s, sort="deadline", limit=1)] == ["2024-06-30"]
        assert [r["status"] for r in queries.forecasts(s, status="due", today=TODAY)] == ["due"]
        with pytest.raises(store.LedgerError):
            queries.forecasts(s, sort="colour")


def test_one_forecast_keeps_its_history(ledger):
    Session, _ = ledger
    with Session.begin() as s:
        fid = queries.forecasts(s)[0]["id"]
        store.resolve(s, fid, "no", "the port stayed shut", dt.date(2024, 7, 1))
        store.resolve(s, fid, "yes", "https://news.example/reopened", dt.date(2024, 6, 20))
    with Session() as s:
        f = queries.forecast(s, fid, TODAY)
        assert f["sentence"]["text"].strip() == "“The port will reopen before June,” said Mara Quist, the harbour director."
        assert [(h["outcome"], h["evidence_link"]) for h in f["history"]] == [
            ("no", None), ("yes", "https://news.example/reopened")]
        assert f["outcome"] == "yes" and f["status"] == "resolved"
        with pytest.raises(store.NotFound):
            queries.forecast(s, 999)


def test_sql_views_join_names_and_titles(ledger):
    Session, ids = ledger
    with Session() as s:
        rows = s.execute(text("SELECT speaker, article_title, kind, text FROM quotes_view ORDER BY id")).all()
        assert rows[1] == ("Mara Quist", "Valmora port strike ends", "stance", "the unions want a longer contract")
        f = s.execute(text("SELECT owner, article_title, probability, outcome, resolutions FROM forecasts_view "
                           "ORDER BY id")).first()
        assert tuple(f) == ("Mara Quist", "Valmora port strike ends", 0.9, None, 0)
        people = {r.name: r for r in s.execute(text("SELECT * FROM people_view"))}
        quist = people["Mara Quist"]
        assert (quist.written_as, quist.articles, quist.quotes, quist.stances, quist.forecasts) == (
            "Mara Quist", 2, 2, 1, 2)


def test_kind_is_a_column(ledger):
    Session, _ = ledger
    with Session() as s:
        kinds = dict(s.execute(text("SELECT text, kind FROM quotes")).all())
        assert kinds["the unions want a longer contract"] == "stance"
        assert kinds["the ruling was wrong"] == "speech"


def test_a_persons_quotes_count_speech_only(ledger):
    """Mara Quist said two things; that she believes the unions want more is a stance, not a quote."""
    Session, _ = ledger
    with Session() as s:
        assert store.people(s, "Quist")[0]["quotes"] == 2

"""`review` on SQLite and PostgreSQL: what is due, with later articles that mention its subject,
and resolutions that cite one of them."""
import datetime as dt
import json

from sqlalchemy import select

from onrecord.ledger import review, store
from onrecord.ledger.db import open_ledger
from onrecord.ledger.ingest import ingest
from onrecord.ledger.schema import Article, Forecast

ROWS = [
    {"id": "f", "published": "2024-03-06", "url": "https://one.example/f",
     "text": "Tom Berg, an economist, said that inflation in Norway will probably fall below 2% by next year.\n"},
    {"id": "early", "published": "2024-01-02", "url": "https://one.example/early",
     "text": "Inflation in Norway rose again in December.\n"},
    {"id": "later", "published": "2026-01-10", "url": "https://two.example/later",
     "text": "The weather was mild.\n\nInflation in Norway fell to 1.8% in December, the bureau said.\n"},
    {"id": "weaker", "published": "2026-01-12", "url": "https://two.example/weaker",
     "text": "Shoppers in Norway were cheerful before the holidays.\n"},
    {"id": "other", "published": "2026-01-11", "url": "https://two.example/other",
     "text": "The football season ended with a draw.\n"},
]


def _ledger(db_url, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    assert ingest([str(path)], db_url).added == len(ROWS)
    return open_ledger(db_url)


def test_subject_keeps_names_and_content_words():
    wanted = review.subject("inflation in Norway will probably fall below 2% by next year")
    assert wanted == {"inflat": review.TERM_WEIGHT, "norway": review.ENTITY_WEIGHT, "fall": review.TERM_WEIGHT}


def test_sentences_and_best_sentence():
    text = "The weather was mild. Inflation in Norway fell, the bureau said.\n\nNo more."
    assert [text[s:e] for s, e in review.sentences(text)] == [
        "The weather was mild.", "Inflation in Norway fell, the bureau said.", "No more."]
    score, s, e, matched = review.best_sentence(text, {"inflat": 1.0, "norway": 3.0})
    assert (score, text[s:e], matched) == (4.0, "Inflation in Norway fell, the bureau said.", ["inflat", "norway"])


def test_review_lists_due_forecasts_with_later_articles_ranked(db_url, tmp_path, nlp):
    Session = _ledger(db_url, tmp_path)
    with Session() as s:
        assert review.review(s, dt.date(2025, 6, 1)) == []  # not due within 30 days yet
        [row] = review.review(s, dt.date(2026, 1, 15))
        arts = {a.source_id: a.id for a in s.scalars(select(Article))}
    assert row["days_left"] == -15 and row["owner"] == "Tom Berg"
    found = row["evidence_suggested"]
    assert [e["article"] for e in found] == [arts["later"], arts["weaker"]]  # never the earlier article
    assert found[0]["sentence"] == "Inflation in Norway fell to 1.8% in December, the bureau said."
    assert found[0]["matched"] == ["inflat", "norway"]


def test_resolution_cites_an_article_shown_in_history(db_url, tmp_path, nlp):
    Session = _ledger(db_url, tmp_path)
    with Session.begin() as s:
        [f] = store.forecasts(s)
        later = s.scalar(select(Article).where(Article.source_id == "later"))
        r = store.resolve(s, f["id"], "yes", None, dt.date(2026, 1, 10), evidence_article=later.id)
        assert r.evidence == "https://two.example/later"
    with Session() as s:
        [f] = store.forecasts(s)
        assert f["evidence_article"] == later.id
        [h] = store.history(s, s.get(Forecast, f["id"]))
        assert (h["outcome"], h["evidence_article"]) == ("yes", later.id)
        assert review.review(s, dt.date(2026, 1, 15)) == []  # resolved: nothing to review

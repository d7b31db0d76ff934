"""A ledger made by the schema before 0005_views_search (0004_users) upgrades on open: each quote
gets the kind its article's analysis gave it, old rows are searchable, the views answer."""
import datetime as dt
import json

from alembic import command
from sqlalchemy import create_engine, text

from onrecord.ledger import queries
from onrecord.ledger.db import _alembic_config, database_url, open_ledger

TEXT = ("“The bridge will open in May,” said Ines Hart.\n\n"
        "Hart believes that the council wants a second bridge.\n")


def _old_ledger(url: str) -> None:
    """The 0004 schema, and one article written as that version stored it (no kind column)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004_users")
        analysis = {"id": "bridge", "article": {"text": TEXT, "title": "Bridge plans"},
                    "quotes": [{"span": [1, 29], "text": "The bridge will open in May", "kind": "speech"},
                               {"span": [61, 95], "text": "the council wants a second bridge", "kind": "stance"}]}
        conn.execute(text("INSERT INTO articles (id, content_hash, title, published, language, text, analysis, "
                          "ingested_at) VALUES (1, 'h', 'Bridge plans', :d, 'en', :t, :a, :now)"),
                     {"d": dt.date(2024, 2, 1), "t": TEXT, "a": json.dumps(analysis), "now": dt.datetime(2024, 2, 2)})
        conn.execute(text("INSERT INTO people (id, name, kind, surname_key, descriptions) "
                          "VALUES (1, 'Ines Hart', 'person', 'hart', '[]')"))
        conn.execute(text("INSERT INTO mentions (id, article_id, local_id, person_id, name, descriptions, spans) "
                          "VALUES (1, 1, 'p1', 1, 'Ines Hart', '[]', '[]')"))
        for i, q in enumerate(analysis["quotes"]):
            conn.execute(text('INSERT INTO quotes (article_id, position, start, "end", text, type, mention_id) '
                              "VALUES (1, :i, :s, :e, :t, 'direct', 1)"),
                         {"i": i, "s": q["span"][0], "e": q["span"][1], "t": q["text"]})
    engine.dispose()


def test_old_ledger_upgrades_with_kinds_backfilled(db_url):
    _old_ledger(database_url(db_url))
    Session = open_ledger(db_url, create=False)
    with Session() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() >= "0005_views_search"
        assert [(q["text"], q["kind"]) for q in queries.quotes(s)] == [
            ("The bridge will open in May", "speech"), ("the council wants a second bridge", "stance")]
        assert [q["kind"] for q in queries.quotes(s, search="council")] == ["stance"]
        assert [r["title"] for r in queries.articles(s, search="bridges")[0]] == ["Bridge plans"]
        assert s.execute(text("SELECT stances FROM people_view WHERE name = 'Ines Hart'")).scalar() == 1


def test_downgrade_to_0004_and_back(db_url):
    """The views and search go before the column (SQLite rebuilds quotes to drop it), and return."""
    _old_ledger(database_url(db_url))
    open_ledger(db_url, create=False)
    engine = create_engine(database_url(db_url))
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004_users")
        assert "kind" not in {c for c in conn.execute(text("SELECT * FROM quotes")).keys()}
        command.upgrade(cfg, "0005_views_search")
    engine.dispose()
    with open_ledger(db_url, create=False)() as s:
        assert [q["kind"] for q in queries.quotes(s, search="council")] == ["stance"]

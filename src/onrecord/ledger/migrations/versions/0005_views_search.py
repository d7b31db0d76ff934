"""views and search: quotes.kind as a column (backfilled), full-text search, SQL views for browsing

Revision ID: 0005_views_search
Revises: 0004_users

LATER MIGRATIONS, READ THIS: on SQLite, batch_alter_table rebuilds a table by copy-and-rename,
which fails while a view or trigger names that table. Any later migration that batch-alters
articles, quotes, forecasts, mentions, people or resolutions must call drop_views_and_search()
first and create_views_and_search() after (copy both functions into that migration, since a
migration must not import another one), then rebuild the FTS indexes ('rebuild' below).
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_views_search'
down_revision = '0004_users'
branch_labels = None
depends_on = None

# SQLite: external-content FTS5 tables over the rows themselves, kept in step by triggers, so an
# ingest (or a deletion by cascade) never leaves the index behind. The porter tokenizer stems as
# PostgreSQL's 'english' configuration does, so a search finds the same rows on both.
FTS = {"quotes_fts": ("quotes", ["text"]), "forecasts_fts": ("forecasts", ["text"]),
       "articles_fts": ("articles", ["title", "text"])}
# PostgreSQL: expression indexes; ledger/search.py queries these very expressions so they are used.
PG_INDEXES = {"ix_quotes_fts": ("quotes", "to_tsvector('english', text)"),
              "ix_forecasts_fts": ("forecasts", "to_tsvector('english', text)"),
              "ix_articles_fts": ("articles", "setweight(to_tsvector('english', coalesce(title, '')), 'A') "
                                              "|| to_tsvector('english', text)")}

VIEWS = {
    "quotes_view": """
SELECT q.id, q.article_id, a.title AS article_title, a.published, a.url, q.kind, q.type,
       p.id AS speaker_id, p.name AS speaker, q.speaker_text, q.text, q.start, q."end"
FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN mentions m ON m.id = q.mention_id LEFT JOIN people p ON p.id = m.person_id""",
    "forecasts_view": """
SELECT f.id, f.article_id, a.title AS article_title, a.published, a.url,
       p.id AS owner_id, p.name AS owner, f.text, f.probability, f.hedge, f.polarity, f.condition, f.horizon,
       f.deadline, r.outcome, r.resolved_on, r.evidence,
       (SELECT count(*) FROM resolutions c WHERE c.forecast_id = f.id) AS resolutions
FROM forecasts f JOIN articles a ON a.id = f.article_id
LEFT JOIN mentions m ON m.id = f.mention_id LEFT JOIN people p ON p.id = m.person_id
LEFT JOIN resolutions r ON r.id = (SELECT max(x.id) FROM resolutions x WHERE x.forecast_id = f.id)""",
    "people_view": """
SELECT p.id, p.name, p.kind,
       (SELECT {forms} FROM (SELECT DISTINCT m.name FROM mentions m WHERE m.person_id = p.id) f) AS written_as,
       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.person_id = p.id) AS articles,
       (SELECT count(*) FROM quotes q JOIN mentions m ON m.id = q.mention_id
        WHERE m.person_id = p.id AND q.kind = 'speech') AS quotes,
       (SELECT count(*) FROM quotes q JOIN mentions m ON m.id = q.mention_id
        WHERE m.person_id = p.id AND q.kind = 'stance') AS stances,
       (SELECT count(*) FROM forecasts f JOIN mentions m ON m.id = f.mention_id WHERE m.person_id = p.id) AS forecasts
FROM people p WHERE p.merged_into IS NULL""",
}


def _backfill_kinds(conn) -> None:
    """A quote's kind was only in its article's analysis JSON: copy it into the column."""
    articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("analysis", sa.JSON))
    stances = [(aid, i) for aid, analysis in conn.execute(sa.select(articles.c.id, articles.c.analysis))
               for i, q in enumerate((analysis or {}).get("quotes", [])) if q.get("kind") == "stance"]
    if stances:
        conn.execute(sa.text("UPDATE quotes SET kind = 'stance' WHERE article_id = :a AND position = :i"),
                     [{"a": a, "i": i} for a, i in stances])


def create_views_and_search() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for fts, (table, columns) in FTS.items():
            cols = ", ".join(columns)
            new = ", ".join(f"new.{c}" for c in columns)
            old = ", ".join(f"old.{c}" for c in columns)
            op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id', "
                       "tokenize='porter unicode61 remove_diacritics 2')")
            op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                       f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
            op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END")
            op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                       f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        forms = "group_concat(f.name, '; ')"
    else:
        for name, (table, expr) in PG_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON {table} USING gin (({expr}))")
        forms = "string_agg(f.name, '; ' ORDER BY f.name)"
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql.format(forms=forms)}")


def drop_views_and_search() -> None:
    conn = op.get_bind()
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    if conn.dialect.name == "sqlite":
        for fts in FTS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    else:
        for name in PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")


def upgrade() -> None:
    # the column first: a view or trigger on quotes would make SQLite's table rebuild fail
    op.add_column("quotes", sa.Column("kind", sa.String(length=10), nullable=False, server_default="speech"))
    _backfill_kinds(op.get_bind())
    create_views_and_search()


def downgrade() -> None:
    drop_views_and_search()
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_column("kind")

"""Full-text search over quotes, forecasts and articles: SQLite FTS5 or PostgreSQL full text,
ranked; the indexes are made by migration 0005_views_search.

Every word of the query must occur (stemmed: "reopen" finds "reopened"); the query is read as
words, never as the engine's own syntax, so `"`, `*`, `NEAR` or `:` in it are only text."""
from __future__ import annotations

import re

from sqlalchemy import Float, Integer, text
from sqlalchemy.orm import Session

_WORD = re.compile(r"\w+")
# the same expressions as the migration's indexes, so PostgreSQL uses them
_PG_VECTOR = {"quotes": "to_tsvector('english', text)", "forecasts": "to_tsvector('english', text)",
              "articles": "setweight(to_tsvector('english', coalesce(title, '')), 'A') "
                          "|| to_tsvector('english', text)"}
# a word of an article's title counts more than one of its body (bm25 weights; PostgreSQL: weight A)
_SQLITE_RANK = {"quotes": "bm25(quotes_fts)", "forecasts": "bm25(forecasts_fts)",
                "articles": "bm25(articles_fts, 4.0, 1.0)"}
TABLES = tuple(_PG_VECTOR)


def words(query: str) -> list[str]:
    return _WORD.findall(query)


def matches(session: Session, table: str, query: str):
    """A subquery of (id, rank) for the rows of `table` matching `query`, lower rank first being
    the better match on both backends; None when the query holds no word."""
    if table not in TABLES:
        raise ValueError(f"no full-text index on {table}")
    found = words(query)
    if not found:
        return None
    if session.get_bind().dialect.name == "sqlite":
        # each word quoted: FTS5 reads it as a plain term, the terms side by side mean AND
        fts_query = " ".join('"' + w.replace('"', '""') + '"' for w in found)
        sql = text(f"SELECT rowid AS id, {_SQLITE_RANK[table]} AS rank FROM {table}_fts "
                   f"WHERE {table}_fts MATCH :q").bindparams(q=fts_query)
    else:
        vector = _PG_VECTOR[table]
        sql = text(f"SELECT id, -ts_rank({vector}, plainto_tsquery('english', :q)) AS rank FROM {table} "
                   f"WHERE {vector} @@ plainto_tsquery('english', :q)").bindparams(q=" ".join(found))
    return sql.columns(id=Integer, rank=Float).subquery(f"{table}_match")

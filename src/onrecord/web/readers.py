"""What the pages and the API read: a thin adapter over onrecord.ledger.queries (the functions the
CLI prints, with the same full-text search), adding what only the web needs: an article's page view
and a cache of forecast rows and scores keyed on the ledger's state."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..ledger import queries, scoring, store
from ..ledger.queries import outlet, outlets, quote_row, safe_url, sentence_around  # noqa: F401  (the web's names)
from ..ledger.schema import Article, Forecast, Mention, Person, Quote, Resolution

articles = queries.articles


def article(session: Session, article_id: int, today: dt.date | None = None) -> dict:
    """One article with its quotes and forecasts, each with the identity behind it (the ledger's,
    after merges and splits), and the structure spans the page sets apart."""
    a = store.article(session, article_id)
    today = today or dt.date.today()
    structure = (a.analysis or {}).get("article", {}).get("structure", {}) or {}
    return {"id": a.id, "title": queries.title_of(a), "url": a.url,
            "link": safe_url(a.url), "published": a.published.isoformat() if a.published else None,
            "outlet": outlet(a.url, a.source), "text": a.text,
            "structure": {k: [list(s) for s in v or []] for k, v in structure.items()},
            "quotes": [quote_row(session, q) for q in sorted(a.quotes, key=lambda q: q.position)],
            "forecasts": [store.forecast_row(session, f, today) | {"span": [f.start, f.end]}
                          for f in sorted(a.forecasts, key=lambda f: f.position)]}


def warm(session: Session) -> list:
    """Load in a handful of queries what store.forecasts reads row by row (owners, people, articles'
    dates, resolutions), so that the CLI's function serves a page without thousands of queries. The
    session holds objects weakly: the caller keeps the returned list alive while it reads."""
    return [session.scalars(select(Forecast).options(selectinload(Forecast.resolutions),
                                                     joinedload(Forecast.article).load_only(Article.published)))
            .unique().all(),
            session.scalars(select(Mention).where(Mention.id.in_(select(Forecast.mention_id)))).all(),
            session.scalars(select(Person)).all()]


_CACHE: dict = {}


def _state(session: Session) -> tuple:
    """What every forecast row, score and people listing depends on, read in one cheap query: a write from anywhere
    (this server, the CLI) changes it, so cached rows are never stale."""
    return tuple(session.execute(select(
        select(func.count(Resolution.id)).scalar_subquery(), select(func.max(Resolution.id)).scalar_subquery(),
        select(func.count(Forecast.id)).scalar_subquery(),
        select(func.sum(func.coalesce(Forecast.mention_id, 0))).scalar_subquery(),
        select(func.count(Quote.id)).scalar_subquery(),
        select(func.sum(func.coalesce(Quote.mention_id, 0))).scalar_subquery(),
        select(func.max(Mention.id)).scalar_subquery(),
        select(func.count(Person.id)).where(Person.merged_into.is_(None)).scalar_subquery())).one())


def _cached(session: Session, key: tuple, compute, warm_first: bool = True):
    key = (str(session.get_bind().url), *key, _state(session))
    if key not in _CACHE:
        if len(_CACHE) > 256:
            _CACHE.clear()
        held = warm(session) if warm_first else None  # noqa: F841  (kept alive until the rows are read)
        _CACHE[key] = compute()
    return _CACHE[key]


def cached(session: Session, key: tuple, compute):
    """`compute()`, kept until the ledger changes (new articles included: they may be evidence)."""
    return _cached(session, (*key, session.scalar(select(func.max(Article.id)))), compute, warm_first=False)


def forecast_rows(session: Session, owner: str | None = None, status: str | None = None,
                  today: dt.date | None = None) -> list[dict]:
    today = today or dt.date.today()
    return _cached(session, ("forecasts", owner, status, today), lambda: store.forecasts(session, owner, status, today))


def scores(session: Session, min_resolved: int = 1, today: dt.date | None = None) -> list[dict]:
    today = today or dt.date.today()
    return _cached(session, ("scores", min_resolved, today), lambda: scoring.scores(session, min_resolved, today))


def people_listing(session: Session, search: str | None = None) -> list[dict]:
    """The rows of store.people (`onrecord people --json`), counted in grouped queries instead of two
    per person; tests/web check that both agree. Cached until the ledger changes (every page of the
    listing reads them all to sort by quotes)."""
    return _cached(session, ("people", search), lambda: _people_listing(session, search), warm_first=False)


def _people_listing(session: Session, search: str | None) -> list[dict]:
    forms: dict[int, set] = {}
    arts: dict[int, set] = {}
    for pid, name, aid in session.execute(select(Mention.person_id, Mention.name, Mention.article_id)):
        forms.setdefault(pid, set()).add(name)
        arts.setdefault(pid, set()).add(aid)
    nq = dict(session.execute(select(Mention.person_id, func.count()).join(Quote, Quote.mention_id == Mention.id)
                              .where(Quote.kind == "speech").group_by(Mention.person_id)).all())
    nf = dict(session.execute(select(Mention.person_id, func.count()).join(Forecast, Forecast.mention_id == Mention.id)
                              .group_by(Mention.person_id)).all())
    needle = search.lower() if search else None
    rows = []
    for p in session.scalars(select(Person).where(Person.merged_into.is_(None)).order_by(Person.name)):
        names = forms.get(p.id, set())
        if needle and needle not in p.name.lower() and not any(needle in n.lower() for n in names):
            continue
        rows.append({"id": p.id, "name": p.name, "kind": p.kind, "descriptions": p.descriptions or [],
                     "forms": sorted(names), "articles": len(arts.get(p.id, ())),
                     "quotes": nq.get(p.id, 0), "forecasts": nf.get(p.id, 0)})
    return rows


def people(session: Session, search: str | None = None, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
    """`onrecord people`, paged; most quoted first."""
    rows = people_listing(session, search)
    rows.sort(key=lambda r: (-r["quotes"] - r["forecasts"], r["name"]))
    return rows[offset:offset + limit], len(rows)


def person(session: Session, person_id: int, today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    return queries.person(session, person_id, today, score_rows=scores(session, 1, today))


def forecasts(session: Session, owner: str | None = None, status: str | None = None, outlet_name: str | None = None,
              due_after: dt.date | None = None, due_before: dt.date | None = None, min_p: float | None = None,
              max_p: float | None = None, today: dt.date | None = None) -> list[dict]:
    """`onrecord forecasts` with the page's extra filters, over the cached rows."""
    return queries.filter_forecasts(session, forecast_rows(session, owner, status, today), outlet_name=outlet_name,
                                    due_after=due_after, due_before=due_before, min_p=min_p, max_p=max_p)


forecast = queries.forecast


def quotes(session: Session, speaker: str | None = None, search: str | None = None, kind: str | None = None,
           article_id: int | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    return queries.quotes(session, speaker, search, kind, article_id, limit, offset)

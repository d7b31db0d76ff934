"""What the pages and the API read, over onrecord.ledger. Listing, filtering and paging live here;
forecast rows, scores, resolutions and identities come from ledger.store and ledger.scoring, the
functions the CLI prints, so that the web and the terminal never disagree."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import PurePath
from urllib.parse import urlsplit

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..ledger import scoring, store
from ..ledger.schema import Article, Forecast, Mention, Person, Quote, Resolution

_DATED_NAME = re.compile(r"^([A-Za-z][\w-]*?)_\d{4}-\d{2}-\d{2}_")


def outlet(a_url: str | None, source: str | None) -> str | None:
    """The outlet an article came from: its URL's host, else the prefix of an `outlet_YYYY-MM-DD_…`
    file name, the layout of dated corpora."""
    if a_url:
        host = urlsplit(a_url).hostname or ""
        return host.removeprefix("www.") or None
    m = _DATED_NAME.match(PurePath(source or "").name)
    return m.group(1) if m else None


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a `javascript:` or `data:` one is shown as text."""
    return url if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _counts(session: Session, model, ids: list[int]) -> dict[int, int]:
    return dict(session.execute(select(model.article_id, func.count()).where(model.article_id.in_(ids))
                                .group_by(model.article_id)).all()) if ids else {}


def articles(session: Session, search: str | None = None, outlet_name: str | None = None,
             since: dt.date | None = None, until: dt.date | None = None,
             limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """Articles, newest first, with the filters of `onrecord articles`; returns (page, total)."""
    q = select(Article.id, Article.title, Article.published, Article.url, Article.source, Article.source_id)
    if search:
        like = f"%{search}%"
        q = q.where(or_(Article.title.ilike(like), Article.text.ilike(like)))
    if since:
        q = q.where(Article.published >= since)
    if until:
        q = q.where(Article.published <= until)
    rows = [{"id": r.id, "title": r.title or r.source_id or f"article {r.id}", "url": r.url,
             "published": r.published.isoformat() if r.published else None, "outlet": outlet(r.url, r.source)}
            for r in session.execute(q.order_by(Article.published.desc().nulls_last(), Article.id.desc()))]
    if outlet_name:
        rows = [r for r in rows if (r["outlet"] or "").lower() == outlet_name.lower()]
    page = rows[offset:offset + limit]
    ids = [r["id"] for r in page]
    nq, nf = _counts(session, Quote, ids), _counts(session, Forecast, ids)
    for r in page:
        r["quotes"], r["forecasts"] = nq.get(r["id"], 0), nf.get(r["id"], 0)
    return page, len(rows)


def outlets(session: Session) -> list[str]:
    return sorted({o for u, s in session.execute(select(Article.url, Article.source)) if (o := outlet(u, s))})


def _speaker(session: Session, mention_id: int | None) -> dict | None:
    if mention_id is None:
        return None
    m = session.get(Mention, mention_id)
    pid = store.root_id(session, m.person_id)
    return {"person_id": pid, "name": session.get(Person, pid).name, "mention_text": m.name}


def quote_row(session: Session, q: Quote, kinds: list[str]) -> dict:
    return {"id": q.id, "article": q.article_id, "span": [q.start, q.end], "text": q.text, "type": q.type,
            "kind": kinds[q.position] if q.position < len(kinds) else "speech",
            "speaker": _speaker(session, q.mention_id), "speaker_text": q.speaker_text}


def _kinds(a: Article) -> list[str]:
    return [q.get("kind", "speech") for q in (a.analysis or {}).get("quotes", [])]


def article(session: Session, article_id: int, today: dt.date | None = None) -> dict:
    """One article with its quotes and forecasts, each with the identity behind it (the ledger's,
    after merges and splits), and the structure spans the page sets apart."""
    a = store.article(session, article_id)
    today = today or dt.date.today()
    kinds = _kinds(a)
    structure = (a.analysis or {}).get("article", {}).get("structure", {}) or {}
    return {"id": a.id, "title": a.title or a.source_id or f"article {a.id}", "url": a.url,
            "link": safe_url(a.url), "published": a.published.isoformat() if a.published else None,
            "outlet": outlet(a.url, a.source), "text": a.text,
            "structure": {k: [list(s) for s in v or []] for k, v in structure.items()},
            "quotes": [quote_row(session, q, kinds) for q in sorted(a.quotes, key=lambda q: q.position)],
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
    """What every forecast row and score depends on, read in one cheap query: a write from anywhere
    (this server, the CLI) changes it, so cached rows are never stale."""
    return tuple(session.execute(select(
        select(func.count(Resolution.id)).scalar_subquery(), select(func.max(Resolution.id)).scalar_subquery(),
        select(func.count(Forecast.id)).scalar_subquery(),
        select(func.sum(func.coalesce(Forecast.mention_id, 0))).scalar_subquery(),
        select(func.max(Mention.id)).scalar_subquery(),
        select(func.count(Person.id)).where(Person.merged_into.is_(None)).scalar_subquery())).one())


def _cached(session: Session, key: tuple, compute):
    key = (str(session.get_bind().url), *key, _state(session))
    if key not in _CACHE:
        if len(_CACHE) > 256:
            _CACHE.clear()
        held = warm(session)  # noqa: F841  (kept alive until the rows are read)
        _CACHE[key] = compute()
    return _CACHE[key]


def forecast_rows(session: Session, owner: str | None = None, status: str | None = None,
                  today: dt.date | None = None) -> list[dict]:
    today = today or dt.date.today()
    return _cached(session, ("forecasts", owner, status, today), lambda: store.forecasts(session, owner, status, today))


def scores(session: Session, min_resolved: int = 1, today: dt.date | None = None) -> list[dict]:
    today = today or dt.date.today()
    return _cached(session, ("scores", min_resolved, today), lambda: scoring.scores(session, min_resolved, today))


def people_listing(session: Session, search: str | None = None) -> list[dict]:
    """The rows of store.people (`onrecord people --json`), counted in grouped queries instead of two
    per person; tests/web check that both agree."""
    forms: dict[int, set] = {}
    arts: dict[int, set] = {}
    for pid, name, aid in session.execute(select(Mention.person_id, Mention.name, Mention.article_id)):
        forms.setdefault(pid, set()).add(name)
        arts.setdefault(pid, set()).add(aid)
    nq = dict(session.execute(select(Mention.person_id, func.count()).join(Quote, Quote.mention_id == Mention.id)
                              .group_by(Mention.person_id)).all())
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
    p = session.get(Person, store.root_id(session, person_id))
    if p is None:
        raise store.LedgerError(f"no person with id {person_id}")
    today = today or dt.date.today()
    mentions = list(p.mentions)
    mids = [m.id for m in mentions]
    quotes, arts = [], {}
    for q in session.scalars(select(Quote).where(Quote.mention_id.in_(mids)).order_by(Quote.article_id, Quote.position)):
        arts.setdefault(q.article_id, q.article)
        quotes.append(quote_row(session, q, _kinds(q.article)) | {"published": _iso(q.article.published),
                                                                   "title": q.article.title or q.article.source_id})
    fcs = [store.forecast_row(session, f, today) for f in
           session.scalars(select(Forecast).where(Forecast.mention_id.in_(mids)).order_by(Forecast.id))]
    for m in mentions:
        arts.setdefault(m.article_id, session.get(Article, m.article_id))
    score = next((r for r in scores(session, 1, today) if r["owner_id"] == p.id), None)
    timeline = sorted(({"date": _iso(a.published), "article": a.id, "title": a.title or a.source_id,
                        "quotes": sum(1 for q in quotes if q["article"] == a.id),
                        "forecasts": sum(1 for f in fcs if f["article"] == a.id)} for a in arts.values()),
                      key=lambda e: (e["date"] or "9999", e["article"]))
    return {"id": p.id, "name": p.name, "kind": p.kind, "forms": dict(Counter(m.name for m in mentions)),
            "descriptions": sorted({d for m in mentions for d in (m.descriptions or [])} | set(p.descriptions or [])),
            "speech": [q for q in quotes if q["kind"] != "stance"], "stance": [q for q in quotes if q["kind"] == "stance"],
            "forecasts": fcs, "score": score, "timeline": timeline}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def forecasts(session: Session, owner: str | None = None, status: str | None = None, outlet_name: str | None = None,
              due_after: dt.date | None = None, due_before: dt.date | None = None, min_p: float | None = None,
              max_p: float | None = None, today: dt.date | None = None) -> list[dict]:
    """`onrecord forecasts` with the page's extra filters."""
    rows = forecast_rows(session, owner, status, today)
    if outlet_name:
        by_article = {i: outlet(u, s) for i, u, s in session.execute(select(Article.id, Article.url, Article.source))}
        rows = [r for r in rows if (by_article.get(r["article"]) or "").lower() == outlet_name.lower()]
    if due_after:
        rows = [r for r in rows if r["deadline"] and r["deadline"] >= due_after.isoformat()]
    if due_before:
        rows = [r for r in rows if r["deadline"] and r["deadline"] <= due_before.isoformat()]
    if min_p is not None:
        rows = [r for r in rows if r["probability"] is not None and r["probability"] >= min_p]
    if max_p is not None:
        rows = [r for r in rows if r["probability"] is not None and r["probability"] <= max_p]
    return rows


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding [start, end): the bounds, as offsets into `text`."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    right = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    return left + 1, (min(right) + 1 if right else len(text))


def forecast(session: Session, forecast_id: int, today: dt.date | None = None) -> dict:
    f = session.get(Forecast, forecast_id)
    if f is None:
        raise store.LedgerError(f"no forecast with id {forecast_id}")
    row = store.forecast_row(session, f, today or dt.date.today())
    s, e = sentence_around(f.article.text, f.start, f.end)
    return row | {"span": [f.start, f.end], "sentence": {"span": [s, e], "text": f.article.text[s:e]},
                  "article_title": f.article.title or f.article.source_id, "article_url": f.article.url,
                  "article_link": safe_url(f.article.url),
                  "history": [h | {"evidence_link": safe_url(h["evidence"])} for h in store.history(session, f)]}


def quotes(session: Session, speaker: str | None = None, search: str | None = None, kind: str | None = None,
           article_id: int | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """Quotes in article order. A quote's kind lives in its article's analysis, so only a `kind`
    filter reads every matching article's analysis; the others page in SQL."""
    q = select(Quote).order_by(Quote.article_id, Quote.position)
    if article_id is not None:
        q = q.where(Quote.article_id == article_id)
    if search:
        q = q.where(Quote.text.ilike(f"%{search}%"))
    if speaker:  # merges move mentions, so a mention's person is the identity itself
        q = q.join(Mention, Mention.id == Quote.mention_id).join(Person, Person.id == Mention.person_id).where(
            Person.name.ilike(f"%{speaker}%"))
    if not kind:
        q = q.offset(offset).limit(limit)
    kinds: dict[int, list[str]] = {}
    rows = [quote_row(session, x, kinds.setdefault(x.article_id, _kinds(x.article))) for x in session.scalars(q)]
    return [r for r in rows if r["kind"] == kind][offset:offset + limit] if kind else rows

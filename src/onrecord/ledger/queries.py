"""The ledger read for people: articles, quotes, a person's record, forecasts and one forecast, each
row with the article it came from. `onrecord articles|quotes|person|forecasts|forecast` print these
functions and the web serves them, so the terminal and the browser never disagree."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import PurePath
from urllib.parse import urlsplit

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload, undefer

from . import scoring, search as fulltext, store
from .schema import Article, Forecast, Mention, Person, Quote

KINDS = ("speech", "stance")
FORECAST_SORTS = ("id", "deadline", "published", "probability")
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


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding [start, end): the bounds, as offsets into `text`."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    right = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    return left + 1, (min(right) + 1 if right else len(text))


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def title_of(a: Article) -> str:
    return a.title or a.source_id or f"article {a.id}"


def _source(a: Article) -> dict:
    """What every row says of the article it came from."""
    return {"title": title_of(a), "outlet": outlet(a.url, a.source), "published": _iso(a.published), "url": a.url}


def _counts(session: Session, model, ids: list[int]) -> dict[int, int]:
    return dict(session.execute(select(model.article_id, func.count()).where(model.article_id.in_(ids))
                                .group_by(model.article_id)).all()) if ids else {}


def articles(session: Session, search: str | None = None, outlet_name: str | None = None,
             since: dt.date | None = None, until: dt.date | None = None,
             limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """Articles, best match first when searching, else newest first; returns (page, total)."""
    q = select(Article.id, Article.title, Article.published, Article.url, Article.source, Article.source_id)
    order = [Article.published.desc().nulls_last(), Article.id.desc()]
    if search is not None:
        hits = fulltext.matches(session, "articles", search)
        if hits is None:
            return [], 0
        q = q.join(hits, hits.c.id == Article.id)
        order = [hits.c.rank, *order]
    if since:
        q = q.where(Article.published >= since)
    if until:
        q = q.where(Article.published <= until)
    rows = [{"id": r.id, "title": r.title or r.source_id or f"article {r.id}", "url": r.url,
             "published": _iso(r.published), "outlet": outlet(r.url, r.source)}
            for r in session.execute(q.order_by(*order))]
    if outlet_name:  # the outlet is derived from the URL or file name, not stored
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


def quote_row(session: Session, q: Quote, context: bool = False) -> dict:
    """A quote with its speaker (the identity after merges); with `context`, also the article it is
    from and the sentence around it."""
    row = {"id": q.id, "article": q.article_id, "span": [q.start, q.end], "text": q.text, "type": q.type,
           "kind": q.kind, "speaker": _speaker(session, q.mention_id), "speaker_text": q.speaker_text}
    if context:
        text = q.article.text
        s, e = sentence_around(text, q.start, q.end)
        s += len(text[s:e]) - len(text[s:e].lstrip())  # the span of the words, without the spaces around
        e -= len(text[s:e]) - len(text[s:e].rstrip())
        row |= _source(q.article) | {"sentence": {"span": [s, e], "text": text[s:e]}}
    return row


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise store.LedgerError("kind must be speech or stance")


def quotes(session: Session, speaker: str | None = None, search: str | None = None, kind: str | None = None,
           article_id: int | None = None, limit: int = 100, offset: int = 0, since: dt.date | None = None,
           until: dt.date | None = None, context: bool = False) -> list[dict]:
    """Quotes, best match first when searching, else in article order. `speaker`: part of the
    name (identity or as written), or a person id."""
    _check_kind(kind)
    q = select(Quote)
    if context:  # the article's columns a row shows, not its analysis JSON (the largest column by far)
        q = q.options(joinedload(Quote.article).load_only(Article.title, Article.source_id, Article.url, Article.source,
                                                          Article.published, Article.text))
    order = [Quote.article_id, Quote.position]
    if search is not None:
        hits = fulltext.matches(session, "quotes", search)
        if hits is None:
            return []
        q = q.join(hits, hits.c.id == Quote.id)
        order = [hits.c.rank, *order]
    if article_id is not None:
        q = q.where(Quote.article_id == article_id)
    if kind:
        q = q.where(Quote.kind == kind)
    if since or until:
        q = q.join(Article, Article.id == Quote.article_id)
        q = q.where(Article.published >= since) if since else q
        q = q.where(Article.published <= until) if until else q
    if speaker:  # merges move mentions, so a mention's person is the identity itself
        q = q.join(Mention, Mention.id == Quote.mention_id).join(Person, Person.id == Mention.person_id)
        q = q.where(Person.id == int(speaker)) if speaker.isdigit() else q.where(
            or_(Person.name.ilike(f"%{speaker}%"), Mention.name.ilike(f"%{speaker}%")))
    rows = session.scalars(q.order_by(*order).offset(offset).limit(limit)).unique().all()
    held = _speakers(session, [x.mention_id for x in rows])  # noqa: F841  (kept alive while the rows are built)
    return [quote_row(session, x, context) for x in rows]


def _speakers(session: Session, mention_ids: list[int | None]) -> list:
    """The mentions and people of a page of quotes in two queries, instead of three per quote: the
    session holds objects weakly, so the caller keeps the returned list while it reads."""
    mentions = session.scalars(select(Mention).where(Mention.id.in_({m for m in mention_ids if m}))).all()
    return [mentions, session.scalars(select(Person).where(Person.id.in_({m.person_id for m in mentions}))).all()]


# -- people --------------------------------------------------------------------------------------
def find_person(session: Session, name_or_id: str | int) -> Person:
    """The identity for an id, or for a name: the one whose name or spelling is exactly it, else the
    only one holding it. Several: a LedgerError naming them, so the user can give an id."""
    key = str(name_or_id).strip()
    if key.isdigit():
        return store.get(session, Person, store.root_id(session, int(key)), "person")
    like = f"%{key}%"
    found = {store.root_id(session, pid) for pid in session.scalars(
        select(Person.id).where(Person.merged_into.is_(None), Person.name.ilike(like)).union(
            select(Mention.person_id).where(Mention.name.ilike(like))))}
    people = sorted((session.get(Person, pid) for pid in found), key=lambda p: p.id)
    exact = [p for p in people if p.name.lower() == key.lower()
             or any(m.name.lower() == key.lower() for m in p.mentions)]
    if len(exact) == 1 or len(people) == 1:
        return (exact or people)[0]
    if not people:
        raise store.NotFound(f"no person named {key!r}")
    raise store.LedgerError(f"{len(people)} people match {key!r}: "
                            + "; ".join(f"{p.id} {p.name}" for p in people[:8]) + "; give an id")


def person(session: Session, name_or_id: str | int, today: dt.date | None = None,
           score_rows: list[dict] | None = None) -> dict:
    """A person's record: names and spellings, descriptions, articles, quotes (speech) and stances,
    forecasts with status and outcome, and the track record (`score`, None before any resolution)."""
    p = find_person(session, name_or_id)
    today = today or dt.date.today()
    mentions = list(p.mentions)
    mids = [m.id for m in mentions]
    # one query for every article the record cites (their texts give each quote its sentence);
    # the quotes then find them in the session instead of loading each one
    arts = {a.id: a for a in session.scalars(select(Article).options(undefer(Article.text))
                                             .where(Article.id.in_({m.article_id for m in mentions})))}
    said = [quote_row(session, q, context=True) for q in session.scalars(
        select(Quote).where(Quote.mention_id.in_(mids)).order_by(Quote.article_id, Quote.position))]
    fcs = [store.forecast_row(session, f, today) for f in
           session.scalars(select(Forecast).where(Forecast.mention_id.in_(mids)).order_by(Forecast.id))]
    add_sources(session, fcs)
    speech = Counter(q["article"] for q in said if q["kind"] == "speech")
    predicted = Counter(f["article"] for f in fcs)
    rows = score_rows if score_rows is not None else scoring.scores(session, 1, today)
    timeline = sorted(({"date": _iso(a.published), "article": a.id, "title": title_of(a), "url": a.url,
                        "outlet": outlet(a.url, a.source),
                        "quotes": speech[a.id], "forecasts": predicted[a.id]} for a in arts.values()),
                      key=lambda e: (e["date"] or "9999", e["article"]))
    return {"id": p.id, "name": p.name, "kind": p.kind, "forms": dict(Counter(m.name for m in mentions)),
            "descriptions": sorted({d for m in mentions for d in (m.descriptions or [])} | set(p.descriptions or [])),
            "speech": [q for q in said if q["kind"] != "stance"], "stance": [q for q in said if q["kind"] == "stance"],
            "forecasts": fcs, "score": next((r for r in rows if r["owner_id"] == p.id), None), "timeline": timeline}


# -- forecasts -----------------------------------------------------------------------------------
def add_sources(session: Session, rows: list[dict]) -> list[dict]:
    """Each forecast row gains its article's title, outlet and URL (`published` it has)."""
    ids = {r["article"] for r in rows}
    by_id = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(ids)))} if ids else {}
    for r in rows:
        a = by_id[r["article"]]
        r |= {"article_title": title_of(a), "outlet": outlet(a.url, a.source), "url": a.url}
    return rows


def _sort_key(sort: str):
    if sort not in FORECAST_SORTS:
        raise store.LedgerError(f"sort must be one of {', '.join(FORECAST_SORTS)}")
    if sort == "id":
        return lambda r: r["id"]
    if sort == "probability":  # the surest first; no probability last
        return lambda r: (r["probability"] is None, -(r["probability"] or 0), r["id"])
    return lambda r: (r[sort] is None, r[sort] or "", r["id"])  # soonest / oldest first


def filter_forecasts(session: Session, rows: list[dict], outlet_name: str | None = None,
                     due_after: dt.date | None = None, due_before: dt.date | None = None,
                     min_p: float | None = None, max_p: float | None = None, since: dt.date | None = None,
                     until: dt.date | None = None, sort: str = "id", limit: int | None = None) -> list[dict]:
    """The rows of store.forecasts narrowed, sorted and cut, each with its article's title and URL."""
    key = _sort_key(sort)
    checks = [(outlet_name, lambda r: (r["outlet"] or "").lower() == outlet_name.lower()),
              (due_after, lambda r: r["deadline"] is not None and r["deadline"] >= due_after.isoformat()),
              (due_before, lambda r: r["deadline"] is not None and r["deadline"] <= due_before.isoformat()),
              (min_p, lambda r: r["probability"] is not None and r["probability"] >= min_p),
              (max_p, lambda r: r["probability"] is not None and r["probability"] <= max_p),
              (since, lambda r: r["published"] is not None and r["published"] >= since.isoformat()),
              (until, lambda r: r["published"] is not None and r["published"] <= until.isoformat())]
    active = [test for value, test in checks if value is not None and value != ""]
    rows = [dict(r) for r in rows]  # the caller's rows (a cache) stay as they were
    add_sources(session, rows)
    kept = sorted((r for r in rows if all(test(r) for test in active)), key=key)
    return kept[:limit] if limit is not None else kept


def forecasts(session: Session, owner: str | None = None, status: str | None = None, today: dt.date | None = None,
              **filters) -> list[dict]:
    """`onrecord forecasts`: store.forecasts with the filters of filter_forecasts."""
    return filter_forecasts(session, store.forecasts(session, owner, status, today), **filters)


def forecast(session: Session, forecast_id: int, today: dt.date | None = None) -> dict:
    """One forecast in its sentence, with every resolution recorded (oldest first) and its evidence."""
    f = store.get(session, Forecast, forecast_id, "forecast")
    row = store.forecast_row(session, f, today or dt.date.today())
    s, e = sentence_around(f.article.text, f.start, f.end)
    return row | {"span": [f.start, f.end], "sentence": {"span": [s, e], "text": f.article.text[s:e]},
                  "article_title": title_of(f.article), "article_url": f.article.url,
                  "article_link": safe_url(f.article.url), "outlet": outlet(f.article.url, f.article.source),
                  "history": [h | {"evidence_link": safe_url(h["evidence"])} for h in store.history(session, f)]}


def article_forecasts(session: Session, article_id: int, today: dt.date | None = None) -> list[dict]:
    """The forecasts of one article with their ledger ids and status (`onrecord show` lists them)."""
    today = today or dt.date.today()
    return [store.forecast_row(session, f, today) for f in
            session.scalars(select(Forecast).where(Forecast.article_id == article_id).order_by(Forecast.position))]

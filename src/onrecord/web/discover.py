"""The front page's digest, full-text search over quotes and forecasts, and evidence suggested for a
forecast from later articles."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..ledger import search as fulltext, store
from ..ledger.schema import Article, Forecast, Mention, Person, Quote, Resolution
from .readers import quote_row, safe_url, scores, sentence_around

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
# words too common in news to tell one story from another
_COMMON = frozenset("""about after again against also been before being between both could does doing down during
each even every from further have having here into itself just more most much must next only other over same
said says should some such than that their them then there these they this those through under until very were
what when where which while will with within would year years your month months week weeks today people""".split())


def digest(session: Session, today: dt.date | None = None, n: int = 8) -> dict:
    today = today or dt.date.today()
    counts = {name: session.scalar(select(func.count()).select_from(model)) for name, model in
              (("articles", Article), ("people", Person), ("quotes", Quote), ("forecasts", Forecast),
               ("resolutions", Resolution))}
    counts["people"] = session.scalar(select(func.count()).select_from(Person).where(Person.merged_into.is_(None)))
    coming = [store.forecast_row(session, f, today) for f in session.scalars(
        select(Forecast).where(Forecast.deadline >= today).order_by(Forecast.deadline).limit(4 * n))]
    recent = session.scalars(select(Resolution).order_by(Resolution.recorded_at.desc(), Resolution.id.desc()).limit(n))
    quoted = session.execute(select(Mention.person_id, Person.name, func.count(Quote.id).label("n"))
                             .join(Quote, Quote.mention_id == Mention.id).join(Person, Person.id == Mention.person_id)
                             .where(Quote.kind == "speech")
                             .group_by(Mention.person_id, Person.name).order_by(func.count(Quote.id).desc()).limit(n))
    ranked = [r for r in scores(session, 1, today) if r["owner_id"] is not None]
    return {"counts": counts, "coming_due": [r for r in coming if r["status"] == "open"][:n],
            "recently_resolved": [{"forecast": store.forecast_row(session, r.forecast, today), "outcome": r.outcome,
                                   "resolved_on": r.resolved_on.isoformat()} for r in recent],
            "most_quoted": [{"id": pid, "name": name, "quotes": k} for pid, name, k in quoted],
            "best": ranked[:n], "worst": list(reversed(ranked[-n:])) if len(ranked) > n else []}


def search(session: Session, q: str, limit: int = 50, today: dt.date | None = None) -> dict:
    """Quotes and forecasts holding every word of `q` (the ledger's full-text search), best first."""
    today = today or dt.date.today()

    def ranked(model, table):
        hits = fulltext.matches(session, table, q)
        if hits is None:
            return []
        return session.scalars(select(model).join(hits, hits.c.id == model.id)
                               .order_by(hits.c.rank, model.id).limit(limit)).all()
    return {"query": q, "quotes": [quote_row(session, x, context=True) for x in ranked(Quote, "quotes")],
            "forecasts": [store.forecast_row(session, f, today) for f in ranked(Forecast, "forecasts")]}


def _iso(d):
    return d.isoformat() if d else None


def key_terms(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for w in _WORD.findall(text):
        if w.lower() not in _COMMON:
            seen.setdefault(w.lower().strip("'’-"))
    return list(seen)


def suggested_evidence(session: Session, forecast_id: int, n: int = 5) -> list[dict]:
    """Later articles that share the most key terms with the forecast (two at least), each with the
    sentence that shares the most."""
    f = session.get(Forecast, forecast_id)
    if f is None:
        raise store.LedgerError(f"no forecast with id {forecast_id}")
    terms = key_terms(f.text)
    if not terms:
        return []
    after = f.article.published
    cand = select(Article.id, Article.title, Article.published, Article.url, Article.text).where(
        Article.id != f.article_id, or_(*(Article.text.ilike(f"%{t}%") for t in terms)))
    if after:
        cand = cand.where(Article.published > after)
    scored = []
    for a in session.execute(cand):
        low = a.text.lower()
        hits = [t for t in terms if t in low]
        if len(hits) < 2:
            continue
        best, best_hits = (0, 0), -1
        for m in re.finditer(r"[^.!?\n]+[.!?]?", a.text):
            k = sum(1 for t in hits if t in m.group(0).lower())
            if k > best_hits:
                best, best_hits = sentence_around(a.text, m.start(), m.start() + 1), k
        scored.append({"article": a.id, "title": a.title, "published": _iso(a.published), "url": a.url,
                       "link": safe_url(a.url), "terms": hits, "score": len(hits),
                       "sentence": a.text[best[0]:best[1]].strip()})
    return sorted(scored, key=lambda r: (-r["score"], r["published"] or ""))[:n]

"""The front page's digest, full-text search over quotes and forecasts, and evidence suggested for a
forecast from later articles."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..ledger import review, search as fulltext, store
from ..ledger.schema import Article, Forecast, Mention, Person, Quote, Resolution
from . import readers
from .readers import quote_row, safe_url, scores


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


def suggested_evidence(session: Session, forecast_id: int, n: int = 5) -> list[dict]:
    """What `onrecord review` suggests for the forecast (ledger.review.evidence), with safe links."""
    f = store.get(session, Forecast, forecast_id, "forecast")
    found = readers.cached(session, ("evidence", forecast_id, n), lambda: review.evidence(session, f, limit=n))
    return [e | {"link": safe_url(e["url"]), "terms": e["matched"]} for e in found]

"""Correcting who said a quote or owns a forecast. ledger.store has no such write yet (issue 12's
`onrecord correct` is being built on another branch); this adapter makes the same change the ledger
would: the quote or forecast points at a mention of the right person in its own article, created
for the purpose when that person is not otherwise named there."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..ledger import store
from ..ledger.schema import Forecast, Mention, Person, Quote


def _mention_of(session: Session, article_id: int, person_id: int) -> Mention:
    person = session.get(Person, store.root_id(session, person_id))
    if person is None:
        raise store.LedgerError(f"no person with id {person_id}")
    for m in session.scalars(select(Mention).where(Mention.article_id == article_id)):
        if store.root_id(session, m.person_id) == person.id:
            return m
    taken = set(session.scalars(select(Mention.local_id).where(Mention.article_id == article_id)))
    local = next(f"c{i}" for i in range(1, len(taken) + 2) if f"c{i}" not in taken)
    m = Mention(article_id=article_id, local_id=local, person_id=person.id, name=person.name,
                descriptions=[], spans=[])
    session.add(m)
    session.flush()
    return m


def set_speaker(session: Session, quote_id: int, person_id: int) -> Quote:
    q = session.get(Quote, quote_id)
    if q is None:
        raise store.LedgerError(f"no quote with id {quote_id}")
    q.mention_id = _mention_of(session, q.article_id, person_id).id
    return q


def set_owner(session: Session, forecast_id: int, person_id: int | None) -> Forecast:
    """`person_id` None gives the forecast to the article's author."""
    f = session.get(Forecast, forecast_id)
    if f is None:
        raise store.LedgerError(f"no forecast with id {forecast_id}")
    f.mention_id = None if person_id is None else _mention_of(session, f.article_id, person_id).id
    return f

"""Hand corrections applied to stored rows. A rule names its item by the article's content hash
and the item's span, so the same function serves a correction just made and an article stored
again later (a re-ingest after the ledger lost it, a re-analysis): the fix sticks to the words."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import identity
from .schema import Article, Correction, Forecast, Mention, Person, Quote

QUOTE_FIELDS = ("speaker", "not_a_quote")
FORECAST_FIELDS = ("owner", "not_a_forecast", "deadline", "probability")


def mention_of(session: Session, article_id: int, person: Person) -> Mention:
    """A mention of `person` (or of whom they were merged into) in the article; created for the
    purpose when the article does not otherwise name them."""
    person = identity._root(session, person)
    for m in session.scalars(select(Mention).where(Mention.article_id == article_id).order_by(Mention.id)):
        if identity._root(session, session.get(Person, m.person_id)).id == person.id:
            return m
    taken = set(session.scalars(select(Mention.local_id).where(Mention.article_id == article_id)))
    local = next(f"c{i}" for i in range(1, len(taken) + 2) if f"c{i}" not in taken)
    m = Mention(article_id=article_id, local_id=local, person_id=person.id, name=person.name,
                descriptions=[], spans=[])
    session.add(m)
    session.flush()
    return m


def active(session: Session, content_hash: str) -> list[Correction]:
    return list(session.scalars(select(Correction).where(Correction.content_hash == content_hash,
                                                         Correction.undone_at.is_(None)).order_by(Correction.id)))


def _item(session: Session, article: Article, rule: Correction):
    model = Quote if rule.target == "quote" else Forecast
    return session.scalar(select(model).where(model.article_id == article.id, model.start == rule.start,
                                              model.end == rule.end))


def apply(session: Session, article: Article, rule: Correction) -> None:
    """Make the stored item under `rule`'s span say what the rule says (nothing when the article
    holds no such item, e.g. one already removed as not a quote)."""
    item = _item(session, article, rule)
    if item is None:
        return
    if rule.field in ("not_a_quote", "not_a_forecast"):
        session.delete(item)
    elif rule.field in ("speaker", "owner"):
        person = session.get(Person, int(rule.value)) if rule.value else None
        item.mention_id = mention_of(session, article.id, person).id if person is not None else None
        if rule.field == "owner":  # corrected to a person, or to the author: no longer an unnamed owner
            item.owner_text = None
    elif rule.field == "deadline":
        item.deadline = dt.date.fromisoformat(rule.value) if rule.value else None
    elif rule.field == "probability":
        item.probability = float(rule.value) if rule.value else None
    session.flush()


def apply_all(session: Session, article: Article) -> int:
    """Every active rule for the article's text, oldest first (a later one wins). Returns how many."""
    rules = active(session, article.content_hash)
    for rule in rules:
        apply(session, article, rule)
    return len(rules)

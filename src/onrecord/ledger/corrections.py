"""`onrecord correct` and `onrecord corrections`: corrections made by hand, each recorded with who
made it and when, applied at once to the stored item and kept as a rule (ledger.rules) that an
article stored again later gets too. Undo marks a rule undone and rebuilds the item from the
article's analysis with the rules still standing."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import rules, store
from .schema import Article, Correction, Forecast, Mention, Person, Quote

FIELDS = {"quote": rules.QUOTE_FIELDS, "forecast": rules.FORECAST_FIELDS}
MODELS = {"quote": Quote, "forecast": Forecast}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def find_person(session: Session, ref: str) -> Person:
    """A person by id, or by a name written exactly so (any case) when one identity has it."""
    ref = ref.strip()
    if ref.isdigit():
        person = store.get(session, Person, int(ref), "person")
    else:
        named = {store.root_id(session, m.person_id) for m in session.scalars(
            select(Mention).where(func.lower(Mention.name) == ref.lower()))}
        named |= {p.id for p in session.scalars(select(Person).where(func.lower(Person.name) == ref.lower(),
                                                                     Person.merged_into.is_(None)))}
        if not named:
            raise store.NotFound(f"no person named {ref!r} (see `onrecord people --search`)")
        if len(named) > 1:
            raise store.LedgerError(f"{len(named)} people are named {ref!r} (ids {', '.join(map(str, sorted(named)))}); "
                                    "give the id")
        person = session.get(Person, named.pop())
    return session.get(Person, store.root_id(session, person.id))


def _value(field: str, value) -> str | None:
    """The rule's value as stored: checked here, so that a rule never fails when applied later."""
    if field in ("not_a_quote", "not_a_forecast"):
        return None
    if field in ("speaker", "owner"):
        return None if value is None else str(int(value))
    if field == "deadline":
        return dt.date.fromisoformat(str(value)).isoformat() if value is not None else None
    p = float(value)
    if not 0.0 <= p <= 1.0:
        raise store.LedgerError(f"a probability is between 0 and 1, not {value}")
    return repr(p)


def correct(session: Session, target: str, item_id: int, field: str, value=None, *, by: str) -> Correction:
    """Record one correction of quote or forecast `item_id` and apply it. `value`: a person id
    (None for a forecast: the article's author), a date, a probability; none for not_a_*."""
    if field not in FIELDS.get(target, ()):
        raise store.LedgerError(f"a {target} has no correctable field {field!r}")
    if not by.strip():
        raise store.LedgerError("say who makes the correction (--by NAME)")
    if field == "speaker" and value is None:
        raise store.LedgerError("a quote's speaker is a person")
    item = store.get(session, MODELS[target], item_id, target)
    if field == "not_a_forecast" and item.resolutions:
        raise store.LedgerError(f"forecast {item_id} has a recorded outcome; resolve it void instead")
    if field in ("speaker", "owner") and value is not None:
        store.get(session, Person, int(value), "person")
    rule = Correction(target=target, content_hash=item.article.content_hash, start=item.start, end=item.end,
                      field=field, value=_value(field, value), by=by.strip(), created_at=_now())
    session.add(rule)
    session.flush()
    rules.apply(session, item.article, rule)
    return rule


def undo(session: Session, correction_id: int) -> Correction:
    rule = store.get(session, Correction, correction_id, "correction")
    if rule.undone_at is not None:
        raise store.LedgerError(f"correction {correction_id} was undone on {rule.undone_at:%Y-%m-%d %H:%M}")
    rule.undone_at = _now()
    session.flush()
    for article in session.scalars(select(Article).where(Article.content_hash == rule.content_hash)):
        _restore(session, article, rule)
    return rule


def _restore(session: Session, article: Article, rule: Correction) -> None:
    """The item under the rule's span as analysed, then every rule still standing for that span."""
    key = "quotes" if rule.target == "quote" else "forecasts"
    found = [(i, x) for i, x in enumerate(article.analysis.get(key, [])) if list(x["span"]) == [rule.start, rule.end]]
    if not found:
        return
    position, original = found[0]
    mentions = {m.local_id: m for m in session.scalars(select(Mention).where(Mention.article_id == article.id))}
    build = store.quote_of if rule.target == "quote" else store.forecast_of
    fresh = build(article.id, position, original, mentions)
    model = MODELS[rule.target]
    row = session.scalar(select(model).where(model.article_id == article.id, model.start == rule.start,
                                             model.end == rule.end))
    if row is None:
        session.add(fresh)
    else:  # keep the row (and its id, its resolutions): only the fields a rule may change
        for name in ("mention_id", "owner_text", "deadline", "probability"):
            if hasattr(fresh, name):
                setattr(row, name, getattr(fresh, name))
    session.flush()
    for other in rules.active(session, rule.content_hash):
        if (other.target, other.start, other.end) == (rule.target, rule.start, rule.end):
            rules.apply(session, article, other)


def listing(session: Session, include_undone: bool = False) -> list[dict]:
    """Corrections, newest first, each with the item it applies to now (its id, None when removed)."""
    q = select(Correction).order_by(Correction.id.desc())
    if not include_undone:
        q = q.where(Correction.undone_at.is_(None))
    out = []
    for c in session.scalars(q):
        article = session.scalar(select(Article).where(Article.content_hash == c.content_hash))
        model = MODELS[c.target]
        item = session.scalar(select(model).where(model.article_id == article.id, model.start == c.start,
                                                  model.end == c.end)) if article else None
        text = article.text[c.start:c.end] if article else None
        value = c.value
        if c.field in ("speaker", "owner"):
            person = session.get(Person, store.root_id(session, int(c.value))) if c.value else None
            value = person.name if person else "(author)"
        out.append({"id": c.id, "target": c.target, "item": item.id if item else None,
                    "article": article.id if article else None, "span": [c.start, c.end], "text": text,
                    "field": c.field, "value": value, "by": c.by, "created_at": c.created_at.isoformat(timespec="seconds"),
                    "undone_at": c.undone_at.isoformat(timespec="seconds") if c.undone_at else None})
    return out

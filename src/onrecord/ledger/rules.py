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


def corrected_analysis(session: Session, article: Article) -> dict:
    """The article's stored analysis (FORMAT.md) with its active rules applied, as `show` prints it:
    removed items left out, a corrected speaker or owner named, a deadline or probability replaced.
    Items keep their order; a forecast's `quote` index follows the quotes that remain."""
    import copy
    analysis = copy.deepcopy(article.analysis)
    by_span: dict[tuple, list[Correction]] = {}
    for r in active(session, article.content_hash):  # oldest first: a later rule wins
        by_span.setdefault((r.target, r.start, r.end), []).append(r)

    def corrected(target: str, item: dict) -> dict | None:
        for rule in by_span.get((target, *item["span"]), []):
            if rule.field in ("not_a_quote", "not_a_forecast"):
                return None
            if rule.field in ("speaker", "owner"):
                person = session.get(Person, int(rule.value)) if rule.value else None
                key = "speaker" if rule.field == "speaker" else "owner"
                old = item.get(key) or {}
                item[key] = {"person": None, "name": person.name, "kind": person.kind,
                             "mention": old.get("mention") or item["span"],
                             "mention_text": old.get("mention_text") or person.name,
                             "resolved_by": "correction"} if person else None
            elif rule.field == "deadline":
                item["deadline"] = rule.value
            elif rule.field == "probability":
                item["probability"] = float(rule.value) if rule.value else None
        return item

    kept_quotes, new_index = [], {}
    for i, q in enumerate(analysis.get("quotes", [])):
        if (q := corrected("quote", q)) is not None:
            new_index[i] = len(kept_quotes)
            kept_quotes.append(q)
    forecasts = []
    for f in analysis.get("forecasts", []):
        if (f := corrected("forecast", f)) is not None:
            f["quote"] = new_index.get(f.get("quote")) if f.get("quote") is not None else None
            forecasts.append(f)
    analysis["quotes"], analysis["forecasts"] = kept_quotes, forecasts
    return analysis

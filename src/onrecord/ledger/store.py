"""Writing analyses into the ledger and reading them back. Each function takes a Session; the
caller owns the transaction (ingest commits once per article)."""
from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import identity, rules
from .schema import Article, Forecast, Mention, NameKey, Person, Quote, Resolution, ResolutionEvidence

ADDED, DUPLICATE = "added", "duplicate"
MAX_ID = 2**63 - 1  # ids are 64-bit integers on every backend


class LedgerError(Exception):
    pass


class NotFound(LedgerError):
    """No row with the id asked for."""


def get(session: Session, model, row_id: int, what: str):
    """The row of `model` with `row_id`, or NotFound (an id past 64 bits cannot exist, so it is
    not found rather than an overflow)."""
    row = session.get(model, row_id) if 0 < row_id <= MAX_ID else None
    if row is None:
        raise NotFound(f"no {what} with id {row_id}")
    return row


def _text(value) -> str | None:
    """A title or URL as stored: text, or None when the source gave something else (an object)."""
    return value if isinstance(value, str) and value.strip() else None


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def is_known(session: Session, text: str | None, url: str | None) -> bool:
    """Whether an article with this text (content hash) or this URL is stored already."""
    conds = ([Article.content_hash == content_hash(text)] if text is not None else []) + \
        ([Article.url == url] if url else [])
    if not conds:
        return False
    return session.scalar(select(func.count()).select_from(Article).where(or_(*conds))) > 0


def add_analysis(session: Session, analysis: dict, source: str | None = None) -> tuple[str, int | None]:
    """Store one analysis (the FORMAT.md dict). Returns (ADDED, id) or (DUPLICATE, None) when the
    same text or URL is already in the ledger, also when another writer stored it concurrently."""
    art = analysis["article"]
    url = _text(art.get("url"))
    for attempt in range(3):
        if is_known(session, art["text"], url):
            return DUPLICATE, None
        try:
            # A savepoint: when a concurrent ingest stored this article (or a person's name key)
            # first, its commit is visible on the next try, which then skips or reuses it.
            with session.begin_nested():
                return ADDED, _insert(session, analysis, art, url, source)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _insert(session: Session, analysis: dict, art: dict, url: str | None, source: str | None) -> int:
    article = Article(source_id=analysis.get("id"), content_hash=content_hash(art["text"]), url=url,
                      title=_text(art.get("title")), published=_date(art.get("published")),
                      language=art.get("language", "en"), source=source, text=art["text"], analysis=analysis,
                      ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    session.add(article)
    session.flush()
    mentions: dict[str, Mention] = {}
    for p in analysis.get("people", []):
        person = identity.resolve(session, p["name"], p.get("kind", "person"), p.get("descriptions", []))
        m = Mention(article_id=article.id, local_id=p["id"], person_id=person.id, name=p["name"],
                    descriptions=p.get("descriptions", []), spans=p.get("mentions", []))
        session.add(m)
        mentions[p["id"]] = m
    session.flush()
    for i, q in enumerate(analysis.get("quotes", [])):
        session.add(quote_of(article.id, i, q, mentions))
    for i, f in enumerate(analysis.get("forecasts", [])):
        session.add(forecast_of(article.id, i, f, mentions))
    session.flush()
    rules.apply_all(session, article)  # corrections made to this text before, when it was stored
    return article.id


def quote_of(article_id: int, position: int, q: dict, mentions: dict[str, Mention]) -> Quote:
    """The row of a FORMAT.md quote; `mentions` maps the analysis's person ids to stored mentions."""
    sp = q.get("speaker") or {}
    m = mentions.get(sp.get("person") or "")
    return Quote(article_id=article_id, position=position, start=q["span"][0], end=q["span"][1], text=q["text"],
                 type=q["type"], kind=q.get("kind", "speech"), mention_id=m.id if m else None,
                 speaker_text=sp.get("mention_text"))


def forecast_of(article_id: int, position: int, f: dict, mentions: dict[str, Mention]) -> Forecast:
    owner = f.get("owner") or {}
    m = mentions.get(owner.get("person") or "")
    return Forecast(article_id=article_id, position=position, start=f["span"][0], end=f["span"][1], text=f["text"],
                    mention_id=m.id if m else None, owner_text=None if m else owner.get("mention_text"),
                    probability=f.get("probability"), hedge=f.get("hedge"),
                    polarity=f.get("polarity", "positive"), condition=(f.get("condition") or {}).get("text"),
                    horizon=(f.get("horizon") or {}).get("text"), deadline=_date(f.get("deadline")))


# -- people --------------------------------------------------------------------------------------
def root_id(session: Session, person_id: int) -> int:
    p = session.get(Person, person_id)
    while p is not None and p.merged_into is not None:
        p = session.get(Person, p.merged_into)
    return p.id if p is not None else person_id


def people(session: Session, search: str | None = None) -> list[dict]:
    q = select(Person).where(Person.merged_into.is_(None)).order_by(Person.name)
    rows = []
    for p in session.scalars(q):
        if search and search.lower() not in p.name.lower() and not any(
                search.lower() in m.name.lower() for m in p.mentions):
            continue
        rows.append({"id": p.id, "name": p.name, "kind": p.kind, "descriptions": p.descriptions or [],
                     "forms": sorted({m.name for m in p.mentions}),
                     "articles": len({m.article_id for m in p.mentions}),
                     # a person's quotes are what they said: a stance others report is not one
                     "quotes": session.scalar(select(func.count()).select_from(Quote).join(Mention).where(
                         Mention.person_id == p.id, Quote.kind == "speech")),
                     "forecasts": session.scalar(select(func.count()).select_from(Forecast).join(Mention).where(
                         Mention.person_id == p.id))})
    return rows


def _person(session: Session, person_id: int) -> Person:
    p = get(session, Person, person_id, "person")
    if p.merged_into is not None:
        raise LedgerError(f"person {person_id} was merged into {p.merged_into}; use that id")
    return p


def merge(session: Session, keep_id: int, other_id: int) -> Person:
    """Fold `other` into `keep`: its mentions move, its name forms point to `keep` for good."""
    if keep_id == other_id:
        raise LedgerError("a person cannot be merged with itself")
    keep, other = _person(session, keep_id), _person(session, other_id)
    for m in list(other.mentions):
        m.person_id = keep.id
    for nk in session.scalars(select(NameKey).where(NameKey.person_id == other.id)):
        nk.person_id, nk.manual = keep.id, True
    identity._learn(keep, other.name, other.first_name, other.descriptions or [])
    other.merged_into = keep.id
    return keep


def split(session: Session, person_id: int, name: str) -> Person:
    """Move the mentions written `name` out of a person into a new identity that later ingests of
    that name form will also find."""
    person = _person(session, person_id)
    _, first, key = identity.name_parts(name)
    moving = [m for m in person.mentions if identity.name_parts(m.name)[2] == key]
    if not moving:
        forms = ", ".join(sorted({m.name for m in person.mentions}))
        raise LedgerError(f"person {person_id} has no mention written {name!r} (forms: {forms})")
    if len(moving) == len(person.mentions):
        raise LedgerError(f"every mention of person {person_id} is written {name!r}: nothing would be left")
    new = Person(name=name, kind=person.kind, surname_key=person.surname_key, first_name=first,
                 descriptions=sorted({d for m in moving for d in (m.descriptions or [])}))
    session.add(new)
    session.flush()
    for m in moving:
        m.person_id = new.id
    nk = session.get(NameKey, key)
    if nk is None:
        session.add(NameKey(key=key, person_id=new.id, manual=True))
    else:
        nk.person_id, nk.manual = new.id, True
    return new


# -- forecasts -----------------------------------------------------------------------------------
def status_of(f: Forecast, today: dt.date) -> str:
    if f.resolutions:
        return "resolved"
    if f.deadline is not None and f.deadline < today:
        return "due"
    return "open"


def latest_resolution(f: Forecast) -> Resolution | None:
    return f.resolutions[-1] if f.resolutions else None


def owner_label(row: dict) -> str:
    """How a forecast row's owner reads in a table: the person, the unnamed owner's words, or the author."""
    return row["owner"] or (f"{row['owner_text']} (unnamed)" if row.get("owner_text") else "(author)")


def forecast_row(session: Session, f: Forecast, today: dt.date) -> dict:
    owner = session.get(Mention, f.mention_id) if f.mention_id else None
    owner_id = root_id(session, owner.person_id) if owner else None
    res = latest_resolution(f)
    return {"id": f.id, "article": f.article_id, "owner": session.get(Person, owner_id).name if owner_id else None,
            "owner_id": owner_id, "owner_text": None if owner_id else f.owner_text,
            "text": f.text, "probability": f.probability, "hedge": f.hedge, "polarity": f.polarity,
            "condition": f.condition, "horizon": f.horizon,
            "deadline": f.deadline.isoformat() if f.deadline else None, "status": status_of(f, today),
            "outcome": res.outcome if res else None, "evidence": res.evidence if res else None,
            "evidence_article": evidence_article(session, res.id) if res else None,
            "published": f.article.published.isoformat() if f.article.published else None}


def forecasts(session: Session, owner: str | None = None, status: str | None = None,
              today: dt.date | None = None) -> list[dict]:
    today = today or dt.date.today()
    rows = [forecast_row(session, f, today) for f in session.scalars(select(Forecast).order_by(Forecast.id))]
    if owner:
        rows = [r for r in rows if r["owner"] and owner.lower() in r["owner"].lower()]
    if status:
        rows = [r for r in rows if r["status"] == status]
    return rows


def resolve(session: Session, forecast_id: int, outcome: str, evidence: str | None, on: dt.date | None = None,
            evidence_article: int | None = None) -> Resolution:
    """Record an outcome. `evidence_article`: a ledger article that shows it (see `onrecord
    review`), kept with the resolution; the evidence text then defaults to that article's URL."""
    f = get(session, Forecast, forecast_id, "forecast")
    if outcome not in ("yes", "no", "void"):
        raise LedgerError("outcome must be yes, no or void")
    cited = get(session, Article, evidence_article, "article") if evidence_article is not None else None
    if not (evidence or "").strip() and cited is not None:
        evidence = cited.url or f"article {cited.id}: {cited.title or cited.source_id or 'untitled'}"
    if not (evidence or "").strip():
        raise LedgerError("evidence is required: a URL or a sentence saying what happened")
    r = Resolution(forecast_id=f.id, outcome=outcome, evidence=evidence, resolved_on=on or dt.date.today(),
                   recorded_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    session.add(r)
    session.flush()
    if cited is not None:
        session.add(ResolutionEvidence(resolution_id=r.id, article_id=cited.id))
        session.flush()
    return r


def evidence_article(session: Session, resolution_id: int) -> int | None:
    """The ledger article a resolution cites, if it cites one."""
    row = session.get(ResolutionEvidence, resolution_id)
    return row.article_id if row is not None else None


def history(session: Session, f: Forecast) -> list[dict]:
    """Every resolution of a forecast, oldest first (the last one stands)."""
    return [{"id": r.id, "outcome": r.outcome, "evidence": r.evidence,
             "evidence_article": evidence_article(session, r.id), "resolved_on": r.resolved_on.isoformat(),
             "recorded_at": r.recorded_at.isoformat(timespec="seconds")} for r in f.resolutions]


def article(session: Session, article_id: int) -> Article:
    return get(session, Article, article_id, "article")

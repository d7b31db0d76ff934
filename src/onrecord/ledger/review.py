"""`onrecord review`: forecasts coming due or overdue, each with the later articles of the ledger
that may settle it. A forecast's subject is sought by its entities (capitalised names, weighted
most) and its key terms (content words, less the hedges and time words every forecast has); each
later article is ranked by its best-matching sentence, which is shown, so that a person can judge
the evidence and cite it with `resolve --evidence-article`."""
from __future__ import annotations

import datetime as dt
import re

from spacy.lang.en.stop_words import STOP_WORDS
from sqlalchemy import case, select
from sqlalchemy.orm import Session, undefer

from . import store
from .schema import Article, Forecast

# words of the forecast's form, not of its subject: they would match any other forecast
FORM_WORDS = set("""will would shall could might may must likely unlikely probably possibly certainly surely
perhaps expect expects expected predict predicts predicted forecast forecasts chance chances percent per cent
year years month months week weeks day days next end soon later early late within by before after until
january february march april may june july august september october november december spring summer autumn
winter decade time said says say told tells added""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n\s*\n")
ENTITY_WEIGHT, TERM_WEIGHT = 3.0, 1.0


def _stem(word: str) -> str:
    """A crude common root, so that "elections" finds "election" and "rising" finds "rise"."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[:-len(suffix)][:6]
    return w[:6]


def subject(text: str) -> dict[str, float]:
    """Stem → weight: capitalised words not at the start of the text are entities."""
    out: dict[str, float] = {}
    for i, m in enumerate(WORD.finditer(text)):
        w = m.group()
        lower = w.lower()
        if lower in STOP_WORDS or lower in FORM_WORDS or len(lower) < 3:
            continue
        weight = ENTITY_WEIGHT if w[0].isupper() and i > 0 else TERM_WEIGHT
        key = _stem(w)
        out[key] = max(out.get(key, 0.0), weight)
    return out


def sentences(text: str):
    """(start, end) of each sentence of a text, trimmed."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        yield from _trimmed(text, start, m.start())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, s: int, e: int):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


def best_sentence(text: str, wanted: dict[str, float]) -> tuple[float, int, int, list[str]]:
    """(score, start, end, matched stems) of the sentence sharing most weight with `wanted`."""
    best = (0.0, 0, 0, [])
    for s, e in sentences(text):
        found = sorted({_stem(w) for w in WORD.findall(text[s:e])} & set(wanted))
        score = sum(wanted[k] for k in found)
        if score > best[0]:
            best = (score, s, e, found)
    return best


def _later(article: Article, other: Article) -> bool:
    if article.published and other.published:
        return other.published > article.published
    return other.ingested_at > article.ingested_at


def evidence(session: Session, f: Forecast, limit: int = 3, share: float = 0.4) -> list[dict]:
    """Later articles that may settle `f`, best first, each with the sentence that matched: one
    holding at least `share` of the subject's weight (a name, or a key term of a short subject)."""
    wanted = subject(f.text)
    if not wanted:
        return []
    min_score = max(TERM_WEIGHT, share * sum(wanted.values()))
    found = []
    # An article's best sentence cannot share more weight than the whole article does, so the
    # database drops every article whose text holds too little of the subject, and only the rest
    # are read in full.
    bound = sum(case((Article.text.ilike(f"%{k}%"), w), else_=0.0) for k, w in wanted.items())
    candidates = (select(Article).options(undefer(Article.text))
                  .where(Article.id != f.article_id, bound >= min_score).order_by(Article.id))
    for other in session.scalars(candidates):
        if not _later(f.article, other):
            continue
        score, s, e, matched = best_sentence(other.text, wanted)
        if score >= min_score:
            found.append({"article": other.id, "title": other.title, "url": other.url,
                          "published": other.published.isoformat() if other.published else None,
                          "score": score, "span": [s, e], "sentence": other.text[s:e], "matched": matched})
    found.sort(key=lambda r: (-r["score"], r["published"] or "", r["article"]))
    return found[:limit]


def review(session: Session, today: dt.date | None = None, within_days: int = 30, limit: int = 3) -> list[dict]:
    """Unresolved forecasts whose deadline has passed or falls within `within_days`, soonest
    first, each with its suggested evidence."""
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=within_days)
    q = select(Forecast).where(Forecast.deadline.is_not(None), Forecast.deadline <= horizon).order_by(
        Forecast.deadline, Forecast.id)
    out = []
    for f in session.scalars(q):
        if f.resolutions:
            continue
        row = store.forecast_row(session, f, today)
        row["days_left"] = (f.deadline - today).days
        row["evidence_suggested"] = evidence(session, f, limit)
        out.append(row)
    return out

"""Track records: Brier scores against a 0.5 baseline, hit rates and calibration, per voice.

A voice is a person (one identity across articles), or an article's author: the author's own
forecasts are scored per outlet (the URL's host) and per byline when the page gives one, never
pooled across outlets, since "the author" of two outlets is not one forecaster; an article with
no URL is an outlet of its own. A forecast owned by an unnamed group ("analysts said") has no one
to hold to account and is not ranked. Only yes/no outcomes count as resolved; void ones are
counted apart. Every score carries its n, every calibration bin its count."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import store
from .schema import Article, Correction, Forecast

BINS = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0001)]


def brier(pairs: list[tuple[float, int]]) -> float:
    """Mean squared distance between stated probability and outcome (1 yes, 0 no)."""
    return sum((p - o) ** 2 for p, o in pairs) / len(pairs)


def calibration(pairs: list[tuple[float, int]]) -> list[dict]:
    out = []
    for lo, hi in BINS:
        inside = [(p, o) for p, o in pairs if lo <= p < hi]
        if inside:
            out.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                        "stated": round(sum(p for p, _ in inside) / len(inside), 3),
                        "observed": round(sum(o for _, o in inside) / len(inside), 3)})
    return out


def outlet(article: Article) -> str:
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return host.removeprefix("www.")
    return f"article {article.id}"


def byline(article: Article) -> str | None:
    authors = [a for a in (article.analysis.get("article") or {}).get("authors") or [] if isinstance(a, str)]
    return ", ".join(authors) if authors else None


def _owned_by_group(f: Forecast, owner_corrected: set) -> bool:
    """Whether the analysis gave this forecast to an unnamed group and no one corrected its owner."""
    if f.mention_id is not None or (f.article.content_hash, f.start, f.end) in owner_corrected:
        return False
    return f.owner_text is not None


def voice(f: Forecast, row: dict) -> tuple[tuple, dict]:
    """The key a forecast is scored under and how that voice is named."""
    if row["owner_id"] is not None:
        return ("person", row["owner_id"]), {"kind": "person", "owner_id": row["owner_id"], "owner": row["owner"],
                                             "outlet": None, "byline": None}
    place, by = outlet(f.article), byline(f.article)
    label = f"(author{': ' + by if by else ''}, {place})"
    return ("author", place, by), {"kind": "author", "owner_id": None, "owner": label, "outlet": place, "byline": by}


def scores(session: Session, min_resolved: int = 1, today: dt.date | None = None) -> list[dict]:
    """One row per voice with at least `min_resolved` forecasts scored (resolved yes or no, with a
    probability), best Brier first."""
    today = today or dt.date.today()
    owner_corrected = {(c.content_hash, c.start, c.end) for c in session.scalars(
        select(Correction).where(Correction.target == "forecast", Correction.field == "owner",
                                 Correction.undone_at.is_(None)))}
    names: dict = {}
    made: dict = defaultdict(int)
    void: dict = defaultdict(int)
    resolved: dict = defaultdict(int)
    pairs: dict = defaultdict(list)
    for f in session.scalars(select(Forecast).order_by(Forecast.id)):
        if _owned_by_group(f, owner_corrected):
            continue
        row = store.forecast_row(session, f, today)
        key, names[key] = voice(f, row)
        made[key] += 1
        if row["outcome"] == "void":
            void[key] += 1
        elif row["outcome"] in ("yes", "no"):
            resolved[key] += 1
            if row["probability"] is not None:
                pairs[key].append((row["probability"], 1 if row["outcome"] == "yes" else 0))
    out = []
    for key, n in made.items():
        ps = pairs.get(key, [])
        if len(ps) < max(1, min_resolved):
            continue
        out.append({**names[key], "made": n, "resolved": resolved[key], "void": void[key], "n": len(ps),
                    "scored": len(ps), "brier": round(brier(ps), 4), "baseline_brier": 0.25,
                    "hit_rate": round(sum(o for _, o in ps) / len(ps), 3),
                    "mean_probability": round(sum(p for p, _ in ps) / len(ps), 3),
                    "calibration": calibration(ps)})
    return sorted(out, key=lambda r: (r["brier"], -r["n"], r["owner"]))

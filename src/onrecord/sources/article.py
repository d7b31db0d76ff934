"""One input, whatever its source, as the Article that analysis takes."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Article
from . import html as html_source

HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<\?xml|<head|<body|<div|<article|<p[\s>])", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:1000]))


@dataclass
class Request:
    """One article to analyse, as `analyze` takes it. `published` may be a `datetime.date` (or
    datetime) or the string YYYY-MM-DD; it is kept as the string."""
    text: str
    published: str | dt.date | None = None
    url: str | None = None
    id: str | None = None
    title: str | None = None
    html: bool | None = None  # None: decide by looking
    fallback_published: str | None = None  # e.g. a crawl date, used when the page states no date

    def __post_init__(self) -> None:
        self.published = iso_date(self.published)
        self.fallback_published = iso_date(self.fallback_published)


def iso_date(value: str | dt.date | None) -> str | None:
    """A date as FORMAT.md writes it: a datetime keeps only its day (the date it was published
    where it was written, not converted to another zone)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else value


NO_TEXT = "no article text in it (an empty page, or only scripts and markup)"


def has_text(article: Article) -> bool:
    """Whether there is anything to analyse: a page that extracts to nothing is unreadable input,
    not an article with no quotes; so is one with no letter nor digit (a stray dot of markup)."""
    return any(c.isalnum() for c in article.text)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: str | None) -> str | None:
    # a lone surrogate cannot be encoded in any output; U+FFFD is one code point too, so every
    # character offset into the text stays valid
    return LONE_SURROGATE.sub("\ufffd", value) if value else value


def without_surrogates(req: Request) -> Request:
    """The request with every lone surrogate of its text, URL, id and title replaced by U+FFFD."""
    return Request(_clean(req.text) or "", req.published, _clean(req.url), _clean(req.id), _clean(req.title),
                   req.html, req.fallback_published)


def to_article(req: Request) -> Article:
    req = without_surrogates(req)
    is_html = req.html if req.html is not None else looks_like_html(req.text)
    if is_html:
        page = html_source.extract(req.text, url=req.url)
        return Article(text=page.text, id=req.id, title=req.title or page.title,
                       published=req.published or page.published or req.fallback_published, authors=page.authors,
                       url=req.url or page.url)
    return Article(text=req.text, id=req.id, title=req.title, published=req.published or req.fallback_published,
                   url=req.url)

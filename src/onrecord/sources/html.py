"""HTML pages → body text and metadata, through trafilatura."""
from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)


SHORT_BODY_WORDS = 120


def _field(doc, name: str):
    return getattr(doc, name, None) if not isinstance(doc, dict) else doc.get(name)


def extract(html: str, url: str | None = None) -> Page:
    """The main text of a page, paragraphs separated by blank lines (the plain-text convention the
    structure detector reads), with title, date, author and URL from its metadata."""
    doc = trafilatura.bare_extraction(html, url=url, favor_precision=True, include_comments=False,
                                      with_metadata=True)
    if doc is None or len((_field(doc, "text") or "").split()) < SHORT_BODY_WORDS:
        # precision mode sometimes keeps only a teaser; a second pass that favours recall finds the body
        second = trafilatura.bare_extraction(html, url=url, favor_recall=True, include_comments=False,
                                             with_metadata=True)
        if second is not None and len((_field(second, "text") or "").split()) > len((_field(doc, "text") or "").split()):
            doc = second
    if doc is None:
        return Page(text="")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    text = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return Page(text=text, title=data.get("title") or None, published=data.get("date") or None,
                url=data.get("url") or url, authors=authors)

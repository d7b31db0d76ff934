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


NOT_TEXT = ("script", "style", "noscript", "template", "head")
BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "article", "section")


def plain_text(html: str) -> str:
    """Every visible text of a fragment, a paragraph per block element: for pages so short that
    trafilatura takes their one sentence for boilerplate (a feed entry's summary)."""
    import lxml.etree
    import lxml.html
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):  # no element at all, or only a comment
        return ""
    for el in list(root.iter(*NOT_TEXT)):  # a list: dropping while iterating skips elements
        if el.getparent() is not None:
            el.drop_tree()
        else:
            el.clear()
    if root.tag in NOT_TEXT:
        return ""
    for el in root.iter(*BLOCKS):
        el.text = "\n\n" + (el.text or "")
        el.tail = "\n\n" + (el.tail or "")
    lines = (" ".join(chunk.split()) for chunk in root.text_content().split("\n\n"))
    return "\n\n".join(x for x in lines if x)


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
        return Page(text=plain_text(html), url=url)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    text = "\n\n".join(line.strip() for line in body.splitlines() if line.strip()) or plain_text(html)
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return Page(text=text, title=data.get("title") or None, published=data.get("date") or None,
                url=data.get("url") or url, authors=authors)

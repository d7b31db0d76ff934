"""`analyze`: text or HTML in, `Analysis` out. Pure: no I/O, no database, deterministic.

Batches go through `analyze_many`, which runs spaCy's `nlp.pipe` so that the model is loaded
once and documents are processed in batches.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TypeVar

from .extract import pieces
from .extract.pipeline import pipeline
from .extract.textcache import text_of
from .model import Analysis, Article
from .sources import language
from .sources.article import Request, to_article

__all__ = ["Request", "analyze", "analyze_each", "analyze_many"]


def _from_doc(article: Article, doc) -> Analysis:
    if article.language != "en":
        return Analysis(article=article)
    st = doc._.structure
    article.structure = st
    if article.title is None and st.title is not None:
        article.title = article.text[st.title[0]:st.title[1]]
    return Analysis(article=article, people=doc._.people, quotes=doc._.quotes,
                    forecasts=doc._.forecasts or [], times=doc._.times or [])


# spaCy's memory grows with the characters of a batch, not its count of documents: a batch of 32
# pieces of a long text would hold 640,000 characters' worth of activations at once
BATCH_CHARS = 100_000


def _piped(nlp, docs: Iterable, batch_size: int) -> Iterator:
    """nlp.pipe over batches of at most `batch_size` documents and about BATCH_CHARS characters."""
    batch: list = []
    chars = 0
    for doc in docs:
        if batch and (len(batch) >= batch_size or chars + len(text_of(doc)) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, chars = [], 0
        batch.append(doc)
        chars += len(text_of(doc))
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def analyze_many(requests: Iterable[str | Request | Article], batch_size: int = 32) -> Iterator[Analysis]:
    """Analyses in input order, one per item: a plain string (text or HTML, as `nlp.pipe` takes
    texts), a `Request` (with its date, URL, id, title), or an Article taken as already extracted.

    A text longer than `pieces.PIECE_CHARS` goes through the pipeline as several documents, its
    pieces, whose analyses are merged back into one: time and memory grow with the length of the
    text instead of its square."""
    nlp = pipeline()
    articles: list[Article] = []
    piece_starts: list[int] = []  # for each doc, where its piece starts in its article's text
    ends: list[bool] = []  # for each doc, whether it is the last piece of its article

    def docs():
        for req in requests:
            if isinstance(req, str):
                req = Request(req)
            art = req if isinstance(req, Article) else to_article(req)
            art.language = language.detect(art.text)
            articles.append(art)
            # an article not in English is reported as such, with nothing extracted from it
            text = art.text if art.language == "en" else ""
            spans = pieces.bounds(text)
            for n, (s, e) in enumerate(spans):
                doc = nlp.make_doc(text[s:e] if len(spans) > 1 else text)
                doc._.published = art.published
                piece_starts.append(s)
                ends.append(n == len(spans) - 1)
                yield doc

    done: list[tuple[int, Analysis]] = []
    a = 0
    for i, doc in enumerate(_piped(nlp, docs(), batch_size)):
        art = articles[a]
        if ends[i] and not done:
            yield _from_doc(art, doc)
        else:
            piece = Article(text=text_of(doc), published=art.published)
            done.append((piece_starts[i], _from_doc(piece, doc)))
            if ends[i]:
                yield pieces.merge(art, done)
                done = []
        if ends[i]:
            articles[a] = None  # type: ignore[call-overload]  # free the text as soon as it is out
            a += 1


K = TypeVar("K")


def _chunk_results(batch: list[tuple[K, Request | Article | None]], batch_size: int
                   ) -> Iterator[tuple[K, Analysis | Exception | None]]:
    reqs = [r for _, r in batch if r is not None]
    try:
        done: list[Analysis | Exception] = list(analyze_many(reqs, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the article that broke the batch, keep the others
        done = []
        for r in reqs:
            try:
                done.append(next(analyze_many([r])))
            except Exception as err:  # noqa: BLE001
                done.append(err)
    results = iter(done)
    for key, req in batch:
        yield key, (next(results) if req is not None else None)


def analyze_each(pairs: Iterable[tuple[K, Request | Article | None]], chunk: int = 32
                 ) -> Iterator[tuple[K, Analysis | Exception | None]]:
    """(key, analysis) for each (key, request), in input order, in batches of `chunk`. An article
    that makes the analysis fail comes out as its exception and the others still come out; a
    None request (an input that could not be read) passes through as None. For long jobs, where
    one bad article must not cost the rest."""
    batch: list[tuple[K, Request | Article | None]] = []
    for pair in pairs:
        batch.append(pair)
        if sum(r is not None for _, r in batch) >= chunk:
            yield from _chunk_results(batch, chunk)
            batch = []
    if batch:
        yield from _chunk_results(batch, chunk)


def analyze(text_or_html: str, *, published: str | dt.date | None = None, url: str | None = None,
            id: str | None = None, title: str | None = None) -> Analysis:
    """Quotes, speakers and forecasts of one article.

    `published` (a `datetime.date` or YYYY-MM-DD) anchors relative dates and turns horizons into deadlines.
    HTML is recognised by its first tag and its body extracted first.
    """
    return next(analyze_many([Request(text_or_html, published, url, id, title)]))

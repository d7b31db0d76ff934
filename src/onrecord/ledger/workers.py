"""Analysis in worker processes for `ingest --workers N`: each worker loads the model once and
turns chunks of requests into outcomes; the ingesting process stays the only writer.

Outcomes are plain tuples, cheap to pickle: ("analysis", FORMAT.md dict), ("duplicate", None)
for an extracted text the ledger holds already, ("not_english", language) or ("failed", message).
At most 2 chunks per worker are in flight, so memory does not grow with the corpus.
"""
from __future__ import annotations

import collections
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..analysis import analyze_each
from ..sources.article import NO_TEXT, Request, has_text, to_article

Outcome = tuple[str, Any]
TextKnown = Callable[[str], bool]

_known: TextKnown | None = None  # in a worker: the ledger's extracted-text check, read-only


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def analyse_chunk(requests: list[Request], known: TextKnown | None) -> list[Outcome]:
    """Extract each page, drop texts the ledger has already (before the NLP), analyse the rest."""
    out: list[Outcome | None] = [None] * len(requests)
    articles = []
    for i, req in enumerate(requests):
        try:
            art = to_article(req)
        except Exception as err:  # noqa: BLE001 - one broken page must not cost the chunk
            out[i] = ("failed", f"extraction failed ({type(err).__name__}: {err})")
            continue
        if not has_text(art):
            out[i] = ("failed", NO_TEXT)
        elif known is not None and known(art.text):
            out[i] = ("duplicate", None)
        else:
            articles.append((i, art))
    for i, res in analyze_each(articles, chunk=max(1, len(articles))):
        if isinstance(res, Exception):
            out[i] = ("failed", f"analysis failed ({type(res).__name__}: {res})")
        elif res.article.language != "en":
            out[i] = ("not_english", res.article.language)
        else:
            out[i] = ("analysis", res.to_dict())
    return out  # type: ignore[return-value]


def _die_with_parent() -> None:
    """A worker must not outlive an ingest killed with SIGKILL (Linux; elsewhere it ends at EOF)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init_worker(db_url: str | None) -> None:
    _die_with_parent()
    global _known
    if db_url:
        from sqlalchemy import create_engine
        from sqlalchemy.orm import sessionmaker

        from .inputs import text_known
        Session = sessionmaker(create_engine(db_url))

        def known(text: str) -> bool:
            with Session() as s:
                return text_known(s, text)
        _known = known
    from ..extract.pipeline import pipeline
    pipeline()  # once per worker, before the first chunk


def _work(requests: list[Request]) -> list[Outcome]:
    return analyse_chunk(requests, _known)


def outcomes(chunks: Iterable[list[Request]], workers: int, known: TextKnown | None,
             db_url: str | None) -> Iterator[list[Outcome]]:
    """The outcomes of each chunk, in input order. One worker: in this process, with `known`;
    more: in `workers` processes that check the ledger at `db_url` themselves."""
    if workers <= 1:
        for chunk in chunks:
            yield analyse_chunk(chunk, known)
        return
    ctx = multiprocessing.get_context("spawn")  # no fork of a process holding threads and connections
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(db_url,)) as pool:
        pending: collections.deque[Future] = collections.deque()
        for chunk in chunks:
            pending.append(pool.submit(_work, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

"""`onrecord analyze`: articles in, quotes, speakers and forecasts out (a report, JSON or JSON Lines)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..analysis import analyze_each
from ..sources import files as sources
from ..sources.article import NO_TEXT, has_text
from ..sources.corpus import read_dated
from ..sources.files import EXIT_BAD_INPUT, EXIT_NOT_ENGLISH, EXIT_SOME_FAILED, InputError, Item
from .app import app
from .common import check_stdin, error, progress, valid_date, warn


def _count(paths: list[str]) -> int:
    n = 0
    for p in paths:
        if sources.kind_of(p) == "jsonl" and not p.endswith(".gz") and Path(p).is_file():
            with open(p, "rb") as f:
                n += sum(1 for line in f if line.strip())
        else:
            n += 1
    return n


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Articles: .txt, .html, .htm, .html.gz, .jsonl; - reads stdin.",
                                               show_default=False, metavar="PATH")],
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD: anchors 'Tuesday', "
                         "'next year' and deadlines. A JSONL record's own \"published\" wins.",
                         callback=valid_date, metavar="DATE")] = None,
    url: Annotated[Optional[str], typer.Option(help="The article's URL, recorded with it.", metavar="URL")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON of FORMAT.md, indented "
                                          "(an array when there is more than one article).")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line, per article.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.", min=1,
                                           metavar="BYTES")] = sources.DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1, metavar="N")] = 32,
) -> None:
    """Extract quotes, speakers and forecasts from articles.

    \b
    Examples:
      onrecord analyze examples/harbour-strike-outlook.txt --published 2024-03-06
      onrecord analyze examples/harbour-strike-outlook.txt --json
      onrecord analyze examples/harbour-strike-outlook.txt --jsonl > out.jsonl

    \b
    Without --published (or a date in the page), deadlines read
    "18 months after publication (date unknown)". With --jsonl every input
    line gets one output line; a failed one is {"id": …, "line": N, "error": "…"}.
    Each problem is one line on stderr.
    """
    if as_json and as_jsonl:
        raise typer.BadParameter("--json and --jsonl exclude each other")
    check_stdin(paths)
    out = Console(soft_wrap=False) if not (as_json or as_jsonl) else None
    codes: list[int] = []
    results: list[dict] = []
    undated: list[str] = []  # warned once per run, not per article

    def items() -> Iterator[Item]:
        for p in paths:
            # a .txt file is dated as `ingest` dates it: --published, else its sidecar or file name
            read = (partial(read_dated, published=published, url=url) if p.lower().endswith(".txt")
                    else partial(sources.read, published=published, url=url))
            for item in read(p, max_bytes=max_bytes):
                if item.note:
                    error(item.note, "note", "yellow")
                yield item

    def failed(item: Item, e: InputError) -> None:
        error(e)
        codes.append(EXIT_SOME_FAILED if item.line is not None else e.code)
        if as_jsonl:  # one output line per input line, in order
            rid = item.request.id if item.request is not None else None
            print(json.dumps({"id": rid, "line": item.line, "error": str(e)}, ensure_ascii=False))

    total = _count(paths)
    with progress(total) as bar:
        task = bar.add_task("analyse", total=total)
        pairs = ((i, i.request if i.error is None else None) for i in items())
        for item, analysis in analyze_each(pairs, chunk=batch_size):
            bar.advance(task)
            if analysis is None:
                failed(item, item.error)
                continue
            if isinstance(analysis, Exception):  # a bug of ours: say so, keep going
                failed(item, InputError(f"{item.where}: analysis failed ({type(analysis).__name__}: {analysis}); "
                                        "please report this article", EXIT_SOME_FAILED))
                continue
            if not has_text(analysis.article):
                failed(item, InputError(f"{item.where}: {NO_TEXT}", EXIT_BAD_INPUT))
                continue
            if analysis.article.language != "en":
                error(f"{item.where}: the article is in '{analysis.article.language}'; "
                      "onrecord analyses English only, so nothing was extracted")
                codes.append(EXIT_NOT_ENGLISH)
            elif not analysis.article.published and not undated and any(
                    f.deadline is None and f.horizon is not None and f.horizon.latest for f in analysis.forecasts):
                undated.append(item.where)
                warn(f"{item.where}: no publication date, so deadlines are counted from an unknown day "
                     "(give --published YYYY-MM-DD)")
            d = analysis.to_dict()
            if as_jsonl:
                print(json.dumps(d, ensure_ascii=False))
            elif as_json:
                results.append(d)
            elif analysis.article.language == "en":
                from .report import render
                render(analysis, out)
    if as_json and results:
        print(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=1))
    sys.stdout.flush()
    if codes:
        raise typer.Exit(codes[0] if len(set(codes)) == 1 else max(codes))

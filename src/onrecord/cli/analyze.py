"""`onrecord analyze`: articles in, quotes, speakers and forecasts out (a report, JSON or JSON Lines)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..analysis import analyze_each
from ..sources import files as sources
from ..sources.files import EXIT_NOT_ENGLISH, EXIT_SOME_FAILED, InputError, Item
from .app import app
from .common import err, progress, valid_date


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
                                               show_default=False)],
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD: anchors 'Tuesday', "
                         "'next year' and deadlines. A JSONL record's own \"published\" wins.",
                         callback=valid_date)] = None,
    url: Annotated[Optional[str], typer.Option(help="The article's URL, recorded with it.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON of FORMAT.md, indented "
                                          "(an array when there is more than one article).")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line, per article.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.")] = sources.DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 32,
) -> None:
    """Extract quotes, speakers and forecasts from articles.

    \b
    Examples:
      onrecord analyze examples/ukraine-outlook.txt --published 2024-03-02
      onrecord analyze page.html --json
      onrecord analyze corpus.jsonl --jsonl > analyses.jsonl

    \b
    Exit codes: 0 all analysed; 2 usage; 3 unreadable input (missing, empty, binary,
    undecodable); 4 over --max-bytes; 5 not English; 6 some JSONL lines failed (the rest
    were analysed). Each problem is one line on stderr.
    """
    if as_json and as_jsonl:
        raise typer.BadParameter("--json and --jsonl exclude each other")
    out = Console(soft_wrap=False) if not (as_json or as_jsonl) else None
    codes: list[int] = []
    results: list[dict] = []

    def items() -> Iterator[Item]:
        for p in paths:
            for item in sources.read(p, published=published, url=url, max_bytes=max_bytes):
                if item.note:
                    err.print(f"[yellow]note[/yellow]: {item.note}", highlight=False)
                yield item

    def failed(item: Item, e: InputError) -> None:
        err.print(f"[red]error[/red]: {e}", highlight=False)
        codes.append(EXIT_SOME_FAILED if item.line is not None else e.code)
        if as_jsonl and item.request is not None:
            print(json.dumps({"id": item.request.id, "error": str(e)}, ensure_ascii=False))

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
            if analysis.article.language != "en":
                err.print(f"[red]error[/red]: {item.where}: the article is in '{analysis.article.language}'; "
                          "onrecord analyses English only, so nothing was extracted", highlight=False)
                codes.append(EXIT_NOT_ENGLISH)
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

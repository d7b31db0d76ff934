"""Ledger commands: ingest, resolve, scores, show, export; `forecasts` and the other readers are in
views. Each is a thin adapter over onrecord.ledger."""
from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from ..sources.files import DEFAULT_MAX_BYTES, EXIT_SOME_FAILED
from .app import app
from .common import (EXIT_NOT_FOUND, EXIT_OUTPUT, EXIT_USAGE, DbOption, JsonOption, check_stdin, err, error, fail,
                     out, progress, rate, session, valid_date, write)
from .safe_text import clean, data


def _row(table: Table, *cells) -> None:
    """A table row of data: each cell shown literally (never markup), control characters removed."""
    table.add_row(*(data("" if c is None else c) for c in cells))


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files and directories (walked recursively): .txt, .html(.gz), "
                                               ".jsonl, RSS/Atom feeds (.rss, .atom, .xml), WARC (.warc, .warc.gz).",
                                               show_default=False, metavar="PATH")],
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles that "
                         "state none (plain text files).", callback=valid_date, metavar="DATE")] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.", min=1,
                                           metavar="BYTES")] = DEFAULT_MAX_BYTES,
    workers: Annotated[Optional[int], typer.Option(help="Analysis processes, each loading the model once "
                       "(default: every core). The ledger has one writer whatever the number.",
                       min=1, show_default=False)] = None,
    allow_foreign_tables: Annotated[bool, typer.Option(
        "--allow-foreign-tables", help="Add the ledger's tables to a database that holds another "
        "application's tables (refused otherwise).")] = False,
) -> None:
    """Analyse corpora into the ledger. Re-ingesting adds nothing; a killed run can simply be restarted.

    A directory written by `onrecord batch` is loaded without analysing again.

    \b
    Examples:
      onrecord ingest examples/ --published 2024-03-06 --db ledger.db
      onrecord ingest feed.xml CC-NEWS-20240301.warc.gz --workers 2
      onrecord ingest ccnews/ --db ledger.db

    \b
    A .txt file takes its publication date from a sidecar FILE.txt.json or FILE.meta.json
    ({"published": "YYYY-MM-DD", "url": ..., "title": ...}), else from a date in its name
    (..._2016-09-12_...), else from --published; without any, a warning names it.
    Pages not in English are skipped (not failures).

    \b
    Only ingest creates a ledger; every other command refuses one that does
    not exist. Concurrent ingests into one ledger wait for each other (up to
    $ONRECORD_LOCK_TIMEOUT seconds, default 60). Exit 6: some inputs failed
    (each named on stderr, the rest ingested).
    """
    from rich.progress import BarColumn, TextColumn, TimeElapsedColumn

    from ..ledger.ingest import ingest as run_ingest
    from ..ledger.workers import cores
    check_stdin(paths)
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        fail(f"{missing[0]}: no such file or directory")
    start = time.perf_counter()
    shown = warned = 0
    with progress(None, "ingesting", BarColumn(bar_width=None), TextColumn("{task.description}"),
                  TimeElapsedColumn()) as bar:
        task = bar.add_task("", total=None)

        def report(c) -> None:
            nonlocal shown, warned
            while shown < len(c.errors):
                error(c.errors[shown], "failed")
                shown += 1
            while warned < len(c.warnings):
                err.print(f"[yellow]warning[/yellow]: {clean(c.warnings[warned])}", highlight=False)
                warned += 1
            per_s = rate(c.seen / max(1e-9, time.perf_counter() - start))
            bar.update(task, description=f"{c.added} added · {c.duplicate} duplicate · {c.not_english} not English"
                                         f" · {c.failed} failed · {per_s} art/s")

        ledger = session(db, create=True, allow_foreign=allow_foreign_tables)  # a bad URL fails here
        counts = run_ingest(paths, ledger, max_bytes=max_bytes, published=published,
                            workers=workers or cores(), on_progress=report)
        report(counts)
    elapsed = time.perf_counter() - start
    not_english = f", {counts.not_english} skipped (not English)" if counts.not_english else ""
    print(f"{counts.added} added, {counts.duplicate} skipped as duplicates, {counts.failed} failed{not_english} "
          f"({rate(counts.seen / max(elapsed, 1e-9))} articles/s)")
    if counts.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def resolve(forecast: Annotated[int, typer.Argument(help="Forecast id (see `onrecord forecasts`).")],
            outcome: Annotated[str, typer.Option(help="yes | no | void")],
            evidence: Annotated[Optional[str], typer.Option(help="A URL or a sentence saying what happened "
                                                            "(default with --evidence-article: its URL).")] = None,
            evidence_article: Annotated[Optional[int], typer.Option(help="A ledger article that shows the outcome "
                                                                    "(see `onrecord review`), kept with it.",
                                                                    metavar="ID")] = None,
            on: Annotated[Optional[str], typer.Option(help="Date of the outcome (default today).",
                                                      callback=valid_date, metavar="DATE")] = None,
            db: DbOption = None) -> None:
    """Record what happened. Every resolution is kept; a later one supersedes, never erases."""
    from ..ledger import store
    r = write(db, lambda s: store.resolve(s, forecast, outcome, evidence, dt.date.fromisoformat(on) if on else None,
                                          evidence_article))
    cited = f", citing article {evidence_article}" if evidence_article is not None else ""
    print(f"forecast {forecast}: {r.outcome} on {r.resolved_on} (resolution {r.id}{cited})")


@app.command()
def scores(min_resolved: Annotated[int, typer.Option(help="Voices with fewer scored forecasts are left out.")] = 1,
           owner: Annotated[Optional[str], typer.Option(help="Only voices whose name holds this.")] = None,
           plot: Annotated[Optional[Path], typer.Option(help="Also draw the calibration of the voices shown "
                                                        "(their forecasts together) to FILE.svg or FILE.png.",
                                                        metavar="FILE")] = None,
           db: DbOption = None, as_json: JsonOption = False) -> None:
    """Track records per voice: Brier score, hit rate, calibration, each with its n.

    Brier 0 is perfect; always saying 0.5 scores 0.25. The hit rate (share that came true) stands
    beside the mean stated probability; the calibration table compares them per probability bin.

    \b
    A voice is a person, or an article's author per outlet (and byline when the page has one),
    never pooled across outlets. Forecasts of unnamed groups ("analysts said") are not ranked.
    Void outcomes are not resolved: they are counted apart and never scored.
    """
    from ..ledger import scoring
    if plot is not None and plot.suffix.lower() not in (".svg", ".png"):
        raise typer.BadParameter("--plot takes a file ending .svg or .png")
    with session(db)() as s:
        rows = scoring.scores(s, min_resolved)
    if owner:
        rows = [r for r in rows if owner.lower() in r["owner"].lower()]
    if plot is not None:
        _draw(plot, rows)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    t = Table(title="Track records (Brier 0.250: always saying 0.5)", title_justify="left")
    for c in ("voice", "made", "resolved", "void", "n", "Brier", "hit rate", "mean p", "calibration"):
        t.add_column(c, no_wrap=c not in ("voice", "calibration"), ratio=1 if c == "calibration" else None)
    for r in rows:
        cal = ", ".join(f"{c['bin']}: {c['stated']:.2f}→{c['observed']:.2f} (n={c['n']})" for c in r["calibration"])
        _row(t, r["owner"], r["made"], r["resolved"], r["void"], r["n"], f"{r['brier']:.3f}",
             f"{r['hit_rate']:.2f}", f"{r['mean_probability']:.2f}", cal)
    out.print(t)


def _draw(path: Path, rows: list[dict]) -> None:
    from ..ledger import plot as plotting, png
    bins = plotting.merged_bins(rows)
    n = sum(b["n"] for b in bins)
    title = f"Calibration of {rows[0]['owner'] if len(rows) == 1 else f'{len(rows)} voices'} (n={n})"
    body = png.png(bins) if path.suffix.lower() == ".png" else plotting.svg(bins, title, standalone=True).encode()
    try:
        path.write_bytes(body)
    except OSError as e:
        fail(f"{path}: cannot write ({e.strerror or e})", EXIT_OUTPUT)
    err.print(data(f"calibration plot of {n} forecasts written to {path}"))


@app.command()
def show(article: Annotated[int, typer.Argument(help="Article id (see `onrecord export --what quotes`).")],
         db: DbOption = None, as_json: JsonOption = False) -> None:
    """An article from the ledger with its quotes and forecasts, hand corrections applied."""
    from ..ledger import rules, store
    from ..model import analysis_from_dict
    from .report import render
    from .views import article_forecasts
    with session(db)() as s:
        try:
            a = store.article(s, article)
        except store.NotFound as e:
            fail(e, EXIT_NOT_FOUND)
        analysis = rules.corrected_analysis(s, a)
    if as_json:
        print(json.dumps(analysis, ensure_ascii=False))
        return
    render(analysis_from_dict(analysis), out)
    article_forecasts(db, article)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help="jsonl | csv | parquet")] = "jsonl",
           what: Annotated[str, typer.Option(help="quotes | forecasts | people")] = "forecasts",
           output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="File to write "
                                                          "(default stdout; parquet needs a file). Written whole "
                                                          "or not at all, never over the ledger.")] = None,
           db: DbOption = None) -> None:
    """Export the ledger for other tools.

    \b
    Examples:
      onrecord export --format csv --what quotes --db ledger.db -o quotes.csv
      onrecord export --what forecasts --db ledger.db
    """
    from ..ledger import export as exporter, store
    from ..ledger.db import database_url, sqlite_path
    try:  # every check before the ledger is opened or the output touched
        exporter.check(what, fmt)
    except store.LedgerError as e:
        fail(e, EXIT_USAGE)
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet is binary: give --output FILE")
    ledger = session(db)
    try:
        with ledger() as s:
            if output is None:
                n = exporter.write(s, what, fmt, sys.stdout.buffer)
            else:
                n = exporter.write_file(s, what, fmt, output, sqlite_path(database_url(db)))
    except exporter.OutputError as e:
        fail(e, EXIT_OUTPUT)
    except OSError as e:
        fail(f"{output or 'stdout'}: cannot write ({e.strerror or e})", EXIT_OUTPUT)
    err.print(data(f"{n} {what} exported"))

"""Ledger commands: ingest, forecasts, resolve, scores, show, export. Each is a thin adapter over
onrecord.ledger."""
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
from .common import DbOption, err, fail, out, session, valid_date, write


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files and directories (walked recursively): .txt, .html(.gz), "
                                               ".jsonl, RSS/Atom feeds (.rss, .atom, .xml), WARC (.warc, .warc.gz).",
                                               show_default=False)],
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles that "
                         "state none (plain text files).", callback=valid_date)] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.")] = DEFAULT_MAX_BYTES,
    workers: Annotated[Optional[int], typer.Option(help="Analysis processes, each loading the model once "
                       "(default: every core). The ledger has one writer whatever the number.",
                       min=1, show_default=False)] = None,
) -> None:
    """Analyse corpora into the ledger. Re-ingesting adds nothing; a killed run can simply be restarted.

    A directory written by `onrecord batch` is loaded without analysing again.

    \b
    Examples:
      onrecord ingest articles/ --db ledger.db
      onrecord ingest feed.xml CC-NEWS-20240301.warc.gz --workers 2
      onrecord ingest batch-out/ --db ledger.db
    A .txt file takes its publication date from a sidecar FILE.txt.json or FILE.meta.json
    ({"published": "YYYY-MM-DD", "url": ..., "title": ...}), else from a date in its name
    (..._2016-09-12_...), else from --published; without any, a warning names it.
    Pages not in English are skipped (not failures).
    Exit codes: 0 all read; 6 some inputs failed (each named on stderr, the rest ingested).
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from ..ledger.ingest import ingest as run_ingest
    from ..ledger.workers import cores
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        fail(f"{missing[0]}: no such file or directory")
    start = time.perf_counter()
    shown = warned = 0
    with Progress(TextColumn("ingesting"), BarColumn(bar_width=None), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=err, transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("", total=None)

        def progress(c) -> None:
            nonlocal shown, warned
            while shown < len(c.errors):
                err.print(f"[red]failed[/red]: {c.errors[shown]}", highlight=False)
                shown += 1
            while warned < len(c.warnings):
                err.print(f"[yellow]warning[/yellow]: {c.warnings[warned]}", highlight=False)
                warned += 1
            rate = c.seen / max(1e-9, time.perf_counter() - start)
            bar.update(task, description=f"{c.added} added · {c.duplicate} duplicate · {c.not_english} not English"
                                         f" · {c.failed} failed · {rate:.1f} art/s")

        ledger = session(db)  # a bad URL fails here, before any reading
        counts = run_ingest(paths, ledger, max_bytes=max_bytes, published=published,
                            workers=workers or cores(), on_progress=progress)
        progress(counts)
    elapsed = time.perf_counter() - start
    not_english = f", {counts.not_english} skipped (not English)" if counts.not_english else ""
    print(f"{counts.added} added, {counts.duplicate} skipped as duplicates, {counts.failed} failed{not_english} "
          f"({counts.seen / max(elapsed, 1e-9):.1f} articles/s)")
    if counts.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def forecasts(owner: Annotated[Optional[str], typer.Option(help="Part of the owner's name.")] = None,
              status: Annotated[Optional[str], typer.Option(help="open | due | resolved")] = None,
              db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False,
              today: Annotated[Optional[str], typer.Option(help="Judge 'due' as of this date (YYYY-MM-DD).",
                                                           callback=valid_date)] = None) -> None:
    """List forecasts, with their status: open, due or resolved.

    Due: the deadline has passed and no outcome is recorded. Without a deadline a forecast stays
    open until resolved by hand."""
    from ..ledger import store
    if status not in (None, "open", "due", "resolved"):
        raise typer.BadParameter("--status must be open, due or resolved")
    with session(db)() as s:
        rows = store.forecasts(s, owner, status, dt.date.fromisoformat(today) if today else None)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    t = Table(title=f"Forecasts ({len(rows)})", title_justify="left")
    for c in ("id", "owner", "p", "deadline", "status", "forecast"):
        t.add_column(c)
    for r in rows:
        p = "—" if r["probability"] is None else f"{r['probability']:.2f}"
        st = r["status"] + (f": {r['outcome']}" if r["outcome"] else "")
        t.add_row(str(r["id"]), r["owner"] or "(author)", p, r["deadline"] or "—", st, r["text"][:160])
    out.print(t)


@app.command()
def resolve(forecast: Annotated[int, typer.Argument(help="Forecast id (see `onrecord forecasts`).")],
            outcome: Annotated[str, typer.Option(help="yes | no | void")],
            evidence: Annotated[str, typer.Option(help="A URL or a sentence saying what happened.")],
            on: Annotated[Optional[str], typer.Option(help="Date of the outcome (default today).",
                                                      callback=valid_date)] = None,
            db: DbOption = None) -> None:
    """Record what happened. Every resolution is kept; a later one supersedes, never erases."""
    from ..ledger import store
    r = write(db, lambda s: store.resolve(s, forecast, outcome, evidence, dt.date.fromisoformat(on) if on else None),
               code=2)
    print(f"forecast {forecast}: {r.outcome} on {r.resolved_on} (resolution {r.id})")


@app.command()
def scores(min_resolved: Annotated[int, typer.Option(help="Owners with fewer scored forecasts are left out.")] = 1,
           db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Track records per owner: Brier score, hit rate, calibration.

    Brier 0 is perfect; always saying 0.5 scores 0.25. The hit rate (share that came true) stands
    beside the mean stated probability; the calibration table compares them per probability bin."""
    from ..ledger import scoring
    with session(db)() as s:
        rows = scoring.scores(s, min_resolved)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    t = Table(title="Track records", title_justify="left")
    for c in ("owner", "made", "resolved", "Brier", "baseline", "hit rate", "mean p", "calibration (stated→observed)"):
        t.add_column(c, no_wrap=c == "owner")
    for r in rows:
        cal = ", ".join(f"{c['bin']}: {c['stated']:.2f}→{c['observed']:.2f} (n={c['n']})" for c in r["calibration"])
        t.add_row(r["owner"], str(r["made"]), str(r["resolved"]), f"{r['brier']:.3f}", "0.250",
                  f"{r['hit_rate']:.2f}", f"{r['mean_probability']:.2f}", cal)
    out.print(t)


@app.command()
def show(article: Annotated[int, typer.Argument(help="Article id (see `onrecord export --what quotes`).")],
         db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """An article from the ledger with its quotes and forecasts."""
    from ..ledger import store
    from ..model import analysis_from_dict
    from .report import render
    with session(db)() as s:
        try:
            a = store.article(s, article)
        except store.LedgerError as e:
            fail(str(e))
        data = a.analysis
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
        return
    render(analysis_from_dict(data), out)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help="jsonl | csv | parquet")] = "jsonl",
           what: Annotated[str, typer.Option(help="quotes | forecasts | people")] = "forecasts",
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default stdout; "
                                                          "parquet needs a file).")] = None,
           db: DbOption = None) -> None:
    """Export the ledger for other tools."""
    from ..ledger import export as exporter, store
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet is binary: give --output FILE")
    with session(db)() as s:
        try:
            if output is None:
                n = exporter.write(s, what, fmt, sys.stdout.buffer)
            else:
                with open(output, "wb") as f:
                    n = exporter.write(s, what, fmt, f)
        except store.LedgerError as e:
            fail(str(e), 2)
    err.print(f"{n} {what} exported", highlight=False)

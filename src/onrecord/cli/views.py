"""Reading the ledger: articles, quotes, a person, forecasts, one forecast. Each command prints one
function of onrecord.ledger.queries (the web serves the same), as a table, --json or --csv."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer
from rich.console import Group
from rich.text import Text

from .app import app
from .common import DbOption, JsonOption, out, valid_date
from .listing import CsvOption, LimitOption, cell, day, emit, highlighted, one_format, read, shorten, table
from .safe_text import clean

DateOption = Annotated[Optional[str], typer.Option(callback=valid_date, metavar="DATE",
                                                   help="YYYY-MM-DD (by the article's publication date).")]
SearchOption = Annotated[Optional[str], typer.Option(
    help="Words that must all occur (stemmed: 'reopen' finds 'reopened'); best match first.")]


def _article_cell(r: dict) -> Group:
    """Where a row is from: title, then outlet and date, then the URL (whole in --json and --csv)."""
    # a table cell holds a short title (whole in --json and --csv): a long one would fill the row
    lines = [cell(shorten(r.get("title") or r.get("article_title"), 40), "bold"),
             Text(clean(" · ".join(x for x in (r.get("outlet"), r.get("published")) if x)), style="dim")]
    if r.get("url"):
        lines.append(Text(clean(r["url"]), style="dim"))
    return Group(*lines)


@app.command()
def articles(search: SearchOption = None,
             source: Annotated[Optional[str], typer.Option(help="Outlet: the URL's host (bbc.co.uk) or a dated "
                                                           "file name's prefix.", metavar="OUTLET")] = None,
             since: DateOption = None, until: DateOption = None, limit: LimitOption = 50,
             db: DbOption = None, as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """List articles, newest first (best match first with --search), with their counts."""
    from ..ledger import queries
    one_format(as_json, as_csv)
    rows, total = read(db, lambda s: queries.articles(s, search, source, day(since), day(until), limit))
    if emit(rows, as_json, as_csv):
        return
    t = table(f"Articles ({len(rows)} of {total})", ("id", {"justify": "right"}), ("date", {"no_wrap": True}),
              "outlet", "title", "quotes", "forecasts", "url")
    for r in rows:
        t.add_row(cell(r["id"]), cell(r["published"]), cell(r["outlet"]), cell(r["title"]), cell(r["quotes"]),
                  cell(r["forecasts"]), cell(r["url"]))
    out.print(t)


@app.command()
def quotes(speaker: Annotated[Optional[str], typer.Option(help="Part of the speaker's name, or a person id.",
                                                          metavar="NAME")] = None,
           search: SearchOption = None,
           kind: Annotated[Optional[str], typer.Option(help="speech (their words) | stance (what others "
                                                       "report they think)")] = None,
           article: Annotated[Optional[int], typer.Option(help="Only this article's quotes.", metavar="ID")] = None,
           since: DateOption = None, until: DateOption = None, limit: LimitOption = 50,
           db: DbOption = None, as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """List quotes, each in its sentence, with the article it is from (title, outlet, date, URL)."""
    from ..ledger import queries
    one_format(as_json, as_csv)
    if kind not in (None, *queries.KINDS):
        raise typer.BadParameter("--kind must be speech or stance")
    rows = read(db, lambda s: queries.quotes(s, speaker, search, kind, article, limit, 0, day(since), day(until),
                                             context=True))
    if emit(rows, as_json, as_csv):
        return
    t = table(f"Quotes ({len(rows)})", ("id", {"justify": "right"}), "speaker", "kind",
              ("in its sentence (the quote in bold)", {"ratio": 3}), ("article", {"ratio": 2}))
    for r in rows:
        who = (r["speaker"] or {}).get("name") or r["speaker_text"] or "(unattributed)"
        t.add_row(cell(r["id"]), cell(who, "green"), cell(r["kind"]), highlighted(r["sentence"], r["span"]),
                  _article_cell(r))
    out.print(t)


@app.command()
def person(who: Annotated[str, typer.Argument(help="A person id, or a name or spelling (part of one will do "
                                              "when only one person holds it).", metavar="NAME|ID")],
           limit: LimitOption = 20, db: DbOption = None, as_json: JsonOption = False,
           today: Annotated[Optional[str], typer.Option(help="Judge 'due' as of this date (YYYY-MM-DD).",
                                                        callback=valid_date, metavar="DATE")] = None) -> None:
    """A person's record: names and spellings, descriptions, articles, quotes, forecasts with their
    status and outcome, and the track record. Quotes are what they said (speech); what others report
    they think is listed apart (stances)."""
    import json

    from ..ledger import queries
    p = read(db, lambda s: queries.person(s, who, day(today)))
    if as_json:
        print(json.dumps(p, ensure_ascii=False))
        return
    out.print(Text.assemble((clean(p["name"]), "bold"), f"  (person {p['id']}, {clean(p['kind'])})"))
    forms = ", ".join(f"{clean(n)} ×{k}" for n, k in sorted(p["forms"].items(), key=lambda x: -x[1]))
    out.print(Text(f"written as: {forms or '—'}"))
    out.print(Text(f"described as: {clean('; '.join(p['descriptions'])) or '—'}"))
    sc = p["score"]
    out.print(Text("track record: " + (f"Brier {sc['brier']:.3f} over {sc['resolved']} resolved of {sc['made']} "
                                       f"forecasts, hit rate {sc['hit_rate']:.2f}, mean p {sc['mean_probability']:.2f}"
                                       if sc else "no resolved forecast yet")))
    t = table(f"Articles ({len(p['timeline'])})", ("date", {"no_wrap": True}), "id", "title", "outlet",
              "quotes", "forecasts")
    for e in p["timeline"][:limit]:
        t.add_row(cell(e["date"]), cell(e["article"]), cell(e["title"]), cell(e["outlet"]), cell(e["quotes"]),
                  cell(e["forecasts"]))
    out.print(t)
    for title, rows in (("Quotes", p["speech"]), ("Stances (reported, not their words)", p["stance"])):
        if not rows:
            continue
        t = table(f"{title} ({len(rows)})", ("id", {"justify": "right"}), ("date", {"no_wrap": True}),
                  ("quote", {"ratio": 3}), ("article", {"ratio": 2}))
        for q in rows[:limit]:
            t.add_row(cell(q["id"]), cell(q["published"]), cell(shorten(q["text"], 240)), cell(q["title"]))
        out.print(t)
    print_forecasts(f"Forecasts ({len(p['forecasts'])})", p["forecasts"][:limit], owner=False)


def print_forecasts(title: str, rows: list[dict], owner: bool = True, source: bool = True) -> None:
    """The forecast table of `forecasts`, `person` and `show`: id, who, probability, hedge, the
    forecast and its condition, deadline, status and outcome, and the article."""
    from ..ledger.store import owner_label
    cols = ["id", *([("owner", {"max_width": 20})] if owner else []), "p", ("hedge", {"max_width": 12}),
            ("forecast", {"ratio": 3}),
            ("deadline", {"no_wrap": True}), "status", *([("article", {"ratio": 2, "min_width": 20})] if source else [])]
    t = table(title, *cols)
    for r in rows:
        text = Text(clean(r["text"]))
        if r.get("condition"):
            text.append(f"\nif: {clean(r['condition'])}", style="dim")
        status = r["status"] + (f": {r['outcome']}" if r.get("outcome") else "")
        cells = [cell(r["id"]), *([cell(owner_label(r), "green")] if owner else []),
                 cell(None if r["probability"] is None else f"{r['probability']:.2f}"), cell(r["hedge"]), text,
                 cell(r["deadline"]), cell(status), *([_article_cell(r)] if source else [])]
        t.add_row(*cells)
    out.print(t)


@app.command()
def forecasts(owner: Annotated[Optional[str], typer.Option(help="Part of the owner's name.")] = None,
              status: Annotated[Optional[str], typer.Option(help="open | due | resolved")] = None,
              source: Annotated[Optional[str], typer.Option(help="Outlet (see `onrecord articles`).",
                                                            metavar="OUTLET")] = None,
              since: DateOption = None, until: DateOption = None,
              due_before: Annotated[Optional[str], typer.Option(help="Deadline on or before DATE.",
                                                                callback=valid_date, metavar="DATE")] = None,
              due_after: Annotated[Optional[str], typer.Option(help="Deadline on or after DATE.",
                                                               callback=valid_date, metavar="DATE")] = None,
              sort: Annotated[str, typer.Option(help="id | deadline (soonest first) | published (oldest first) "
                                                "| probability (surest first)")] = "id",
              limit: Annotated[Optional[int], typer.Option(help="Show at most this many rows.", min=1,
                                                           metavar="N")] = None,
              db: DbOption = None, as_json: JsonOption = False, as_csv: CsvOption = False,
              today: Annotated[Optional[str], typer.Option(help="Judge 'due' as of this date (YYYY-MM-DD).",
                                                           callback=valid_date, metavar="DATE")] = None) -> None:
    """List forecasts with their status (open, due or resolved), hedge, condition and article.

    Due: the deadline has passed and no outcome is recorded. Without a deadline a forecast stays
    open until resolved by hand (`onrecord resolve`)."""
    from ..ledger import queries
    one_format(as_json, as_csv)
    if status not in (None, "open", "due", "resolved"):
        raise typer.BadParameter("--status must be open, due or resolved")
    if sort not in queries.FORECAST_SORTS:
        raise typer.BadParameter(f"--sort must be one of {', '.join(queries.FORECAST_SORTS)}")
    rows = read(db, lambda s: queries.forecasts(
        s, owner, status, day(today), outlet_name=source, since=day(since), until=day(until),
        due_before=day(due_before), due_after=day(due_after), sort=sort, limit=limit))
    if not emit(rows, as_json, as_csv):
        print_forecasts(f"Forecasts ({len(rows)})", rows)


@app.command()
def forecast(forecast_id: Annotated[int, typer.Argument(help="Forecast id (see `onrecord forecasts`).",
                                                        metavar="ID")],
             db: DbOption = None, as_json: JsonOption = False,
             today: Annotated[Optional[str], typer.Option(help="Judge 'due' as of this date (YYYY-MM-DD).",
                                                          callback=valid_date, metavar="DATE")] = None) -> None:
    """One forecast in its sentence, with every resolution recorded (history) and its evidence."""
    import json

    from ..ledger import queries
    from ..ledger.store import owner_label
    f = read(db, lambda s: queries.forecast(s, forecast_id, day(today)))
    if as_json:
        print(json.dumps(f, ensure_ascii=False))
        return
    out.print(Text(f"forecast {f['id']}", style="bold"))
    out.print(highlighted(f["sentence"], f["span"]))
    p = "—" if f["probability"] is None else f"{f['probability']:.2f}"
    facts = [("owner", owner_label(f)), ("probability", p), ("hedge", f["hedge"]),
             ("polarity", f["polarity"]), ("condition", f["condition"]), ("horizon", f["horizon"]),
             ("deadline", f["deadline"]), ("status", f["status"] + (f": {f['outcome']}" if f["outcome"] else "")),
             ("article", f"{f['article_title']} ({f['article']}) · {f['outlet'] or '—'} · "
                         f"{f['published'] or '—'}"),
             ("url", f["article_url"])]
    for name, value in facts:
        out.print(Text.assemble((f"{name:>11}: ", "dim"), clean("—" if value is None else value)))
    t = table(f"Resolutions ({len(f['history'])}; the last one counts)", "id", ("resolved on", {"no_wrap": True}),
              "outcome", ("evidence", {"ratio": 3}), ("recorded", {"no_wrap": True}))
    for r in f["history"]:
        t.add_row(cell(r["id"]), cell(r["resolved_on"]), cell(r["outcome"]), cell(r["evidence"]),
                  cell(r["recorded_at"]))
    out.print(t)


def article_forecasts(db: Optional[str], article_id: int) -> None:
    """After `onrecord show`: the article's forecasts with their ledger ids and status, the ids
    `resolve` and `forecast` take."""
    from ..ledger import queries
    rows = read(db, lambda s: queries.article_forecasts(s, article_id, dt.date.today()))
    if rows:
        print_forecasts(f"Forecasts in the ledger ({len(rows)})", rows, source=False)

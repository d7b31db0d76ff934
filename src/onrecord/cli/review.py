"""`onrecord review`: what is coming due or overdue, with the ledger's later articles that may
settle each forecast, and the sentence that matched."""
from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Optional

import typer
from .app import app
from .common import DbOption, JsonOption, out, session, valid_date
from .safe_text import line


@app.command()
def review(within: Annotated[int, typer.Option(help="Also forecasts due within this many days.", min=0,
                                               metavar="DAYS")] = 30,
           suggestions: Annotated[int, typer.Option(help="Articles suggested per forecast.", min=0)] = 3,
           today: Annotated[Optional[str], typer.Option(help="Judge 'due' as of this date (YYYY-MM-DD).",
                                                        callback=valid_date, metavar="DATE")] = None,
           db: DbOption = None, as_json: JsonOption = False) -> None:
    """Forecasts overdue or coming due, each with suggested evidence.

    \\b
    Suggestions are later articles of the ledger that share the forecast's names and key terms,
    best first, with the sentence that matched. Cite one when resolving:
      onrecord resolve 12 --outcome no --evidence-article 40
    """
    from ..ledger import review as reviewing
    from ..ledger.store import owner_label
    with session(db)() as s:
        rows = reviewing.review(s, dt.date.fromisoformat(today) if today else None, within, suggestions)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        out.print(f"Nothing due within {within} days.")
        return
    for r in rows:
        when = f"overdue by {-r['days_left']} days" if r["days_left"] < 0 else f"due in {r['days_left']} days"
        p = "" if r["probability"] is None else f", p={r['probability']:.2f}"
        out.print(line((f"forecast {r['id']}", "bold"), " · ", owner_label(r),
                       f" · deadline {r['deadline']} ({when}{p})"))
        out.print(line("  ", r["text"]))
        if not r["evidence_suggested"]:
            out.print(line(("  no later article mentions it", "dim")))
        for e in r["evidence_suggested"]:
            out.print(line(f"  → article {e['article']} ({e['published'] or 'undated'}) ", e["url"] or e["title"] or ""))
            out.print(line("    “", e["sentence"][:300], "”  ", (f"matched: {', '.join(e['matched'])}", "dim")))

"""`onrecord correct quote|forecast ID ...` and `onrecord corrections`: corrections by hand, kept
as rules on the article's text so that they survive a re-ingest; listed, and undone, here."""
from __future__ import annotations

import getpass
import json
from typing import Annotated, Optional

import typer
from rich.table import Table

from .app import app
from .common import DbOption, JsonOption, out, session, valid_date, write
from .safe_text import clean, data

correct_app = typer.Typer(help="Correct a quote or a forecast by hand (kept as a rule; see `onrecord corrections`).",
                          no_args_is_help=True)
app.add_typer(correct_app, name="correct")


def _default_by() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container): --by must then be given
        return ""


ByOption = Annotated[Optional[str], typer.Option("--by", help="Who makes the correction (default: your login "
                                                 "name).", show_default=False, metavar="NAME")]


def _one(**given) -> str:
    chosen = [k for k, v in given.items() if v not in (None, False)]
    if len(chosen) != 1:
        raise typer.BadParameter("give exactly one of " + ", ".join("--" + k.replace("_", "-") for k in given))
    return chosen[0]


def _said(rule) -> str:
    return f"correction {rule.id} by {rule.by}: {rule.target} {rule.field}" + (f" = {rule.value}" if rule.value else "")


@correct_app.command("quote")
def correct_quote(quote: Annotated[int, typer.Argument(help="Quote id (see `onrecord export --what quotes`).")],
                  speaker: Annotated[Optional[str], typer.Option(help="The person who said it: an id or a name "
                                                                 "as `onrecord people` lists it.",
                                                                 metavar="PERSON")] = None,
                  not_a_quote: Annotated[bool, typer.Option("--not-a-quote", help="It is not a quote: remove it.")
                                         ] = False,
                  by: ByOption = None, db: DbOption = None) -> None:
    """Correct who said a quote, or remove what is not a quote."""
    from ..ledger import corrections
    field = {"speaker": "speaker", "not_a_quote": "not_a_quote"}[_one(speaker=speaker, not_a_quote=not_a_quote)]

    def act(s):
        person = corrections.find_person(s, speaker).id if speaker is not None else None
        return corrections.correct(s, "quote", quote, field, person, by=by or _default_by())
    print(clean(_said(write(db, act))))


@correct_app.command("forecast")
def correct_forecast(forecast: Annotated[int, typer.Argument(help="Forecast id (see `onrecord forecasts`).")],
                     owner: Annotated[Optional[str], typer.Option(help="Whose forecast it is: an id or a name; "
                                                                  "'author' for the article's author.",
                                                                  metavar="PERSON")] = None,
                     not_a_forecast: Annotated[bool, typer.Option("--not-a-forecast",
                                                                  help="It is not a forecast: remove it.")] = False,
                     deadline: Annotated[Optional[str], typer.Option(help="When it falls due (YYYY-MM-DD).",
                                                                     callback=valid_date, metavar="DATE")] = None,
                     probability: Annotated[Optional[float], typer.Option(help="The probability it states (0-1).",
                                                                          min=0.0, max=1.0, metavar="P")] = None,
                     by: ByOption = None, db: DbOption = None) -> None:
    """Correct a forecast's owner, deadline or probability, or remove what is not a forecast."""
    from ..ledger import corrections
    field = _one(owner=owner, not_a_forecast=not_a_forecast, deadline=deadline, probability=probability)

    def act(s):
        value = {"owner": None, "not_a_forecast": None, "deadline": deadline, "probability": probability}[field]
        if field == "owner" and owner.strip().lower() != "author":
            value = corrections.find_person(s, owner).id
        return corrections.correct(s, "forecast", forecast, field, value, by=by or _default_by())
    print(clean(_said(write(db, act))))


@app.command("corrections")
def corrections_(undo: Annotated[Optional[int], typer.Option(help="Undo this correction: the item is as "
                                                             "analysed again, with the other corrections.",
                                                             metavar="ID")] = None,
                 all_: Annotated[bool, typer.Option("--all", help="Undone corrections too.")] = False,
                 db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the corrections made by hand (who, when, what), newest first; or undo one."""
    from ..ledger import corrections
    if undo is not None:
        rule = write(db, lambda s: corrections.undo(s, undo))
        print(clean(f"correction {rule.id} undone ({rule.target} {rule.field})"))
        return
    with session(db)() as s:
        rows = corrections.listing(s, include_undone=all_)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    t = Table(title=f"Corrections ({len(rows)})", title_justify="left")
    columns = ("id", "item", "field", "value", "by", "when") + (("undone",) if all_ else ()) + ("text",)
    for c in columns:
        t.add_column(c, no_wrap=c in ("id", "when", "undone"), ratio=3 if c == "text" else None)
    for r in rows:
        item = f"{r['target']} {r['item'] if r['item'] is not None else '(removed)'}"
        cells = [r["id"], item, r["field"], r["value"] or "", r["by"], r["created_at"][:10]]
        if all_:
            cells.append((r["undone_at"] or "")[:10])
        t.add_row(*(data(c) for c in cells + [(r["text"] or "")[:80]]))
    out.print(t)

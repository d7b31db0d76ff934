"""`onrecord people`: one identity per person across articles; merge and split by hand."""
from __future__ import annotations

import json
from typing import Annotated, Optional

import typer
from rich.table import Table

from .app import app
from .common import DbOption, JsonOption, out, session, write
from .safe_text import clean, data

people_app = typer.Typer(help="People across articles: list, merge, split.", invoke_without_command=True,
                         no_args_is_help=False)
app.add_typer(people_app, name="people")


@people_app.callback()
def people(ctx: typer.Context, search: Annotated[Optional[str], typer.Option(help="Part of a name.")] = None,
           db: DbOption = None, as_json: JsonOption = False) -> None:
    """List people (one identity across articles) with the name forms and counts."""
    if ctx.invoked_subcommand is not None:
        return
    from ..ledger import store
    with session(db)() as s:
        rows = store.people(s, search)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    t = Table(title=f"People ({len(rows)})", title_justify="left")
    for c in ("id", "name", "kind", "articles", "quotes", "forecasts", "written as", "description"):
        t.add_column(c)
    for r in rows:
        t.add_row(*(data(c) for c in (r["id"], r["name"], r["kind"], r["articles"], r["quotes"], r["forecasts"],
                                      ", ".join(r["forms"]), "; ".join(r["descriptions"])[:80])))
    out.print(t)


@people_app.command("merge")
def people_merge(keep: Annotated[int, typer.Argument(help="Id that stays.")],
                 other: Annotated[int, typer.Argument(help="Id folded into it.")], db: DbOption = None) -> None:
    """Merge two people who are one. Later ingests of either's name forms find the merged one."""
    from ..ledger import store
    p = write(db, lambda s: store.merge(s, keep, other))
    print(clean(f"merged {other} into {p.id} ({p.name})"))


@people_app.command("split")
def people_split(person: Annotated[int, typer.Argument(help="Id of the person to split.")],
                 name: Annotated[str, typer.Option(help="The name form whose mentions become a new person.")],
                 db: DbOption = None) -> None:
    """Split mentions written NAME out of a person, as a new person that later ingests also find."""
    from ..ledger import store
    p = write(db, lambda s: store.split(s, person, name))
    print(clean(f"split {name!r} out of {person} as {p.id}"))

"""What every list command shares: --json, --csv and --limit, tables of data (never markup), text
shortened at a word with "…", and reading the ledger with each error one line and its exit code."""
from __future__ import annotations

import csv
import json
import sys
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from .common import EXIT_NOT_FOUND, EXIT_USAGE, fail, session
from .safe_text import clean

CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV (one header row) instead of a table.")]
LimitOption = Annotated[int, typer.Option(help="Show at most this many rows.", min=1, metavar="N")]


def shorten(value: object, width: int) -> str:
    """`value` on one line, at most `width` characters: cut after the last whole word that fits,
    marked with "…"; a first word longer than `width` is itself cut, also marked."""
    s = " ".join(clean("" if value is None else value).split())
    if len(s) <= width:
        return s
    cut = s[:width - 1]
    if s[width - 1] != " " and " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def table(title: str, *columns: str | tuple[str, dict]) -> Table:
    """A table whose cells wrap at spaces; a word wider than its column ends in "…", never cut bare."""
    # a table with a column of prose takes the terminal's width, shared out by the columns' ratios
    prose = any(isinstance(c, tuple) and "ratio" in c[1] for c in columns)
    t = Table(title=title, title_justify="left", expand=prose)
    for c in columns:
        name, opts = c if isinstance(c, tuple) else (c, {})
        t.add_column(name, overflow="ellipsis", **opts)
    return t


def cell(value: object, style: str = "") -> Text:
    """A cell of data: shown literally, control characters removed; None is a dash."""
    return Text("—" if value is None or value == "" else clean(value), style=style)


def _flat(value: object) -> object:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def emit(rows: list[dict], as_json: bool, as_csv: bool) -> bool:
    """Print `rows` as JSON or CSV when asked (True), else leave the table to the caller (False). In
    CSV a nested value (a speaker, a sentence) is one column holding its JSON."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return True
    if as_csv:
        fields = list(dict.fromkeys(k for r in rows for k in r))
        w = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: _flat(v) for k, v in r.items()})
        return True
    return False


def one_format(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise typer.BadParameter("give --json or --csv, not both")


def read(db: Optional[str], action):
    """`action(session)` on the ledger, read only; a missing id exits EXIT_NOT_FOUND, another
    LedgerError (an ambiguous name, a bad value) EXIT_USAGE, each as one line."""
    from ..ledger.store import LedgerError, NotFound
    try:
        with session(db)() as s:
            return action(s)
    except NotFound as e:
        fail(e, EXIT_NOT_FOUND)
    except LedgerError as e:
        fail(e, EXIT_USAGE)


def day(value: Optional[str]):
    """A --since/--until value (already checked by valid_date) as a date."""
    import datetime as dt
    return dt.date.fromisoformat(value) if value else None


def highlighted(sentence: dict, span: list[int], style: str = "bold") -> Text:
    """The sentence with the item's own words in `style` (offsets are into the article)."""
    start, text = sentence["span"][0], clean(sentence["text"])
    t = Text(text)
    a, b = max(0, span[0] - start), min(len(text), span[1] - start)
    if a < b and len(text) == len(sentence["text"]):  # offsets hold only while nothing was removed
        t.stylize(style, a, b)
    return t

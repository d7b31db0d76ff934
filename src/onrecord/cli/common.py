"""What the commands share: the stderr console, options, date checks, progress, the ledger session."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..sources.files import EXIT_BAD_INPUT

err = Console(stderr=True, soft_wrap=True)  # one problem, one line: never wrapped
out = Console()

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="SQLite file or postgresql:// URL. Default: $ONRECORD_DB, else onrecord.db here.")]


def progress(total: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    return Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.speed} art/s"),
                    TimeRemainingColumn(), console=err, transient=True, disable=not sys.stderr.isatty() or total < 2)


def valid_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    import datetime
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    err.print(f"[red]error[/red]: {message}", highlight=False)
    raise typer.Exit(code)


def session(db: Optional[str]):
    from sqlalchemy.exc import SQLAlchemyError

    from ..ledger.db import open_ledger
    try:
        return open_ledger(db)
    except SQLAlchemyError as e:
        fail(f"cannot open the ledger {db or ''}: {e.__class__.__name__}: {str(e).splitlines()[0]}")


def write(db: Optional[str], action, code: int = EXIT_BAD_INPUT):
    """Run `action(session)` in one transaction; a LedgerError becomes one line and an exit code."""
    from ..ledger.store import LedgerError
    try:
        with session(db).begin() as s:
            return action(s)
    except LedgerError as e:
        fail(str(e), code)

"""What the commands share: the exit codes, the stderr console, options, date checks, progress, the
ledger session, and the one-line messages every error becomes."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import ProgressColumn
from rich.text import Text

from ..sources.files import EXIT_BAD_INPUT, EXIT_NOT_ENGLISH, EXIT_SOME_FAILED, EXIT_TOO_LARGE, EXIT_USAGE
from .safe_text import line

EXIT_INTERNAL = 1  # a bug of onrecord's: the message asks for a report
EXIT_LEDGER = 7  # the ledger cannot be used: missing, not onrecord's, damaged, locked, read-only
EXIT_NOT_FOUND = 8  # no article, forecast or person with that id
EXIT_OUTPUT = 9  # the output file cannot be written (nothing was written over)

EXIT_CODES = {  # the table of the README and of `onrecord --help`
    0: "success",
    EXIT_INTERNAL: "internal error (a bug: please report it with the input)",
    EXIT_USAGE: "usage error: unknown option, bad value (a date not YYYY-MM-DD, --batch-size 0)",
    EXIT_BAD_INPUT: "unreadable input: missing, empty, binary, undecodable, or standard input closed",
    EXIT_TOO_LARGE: "an article over --max-bytes",
    EXIT_NOT_ENGLISH: "an article not in English",
    EXIT_SOME_FAILED: "some inputs or JSONL records failed (each named on stderr, the rest done)",
    EXIT_LEDGER: "the ledger cannot be used: missing, not onrecord's, damaged, unknown schema, locked, read-only",
    EXIT_NOT_FOUND: "no article, forecast or person with that id",
    EXIT_OUTPUT: "the output file cannot be written (a missing directory, a directory, no permission, the ledger)",
}
EXIT_HELP = "Exit codes: " + "; ".join(f"{c} {m.split(':')[0].split(' (')[0]}" for c, m in EXIT_CODES.items()) + "."

err = Console(stderr=True, soft_wrap=True, highlight=False)  # one problem, one line: never wrapped
out = Console(highlight=False)

DbOption = Annotated[Optional[str], typer.Option(
    "--db", metavar="FILE|URL", help="SQLite file or postgresql:// URL. Default: $ONRECORD_DB, else onrecord.db here.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def progress(total: int | None, label: str = "analysing", *columns):
    """A progress bar on stderr, shown only at a terminal. Standard output is redirected into the
    display only when it is that terminal too: output to a file or a pipe is never captured."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    if not columns:
        columns = (BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn())
    return Progress(TextColumn(label), *columns, console=err, transient=True,
                    redirect_stdout=sys.stdout.isatty(), redirect_stderr=False,
                    disable=not sys.stderr.isatty() or (total is not None and total < 2))


class RateColumn(ProgressColumn):
    """Articles per second, one decimal; a dash until there is a rate to show."""
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("— art/s" if speed is None else f"{rate(speed)} art/s", style="progress.data.speed")


def rate(per_second: float) -> str:
    return f"{per_second:.1f}" if per_second < 100 else f"{per_second:,.0f}"


def valid_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    import datetime
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def error(message: object, label: str = "error", style: str = "red") -> None:
    """One line on stderr; the message is data (file names, titles), never markup."""
    err.print(line((label, style), ": ", message))


def warn(message: object) -> None:
    error(message, "warning", "yellow")


def fail(message: object, code: int = EXIT_BAD_INPUT) -> None:
    error(message)
    raise typer.Exit(code)


def check_stdin(paths: list[str]) -> None:
    if "-" in paths and (sys.stdin is None or sys.stdin.closed):
        fail("-: standard input is closed", EXIT_BAD_INPUT)


def session(db: Optional[str], create: bool = False, allow_foreign: bool = False):
    """The ledger's sessionmaker. Only `ingest` creates a ledger: elsewhere a mistyped --db is an
    error, not a new empty ledger."""
    from ..ledger.db import LedgerUnusable, open_ledger
    try:
        return open_ledger(db, create=create, allow_foreign=allow_foreign)
    except LedgerUnusable as e:
        fail(e, EXIT_LEDGER)
    except Exception as e:  # noqa: BLE001  (an unreachable server, a refused login: one line)
        problem = explain(e)
        if problem is None:
            raise
        fail(f"cannot open the ledger {db or ''}: {problem[0]}".replace("  ", " "), EXIT_LEDGER)


def write(db: Optional[str], action, code: int = EXIT_USAGE, create: bool = False):
    """Run `action(session)` in one transaction; a LedgerError becomes one line and an exit code
    (a missing id: EXIT_NOT_FOUND). `create`: the command may start a new ledger."""
    from ..ledger.store import LedgerError, NotFound
    try:
        with session(db, create=create).begin() as s:
            return action(s)
    except NotFound as e:
        fail(e, EXIT_NOT_FOUND)
    except LedgerError as e:
        fail(e, code)


def explain(e: BaseException) -> tuple[str, int] | None:
    """The one line and exit code for an error that reached the command line, or None for a bug."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from ..ledger.db import LOCK_TIMEOUT_ENV, LedgerUnusable, lock_timeout
    from ..ledger.store import LedgerError, NotFound
    if isinstance(e, NotFound):
        return str(e), EXIT_NOT_FOUND
    if isinstance(e, LedgerError):
        return str(e), EXIT_USAGE
    if isinstance(e, LedgerUnusable):
        return str(e), EXIT_LEDGER
    if isinstance(e, SQLAlchemyError):
        cause = str(e.orig if isinstance(e, DBAPIError) and e.orig is not None else e).strip()
        first = cause.splitlines()[0] if cause else type(e).__name__
        low = first.lower()
        if "database is locked" in low or "lock timeout" in low:
            return (f"the ledger is locked by another writer; gave up after {lock_timeout():g} s "
                    f"({LOCK_TIMEOUT_ENV} sets the wait)"), EXIT_LEDGER
        if "readonly" in low or "read-only" in low:
            return "the ledger is read-only: it can be read but not written", EXIT_LEDGER
        if "no such table" in low or "no such column" in low or "does not exist" in low:
            return f"the ledger is damaged ({first}); it was changed outside onrecord", EXIT_LEDGER
        return f"ledger error ({type(e).__name__}: {first})", EXIT_LEDGER
    if isinstance(e, OSError):
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        return f"{where}{e.strerror or e}", EXIT_BAD_INPUT
    return None

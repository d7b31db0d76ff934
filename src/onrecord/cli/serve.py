"""`onrecord serve`: the ledger on the web; `onrecord users`: the editors who may write there."""
from __future__ import annotations

import getpass
import json
import os
import secrets
import sys
from typing import Annotated, Optional

import typer

from .app import app
from .common import DbOption, fail, session, write

EXIT_BAD_PASSWORD = 2


@app.command()
def serve(db: DbOption = None,
          host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes the ledger to the network.")]
          = "127.0.0.1",
          port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
          private: Annotated[bool, typer.Option("--private", help="Reads need a signed-in editor too "
                                                "(or a bearer token on /api/).")] = False,
          workers: Annotated[Optional[int], typer.Option(min=1, metavar="N", help="Server processes "
                                                         "[default: every core].")] = None) -> None:
    """Serve the ledger on the web: pages for readers, forms for editors, a JSON API under /api/.

    \b
    Pages: / /articles /people /forecasts /search; API docs at /docs, OpenAPI at /openapi.json.
    Editors sign in with a name and password from `onrecord users add NAME`; API writes take
    `Authorization: Bearer TOKEN` from `onrecord users token NAME`. Set ONRECORD_SECRET to keep
    sign-ins across restarts.
    Examples:
      onrecord serve --db ledger.db
      onrecord serve --db postgresql://localhost/onrecord --host 0.0.0.0 --port 8080 --private
    Exit codes: 0 stopped with Ctrl-C; 3 the ledger cannot be opened; 7 the port is taken.
    """
    import socket

    import uvicorn

    from ..web import create_app
    session(db)  # a bad URL is one line here, not a traceback from the server
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as e:
            fail(f"cannot listen on {host}:{port}: {e.strerror}", 7)
    from ..ledger.workers import cores
    workers = workers or cores()
    print(f"onrecord serving {db or os.environ.get('ONRECORD_DB') or 'onrecord.db'} on http://{host}:{port}/"
          f"{' (private)' if private else ''} with {workers} process{'es' if workers > 1 else ''}; Ctrl-C stops",
          file=sys.stderr)
    if workers == 1:
        uvicorn.run(create_app(db, private=private), host=host, port=port, log_level="warning")
        return
    # Each process builds its app from the environment; they share one signing secret, or a form
    # served by one process would fail its CSRF check in another.
    os.environ.update({"ONRECORD_SERVE_DB": db or "", "ONRECORD_SERVE_PRIVATE": "1" if private else "",
                       "ONRECORD_SECRET": os.environ.get("ONRECORD_SECRET") or secrets.token_hex(32)})
    uvicorn.run("onrecord.web.app:from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")


users_app = typer.Typer(help="Editors of the web ledger: add, list, remove, password, token.", no_args_is_help=True)
app.add_typer(users_app, name="users")


def _password(prompt_twice: bool) -> str:
    """From $ONRECORD_PASSWORD (scripts) or the terminal, never from the command line (shell history)."""
    if os.environ.get("ONRECORD_PASSWORD"):
        return os.environ["ONRECORD_PASSWORD"]
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            fail("no password: type it at the prompt, pipe it on stdin or set ONRECORD_PASSWORD", EXIT_BAD_PASSWORD)
        return line
    first = getpass.getpass("password: ")
    if prompt_twice and getpass.getpass("again: ") != first:
        fail("the passwords differ", EXIT_BAD_PASSWORD)
    return first


@users_app.command("add")
def users_add(name: Annotated[str, typer.Argument(help="The editor's sign-in name.")], db: DbOption = None) -> None:
    """Add an editor; the password is asked for (or read from stdin / $ONRECORD_PASSWORD).

    \b
    Example: onrecord users add alice --db ledger.db
    Exit codes: 0 added; 2 no password or passwords differ; 3 the name exists or is invalid."""
    from ..web import users
    password = _password(True)
    write(db, lambda s: users.add(s, name, password), code=3, create=True)  # editors may be set up before any ingest
    print(f"user {name} added")


@users_app.command("list")
def users_list(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List editors."""
    from ..web import users
    with session(db)() as s:
        rows = users.listing(s)
    if as_json:
        print(json.dumps(rows))
        return
    for r in rows:
        print(f"{r['name']}\tadded {r['created_at']}\t{'API token set' if r['token'] else 'no API token'}")


@users_app.command("remove")
def users_remove(name: Annotated[str, typer.Argument(help="The editor to remove.")], db: DbOption = None) -> None:
    """Remove an editor: their sign-ins and API token stop working."""
    from ..web import users
    write(db, lambda s: users.remove(s, name))
    print(f"user {name} removed")


@users_app.command("password")
def users_password(name: Annotated[str, typer.Argument(help="The editor.")], db: DbOption = None) -> None:
    """Set a new password for an editor."""
    from ..web import users
    password = _password(True)
    write(db, lambda s: users.set_password(s, name, password))
    print(f"password of {name} changed")


@users_app.command("token")
def users_token(name: Annotated[str, typer.Argument(help="The editor.")], db: DbOption = None) -> None:
    """Print a new API bearer token for an editor (the previous one stops working). It is shown once.

    \b
    Example: curl -H "Authorization: Bearer $(onrecord users token alice)" -d '{"outcome":"no","evidence":"…"}' \\
               -H 'Content-Type: application/json' http://127.0.0.1:8000/api/forecasts/5/resolutions"""
    from ..web import users
    print(write(db, lambda s: users.new_token(s, name)))

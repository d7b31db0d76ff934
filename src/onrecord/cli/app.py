"""The Typer application that every command module registers on, and the program's entry."""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from .. import __version__

app = typer.Typer(
    help="onrecord: who said what, who predicted what, and whether they were right.\n\n"
         "Start with `onrecord analyze ARTICLE.txt --published YYYY-MM-DD`.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _version(value: bool) -> None:
    if value:
        print(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    pass


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `onrecord analyze … | head`
        sys.stderr.close()
        sys.exit(0)

"""The Typer application that every command module registers on, and the program's entry.

Every error leaves as one line on stderr and a documented exit code (common.EXIT_CODES): usage
errors too (no Rich boxes), and an error nobody foresaw is named as a bug, never a traceback."""
from __future__ import annotations

import sys
from typing import Annotated

import typer
from typer._click import Command, echo, exceptions as clickx  # Typer's own copy of Click raises these
from typer.core import TyperArgument, TyperGroup, TyperOption

from .. import __version__
from .common import EXIT_HELP, EXIT_INTERNAL, EXIT_USAGE, error, explain

# Typer prints a flag as "--json <bool>" and a required argument as "{paths}...": show the
# conventional "--json" and "PATHS..." (patched on the classes, so every command module gets it).
TyperOption.display_type_rich = (lambda orig: lambda self, ctx: None if self.is_flag else orig(self, ctx))(
    TyperOption.display_type_rich)
TyperArgument.display_type_rich = lambda self, ctx: None  # "PATH..." says it; "<list[str]>" is noise


def _usage_name(self) -> str:
    name = self.display_name_raw.upper()
    return (name if self.required else f"[{name}]") + ("..." if self.nargs != 1 else "")


TyperArgument._usage_display_name = _usage_name


def _with_exit_codes(command: Command) -> None:
    """Every command's help ends with the table of exit codes, also those other modules add."""
    command.epilog = command.epilog or EXIT_HELP
    for sub in getattr(command, "commands", {}).values():
        _with_exit_codes(sub)


class OnrecordGroup(TyperGroup):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for sub in self.commands.values():
            _with_exit_codes(sub)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else 0
        except clickx.NoArgsIsHelpError as e:
            echo(e.format_message())
            code = 0
        except clickx.ClickException as e:
            hint = ""
            if isinstance(e, clickx.UsageError) and e.ctx is not None:
                hint = f" (see `{e.ctx.command_path} --help`)"
            error(e.format_message().replace("\n", " ") + hint)
            code = e.exit_code
        except typer.Abort:
            error("interrupted")
            code = 130
        if not standalone_mode:
            return code
        sys.exit(code)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (typer.Exit, clickx.ClickException, typer.Abort, BrokenPipeError,
                KeyboardInterrupt):
            raise
        except Exception as e:  # noqa: BLE001  (the last line of defence for the one-line promise)
            known = explain(e)
            if known is None:
                error(f"internal error ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}); "
                      "please report it with the command and its input")
                raise typer.Exit(EXIT_INTERNAL) from None
            error(known[0])
            raise typer.Exit(known[1]) from None


app = typer.Typer(
    cls=OnrecordGroup,
    help="onrecord: who said what, who predicted what, and whether they were right.\n\n"
         "Start with `onrecord analyze examples/harbour-strike-outlook.txt --published 2024-03-06`.\n\n"
         + EXIT_HELP,
    no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]})

assert EXIT_USAGE == clickx.UsageError.exit_code  # click's usage errors exit with our documented 2


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

"""The `onrecord` command: one module per command group, each a thin adapter over a Python
function; `app` holds the Typer application, `common` what the commands share."""
# each registers its commands on `app`
from . import analyze, batch, corrections, evaluate, ledger, people, review, serve, views  # noqa: F401
from .app import app, main

__all__ = ["app", "main"]

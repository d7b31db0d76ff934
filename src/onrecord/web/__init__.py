"""`onrecord serve`: the ledger on the web for readers and editors, with a JSON API under /api/."""
from .app import create_app

__all__ = ["create_app"]

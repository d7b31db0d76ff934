"""Alembic environment: migrations run on the connection the ledger opens (see ledger/db.py)."""
from alembic import context

from onrecord.ledger.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through onrecord.ledger.db.open_ledger(), which passes the connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

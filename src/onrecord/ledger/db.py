"""Opening a ledger: an SQLite file by default, PostgreSQL by URL; migrations applied on open."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "onrecord.db"


def database_url(db: str | None = None) -> str:
    """`--db` wins, then ONRECORD_DB, then onrecord.db in the working directory. A bare path is an
    SQLite file; postgresql:// and sqlite:// URLs pass through."""
    value = db or os.environ.get("ONRECORD_DB") or DEFAULT_DB
    if "://" in value:
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://"):]
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("onrecord.ledger").joinpath("migrations")))
    return cfg


def migrate(engine: Engine) -> None:
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_ledger(db: str | None = None) -> sessionmaker[Session]:
    url = database_url(db)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # each article is its own transaction; WAL keeps readers going
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)

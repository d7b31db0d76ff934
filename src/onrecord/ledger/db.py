"""Opening a ledger: an SQLite file by default, PostgreSQL by URL; migrations applied on open.

Opening is safe under concurrency (two ingests creating one new ledger: the migration runs under a
lock, the second finds it done), refuses what is not onrecord's (another application's tables, a
schema revision it does not know, a damaged schema) and waits for another writer up to a timeout."""
from __future__ import annotations

import contextlib
import os
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .schema import Base

DEFAULT_DB = "onrecord.db"
LOCK_TIMEOUT_ENV = "ONRECORD_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 60.0  # seconds another writer may hold the SQLite lock before we give up
_PG_MIGRATION_LOCK = 0x6F6E7265  # any constant: one advisory lock key for onrecord's migrations


class LedgerUnusable(Exception):
    """The ledger cannot be opened or used as it is: the message says why, in one line."""


def database_url(db: str | None = None) -> str:
    """`--db` wins, then ONRECORD_DB, then onrecord.db in the working directory. A bare path is an
    SQLite file; postgresql:// and sqlite:// URLs pass through."""
    value = db or os.environ.get("ONRECORD_DB") or DEFAULT_DB
    if "://" in value:
        scheme = value.split("://", 1)[0].lower()
        if scheme == "postgresql":
            return "postgresql+psycopg://" + value.split("://", 1)[1]
        if scheme in ("sqlite", "postgresql+psycopg"):
            return value
        raise LedgerUnusable(f"{scheme}:// is not supported: give an SQLite file or a postgresql:// URL")
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (None for other databases and in-memory ones)."""
    if not url.startswith("sqlite:///") or url in ("sqlite:///", "sqlite:///:memory:"):
        return None
    return Path(url[len("sqlite:///"):].split("?", 1)[0])


def lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT)))
    except ValueError:
        raise LedgerUnusable(f"{LOCK_TIMEOUT_ENV} must be a number of seconds") from None


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("onrecord.ledger").joinpath("migrations")))
    return cfg


@contextlib.contextmanager
def _directory_lock(path: Path):
    """An exclusive flock on the ledger's directory while it is created or migrated (flock on the
    file itself would interfere with SQLite's own POSIX locks)."""
    import fcntl
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _check_owner(conn, where: str, create: bool, allow_foreign: bool) -> None:
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        return
    if not create:
        raise LedgerUnusable(f"{where} is not an onrecord ledger"
                             + (f" (it holds other tables: {', '.join(sorted(tables)[:5])})" if tables else "")
                             + "; `onrecord ingest … --db` creates one")
    if tables and not allow_foreign:
        raise LedgerUnusable(f"{where} holds tables of another application ({', '.join(sorted(tables)[:5])}); "
                             "give an onrecord ledger or a new file (--allow-foreign-tables adds the ledger to it)")


def _check_schema(conn, where: str) -> None:
    """Every table and column of the schema is there: a ledger altered outside onrecord is named
    as damaged rather than failing later, mid-command, on a missing column."""
    insp = inspect(conn)
    present = set(insp.get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            raise LedgerUnusable(f"{where} is damaged: table {table.name!r} is missing")
        columns = {c["name"] for c in insp.get_columns(table.name)}
        lost = [c.name for c in table.columns if c.name not in columns]
        if lost:
            raise LedgerUnusable(f"{where} is damaged: table {table.name!r} lacks column {lost[0]!r}")


def migrate(engine: Engine, *, create: bool = True, allow_foreign: bool = False, where: str = "the ledger",
            read_only: bool = False) -> None:
    cfg = _alembic_config()
    path = sqlite_path(str(engine.url))
    with _directory_lock(path) if path is not None and not read_only else contextlib.nullcontext():
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":  # held to the end of the transaction
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            _check_owner(conn, where, create, allow_foreign)
            if not read_only:
                cfg.attributes["connection"] = conn
                try:
                    command.upgrade(cfg, "head")
                except CommandError as e:
                    raise LedgerUnusable(f"{where} has a schema this onrecord does not know ({e}); "
                                         "is it from a newer version?") from None
            _check_schema(conn, where)


def _sqlite_engine(url: str, path: Path, create: bool) -> tuple[Engine, bool]:
    if not path.parent.is_dir():
        raise LedgerUnusable(f"{path}: the directory {path.parent} does not exist")
    if path.is_dir():
        raise LedgerUnusable(f"{path} is a directory, not a ledger")
    if not path.exists() and not create:
        raise LedgerUnusable(f"no ledger at {path} (`onrecord ingest … --db {path}` creates one)")
    if not path.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
        raise LedgerUnusable(f"cannot create a ledger in {path.parent}: the directory is read-only")
    # SQLite writes its journal beside the file: a read-only directory makes a read-only ledger too
    read_only = path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK))
    timeout = lock_timeout()
    if read_only:  # readers still work on a ledger they may not write
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", connect_args={"timeout": timeout})
    else:
        engine = create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # each article is its own transaction; WAL keeps readers going
        dbapi_conn.isolation_level = None  # transactions begin below, not in the driver
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # IMMEDIATE takes the write lock up front, so a writer waits (busy timeout) instead of
        # failing at once when another one committed between its read and its write.
        # A session that only reads (the web's pages) begins deferred: it never queues for the lock.
        deferred = read_only or conn.get_execution_options().get("onrecord_reads_only", False)
        conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")
    return engine, read_only


def reading(ledger: sessionmaker[Session]) -> sessionmaker[Session]:
    """Sessions of the same ledger for code that only reads: on SQLite they begin without taking the
    write lock, so readers neither wait for writers nor for each other."""
    return sessionmaker(ledger.kw["bind"].execution_options(onrecord_reads_only=True), expire_on_commit=False)


def open_ledger(db: str | None = None, *, create: bool = True, allow_foreign: bool = False) -> sessionmaker[Session]:
    """Open (and with `create`, make or upgrade) the ledger at `db`. Raises LedgerUnusable."""
    url = database_url(db)
    path = sqlite_path(url)
    where = str(path) if path is not None else url.split("@")[-1]
    read_only = False
    if path is not None:
        engine, read_only = _sqlite_engine(url, path, create)
    else:
        try:
            engine = create_engine(url, future=True)
        except (SQLAlchemyError, ImportError) as e:
            raise LedgerUnusable(f"cannot open the ledger {where}: {str(e).splitlines()[0]}") from None
    migrate(engine, create=create, allow_foreign=allow_foreign, where=where, read_only=read_only)
    return sessionmaker(engine, expire_on_commit=False)

"""Shared fixtures. The spaCy pipeline loads once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from onrecord import analyze
from onrecord.extract.pipeline import pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return pipeline()


@pytest.fixture(scope="session")
def run(nlp):
    """analyze() with the pipeline already loaded."""
    def _run(text: str, published: str | None = "2024-03-06", **kw):
        return analyze(text, published=published, **kw)
    return _run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "samples" / "moscow-drone-analysis.txt").exists():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def span_text(a, span) -> str:
    return a.article.text[span[0]:span[1]]


def _postgres_url() -> str | None:
    import os
    return os.environ.get("ONRECORD_TEST_POSTGRES")  # e.g. postgresql://postgres@127.0.0.1:5433/postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty ledger on each backend. PostgreSQL runs where ONRECORD_TEST_POSTGRES names a
    server (.ci/run starts one); elsewhere those cases are skipped."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    base = _postgres_url()
    if not base:
        pytest.skip("ONRECORD_TEST_POSTGRES is not set")
    import uuid

    import psycopg
    name = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + f"/{name}"
    from sqlalchemy.engine import create_engine  # noqa: F401  (connections are closed by then)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

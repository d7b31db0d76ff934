"""Shared fixtures. The spaCy pipeline loads once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from onrecord import analyze
from onrecord.nlp import pipeline

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

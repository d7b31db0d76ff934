"""Forecast horizons → deadlines."""
import pytest

from onrecord.extract import horizons


def deadline(text, published="2023-05-31"):
    h, d = horizons.find(text, 0, len(text), published)
    return h, d


@pytest.mark.parametrize("text, expected", [
    ("prices will rise within two years", "2025-05-31"),
    ("the war will end by the end of the year", "2023-12-31"),
    ("the bridge will open next spring", "2024-05-31"),
    ("talks will resume in the coming months", "2023-11-30"),
    ("he will be overthrown tomorrow", "2023-06-01"),
    ("The next months, a year and a half at the most", "2024-11-30"),
    ("Two months, three at the most", "2023-08-31"),
    ("the plant will close by 2030", "2030-12-31"),
    ("the vote will be held in March", "2024-03-31"),
])
def test_deadlines(text, expected):
    assert deadline(text)[1] == expected


@pytest.mark.parametrize("text", ["it will happen soon", "we will see it in the future", "it will eventually fail"])
def test_vague_horizons_have_no_deadline(text):
    h, d = deadline(text)
    assert h is not None and d is None and h.latest is None


def test_offset_kept_without_publication_date():
    h, d = deadline("it will end within eighteen months", published=None)
    assert d is None and h.latest == "P18M"


def test_no_horizon():
    assert deadline("prices will rise") == (None, None)

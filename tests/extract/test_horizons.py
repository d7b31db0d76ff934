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


@pytest.mark.parametrize("text, published", [
    ("prices will rise within 9999 years", "2023-05-31"),
    ("prices will rise within two years", "9999-12-31"),
    ("prices will rise by next month", "9999-12-31"),
    ("prices will rise next year", "9999-12-31"),
    ("the bridge will open next spring", "9999-12-31"),
    ("the talks will resume in March", "9999-12-31"),
    ("he will be overthrown tomorrow", "9999-12-31"),
    ("he will resign by Tuesday", "9999-12-31"),
    ("talks will resume in the coming decades", "9999-12-31"),
    ("the war will end by the end of next year", "9999-12-31"),
    ("prices will rise next week", "9999-12-31"),
])
def test_a_deadline_past_the_calendar_end_is_no_deadline(text, published):
    h, d = deadline(text, published)
    assert h is not None and d is None


def test_a_400_digit_horizon_has_no_offset():
    h, d = deadline("prices will rise within " + "9" * 400 + " years")
    assert h is not None and h.latest is None and d is None


def test_the_last_day_of_the_calendar_is_still_a_deadline():
    assert deadline("he will be overthrown tomorrow", "9999-12-30")[1] == "9999-12-31"
    assert deadline("the war will end by the end of the year", "9999-12-30")[1] == "9999-12-31"


@pytest.mark.parametrize("text, published, expected", [
    ("prices will fall by spring", "2016-10-01", "2017-05-31"),  # this spring is over: the next one
    ("the plant will close in the fall", "2016-10-01", "2016-11-30"),  # the fall we are in
    ("the freeze will end by winter", "2024-01-15", "2024-02-29"),  # the winter January lies in
    ("the freeze will end by winter", "2023-05-31", "2024-02-29"),
])
def test_a_season_is_its_next_end_not_yet_past(text, published, expected):
    assert deadline(text, published)[1] == expected


@pytest.mark.parametrize("text, published, expected", [
    ("prices will fall early next year", "2016-10-01", "2017-04-30"),
    ("prices will fall by mid-2017", "2016-10-01", "2017-06-30"),
    ("prices will fall by mid-2017", None, "2017-06-30"),  # the year is named: no publication date needed
    ("prices will fall by the first half of next year", "2016-10-01", "2017-06-30"),
    ("prices will fall in late 2018", "2016-10-01", "2018-12-31"),
    ("prices will fall in the first quarter", "2016-10-01", "2017-03-31"),  # this year's is over
    ("prices will fall in the fourth quarter", "2016-10-01", "2016-12-31"),
    ("prices will fall in the third quarter of 2017", "2016-10-01", "2017-09-30"),
    ("prices fell early this year", "2016-10-01", None),  # a past part of the year is context
])
def test_a_part_of_a_year_ends_with_its_last_month(text, published, expected):
    assert deadline(text, published)[1] == expected

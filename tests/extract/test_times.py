"""Time expressions normalised against the publication date."""
import pytest

PUBLISHED = "2023-05-31"  # a Wednesday


def values(run, text, published=PUBLISHED):
    return {t.text: t.value for t in run(text, published=published).times}


@pytest.mark.parametrize("text, expr, value", [
    ("The attack happened on Tuesday.", "on Tuesday", "2023-05-30"),
    ("Tuesday’s attack shocked the city, officials said.", "Tuesday", "2023-05-30"),
    ("The ministers will meet next Tuesday.", "next Tuesday", "2023-06-06"),
    ("The law was passed in March.", "March", "2023-03"),
    ("The talks will resume in September.", "September", "2023-09"),
    ("Prices rose last year.", "last year", "2022"),
    ("The plant closed two years ago.", "two years ago", "2021"),
    ("He arrived yesterday.", "yesterday", "2023-05-30"),
    ("The strike lasted three weeks.", "three weeks", "P3W"),
    ("Sales fell in the third quarter.", "the third quarter", "2023-Q3"),
    ("The ferry runs daily.", "daily", "P1D"),
    ("It is now clear.", "now", "PRESENT_REF"),
    ("The deal was signed on May 5, 2021.", "May 5, 2021", "2021-05-05"),
    ("The 1990s were calm.", "The 1990s", "199"),
])
def test_normalised_values(run, text, expr, value):
    assert values(run, text)[expr] == value


def test_year_and_a_half(run):
    assert values(run, "It will end within a year and a half.")["a year and a half"] == "P18M"


def test_relative_date_without_publication_date_has_no_value(run):
    assert values(run, "He arrived yesterday.", published=None)["yesterday"] is None


def test_may_the_verb_is_not_a_month(run):
    assert "May" not in values(run, "May the best team win, he said.")

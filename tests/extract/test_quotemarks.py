"""Quotation-mark stretches: balanced, multi-paragraph, stray marks."""
from onrecord.extract.quotemarks import stretches


def found(text):
    return [text[s:e] for s, e in stretches(text)]


def test_curly_and_straight_marks():
    assert found('He said "a b c" and “d e”.') == ['"a b c"', "“d e”"]


def test_quote_running_over_paragraphs():
    text = "“First part of the quote.\n\n“Second part,” she said. Then “more”."
    assert found(text) == ["“First part of the quote.\n\n“Second part,”", "“more”"]


def test_stray_opening_mark_does_not_swallow_the_article():
    text = "A stray “mark here.\n\nNext paragraph has “a real quote” in it.\n\nAnd “another”."
    assert found(text) == ["“a real quote”", "“another”"]


def test_stray_closing_mark_is_ignored():
    assert found("Odd” mark, then “a quote”.") == ["“a quote”"]


def test_inch_mark_glued_to_a_number_opens_nothing():
    assert found('He is 6\'2" tall and said "hello there".') == ['"hello there"']


def test_doubled_apostrophes_as_marks():
    text = "''There's always resistance,'' said Mr. Schmidt. It's ''fine.''"
    assert found(text) == ["''There's always resistance,''", "''fine.''"]

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


@pytest.mark.parametrize("text, expr, published", [
    ("The temple was built 2500 years ago.", "2500 years ago", "2024-03-06"),
    ("The dynasty will fall 9999 year later.", "9999 year later", "2024-03-06"),
    ("The comet passed 999999 week ago.", "999999 week ago", "2024-03-06"),
    ("The flood came 900000 days ago.", "900000 days ago", "2024-03-06"),
    ("The council will meet on Tuesday.", "on Tuesday", "9999-12-31"),
    ("The council met last week.", "last week", "0001-01-01"),
    ("The council will meet next week.", "next week", "9999-12-31"),
    ("The council met yesterday.", "yesterday", "0001-01-01"),
    ("The council meets tomorrow.", "tomorrow", "9999-12-31"),
    ("The council will meet in March.", "March", "9999-12-31"),
    ("The council met in December.", "December", "0001-01-01"),
    ("Sales were flat a year ago.", "a year ago", "0001-01-01"),
])
def test_a_date_past_either_end_of_the_calendar_has_no_value(run, text, expr, published):
    assert values(run, text, published=published)[expr] is None


@pytest.mark.parametrize("text", ["The council met today.", "The council met on Tuesday.",
                                  "The council met last week.", "Prices rose last month."])
@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_publication_at_the_ends_of_the_calendar_never_raises(run, text, published):
    times = run(text, published=published).times
    assert times and all(t.value is None or t.value[:1].isdigit() for t in times)


def test_today_at_the_last_day_of_the_calendar(run):
    assert values(run, "The council met today.", published="9999-12-31")["today"] == "9999-12-31"


def test_a_400_digit_count_is_no_count(run):
    text = "The rocks formed " + "9" * 400 + " years ago."
    assert values(run, text)["9" * 400 + " years ago"] == "PAST_REF"
    assert values(run, "It lasted " + "7" * 400 + " years.")["7" * 400 + " years"] == "PXY"


def test_shift_and_add_months_name_the_calendar_end():
    import datetime as dt

    from onrecord.extract.time_values import OutOfCalendar, add_months, shift
    assert add_months(dt.date(9999, 11, 30), 1) == dt.date(9999, 12, 30)
    assert shift(dt.date(1, 1, 8), -1, "W") == dt.date(1, 1, 1)
    for d, n, unit in [(dt.date(2024, 3, 6), -2500, "Y"), (dt.date(9999, 12, 31), 1, "M"),
                       (dt.date(2024, 3, 6), -999999, "W"), (dt.date(1, 1, 1), -1, "D"),
                       (dt.date(2024, 3, 6), 1e300, "W")]:
        with pytest.raises(OutOfCalendar):
            shift(d, n, unit)


# publication 2023-05-31, a Wednesday
@pytest.mark.parametrize("text, expr, value", [
    # a day without a year in a past-tense report: what was set for the coming weeks stays ahead
    ("The board declared a dividend, payable July 14 to holders of record June 30.", "July 14", "2023-07-14"),
    ("The offer was extended to June 16.", "June 16", "2023-06-16"),
    ("The mill reopened on Feb. 2.", "Feb. 2", "2023-02-02"),
    ("The mill had closed on Oct. 9.", "Oct. 9", "2022-10-09"),
    ("The merger took effect Jan. 3.", "Jan. 3", "2023-01-03"),
    # a future seen from a past report: infinitives of planning, "would", "as early as"
    ("The delegation planned to leave on Friday.", "on Friday", "2023-06-02"),
    ("The sale was scheduled to close Monday.", "Monday", "2023-06-05"),
    ("He said he would fly to Rome on Thursday.", "on Thursday", "2023-06-01"),
    ("The envoy could arrive as early as Saturday, aides said.", "Saturday", "2023-06-03"),
    # "last"/"next" + the publication's own weekday never mean publication day
    ("The firm said last Wednesday that it would merge.", "last Wednesday", "2023-05-24"),
    # month with this/last/next
    ("Sales fell last June.", "last June", "2022-06"),
    ("The plant opens this September.", "this September", "2023-09"),
    ("The law takes effect next May.", "next May", "2024-05"),
    # part of day, clock times with their day, noon and midnight
    ("The vote came on Tuesday night.", "on Tuesday night", "2023-05-30TNI"),
    ("The rally ended Monday evening.", "Monday evening", "2023-05-29TEV"),
    ("The talks will resume at 9 a.m. Friday.", "9 a.m. Friday", "2023-06-02T09:00"),
    ("The polls closed at 8 p.m. EDT Tuesday.", "8 p.m. EDT Tuesday", "2023-05-30T20:00"),
    ("The deadline passed at noon yesterday.", "noon yesterday", "2023-05-30T12:00"),
    # recurring weekdays are sets
    ("The market opens each Thursday.", "each Thursday", "XXXX-WXX-4"),
    ("The show airs on Sunday nights.", "on Sunday nights", "XXXX-WXX-7TNI"),
    # years read out
    ("The dam was built in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("The fund was set up in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    ("Nobody expected it in the year two thousand.", "the year two thousand", "2000"),
    # holidays by the rule that dates them
    ("The plant closed before Thanksgiving Day.", "Thanksgiving Day", "2022-11-24"),
    ("Shops will stay open until Christmas Eve.", "Christmas Eve", "2023-12-24"),
    ("Crowds gathered on Labor Day.", "Labor Day", "2022-09-05"),
    # the weekend, year-earlier comparisons, the reported year
    ("Protesters marched over the weekend.", "the weekend", "2023-W21-WE"),
    ("Profit rose from year-earlier levels.", "year-earlier", "2022"),
    ("The firm earned $5 million for the year ended March 31.", "the year ended", "P1Y"),
    ("The firm expects a loss for the full year.", "the full year", "2023"),
    # stretches of unstated length
    ("Prices have risen in recent months.", "recent months", "PXM"),
    ("Troops will arrive in the coming weeks.", "coming weeks", "PXW"),
    ("The two sides have fought for years.", "years", "PXY"),
    ("A deal could come within hours.", "hours", "PTXH"),
    # a month ahead of publication in a past-tense report, the quarter of a named year, the weekday's date
    ("The company said the plant reopened in July.", "July", "2023-07"),
    ("The company said the plant closed in November.", "November", "2022-11"),
    ("Profit rose in the third quarter of 2021.", "the third quarter of 2021", "2021-Q3"),
    ("Profit fell from the 2022 second quarter.", "the 2022 second quarter", "2022-Q2"),
    ("The strike began on Friday, May 12.", "on Friday, May 12", "2023-05-12"),
    ("The strike began on Tuesday, March 5.", "on Tuesday, March 5", "2024-03-05"),
    ("The mine closed in July last year.", "July last year", "2022-07"),
    ("Rents doubled over the past decade.", "the past decade", "P10Y"),
    ("The feud lasted two decades.", "two decades", "P20Y"),
    # "current" before a noun is the present
    ("The current system is failing.", "current", "PRESENT_REF"),
])
def test_normalised_values_in_context(run, text, expr, value):
    assert values(run, text)[expr] == value


def test_earnings_comparison_a_year_earlier_is_the_quarter_named_before(run):
    text = "The company reported third-quarter profit of $5 million. Sales rose from $3 million a year earlier."
    assert values(run, text, published="2023-10-26")["a year earlier"] == "2022-Q3"


def test_the_end_of_the_year_is_left_to_the_horizon(run):
    assert "the year" not in values(run, "The refinery would close by the end of the year.")


def test_a_rate_is_a_recurrence(run):
    times = {t.text: t for t in run("The airline adds four flights a week and saves $5 million a year.",
                                    published=PUBLISHED).times}
    assert (times["a week"].type, times["a week"].value) == ("SET", "P1W")
    assert (times["a year"].type, times["a year"].value) == ("SET", "P1Y")


def test_a_stretch_stays_a_duration(run):
    times = {t.text: t for t in run("The strike lasted a week.", published=PUBLISHED).times}
    assert (times["a week"].type, times["a week"].value) == ("DURATION", "P1W")


@pytest.mark.parametrize("text", ["The country imports three-quarters of its food.",
                                  "The fund holds a quarter of the market."])
def test_a_fraction_is_no_time(run, text):
    assert not any("quarter" in t.text for t in run(text, published=PUBLISHED).times)


def test_several_quarters_of_losses_is_a_time(run):
    assert values(run, "It turned a profit after several quarters of losses.")["several quarters"] == "PXQ"


@pytest.mark.parametrize("text", [
    "Protesters marched over the weekend.", "Shops will stay open until Christmas Eve.",
    "The talks resume at 9 a.m. Friday.", "The strike began on Friday, May 12.",
    "The board declared a dividend, payable Dec. 14.", "The firm said last Wednesday that it would merge.",
    "Sales fell last June and will rise next May.", "Profit rose from year-earlier levels.",
    "The mine closed in July last year.", "The firm expects a loss for the full year.",
])
@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_new_constructions_at_the_ends_of_the_calendar_never_raise(run, text, published):
    for t in run(text, published=published).times:
        assert t.value is None or isinstance(t.value, str)

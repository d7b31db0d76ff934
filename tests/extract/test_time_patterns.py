"""The lookahead that gates a time pattern on its possible first characters finds the same matches."""
from __future__ import annotations

import re

from onrecord.extract import times

TEXT = ("Three weeks ago the union said talks would last the next two months and a half; the past "
        "several years, a couple of days earlier, half a decade, 12 hours later, In the third quarter of 2023 "
        "and its fiscal quarter, the 1988 period, the year-ago quarter. Currently, recent days, at present, "
        "in the future, someday. Early March 2024, mid-Sept. 2023, JUNE 2022. Last Christmas Eve, "
        "Thanksgiving Day, New Year's Day, Election Day. In spring, the coming winter, late autumn 2021. "
        "The early 1990s, the '80s, the nineties. LAST MONDAY, on Tuesday evening, every Friday, "
        "coming Sundays. Today, tonight, yesterday afternoon, last night. Daily, each week, per year, hourly. "
        "FIVE YEARS AGO, THE PAST TWO WEEKS, THE FIRST QUARTER, NOW. On 2023-05-31, in the 21st century, "
        "a year ago, over the weekend, year-earlier sales, in two thousand and five, at 9 a.m. Tuesday, "
        "by noon, next March, March 3, 4 March, March of next year, Monday, Oct. 26, this week, in 1990, "
        "nineteen eighty-four. This month, next June.")


def test_gated_patterns_find_what_the_bare_ones_do():
    gated = [(name, p) for name, p in times.PATTERNS if name in times._OPENERS]
    assert {name for name, _ in gated} == set(times._OPENERS)
    for name, pattern in gated:
        bare = re.compile(pattern.pattern.split("])", 1)[1], pattern.flags)
        found = [(m.span(), m.groups()) for m in pattern.finditer(TEXT)]
        assert found == [(m.span(), m.groups()) for m in bare.finditer(TEXT)], name
        assert found, name  # the text exercises every gated pattern

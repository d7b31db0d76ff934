"""The vocabulary of time expressions: month, weekday and number words, units, TimeML codes.

Shared by the time-expression finder (times), its value rules (time_values) and the forecast horizons.
"""
from __future__ import annotations

import math
import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for m in names}
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "a": 1, "an": 1, "several": None, "few": None, "a few": None,
                     "couple": 2, "a couple of": 2, "half a": 0.5, "dozen": 12})
UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "MIN", "decade": "DE",
        "century": "CE", "quarter": "Q", "season": "SE"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

_NUM = r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a few|few|several|a couple of|a|an|half a)"
_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century|quarters?)"
_MONTH = r"(?:Jan(?:uary|\.)|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|May|June?|July?|Aug(?:ust|\.)|Sept?(?:ember|\.)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))"
_WEEKDAY_ONE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY = _WEEKDAY_ONE + "s?"

REF = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
       "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
       "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "in the past": "PAST_REF",
       "the past": "PAST_REF", "once": "PAST_REF", "formerly": "PAST_REF", "previously": "PAST_REF",
       "in the future": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
       "eventually": "FUTURE_REF", "someday": "FUTURE_REF", "one day": "FUTURE_REF"}
SET_VALUES = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M",
              "hourly": "PT1H", "each day": "P1D", "every day": "P1D", "each week": "P1W", "every week": "P1W",
              "each month": "P1M", "every month": "P1M", "each year": "P1Y", "every year": "P1Y", "a year": "P1Y",
              "per year": "P1Y", "a day": "P1D"}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def number(word: str) -> float | None:
    w = word.lower().replace("-", " ").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        n = float(w)
        return n if math.isfinite(n) else None  # a 400-digit count is no count: float() makes it inf
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        return a + b if a and b else None
    return None


def unit_code(word: str) -> str:
    w = word.lower().rstrip("s")
    return UNIT["century" if w.startswith("centur") else w]


def duration(n: float | None, unit: str) -> str:
    """ISO 8601 / TimeML duration: P3Y, P2W, PT16H; X for an unknown count. Decades are counted in
    years ("two decades" P20Y, "decades" PXY), as TimeBank writes them."""
    if unit == "DE":
        return "PXY" if n is None else duration(n * 10, "Y")
    if n is None:
        count = "X"
    elif n == int(n):
        count = str(int(n))
    else:
        # "a year and a half" and "half a year" are months; fractions elsewhere go down a unit
        if unit == "Y":
            return f"P{int(round(n * 12))}M"
        count = str(n)
    if unit in ("H", "MIN"):
        return f"PT{count}{'M' if unit == 'MIN' else 'H'}"
    if unit == "Q":
        return f"P{count}Q"
    return f"P{count}{unit}"


_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# years read out ("nineteen ninety-six", "the year two thousand"), as broadcast transcripts write them
_SPELLED_YEAR = (rf"(?:nineteen[- ](?:hundred[- ](?:and[- ])?)?(?:{_TEENS}|{_TENS}(?:[- ]{_ONES})?|{_ONES})"
                 rf"|two thousand(?:[- ](?:and[- ])?(?:{_TEENS}|{_ONES}))?)")


def year_number(words: str) -> int:
    """1996 from "1996" or "nineteen ninety-six", 2000 from "two thousand"."""
    w = words.lower().replace("-", " ").split()
    if w[0].isdigit():
        return int(w[0])
    w = [x for x in w if x not in ("and", "hundred")]
    if w[:2] == ["two", "thousand"]:
        return 2000 + (number(" ".join(w[2:])) or 0 if w[2:] else 0)
    return 1900 + int(number(" ".join(w[1:])) or 0)

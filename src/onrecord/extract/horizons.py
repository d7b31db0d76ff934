"""Forecast horizons → deadlines: the latest date by which a forecast claims its outcome.

"within two years" and "a year and a half at the most" are offsets from publication (P2Y, P18M);
"by the end of the year", "next spring", "in March", "by 2030" name a period whose last day is the
deadline; "soon", "in the future", "eventually" are horizons without one. Several horizons in one
forecast ("the next months, a year and a half at the most"): an explicit bound ("at the most",
"within", "no later than") wins, else the latest.
"""
from __future__ import annotations

import datetime as dt
import re

from ..model import Horizon
from .time_values import OutOfCalendar, add_months, shift
from .time_words import _NUM, MONTHS, SEASONS, WEEKDAYS, number, unit_code

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(WEEKDAYS)
_U = r"(years?|months?|weeks?|days?|decades?|quarters?)"
BOUND_WORDS = r"(?:within|in less than|in under|no later than|by|before|at the (?:most|latest)|at most|over the next)"

# (name, pattern, is an explicit bound)
PATTERNS: list[tuple[str, re.Pattern, bool]] = [(n, re.compile(p, re.IGNORECASE), b) for n, p, b in [
    ("offset_bound", rf"\b(?:within|in less than|in under|over the next|in the next|during the next)\s+(?:the\s+)?(?:next\s+)?({_NUM})( and a half)?\s+{_U}( and a half)?", True),
    ("offset_ellipsis", rf"\b{_NUM}\s+{_U}\s*,\s*({_NUM})\s+(?:at the (?:most|latest)|at most|tops)\b", True),
    ("offset_most", rf"\b({_NUM})( and a half)?\s+{_U}( and a half)?\s*,?\s+(?:at the (?:most|latest)|at most|tops)", True),
    ("offset_in", rf"\b(?:in|after|for)\s+(?:another\s+)?({_NUM})( and a half)?\s+{_U}( and a half)?(?!\s+(?:ago|earlier))", False),
    ("coming", r"\b(?:in\s+|over\s+|during\s+)?(?:the\s+)?(?:coming|next|upcoming)\s+(few\s+|several\s+)?(days|weeks|months|years|decades)\b", False),
    ("by_day", rf"\b(by|before|on|until|no later than|as soon as|as early as)\s+(?:{_WEEKDAY_ALT},?\s+)?({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?", True),
    ("soon_as_weekday", rf"\b(?:as soon as|as early as|by|before|until)\s+(?:this\s+|next\s+)?({'|'.join(WEEKDAYS)})\b", True),
    ("year_out", r"\b(?:before|by the time)\s+the\s+year\s+(?:is\s+out|ends|is\s+over)\b", True),
    # "could now be pushed into next year": where the outcome starts, so settled once that period begins
    ("pushed_into", rf"\b(?:push(?:ed|es)?|delay(?:ed|s)?|postpone[ds]?|put off|slip(?:ped|s)?|move[ds]?)\s+(?:back\s+)?"
                    rf"(?:into|until|till|to|beyond)\s+(next year|next month|((?:19|20)\d\d)|"
                    rf"({'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?(?:\s+((?:19|20)\d\d))?)\b", True),
    ("end_of_month", rf"\b(?:by|before|until|at)\s+(?:the\s+)?end\s+of\s+({'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
                     rf"(?:\s+((?:19|20)\d\d))?\b", True),
    ("end_of", r"\b(?:by|before|until|at)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(next\s+)?(year|month|week|decade|summer|spring|winter|autumn|fall|(?:19|20)\d\d)\b", True),
    # "early next year", "by mid-2017", "in the first half of next year": a part of a year ends before it
    ("part_of_year", r"\b(early|mid|late|the middle of|the first half of|the second half of)\s*-?\s*(?:the\s+)?"
                     r"(next year|this year|year|(?:19|20)\d\d)\b", False),
    ("quarter", r"\b(?:in|by|during|before|until)\s+the\s+(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                r"(?:\s+of\s+(next year|this year|the year|(?:19|20)\d\d))?\b", False),
    ("year_end", r"\bby\s+(year[- ]end|the\s+end\s+of\s+(?:19|20)\d\d)\b", True),
    ("by_year", r"\b(by|before|in|until|during)\s+((?:19|20)\d\d)\b", True),
    ("by_month", rf"\b(by|before|in|until|during)\s+(?:early\s+|mid-?|late\s+)?({'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\b(?:\s+((?:19|20)\d\d))?", False),
    # "by spring", "in the fall": the next such season not yet over
    ("season", r"\b(?:by|before|in|until|during|through)\s+(?:the\s+)?(?:early\s+|late\s+)?(spring|summer|autumn|fall|winter)\b", False),
    ("next_period", r"\b(next|this)\s+(year|month|week|spring|summer|autumn|fall|winter|decade)\b", False),
    # "today" is the present a forecast speaks from ("may only be a concept today"), not its horizon
    ("day_word", r"\b(tomorrow|tonight|the day after tomorrow)\b", False),
    ("weekday", rf"\b(?:(?:on|by|next|this|coming)\s+({_WEEKDAY_ALT})\b|({_WEEKDAY_ALT})(?:\s+(?:night|morning|afternoon|evening))?(?:'s|’s))", False),
    ("vague", r"\b(soon|shortly|eventually|one day|someday|some day|sooner or later|in the (?:near |distant )?future|in the long (?:run|term)|in time|before long|at some point)\b", False),
]]
# "less than forecast in July", "as announced in March": when something was said, not when it is due
REPORTED_BEFORE = re.compile(r"\b(?:forecast|predicted|estimated|projected|reported|announced|said)\s*,?\s*$",
                             re.IGNORECASE)
MODAL_BEFORE = re.compile(r"(?:\bwill|['’]ll|\bgoing to|\bwould|\bcould|\bmay|\bmight|\bexpected to|\blikely to)\b",
                          re.IGNORECASE)
COMING = {"days": "P14D", "weeks": "P8W", "months": "P6M", "years": "P5Y", "decades": "P20Y"}
FEW = {"days": "P7D", "weeks": "P4W", "months": "P6M", "years": "P5Y", "decades": "P30Y"}


def _iso_offset(n: float | None, unit: str) -> str | None:
    if n is None:
        return None
    if unit == "Y" and n != int(n):
        return f"P{round(n * 12)}M"
    if unit in ("DE",):
        return f"P{int(n * 10)}Y"
    if unit == "Q":
        return f"P{int(n * 3)}M"
    return f"P{int(n)}{unit}"


def offset_to_date(start: dt.date, latest: str) -> dt.date | None:
    """`latest` after `start`; None when that is past the calendar's end ("within 9999 years")."""
    m = re.fullmatch(r"P(\d+)([YMWD])", latest)
    if not m:
        return start
    try:
        return shift(start, int(m.group(1)), m.group(2))
    except OutOfCalendar:
        return None


def _end_of_year(y: int) -> dt.date:
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        raise OutOfCalendar(f"year {y}")
    return dt.date(y, 12, 31)


def _end_of_month(y: int, mth: int) -> dt.date:
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        raise OutOfCalendar(f"year {y}")
    return _end_of_year(y) if mth == 12 else add_months(dt.date(y, mth, 1), 1) - dt.timedelta(days=1)


def _season_end(season: str, year: int) -> dt.date:
    last_month = SEASONS[season][1]
    return _end_of_month(year + (1 if season == "winter" else 0), last_month)


def _period_end(what: str, pub: dt.date, step: int) -> dt.date:
    """Last day of this (step 0) or the next (step 1) year, month, week, decade or season."""
    if what == "year":
        return _end_of_year(pub.year + step)
    if what == "month":
        d = add_months(pub, step)
        return _end_of_month(d.year, d.month)
    if what == "week":
        return pub + dt.timedelta(days=6 - pub.weekday() + 7 * step)
    if what == "decade":
        return _end_of_year(pub.year // 10 * 10 + 9 + 10 * step)
    first_month = SEASONS[what][0]
    # "next spring" said in May 2023 is spring 2024; said in January 2024 it is spring 2024
    year = pub.year + (1 if step and pub.month >= first_month else 0)
    return _season_end(what, year)


# the last month of each part of a year
PART_END = {"early": 4, "mid": 6, "the middle of": 6, "the first half of": 6, "late": 12, "the second half of": 12,
            "first": 3, "1st": 3, "second": 6, "2nd": 6, "third": 9, "3rd": 9, "fourth": 12, "4th": 12}


def _part_of_year(name: str, part: str, year_words: str | None, pub: dt.date | None) -> dt.date | None:
    """Last day of "early 2018" (April), "mid-2017" (June), "late next year" (December), "the third
    quarter" (September); with no year named, the next such part not yet over."""
    month = PART_END[part]
    if year_words and year_words[:1].isdigit():
        return _end_of_month(int(year_words), month)
    if pub is None:
        return None
    if year_words == "next year":
        return _end_of_month(pub.year + 1, month)
    this = _end_of_month(pub.year, month)
    return this if this >= pub or year_words in ("this year", "year") and name == "part_of_year" else \
        _end_of_month(pub.year + 1, month)


def _parse(name: str, m: re.Match, pub: dt.date | None) -> tuple[str | None, dt.date | None, bool]:
    """(offset from publication, absolute deadline, vague) of one horizon match; a deadline past
    either end of the calendar ("by next month" said on 9999-12-31) is no deadline."""
    try:
        return _parse_match(name, m, pub)
    except (OutOfCalendar, OverflowError):  # OverflowError: date ± timedelta past either end
        return None, None, False


def _parse_match(name: str, m: re.Match, pub: dt.date | None) -> tuple[str | None, dt.date | None, bool]:
    g = [x.lower() if isinstance(x, str) else x for x in m.groups()]
    if name in ("offset_bound", "offset_most", "offset_in"):
        n = number(g[0])
        if n is not None and (g[1] or g[3]):
            n += 0.5
        return _iso_offset(n, unit_code(g[2])), None, n is None
    if name == "offset_ellipsis":  # "two months, three at the most": the unit of the first, the number of the second
        return _iso_offset(number(g[1]), unit_code(g[0])), None, False
    if name == "coming":
        return (FEW if g[0] else COMING)[g[1]], None, False
    if name == "vague":
        return None, None, True
    if pub is None and name not in ("by_year", "year_end", "end_of", "by_day", "pushed_into", "end_of_month",
                                    "part_of_year", "quarter"):
        return None, None, False
    if name == "pushed_into":
        if g[1]:
            return None, dt.date(int(g[1]), 1, 1), False
        if pub is None:
            return None, None, False
        if g[0] == "next year":
            return None, dt.date(pub.year + 1, 1, 1), False
        if g[0] == "next month":
            return None, add_months(dt.date(pub.year, pub.month, 1), 1), False
        month = MONTHS[g[2]]
        year = int(g[3]) if g[3] else (pub.year if month > pub.month else pub.year + 1)
        return None, dt.date(year, month, 1), False
    if name == "end_of_month":
        month = MONTHS[g[0]]
        if g[1]:
            return None, _end_of_month(int(g[1]), month), False
        if pub is None:
            return None, None, False
        return None, _end_of_month(pub.year if month >= pub.month else pub.year + 1, month), False
    if name == "end_of":
        nxt, what = g[0], g[1]
        if what.isdigit():
            return None, _end_of_year(int(what)), False
        if pub is None:
            return None, None, False
        return None, _period_end(what, pub, 1 if nxt else 0), False
    if name in ("part_of_year", "quarter"):
        return None, _part_of_year(name, g[0], g[1], pub), False
    if name == "year_out":
        return None, _end_of_year(pub.year), False
    if name == "by_day":
        year = int(g[3]) if g[3] else None
        if year is None and pub is None:
            return None, None, False
        month, day = MONTHS[g[1]], int(g[2])
        if year is None:
            year = pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
        date = dt.date(year, month, day)
        return None, date - dt.timedelta(days=1) if g[0] == "before" else date, False
    if name == "soon_as_weekday":
        delta = (WEEKDAYS.index(g[0]) - pub.weekday()) % 7 or 7
        return f"P{delta}D", None, False
    if name == "year_end":
        year = re.search(r"(19|20)\d\d", g[0])
        if year:
            return None, _end_of_year(int(year.group())), False
        return (None, _end_of_year(pub.year), False) if pub else (None, None, False)
    if name == "by_year":
        return None, _end_of_year(int(g[1])), False
    if name == "by_month":
        month = MONTHS[g[1]]
        if g[2]:
            year = int(g[2])
        else:
            year = pub.year if month >= pub.month else pub.year + 1
        return None, _end_of_month(year, month), False
    if name == "season":
        # the winter a January or February lies in began the year before
        this = _season_end("winter", pub.year - 1) if g[0] == "winter" and pub.month <= 2 else _period_end(g[0], pub, 0)
        return None, this if this >= pub else _period_end(g[0], pub, 1), False
    if name == "next_period":
        return None, _period_end(g[1], pub, 1 if g[0] == "next" else 0), False
    if name == "day_word":
        days = {"today": 0, "tonight": 0, "tomorrow": 1, "the day after tomorrow": 2}[g[0]]
        return f"P{days}D", None, False
    if name == "weekday":
        target = WEEKDAYS.index(g[0] or g[1])
        delta = (target - pub.weekday()) % 7 or 7
        return f"P{delta}D", None, False
    return None, None, False


def find(text: str, start: int, end: int, published: str | None) -> tuple[Horizon | None, str | None]:
    """The horizon stated in text[start:end] and its deadline (YYYY-MM-DD) when one follows."""
    try:
        pub = dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        pub = None
    found = []
    taken: list[tuple[int, int]] = []
    segment = text[start:end]
    for name, pat, bound in PATTERNS:
        for m in pat.finditer(segment):
            s, e = start + m.start(), start + m.end()
            if any(s < b and e > a for a, b in taken) or REPORTED_BEFORE.search(text[max(0, s - 30):s]):
                continue
            if name == "weekday" and m.group(2) and not MODAL_BEFORE.search(text, start, s):
                continue  # "Tuesday's attack could be …" names what happened; "will use Monday's debate" what comes
            taken.append((s, e))
            try:
                latest, date, vague = _parse(name, m, pub)
                due = date or (offset_to_date(pub, latest) if pub and latest else None)
            except (ValueError, OverflowError):
                continue  # "within 99999 years": past the calendar's end, so no date to give
            if pub is not None and due is not None and due < pub:
                continue  # "than the switch in 1972": a past date is context, not a horizon
            found.append((bound, s, e, latest, date, vague))
    if not found:
        return None, None
    concrete = [f for f in found if f[3] or f[4]]
    if not concrete:
        _, s, e, _, _, _ = found[0]
        return Horizon(span=(s, e), text=text[s:e]), None
    bounds = [f for f in concrete if f[0]]
    pool = bounds or concrete

    def deadline_of(f) -> dt.date | None:
        if f[4] is not None:
            return f[4]
        return offset_to_date(pub, f[3]) if pub else None

    chosen = max(pool, key=lambda f: (deadline_of(f) or dt.date.max, f[1]))
    _, s, e, latest, date, _ = chosen
    deadline = deadline_of(chosen)
    return (Horizon(span=(s, e), text=text[s:e], latest=latest, date=date.isoformat() if date else None),
            deadline.isoformat() if deadline else None)

"""TimeML values of matched time expressions: calendar arithmetic from the publication date.

Each pattern kind of `times.PATTERNS` has one rule here; `direction` is the tense of the clause
("past", "future", "present"), which decides which "Tuesday" or "March" is meant.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from .time_words import (MONTHS, ORDINALS, PART_OF_DAY, REF, SEASON_CODES, SET_VALUES, UNIT, WEEKDAYS, duration,
                         number, unit_code, year_number)

class OutOfCalendar(ValueError):
    """A date before 0001-01-01 or after 9999-12-31 ("2500 years ago" in 2024): not a time we can name."""


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        raise OutOfCalendar(f"year {y}")
    last = 31 if m == 12 else (dt.date(y, m + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def shift(d: dt.date, n: float, unit: str) -> dt.date:
    """The date `n` units after `d` (before when n < 0); OutOfCalendar past either end."""
    try:
        if unit == "D":
            return d + dt.timedelta(days=round(n))
        if unit == "W":
            return d + dt.timedelta(weeks=n)
    except OverflowError as e:
        raise OutOfCalendar(str(e)) from e
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "SE": 3}.get(unit)
    if months is not None:
        return add_months(d, round(n * months))
    return d


def _weekday(dct: dt.date, name: str, direction: str, strict: bool = False) -> dt.date:
    """The weekday `name` nearest publication in the tense's direction; `strict` ("last Monday",
    "next Monday" said on a Monday) never means publication day itself."""
    target = WEEKDAYS.index(name.lower().rstrip("s"))
    delta = target - dct.weekday()
    if direction == "future":
        return dct + dt.timedelta(days=delta if delta > 0 else delta + 7)
    if direction == "past":
        if delta == 0:
            return dct - dt.timedelta(days=7) if strict else dct
        return dct + dt.timedelta(days=delta if delta < 0 else delta - 7)
    # no tense to go by: news reports what happened, so the latest such day up to publication
    return dct + dt.timedelta(days=delta if delta <= 0 else delta - 7)


def _day_year(dct: dt.date, month: int, day: int, direction: str) -> int:
    """The year of a day named without one ("Dec. 10"). News dates lie near publication: in a
    past-tense clause the latest such day up to three months after publication (a report of what
    was set: "payable Dec. 10", "extended to Nov. 16"), in a future one the next on or after it,
    else the nearest."""
    return _year_near(dct, lambda y: dt.date(y, month, min(day, calendar.monthrange(y, month)[1])), direction)


def _year_near(dct: dt.date, on, direction: str, mod: str = "") -> int:
    """The year whose `on(year)` a clause of this tense means; "last"/"next"/"this" say it outright."""
    years = [y for y in (dct.year - 1, dct.year, dct.year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR]
    if mod == "this":
        return dct.year
    if mod == "last":
        return max((y for y in years if on(y) < dct), default=years[0])
    if mod == "next":
        return min((y for y in years if on(y) > dct), default=years[-1])
    if direction == "past":
        return max((y for y in years if (on(y) - dct).days <= 90), default=years[0])
    if direction == "future":
        return min((y for y in years if on(y) >= dct), default=years[-1])
    return min(years, key=lambda y: abs((on(y) - dct).days))


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 for the last."""
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def election_day(year: int) -> dt.date:
    """US federal Election Day: the Tuesday after the first Monday of November."""
    return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)


# US federal holidays and the Christmas season, by the rule that dates them in a given year
HOLIDAYS = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "christmas": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31), "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "election day": election_day,
}


def _weekend(dct: dt.date, direction: str) -> str:
    """ISO week of the weekend meant: the coming one in a future clause, else the latest begun."""
    saturday = dct + dt.timedelta(days=(5 - dct.weekday()) % 7)
    if direction != "future" and saturday > dct:
        saturday -= dt.timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return f"{year}-W{week:02d}-WE"


def _clock(g: list, dct: dt.date | None, direction: str) -> str:
    if g[3]:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[g[3]]
    else:
        hour, minute = int(g[0]) % 12 + (12 if g[2].startswith("p") else 0), int(g[1] or 0)
    clock = f"T{hour:02d}:{minute:02d}"
    day = g[4]
    if dct is None:
        return f"XXXX-XX-XX{clock}"
    if day and day.rstrip("s") in WEEKDAYS:
        return _weekday(dct, day.rstrip("s"), direction).isoformat() + clock
    if day in ("today", "tomorrow", "yesterday"):
        return (dct + dt.timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[day])).isoformat() + clock
    if day:
        mon, num = day.split()
        month = MONTHS.get(mon.rstrip("."))
        if month and 1 <= int(num) <= calendar.monthrange(2000, month)[1]:
            return f"{_day_year(dct, month, int(num), direction):04d}-{month:02d}-{int(num):02d}{clock}"
    return dct.isoformat() + clock


def _month_year(dct: dt.date, month: int, direction: str) -> int:
    year = _nearest_month_year(dct, month, direction)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OutOfCalendar(f"year {year}")
    return year


def _nearest_month_year(dct: dt.date, month: int, direction: str) -> int:
    if direction == "past" and month > dct.month:
        # the month after next is still the one being set ("the plant reopens in December", said in
        # October in a past-tense report); further ahead, a past-tense month is last year's
        return dct.year if month - dct.month <= 2 else dct.year - 1
    if direction == "future" and month < dct.month:
        return dct.year + 1
    if direction == "present":  # no tense to go by: the nearest such month
        if month - dct.month > 6:
            return dct.year - 1
        if dct.month - month > 6:
            return dct.year + 1
    return dct.year


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def normalise(kind: str, m: re.Match, dct: dt.date | None, direction: str,
              quarterly: bool = False) -> tuple[str, str | None]:
    """(TIMEX3 type, value) of one match; the value is None when it needs a date we do not have,
    or one outside the calendar (a day before 0001-01-01 or after 9999-12-31)."""
    try:
        return _normalise(kind, m, dct, direction, quarterly)
    except (OutOfCalendar, OverflowError):  # OverflowError: date ± timedelta past either end
        return "DATE", None


def _normalise(kind: str, m: re.Match, dct: dt.date | None, direction: str,
               quarterly: bool = False) -> tuple[str, str | None]:
    g = [x.lower() if isinstance(x, str) else x for x in m.groups()]
    text = m.group(0).lower()
    if kind == "iso":
        return "DATE", m.group(0)
    if kind in ("month_day", "day_month"):
        mon, day = (g[0], g[1]) if kind == "month_day" else (g[1], g[0])
        month = MONTHS[mon.rstrip(".")]
        if not 1 <= int(day) <= 31:
            return "DATE", None
        year = int(g[2]) if g[2] else (_day_year(dct, month, int(day), direction) if dct else None)
        return "DATE", f"{year:04d}-{month:02d}-{int(day):02d}" if year else f"XXXX-{month:02d}-{int(day):02d}"
    if kind == "month_year":
        return "DATE", f"{year_number(g[1]):04d}-{MONTHS[g[0].rstrip('.')]:02d}"
    if kind == "month_rel" and dct:  # "this September", "last February", "next May"
        month = MONTHS[g[1].rstrip(".")]
        year = dct.year + {"this": 0, "last": -1 if month >= dct.month else 0, "next": 1 if month <= dct.month else 0}[g[0]]
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            raise OutOfCalendar(f"year {year}")
        return "DATE", f"{year:04d}-{month:02d}"
    if kind == "month":
        month = MONTHS[g[0].rstrip(".")]
        return "DATE", f"{_month_year(dct, month, direction):04d}-{month:02d}" if dct else f"XXXX-{month:02d}"
    if kind == "year":
        return "DATE", g[0]
    if kind == "decade":
        if g[2]:
            return "DATE", "19" + str(["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                        "eighties", "nineties"].index(g[2]) + 2)
        digits = g[1]
        if len(digits) == 2:
            digits = "19" + digits
        return "DATE", digits[:3]
    if kind == "century":
        return "DATE", f"{int(g[0]) - 1:02d}"
    if kind == "set":
        return "SET", SET_VALUES[g[0]]
    if kind == "ref":
        return "DATE", REF[g[0]]
    if kind == "clock":
        return "TIME", _clock(g, dct, direction)
    if kind == "spelled_year":
        return "DATE", str(year_number(g[0]))
    if kind == "vague_span":  # "recent years", "coming weeks", "for years": a stretch of unstated length
        unit = next(x for x in g[1::2] if x)
        return "DURATION", "PTXH" if unit == "hours" else duration(None, UNIT[unit.rstrip("s")])
    if kind == "the_year" and g[0]:
        return "DURATION", "P1Y"
    if kind == "the_year":
        return ("DATE", str(dct.year)) if dct else ("DATE", None)
    if kind == "duration":
        n = number(g[0])
        if n is not None and (g[1] or g[3]):
            n += 0.5  # "two and a half years", "a year and a half"
        return "DURATION", duration(n, unit_code(g[2]))
    if dct is None:
        return "DATE", None
    if kind == "holiday":
        name = g[1].replace("’", "'")
        on = HOLIDAYS[name[:-4] if name in ("thanksgiving day", "christmas day") else name]
        return "DATE", on(_year_near(dct, on, direction, g[0] or "")).isoformat()
    if kind == "weekend":
        return "DATE", _weekend(dct, direction)
    if kind == "year_adj":  # "year-earlier profit": the same period a year before
        if quarterly:
            last = add_months(dct, -3)
            return "DATE", f"{last.year - 1}-Q{_quarter(last)}"
        return "DATE", str(dct.year - 1)
    if kind == "day_word":
        word = g[0]
        days = {"today": 0, "tonight": 0, "this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[word.split()[0]]
        base = dct + dt.timedelta(days=days)
        part = word.split()[-1]
        if word == "tonight":
            return "TIME", f"{dct.isoformat()}TNI"
        if part in PART_OF_DAY:
            return "TIME", f"{base.isoformat()}T{PART_OF_DAY[part]}"
        return "DATE", base.isoformat()
    if kind == "weekday":
        mod, name, part = g[0] or "", g[1], g[2]
        code = f"T{PART_OF_DAY[part]}" if part else ""
        if mod in ("each", "every") or text.endswith("s"):  # "each Thursday", "on Tuesday nights"
            return "SET", f"XXXX-WXX-{WEEKDAYS.index(name.rstrip('s')) + 1}{code}"
        way = {"last": "past", "next": "future", "coming": "future", "this": direction}.get(mod, direction)
        return ("TIME" if part else "DATE"), _weekday(dct, name, way, strict=mod in ("last", "next")).isoformat() + code
    if kind == "rel_unit":
        mod, unit = g[0], g[1]
        step = {"this": 0, "the current": 0, "the same": 0, "last": -1, "the past": -1, "the previous": -1,
                "next": 1, "the coming": 1}[mod]
        if mod == "the past" and unit in ("decade", "century"):  # "over the past decade": the stretch up to now
            return "DURATION", "P10Y" if unit == "decade" else "P100Y"
        if unit == "weekend":
            d = dct + dt.timedelta(weeks=step)
            return "DATE", f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}-WE"
        if unit == "week":
            d = dct + dt.timedelta(weeks=step)
            return "DATE", f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"
        if unit == "month":
            d = add_months(dct, step)
            return "DATE", f"{d.year}-{d.month:02d}"
        if unit == "quarter":
            d = add_months(dct, 3 * step)
            return "DATE", f"{d.year}-Q{_quarter(d)}"
        if unit == "decade":
            return "DATE", str(dct.year // 10 + step)
        if unit == "century":
            return "DATE", f"{dct.year // 100 + step:02d}"
        return "DATE", str(dct.year + step)
    if kind in ("ago", "a_unit_ago"):
        n = number(g[0]) if kind == "ago" else 1
        unit = unit_code(g[1])
        sign = 1 if g[2] in ("later", "from now", "hence") else -1
        if n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        d = shift(dct, sign * n, unit)
        if unit == "Y" and n == 1 and quarterly:
            # "a year ago" in a quarterly report: the same quarter a year before
            last = add_months(dct, -3)
            return "DATE", f"{last.year - 1}-Q{_quarter(last)}"
        if unit == "Y":
            return "DATE", str(d.year)
        if unit in ("M", "Q"):
            return "DATE", f"{d.year}-{d.month:02d}"
        if unit == "W":
            return "DATE", f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"
        return "DATE", d.isoformat()
    if kind == "quarter_of_year":
        if g[0]:
            return "DATE", f"{g[1]}-Q{ORDINALS[g[0]]}"
        if g[3]:
            return "DATE", f"{g[2]}-Q{ORDINALS[g[3]]}"
        if g[4] == "period" and not quarterly:
            return "DATE", g[2]
        return "DATE", f"{g[2]}-Q{_quarter(add_months(dct, -3))}"  # the quarter just reported, that year
    if kind == "weekday_date":
        month, day = MONTHS[g[1].rstrip(".")], int(g[2])
        if not 1 <= day <= 31:
            return "DATE", None
        weekday = WEEKDAYS.index(g[0])
        for year in (dct.year, dct.year - 1, dct.year + 1):
            if dt.MINYEAR <= year <= dt.MAXYEAR and day <= calendar.monthrange(year, month)[1] \
                    and dt.date(year, month, day).weekday() == weekday:
                return "DATE", f"{year:04d}-{month:02d}-{day:02d}"
        return "DATE", f"{_day_year(dct, month, min(day, 28), direction):04d}-{month:02d}-{day:02d}"
    if kind == "month_rel_year":  # "July last year"
        year = dct.year + {"last": -1, "this": 0, "next": 1}[g[1]]
        return "DATE", f"{year:04d}-{MONTHS[g[0].rstrip('.')]:02d}"
    if kind == "quarter":
        year = dct.year
        if "year-earlier" in text or "year-ago" in text or "comparable" in text or "last year" in text:
            year -= 1
        q = ORDINALS.get(g[0]) if g[0] else None
        if q is None:
            # "the quarter", "the latest quarter": the last one completed before publication
            last = add_months(dct, -3)
            q, year = _quarter(last), year if not ("year-earlier" in text or "year-ago" in text) else last.year - 1
            if "year-earlier" not in text and "year-ago" not in text and "comparable" not in text:
                year = last.year
        return "DATE", f"{year}-Q{q}"
    if kind == "season":
        mod, season, year = g[0], g[1], g[2]
        code = SEASON_CODES[season]
        if year:
            return "DATE", f"{year_number(year)}-{code}"
        y = dct.year + {"last": -1, "next": 1}.get(mod or "", 0)
        return "DATE", f"{y}-{code}"
    return "DATE", None

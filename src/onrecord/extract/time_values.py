"""TimeML values of matched time expressions: calendar arithmetic from the publication date.

Each pattern kind of `times.PATTERNS` has one rule here; `direction` is the tense of the clause
("past", "future", "present"), which decides which "Tuesday" or "March" is meant.
"""
from __future__ import annotations

import datetime as dt
import re

from .time_words import MONTHS, ORDINALS, PART_OF_DAY, REF, SEASON_CODES, SET_VALUES, WEEKDAYS, duration, number, unit_code

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


def _weekday(dct: dt.date, name: str, direction: str) -> dt.date:
    target = WEEKDAYS.index(name.lower().rstrip("s"))
    delta = target - dct.weekday()
    if direction == "future":
        return dct + dt.timedelta(days=delta if delta > 0 else delta + 7)
    if direction == "past":
        return dct + dt.timedelta(days=delta if delta < 0 else delta - 7) if delta != 0 else dct
    # no tense to go by: news reports what happened, so the latest such day up to publication
    return dct + dt.timedelta(days=delta if delta <= 0 else delta - 7)


def _month_year(dct: dt.date, month: int, direction: str) -> int:
    year = _nearest_month_year(dct, month, direction)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OutOfCalendar(f"year {year}")
    return year


def _nearest_month_year(dct: dt.date, month: int, direction: str) -> int:
    if direction == "past" and month > dct.month:
        return dct.year - 1
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
        year = int(g[2]) if g[2] else (_month_year(dct, month, direction) if dct else None)
        return "DATE", f"{year:04d}-{month:02d}-{int(day):02d}" if year else f"XXXX-{month:02d}-{int(day):02d}"
    if kind == "month_year":
        return "DATE", f"{int(g[1]):04d}-{MONTHS[g[0].rstrip('.')]:02d}"
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
        hour = int(g[0]) % 12 + (12 if g[2].startswith("p") else 0)
        minute = int(g[1] or 0)
        return "TIME", f"{dct.isoformat()}T{hour:02d}:{minute:02d}" if dct else f"XXXX-XX-XXT{hour:02d}:{minute:02d}"
    if kind == "duration":
        n = number(g[0])
        if n is not None and (g[1] or g[3]):
            n += 0.5  # "two and a half years", "a year and a half"
        return "DURATION", duration(n, unit_code(g[2]))
    if dct is None:
        return "DATE", None
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
        mod = g[0] or ""
        way = {"last": "past", "next": "future", "coming": "future", "this": direction}.get(mod, direction)
        return "DATE", _weekday(dct, g[1], way).isoformat()
    if kind == "rel_unit":
        mod, unit = g[0], g[1]
        step = {"this": 0, "the current": 0, "the same": 0, "last": -1, "the past": -1, "the previous": -1,
                "next": 1, "the coming": 1}[mod]
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
            return "DATE", f"{year}-{code}"
        y = dct.year + {"last": -1, "next": 1}.get(mod or "", 0)
        return "DATE", f"{y}-{code}"
    return "DATE", None

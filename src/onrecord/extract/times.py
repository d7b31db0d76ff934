"""Time expressions, normalised against the publication date (TimeML TIMEX3 values).

"Tuesday" in a past-tense report is the Tuesday before publication and in a future-tense one the
Tuesday after; "in March" is March of the publication year, or of the year around it that the
tense points to; "last year", "a year ago", "the third quarter", "three weeks", "daily", "now".
Rules, not a model: every value can be explained by the rule that made it.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..model import TimeExpression
from .textcache import text_of

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
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"

PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(p, re.IGNORECASE if name not in ("month_day", "month", "weekday") else 0)) for name, p in [
    ("iso", r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    ("month_day", rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b"),
    ("day_month", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(?:,?\s+(\d{{4}}))?\b"),
    ("month_year", rf"\b(?:(?:early|mid|late)[- ])?({_MONTH})(?:,)?\s+(?:of\s+)?(\d{{4}})\b"),
    ("rel_unit", r"\b(this|last|next|the past|the coming|the previous|the current|the same)\s+(week|month|year|quarter|weekend|decade|century)\b"),
    ("ago", rf"\b({_NUM})\s+({_UNITS})\s+(ago|earlier|before|later|from now|hence)\b"),
    ("a_unit_ago", r"\b(a|one)\s+(year|month|week|day)\s+(ago|earlier|before)\b"),
    ("quarter", r"\b(?:(?:the|its|this|last|next|a)\s+(?:year-earlier\s+|year-ago\s+|comparable\s+)?)?(first|second|third|fourth|1st|2nd|3rd|4th|latest|current|fiscal)[- ](?:fiscal[- ])?quarter\b|\bthe\s+(?:year-earlier|year-ago|comparable(?: year-ago)?|latest|same|current)\s+(?:period|quarter)\b|\bthe quarter\b"),
    ("season", r"\b(?:(?<=\bin )|(?<=\bthe )|(?<=\bby )|(this|last|next|the coming|early|late)\s+)(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(\d{4}))?"),
    ("duration", rf"\b(?:(?:the|a|an)\s+)?(?:(?:past|last|next|first|coming|previous|following|final)\s+)?({_NUM})( and a half)?[- ]({_UNITS})( and a half)?(?:[- ]long)?\b(?![- ]old)"),
    ("decade", r"\b(?:the\s+)?(?:(early|mid|late)[- ])?(\d{2,4})'?s\b|\bthe\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    ("century", r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\s+century\b"),
    ("weekday", rf"\b(?:(last|next|this|on|coming)\s+)?({_WEEKDAY})\b"),
    ("day_word", r"\b(today|tonight|tomorrow|yesterday|this morning|this afternoon|this evening|last night|tomorrow night|tomorrow morning|yesterday morning|yesterday afternoon)\b"),
    ("ref", r"\b(now|currently|current|at present|presently|nowadays|these days|recently|recent|lately|in the past|the past|formerly|in the future|the future|future|someday)\b"
            r"(?!\s+(?:\S+\s+){0,2}(?:years?|months?|weeks?|days?|hours?|decades?|quarters?|centur\w+|summers?|winters?)\b)"),
    ("set", r"\b(daily|weekly|monthly|annually|yearly|hourly|each (?:day|week|month|year)|every (?:day|week|month|year)|per year)\b"),
    ("year", r"(?<![\d.,$])\b(1[6-9]\d\d|20\d\d)\b(?![\d%])"),
    ("month", rf"\b({_MONTH})\b(?!\s+\d)"),
    ("clock", r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|AM\b|PM\b)"),
]]

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
    """ISO 8601 / TimeML duration: P3Y, P2W, PT16H; X for an unknown count."""
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


def tense(tok: Token | None) -> str:
    """"past", "future" or "present" for the clause a time expression sits in."""
    while tok is not None:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in ("will", "'ll", "wo", "shall") for a in auxes) or (
                    tok.head.lower_ == "going" and tok.dep_ == "xcomp"):
                return "future"
            if tok.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
                return "past"
            return "present"  # "could/may" weigh a possibility, they do not move the time
        if tok.head.i == tok.i:
            return "present"
        tok = tok.head
    return "present"


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


def _matches(text: str) -> Iterator[tuple[str, re.Match]]:
    """Longest match wins where patterns overlap; earlier patterns win ties."""
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), PATTERNS.index((kind, pat)), kind, m))
    for start, neg_len, _, kind, m in sorted(found):
        end = start - neg_len
        if any(start < e and end > s for s, e in taken):
            continue
        taken.append((start, end))
        yield kind, m


def _sentence_flags(doc: Doc, word: str):
    """token index → whether its sentence contains `word`: one pass over the sentences, where
    asking `span.sent` for every match would walk a long sentence once per match."""
    starts, flags = [], []
    for sent in doc.sents:
        starts.append(sent.start)
        flags.append(word in sent.text.lower())
    return lambda i: bool(flags) and flags[bisect.bisect_right(starts, i) - 1]


def find_times(doc: Doc, published: str | None) -> list[TimeExpression]:
    try:
        dct = dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        dct = None
    quarter_talk = _sentence_flags(doc, "quarter")
    out = []
    for kind, m in _matches(text_of(doc)):
        if kind == "month" and m.group(1) in ("May", "March") and not _looks_like_month(text_of(doc), m):
            continue  # the verb "may", the noun "march"
        if kind == "ref" and m.group(1).lower() in ("once", "current", "future") and not _ref_ok(doc, m):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        anchor = span.root if span is not None else None
        quarterly = span is not None and quarter_talk(span.start)
        try:
            ttype, value = normalise(kind, m, dct, tense(anchor), quarterly)
        except (ValueError, OverflowError):
            continue  # "2500 years ago", "999999 weeks later": outside the calendar, so not a date we can give
        out.append(TimeExpression(span=(m.start(), m.end()), text=m.group(0), type=ttype, value=value))
    return sorted(out, key=lambda t: t.span)


def _looks_like_month(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 12):m.start()].lower()
    return bool(re.search(r"\b(in|since|until|by|of|early|late|mid|last|next|this|from|through)\s+$", before))


def _ref_ok(doc: Doc, m: re.Match) -> bool:
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    return span is not None and span.root.pos_ in ("ADV", "NOUN") and span.root.dep_ in ("advmod", "npadvmod", "pobj")


@Language.component("onrecord_times")
def times_component(doc: Doc) -> Doc:
    doc._.times = find_times(doc, doc._.published)
    return doc

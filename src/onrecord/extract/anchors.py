"""Event anchors: the date of an event a forecast names instead of a horizon.

"It's going to be a very unfair debate" has no horizon, but the article says when the debate is
("Monday night's first debate"), and a reader takes the forecast to be settled then. So do we:
- the article's own dates: a date or weekday attached to an event noun ("Monday's debate", "the
  Sept. 26 debate", "the vote on Tuesday"), the first such occurrence on or after publication;
- known recurring dates: US federal Election Day (the Tuesday after the first Monday of November in
  even years) for "the election", "election day", "the next president", "the campaign" when the
  article speaks of an election; Christmas; New Year.
Each anchor keeps the text that dates it, so a reader can check the deadline.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .time_words import MONTHS, WEEKDAYS

EVENT_NOUNS = ("debate", "vote", "referendum", "summit", "hearing", "trial", "primary", "caucus", "convention",
               "meeting", "game", "match", "final", "ruling", "verdict", "runoff", "inauguration")
# mentions that mean the (next) general election of the article
ELECTION = re.compile(r"\b(?:(?:general|presidential|midterm|november)\s+)?election(?:\s+day)?\b|\bElection Day\b|"
                      r"\bnext president\b|\bthe polls\b|\bthe (?:presidential )?campaign\b|\bthe (?:presidential )?race\b|"
                      r"\bballot box\b", re.IGNORECASE)
# in a forecast's own words, in an article about an election: who wins it, and what its voters will do
# or know ("I still think she's going to win", "voters will have no way of knowing"), is settled on its day
ELECTION_OUTCOME = re.compile(r"\b(?:win|wins|winning|lose|loses|losing)\b(?=\s*(?:[.,;:!?”\"’)]|$|\s(?:it|in november|"
                              r"(?:the\s+)?(?:election|race|presidency|white house|state|seat|majority|popular vote|"
                              r"electoral college|house|senate)\b)))|\bbe elected\b"
                              r"|\bvoters\s+(?:will|would|won't|are going to|could|may|might)\b",
                              re.IGNORECASE)
# what makes an article one about an election, so that "the campaign" and "the race" are its election
ELECTION_TALK = re.compile(r"\belection\b|\bnext president\b|\bpresidential (?:race|campaign|candidates?|nominees?|contest)\b",
                           re.IGNORECASE)
# "leading up to election day", "until the vote": the event bounds the forecast, whatever else it says
BOUNDING = re.compile(r"(?:\bup to|\buntil|\bbefore|\bby|\bahead of|\bthrough)\s+(?:the\s+)?$", re.IGNORECASE)
HOLIDAYS = {"christmas": (12, 25), "new year": (1, 1), "new year's": (1, 1), "new year's day": (1, 1)}
HOLIDAY = re.compile(r"\b(?:by|before|until|at|over|for)\s+(christmas|new year(?:'s|’s)?(?: day)?)\b", re.IGNORECASE)
_EVENT = "|".join(EVENT_NOUNS)
_WEEKDAY = "|".join(w.capitalize() for w in WEEKDAYS)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "Monday night's first debate", "Sept. 26 debate", "the debate on Monday", "the vote set for Nov. 8"
_WHEN = rf"(?P<wd>{_WEEKDAY})|(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}})\b"
DATED_BEFORE = re.compile(rf"(?:{_WHEN})(?:\s+(?:night|morning|evening|afternoon))?(?:'s|’s)?"
                          rf"(?:\s+[a-z-]+){{0,2}}?\s+(?P<ev>{_EVENT})(?:e?s)?\b")
DATED_AFTER = re.compile(rf"\b(?P<ev>{_EVENT})(?:e?s)?\s+(?:(?:is|was)\s+)?(?:on|set for|scheduled for|slated for|"
                         rf"due on|due)\s+(?:{_WHEN})")
EVENT_MENTION = re.compile(rf"\b(?P<ev>{_EVENT})(?:e?s)?\b", re.IGNORECASE)


@dataclass
class Anchor:
    event: str
    date: dt.date
    basis: str  # the words that date it: "Monday night's first debate", "US federal Election Day"


def election_day(year: int) -> dt.date:
    """The Tuesday after the first Monday of November."""
    first = dt.date(year, 11, 1)
    first_monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
    return first_monday + dt.timedelta(days=1)


def _date_of(m: re.Match, pub: dt.date) -> dt.date | None:
    if m.group("wd"):
        # an event still ahead of a forecast: the first such weekday from publication on
        return pub + dt.timedelta(days=(WEEKDAYS.index(m.group("wd").lower()) - pub.weekday()) % 7)
    month = MONTHS.get(m.group("mon").lower().rstrip("."), MONTHS.get(m.group("mon").lower()[:3]))
    if month is None:
        return None
    day = int(m.group("day"))
    for year in (pub.year, pub.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        if d >= pub:
            return d
    return None


def article_anchors(text: str, published: str | None) -> dict[str, Anchor]:
    """event word → its anchor, from the article's own dates and the known recurring ones."""
    try:
        pub = dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return {}
    if pub is None:
        return {}
    out: dict[str, Anchor] = {}
    try:
        for pat in (DATED_BEFORE, DATED_AFTER):
            for m in pat.finditer(text):
                d = _date_of(m, pub)
                ev = m.group("ev").lower()
                if d is not None and (ev not in out or d < out[ev].date):
                    out[ev] = Anchor(ev, d, " ".join(m.group(0).split()))
        if "election" not in out and ELECTION_TALK.search(text):
            year = pub.year + (pub.year % 2)
            day = election_day(year)
            if day < pub:
                day = election_day(year + 2)
            out["election"] = Anchor("election", day, "US federal Election Day")
    except (ValueError, OverflowError):
        return out
    return out


def find(text: str, start: int, end: int, anchors: dict[str, Anchor],
         pub: dt.date | None, own_words: bool = False) -> list[tuple[tuple[int, int], Anchor]]:
    """The events in text[start:end] that have an anchor: (the mention's span, the anchor);
    `own_words`: text[start:end] is the forecast itself, whose election outcomes count too."""
    found = []
    for m in EVENT_MENTION.finditer(text, start, end):
        ev = m.group("ev").lower()
        if ev in anchors:
            found.append(((m.start(), m.end()), anchors[ev]))
    if "election" in anchors:
        for m in ELECTION.finditer(text, start, end):
            found.append(((m.start(), m.end()), anchors["election"]))
        if own_words:
            for m in ELECTION_OUTCOME.finditer(text, start, end):
                found.append(((m.start(), m.end()), anchors["election"]))
    if pub is not None:
        for m in HOLIDAY.finditer(text, start, end):
            name = m.group(1).lower().replace("’", "'")
            month, day = HOLIDAYS.get(name, HOLIDAYS["new year"])
            try:
                d = dt.date(pub.year, month, day)
                d = d if d >= pub else dt.date(pub.year + 1, month, day)
            except (ValueError, OverflowError):
                continue
            found.append(((m.start(1), m.end(1)), Anchor(name, d, m.group(1))))
    return found

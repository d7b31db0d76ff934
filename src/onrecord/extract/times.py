"""Time expressions, normalised against the publication date (TimeML TIMEX3 values).

"Tuesday" in a past-tense report is the Tuesday before publication and in a future-tense one the
Tuesday after; "in March" is March of the publication year, or of the year around it that the
tense points to; "last year", "a year ago", "the third quarter", "three weeks", "daily", "now".
Rules, not a model: every value can be explained by the rule that made it.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..model import TimeExpression
from .textcache import text_of
from .time_values import normalise
from .time_words import _MONTH, _NUM, _SPELLED_YEAR, _UNITS, _WEEKDAY, _WEEKDAY_ONE

# The characters that can open a match of the slower patterns, tried as a lookahead first: a
# pattern that opens with optional words ("the", "past", a number word) is otherwise entered at
# every word of the text; the set is that of the first letters of its alternatives, so the matches
# are the same. The case-sensitive "weekday" names both cases of its case-blind first words.
_OPENERS = {
    "ago": r"\dtfsenoah", "duration": r"\dtfsenoahplc", "quarter": "tilnafsc1-4", "quarter_of_year": "tfs1-4",
    "ref": "ncaptrlifs", "month_year": "emljfmasond", "holiday": "lntcime", "season": "sfawtlne",
    "decade": r"teml\d", "weekday": "lntoceLNTOCEMTWFS", "day_word": "tyl", "set": "dwmayhep",
    "rel_unit": "tln", "clock": r"\dnm", "year": "12", "spelled_year": "tn", "weekday_date": "oOMTWFS",
    "a_unit_ago": "ao", "century": "t", "month_rel": "tlnTLN", "month": "JFMASOND", "month_day": "JFMASOND",
    "month_rel_year": "JFMASOND", "day_month": r"\d", "iso": r"\d", "weekend": "t", "year_adj": "y",
}


def _compiled(name: str, pattern: str) -> re.Pattern:
    flags = re.IGNORECASE if name not in ("month_day", "month", "month_rel", "month_rel_year", "weekday",
                                          "weekday_date") else 0
    return re.compile(f"(?=[{_OPENERS[name]}])" + pattern if name in _OPENERS else pattern, flags)


PATTERNS: list[tuple[str, re.Pattern]] = [(name, _compiled(name, p)) for name, p in [
    ("iso", r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    # "Monday, Oct. 26": the date names the day; the weekday picks its year
    ("weekday_date", rf"\b(?:(?i:on)\s+)?({_WEEKDAY_ONE}),?\s+({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})"),
    ("month_rel_year", rf"\b({_MONTH})\s+(?:of\s+)?(last|this|next)\s+year\b"),
    ("month_day", rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b"),
    ("day_month", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(?:,?\s+(\d{{4}}))?\b"),
    ("month_year", rf"\b(?:(?:early|mid|late)[- ])?({_MONTH})(?:,)?\s+(?:of\s+)?(\d{{4}}|{_SPELLED_YEAR})\b"),
    ("rel_unit", r"\b(this|last|next|the past|the coming|the previous|the current|the same)\s+(week|month|year|quarter|weekend|decade|century)\b"),
    ("ago", rf"\b({_NUM})\s+({_UNITS})\s+(ago|earlier|before|later|from now|hence)\b"),
    ("a_unit_ago", r"\b(a|one)\s+(year|month|week|day)\s+(ago|earlier|before)\b"),
    # "the third quarter of 1990", "the 1988 second quarter", "the 1988 period" (of an earnings report)
    ("quarter_of_year", r"\b(?:the\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter\s+(?:of|in)\s+(?:fiscal\s+)?((?:19|20)\d\d)"
                        r"|((?:19|20)\d\d)\s+(?:(first|second|third|fourth)[- ])?(?:fiscal[- ])?(quarter|period))\b"),
    ("quarter", r"\b(?:(?:the|its|this|last|next|a)\s+(?:year-earlier\s+|year-ago\s+|comparable\s+)?)?(first|second|third|fourth|1st|2nd|3rd|4th|latest|current|fiscal)[- ](?:fiscal[- ])?quarter\b|\bthe\s+(?:year-earlier|year-ago|comparable(?: year-ago)?|latest|same|current)\s+(?:period|quarter)\b|\bthe quarter\b"),
    ("season", rf"\b(?:(?<=\bin )|(?<=\bthe )|(?<=\bby )|(this|last|next|the coming|early|late)\s+)(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(\d{{4}}|{_SPELLED_YEAR}))?"),
    ("duration", rf"\b(?:(?:the|a|an)\s+)?(?:(?:past|last|next|first|coming|previous|following|final)\s+)?({_NUM})( and a half)?[- ]({_UNITS})( and a half)?(?:[- ]long)?\b(?![- ](?:old|earlier|ago))"),
    ("decade", r"\b(?:the\s+)?(?:(early|mid|late)[- ])?(\d{2,4})'?s\b|\bthe\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    ("century", r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\s+century\b"),
    ("weekday", rf"\b(?:((?i:last|next|this|on|coming|each|every))\s+)?({_WEEKDAY})(?:\s+(morning|afternoon|evening|night)s?)?\b"),
    ("day_word", r"\b(today|tonight|tomorrow|yesterday|this morning|this afternoon|this evening|last night|tomorrow night|tomorrow morning|yesterday morning|yesterday afternoon)\b"),
    ("ref", r"\b(now|currently|current|at present|presently|nowadays|these days|recently|recent|lately|in the past|the past|formerly|in the future|the future|future|someday)\b"
            r"(?!\s+(?:\S+\s+){0,2}(?:years?|months?|weeks?|days?|hours?|decades?|quarters?|centur\w+|summers?|winters?)\b)"),
    ("set", r"\b(daily|weekly|monthly|annually|yearly|hourly|each (?:day|week|month|year)|every (?:day|week|month|year)|per year)\b"),
    ("year", r"(?<![\d.,$])\b(1[6-9]\d\d|20\d\d)\b(?![\d%])"),
    ("month_rel", rf"\b((?i:this|last|next))\s+({_MONTH})\b(?!\s+\d)"),
    ("month", rf"\b({_MONTH})\b(?!\s+\d)"),
    # "9 a.m. Tuesday", "noon Thursday", "5 p.m. EST, Nov. 6": the day that follows dates the time
    ("clock", rf"(?:\b(\d{{1,2}})(?::(\d{{2}}))?\s*(a\.m\.?|p\.m\.?|AM\b|PM\b)|\b(noon|midnight|midday)\b)"
              rf"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|local time)\b)?"
              rf"(?:,?\s+(?:on\s+)?({_WEEKDAY}|today|tomorrow|yesterday|{_MONTH}\s+\d{{1,2}}\b))?"),
    ("spelled_year", rf"\b(?:the year\s+)?({_SPELLED_YEAR})\b"),
    ("holiday", r"\b(?:(last|next|this)\s+)?(thanksgiving(?: day)?|christmas(?: day| eve)?|new year(?:'s|’s) (?:day|eve)|"
                r"independence day|the fourth of july|memorial day|labor day|election day)\b"),
    ("weekend", r"\bthe weekend\b"),
    ("year_adj", r"\byear-(?:earlier|ago)\b"),
    ("vague_span", r"\b(recent|coming)\s+(years|months|weeks|days|decades)\b"),
    # (the lookahead first: a lookbehind tried at every position would scan the text four times over)
    ("vague_span", r"(?=[ymwdh])(?:(?:(?<=\bfor )|(?<=\bin )|(?<=\bover ))()(years|months|weeks|days|decades)\b"
                   r"|(?<=\bwithin )()(years|months|weeks|days|hours)\b)"),
    # "for the year ended Sept. 30": a twelve-month period; "for the full year": the year of publication
    # ("the end of the year" is a horizon's, whole)
    ("the_year", r"(?=t)(?<!end of )(?<!close of )(?<!turn of )\bthe\s+(?:(?:full|fiscal|calendar)\s+)?year\b(?!-)(\s+(?:ended|ending)\b)?"),
]]


# verbs whose infinitive complement happens later than they do: "planned to leave on Thursday",
# "is scheduled to close Monday", "is to resume trading Tuesday"
FORWARD_VERBS = {"plan", "schedule", "set", "expect", "intend", "aim", "hope", "prepare", "slate", "be", "want",
                 "agree", "promise", "vow", "pledge", "threaten", "decide", "due"}
# words before a date that point past the clause's own time: "payable Dec. 7", "as early as Tuesday"
FORWARD_LEAD = re.compile(r"\b(?:as (?:soon|early) as|(?:scheduled|slated|planned) (?:for|on)|set for|due|effective|"
                          r"payable|of record|record date of)\s+(?:on\s+)?$", re.IGNORECASE)


def tense(tok: Token | None) -> str:
    """"past", "future" or "present" for the clause a time expression sits in."""
    while tok is not None:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in ("will", "'ll", "wo", "shall", "would", "'d") for a in auxes) or (
                    tok.head.lower_ == "going" and tok.dep_ == "xcomp"):
                return "future"  # "would": the future of a reported past ("said he would leave Thursday")
            if tok.dep_ == "xcomp" and tok.head.lemma_ in FORWARD_VERBS and any(a.tag_ == "TO" for a in auxes):
                return "future"
            if tok.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
                return "past"
            return "present"  # "could/may" weigh a possibility, they do not move the time
        if tok.head.i == tok.i:
            return "present"
        tok = tok.head
    return "present"


def _matches(text: str) -> Iterator[tuple[str, re.Match]]:
    """Longest match wins where patterns overlap; earlier patterns win ties."""
    found = []
    for rank, (kind, pat) in enumerate(PATTERNS):
        for m in pat.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), rank, kind, m))
    taken_end = -1  # matches come by start, so one overlaps a kept one iff it starts before the last kept end
    for start, neg_len, _, kind, m in sorted(found, key=lambda f: f[:3]):
        if start < taken_end:
            continue
        taken_end = start - neg_len
        yield kind, m


def _sentence_flags(doc: Doc, word: str):
    """token index → whether its sentence or the one before contains `word` (an earnings report
    names "the third quarter" once and compares with "a year earlier" in the next sentence): one
    pass over the sentences, where asking `span.sent` for every match would walk a long sentence
    once per match."""
    if word not in text_of(doc).lower():
        return lambda i: False  # most articles: no sentence to look at
    starts, flags, before = [], [], False
    for sent in doc.sents:
        here = word in sent.text.lower()
        starts.append(sent.start)
        flags.append(here or before)
        before = here
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
        if kind == "ref" and m.group(1).lower() in ("once", "current", "future") and not _ref_ok(doc, m, m.group(1).lower()):
            continue
        if kind == "duration" and _fraction(text_of(doc), m):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        anchor = span.root if span is not None else None
        quarterly = span is not None and quarter_talk(span.start)
        try:
            direction = "future" if FORWARD_LEAD.search(text_of(doc), max(0, m.start() - 24), m.start()) else tense(anchor)
            ttype, value = normalise(kind, m, dct, direction, quarterly)
        except (ValueError, OverflowError):
            continue  # "2500 years ago", "999999 weeks later": outside the calendar, so not a date we can give
        if kind == "duration" and _rate(doc, m):
            ttype = "SET"
        out.append(TimeExpression(span=(m.start(), m.end()), text=m.group(0), type=ttype, value=value))
    return sorted(out, key=lambda t: t.span)


def _fraction(text: str, m: re.Match) -> bool:
    """"three-quarters of its food", "a quarter of the market": a share, not a time."""
    words = m.group(0).lower().replace("-", " ").split()
    return words[0] in ("a", "one", "two", "three") and words[-1].startswith("quarter") \
        and re.match(r"\s+of\b", text[m.end():m.end() + 4]) is not None


def _rate(doc: Doc, m: re.Match) -> bool:
    """"four flights a week", "$500 million a year": "a" means per, so the time is a recurrence."""
    words = m.group(0).lower().split()
    if len(words) != 2 or words[0] not in ("a", "an"):
        return False
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    prev = doc[span.start - 1] if span is not None and span.start > 0 else None
    return prev is not None and (prev.tag_ in ("CD", "NNS") or prev.lower_ in ("million", "billion", "percent"))


def _looks_like_month(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 12):m.start()].lower()
    return bool(re.search(r"\b(in|since|until|by|of|early|late|mid|last|next|this|from|through)\s+$", before))


def _ref_ok(doc: Doc, m: re.Match, word: str) -> bool:
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None:
        return False
    if word == "current" and span.root.dep_ == "amod":  # "the current visit": the present one
        return True
    return span.root.pos_ in ("ADV", "NOUN") and span.root.dep_ in ("advmod", "npadvmod", "pobj")


@Language.component("onrecord_times")
def times_component(doc: Doc) -> Doc:
    doc._.times = find_times(doc, doc._.published)
    return doc

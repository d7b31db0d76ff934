"""What ties a detected forecast to the article: its owner, its restatements, its horizon.

- Owner: the speaker of the quote the forecast sits in, named or not: an unresolved source
  ("analysts") owns it as a group under its mention. `None` is the article's own voice only. A
  quote whose speaker is mentioned inside the forecast ("The envoy is likely to face questions")
  is about that speaker, not theirs.
- Restatements: the headline, the lede and the body often state one forecast two or three times;
  they become one forecast whose `also` lists the other spans, so the ledger stores one row.
- Horizon: stated in the forecast (horizons.py), else in one of its restatements, else in its
  sentence ("By 2019, the trade war would cost …"), else an event it names that the article or
  the calendar dates (anchors.py); the deadline is never before publication.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from . import anchors, horizons
from .textcache import text_of
from ..model import Forecast, Horizon, Quote

STOP_LEMMAS = {"be", "will", "would", "could", "may", "might", "do", "have", "go", "get", "say", "not", "also"}


def trim_chars(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "“”\"'‘’,.:;–—-•"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "“”\"'‘’,.:;–—-"):
        e -= 1
    return s, e


def _quote_at(pos: int, quotes: list[Quote]) -> tuple[int | None, Quote | None]:
    """The quote at `pos`; of several, one with a speaker: "The currency is expected to fall,
    analysts said" is both an unsourced "is expected" and the analysts' words."""
    found = [(i, q) for i, q in enumerate(quotes) if q.span[0] <= pos < q.span[1]]
    return next((x for x in found if x[1].speaker is not None), found[0] if found else (None, None))


def assign_owner(f: Forecast, quotes: list[Quote], text: str) -> None:
    qi, q = _quote_at(f.span[0], quotes)
    if q is None:
        qi, q = _quote_at(f.span[1] - 1, quotes)
    if q is not None and f.span[1] > q.span[1] and q.type == "direct":
        f.span = trim_chars(text, f.span[0], q.span[1])  # not past the quote into "– its speaker"
        f.text = text[f.span[0]:f.span[1]]
    if q is not None and q.speaker is not None and f.span[0] <= q.speaker.mention[0] < f.span[1] \
            and not _parenthetical(f, q, text):
        return  # the speaker is who the forecast is about, so it is the quote's frame, not its owner
    f.quote = qi
    if q is None or q.speaker is None:
        return
    if q.speaker.mention_text and q.speaker.mention_text.lower() in ("i", "we", "me", "us", "you"):
        return  # "I tell myself that …": the author speaking in the first person
    if q.speaker.name:
        f.owner_person, f.owner_name = q.speaker.person, q.speaker.name
        f.owner_kind = "person"
    elif q.speaker.mention_text:
        f.owner_name, f.owner_kind = q.speaker.mention_text, "group"
    f.owner_mention = q.speaker.mention


def _parenthetical(f: Forecast, q: Quote, text: str) -> bool:
    """"The plan, officials said, will fail by June": the speaker and their cue interrupt the
    forecast, so the speaker is named inside it but is who says it, not who it is about."""
    if q.cue is None or not (f.span[0] <= q.cue[0] and q.cue[1] <= f.span[1]):
        return False
    mention_end = q.speaker.mention[1]
    return mention_end <= q.cue[0] and not text[mention_end:q.cue[0]].strip()


def said_inside(inner: Forecast, outer: Forecast, quotes: list[Quote]) -> bool:
    """Whether `inner` is the words of a speaker that an attribution inside `outer` names: its
    quote has a speaker and starts after `outer` does."""
    _, q = _quote_at(inner.span[0], quotes)
    return q is not None and q.speaker is not None and q.type != "direct" and outer.span[0] < q.span[0] \
        and inner.span[0] <= q.span[0] + 2


def clear_owner(f: Forecast) -> None:
    """The article's own voice owns it."""
    f.owner_person = f.owner_name = f.owner_kind = f.owner_mention = None


def _content(doc: Doc, span: tuple[int, int]) -> set[str]:
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None:
        return set()
    return {t.lemma_.lower() for t in sp if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
            and t.lemma_.lower() not in STOP_LEMMAS and not t.is_stop}


def merge_restatements(doc: Doc, forecasts: list[Forecast], title: tuple[int, int] | None) -> list[Forecast]:
    """Forecasts that say the same (most content words shared, same polarity) become one: the body's
    statement, with the headline's and the others' spans in `also`."""
    words = [_content(doc, f.span) for f in forecasts]
    merged: list[int] = []  # indices of the forecasts kept
    for i, f in enumerate(forecasts):
        twin = next((k for k in merged if forecasts[k].polarity == f.polarity and _same(words[k], words[i])
                     and not _overlap(forecasts[k].span, f.span)), None)  # a restatement is elsewhere
        if twin is None:
            merged.append(i)
            continue
        keep, drop = forecasts[twin], f
        in_title = title is not None and title[0] <= keep.span[0] < title[1]
        if in_title or (keep.owner_name is None and drop.owner_name is not None):
            # the body, and the statement with a speaker, is the one to keep
            forecasts[twin], keep, drop = drop, drop, keep
            words[twin] = words[i]
            keep.also = [s for s in keep.also]
        keep.also = sorted({*keep.also, drop.span, *drop.also} - {keep.span})
        if keep.owner_name is None and drop.owner_name is not None:
            keep.owner_person, keep.owner_name, keep.owner_kind = drop.owner_person, drop.owner_name, drop.owner_kind
    return [forecasts[k] for k in merged]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same(a: set[str], b: set[str]) -> bool:
    small = min(len(a), len(b))
    return small >= 2 and len(a & b) >= max(2, 0.7 * small)


# "by", "before", "within" bound what is still to come, so they date no past clause, whatever the
# parse hangs them from ("Prices will fall, she said, by the end of next year")
DEADLINE_WORD = re.compile(r"(?:by|before|within|until|no later than)\b", re.IGNORECASE)
QUOTE_OPENERS = ('"', "“", "‘", "'")


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, end if end >= 0 else len(text)


def _set_anchor(f: Forecast, text: str, hit: tuple[tuple[int, int], anchors.Anchor]) -> None:
    (hs, he), anchor = hit
    f.horizon = Horizon(span=(hs, he), text=text[hs:he], date=anchor.date.isoformat(), basis=anchor.basis)
    f.deadline = anchor.date.isoformat()


def _sentence_horizon(doc: Doc, sent: tuple[int, int], forecasts: list[tuple[int, int]],
                      published: str | None) -> tuple[Horizon | None, str | None]:
    """A horizon the sentence states outside its forecasts ("By 2019, analysts said, the trade war
    would cost …"). Not one inside another forecast of the sentence, which is that forecast's, nor
    one of a clause in the past ("Shares fell on Monday, with analysts saying …"), which dates
    what happened."""
    text = text_of(doc)
    for s, e in _pieces(sent, forecasts):
        h, d = horizons.find(text, s, e, published)
        if h is not None and (d or h.latest) and (DEADLINE_WORD.match(h.text) or not _in_past_clause(doc, h.span)):
            return h, d
    return None, None


def _pieces(region: tuple[int, int], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of `region` that none of `cut` covers (each at least a short word long)."""
    pieces, at = [], region[0]
    for s, e in sorted(x for x in cut if x[0] < region[1] and region[0] < x[1]):
        pieces.append((at, max(at, s)))
        at = max(at, e)
    pieces.append((at, region[1]))
    return [(s, e) for s, e in pieces if e - s >= 3]


def _in_past_clause(doc: Doc, span: tuple[int, int]) -> bool:
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None:
        return False
    verb = next((t for t in words.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ in ("VBD", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children)


def assign_horizon(doc: Doc, f: Forecast, dated: dict[str, anchors.Anchor], published: str | None,
                   others: list[tuple[int, int]] = ()) -> None:
    text = text_of(doc)
    try:
        pub = dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        pub = None
    bounded = [h for h in anchors.find(text, f.span[0], f.span[1], dated, pub)
               if anchors.BOUNDING.search(text, max(0, h[0][0] - 20), h[0][0])]
    if bounded:
        _set_anchor(f, text, min(bounded, key=lambda h: h[1].date))
        return
    # not in a forecast nested in this one ("Prices, with analysts saying the bank will act soon,
    # will rise"): its horizon is its own
    nested = [o for o in others if f.span[0] <= o[0] and o[1] <= f.span[1]]
    for s, e in [*_pieces(f.span, nested), *f.also]:
        f.horizon, f.deadline = horizons.find(text, s, e, published)
        if f.horizon is not None and (f.deadline or f.horizon.latest):
            return
    first = f.horizon
    sent = doc.char_span(f.span[0], f.span[1], alignment_mode="expand")
    if sent is not None:
        h, d = _sentence_horizon(doc, (sent.sent.start_char, sent.sent.end_char), [f.span, *others], published)
        if h is not None:
            f.horizon, f.deadline = h, d
            return
    # the event named by the forecast, its sentence, else its paragraph ("the moderator of Monday
    # night's debate, Lester Holt" … "“Holt will be very fair,” Trump said")
    regions = [f.span, *f.also] + ([(sent.sent.start_char, sent.sent.end_char)] if sent is not None else [])
    para = _paragraph(text, f.span[0])
    regions.append(para)
    if text[para[0]:para[0] + 1] in QUOTE_OPENERS and para[0] > 1:
        # a paragraph that opens with a quote is spoken by the one the paragraph before introduced,
        # about what it introduced ("the moderator of Monday night's debate, Lester Holt" → "“I think
        # Lester Holt will be very fair,” Trump said")
        regions.append(_paragraph(text, len(text[:para[0]].rstrip()) - 1))
    own = len(f.also) + 1
    for i, (s, e) in enumerate(regions):
        hits = anchors.find(text, s, e, dated, pub, own_words=i < own)
        if hits:
            _set_anchor(f, text, max(hits, key=lambda h: h[1].date))  # "debates … alter the campaign": the later
            return
    f.horizon, f.deadline = first, None

"""Long documents in bounded pieces: split the text, analyse each piece, shift and merge.

Several steps of the analysis look back over the whole document for each item they find (the
quotes before a forecast, the people before a pronoun, the sentence around a date), which is
fine for an article and quadratic for a 5 MB dump. A text longer than PIECE_CHARS is cut into
pieces of at most that many characters, each analysed as a document of its own; the results are
shifted by each piece's offset and merged into one analysis of the whole text. An article shorter
than a piece is one piece and is analysed exactly as before.

Where to cut, best first: a blank line (a paragraph boundary), a line break, a sentence end
outside quotation marks, white space outside quotation marks, white space, and only for a text
with none of those in a whole piece, anywhere.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Analysis, Article, Forecast, Horizon, Person, Quote, Speaker, Span, Structure, TimeExpression
from . import quotemarks

PIECE_CHARS = 20_000
# a cut is searched for in the last part of a piece, so that no piece is much shorter than the rest
LOOKBACK = 0.5

SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s+(?=[\"“‘«(]?[A-Z0-9])")
WHITESPACE = re.compile(r"\s+")


def _last_cut(text: str, lo: int, hi: int, pattern: re.Pattern[str], blocked: list[Span]) -> int | None:
    """The end of the last match of `pattern` in text[lo:hi] that is not inside a blocked span."""
    best = None
    for m in pattern.finditer(text, lo, hi):
        cut = m.end()
        if cut < hi and not any(a < cut < b for a, b in blocked):
            best = cut
    return best


def _quotes_near(text: str, lo: int, hi: int) -> list[Span]:
    """Quotation-mark stretches of text[lo:hi], at offsets into text."""
    return [(lo + a, lo + b) for a, b in quotemarks.stretches(text[lo:hi])]


def cut_points(text: str, size: int = PIECE_CHARS) -> list[int]:
    """Offsets where the pieces start after the first; [] when the text fits in one piece."""
    cuts: list[int] = []
    start = 0
    while len(text) - start > size:
        hi = start + size
        lo = start + int(size * (1 - LOOKBACK))
        cut = None
        for sep in ("\n\n", "\n"):
            at = text.rfind(sep, lo, hi)
            if at != -1:
                cut = at + len(sep)
                break
        if cut is None:
            # from a cut, which is outside quotes, to past hi, where a quote open at hi closes
            quoted = _quotes_near(text, start, hi + 2_000)
            cut = (_last_cut(text, lo, hi, SENTENCE_END, quoted)
                   or _last_cut(text, lo, hi, WHITESPACE, quoted)
                   or _last_cut(text, lo, hi, WHITESPACE, []))
        if cut is None or cut <= start:
            cut = hi
        cuts.append(cut)
        start = cut
    return cuts


def bounds(text: str, size: int = PIECE_CHARS) -> list[Span]:
    """(start, end) of each piece; together they cover the text exactly once."""
    starts = [0] + cut_points(text, size)
    return list(zip(starts, starts[1:] + [len(text)]))


def _shift(s: Span | None, by: int) -> Span | None:
    return (s[0] + by, s[1] + by) if s is not None else None


def _shifted_quote(q: Quote, by: int, ids: dict[str, str], names: dict[str, str]) -> Quote:
    sp = q.speaker
    speaker = None
    if sp is not None:
        person = ids.get(sp.person) if sp.person else None
        speaker = Speaker(mention=_shift(sp.mention, by), mention_text=sp.mention_text, person=person,
                          name=names.get(person, sp.name) if person else sp.name, resolved_by=sp.resolved_by)
    return replace(q, span=_shift(q.span, by), cue=_shift(q.cue, by), speaker=speaker,
                   parts=[_shift(p, by) for p in q.parts] if q.parts else q.parts)


def _shifted_forecast(f: Forecast, by: int, quote_base: int, ids: dict[str, str], names: dict[str, str]
                      ) -> Forecast:
    owner = ids.get(f.owner_person) if f.owner_person else None
    h = f.horizon
    return replace(f, span=_shift(f.span, by), condition=_shift(f.condition, by),
                   owner_person=owner, owner_name=names.get(owner, f.owner_name) if owner else f.owner_name,
                   owner_mention=_shift(f.owner_mention, by),
                   quote=f.quote + quote_base if f.quote is not None else None,
                   horizon=Horizon(span=_shift(h.span, by), text=h.text, latest=h.latest, date=h.date,
                                   basis=h.basis) if h else None,
                   also=[_shift(a, by) for a in f.also])


class _People:
    """The people of the whole text: a person of a later piece is one already met when the two have
    the same name, or when the later is known by a surname alone that is the last word of the
    name of exactly one person met before ("Obama" after "Barack Obama" in an earlier piece)."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_name: dict[tuple[str, str], Person] = {}
        self._by_last: dict[tuple[str, str], list[Person]] = {}

    def _match(self, p: Person) -> Person | None:
        same = self._by_name.get((p.kind, p.name))
        if same is not None or " " in p.name:
            return same
        ends = self._by_last.get((p.kind, p.name), [])
        return ends[0] if len(ends) == 1 else None

    def add(self, piece: list[Person], by: int) -> dict[str, str]:
        """Merge one piece's people in; the piece's ids mapped to the ids of the whole text."""
        ids = {}
        for p in piece:
            mentions = [_shift(m, by) for m in p.mentions]
            known = self._match(p)
            if known is None:
                known = Person(id=f"p{len(self.people) + 1}", name=p.name, kind=p.kind)
                self.people.append(known)
                self._by_name[(p.kind, p.name)] = known
                self._by_last.setdefault((p.kind, p.name.split()[-1]), []).append(known)
            known.mentions.extend(mentions)
            known.descriptions.extend(d for d in p.descriptions if d not in known.descriptions)
            ids[p.id] = known.id
        return ids


def _merged_structure(pieces: list[tuple[int, Analysis]]) -> Structure:
    """The title is the first piece's; a later piece's first line is not the article's title."""
    st = Structure(title=pieces[0][1].article.structure.title if pieces else None)
    for offset, a in pieces:
        for key in Structure.LISTS:
            getattr(st, key).extend(_shift(s, offset) for s in getattr(a.article.structure, key))
    return st


def merge(article: Article, pieces: list[tuple[int, Analysis]]) -> Analysis:
    """The analysis of `article` from the analyses of its pieces, each with its offset into the text."""
    article.structure = _merged_structure(pieces)
    if article.title is None and article.structure.title is not None:
        article.title = article.text[article.structure.title[0]:article.structure.title[1]]
    whole = Analysis(article=article)
    people = _People()
    for offset, a in pieces:
        ids = people.add(a.people, offset)
        names = {p.id: p.name for p in people.people}
        base = len(whole.quotes)
        whole.quotes.extend(_shifted_quote(q, offset, ids, names) for q in a.quotes)
        whole.forecasts.extend(_shifted_forecast(f, offset, base, ids, names) for f in a.forecasts)
        whole.times.extend(TimeExpression(span=_shift(t.span, offset), text=t.text, type=t.type, value=t.value)
                           for t in a.times)
    whole.people = people.people
    return whole

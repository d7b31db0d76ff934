"""Quotes: direct, indirect and mixed, each with its cue and speaker mention.

Two sources of evidence meet here:
- quotation-mark stretches (quotemarks.py), which give the exact extent of direct speech;
- attributions from the dependency parse: a cue verb of the lexicon (data/cues.txt) with a
  subject, and the clause it governs ("X said (that) C", "C, X said", "according to X, C").
An attribution whose clause lies inside a stretch is a direct quote with the stretch's span; one whose
clause contains a short stretch is mixed; one with no marks is indirect. A stretch that no cue
governs is attributed by layout: a dash and a name after it, an attribution in the same paragraph,
the speaker of the paragraph before it; or it stands alone as a pull quote with no speaker.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import adjectives, attributions, evidentials, headlines, nominal, questions, quotemarks, speakers, surface
from .attribution import Attribution, inside, overlap
from .layout_sources import DASHES
from ..model import Quote
from .structure import lines as structure_lines
from .textcache import text_of

# verbs of plain reporting, whose clause inside another report is still a quote of its own
REPORTING_VERBS = {"say", "tell", "claim", "report", "announce", "write", "state", "add", "insist", "argue", "warn"}
MIN_DIRECT_WORDS = 4  # shorter marked stretches are scare quotes or titles, not speech
MIN_UNATTRIBUTED_WORDS = 8  # a quotation this long is speech even with no cue near it
# transcripts: "PENCE: Well, the question …", a speaker label in capitals opening a turn
TRANSCRIPT_TURN = re.compile(r"(?:^|(?<=[\"“]))[ \t]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]+(?=\S)", re.MULTILINE)


def _dash_name(doc: Doc, stretch_end: int) -> tuple[int, Span] | None:
    """`“…,” – Armand Gauchu`: a dash after the stretch, then a name to the end of the line.
    Returns the dash's offset and the name's span."""
    text = text_of(doc)
    line_end = text.find("\n", stretch_end)
    line_end = len(text) if line_end < 0 else line_end
    tail = text[stretch_end:line_end]
    dash = stretch_end + len(tail) - len(tail.lstrip(" ,.\xa0\t"))  # "…?”\xa0― Name"
    if dash >= line_end or text[dash] not in DASHES:
        return None
    # the name runs to the end of the line, or to the next quotation in a run of reader quotes
    end = next((i for i in range(dash + 1, line_end) if text[i] in "“\"."), line_end)
    while end > dash + 1 and text[end - 1].isspace():  # a no-break space after the name is no part of it
        end -= 1
    if _words(text[dash + 1:end]) > 12:
        return None
    span = doc.char_span(dash + 1, end, alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in span):
        return None
    return dash, span


def _noun_phrase_only(doc: Doc, content: tuple[int, int], marks: list[tuple[int, int]]) -> bool:
    """Content that is one noun phrase names a thing, it reports no words: "denied the accusation",
    "welcomed the Swedish move to drop the case", "endorsed Clinton". Content with no verb at all
    is one too. Quotation marks make such words someone's ("called it “a disaster”"), and a comma
    may start a clause the parse hung inside the phrase ("denied the claims, saying …")."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span) or any(overlap(content, m) for m in marks):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return True
    heads = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN", "PRON") and "," not in span.text


def _words(text: str) -> int:
    return len(text.split())


@dataclass
class Found:
    span: tuple[int, int]
    type: str
    att: Attribution | None = None
    dash: tuple[int, Span] | None = None
    parts: list[tuple[int, int]] | None = None


class Paragraphs:
    """Which paragraph (non-blank line) an offset falls in."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [s for s, _ in structure_lines(text)]

    def __call__(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1


def _floating(m: tuple[int, int], found: list[Found], para: Paragraphs) -> Attribution | None:
    """The speaker of a quote that no cue governs: an attribution in its own paragraph, else the
    speaker of a quote in the paragraph just before (news continues a speaker's quote that way)."""
    p = para(m[0])
    same = [f.att for f in found if f.att is not None and para(f.att.cue.idx) == p]
    # a cue that only qualifies another ("“…,” said Caddell, speaking of her health") is not whose
    # words a further quotation is
    same = [a for a in same if not any(a.cue.head.i in (b.cue.i, b.source.i if b.source is not None else -1)
                                       for b in same if b is not a)] or same
    if same:
        return min(same, key=lambda a: abs(a.cue.idx - m[0]))
    before = [f for f in found if f.att is not None and para(f.span[0]) == p - 1 and f.type != "indirect"]
    return before[-1].att if before else None


def _continues_quote(m: tuple[int, int], found: list[Found], para: Paragraphs) -> bool:
    """“I would,” she said to the TV. “I would, Donald.”: a short quoted sentence right after a
    quotation's own attribution continues it, however few its words."""
    text = para.text
    if not re.search(r"[.!?]\W?$", text[m[0]:m[1]]):
        return False
    before = [f for f in found if f.type == "direct" and f.att is not None and f.span[1] <= m[0]]
    if not before:
        return False
    prev = max(before, key=lambda f: f.span[1])
    between = text[prev.span[1]:m[0]]
    return (para(prev.span[0]) == para(m[0]) and prev.span[1] <= prev.att.cue.idx < m[0]
            and _words(between) <= 12 and not any(c in between for c in "“”\""))


def _transcript_turns(doc: Doc, excluded: list[tuple[int, int]], labels: list[tuple[int, int]] = ()) -> list[Found]:
    """Turns of an interview transcript: a label in capitals, a colon, then the words to the end
    of the paragraph (or to a closing quotation mark that ends the turn)."""
    text = text_of(doc)
    out = []
    # a headline's "Sanders: Clinton needs to …" is headlines.py's
    for m in TRANSCRIPT_TURN.finditer(text):
        label = m.group(1)
        if any(a <= m.start(1) < b for a, b in labels):
            continue  # a dateline or a section label ("NEW DELHI:", "ENERGY:"), not a speaker's turn
        if len(label) < 3 or label in ("UPDATE", "NOTE", "PHOTO", "VIDEO", "WATCH", "READ", "EDITOR'S NOTE"):
            continue
        start = m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        close = text.rfind("\"", start, end)
        if close > start and text[start:close].count("\"") % 2 == 0:
            end = close
        body = text[start:end].rstrip()
        if _words(body) < MIN_DIRECT_WORDS or any(overlap((start, end), x) for x in excluded):
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None:
            continue
        out.append(Found((start, start + len(body)), "direct", dash=(m.end(1), name)))
    return out


def _outermost(atts: list[Attribution]) -> list[Attribution]:
    """One attribution per stretch of text, as PolNeAR annotates: "X said that Y believes Z" is
    X's statement; Y's belief inside it is not a second quote. Two cues of one content ("expressed
    concern that …": the verb and the noun) make one quote: the first found with a source."""
    first: dict[tuple[int, int], Attribution] = {}
    for a in atts:
        if a.content not in first or first[a.content].source is None and a.source is not None:
            first[a.content] = a
    out = []
    for a in atts:
        if first[a.content] is not a:
            continue
        if _reported_report(a) or not any(
                b is not a and inside(a.content, b.content, 0) and b.content[0] <= a.cue.idx < b.content[1]
                and b.content != a.content for b in atts):
            out.append(a)
    return out


def _reported_report(a: Attribution) -> bool:
    """"A release said a majority of members said yes": a report of what a named source said, inside
    another report, is a quote of its own; a belief ("Y believes Z") or a pronoun's words stay inside."""
    return a.cue.lemma_ in REPORTING_VERBS and a.source is not None and a.source.pos_ in ("PROPN", "NOUN") \
        and a.cue.pos_ == "VERB" and any(c.dep_ in ("ccomp", "intj") for c in a.cue.children) \
        and a.cue.dep_ != "xcomp"  # "declined to say whether …" reports no saying


def _join_interrupted(found: list[Found], text: str, para: Paragraphs) -> list[Found]:
    """“…,” he said. “…” is one quote in two parts: its span runs from the first mark to the last,
    and `parts` keeps the quoted stretches."""
    out: list[Found] = []
    for f in found:
        # what lies between is the attribution's own ("said Caddell, speaking of her health")
        prev = next((o for o in reversed(out) if o.type == "direct"), None)
        if (prev is not None and f.type == "direct" and f.att is not None
                and f.att is prev.att and para(prev.span[0]) == para(f.span[0])
                and _words(text[prev.span[1]:f.span[0]]) <= 40):
            prev.parts = (prev.parts or [prev.span]) + [f.span]
            prev.span = (prev.span[0], f.span[1])
            continue
        out.append(f)
    return out


def find_quotes(doc: Doc) -> list[Quote]:
    st = doc._.structure
    excluded = st.excluded() if st else []
    marks = [s for s in quotemarks.stretches(text_of(doc)) if not any(overlap(s, x) for x in excluded)
             and not quotemarks.names_a_thing(text_of(doc), s) and not quotemarks.titles_a_work(text_of(doc), s)]
    found: list[Found] = []
    used: set[tuple[int, int]] = set()

    speech = [m for m in marks if _words(text_of(doc)[m[0]:m[1]]) >= MIN_DIRECT_WORDS]
    # sentence by sentence, the nominal attributions first, as they claim a quotation before a verb does
    atts = nominal.find(doc, excluded, marks, speech) + attributions.find(doc, excluded, speech, marks)
    atts += surface.find(doc, excluded, speech, {a.cue.i for a in atts}) + evidentials.find(doc, excluded, speech)
    atts += adjectives.find(doc, excluded, speech) + questions.find(doc, excluded, speech)
    atts.sort(key=lambda a: a.cue.sent.start)
    for att in _outermost(atts):
        holder = next((m for m in marks if inside(att.content, m)), None)
        if holder is not None:
            if holder not in used:
                used.add(holder)
                found.append(Found(holder, "direct", att))
            continue
        inner = [m for m in marks if inside(m, att.content)]
        if _noun_phrase_only(doc, att.content, marks):
            att.kind = "stance"  # a position taken toward a thing ("denied the accusation"), not words said
        used.update(inner)
        found.append(Found(att.content, "mixed" if inner else "indirect", att, parts=att.parts))

    headline = headlines.find(doc, excluded)
    if headline is not None:
        # a headline's words are its speaker's, whatever cues they hold ("Blumenthal: I would have told …")
        inner = [f for f in found if inside(f.span, headline[0], 0)]
        if not any(overlap(headline[0], f.span) for f in found if f not in inner):
            found = [f for f in found if f not in inner]
            used.update(m for m in marks if inside(m, headline[0]))
            found.append(Found(headline[0], "indirect", dash=headline[1:]))

    para = Paragraphs(text_of(doc))
    pulls = st.pull_quotes if st else []
    for m in marks:
        if m in used or _words(text_of(doc)[m[0]:m[1]]) < MIN_DIRECT_WORDS and not _continues_quote(m, found, para):
            continue
        dash = _dash_name(doc, m[1]) or _colon_label(doc, m[0])
        att = _floating(m, found, para) if dash is None else None
        if dash is not None:
            found.append(Found(m, "direct", dash=dash))
        elif att is not None:
            found.append(Found(m, "direct", att))
        elif any(inside(m, p) for p in pulls) or _words(text_of(doc)[m[0]:m[1]]) >= MIN_UNATTRIBUTED_WORDS:
            # a pull quote, or a quotation long enough to be somebody's words though the article
            # does not say whose
            found.append(Found(m, "direct"))

    turns = _transcript_turns(doc, excluded, (st.datelines + st.section_labels) if st else [])
    # a quotation no one is said to say that holds the turns of a transcript is the transcript's
    # quoting, not one quote: its turns are the quotes ("“WALLACE: … ¶ “PENCE: …")
    found = [f for f in found if f.att is not None or f.dash is not None
             or not any(inside(t.span, f.span, 0) for t in turns)]
    for turn in turns:
        # a turn's words are its speaker's, whatever cues they hold ("TAPPER: Trump released a video
        # talking about …"), as one stretch of text has one attribution (_outermost); a named
        # source's report inside it stays a quote of its own, and then the turn gives way
        inner = [f for f in found if inside(f.span, turn.span, 0) and not (f.att and _reported_report(f.att))]
        if not any(overlap(turn.span, f.span) for f in found if f not in inner):
            found = [f for f in found if f not in inner] + [turn]
    if st and (st.embedded_posts or st.signed_quotes):
        # a post is its account holder's words, a signed pull quote its signer's, whatever cues they contain
        posts = [Found(p, "direct", dash=(text_of(doc).rfind("\n", 0, a[0]) + 1, name))
                 for p, a in zip(st.embedded_posts + st.signed_quotes, st.post_authors + st.signers)
                 if (name := doc.char_span(*a, alignment_mode="expand")) is not None]
        found = [f for f in found if not any(overlap(f.span, p.span) for p in posts)] + posts
    found = _join_interrupted(sorted(found, key=lambda f: f.span), text_of(doc), para)
    if doc._.people is None:
        doc._.people = []
    resolver = speakers.Resolver(doc, doc._.people, st.not_speakers() if st else [])
    quotes = []
    for f in found:
        q = Quote(span=f.span, text=text_of(doc)[f.span[0]:f.span[1]], type=f.type, parts=f.parts)
        if f.att is not None:
            if f.type != "direct" or inside(f.att.content, f.span):
                q.kind = f.att.kind  # a quotation that only borrows a neighbour's speaker is speech
            q.cue, q.cue_text = (f.att.cue.idx, f.att.cue.idx + len(f.att.cue.text)), f.att.cue.text
            if f.att.source is not None:
                q.speaker = resolver.resolve(f.att.source, at=f.span[0])
        elif f.dash is not None:
            at, name = f.dash
            q.cue, q.cue_text = (at, at + 1), text_of(doc)[at]
            q.speaker = resolver.resolve_span(name)
        resolver.note(q)
        quotes.append(q)
    resolver.finish(quotes)
    return quotes


def _colon_label(doc: Doc, stretch_start: int) -> tuple[int, Span] | None:
    """`Jane Roe, Harbour Weekly: “…”`: a line that opens with a name (and its outlet or role after
    a comma), then a colon and the quotation, as in a list of pundits' calls. Returns the colon's
    offset and the name's span."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, stretch_start) + 1
    label = text[line_start:stretch_start].rstrip(" \t")
    if not label.endswith(":") or _words(label) > 10:
        return None
    colon = line_start + len(label) - 1
    while line_start < colon and text[line_start] in " \t•*·–—-":
        line_start += 1  # a bulleted list of calls
    name_end = min((i for i in (text.find(",", line_start, colon), text.find("(", line_start, colon)) if i >= 0),
                   default=-1)
    span = doc.char_span(line_start, colon if name_end < 0 else name_end, alignment_mode="expand")
    if span is None or not 1 <= len(span) <= 4 or not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span):
        return None
    if len(span) == 1 and name_end < 0:
        return None  # "Verdict: “…”", "Update: “…”": a heading word, not a speaker
    return colon, span


@Language.component("onrecord_quotes")
def quotes_component(doc: Doc) -> Doc:
    doc._.quotes = find_quotes(doc)
    return doc

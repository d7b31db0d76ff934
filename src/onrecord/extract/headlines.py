"""A headline that gives its speaker before a colon: "Pence: Flowers Won't Be at Debate",
"Former AG Mukasey at RNC: Clinton email scandal disqualifies her", "Poll: Clinton leads". Only the
text's first line is a headline; the label names a person or an organisation the article names
again, or a document ("Poll", "Report"); a series label ("The Latest:") names no one. The speaker
is then resolved by layout, as a dash's name is (quotes.py).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .attribution import _trim, overlap
from .speaker_nouns import DOCUMENT_NOUNS
from .textcache import text_of

MAX_LABEL_WORDS = 12  # "Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts:"
MAX_HEADLINE_CHARS = 200
SERIES_LABELS = {"the latest", "latest", "breaking", "update", "updated", "exclusive", "watch", "live", "opinion",
                 "analysis", "editorial", "explainer", "fact check", "review", "listen", "video", "photos"}


def find(doc: Doc, excluded: list[tuple[int, int]]) -> tuple[tuple[int, int], int, Span] | None:
    """The headline's content span, the colon's offset and the span that names the speaker."""
    text = text_of(doc)
    end = text.find("\n")
    end = len(text) if end < 0 else end
    colon = text.find(": ", 0, end)
    if colon <= 0 or end > MAX_HEADLINE_CHARS or any(overlap((0, end), x) for x in excluded):
        return None
    label = doc.char_span(0, colon, alignment_mode="expand")
    if label is None or len(label) > MAX_LABEL_WORDS or label.text.strip().lower() in SERIES_LABELS:
        return None
    name = _name(label, text[end:])
    first = next((t.i for t in doc[label.end:] if t.idx > colon), None)
    last = next((t.i for t in reversed(doc[:]) if t.idx < end), None)
    if name is None or first is None or last is None or last < first:
        return None
    content = _trim(doc, first, last + 1)
    return (content, colon, name) if content is not None else None


def _recurs(word: str, body: str) -> bool:
    return re.search(r"\b" + re.escape(word) + r"\b", body) is not None


def _name(label: Span, body: str) -> Span | None:
    """The label's person or organisation when the article names it again (a headline's title-case
    phrase can pass for a name: "Stealth Over Health"), a name the model did not tag that opens the
    label ("Lund:", "Gillibrand on Hillary's Speeches:"), or a document noun ("Poll:", whose poll the
    resolver finds)."""
    for kind in ("PERSON", "ORG"):
        named = next((e for e in label.ents if e.label_ == kind and _recurs(e[-1].text, body)), None)
        if named is not None:
            return named
    words = [t for t in label if not t.is_space]
    if len(words) == 1 and words[0].lemma_.lower() in DOCUMENT_NOUNS:
        return label
    lead = 0
    while lead < len(words) and words[lead].text[:1].isupper():
        lead += 1
    if 1 <= lead <= 3 and (lead == len(words) or words[lead].is_lower) and _recurs(words[lead - 1].text, body):
        return label[:lead]
    return None

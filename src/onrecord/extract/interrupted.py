"""Reported speech interrupted by its attribution: "The harbour, Maria Lund says, will reopen".

The attribution sits inside what is reported, so the quote's span runs across it and its `parts`
are the stretches on either side. The parser sometimes makes the fronted subject of the reported
clause a second subject of the cue ("The harbour, Maria Lund said on Monday, will reopen"), which
`fronted_subject` recognises.
"""
from __future__ import annotations

from spacy.tokens import Token

from .textcache import text_of

EDGE = " \t\n,;:—–-"
# children of the cue that belong to the attribution, not to what it attributes
ATTRIBUTION_DEPS = {"punct", "advmod", "npadvmod", "prep", "aux", "neg", "dative", "dobj", "agent"}


def fronted_subject(cue: Token) -> Token | None:
    """The first of two subjects before the cue, set off by a comma, when the cue also governs a
    clause after it or is itself set inside one: that subject is the reported clause's, not the
    speaker."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    if len(subjects) < 2 or not (cue.dep_ == "parataxis" or any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)):
        return None
    first = subjects[0]
    after = first.right_edge.i + 1
    return first if after < len(cue.doc) and cue.doc[after].text == "," else None


def split(cue: Token, source: Token | None, content: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The stretches of `content` before and after the attribution phrase inside it, or None when
    the attribution is not inside."""
    if not content[0] < cue.idx < content[1]:
        return None
    allowed = {cue.i}
    if source is not None:
        allowed |= {t.i for t in source.subtree}
    for c in cue.children:
        if c.dep_ in ATTRIBUTION_DEPS:
            allowed |= {t.i for t in c.subtree}
    # the attribution phrase is the run of such tokens around the cue
    lo, hi = cue.i, cue.i
    while lo - 1 in allowed and cue.doc[lo - 1].idx > content[0]:
        lo -= 1
    while hi + 1 in allowed and cue.doc[hi + 1].idx < content[1]:
        hi += 1
    lo, hi = cue.doc[lo], cue.doc[hi]
    text = text_of(cue.doc)
    before = _strip(text, content[0], lo.idx)
    after = _strip(text, hi.idx + len(hi.text), content[1])
    return [before, after] if before and after else None


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return (start, end) if end > start else None

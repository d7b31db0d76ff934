"""What a forecast covers: the character span of the predicted outcome, without its condition, a
clause of its own joined by "and", or the attribution that names its owner ("…, he said",
"according to X", "with analysts saying …", a "Name, outlet:" label before a quotation).
"""
from __future__ import annotations

from spacy.tokens import Token

from .forecast_filters import subject_of
from .forecast_words import CHANCE_NOUNS, CONDITION_MARKS, EXPECT_WORDS, SUBJECTS
from .lexicon import CUES


def _clause_head(tok: Token, marker: str) -> Token:
    """The token whose subtree is the predicted outcome: the predicate itself, or for "X is
    expected/likely to win" the clause that starts at X."""
    if tok.dep_ == "xcomp" and (tok.head.lower_ == "going" or tok.head.lower_ in EXPECT_WORDS):
        head = tok.head
        return head.head if head.dep_ == "acomp" and head.head.lemma_ == "be" else head
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and marker == EXPECT_WORDS["track"]:
        return tok.head  # "the economy is on track to grow": from its subject
    if tok.dep_ == "pcomp" and tok.head.head.lower_ in CHANCE_NOUNS:
        chance = tok.head.head  # "the mayor has a good chance of winning": from the one who has it
        held = chance.dep_ == "dobj" and chance.head.lemma_ in ("have", "stand")
        return chance.head if held or chance.dep_ == "nsubj" and chance.head.lemma_ == "be" else tok  # "… are slim"
    if tok.dep_ in ("relcl", "acl") and tok.head.lower_ in CHANCE_NOUNS:
        return tok  # "a 50-50 chance the bill passes": the outcome is the clause, not the chance
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head  # "a deal that will reshape the region": the noun is the subject
    return tok


NOUN_PHRASE = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART")
OPENING_QUOTES = ("“", '"', "‘", "«")


def clause_span(tok: Token, marker: str) -> tuple[tuple[int, int] | None, Token | None]:
    """Character span of the predicted outcome: the predicate's clause without its condition, a
    clause joined by "and" with its own subject, or an attribution ("…, he said", "according to X")."""
    doc = tok.doc
    head = _clause_head(tok, marker)
    condition = None
    # subtrees of a projective parse are contiguous, so each dropped part is a range: the work is
    # the predicate's children, not its subtree times their subtrees
    drop: list[tuple[int, int]] = []
    for c in list(tok.children) + (list(head.children) if head.i != tok.i else []):
        if c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children if m.dep_ == "mark"):
            condition = c
            drop.append((c.left_edge.i, c.right_edge.i + 1))
        elif c.dep_ == "conj" and any(g.dep_ in SUBJECTS for g in c.children):
            cc = [t.i for t in c.head.children if t.dep_ == "cc" and t.i < c.i]
            drop.append((min(cc + [c.left_edge.i]), c.right_edge.i + 1))
        elif (c.dep_ in ("parataxis", "ccomp") and c.lemma_ in CUES and any(g.dep_ in SUBJECTS for g in c.children)) \
                or (c.dep_ == "prep" and c.lower_ == "according"):
            drop.append((c.left_edge.i, c.right_edge.i + 1))  # "…, he said", "According to X, …" name the owner
    drop.extend(_attributions_with(head))
    subj = subject_of(tok)
    saying = next((c for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_ in CUES), None) \
        if subj is not None else None
    if saying is not None and saying.i < tok.i:
        drop.append((subj.left_edge.i, saying.i + 1))  # "traders predicting a sell-off will follow", misparsed
    start, end = head.left_edge.i, head.right_edge.i + 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1  # a dropped part that ends the clause ends before its full stop
    # the outcome runs from the first to the last token that no dropped part covers
    for lo, hi in sorted(drop):
        if lo <= start < hi:
            start = hi
    for lo, hi in sorted(drop, reverse=True):
        if lo < end <= hi:
            end = lo
    if end <= start:
        return None, condition
    # "John Smith, The Daily Post: “The currency will fall”": the label before the colon names the
    # speaker; the outcome is what the quote says
    label = next((i for i in range(start, min(end - 1, tok.i)) if doc[i].text.endswith(":") and doc[i + 1].text in OPENING_QUOTES), None)
    if label is not None:
        start = label + 1
    while start < end and (doc[start].dep_ in ("mark", "cc") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None, condition
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)), condition


def _attributions_with(head: Token) -> list[tuple[int, int]]:
    """"Shares will slide, with analysts saying the merger will collapse": the absolute "with X
    saying …" is its own attribution, so its clause is the analysts' forecast, not part of this one."""
    out = []
    for w in head.subtree:
        if w.dep_ != "prep" or w.lower_ != "with":
            continue
        # "with" + a noun phrase + a cue in -ing, however the parse hangs them together
        t = w.doc[w.i + 1] if w.i + 1 < len(w.doc) else w
        while t.i < w.right_edge.i and t.pos_ in NOUN_PHRASE and t.i - w.i <= 6:
            t = t.nbor()
        if t.i > w.i + 1 and t.tag_ == "VBG" and t.lemma_ in CUES and t.i <= w.right_edge.i:
            out.append((w.left_edge.i, w.right_edge.i + 1))
    return out

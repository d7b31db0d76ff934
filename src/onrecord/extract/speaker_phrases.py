"""What a source token's phrase is, beyond the token: a dateline the model took for the subject,
a relative pronoun that governs the quote, a coordination of several sources."""
from __future__ import annotations

import re

from spacy.tokens import Token

from .speaker_nouns import mention_span
from .textcache import text_of

# "BUFFALO, N.Y. —", "WASHINGTON (AP) —", "BERLIN --": a place in capitals opening a paragraph
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s*")


def past_dateline(tok: Token) -> Token | None:
    """"BERLIN -- The European Space Agency says …": the model may take the dateline's place for the
    subject; the subject is the noun phrase just before the verb."""
    doc = tok.doc
    text = text_of(doc)
    line = text.rfind("\n", 0, tok.idx) + 1
    m = DATELINE.match(text, line)
    verb = tok.head
    if m is None or tok.idx >= m.end() or verb.i <= tok.i:
        return None
    best = None
    for chunk in doc.noun_chunks:
        if chunk.start_char >= m.end() and chunk.end <= verb.i \
                and all(t.pos_ in ("ADV", "AUX", "PART") for t in doc[chunk.end:verb.i]):
            best = chunk
    return best.root if best is not None else None


def relative_pronoun(tok: Token, at: int) -> Token | None:
    """"who"/"which"/"that" as the subject of a relative clause on `tok` that holds the quote at `at`."""
    for clause in tok.children:
        if clause.dep_ != "relcl":
            continue
        rel = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                    and c.lower_ in ("who", "which", "that")), None)
        end = clause.right_edge.idx + len(clause.right_edge.text)
        if rel is not None and clause.left_edge.idx <= at < end:
            return rel
    return None


def coordination_span(tok: Token) -> tuple[int, int] | None:
    """"China and Russia", "Mr. King and Mr. Schultz": a subject of two or more names or nouns
    joined by "and", from the first's start to the last's end."""
    if tok.pos_ not in ("PROPN", "NOUN"):
        return None
    if tok.dep_ not in ("nsubj", "nsubjpass") and not any(c.dep_ in ("appos", "relcl") for c in tok.children):
        return None  # an object's "X and Y" is no source; an antecedent of "which together vowed" is
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children):
        return None
    last = tok
    while True:
        nxt = next((c for c in last.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")), None)
        if nxt is None:
            break
        last = nxt
    if last is tok or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in last.children):
        return None  # "the nominee and his aides said": the first speaks, with his people
    return mention_span(tok)[0], mention_span(last)[1]

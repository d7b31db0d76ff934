"""Where the parse loses a cue's subject or content, the layout around the cue gives it: the noun
phrase between a closing quotation and the cue, a name stranded in an apposition, a name right
before the cue, a quotation touching the attribution, the text after a colon that ends the cue's phrase."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .textcache import text_of

DASHES = "–—―-"
# what may stand between a cue and the colon that ends its phrase ("wrote on his blog on Monday:")
CUE_ADJUNCTS = {"prep", "pobj", "det", "npadvmod", "advmod", "compound", "amod", "poss", "dative"}


def layout_subject(cue: Token, marks: list[tuple[int, int]]) -> Token | None:
    """“…,” Tulsa police Chief Chuck Jordan said — when the parse loses the subject, the noun
    phrase between a closing quotation and the cue is it."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "DET", "ADJ") and not doc[i].is_punct:
        i -= 1
    if i == cue.i - 1 or doc[cue.i - 1].pos_ not in ("PROPN", "NOUN") or i < 0:
        return None
    gap_end = doc[i].idx + len(doc[i].text)
    if doc[i].text not in (",", "”", "\"", "’", "'") or not any(0 <= doc[i + 1].idx - m[1] <= 3 for m in marks):
        return None
    return doc[cue.i - 1] if gap_end <= doc[cue.i - 1].idx else None


def stranded_name(cue: Token) -> Token | None:
    """"Speaking to Harbour Radio, Peter Okafor, a fellow, said …" parsed with the name as an
    apposition of the outlet: the last person named before a subject-less cue is its subject."""
    for t in reversed(cue.doc[cue.sent.start:cue.i]):
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.dep_ in ("appos", "conj") and t.head.i < t.i:
            return t
    return None


def name_before(cue: Token) -> Token | None:
    """"… with the editorial board of the Post Trump said that …": the parser took the name for an
    object of what precedes; a name or personal pronoun right before a tensed cue is its subject."""
    if cue.i == 0 or cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    prev = cue.doc[cue.i - 1]
    if prev.pos_ == "PRON" and prev.lower_ in ("he", "she", "they", "we", "i"):
        return prev
    return prev if prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", "ORG", "NORP") else None


def only_names_between(doc: Doc, start: int, end: int) -> bool:
    gap = text_of(doc)[start:end]
    if "\n" in gap or gap.strip(" ,")[:1] in DASHES:
        return False  # another paragraph, or a dash attribution of its own
    span = doc.char_span(start, end, alignment_mode="expand")
    # a word of a named entity is a name whatever its tag ("Tulsa" taken for a verb)
    return span is not None and all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "SPACE") or t.ent_type_
                                    for t in span)


def fronted_quote(content: tuple[int, int], subj: Token, marks: list[tuple[int, int]]) -> tuple[int, int]:
    """A quotation before its speaker ends the content: "“…,” Tulsa police Chief Jordan said" where
    the parser took "Tulsa" for a verb of the quoted clause."""
    for m in marks:
        if m[0] <= content[0] < m[1] < content[1] and m[1] <= subj.idx:
            return content[0], m[1]
    return content


def adjacent_stretch(cue: Token, subj: Token, marks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Layout when the parse gives the cue nothing to govern: “…,” she said / said X: “…”.
    The quotation touches the attribution, with only spaces and punctuation between."""
    text = text_of(cue.doc)
    first = min(cue.idx, subj.left_edge.idx)
    last = max(cue.idx + len(cue.text), subj.right_edge.idx + len(subj.right_edge.text))
    for m in marks:
        if 0 <= first - m[1] <= 3 and not text[m[1]:first].strip(" ,"):
            return m
        if 0 < first - m[1] <= 60 and only_names_between(cue.doc, m[1], first):
            return m  # “…,” Tulsa police Chief Chuck Jordan said
        if 0 <= m[0] - last <= 3 and text[last:m[0]].strip() in (":", ",", ""):
            return m
    return None


def after_colon(cue: Token) -> tuple[int, int] | None:
    """"Hewitt writes:" ending its paragraph, the excerpt in the next; "a sentence I never thought
    I'd write: Trump understands …" on the same line. The colon closes the cue's phrase."""
    doc = cue.doc
    if cue.dep_ != "ROOT":
        return None  # "… if they were to reply in kind: …" is no one's introduction of a text
    colon = next((t for t in doc[cue.i + 1:cue.sent.end] if t.text == ":"), None)
    if colon is None or any(t.is_alpha and t.lower_ != "that" and t.dep_ not in CUE_ADJUNCTS
                            for t in doc[cue.i + 1:colon.i]):
        return None  # words between the cue and the colon that are not the cue's own adjuncts
    text = text_of(doc)
    line_end = text.find("\n", colon.idx)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[colon.idx + 1:line_end].strip()
    if rest:
        start = text.index(rest, colon.idx + 1)
        return start, start + len(rest)
    nxt = re.search(r"\S[^\n]*", text[line_end:])
    if nxt is None:
        return None
    return line_end + nxt.start(), line_end + nxt.end()

"""Evidential "seem" and "appear": "Mr. Trump seemed to overstay his welcome", "it appears (that) the
vote was close", "the move seems like a contradiction", "Clinton seemed irritated". They attribute
an impression with no source named, a stance the writer reports; their subject is part of the
impression, not its holder. What is "reportedly" so was said by someone the article does not name.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution import Attribution, _trim, inside, overlap
from .cue_words import _is_cue

EVIDENTIAL_VERBS = {"seem", "appear"}
# reported by someone the article does not name (in PolNeAR train, "reportedly" attributes in 2 of 3 uses;
# "allegedly", "apparently" and "seemingly" in fewer than 1 in 5)
REPORTED_ADVERBS = {"reportedly"}


def _impression(verb: Token) -> tuple[int, int] | None:
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and subj is not None and subj.lower_ == "it":
            return _trim(doc, c.left_edge.i, c.right_edge.i + 1)  # "it seems (that) …"
        if subj is None or subj.lower_ in ("it", "there") or c.i < verb.i:
            continue
        if c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            # "seems to work", "appears to be moving", "appears to have plummeted"
            if _is_cue(c):
                return None  # "she seemed to suggest that …": the inner cue's attribution is the one
            return _trim(doc, subj.left_edge.i, c.right_edge.i + 1)
        if c.dep_ == "prep" and c.lower_ == "like" or c.dep_ in ("acomp", "oprd", "attr", "dobj"):
            # "seems like a contradiction", "Clinton seemed irritated (by …)", "the event seemed an insult"
            end = max([c.right_edge.i] + [d.right_edge.i for d in verb.rights if d.i > c.i and d.dep_ in ("prep", "agent", "advmod")])
            return _trim(doc, subj.left_edge.i, end + 1)
    return None


def find(doc: Doc, excluded: list[tuple[int, int]], speech: list[tuple[int, int]]) -> list[Attribution]:
    """Evidential attributions outside `excluded` spans and outside direct speech: a quoted
    speaker's "it seems" is part of the quotation."""
    out = []
    for tok in doc:
        reported = tok.lower_ in REPORTED_ADVERBS and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX")
        if not reported and (tok.lemma_ not in EVIDENTIAL_VERBS or tok.pos_ != "VERB"):
            continue
        if any(a < tok.idx < b for a, b in speech) or any(overlap((tok.idx, tok.idx + 1), x) for x in excluded):
            continue
        if reported:  # "The FBI is reportedly making arrangements to …": the clause is what was reported
            content = _trim(doc, tok.head.left_edge.i, tok.head.right_edge.i + 1)
        else:
            content = _impression(tok)
        if content is not None and not any(inside(content, s) for s in speech):
            out.append(Attribution(tok, None, content, kind="speech" if reported else "stance"))
    return out

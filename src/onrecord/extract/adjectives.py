"""Stance adjectives: "Democrats are concerned that turnout will drop", "Graham has been critical
of Trump", "she is determined to win". The subject of the copula holds the view or feeling; its
content is the adjective's that-clause, its to-infinitive, or the object of a preposition the
adjective takes (data/stance_adjectives.txt); "made (it) clear that …" is said. The parser sometimes reads "were worried" as a
passive verb: its passive subject is the holder then.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from .attribution import Attribution, _trim, inside, overlap
from .cue_words import _is_someone
from .lexicon import CUES

COPULAS = {"be", "seem", "appear", "remain", "become", "sound", "look", "feel", "grow", "stay", "get"}


@lru_cache(maxsize=1)
def adjectives() -> dict[str, frozenset[str]]:
    """Each adjective of the data file with the prepositions whose object is its content."""
    out = {}
    for line in resources.files(__package__).joinpath("data/stance_adjectives.txt").read_text("utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            out[words[0].lower()] = frozenset(w.lower() for w in words[1:])
    return out


def _holder(adj: Token) -> Token | None:
    if adj.dep_ == "acomp" and adj.head.lemma_ in COPULAS or _made_clear(adj):
        return next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    if adj.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in adj.children):
        return next((c for c in adj.children if c.dep_ == "nsubjpass"), None)  # "were worried about"
    return None


def _made_clear(adj: Token) -> bool:
    return adj.lower_ == "clear" and adj.dep_ in ("ccomp", "oprd", "acomp") and adj.head.lemma_ == "make"


FINITE = ("VBD", "VBZ", "VBP", "MD")


def _that_clause(c: Token) -> bool:
    """A reported clause, with or without "that" ("made it clear he had misgivings"), which the
    parser hangs on the adjective as a complement or as an adverbial clause; not an adverbial
    clause with a conjunction of its own ("because …", "if …")."""
    if c.dep_ not in ("ccomp", "advcl"):
        return False
    marks = [m.lower_ for m in c.children if m.dep_ == "mark"]
    finite = c.tag_ in FINITE or any(a.dep_ in ("aux", "auxpass") and a.tag_ in FINITE for a in c.children)
    return marks == ["that"] or not marks and finite and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)


def _content(adj: Token, preps: frozenset[str]) -> tuple[int, int] | None:
    doc = adj.doc
    # the clause hangs on the adjective or on its verb: "was clear that …", "made (it) clear that …"
    for c in list(adj.rights) + [c for c in adj.head.rights if c.i > adj.i]:
        if _that_clause(c):
            return _trim(doc, c.left_edge.i, c.right_edge.i + 1)
        if c.head.i == adj.i and c.dep_ == "xcomp" and c.tag_ == "VB" \
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            return _trim(doc, c.left_edge.i, c.right_edge.i + 1)
        if c.head.i == adj.i and c.dep_ == "prep" and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return _trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
    said = next((c for c in adj.children if c.dep_ == "nsubj" and c.lower_ != "it"), None)
    if _made_clear(adj) and said is not None and said.i > adj.i:  # "made clear her opposition to the plan"
        return _trim(doc, said.left_edge.i, said.right_edge.i + 1)
    return None


def find(doc: Doc, excluded: list[tuple[int, int]], speech: list[tuple[int, int]]) -> list[Attribution]:
    """Attributions by stance adjectives outside `excluded` spans and outside direct speech."""
    known = adjectives()
    out = []
    for tok in doc:
        preps = known.get(tok.lower_)
        if preps is None or tok.pos_ not in ("ADJ", "VERB") or tok.pos_ == "VERB" and tok.lemma_ in CUES:
            continue  # "the FBI determined that …" is the cue verb's
        if any(a < tok.idx < b for a, b in speech) or any(overlap((tok.idx, tok.idx + 1), x) for x in excluded):
            continue
        holder = _holder(tok)
        if holder is None or not _is_someone(holder):
            continue
        content = _content(tok, preps)
        if content is not None and not any(inside(content, s) for s in speech):
            # making clear is saying so; the others hold a view or a feeling
            out.append(Attribution(tok, holder, content, kind="speech" if _made_clear(tok) else "stance"))
    return out

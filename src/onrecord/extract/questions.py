"""Questions put to someone by an unnamed asker: "Asked whether he would run again, Hill smiled",
"When asked about the strike, she …". The participle has no subject: what was asked is reported
speech with no source named (the asker is usually the reporter). A question with its asker as
subject ("Reporters asked whether …") is a cue verb's attribution (attributions.py).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution import Attribution, _trim, inside, overlap

ASKING_VERBS = {"ask", "question", "press", "quiz"}
QUESTION_MARKS = {"if", "whether"}
WH_WORDS = {"what", "which", "who", "whom", "whose", "why", "how", "when", "where"}
TOPIC_PREPOSITIONS = {"about", "on", "over"}


def _question(verb: Token) -> tuple[int, int] | None:
    doc = verb.doc
    for c in verb.rights:
        if c.dep_ in ("advcl", "ccomp") and (any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in c.children)
                                           or c.left_edge.lower_ in WH_WORDS):
            return _trim(doc, c.left_edge.i, c.right_edge.i + 1)
        if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return _trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
    return None


def find(doc: Doc, excluded: list[tuple[int, int]], speech: list[tuple[int, int]]) -> list[Attribution]:
    """Subject-less questions outside `excluded` spans and outside direct speech."""
    out = []
    for tok in doc:
        if tok.lemma_ not in ASKING_VERBS or tok.tag_ != "VBN" or tok.dep_ not in ("advcl", "ROOT", "conj"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in tok.children):
            continue  # "she was asked whether …" has its answerer as subject: the passive cue's
        if any(a < tok.idx < b for a, b in speech) or any(overlap((tok.idx, tok.idx + 1), x) for x in excluded):
            continue
        content = _question(tok)
        if content is not None and not any(inside(content, s) for s in speech):
            out.append(Attribution(tok, None, content, kind="speech"))
    return out

"""Attributions by a passive cue: "It is believed that …", "Clinton is expected to win", "the plan
was endorsed by the union", "the deal is widely seen as a threat", "Pence was asked about …".
"""
from __future__ import annotations

from spacy.tokens import Token

from .attribution import Attribution, _span_of, _trim
from .cue_words import OBJECT_PREPOSITIONS, RELATIVES, TARGET_VERBS, _is_someone, _phrase_end, _when, verb_kind
from .lexicon import CUES

# cues whose passive subject is who was addressed, not what is attributed: "Pence was asked about …"
ADDRESSEE_VERBS = {"ask", "question", "tell", "urge", "warn", "order"}


def _agent(cue: Token) -> Token | None:
    """Who a passive names as the doer: "endorsed by the union" → union."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None


def _unsourced(cue: Token, subj: Token | None) -> Attribution | None:
    """"It is believed that …", "Clinton is expected to win": attributions with no source named."""
    ccomp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    passive = _passive_object(cue, subj) if ccomp is None else None
    if passive is not None:
        return passive
    if ccomp is not None:
        content = _span_of(ccomp)
    else:
        xcomp = next((c for c in cue.children if c.dep_ == "xcomp"), None)
        if subj is None or subj.lower_ == "there":
            return None
        if xcomp is None:
            return _passive_judgement(cue, subj)  # "it is considered a threat": the "it" of a thing
        if subj.lower_ == "it":
            return None
        content = _trim(cue.doc, subj.left_edge.i, xcomp.right_edge.i + 1)
    return Attribution(cue, None, content, kind=verb_kind(cue)) if content is not None else None


def _passive_judgement(cue: Token, subj: Token) -> Attribution | None:
    """"The deal is widely seen as a threat", "he was accused of fraud", "Pence was dubbed the
    winner": a passive cue with what its subject is held or said to be. No one is on record, and the
    whole clause is what is attributed (an agent, when named, is the source). The passive of a
    question or a call ("Pence was asked about the comment") attributes only what it was about."""
    entry = CUES[cue.lemma_]
    particles = entry.particles | OBJECT_PREPOSITIONS | {"as", "with"} if entry.takes_object else entry.particles
    addressed = cue.lemma_ in ADDRESSEE_VERBS
    complement = next((c for c in cue.children if c.i > cue.i and (
        c.dep_ == "oprd" and entry.takes_object or c.dep_ == "dobj" and addressed
        or c.dep_ == "prep" and c.lower_ in particles and not _when(c))), None)
    if complement is None or subj.dep_ != "nsubjpass" or cue.lemma_ == "quote":
        return None  # "was quoted as saying …" attributes the saying (_subject)
    if complement.dep_ == "oprd" and all(t.pos_ == "PROPN" for t in complement.subtree) and not any(
            t.is_quote for t in cue.doc[complement.left_edge.i - 1:complement.right_edge.i + 2]):
        return None  # "the lake is called Blue Water": a name, not a judgement ("labeled “Mostly True”" is one)
    source = _agent(cue)
    if addressed:
        what = next((g for g in complement.children if g.dep_ in ("pobj", "pcomp")), None) \
            if complement.dep_ == "prep" else complement
        content = _trim(cue.doc, what.left_edge.i, _phrase_end(cue, what)) if what is not None else None
    else:
        content = _trim(cue.doc, subj.left_edge.i, _phrase_end(cue, complement))
    if content is None:
        return None
    if source is None or not _is_someone(source):
        # no one on record and no words reported: a standing judgement ("is accused of"), not speech
        return Attribution(cue, None, content, kind="stance")
    return Attribution(cue, source, content, kind=verb_kind(cue))


def _passive_object(cue: Token, subj: Token | None) -> Attribution | None:
    """The passive of a cue that takes an object: "the plan was endorsed by the union" attributes the
    plan to the union. Without an agent, or with a target verb ("the agency was accused of fraud"), it is
    _passive_judgement's."""
    if subj is None or subj.pos_ == "PRON" and subj.lower_ in ("it", "there") or not CUES[cue.lemma_].takes_object \
            or cue.lemma_ in TARGET_VERBS:
        return None
    source = _agent(cue)
    if source is None or not _is_someone(source) or subj.lower_ in RELATIVES:
        return None
    content = _trim(cue.doc, subj.left_edge.i, subj.right_edge.i + 1)
    return Attribution(cue, source, content, kind=verb_kind(cue)) if content is not None else None

"""What makes a word a cue and a phrase a cue's complement: the word-level tests that the
attribution finders (attributions.py, passives.py, nominal.py, evidentials.py, adjectives.py) share.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import CUES, ORG_NOUNS, PEOPLE_NOUNS, QUANTIFIERS, ROLE_NOUNS, STANCE_CLAUSE_VERBS

def verb_kind(cue: Token) -> str:
    """speech or stance, for an attribution by a cue verb: its lexicon entry, else stance for a
    verb of perception or judgement that takes a person's clause ("decided that")."""
    if cue.lemma_ in CUES:
        return CUES[cue.lemma_].kind
    return "stance" if cue.lemma_ in STANCE_CLAUSE_VERBS else "speech"


def _is_cue(tok: Token) -> bool:
    if tok.lemma_ not in CUES or (tok.pos_ not in ("VERB", "AUX") and not _mistagged_verb(tok)):
        return False
    particles = CUES[tok.lemma_].particles
    if "" in particles or any(c.lower_ in particles and not _when(c) for c in tok.children):
        return True
    # "see the pier as a waste": the parser may hang the "as" on the object
    return "as" in particles and any(g.lower_ == "as" for c in tok.children if c.dep_ == "dobj" for g in c.children)


def _mistagged_verb(tok: Token) -> bool:
    """"Trump claims that …" with "claims" tagged a noun: the parse still gives the word a subject
    and a clause, which no noun has."""
    return tok.pos_ in ("NOUN", "ADJ", "ADV") and tok.tag_ not in ("NNP", "NNPS") \
        and any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "ccomp" for c in tok.children)


# what "spoke on …" can be on that is a manner of speaking, not its topic
MANNER_NOUNS = {"condition", "anonymity", "background", "record", "phone", "telephone", "camera", "television",
                "radio", "air", "behalf", "stage", "floor", "podium", "basis", "microphone", "speakerphone"}


def _when(prep: Token) -> bool:
    """"spoke on Monday", "argued for hours", "spoke on condition of anonymity": a preposition whose
    object is a time or a manner of speaking says when or how, not what about."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in MANNER_NOUNS)


def _is_someone(tok: Token) -> bool:
    """A subject that can hold a view: a person, an organisation, a personal pronoun, a role."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "i", "we")
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.lemma_.lower() in QUANTIFIERS:  # "some of the activists", "dozens of newspapers"
        group = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
        return group is not None and _is_someone(group)
    return tok.pos_ == "NOUN" and (tok.lemma_ in ROLE_NOUNS or tok.lemma_ in ORG_NOUNS or tok.lemma_ in PEOPLE_NOUNS)


def _phrase_end(verb: Token, first: Token) -> int:
    """Token index just past the verb's complements from `first` on (not past a new clause
    joined by "and"/"but")."""
    end = first.right_edge.i + 1
    for c in verb.rights:
        if c.i > first.i and c.dep_ in ("prep", "oprd", "xcomp", "dative", "npadvmod", "advcl", "acomp"):
            end = max(end, c.right_edge.i + 1)
    doc = verb.doc
    if end < len(doc) and doc[end].is_quote and sum(t.is_quote for t in doc[first.left_edge.i:end]) % 2:
        end += 1  # the closing mark of "called the plan “a disaster”" hangs on the verb
    return end


# cues whose object is whom they are aimed at, not what is attributed: "Corbyn is accused by critics of …"
TARGET_VERBS = {"accuse", "blame", "criticize", "criticise", "charge", "attack", "blast", "slam", "praise", "mock",
                "ridicule", "chastise", "thank", "ask", "urge", "tell", "order", "question", "call", "label", "dub",
                "brand", "warn", "encourage", "hail", "applaud", "quote"}


OBJECT_PREPOSITIONS = {"for", "on", "against", "about", "of", "over"}


RELATIVES = {"who", "that", "which"}

"""What looks like a forecast but is not one, or is not its speaker's: a relative clause that
describes ("a plan that would allow"), the contents of a proposal, an embedded question, a
concession, a wish, advice to "you", a first-person commitment, a schedule stated as fact; and the
reporter's own description of a reported object.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .forecast_words import BELIEF, PERCEPTION, PROPOSALS, PROPOSE_VERBS, SCHEDULE_VERBS, SUBJECTS
from .lexicon import CUES
from .textcache import text_of

# frames of a held view: what follows is the holder's forecast even inside a relative clause
CERTAIN = {"sure", "certain", "confident", "convinced"} | BELIEF
# "could once sell": past ability
PAST_ADVERBS = {"once", "formerly", "previously"}
# a schedule's slot: a month, a week or a day of the calendar (TIMEX values), or, unresolved, its words
SLOT_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|W\d\d)")
SLOT_WORDS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tomorrow|tonight)\b|\d|"
                       r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
# "will rule before Nov. 8": a date that bounds the outcome is a deadline, not the slot of a schedule
DEADLINE_BEFORE = re.compile(r"\b(?:by|before|until|no later than|as soon as|as early as)\s+$", re.IGNORECASE)


def in_relative_clause(tok: Token, marker: str) -> bool:
    """Whether the predicate describes something rather than predicts: "a plan that would allow".
    A relative clause with "will/could/may/might" on anything but a proposal predicts ("a deal
    that will reshape the region", "a Senate that could be on a knife's edge")."""
    t = tok
    while t.dep_ not in ("ROOT",) and t.head.i != t.i:
        if t.dep_ == "relcl":
            return t.i != tok.i and not (tok.dep_ == "xcomp" and t.i == tok.head.i) or marker == "would" \
                or t.head.lemma_ in PROPOSALS or _proposed(t.head)
        if t.dep_ in ("ccomp", "parataxis") and (t.head.lemma_ in CUES or t.head.lemma_ in CERTAIN and _held(t.head)):
            return False  # inside what somebody says or is sure of ("in which she was sure X would win")
        t = t.head
    return False


def describes_object(tok: Token) -> bool:
    """"they say they support some of the changes lawmakers are expected to consider": a relative
    clause on the object of reported speech is the reporter's description of the thing, not part of
    what was said."""
    head = tok.head if tok.dep_ == "xcomp" else tok
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        return False  # "expressed concern that the bill will fail": the noun's content, not a description
    return head.dep_ in ("relcl", "acl") and head.head.dep_ in ("dobj", "pobj")


def _held(frame: Token) -> bool:
    """Whether a view word has a holder: "she was sure", "they believe"; not "just to be sure"."""
    holder = frame.head if frame.dep_ == "acomp" else frame
    return any(c.dep_ in SUBJECTS for c in holder.children)


def _proposed(noun: Token) -> bool:
    """"leaders have proposed jointly owned drones and equipment that could supplement …": the
    contents of a proposal, whose governor is a verb of proposing."""
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.dep_ in ("dobj", "pobj", "nsubjpass") and noun.head.lemma_ in PROPOSE_VERBS


def not_a_prediction(tok: Token, marker: str) -> bool:
    """Embedded questions, concessions, advice to "you", and "I'll be able to" aside."""
    kids = list(tok.children)
    if any(c.dep_ == "mark" and c.lower_ in ("whether",) or (c.dep_ == "mark" and c.lower_ == "if" and tok.dep_ != "advcl")
           for c in kids):
        return True  # "said whether Trump will agree", "asked if it would pass"
    first = tok.left_edge
    while first.i < tok.i and first.dep_ == "advmod" and first.tag_ in ("RB", "RBR"):
        first = first.nbor()  # "exactly what he'll be working for": the question word after the adverb
    if tok.dep_ != "relcl" and first.tag_ in ("WP", "WRB", "WDT", "WP$") and first.lower_ != "that":
        return True  # "what he might be concealing", "how that money might affect": a question, embedded
    if tok.dep_ == "ccomp" and tok.head.lemma_ == "wish":
        return True  # "wish they could go back": a counterfactual wish
    if marker == "could" and tok.dep_ == "advcl" and (tok.doc[max(0, tok.left_edge.i - 1)].lower_ == "so" or any(
            c.lower_ == "so" for c in kids if c.dep_ in ("mark", "advmod"))):
        return True  # "so they could use the funds": the purpose of something done
    if marker == "could" and _past_time(tok):
        return True  # "the firm could once sell", "two years ago, anyone could buy": past ability
    if marker in ("may", "might", "could") and any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in kids):
        return True  # concessive: "it may be new, but it works"
    subj = subject_of(tok)
    if marker == "would" and tok.lemma_ in ("like", "love", "prefer", "rather", "want", "hate", "need"):
        return True  # "you'd like to pay cash": a wish
    if subj is not None and subj.lower_ == "you" and marker in ("may", "might", "could", "would"):
        return True  # "you could borrow a bit more": advice, a possibility open to the reader
    return False


def _past_time(tok: Token) -> bool:
    """A time word on the predicate that places it in the past: "once", "formerly", "… ago",
    "last year"."""
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in PAST_ADVERBS:
            return True
        if c.dep_ in ("npadvmod", "advmod") and (c.lower_ == "ago" or any(
                g.lower_ == "ago" or g.dep_ == "amod" and g.lower_ == "last" for g in c.children)):
            return True
    return False


def subject_of(tok: Token) -> Token | None:
    """The subject of a predicate, or of the "going"/"expected" it hangs from."""
    holders = [tok, tok.head] if tok.dep_ == "xcomp" else [tok]
    return next((c for h in holders for c in h.children if c.dep_ in SUBJECTS), None)


def is_plan(tok: Token, doc: Doc, times: list, hedged: bool = False) -> bool:
    subj = subject_of(tok)
    able = tok.lemma_ == "be" and any(c.lower_ in ("able", "unable") for c in tok.children)
    if subj is not None and subj.lower_ in ("i", "we") and tok.lemma_ not in PERCEPTION and not able:
        return True  # "we will hold a vote", "I'm going to bust them": a commitment, not a forecast
    if hedged:
        return False  # "would probably host the race in 2017" weighs a chance; a schedule states a fact
    if tok.lemma_ in SCHEDULE_VERBS or (tok.lemma_ == "place" and tok.head.lemma_ == "take"):
        # a named day or date makes it a schedule ("set to end on January 10"), even when no
        # publication date lets us normalise it
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        text = text_of(doc)
        return any(lo <= t.span[0] < hi and _calendar_slot(t, text)
                   and not DEADLINE_BEFORE.search(text, max(0, t.span[0] - 16), t.span[0])
                   for t in times)
    return False


def _calendar_slot(t, text: str) -> bool:
    """"on Nov. 5", "Monday", "at 8 p.m.", "in June": a slot in a calendar, which makes an event a
    schedule. "next year", "in the fall" only estimate when it happens ("the bridge will open next year")."""
    if t.type == "TIME":
        return True
    if t.type != "DATE":
        return False
    if t.value is None:  # no publication date to resolve it by
        return bool(SLOT_WORDS.search(text, t.span[0], t.span[1]))
    return bool(SLOT_VALUE.match(t.value))

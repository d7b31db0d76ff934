"""Attributions carried by a noun or a phrase instead of a cue verb.

- a noun of saying or of a view with a that-clause: "Trump's claim that …", "expressed doubts that …";
- the same nouns with the topic they are about: "raised questions about the funding", "made the
  case for a tax", "her criticism of the ruling": what the noun is about is attributed;
- a short quotation shared by someone: "expressed “deep concern”" (a mixed quote);
- "according to X, …" and "in X's poll, …".
The noun's owner is its possessor, the object of "by"/"from", or the subject of the verb that
shares it ("Republicans have expressed concern …").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .attribution import Attribution, _span_of, _trim, overlap
from .cue_words import _is_cue, _is_someone, _phrase_end

# verbs that make a noun of saying their subject's ("expressed concern that …", "voiced the hope that …",
# "made the case that …", "has doubts about …")
SHARING_VERBS = {"express", "voice", "raise", "share", "repeat", "reiterate", "air", "state", "make", "have",
                 "level", "offer", "pose", "renew", "register"}
NOUN_CUES = {"claim", "statement", "assertion", "belief", "argument", "suggestion", "warning", "promise", "view",
             "allegation", "accusation", "insistence", "prediction", "pledge", "vow", "demand", "announcement",
             "conclusion", "finding", "contention", "charge", "assurance", "admission", "hope", "fear", "concern",
             "estimate", "forecast", "expectation", "assessment", "position", "message", "remark", "comment",
             "notion", "idea", "theory", "opinion", "sense", "impression", "doubt", "case", "question", "worry",
             "suspicion", "misgiving", "reservation", "complaint", "criticism", "skepticism", "scepticism",
             "outrage", "rhetoric", "call", "condemnation", "praise", "support", "opposition", "endorsement",
             "proposal", "plan", "decision", "request", "refusal", "desire", "attack", "advice"}
# nouns of a view, a feeling or a finding: "her belief that …" reports a stance, "her claim that …" speech
STANCE_NOUNS = {"belief", "hope", "fear", "concern", "expectation", "conclusion", "finding", "view", "notion",
                "idea", "theory", "opinion", "sense", "impression", "assessment", "doubt", "worry", "suspicion",
                "misgiving", "reservation", "skepticism", "scepticism", "outrage", "support", "opposition",
                "endorsement", "plan", "decision", "refusal", "desire"}
# prepositions that give what a noun of saying or thinking is about: "questions about", "concern over",
# "views on"; "for" and "of" only after the nouns where they do ("the case for", "criticism of"),
# since "the claims of the company" names an owner
TOPIC_PREPOSITIONS = {"about", "over", "on", "regarding", "concerning"}
# nouns that take such a topic; not "claim" ("claims over the region" are to territory)
TOPIC_NOUNS = {"question", "concern", "doubt", "worry", "misgiving", "reservation", "skepticism", "scepticism",
               "complaint", "criticism", "comment", "remark", "rhetoric", "view", "opinion", "idea", "theory",
               "warning", "fear", "hope", "case", "call", "demand", "position", "assessment", "outrage", "statement",
               "message", "argument", "allegation", "accusation", "condemnation", "praise", "suspicion",
               "support", "opposition", "endorsement", "proposal", "request", "attack", "desire", "advice"}
NOUNS_WITH_TOPIC = {"for": {"call", "case", "demand", "hope", "praise", "support", "proposal", "request", "desire"},
                    "against": {"case", "warning", "argument", "attack"},
                    "of": {"criticism", "condemnation", "assessment", "theory", "warning", "fear", "allegation",
                           "accusation", "praise", "support", "endorsement"},
                    "to": {"opposition"}}
# nouns whose infinitive is what was called for, promised or decided: "his call to ban imports",
# "the board's decision to close the pier"
INFINITIVE_NOUNS = {"call", "plan", "decision", "proposal", "pledge", "promise", "vow", "refusal", "desire", "demand",
                    "request"}


POSSESSIVE_PRONOUNS = {"his", "her", "their", "my", "our"}
# counts of opinion whose findings a sentence reports: "in the latest CNN poll, Clinton leads"
POLL_NOUNS = {"poll", "survey", "average", "census", "tally", "count"}


def _owner(noun: Token) -> Token | None:
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        source = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if source is None and noun.dep_ == "dobj" and noun.head.lemma_ in SHARING_VERBS:
        source = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if source is not None and source.lower_ in POSSESSIVE_PRONOUNS:
        return source  # "his call to ban imports": the pronoun resolves as "he" would
    return source if source is not None and _is_someone(source) else None


def _clause(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
            return c
        if c.dep_ == "acl" and c.tag_ == "VB" and noun.lemma_ in INFINITIVE_NOUNS and c.i > noun.i \
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            return c
    return None


def _topic(noun: Token) -> Token | None:
    """The object of the preposition that says what the noun is about."""
    if noun.lemma_ not in TOPIC_NOUNS:
        return None
    for c in noun.children:
        if c.dep_ != "prep" or not (c.lower_ in TOPIC_PREPOSITIONS or noun.lemma_ in NOUNS_WITH_TOPIC.get(c.lower_, ())):
            continue
        obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
            return obj
    return None


def _noun_attributions(sent: Span) -> list[Attribution]:
    out = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_ not in NOUN_CUES:
            continue
        clause = _clause(tok)
        topic = _topic(tok) if clause is None else None
        if clause is None and topic is None:
            continue
        source = _owner(tok)
        if source is None:
            continue
        content = _span_of(clause) if clause is not None else _trim(tok.doc, topic.left_edge.i, topic.right_edge.i + 1)
        if content is not None:
            out.append(Attribution(tok, source, content, kind="stance" if tok.lemma_ in STANCE_NOUNS else "speech"))
    return out


def _shared_quotation(sent: Span, marks: list[tuple[int, int]]) -> list[Attribution]:
    """"Anna Berg expressed “deep concern” about the vote": a quoted phrase as the object of a verb
    that shares it is the subject's words; the content runs to the end of the verb phrase."""
    out = []
    for verb in sent:
        if verb.lemma_ not in SHARING_VERBS or verb.pos_ != "VERB":
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if obj is None or subj is None or not _is_someone(subj) or _clause(obj) is not None:
            continue
        start, end = obj.left_edge.i, _phrase_end(verb, obj)
        span = (verb.doc[start].idx, verb.doc[end - 1].idx + len(verb.doc[end - 1].text))
        if not any(m[0] >= span[0] - 1 and m[1] <= span[1] + 1 for m in marks):
            continue
        content = _trim(verb.doc, start, end)
        if content is not None:
            out.append(Attribution(verb, subj, content, kind="stance" if obj.lemma_ in STANCE_NOUNS else "speech"))
    return out


def _far_side(sent: Span, phrase: set[int]) -> tuple[tuple[int, int] | None, list[tuple[int, int]] | None]:
    """What a source's phrase ("according to X", "in X's poll") attributes: the rest of the sentence,
    in two parts when the phrase interrupts it ("In Iowa, Trump leads, according to X, although …"),
    else the longer side. A lone word on one side ("Now, according to …") is no part of its own."""
    rest = [t.i for t in sent if t.i not in phrase and not t.is_space]
    before = [i for i in rest if i < min(phrase)]
    after = [i for i in rest if i > max(phrase)]
    doc = sent.doc
    sides = [_trim(doc, side[0], side[-1] + 1) for side in (before, after)
             if sum(not doc[i].is_punct for i in side) >= 2]
    if len(sides) == 2 and None not in sides:
        return (sides[0][0], sides[1][1]), sides
    side = after if len(after) >= len(before) else before
    return (_trim(doc, side[0], side[-1] + 1) if side else None), None


def _according_to(sent: Span) -> list[Attribution]:
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            to = tok.nbor()
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            content, parts = _far_side(sent, {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i, to.i})
            if content is not None:
                out.append(Attribution(tok, source, content, parts=parts))
    return out


def _in_a_poll(sent: Span) -> list[Attribution]:
    """"In a CNN poll, Clinton held a 24-point lead": what a poll or survey found, as evidence shows it."""
    out = []
    for tok in sent:
        if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX") or _is_cue(tok.head):
            continue
        source = next((c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in POLL_NOUNS), None)
        if source is not None:
            content, parts = _far_side(sent, {t.i for t in tok.subtree})
            if content is not None:
                out.append(Attribution(tok, source, content, kind="stance", parts=parts))
    return out


def find(doc: Doc, excluded: list[tuple[int, int]], marks: list[tuple[int, int]] = (),
         speech: list[tuple[int, int]] = ()) -> list[Attribution]:
    """Nominal attributions and "according to", in sentences outside `excluded`, by cues outside
    direct speech (`speech`): "his claims about us" inside a quote is the quoted person's words."""
    out = []
    for sent in doc.sents:
        if any(overlap((sent.start_char, sent.end_char), x) for x in excluded):
            continue
        found = _according_to(sent) + _in_a_poll(sent) + _noun_attributions(sent) + _shared_quotation(sent, marks)
        out.extend(a for a in found if not any(s < a.cue.idx < e for s, e in speech))
    return out

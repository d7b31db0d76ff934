"""Attributions from the dependency parse: who is said to say, think or want what.

An attribution is a cue (a verb of data/cues.txt, "according to", a noun like "claim that"), the
head token of its source, and the character span of what is attributed. Where the parse fails the
layout helps (layout_sources.py). quotes.py joins these with the quotation marks.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from . import interrupted, layout_sources
from .attribution import Attribution, _span_of, _trim, overlap
from .cue_words import OBJECT_PREPOSITIONS, RELATIVES, _is_cue, _is_someone, _phrase_end, _when, verb_kind
from .lexicon import CUES, ROLE_NOUNS, Cue
from .passives import _unsourced
from .textcache import text_of

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")
# pronouns that stand for people, unlike "they"/"it" for data: "some have suggested that …"
PEOPLE_PRONOUNS = {"he", "she", "i", "we", "some", "many", "others", "few", "several", "most"}
EVIDENCE_CUES = {"show", "find", "reveal", "indicate", "suggest", "mean", "imply"}
CLAUSE_ONLY = Cue({""}, takes_object=False)
# verbs that share a feeling or view their object names: what is attributed is what it is about
# ("expressed concern that the harbour would close", "voiced support for the plan")
EXPRESSING_VERBS = {"express", "voice"}
FEELING_PREPOSITIONS = OBJECT_PREPOSITIONS | {"at", "with", "in"}
DOCUMENT_NOUNS = {"statement", "letter", "release", "report", "memo", "note", "email", "post", "tweet",
                  "message", "video", "ad", "advertisement", "filing", "complaint", "notice"}


def _clause_by_someone(tok: Token) -> bool:
    """Any verb with a person for subject and a that-clause is an attribution:
    "Trump insinuated that …", "she sees that …" — the clause is a view held by the subject."""
    # a clause before a verb no lexicon lists is the parser's ("In a tradition he has kept, Scott threw …")
    if tok.pos_ != "VERB" or not any(c.dep_ == "ccomp" and c.i > tok.i and _finite(c) for c in tok.children):
        return False  # "made sure that …" is no view; "made clear that …" is the adjective's (adjectives.py)
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and _is_someone(subj)


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
REFLEXIVES = {"itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself"}


def _finite(clause: Token) -> bool:
    """A clause of its own, with tense or a complementiser: "(that) the port is closed", not the bare
    infinitive of "let her leave" or the small clause of "found itself a symbol"."""
    if any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in clause.children):
        return True
    return clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                             for c in clause.children)


def _small_clause(clause: Token) -> bool:
    """"found itself a symbol", "declared himself the winner": the subject's description of itself,
    not a reported clause."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in REFLEXIVES for c in clause.children)


def _subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in SUBJECTS:
            if c.lower_ in RELATIVES and tok.dep_ == "relcl":
                return tok.head  # "Schiff, who has said …"
            return c
        if c.dep_ == "agent":  # "was told by X"
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    for c in tok.lefts:
        # "activists clamoring to block him say …": the parser gave the subject to the participle
        # that modifies it, and left the cue without one
        if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(m.dep_ in ("mark", "advmod") for m in c.children):
            subj = next((g for g in c.lefts if g.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
    if tok.dep_ == "dep" and tok.head.tag_ == "VBG" and tok.head.i < tok.i:  # … or made the cue the participle's
        subj = next((g for g in tok.head.lefts if g.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    if tok.dep_ == "relcl" and tok.head.pos_ in ("PROPN", "NOUN") and tok.tag_ == "VBG":
        return tok.head  # "a statement from X saying …" is rare; "officials saying" is common
    if tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.pos_ in ("PROPN", "NOUN", "NUM", "PRON"):
        return _holder(tok.head)
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp":
        # "was quoted as saying …", "began by saying …": the speaker is the subject of the verb
        # the preposition hangs from
        verb = tok.head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return _subject(verb) if verb.pos_ in ("VERB", "AUX") and verb.i != tok.i else None
    if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and tok.tag_ != "VBG":
            return None  # only "…, saying/adding that …" shares the subject of its head
        return _subject(tok.head)  # "X spoke to reporters and added that …"
    return None


def _holder(noun: Token) -> Token:
    """Who speaks through "<noun> saying …": "with analysts saying" — the analysts; "issued a
    statement saying" — whoever issued the document, when a person or body did."""
    if noun.lemma_ in DOCUMENT_NOUNS and noun.dep_ == "dobj":
        owner = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if owner is not None and _is_someone(owner):
            return owner
    return noun


def _reported_by_outer_cue(tok: Token) -> bool:
    """"May said on Sunday the country would formally declare its exit": a cue verb that is the
    clause an outer verb of saying reports is what was said, not a parenthetical around it; the
    outer speaker's attribution must win."""
    return tok.dep_ == "ccomp" and tok.head.i < tok.i and _is_cue(tok.head)


def _reported_clause(cue: Token, clauses: list[Token]) -> Token:
    """Of several clauses the cue governs, the one it reports: with a clause on either side, the
    one after ("While he acknowledged funding was short, he noted intangibles left him …": the
    parser hung a fronted clause's part on the cue)."""
    # what follows a colon is a quotation of its own ("…, Kall said: “I feel …”")
    after = [c for c in clauses if c.i > cue.i
             and not any(t.text == ":" for t in cue.doc[cue.i + 1:c.left_edge.i + 1])]
    return after[0] if after else clauses[0]


def _across_stop(cue: Token, clause: Token) -> bool:
    """A clause before the cue across a semicolon or colon is a sentence of its own ("It's unlikely;
    the team says she'll continue", "We have been here before: bin Laden declared war on …"),
    which the parser hangs on the cue."""
    if clause.i > cue.i:
        return False
    words = [t.i for t in clause.subtree if not t.is_punct]  # the stop may hang on the clause itself
    return any(cue.doc[i].text in (";", ":") for i in range(max(words) + 1, cue.i))


def _said_what(cue: Token, obj: Token) -> bool:
    """"said yes", "wrote a letter" — an object of a speech verb that is what was said, not to whom."""
    return cue.lemma_ in ("say", "write", "tweet", "post", "shout", "chant", "answer", "reply", "repeat") \
        and obj.pos_ in ("NOUN", "INTJ", "ADJ", "NUM") and obj.lemma_ not in ROLE_NOUNS


def _feeling_about(obj: Token) -> tuple[int, int] | None:
    """What "concern", "support" or "frustration" is about: its that-clause or its topic."""
    for c in obj.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
            return _span_of(c)
        if c.dep_ == "prep" and c.lower_ in FEELING_PREPOSITIONS:
            topic = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if topic is not None:
                return _trim(obj.doc, topic.left_edge.i, topic.right_edge.i + 1)
    return None


def _clause_on_occasion(cue: Token) -> Token | None:
    """"said in a statement that …": the parser may hang the that-clause on the occasion's noun."""
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "at") and prep.i > cue.i:
            for obj in prep.children:
                for c in obj.children if obj.dep_ == "pobj" else ():
                    if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                        return c
    return None


def _gerund_subject(xcomp: Token) -> bool:
    """"said cutting that output must be a priority": the parser makes the gerund that is the
    clause's subject the cue's complement, and the clause's verb the gerund's."""
    return xcomp.tag_ == "VBG" and xcomp.i == xcomp.head.i + 1 and any(
        c.dep_ == "ccomp" and c.i > xcomp.i and _finite(c) for c in xcomp.children)


def _continued(cue: Token, clause: Token) -> Token | None:
    """"Prices rose 3 percent, the agency said, and wages fell": a clause with its own subject,
    joined to the cue by "and" after a reported clause in front of it, continues what was said."""
    if clause.i > cue.i:
        return None
    for c in cue.rights:
        if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and not _is_cue(c) \
                and any(g.dep_ == "cc" and g.lower_ == "and" for g in cue.children):
            return c
    return None


def _misattached_clauses(cue: Token) -> list[Token]:
    """The that-clause of "X said that …" where the parser hung it elsewhere: as an adverbial
    clause ("tweeted in the morning hours that Machado was …") or as a relative clause on the
    addressee ("told a meeting of leaders that few people understood …", "that" a complementiser,
    not a relative pronoun)."""
    if cue.pos_ != "VERB":
        return []
    out = [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and c.doc[c.left_edge.i].lower_ == "that"]
    for obj in cue.children:
        if obj.dep_ in ("dobj", "dative") and obj.i > cue.i:
            out += [r for r in obj.subtree if r.dep_ == "relcl"
                    and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < r.i for m in r.children)]
    return out


def _content(tok: Token) -> tuple[int, int] | None:
    doc = tok.doc
    sent = tok.sent
    children = list(tok.children)
    cue = CUES.get(tok.lemma_, CLAUSE_ONLY)
    # a WORK_OF_ART is a title the parser read as a clause ("“Make Your Kid a Millionaire,” he suggested")
    clauses = _misattached_clauses(tok) + [c for c in children if c.dep_ in CONTENT_DEPS and c.i != tok.i
               and (c.dep_ != "xcomp" or cue.takes_object or _gerund_subject(c)) and not _small_clause(c)
               and c.ent_type_ != "WORK_OF_ART" and not _across_stop(tok, c)]
    if clauses:
        clause = _reported_clause(tok, clauses)
        more = _continued(tok, clause)
        return _trim(doc, clause.left_edge.i, more.right_edge.i + 1) if more is not None else _span_of(clause)
    hung = _clause_on_occasion(tok)
    if hung is not None:
        return _span_of(hung)
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
    order = next((c for c in children if c.dep_ == "xcomp" and obj is not None and c.i > obj.i), None)
    if order is not None and tok.lemma_ == "tell":
        return _trim(doc, obj.left_edge.i, order.right_edge.i + 1)  # "told his advisers to find a way"
    if obj is not None and tok.lemma_ in EXPRESSING_VERBS:
        about = _feeling_about(obj)
        if about is not None:
            return about
    for c in children:
        if c.dep_ == "dobj" and (cue.takes_object or any(t.is_quote for t in c.subtree) or _said_what(tok, c)):
            # what is attributed runs to the end of the verb phrase: "blamed workers for the fraud",
            # "called the decision a huge win"
            return _trim(doc, c.left_edge.i, _phrase_end(tok, c))
    for c in children:
        if c.dep_ == "oprd" and c.i > tok.i and cue.takes_object \
                and any(t.is_quote for t in doc[c.left_edge.i:_phrase_end(tok, c)]):
            # "called her “third-rate”", the object lost inside the predicate's phrase
            return _trim(doc, c.left_edge.i, _phrase_end(tok, c))
    if any(c.dep_ == "neg" for c in children):
        return None  # "would not comment on his decisions": no words on the topic were reported
    for c in children:
        if c.dep_ in ("prep", "prt") and cue.takes_object and c.lower_ in cue.particles | OBJECT_PREPOSITIONS \
                and not _when(c):
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:  # "called for an investigation", "pointed to the polls"
                return _trim(doc, obj.left_edge.i, _phrase_end(tok, obj))
    for c in children:
        if c.dep_ == "intj" and c.i > tok.i and tok.lemma_ in ("say", "answer", "reply"):
            return _trim(doc, c.i, _phrase_end(tok, c))  # "members said yes to the deal"
    # "The attack, he said, was …": the cue is parenthetical inside what was said
    if tok.dep_ in ("parataxis", "advcl", "ccomp") and tok.head.i != tok.i and tok.tag_ != "VBG" \
            and not _reported_by_outer_cue(tok):
        head = tok.head
        sub = [t.i for t in tok.subtree]
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        while hi - 1 > lo and doc[hi - 1].is_punct and not doc[hi - 1].is_quote:
            hi -= 1
        if sub[0] > lo and sub[-1] + 1 >= hi and doc[sub[-1]].text == "," and head.i != sent.root.i:
            # "Though it went well, he said, replacing her would …": the parser hung the cue on the
            # first clause (or its subject), but what was said runs on to the sentence's end
            return _trim(doc, lo, sent.root.right_edge.i + 1)
        if sub[0] > lo:
            return _trim(doc, lo, sub[0]) if sub[-1] + 1 >= hi else _trim(doc, lo, hi)
        fronted = [c for c in tok.lefts if c.right_edge.i + 1 < tok.i and doc[c.right_edge.i + 1].text == ","
                   and c.dep_ in ("advcl", "advmod", "npadvmod", "nsubj") and c.lower_ != "as"]
        if sub[-1] + 1 < hi and "," in (doc[sub[-1]].text, doc[sub[-1] + 1].text) and fronted:
            if fronted[0].dep_ in ("advmod", "npadvmod"):
                return _trim(doc, sub[-1] + 1, hi)  # "Even then, others insist, the show …"
            # "Though the strike was short, he said, reopening …" with both clauses his; "Voters,
            # Clinton suggested, don't have to worry" with the clause's subject hung on the cue
            return _trim(doc, lo, hi)
        if sub[-1] + 1 < hi and doc[sub[0]].lower_ == "as":
            return _trim(doc, sub[-1] + 1, hi)  # "As Lund noted, the port is older than the town"
    # "This includes a new force, Ash Carter told a panel.": the parser coordinated the cue with the
    # clause it reports, though no conjunction joins them
    if tok.dep_ == "conj" and tok.head.i < tok.i and not any(c.dep_ == "cc" for c in tok.head.children) \
            and tok.left_edge.i > sent.start + 2 and doc[tok.left_edge.i - 1].text == "," \
            and tok.right_edge.i + 1 >= sent.end - 2:
        subj = _subject(tok)
        if subj is not None and subj.i < tok.i:
            return _trim(doc, sent.start, tok.left_edge.i)
    # "…, he said." with the parser making the clause a sibling: take what precedes in the sentence
    if tok.i == sent.root.i:
        subj = _subject(tok)
        first = min([t.i for t in tok.subtree])
        # what precedes must be a clause: a fronted phrase the parser left aside ("In his book,
        # “Make Your Kid a Millionaire,” he suggested …") is no one's words
        if subj is not None and first > sent.start + 2 and any(t.tag_ in FINITE_TAGS for t in doc[sent.start:first]):
            return _trim(doc, sent.start, first)
    return None


def find(doc: Doc, excluded: list[tuple[int, int]], speech: list[tuple[int, int]],
                 marks: list[tuple[int, int]] = ()) -> list[Attribution]:
    """Cue verbs with a speaker and a content, outside `excluded` spans and outside direct
    speech (`speech`): "I think" inside a quote is the quoted person's, not a new quote."""
    out = []
    for sent in doc.sents:
        if any(overlap((sent.start_char, sent.end_char), x) for x in excluded):
            continue
        # the direct speech that reaches into this sentence, the only spans its tokens can be in
        speech_here = [(a, b) for a, b in speech if a < sent.end_char and b > sent.start_char]
        # a quoted sentence however short ("“Appeal?” asked Okafor") holds no subject of a cue outside it
        quoted = speech + [(a, b) for a, b in marks if a < sent.end_char and b > sent.start_char
                           and text_of(doc)[max(a, b - 3):b].rstrip("”\"’ ")[-1:] in (",", "?", "!", ".")]
        for tok in sent:
            if any(a < tok.idx < b for a, b in speech_here):
                continue
            if not _is_cue(tok) and not _clause_by_someone(tok):
                continue
            subj = _subject(tok)
            if subj is None or (any(a < subj.idx < b for a, b in quoted) and not any(a < tok.idx < b for a, b in speech_here)):
                # the parse lost it, or took a word of the quotation (and may still hold the real one:
                # "“… it will …,” said James Acton" with both as subjects of "said")
                subj = next((c for c in tok.children if c.dep_ in SUBJECTS
                             and not any(a < c.idx < b for a, b in quoted)),
                            None) or layout_sources.layout_subject(tok, marks) or layout_sources.stranded_name(tok) \
                    or layout_sources.name_before(tok)
            if _is_cue(tok) and any(c.dep_ == "auxpass" for c in tok.children) and (
                    subj is None or subj.dep_ == "nsubjpass"):
                unsourced = _unsourced(tok, subj)
                if unsourced is not None:
                    out.append(unsourced)
                continue
            if subj is None or subj.lower_ in ("there", "which", "that", "who") or (
                    subj.lower_ == "it" and not _is_cue(tok)):
                continue  # "it" says as an organisation or a document does, but holds no view by a bare clause
            if tok.lemma_ in EVIDENCE_CUES and subj.pos_ == "PRON" and subj.lower_ not in PEOPLE_PRONOUNS:
                continue  # "they show that …" is an argument's evidence, not a source's words
            content = _content(tok) or layout_sources.adjacent_stretch(tok, subj, marks) \
                or (layout_sources.after_colon(tok) if _is_cue(tok) else None)
            if content is None or any(overlap(content, x) for x in excluded):
                continue
            content = layout_sources.fronted_quote(content, subj, marks)
            out.append(_interrupted(Attribution(tok, subj, content, kind=verb_kind(tok))))
    return out


def _interrupted(att: Attribution) -> Attribution:
    """"The harbour, Maria Lund says, will reopen": the content runs across the attribution, in parts."""
    fronted = interrupted.fronted_subject(att.cue)
    if fronted is not None and att.source is not None and att.source.i == fronted.i:
        clause = next((c for c in att.cue.children if c.dep_ == "ccomp" and c.i > att.cue.i), None)
        att.source = next(c for c in att.cue.children if c.dep_ == "nsubj" and fronted.i < c.i < att.cue.i)
        if clause is not None:
            att.content = _trim(att.cue.doc, fronted.left_edge.i, clause.right_edge.i + 1) or att.content
    att.parts = interrupted.split(att.cue, att.source, att.content)
    return att

"""Sources that are not people: documents, events, bodies, and the names inside their phrases.

A mixin of `speakers.Resolver` (it uses the resolver's doc, people and naming helpers):
- a document's author named in its phrase: "a new Reuters/Ipsos poll", "POLITICO's average",
  "a 2014 study by professor Justin Levitt", "data from the American Community Survey",
  "a study that appeared in the British Medical Journal", "a slide from a presentation that
  Mr. Guajardo carries";
- the same document met again: "another slide", "the study" after "a Reuters survey";
- an event or document someone made or held speaks with their voice: "she said at a news conference
  announcing …", "established a policy urging …", "to make a comment that described …";
- a body named in pieces: "the U.S. Court of Appeals for the Sixth Circuit";
- the body a common noun names: "the appeals court" → the organisation with "court" in its name.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Span, Token

from ..model import Person, Speaker
from .lexicon import CUES, ORG_NOUNS, QUANTIFIERS, ROLE_NOUNS, TITLES

ORG_LABELS = {"ORG", "GPE", "NORP"}
DOCUMENT_NOUNS = {"poll", "survey", "study", "report", "analysis", "data", "datum", "research", "ruling", "statement",
                  "memo", "letter", "filing", "document", "slide", "presentation", "review", "audit",
                  "investigation", "probe", "estimate", "forecast", "projection", "model", "index", "tally",
                  "count", "brief", "complaint", "lawsuit", "decision", "opinion", "order", "release", "ad"}
GROUP_HEADS = {"administration", "campaign", "government", "team", "family", "camp", "office", "party",
               "department", "ministry", "spokesman", "spokeswoman", "spokesperson", "lawyers", "aides"}
# Documents of one kind, that an article calls by each other's names ("a Reuters survey … the study found")
STUDY_KIN = frozenset({"poll", "survey", "study", "analysis", "research", "report"})
# Bodies that speak for the body they are part of: "a three-judge panel of the U.S. Court of Appeals"
PART_BODIES = frozenset({"panel", "chapter", "unit", "division", "branch", "wing", "subcommittee", "bench"})
# "a study by X", "data from X", "a panel of the court", "a study in the journal"
AUTHOR_PREPOSITIONS = {"by", "from", "of", "in"}
AUTHOR_LABELS = {"ORG", "PERSON", ""}
# What someone makes or holds, and then speaks through
EVENT_NOUNS = {"conference", "briefing", "speech", "interview", "rally", "hearing", "meeting", "appearance",
               "address", "event", "session", "comment", "remark", "policy", "rule", "proposal", "plan",
               "tweet", "post", "email", "message", "video", "ad", "advertisement", "op", "essay", "column",
               "book", "bill", "motion", "resolution", "measure", "directive", "executive"} | DOCUMENT_NOUNS
MAKING_VERBS = {"make", "hold", "give", "issue", "establish", "release", "publish", "post", "deliver", "send",
                "write", "sign", "adopt", "unveil", "introduce", "launch", "draft", "file", "submit", "create",
                "put", "offer", "present", "air", "run", "tweet", "pen", "author", "sponsor", "propose"}
EVENT_PREPOSITIONS = {"at", "in", "during"}
# A document named after the act that made it: "The appeals court ruled … the ruling said"
NOMINALISED = {"ruling": "rule", "decision": "decide", "order": "order", "finding": "find", "filing": "file",
               "complaint": "complain", "statement": "state", "announcement": "announce", "opinion": "opine"}


def mention_span(tok: Token) -> tuple[int, int]:
    """The noun phrase of a subject, up to its head: "an international business analyst",
    "Michael Botsyurkiv" (without the apposition that follows)."""
    if tok.pos_ == "PRON":
        return tok.idx, tok.idx + len(tok.text)
    left = tok
    for t in tok.lefts:
        if not t.is_punct and not t.is_space:
            left = t.left_edge if not t.left_edge.is_punct else t
            break
    end = tok
    for t in tok.rights:  # "President Putin" has the head first when the parser says so
        if t.dep_ in ("compound", "flat") and t.i == end.i + 1:
            end = t
    if tok.lemma_.lower() in QUANTIFIERS:  # "many of the fishermen": the group is part of the mention
        end = next((g for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1
                    for g in c.children if g.dep_ == "pobj"), end)
    return left.idx, end.idx + len(end.text)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, through coordination ("vowed … and established") and control
    ("prompted his wife to make …": the object of the verb above)."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        elif verb.dep_ == "xcomp" and verb.head.i != verb.i:
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
            verb = verb.head
        else:
            return None
    return None


class NounSources:
    """Mixin: needs `doc`, `excluded`, `_person_at`, `_by_name`, `_speaker`, `_org_ents`, `_org_starts`."""

    def _author_inside(self, tok: Token, depth: int = 0) -> Token | None:
        """The name of a document's or body's author after its head: "a study by X", "data from the
        X Survey", "a study that appeared in X", "a slide from a presentation that X carries"."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DOCUMENT_NOUNS | PART_BODIES or depth > 2:
            return None  # "the head of Sony Pictures" is a person, not the company
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPOSITIONS:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                if obj.pos_ == "PROPN" and obj.ent_type_ in AUTHOR_LABELS:
                    return obj
                if obj.lemma_.lower() in DOCUMENT_NOUNS | GROUP_HEADS:
                    inner = self._named_left(obj) or self._author_inside(obj, depth + 1)
                    if inner is not None:
                        return inner
            elif c.dep_ == "relcl" and tok.lemma_.lower() in DOCUMENT_NOUNS:
                subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos_ == "PROPN" and subj.ent_type_ in AUTHOR_LABELS:
                    return subj  # "a presentation that Mr. Guajardo Villarreal and his aides carry"
                for p in c.children:  # "a study that appeared in the British Medical Journal"
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None) if p.dep_ == "prep" else None
                    if obj is not None and p.lower_ in ("in", "by") and obj.pos_ == "PROPN" \
                            and obj.ent_type_ in ("ORG", "PERSON"):
                        return obj
        return None

    def _named_left(self, tok: Token) -> Token | None:
        """A proper noun among a common noun's modifiers before it: "a new Reuters/Ipsos poll"."""
        for t in tok.lefts:
            for u in t.subtree:
                if u.pos_ == "PROPN" and u.ent_type_ in ("ORG", "PERSON"):
                    return u
        return None

    def _author(self, name: Token) -> Person:
        """The person or body a name token inside a document's phrase stands for."""
        ent = next((e for e in self.doc.ents if e.start <= name.i < e.end), None)
        span = (ent.start_char, ent.end_char) if ent is not None else (name.idx, name.idx + len(name.text))
        known = self._person_at(span)
        if known is not None:
            return known
        if ent is not None and ent.label_ == "PERSON":
            return self._by_name(re.sub(r"['’]s$", "", ent.text).strip(), "person")
        text = self._org_name(ent) if ent is not None else self._proper_run(name)
        return self._by_name(text, "organisation")

    def _org_name(self, ent: Span) -> str:
        """An organisation's name, with a body named after it by "for"/"of" ("the U.S. Court of
        Appeals for the Sixth Circuit"), which the model tags as two."""
        doc = self.doc
        end = ent.end
        if end + 1 < len(doc) and doc[end].lower_ in ("for", "of"):
            j = end + 2 if doc[end + 1].lower_ == "the" else end + 1
            k = j
            while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title:
                k += 1
            if k > j:  # the model often leaves "the Sixth Circuit" untagged, or tags it apart
                end = k
        name = doc[ent.start:end].text
        return re.sub(r"^(?:the|The)\s+|['’]s$", "", name).strip()

    def _office(self, tok: Token) -> Person | None:
        """"The United Nations High Commissioner for Human Rights said": an office whose holder is
        not named speaks as an institution; its words are no person's name."""
        if tok.pos_ != "PROPN" or tok.lower_ not in TITLES or not tok.is_title:
            return None
        if any(c.dep_ == "appos" or (c.dep_ == "compound" and c.ent_type_ == "PERSON") for c in tok.children):
            return None  # "President Putin", "the commissioner, Anna Berg,"
        doc = self.doc
        first = next((t for t in tok.subtree if t.dep_ != "det" and not t.is_punct), tok)
        end = tok.i + 1
        if end + 1 < len(doc) and doc[end].lower_ in ("for", "of"):
            j = end + 2 if doc[end + 1].lower_ == "the" else end + 1
            k = j
            while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title:
                k += 1
            end = k if k > j else end
        if first.i == tok.i and end == tok.i + 1:
            return None  # a title alone ("Commissioner said") may be a name the model missed
        return self._by_name(" ".join(doc[first.i:end].text.split()), "organisation")

    def _document_author(self, tok: Token) -> Person | None:
        """A document's author named in its phrase, or where the same document is met elsewhere."""
        name = self._author_inside(tok)
        if name is not None:
            return self._author(name)
        return self._same_noun_named(tok)

    def _act_before(self, tok: Token) -> Token | None:
        """The subject of the act a document noun names, done shortly before: "The court ruled that
        … " → "the ruling said" is the court's."""
        verb = NOMINALISED.get(tok.lemma_.lower())
        if verb is None or tok.pos_ != "NOUN":
            return None
        start = max(0, tok.sent.start - 150)
        for t in reversed(self.doc[start:tok.i]):
            if t.lemma_ == verb and t.pos_ == "VERB":
                subj = subject_of(t)
                if subj is not None and subj.i != tok.i:
                    return subj
        return None

    def _event_maker(self, tok: Token) -> Token | None:
        """Whoever made or held the event or document a source noun names: "established a policy
        urging …" → the subject of "established"; "she said at a news conference announcing …" →
        "she"."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in EVENT_NOUNS:
            return None
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_ in MAKING_VERBS:
            return subject_of(head)
        if tok.dep_ == "pobj" and head.lower_ in EVENT_PREPOSITIONS and head.head.pos_ == "VERB" \
                and head.head.lemma_ in CUES:  # "she said in an interview"; in a poll, Trump only "rose"
            return subject_of(head.head)
        return None

    def _same_noun_named(self, tok: Token) -> Person | None:
        """"The poll shows …" → whoever the article names as the poll's author elsewhere
        ("the latest Reuters/Ipsos poll"), nearest first. Headlines capitalise the noun ("New Poll")."""
        lemma = tok.lemma_.lower()
        if lemma not in DOCUMENT_NOUNS:
            return None
        best: tuple[int, Token, bool] | None = None
        for other in self.doc:
            same = other.lemma_ == lemma
            # a kindred document ("the study" for "a Reuters survey") only when met before
            kin = not same and lemma in STUDY_KIN and other.lemma_ in STUDY_KIN and other.i < tok.i
            if other.i == tok.i or not (same or kin) or other.pos_ != "NOUN":
                continue
            left = self._named_left(other)
            owner = left or self._author_inside(other)
            if owner is None:
                continue
            d = abs(other.i - tok.i) + (10_000 if other.i > tok.i else 0)  # the document met before, first
            if best is None or d < best[0]:
                best = (d, owner, left is None)
        if best is None:
            return None
        if best[2]:
            return self._author(best[1])
        owner = best[1]
        known = self._person_at((owner.idx, owner.idx + len(owner.text)))
        if known is not None:
            return known
        return self._by_name(self._proper_run(owner), "person" if owner.ent_type_ == "PERSON" else "organisation")

    def _proper_run(self, tok: Token) -> str:
        """The run of proper nouns around a token inside its noun phrase: "Reuters/Ipsos",
        "Washington Post-ABC News"."""
        doc = self.doc
        lo = hi = tok.i
        while lo > 0 and (doc[lo - 1].pos_ == "PROPN" or doc[lo - 1].text in "/-&") and doc[lo - 1].head.i >= tok.i - 8:
            lo -= 1
        while hi + 1 < len(doc) and (doc[hi + 1].pos_ == "PROPN" or doc[hi + 1].text in "/-&"):
            hi += 1
        while lo < hi and not doc[lo].pos_ == "PROPN":
            lo += 1
        while hi > lo and not doc[hi].pos_ == "PROPN":
            hi -= 1
        return re.sub(r"['’]s$", "", doc[lo:hi + 1].text).strip()

    def _organisation_named(self, tok: Token) -> Person | None:
        """"The appeals court said" → the nearest organisation whose name has "court" in it."""
        word = tok.lemma_.lower()
        best = None
        for ent in self.doc.ents:
            if any(a <= ent.start_char < b for a, b in self.excluded):
                continue  # a photo credit's "Harbour Authority" is not the authority that spoke
            if ent.label_ == "ORG" and word in ent.text.lower().split():
                if best is None or abs(ent.start - tok.i) < abs(best.start - tok.i):
                    best = ent
        if best is None:
            return None
        return self._by_name(self._org_name(best), "organisation")

    def _organisation_before(self, at: int) -> Person | None:
        if self._org_ents is None:
            self._org_ents = [e for e in self.doc.ents if e.label_ == "ORG"
                              and not any(a <= e.start_char < b for a, b in self.excluded)]
            self._org_starts = [e.start_char for e in self._org_ents]
        i = bisect_right(self._org_starts, at) - 1
        if i < 0:
            return None
        ent = self._org_ents[i]
        known = self._person_at((ent.start_char, ent.end_char))
        if known is not None:
            return known if known.kind == "organisation" else None
        return self._by_name(self._org_name(ent), "organisation")

    def _named_inside(self, tok: Token) -> Speaker | None:
        """A common noun whose modifiers name its source: the name is the speaker."""
        if tok.pos_ != "NOUN" or tok.lemma_ in ROLE_NOUNS:
            return None
        if tok.lemma_ in GROUP_HEADS | ORG_NOUNS:
            # "the Obama administration", "the US military", "the European Union's top court": a body
            # of a named one, named by the whole phrase
            first = next((t for t in tok.subtree if t.dep_ != "det" and not t.is_punct), tok)
            plural = tok.tag_ == "NNS" and tok.lemma_ not in GROUP_HEADS  # "Israeli courts" are many bodies
            if first.i < tok.i and not plural and any(t.pos_ == "PROPN" or t.ent_type_ in ORG_LABELS for t in tok.lefts):
                name = " ".join(self.doc[first.i:tok.i + 1].text.split())
                span = mention_span(tok)
                return self._speaker(span, self._by_name(name, "organisation"), "organisation")
        for t in tok.lefts:
            if t.dep_ == "poss" and t.pos_ == "PROPN" and not t.ent_type_:
                # "POLITICO’s average": an owner the model did not tag
                return self._speaker((t.idx, t.idx + len(t.text)), self._by_name(self._proper_run(t), "organisation"),
                                     "organisation")
            for u in t.subtree:
                if u.ent_type_ in ORG_LABELS | {"PERSON"} and u.pos_ == "PROPN":
                    ent = next(e for e in self.doc.ents if e.start <= u.i < e.end)
                    if ent.label_ == "PERSON" or (ent.label_ == "ORG"):
                        span = (ent.start_char, ent.end_char)
                        known = self._person_at(span)
                        if known is not None:
                            return self._speaker(span, known, "name")
                        name = ent.text if ent.label_ == "PERSON" else self._proper_run(u)
                        name = re.sub(r"^(?:the|The)\s+|['’]s$", "", name).strip()
                        kind = "person" if ent.label_ == "PERSON" else "organisation"
                        return self._speaker(span, self._by_name(name, kind), kind if kind != "person" else "name")
        return None

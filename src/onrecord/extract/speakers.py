"""Speaker resolution: the mention that a cue governs → a person of the article.

Resolved in this order, each step saying how (`Speaker.resolved_by`):
- group: subjects joined by "and" ("China and Russia support …") are one group, no person;
- name: the mention is, or ends in, a mention of a known person ("Botsyurkiv" → Michael Botsyurkiv);
  a role with its name in apposition is the name ("the minister, Anna Berg, said");
- organisation: a named organisation ("the Kremlin said", "the US military");
- pronoun: "he"/"she" → a person who is the subject (or the subject's owner) of the sentences
  before, not one a reported clause is about, else the speaker of the quote before;
- role: "the analyst" → the nearest person described as one, else the speaker before; documents,
  events and bodies → their author, maker or body (speaker_nouns.py);
- cataphora: an indefinite role in the lede ("…, an international business analyst said") → the
  first speaker named afterwards; "the head of X said" → the new person the next quote names;
- unresolved: the mention is kept, no person is guessed ("sources said"); `kind` says "group" for
  a plural or coordinated one, never a person.
A relative pronoun that governs the quote ("Lund, who said …") is the mention of a resolved speaker.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from .lexicon import (AGENT_ENDINGS, GENERIC_ORG_NOUNS, HEAD_ENDS, ORG_NOUNS, ROLE_NOUNS, ROLE_SYNONYMS, TITLE_WORDS,
                      TITLES)
from .textcache import text_of
from ..model import Person, Quote, Speaker
from .gender import agrees
from .names import is_not_person, strip_possessive
from .people import description_of, fold, surname_key, surname_of
from .speaker_nouns import DOCUMENT_NOUNS, EVENT_NOUNS, ORG_LABELS, NounSources, mention_span
from .speaker_phrases import coordination_span, past_dateline, relative_pronoun

PERSONAL = {"he", "she", "him", "her", "his"}  # "his call to …" names its owner as "he" would
GROUP = {"they", "we", "them", "their", "our"}
LEDE_CHARS = 600
CONTINUATION_GAP = 1500  # characters of structure (an embedded post) a continued quote may skip
NEXT_CHARS = 200  # how near the quote that names a description's bearer must follow
AGE_DESCRIPTION = re.compile(r"(?:the|The)\s+\d{1,3}-year-old")
FOLLOWING_CHARS = 300  # a document noun this close after a body's words is that body's
INDEFINITE = {"a", "an", "one", "another", "some", "several", "many", "two", "three", "other"}


class Resolver(NounSources):
    def __init__(self, doc: Doc, people: list[Person], excluded: list[tuple[int, int]] = ()):
        self.doc = doc
        self.excluded = list(excluded)
        self.people = people
        self.mentions = sorted((m[0], m[1], p) for p in people for m in p.mentions)
        self.starts = [m[0] for m in self.mentions]
        self.last: Speaker | None = None  # the speaker of the quote before
        self.last_at = 0  # where that quote ends
        self._org_ents: list[Span] | None = None  # ORG entities in order, built on first need
        self._org_starts: list[int] = []

    # -- lookups -------------------------------------------------------------------------
    def _person_at(self, span: tuple[int, int]) -> Person | None:
        i = bisect_right(self.starts, span[1]) - 1
        while i >= 0 and self.mentions[i][1] > span[0] - 80:
            s, e, p = self.mentions[i]
            if s < span[1] and e > span[0]:
                return p
            i -= 1
        return None

    def _nearest_before(self, at: int, kind: str = "person") -> Person | None:
        i = bisect_right(self.starts, at) - 1
        while i >= 0:
            p = self.mentions[i][2]
            if p.kind == kind:
                return p
            i -= 1
        return None

    def _antecedent(self, pronoun: Token) -> Person | None:
        """The person a "he"/"she" refers to: a person mentioned as a subject in the same or the two
        sentences before (the centre of attention), else the speaker of the quote before, else the
        nearest person mentioned."""
        doc = self.doc
        sent = pronoun.sent
        window_start = sent.start
        for _ in range(2):
            if window_start > 0:
                window_start = doc[window_start - 1].sent.start
        word = pronoun.lower_
        reported = None
        for tok in reversed(doc[window_start:pronoun.i]):
            # "Oz's advice earned him …, where he appeared": the subject's owner is in the centre too
            topic = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))
            if topic and tok.pos_ == "PROPN":
                p = self._person_at((tok.idx, tok.idx + len(tok.text))) or self._known(tok.text)
                if not agrees(p, word):
                    continue
                if tok.head.dep_ == "ccomp" and tok.head.head.pos_ in ("VERB", "AUX") and tok.head.head.i < tok.i:
                    # "he believes McConnell is right": whom a reported clause is about is not the one talking
                    reported = reported or p
                    continue
                return p
        if reported is not None and (self.last is None or not self.last.person):
            return reported
        if self.last is not None and self.last.person and agrees(self._get(self.last.person), word):
            return self._get(self.last.person)
        i = bisect_right(self.starts, pronoun.idx) - 1
        while i >= 0:  # the nearest person before whom the pronoun can name: "she" is not Peter
            if agrees(self.mentions[i][2], word):
                return self.mentions[i][2]
            i -= 1
        return None

    def _most_mentioned_before(self, at: int) -> Person | None:
        counts: dict[str, int] = {}
        for s, _, p in self.mentions:
            if s < at and p.kind == "person":
                counts[p.id] = counts.get(p.id, 0) + 1
        return self._get(max(counts, key=counts.get)) if counts else None

    def _known(self, word: str) -> Person | None:
        """A person of the article whose surname this word is (the model may not have tagged it);
        of several with that surname, the one mentioned most: "Trump said" after Ivana Trump is
        the Trump the story is about."""
        key = surname_key(word)
        bearers = [p for p in self.people if p.kind == "person" and surname_key(surname_of(p.name.split())) == key]
        return max(bearers, key=lambda p: len(p.mentions)) if bearers else None

    def _spelled_out(self, initials: str) -> str | None:
        """The organisation these initials stand for, written out earlier in the article though it
        said nothing itself ("The Internal Revenue Service opened …  The I.R.S. said …")."""
        for ent in self.doc.ents:
            words = [t.text for t in ent if not (t.i == ent.start and t.lower_ == "the")]
            if ent.label_ == "ORG" and len(words) > 1 and "".join(w[0] for w in words if w[0].isupper()) == initials:
                return " ".join(words)
        return None

    def _by_name(self, name: str, kind: str) -> Person:
        words = name.split()
        if words:
            name = " ".join(words[:-1] + [strip_possessive(words[-1])])
        if kind == "person" and is_not_person(name):
            kind = "organisation"  # "Twitter said", "Facebook said": a platform speaks as a body
        key = fold(name)
        bare = name.replace(".", "")  # "I.R.S." is written for the Internal Revenue Service too
        if bare.isupper() and 2 <= len(bare) <= 6:  # "CNS" for Christian News Service
            for p in self.people:
                initials = "".join(w[0] for w in p.name.split() if w[0].isupper())
                if len(p.name.split()) > 1 and initials == bare:
                    return p
            name = self._spelled_out(bare) or name
            key = fold(name)
        for p in self.people:
            if fold(p.name) == key or (kind == "person" and
                                       surname_key(surname_of(p.name.split())) == surname_key(surname_of(name.split()))):
                return p
        if kind == "person" and len(name.split()) == 1:  # "“…,” Hillary said": a first name alone
            first = [p for p in self.people if p.kind == "person" and len(p.name.split()) > 1
                     and fold(p.name.split()[0]) == key]
            if len(first) == 1:
                return first[0]
        p = Person(id=f"p{len(self.people) + 1}", name=name, kind=kind)
        self.people.append(p)
        return p

    def _speaker(self, span: tuple[int, int], person: Person | None, how: str) -> Speaker:
        text = text_of(self.doc)[span[0]:span[1]]
        if person is None:
            return Speaker(mention=span, mention_text=text, resolved_by=how, kind=self._unnamed_kind(span))
        if span not in person.mentions and how in ("organisation", "name"):
            person.mentions.append(span)
            person.mentions.sort()
        return Speaker(mention=span, mention_text=text, person=person.id, name=person.name, resolved_by=how,
                       kind=person.kind)

    def _unnamed_kind(self, span: tuple[int, int]) -> str | None:
        """"officials", "sources", "China and Russia": a group, never one person; None for one
        unnamed individual ("a shipping analyst")."""
        words = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if words is None or not len(words):
            return None
        root = words.root
        plural = root.tag_ in ("NNS", "NNPS") or root.lower_ in GROUP or any(c.dep_ == "conj" for c in root.children)
        return "group" if plural else None

    # -- resolution ----------------------------------------------------------------------
    def resolve(self, tok: Token, at: int) -> Speaker:
        """The speaker a subject token names; `at` is where the quote begins. A relative pronoun
        that governs the quote ("Schiff, who said …") is the mention, its antecedent the speaker."""
        speaker = self._resolve(tok, at)
        # a document or event someone made speaks with the maker's voice: its own "that" is not them
        rel = relative_pronoun(tok, at) if tok.lemma_.lower() not in EVENT_NOUNS else None
        if rel is not None and speaker.person:  # an unnamed source keeps its words: "an architect, who said"
            speaker.mention, speaker.mention_text = (rel.idx, rel.idx + len(rel.text)), rel.text
        return speaker

    def _resolve(self, tok: Token, at: int) -> Speaker:
        tok = past_dateline(tok) or tok
        span = mention_span(tok)
        members = coordination_span(tok)
        if members is not None:  # "China and Russia support …": both, as one group
            return self._speaker(members, None, "group")
        known = self._person_at((tok.idx, tok.idx + len(tok.text)))
        if known is None and tok.pos_ == "PROPN":
            known = self._person_at(span)
        if known is not None:
            return self._speaker(span, known, "name")
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PERSONAL | GROUP:
            if low in PERSONAL:
                return self._speaker(span, self._antecedent(tok), "pronoun")
            if low in GROUP | {"it"} and self.last is not None and self.last.person \
                    and self._kind(self.last) == "organisation":
                return self._speaker(span, self._get(self.last.person), "pronoun")
            if low == "it":  # "It also said …": never a person, the organisation named before
                return self._speaker(span, self._nearest_before(tok.idx, "organisation"), "pronoun")
            return self._speaker(span, None, "unresolved")
        if AGE_DESCRIPTION.fullmatch(text_of(self.doc)[span[0]:span[1]]):
            # "The 56-year-old said": a person described by age, the one the story is about
            return self._speaker(span, self._antecedent(tok), "role")
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN":
            return self._resolve(tok.head, at)  # "China and the United States, the two biggest polluters,"
        if tok.is_title and tok.pos_ == "NOUN" and tok.i > tok.sent.start:
            surname = self._known(tok.text)  # "“…,” Petrides said": a surname the model took for a plural
            if surname is not None:
                return self._speaker(span, surname, "name")
        if tok.pos_ == "NOUN" or (tok.is_lower and tok.lemma_.lower() in ROLE_NOUNS):
            # "the minister, Anna Berg, said" (the model may tag the lower-case role PROPN)
            named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and c.ent_type_ in ("PERSON", "ORG")), None)
            if named is not None:  # "A lawyer for the paper, David Schulz, said": the apposition names him
                return self.resolve(named, at)
        inner = self._named_inside(tok)
        if inner is not None:  # "a new Reuters/Ipsos poll", "the Obama administration"
            return inner
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in ROLE_NOUNS:
            maker = self._event_maker(tok)
            if maker is not None and maker.i != tok.i:  # "she said at a news conference announcing …"
                return self._resolve(maker, at)
            author = self._author_inside(tok)
            if author is not None:  # "a 2014 study by professor Justin Levitt found …"
                return self._speaker(span, self._author(author), "role")
        role = tok.lemma_.lower() in ROLE_NOUNS and (tok.pos_ == "NOUN" or tok.is_title or tok.is_lower)
        if tok.pos_ == "PROPN" and tok.lemma_.lower() in DOCUMENT_NOUNS:
            named = self._same_noun_named(tok)  # a headline's "New Poll Shows …"
            if named is not None:
                return self._speaker(span, named, "role")
        office = self._office(tok)
        if office is not None:
            return self._speaker(span, office, "organisation")
        if tok.pos_ == "PROPN" and not role:
            surname = self._known(tok.text)  # "Malvik said" after "Teresa Malvik", whatever the model's label
            if surname is not None:
                return self._speaker(span, surname, "name")
            ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and ent.label_ in ORG_LABELS or low in ORG_NOUNS:
                name = re.sub(r"^(?:the|The)\s+", "", ent.text if ent is not None else tok.text)
                name = re.sub(r"['’]s$", "", name).strip()
                return self._speaker(span, self._by_name(name, "organisation"), "organisation")
            # the name is the head and its compounds: a headline's "Obama Seeks …" is not a name
            words = [t.text for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok.text]
            person = self._by_name(" ".join(words), "person")
            for d in description_of(self.doc[tok.i - len(words) + 1:tok.i + 1]):
                if d not in person.descriptions:  # a name the model missed keeps its apposition too
                    person.descriptions.append(d)
            return self._speaker(span, person, "name")
        if tok.pos_ == "NOUN" and not role:
            named = self._same_noun_named(tok)
            if named is not None:
                return self._speaker(span, named, "role")
            act = self._act_before(tok)
            maker = self._resolve(act, at) if act is not None else None
            if maker is not None and maker.person:
                return self._speaker(span, self._get(maker.person), "role")
            org = self._organisation_named(tok)
            if org is None and tok.lemma_.lower() in GENERIC_ORG_NOUNS and tok.tag_ == "NN" \
                    and any(c.lower_ == "the" for c in tok.children):
                # "the company said": the organisation named last; a union, a court or a party is
                # named with its kind ("the Unite union"), so without one it is not a guess to make
                org = self._organisation_before(tok.idx)
            if org is not None:
                return self._speaker(span, org, "role")
            if tok.lemma_.lower() in DOCUMENT_NOUNS and any(c.lower_ == "the" for c in tok.children) \
                    and self.last is not None and self._kind(self.last) == "organisation" \
                    and 0 <= tok.idx - self.last_at < FOLLOWING_CHARS:
                # "The Center said that … According to the data, …": the body that has just spoken
                return self._speaker(span, self._get(self.last.person), "role")
        if role and tok.tag_ in ("NN", "NNP"):
            det = next((c.lower_ for c in tok.children if c.dep_ == "det"), "")
            # "a district judge's decision" is background, not a source the story will name later
            # "a spokesman for the minister" speaks for someone named; no later name is his
            for_someone = any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
            if det in ("a", "an", "") and at < LEDE_CHARS and tok.dep_ != "poss" and not for_someone:
                return Speaker(mention=span, mention_text=text_of(self.doc)[span[0]:span[1]], resolved_by="cataphora?")
            if det in INDEFINITE or any(c.dep_ == "nummod" for c in tok.children):
                # "one Washington-based trade expert said": a new, unnamed source, not the expert named before
                return self._speaker(span, None, "unresolved")
            described = self._described_as(tok.lemma_, tok.idx)
            if described is not None:
                return self._speaker(span, described, "role")
            if det == "the" or any(c.dep_ == "poss" for c in tok.children):
                # "the former secretary said": the person the story is following, unless the story
                # has described that person as something else ("the union's negotiator" is not "the
                # mayor"): then it is someone the story does not name
                if self.last is not None and self.last.person and self._kind(self.last) == "person":
                    followed = self._get(self.last.person)
                    if self._other_role(followed, tok.lemma_.lower()):
                        return self._speaker(span, None, "unresolved")
                    return self._speaker(span, followed, "role")
                return self._speaker(span, self._most_mentioned_before(tok.idx), "role")
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and any(c.lower_ == "the" for c in tok.children) \
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            # "The head of Sony Pictures indicated as much. …, Steve Mosko wrote": named just after
            return self._speaker(span, None, "introduces?")
        return self._speaker(span, None, "unresolved")

    def resolve_span(self, span: Span) -> Speaker:
        """A speaker named by layout, e.g. after a dash: the first name in the span."""
        names = [e for e in span.ents if e.label_ in ("PERSON", "ORG")]
        target = names[0] if names else span
        if len(target) == 1 and target[0].lemma_.lower() in DOCUMENT_NOUNS:  # "Poll: Clinton leads"
            named = self._same_noun_named(target[0])
            if named is not None:
                return self._speaker((target.start_char, target.end_char), named, "role")
        s = (target.start_char, target.end_char)
        known = self._person_at(s)
        if known is not None:
            return self._speaker(s, known, "name")
        kind = "organisation" if names and names[0].label_ == "ORG" and len(names[0]) > 3 else "person"
        return self._speaker(s, self._by_name(target.text.strip(), kind), "name")

    @staticmethod
    def _other_role(p: Person | None, role: str) -> bool:
        """The person is described by nouns of office or trade ("the union's negotiator"), none of
        them this role or its synonyms."""
        if p is None:
            return False
        words = ROLE_SYNONYMS.get(role, frozenset((role,)))
        said = [[TITLE_WORDS.get(w, w) for w in re.findall(r"[a-z]+", d.lower())] for d in p.descriptions]
        if any(words & set(d) for d in said):
            return False
        # a description's head: its last word before a preposition ("the top Democrat on …")
        heads = {next((d[i - 1] for i in range(1, len(d)) if d[i] in HEAD_ENDS), d[-1]) for d in said if d}
        # an office or a trade, not a party or a nationality ("the top Democrat")
        return any(h not in TITLES and (h in ROLE_NOUNS or h.endswith(AGENT_ENDINGS)) for h in heads)

    def _described_as(self, role: str, before: int) -> Person | None:
        best = None
        for p in self.people:
            words = ROLE_SYNONYMS.get(role, frozenset((role,)))
            if p.kind == "person" and any(words & set(d.lower().split()) for d in p.descriptions):
                first = min(p.mentions)[0] if p.mentions else before
                if first < before and (best is None or first > min(best.mentions)[0]):
                    best = p
        return best

    def _get(self, pid: str) -> Person | None:
        return next((p for p in self.people if p.id == pid), None)

    def _kind(self, sp: Speaker) -> str:
        p = self._get(sp.person) if sp.person else None
        return p.kind if p else ""

    # -- sequence ------------------------------------------------------------------------
    def note(self, quote: Quote) -> None:
        if quote.speaker is not None and quote.speaker.person:
            self.last = quote.speaker
            self.last_at = quote.span[1]

    def _continues(self, before: Quote, q: Quote) -> bool:
        """A paragraph that is nothing but a quotation, with no cue, right after a quote (across
        nothing but the end of that quote's paragraph and structure such as an embedded post):
        the same speaker goes on."""
        if before.speaker is None or not (before.speaker.person or before.speaker.mention_text) or q.type != "direct":
            return False
        if q.span[0] - before.span[1] > CONTINUATION_GAP:
            return False
        text = text_of(self.doc)
        line_start = text.rfind("\n", 0, q.span[0]) + 1
        line_end = text.find("\n", q.span[1])
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:q.span[0]].strip() or text[q.span[1]:line_end].strip(" .\u00a0"):
            return False
        gap = [c for k, c in enumerate(text[before.span[1]:q.span[0]], start=before.span[1])
               if not any(a <= k < b for a, b in self.excluded)]
        tail, _, rest = "".join(gap).partition("\n")
        # only the end of the quote's own paragraph ("…,” she said.") may stand between them
        return len(tail) <= 100 and not rest.strip()

    def finish(self, quotes: list[Quote]) -> None:
        """Cataphora: a role named in the lede is the first speaker the article names after it; a
        definite description no one was given before ("the head of X") is the new person named by
        the very next quote."""
        for i, q in enumerate(quotes):
            if q.speaker is None and i > 0 and self._continues(quotes[i - 1], q):
                sp = quotes[i - 1].speaker
                q.speaker = Speaker(mention=sp.mention, mention_text=sp.mention_text, person=sp.person, name=sp.name,
                                    resolved_by="continuation", kind=sp.kind)
                continue
            if q.speaker is not None and q.speaker.resolved_by == "introduces?":
                q.speaker.resolved_by = "unresolved"
                nxt = quotes[i + 1].speaker if i + 1 < len(quotes) else None
                if nxt is None or not nxt.person or nxt.resolved_by != "name" or self._kind(nxt) != "person" \
                        or quotes[i + 1].span[0] - q.span[1] > NEXT_CHARS:
                    continue
                if min(self._get(nxt.person).mentions)[0] > q.span[1]:  # first named after the description
                    q.speaker.person, q.speaker.name, q.speaker.resolved_by = nxt.person, nxt.name, "cataphora"
                continue
            if q.speaker is None or q.speaker.resolved_by != "cataphora?":
                continue
            later = next((r.speaker for r in quotes[i + 1:] if r.speaker and r.speaker.person
                          and r.speaker.resolved_by == "name" and self._kind(r.speaker) == "person"), None)
            if later is not None:
                q.speaker.person, q.speaker.name, q.speaker.resolved_by = later.person, later.name, "cataphora"
            else:
                q.speaker.resolved_by = "unresolved"

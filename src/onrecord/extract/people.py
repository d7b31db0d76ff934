"""People of an article: PERSON mentions merged into one person per individual, with descriptions.

"Michael Botsyurkiv" … "Botsyurkiv" become one person; the apposition ("a senior fellow at the
Atlantic Council") and titles ("Gen.", "President") become descriptions. en_core_web_sm misses
some names ("Con Coughlin" as ORG); a capitalised two- or three-token name that is the subject of a
speech verb, or carries a person-like apposition, is taken as a person: syntax, not a word list.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .lexicon import SPEECH_VERBS, TITLES
from .names import clean_name, is_not_person, on_platform, split_possessive, strip_possessive
from .textcache import text_of
from ..model import Person

NAME_LABELS = {"PERSON"}
NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$|^(?:de|da|van|von|der|del|la|le|al|bin|ibn)$")
RELABEL_FROM = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}
# Words that make an ORG name an organisation, whatever its syntax
ORG_WORDS = re.compile(r"\b(?:News|Times|Post|Journal|Council|Institute|Party|Ministry|Department|Agency|Bank|"
                       r"Group|Inc|Corp|University|Committee|Commission|Office|Association|Fund|Foundation|"
                       r"Service|Army|Force|Forces|Court|Senate|House|Congress|Government|Club|Center|Centre|"
                       r"Reuters|Press|Union|League|Network|Media|TV|Radio|Company|Campaign)\b")


@lru_cache(maxsize=1 << 16)  # asked for the same few names many times in each article
def fold(name: str) -> str:
    """Lower case without accents, possessive or punctuation: the key for comparing name forms."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"['’]s\b", "", s)
    return " ".join(re.findall(r"[a-z]+", s))


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def surname_of(words: list[str]) -> str:
    """The surname of a name's words: the last one that is not a suffix ("Joseph R. Biden Jr.")."""
    for w in reversed(words):
        if fold(w) not in SUFFIXES:
            return w
    return words[-1]


def surname_key(word: str) -> str:
    """Folds transliteration endings: Zelenskyi = Zelenskyy = Zelenskiy = Zelensky."""
    return re.sub(r"(?:iy|yy|yi|ij|ii|i|y)$", "y", fold(word))


def strip_titles(tokens: list[Token]) -> tuple[list[Token], list[str]]:
    titles = []
    while tokens and tokens[0].text.lower().rstrip(".") in TITLES and len(tokens) > 1:
        titles.append(tokens[0].text)
        tokens = tokens[1:]
    return tokens, titles


def name_tokens(span: Span | list[Token]) -> list[Token]:
    return [t for t in span if not (t.is_punct or t.is_space or t.tag_ == "POS" or t.text in ("’s", "'s"))]


@dataclass
class Cluster:
    tokens: list[str]  # the fullest name form seen
    mentions: list[tuple[int, int]] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    def matches(self, toks: list[str]) -> bool:
        if not toks:
            return False
        if surname_key(surname_of(toks)) != surname_key(surname_of(self.tokens)):
            # a first name alone may refer back to a full name ("Hillary" → Hillary Clinton)
            return len(toks) == 1 and len(self.tokens) > 1 and fold(toks[0]) == fold(self.tokens[0])
        if len(toks) == 1 or len(self.tokens) == 1:
            return True
        mine = [fold(t) for t in self.tokens]
        theirs = [fold(t) for t in toks]
        if theirs == mine[-len(theirs):] or mine == theirs[-len(mine):]:
            return True  # "Guajardo Villarreal" in "Ildefonso Guajardo Villarreal"
        return theirs[0][:1] == mine[0][:1]


def is_speech_subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in SPEECH_VERBS


def looks_like_name(span: Span) -> bool:
    toks = [t for t in span if not t.is_punct]
    return 2 <= len(toks) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in toks) and not ORG_WORDS.search(span.text)


def fix_entities(doc: Doc) -> list[Span]:
    """PERSON spans of the doc, with syntactic corrections of the model's labels."""
    people = []
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            people.append(ent)
            continue
        if ent.label_ not in RELABEL_FROM or not looks_like_name(ent):
            continue
        root = ent.root
        appos_person = any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in root.children)
        if is_speech_subject(root) or appos_person:
            people.append(Span(doc, ent.start, ent.end, label="PERSON"))
    return people


def _headline_case(sent: Span) -> bool:
    """A Title Case Line ("Obama Seeks More Muslim Refugees"), where the model takes any
    capitalised pair for a name."""
    # names are capitalised anywhere: judge by the other words
    words = [t for t in sent if t.is_alpha and len(t) > 3 and not t.ent_type_]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.8


def description_of(name: Span) -> list[str]:
    """Appositions and title words attached to a name."""
    root = name.root
    out = []
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and not child.ent_type_ == "PERSON":
            toks = [t for t in child.subtree if not (t.is_punct and t.i in (child.left_edge.i, child.right_edge.i))]
            if toks and len(toks) <= 25:
                text = child.doc[toks[0].i:toks[-1].i + 1].text.strip(" ,")
                if text:
                    out.append(text)
    # "Gen. Ben Hodges", "Ukrainian President Volodymyr Zelensky": titles just before the name
    left: list[str] = []
    j = name.start - 1
    while j >= 0 and j >= name.start - 4:
        t = root.doc[j]
        if t.lower_ != "the" and (t.text.lower().rstrip(".") in TITLES or (left and t.pos_ in ("ADJ", "PROPN") and t.is_title)):
            left.insert(0, t.text)
            j -= 1
            continue
        break
    if left:
        out.insert(0, " ".join(left))
    return out


def find_people(doc: Doc, excluded: list[tuple[int, int]] = ()) -> list[Person]:
    """People of the doc, numbered p1, p2… in order of first mention; names seen only in
    captions, credits or related links are left out."""
    spans = [s for s in fix_entities(doc) if not any(a <= s.start_char < b for a, b in excluded)
             and not _headline_case(s.sent)]
    clusters: list[Cluster] = []
    # full names first, so that "Botsyurkiv" finds "Michael Botsyurkiv" wherever it stands
    ordered = sorted(spans, key=lambda s: (-len(name_tokens(s)), s.start))
    assigned: dict[int, Cluster] = {}
    for span in ordered:
        toks, epithets = clean_name(name_tokens(split_possessive(list(span))), doc)
        toks, titles = strip_titles(toks)
        titles = epithets + titles
        if not toks or on_platform(span):
            continue
        # from the text, so that "Ki-moon" keeps its hyphen
        words = text_of(doc)[toks[0].idx:toks[-1].idx + len(toks[-1].text)].split()
        raw_last = words[-1]
        words[-1] = strip_possessive(raw_last)
        if not all(NAME_WORD.match(w) for w in words) or is_not_person(" ".join(words)):
            continue
        cluster = next((c for c in clusters if c.matches(words)), None)
        if cluster is None:
            cluster = Cluster(tokens=words)
            clusters.append(cluster)
        assigned[span.start] = cluster
        end = toks[-1].idx + len(toks[-1].text) - (len(raw_last) - len(words[-1]))
        cluster.mentions.append((toks[0].idx, end))
        for d in titles + description_of(span):
            if d not in cluster.descriptions:
                cluster.descriptions.append(d)
    clusters.sort(key=lambda c: min(c.mentions))
    people = []
    for n, c in enumerate(clusters, start=1):
        people.append(Person(id=f"p{n}", name=c.name, descriptions=c.descriptions, mentions=sorted(c.mentions)))
    return people


@Language.component("onrecord_people")
def people_component(doc: Doc) -> Doc:
    doc._.people = find_people(doc, doc._.structure.not_speakers() if doc._.structure else [])
    return doc

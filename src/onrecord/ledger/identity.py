"""One identity per person across articles.

"Zelenskyi", "Zelensky", "Volodymyr Zelenskyy" and "President Zelenskiy" share a surname key (the
transliteration endings folded, titles dropped). Within a surname key:
- a full name joins the identity with the same first name (or initial), or one known only by
  surname when it is the only such identity;
- a surname alone joins the only identity with that surname, or, among several, the one whose
  descriptions share a word with it; otherwise it stays apart rather than be guessed.
Manual `people merge/split` rows in `name_keys` are consulted first and always win.
"""
from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..extract.people import SUFFIXES, fold, surname_key
from .schema import NameKey, Person

TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "president", "gen", "general",
               "prof", "professor", "sir", "lord", "prime", "minister", "secretary", "judge", "mayor", "the",
               "former", "chancellor", "king", "queen", "pope", "chief", "col", "lt", "capt", "adm"}
STOP = {"a", "an", "the", "of", "at", "in", "for", "and", "on", "to", "s"}


def name_parts(name: str) -> tuple[str, str | None, str]:
    """(surname key, folded first name or None, name key) of a name as written."""
    # a compound stays one word ("Ki-moon" → "kimoon"), so "Moon" alone never joins Ban Ki-moon
    folded = [fold(w.replace("-", "")).replace(" ", "") for w in name.split()]
    words = [w for w in folded if w and w not in TITLE_WORDS and w not in SUFFIXES]
    if not words:
        words = [w for w in folded if w] or [name.lower()]
    surname = surname_key(words[-1])
    first = words[0] if len(words) > 1 else None
    key = " ".join(words[:-1] + [surname])
    return surname, first, key


def _description_words(descriptions: list[str]) -> set[str]:
    return {w for d in descriptions for w in re.findall(r"[a-z]+", fold(d)) if w not in STOP and len(w) > 2}


def _compatible_first(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _root(session: Session, person: Person) -> Person:
    while person.merged_into is not None:
        person = session.get(Person, person.merged_into)
    return person


def resolve(session: Session, name: str, kind: str, descriptions: list[str]) -> Person:
    """The identity for a person of one article, created when none fits."""
    surname, first, key = name_parts(name)
    manual = session.get(NameKey, key)
    if manual is not None:
        person = _root(session, session.get(Person, manual.person_id))
        if manual.manual or person.kind == kind:  # a person never joins an organisation by name alone
            _learn(person, name, first, descriptions)
            return person
    candidates = [p for p in session.scalars(select(Person).where(Person.surname_key == surname,
                                                                  Person.merged_into.is_(None),
                                                                  Person.kind == kind))]
    chosen = None
    if first is not None:
        same_first = [p for p in candidates if p.first_name is not None and _compatible_first(first, p.first_name)]
        surname_only = [p for p in candidates if p.first_name is None]
        if len(same_first) == 1:
            chosen = same_first[0]
        elif not same_first and len(surname_only) == 1 and len(candidates) == 1:
            chosen = surname_only[0]
    else:
        if len(candidates) == 1:
            chosen = candidates[0]
        elif candidates:
            mine = _description_words(descriptions)
            sharing = [p for p in candidates if mine & _description_words(p.descriptions or [])]
            if len(sharing) == 1:
                chosen = sharing[0]
    if chosen is None:
        chosen = Person(name=name, kind=kind, surname_key=surname, first_name=first, descriptions=[])
        session.add(chosen)
        session.flush()
    _learn(chosen, name, first, descriptions)
    if session.get(NameKey, key) is None:
        session.add(NameKey(key=key, person_id=chosen.id, manual=False))
    return chosen


def _learn(person: Person, name: str, first: str | None, descriptions: list[str]) -> None:
    """Keep the fullest name form and every description seen."""
    if len(name.split()) > len(person.name.split()):
        person.name = name
    if person.first_name is None and first is not None:
        person.first_name = first
    known = list(person.descriptions or [])
    for d in descriptions:
        if d not in known:
            known.append(d)
    person.descriptions = known

"""Grammatical gender of a person, for "he"/"she" agreement: from a title (Mr, Ms, Mrs, Miss),
else the first name (gender-guesser's name list). None when neither tells."""
from __future__ import annotations

from functools import lru_cache

from ..model import Person

MALE_TITLES = {"mr", "mister", "sir", "lord", "king", "prince"}
FEMALE_TITLES = {"ms", "mrs", "miss", "dame", "lady", "queen", "princess"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gd  # loads its name list once, on first use
    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(first: str) -> str | None:
    g = _detector().get_gender(first)
    return {"male": "m", "female": "f"}.get(g)  # "mostly_male" Terry is a woman often enough


def gender_of(person: Person) -> str | None:
    for d in person.descriptions:
        for w in d.lower().replace(".", " ").split():
            if w in MALE_TITLES:
                return "m"
            if w in FEMALE_TITLES:
                return "f"
    words = person.name.split()
    if person.kind != "person" or len(words) < 2 or len(words[0].rstrip(".")) < 2:
        return None
    return first_name_gender(words[0])


def agrees(person: Person | None, pronoun: str) -> bool:
    """Whether a pronoun can refer to the person: a known, different gender rules it out."""
    if person is None or person.kind != "person":
        return False
    want = PRONOUN_GENDER.get(pronoun.lower())
    have = gender_of(person)
    return want is None or have is None or want == have

"""Identities across articles: compounds and kinds are never merged by a shared word."""
from onrecord.ledger import identity
from onrecord.ledger.db import open_ledger


def session(tmp_path):
    return open_ledger(f"sqlite:///{tmp_path / 'id.db'}")()


def test_single_name_never_joins_a_compound_that_contains_it(tmp_path):
    with session(tmp_path) as s:
        ban = identity.resolve(s, "Ban Ki-moon", "person", ["UN secretary-general"])
        moon = identity.resolve(s, "Moon", "person", [])
        assert moon.id != ban.id
        assert identity.resolve(s, "Ki-moon", "person", []).id == ban.id


def test_person_never_joins_an_organisation_of_the_same_name(tmp_path):
    with session(tmp_path) as s:
        org = identity.resolve(s, "Ford", "organisation", [])
        person = identity.resolve(s, "Ford", "person", ["a Republican"])
        assert person.id != org.id and person.kind == "person"


def test_apostrophe_names_keep_one_key(tmp_path):
    with session(tmp_path) as s:
        a = identity.resolve(s, "Liam O'Brien", "person", [])
        assert identity.resolve(s, "O’Brien", "person", []).id == a.id

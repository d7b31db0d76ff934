"""Clean names: verbs, common nouns and possessives are not part of a name."""
from onrecord.extract.names import is_not_person, strip_possessive


def test_listed_non_person_names():
    assert is_not_person("Twitter") and is_not_person("the Moon") and is_not_person("BREXIT")
    assert not is_not_person("Maria Lund")


def test_strip_possessive():
    assert strip_possessive("Clinton’s") == "Clinton"
    assert strip_possessive("Jones'") == "Jones"
    assert strip_possessive("Ross") == "Ross"

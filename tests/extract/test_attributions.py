"""Attribution cues on synthetic sentences: which constructions attribute what to whom."""
import pytest


def quotes_of(a, **match):
    return [q for q in a.quotes if all(getattr(q, k) == v for k, v in match.items())]


def only(a, **match):
    found = quotes_of(a, **match)
    assert found, [q.to_dict() for q in a.quotes]
    return found[0]


@pytest.mark.parametrize("sentence, content, kind", [
    ("Maria Lund spoke of the long history of the harbour strikes.", "the long history of the harbour strikes",
     "speech"),
    ("Peter Okafor railed against the new tax on fishing boats.", "the new tax on fishing boats", "speech"),
    ("Anna Berg talked about rebuilding the old harbour.", "rebuilding the old harbour", "speech"),
    ("The union campaigned for higher wages for nurses.", "higher wages for nurses", "stance"),
    ("Maria Lund voted against the harbour budget.", "the harbour budget", "stance"),
])
def test_object_of_a_preposition_after_a_verb_of_talking_or_taking_sides(run, sentence, content, kind):
    q = only(run(sentence), text=content)
    assert q.kind == kind and q.speaker is not None


def test_a_verb_of_talking_without_its_preposition_is_no_cue(run):
    assert not run("Maria Lund spoke to reporters at the harbour on Monday.").quotes


@pytest.mark.parametrize("sentence, content", [
    ("Peter Okafor noted the sharp rise in fuel prices.", "the sharp rise in fuel prices"),
    ("The mayor agreed to reopen the harbour next spring.", "to reopen the harbour next spring"),
    ("The fishing company declared bankruptcy last week.", "bankruptcy last week"),
])
def test_object_of_a_cue_that_takes_one(run, sentence, content):
    only(run(sentence), text=content)

"""Attributions by a passive cue (passives.py): with and without an agent, judgements, questions."""
import pytest


def only(a, **match):
    found = [q for q in a.quotes if all(getattr(q, k) == v for k, v in match.items())]
    assert found, [q.to_dict() for q in a.quotes]
    return found[0]


def test_the_passive_of_a_cue_with_an_agent_attributes_its_subject(run):
    q = only(run("The harbour plan was endorsed by the fishermen's union."))
    assert q.text == "The harbour plan" and q.speaker is not None and "union" in q.speaker.mention_text


def test_the_passive_of_an_accusation_without_agent_puts_no_one_on_record(run):
    q = only(run("The harbour board has been accused of hiding the costs of the bridge."))
    assert q.speaker is None and q.kind == "stance"


def test_a_passive_verb_that_is_no_cue_attributes_nothing(run):
    assert not run("The harbour was closed for the winter.").quotes


def test_the_passive_of_an_accusation_names_a_target_not_a_content(run):
    assert not run("Maria Lund, a harbour pilot, is accused by critics of hiding the costs.").quotes


@pytest.mark.parametrize("sentence", [
    "The harbour deal is widely seen as a threat to the town.",
    "Peter Okafor is accused of selling the nets twice.",
    "The ferry was dubbed the slowest in Europe.",
])
def test_a_passive_judgement_attributes_the_whole_clause_to_no_one(run, sentence):
    q = only(run(sentence), text=sentence.rstrip("."))
    assert q.kind == "stance" and q.speaker is None


def test_a_passive_judgement_with_an_agent_is_the_agents(run):
    q = only(run("The harbour tax was criticized by the fishermen's union as a tax on the poor."))
    assert q.text == "The harbour tax was criticized by the fishermen's union as a tax on the poor"
    assert q.kind == "speech" and q.speaker is not None


def test_a_passive_without_a_judgement_is_no_attribution(run):
    assert not run("The ferry was seen in the harbour on Monday.").quotes


def test_the_passive_of_a_question_attributes_what_it_was_about(run):
    q = only(run("In a radio interview, Maria Lund was asked about the harbour tax."))
    assert q.text == "the harbour tax" and q.speaker is None


def test_a_passive_charge_is_the_whole_clause(run):
    q = only(run("Peter Okafor was charged with fraud, but the case was dropped."))
    assert q.text == "Peter Okafor was charged with fraud" and q.kind == "stance"


def test_a_thing_held_to_be_something_is_a_passive_judgement(run):
    q = only(run("Although the ferry is slow, it is considered a threat to the harbour."))
    assert q.text == "it is considered a threat to the harbour" and q.speaker is None


def test_a_quoted_label_is_a_judgement_not_a_name(run):
    q = only(run("When the fact checkers examined the mayor's statement, it was labeled “Mostly True.”"))
    assert q.cue_text == "labeled" and q.speaker is None

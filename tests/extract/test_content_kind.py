"""An attribution whose content is only a noun phrase reports a position toward a thing, not words."""


def test_noun_phrase_content_is_stance(run):
    a = run("The minister denied the accusation on Monday.")
    assert all(q.kind == "stance" for q in a.quotes)
    a = run("Rebels welcomed the truce and the release of prisoners.")
    assert all(q.kind == "stance" for q in a.quotes)


def test_clause_content_stays_speech(run):
    a = run("The minister said the bridge would open in May.")
    assert [(q.text, q.kind) for q in a.quotes] == [("the bridge would open in May", "speech")]


def test_quoted_noun_phrase_stays_speech(run):
    a = run("The mayor called the plan “a costly disaster for the town” on Tuesday.")
    assert all(q.kind == "speech" for q in a.quotes if "disaster" in q.text)
    assert any("disaster" in q.text for q in a.quotes)


def test_one_noun_phrase_with_a_verb_inside_is_stance(run):
    a = run("The union welcomed the council's decision to drop the fine.")
    assert all(q.kind == "stance" for q in a.quotes)


def test_noun_phrase_then_clause_after_a_comma_stays_speech(run):
    a = run("The minister denied the claims, saying the contract was awarded fairly.")
    assert any(q.kind == "speech" and "awarded fairly" in q.text for q in a.quotes)

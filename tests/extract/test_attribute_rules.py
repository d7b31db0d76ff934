"""The matcher-free attribute ruler gives the model's AttributeRuler annotation, token by token."""
from __future__ import annotations

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.lang.en import English
from spacy.pipeline import AttributeRuler

from onrecord.extract import attribute_rules
from onrecord.extract.pipeline import load_model, pipeline

# constructions that the model's rules treat apart: contractions and their negation, "gonna",
# "let's", "y'all", existential "there", auxiliaries as verbs, "but" as an adverb, line breaks
SENTENCES = [
    "She said the strike is gonna last and we ain't gonna stop it, y'all.",
    "Let's be clear: there are no talks, and there's no deal.\n\nPhoto: Staff",
    "I did it because they had told me so; it doesn't matter whether you agree.",
    "He has had enough, but he won't quit till Monday.  Nothin' changed.",
    "Which ones? Those that I'd seen. It was all but over when you called me.",
    "They'd rather wait.\n   \n- Gotta go, c'mon,   he said.",
]


def _annotation(doc):
    return doc.to_array([TAG, POS, MORPH, LEMMA, DEP]).tolist()


def test_same_annotation_as_the_models_ruler():
    model = load_model()
    fast = load_model()
    assert attribute_rules.speed_up(fast)
    assert fast.pipe_names == model.pipe_names
    for text in SENTENCES:
        assert _annotation(fast(text)) == _annotation(model(text)), text


def test_the_pipeline_uses_it(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), attribute_rules.FastAttributeRuler)
    doc = nlp("We ain't gonna sign it.")
    assert [t.lemma_ for t in doc][1:5] == ["be", "not", "go", "to"]


def _ruler_with(patterns):
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_later_rules_win_and_multi_token_rules_hit_their_index():
    nlp, ruler = _ruler_with([
        {"patterns": [[{"LOWER": {"REGEX": "^wh"}}]], "attrs": {"LEMMA": "wh-word"}},
        {"patterns": [[{"LOWER": "who"}]], "attrs": {"LEMMA": "who-word"}},
        {"patterns": [[{"LOWER": "ask"}, {"LOWER": "who"}]], "attrs": {"LEMMA": "asked"}, "index": -1},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"LEMMA": "gap"}},
    ])
    rules = attribute_rules.compile_rules(ruler)
    fast = attribute_rules.FastAttributeRuler(rules)
    for text in ["Who asked? Ask who  came, and why.", "ask", "Why ask who"]:
        a, b = ruler(nlp.make_doc(text)), fast(nlp.make_doc(text))
        assert _annotation(a) == _annotation(b), text
    doc = fast(nlp.make_doc("Ask who  came, and why"))
    assert [t.lemma_ for t in doc] == ["", "asked", "gap", "", "", "", "wh-word"]


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "very", "OP": "+"}],
    [{"ORTH": "Very"}],
    [{"LOWER": {"FUZZY": "very"}}],
])
def test_a_rule_it_cannot_decide_keeps_the_matcher(pattern):
    nlp, _ = _ruler_with([{"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
    assert not attribute_rules.speed_up(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)

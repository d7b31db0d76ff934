"""The memoised lemmatizer gives the model's own lemmas, token by token."""
from __future__ import annotations

from spacy.attrs import LEMMA

from onrecord.extract import attribute_rules, lemmas
from onrecord.extract.pipeline import load_model

# the lemmatizer's paths: suffix rules ("ports", "rose", "higher"), base forms (a singular noun,
# an infinitive, a present verb), names kept as written, exceptions ("went", "better"), the
# attribute rules' own lemmas ("ain't", "gonna"), numbers, punctuation and a line break
SENTENCES = [
    "The dockers went back to the ports, and rates rose higher than analysts had feared.",
    "Ines Okafor says the Okafors ain't gonna sell; she thinks it's better to wait.\n\nPhoto: Staff",
    "Prices fell 12% in 2023 as the unions' strikes spread; the strikes ended on 4 March.",
    "Running, running and ran: the runner's best runs were the worst-timed ones.",
    "",
]


def _lemmas(doc):
    return doc.to_array([LEMMA]).tolist()


def test_same_lemmas_as_the_models_lemmatizer():
    model, fast = load_model(), load_model()
    attribute_rules.speed_up(model)
    attribute_rules.speed_up(fast)
    assert lemmas.speed_up(fast)
    assert isinstance(fast.get_pipe("lemmatizer"), lemmas.FastLemmatizer)
    assert fast.pipe_names == model.pipe_names
    for _ in range(2):  # the second time from the memo
        for text in SENTENCES:
            assert _lemmas(fast(text)) == _lemmas(model(text)), text
    assert [d.text for d in fast.pipe(SENTENCES[:2])] == SENTENCES[:2]


def test_the_pipeline_uses_it(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), lemmas.FastLemmatizer)
    doc = nlp("The ports went quiet.")
    assert [t.lemma_ for t in doc] == ["the", "port", "go", "quiet", "."]


def test_a_lemmatizer_that_overwrites_is_kept():
    nlp = load_model()
    nlp.get_pipe("lemmatizer").overwrite = True
    assert not lemmas.speed_up(nlp)
    assert not isinstance(nlp.get_pipe("lemmatizer"), lemmas.FastLemmatizer)


def test_forms_of_hope_are_hope_not_hop(nlp):
    doc = nlp("She hoped the talks would work. He hopes so, and they are hoping to win. Rabbits hop.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope", "hope", "hop"]


def test_a_hope_is_a_cue(nlp):
    doc = nlp("Ada Brown hoped that the bridge would open in May.")
    assert [q.text for q in doc._.quotes] == ["the bridge would open in May"]


def test_forms_of_rate_are_rate_not_rat(nlp):
    doc = nlp("Most of the claims were rated as false, and the site is rating more of them.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("rat")] == ["rate", "rate"]

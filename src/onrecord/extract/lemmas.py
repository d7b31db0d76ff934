"""The model's rule lemmatizer, asked once per distinct word form instead of once per token.

spaCy's Lemmatizer calls Python code for every token (8% of the model's time on news text): its
own cache keeps only the lemmas that went through the suffix rules, so a singular noun, a base
verb or a name is worked out again each time it occurs. A rule lemma depends on nothing but the
token's text, part of speech and morphology (spaCy's cache key), so here it is remembered under
that key for every path and the tokens are read and written as arrays. And a form the memo lacks
was slow to work out because the rules test each candidate lemma against the lemmatizer's word
index, a list of up to 57,000 words scanned in Python; it is made a set, which answers the same.
The lemmas are the lemmatizer's own (tests/extract/test_lemmas.py compares the two token by token).
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from .pipe_swap import swap

# Forms whose rule lemma is another word: the suffix rules find "hop" in the word index before
# "hope", so every "hoped", "hopes" and "hoping" lost its cue ("rated" became "rat");
# "retweeted" became "retweete".
VERB_EXCEPTIONS = {"hoped": "hope", "hopes": "hope", "hoping": "hope",
                   "rated": "rate", "rating": "rate",
                   "retweeted": "retweet", "retweeting": "retweet"}

# distinct (form, part of speech, morphology) keys kept; a corpus of millions of articles would
# otherwise grow the memo without bound
MEMO_MAX = 500_000


class FastLemmatizer:
    def __init__(self, lemmatizer: Lemmatizer | None = None) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        memo = self.memo
        if len(memo) > MEMO_MAX:
            memo.clear()
        strings = doc.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma != 0:  # set by the attribute rules, which the lemmatizer never overwrites
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            rows[i, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], rows[:, 3:4])
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("onrecord_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:  # noqa: ARG001 - the factory protocol
    return FastLemmatizer()


def correct(nlp: Language, ruler: str = "attribute_ruler") -> None:
    """Give VERB_EXCEPTIONS their lemma through the model's attribute ruler, whose lemmas the
    lemmatizer keeps: the lemmatizer's own exception table is read after its suffix rules."""
    if ruler not in nlp.pipe_names or not isinstance(nlp.get_pipe(ruler), AttributeRuler):
        return
    for form, lemma in VERB_EXCEPTIONS.items():
        nlp.get_pipe(ruler).add([[{"LOWER": form}]], {"LEMMA": lemma})


def speed_up(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put a FastLemmatizer around the pipeline's rule Lemmatizer `name`, under the same name;
    False (and the lemmatizer kept) when there is none, or it overwrites lemmas or works otherwise."""
    if name not in nlp.pipe_names:
        return False
    original = nlp.get_pipe(name)
    if not isinstance(original, Lemmatizer) or original.mode != "rule" or original.overwrite:
        return False
    original._validate_tables()
    index = original.lookups.get_table("lemma_index", None)
    if index is not None:
        for pos, words in list(index.items()):
            if isinstance(words, list):
                index.set(pos, frozenset(words))  # only `form in index` reads it
    fast = swap(nlp, name, "onrecord_lemmatizer")
    fast.lemmatizer = original
    return True

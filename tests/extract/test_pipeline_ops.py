"""The model multiplies its matrices with numpy's BLAS on one thread, and annotates as with blis."""
from __future__ import annotations

import os
import subprocess
import sys

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, SENT_START, TAG
from thinc.api import NumpyOps

from onrecord.extract.pipeline import load_model, use_numpy_gemm

TEXT = ("The Valmora port authority said on Tuesday that the strike would probably end by March. "
        "\u201cWe expect the dockers back within two weeks,\u201d said Ines Okafor, its director, "
        "adding that Nordlys Bank had lent the union 4 million euros.\n\nShipping analysts in Oslo "
        "doubt it: rates rose 12% last month, and few think they will fall before the summer.")


def _annotation(doc):
    return doc.to_array([TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, LEMMA, SENT_START]).tolist()


def test_every_layer_uses_numpy_gemm(nlp):
    models = [proc.model for _, proc in nlp.pipeline if hasattr(getattr(proc, "model", None), "walk")]
    assert {"tok2vec", "tagger", "parser", "ner"} <= {name for name, proc in nlp.pipeline
                                                      if hasattr(getattr(proc, "model", None), "walk")}
    for model in models:
        for node in model.walk():
            assert isinstance(node.ops, NumpyOps) and not node.ops.use_blis, node.name


def test_same_annotation_as_blis():
    blis, numpy_gemm = load_model(), load_model()
    use_numpy_gemm(numpy_gemm)
    assert _annotation(numpy_gemm(TEXT)) == _annotation(blis(TEXT))


def _blas_threads(env: dict[str, str]) -> tuple[int, int]:
    """numpy's BLAS threads in a fresh process under `env`, before and after use_numpy_gemm."""
    code = ("from threadpoolctl import threadpool_info; from onrecord.extract.pipeline import use_numpy_gemm;"
            "from spacy.lang.en import English\n"
            "def threads(): return max((i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'), default=1)\n"
            "before = threads(); use_numpy_gemm(English()); print(before, threads())")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")} | env
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    before, after = map(int, out.split())
    return before, after


def test_one_blas_thread_unless_the_user_chose():
    assert _blas_threads({})[1] == 1
    before, after = _blas_threads({"OPENBLAS_NUM_THREADS": "2"})
    assert after == before

"""The coder's models multiply through numpy's BLAS on one thread (``comity.text.products``) and give
the Doc spaCy gives as shipped (BLIS), attribute for attribute, on sentences of several kinds."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from comity.config import DEFAULT_MODEL
from comity.pipeline import Coder
from comity.text.annotate import array_steps, parse
from comity.text.products import one_blas_thread, use_numpy_products

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]

TEXTS = [
    "Japan and Australia signed a defence pact in Tokyo on Friday, the foreign ministry said.",
    "\u201cWe will not accept any incursion,\u201d Defence Minister Richard Marles told reporters.",
    "The European Union imposed sanctions on 12 Russian banks after talks in Brussels collapsed.",
    "President Luiz In\u00e1cio Lula da Silva met Xi Jinping, who promised $5 billion in credit lines.",
    "Hezbollah fired rockets at northern Israel overnight; the Israel Defense Forces struck back at dawn.",
    "Shares fell 3.2% in Seoul as North Korea launched its 23rd missile of the year.",
]


def _blas_threads() -> list[int]:
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


@pytest.fixture(scope="module")
def shipped() -> spacy.language.Language:
    return spacy.load(DEFAULT_MODEL)  # spaCy as shipped: its own copy, products through BLIS


@pytest.fixture(scope="module")
def ours() -> spacy.language.Language:
    nlp = spacy.load(DEFAULT_MODEL)
    assert use_numpy_products(nlp) > 0
    return nlp


def test_a_coder_multiplies_through_numpy_only() -> None:
    models = [getattr(component, "model", None) for _, component in Coder().nlp.pipeline]
    layers = [layer for model in models if hasattr(model, "walk")
              for layer in model.walk() if isinstance(layer.ops, NumpyOps)]
    assert layers and not any(layer.ops.use_blis for layer in layers)


def test_switching_twice_changes_nothing_more(ours) -> None:
    assert use_numpy_products(ours) == 0


@pytest.mark.parametrize("text", TEXTS)
def test_numpy_products_give_spacys_doc(shipped, ours, text: str) -> None:
    (theirs,) = shipped.pipe([text])
    with one_blas_thread():
        (mine,) = parse(ours, [text], array_steps(ours), 1)
    assert mine.to_array(ATTRS).tolist() == theirs.to_array(ATTRS).tolist()
    assert [(e.start, e.end, e.label_) for e in mine.ents] == \
        [(e.start, e.end, e.label_) for e in theirs.ents]


def test_one_blas_thread_inside_the_block_and_as_before_after() -> None:
    before = _blas_threads()
    with one_blas_thread():
        assert all(n == 1 for n in _blas_threads())
    assert _blas_threads() == before

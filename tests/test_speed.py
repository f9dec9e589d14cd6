"""comity's parse gives spaCy's own Doc: the attribute ruler and the lemmatizer over arrays
(``comity.text.annotate``) and the models' matrix products through numpy's BLAS on one thread
(``comity.text.products``), every attribute a stage reads, token for token, on sentences that exercise
their rules (pronouns, auxiliaries, contractions, expletives, determiners used alone, spaces)."""

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

SENTENCES = [
    "The minister said she would not attend the summit in Geneva.",
    "There were three rounds of talks, but none of them ended the war.",
    "\u201cWe ain't gonna give up,\u201d the protesters told reporters.",
    "Let's be clear: y'all have gotta stop the shelling, he said.",
    "That is what the envoy had done before he was recalled.",
    "Those who've been arrested haven't been charged, and this worries them.",
    "I'd rather they'd asked us first, said Ms. Okafor, who is 54.",
    "Nothin' changed after the ceasefire; the shelling goes on.\n\n  Markets fell 3% on Monday.",
    "Somebody fired at the convoy, and everyone ran while it burned itself out.",
    "If Iran does comply, the sanctions will be lifted once the agency confirms it.",
]


@pytest.fixture(scope="module")
def steps(nlp) -> dict:
    return array_steps(nlp)


def test_the_default_pipeline_runs_both_steps_over_arrays(steps: dict) -> None:
    assert set(steps) == {"attribute_ruler", "lemmatizer"}


@pytest.mark.parametrize("text", SENTENCES)
def test_array_steps_give_spacys_doc(nlp, steps: dict, text: str) -> None:
    (theirs,) = nlp.pipe([text])
    (ours,) = parse(nlp, [text], steps, 1)
    assert ours.to_array(ATTRS).tolist() == theirs.to_array(ATTRS).tolist()
    assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]
    assert [(e.start, e.end, e.label_) for e in ours.ents] == \
        [(e.start, e.end, e.label_) for e in theirs.ents]


def _blas_threads() -> list[int]:
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


@pytest.fixture(scope="module")
def ours() -> spacy.language.Language:
    """A copy of the model with numpy's products (the ``nlp`` fixture is spaCy as shipped: BLIS)."""
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


@pytest.mark.parametrize("text", SENTENCES)
def test_numpy_products_give_spacys_doc(nlp, ours, text: str) -> None:
    (theirs,) = nlp.pipe([text])
    with one_blas_thread():
        (mine,) = parse(ours, [text], array_steps(ours), 1)
    assert mine.to_array(ATTRS).tolist() == theirs.to_array(ATTRS).tolist()
    assert [(e.start, e.end, e.label_) for e in mine.ents] == \
        [(e.start, e.end, e.label_) for e in theirs.ents]


def test_one_blas_thread_inside_the_block_and_as_before_after() -> None:
    before = _blas_threads()
    if not before or all(n == 1 for n in before):
        pytest.skip("numpy's BLAS runs one thread here already: nothing to limit")
    with one_blas_thread():
        assert all(n == 1 for n in _blas_threads())
    assert _blas_threads() == before
    with pytest.raises(RuntimeError), one_blas_thread():
        raise RuntimeError("a parse that fails")
    assert _blas_threads() == before  # restored after a failure too

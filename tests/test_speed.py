"""The attribute ruler and the lemmatizer over arrays (``comity.text.annotate``) give spaCy's own Doc:
every attribute a stage reads, token for token, on sentences that exercise their rules (pronouns,
auxiliaries, contractions, expletives, determiners used alone, spaces)."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

from comity.text.annotate import array_steps, parse

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

"""The sentence-level event detector: its training, the shipped model, and its combination with the rules."""

from __future__ import annotations

import numpy as np
import pytest

from comity.actors.resolve import ActorIndex
from comity.config import Config
from comity.events.detector import Detector, load_detector
from comity.events.detector_combine import arbitrate, fresh_candidates
from comity.events.detector_data import manual_examples, read_sentences
from comity.events.detector_features import features
from comity.events.detector_train import Linear, fit, predict
from comity.events.extract import _told
from comity.events.lexicon import EventLexicon, Trigger
from comity.events.roles import MentionMap
from comity.events.triggers import Candidate

TOY = [
    (["w:attack", "w:city"], "ASSAULT"), (["w:attack", "w:village"], "ASSAULT"),
    (["w:meet", "w:talks"], "CONSULT"), (["w:meet", "w:city"], "CONSULT"),
    (["w:rain", "w:city"], "none"), (["w:rain", "w:village"], "none"),
]


def test_fitting_is_the_same_on_every_run() -> None:
    rows, labels = [f for f, _ in TOY], [t for _, t in TOY]
    first, second = fit(rows, labels, min_count=1), fit(rows, labels, min_count=1)
    assert first.features == second.features
    assert np.array_equal(first.weights, second.weights)
    assert [first.classes[k] for k in predict(first, rows).argmax(axis=1)] == labels


def test_the_model_survives_its_file_format() -> None:
    model = fit([f for f, _ in TOY], [t for _, t in TOY], min_count=1)
    again = Linear.from_json(model.to_json())
    assert again.features == model.features and again.classes == model.classes
    assert np.allclose(again.weights, model.weights, atol=1e-2)


def test_written_sentences_are_read_and_checked() -> None:
    text = "# a comment\nChile recalled its envoy.\tSANCTION\tpast\nPeru left.\tRETREAT\tpast\n"
    rows = read_sentences(text)
    assert [(r.type, r.modality) for r in rows] == [("SANCTION", "past"), ("YIELD", "past")]
    with pytest.raises(ValueError):
        read_sentences("Chile recalled its envoy.\tDANCE\tpast\n")


def test_manual_examples_take_their_section_type() -> None:
    tex = ("\\section{AGREE}\nFor example ``Ruritania and Vellmar \\emph{will sign an accord} on fishing''"
           " here.\n\\section{ASSAULT}\nNo example.\n")
    [example] = manual_examples(tex)
    assert (example.text, example.type) == ("Ruritania and Vellmar will sign an accord on fishing.", "AGREE")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ruritanian warplanes bombed rebel positions near the border on Sunday.", "ASSAULT"),
        ("The foreign ministers of Chile and Peru held talks in Lima on Monday.", "CONSULT"),
        ("Vellmar accused its neighbour of harbouring armed groups.", "ACCUSE"),
        ("The government imposed sanctions on three banks from Ruritania.", "SANCTION"),
        ("Thousands of students marched through the capital to protest against the new law.", "PROTEST"),
        ("The prime minister urged the United Nations to send peacekeepers.", "REQUEST"),
    ],
)
def test_the_shipped_model_proposes_the_act(nlp, sentence: str, expected: str) -> None:
    proposals = load_detector().propose(nlp(sentence)[:])
    assert proposals[0][0] == expected
    assert all(0.0 <= p <= 1.0 for _, _, p in proposals)


@pytest.mark.parametrize(
    "sentence",
    ["The central bank kept interest rates unchanged for the third month running.",
     "The national team won the championship after a penalty shoot-out."],
)
def test_no_confident_event_in_sentences_without_one(nlp, sentence: str) -> None:
    assert load_detector().confident(nlp(sentence)[:]) is None


def test_the_shipped_model_says_what_it_was_trained_on() -> None:
    about = load_detector().about
    assert about["version"] and about["trained"] and about["examples"] > 0
    assert set(about["sources"]) <= {"written", "manual", "gsr", "silver"}


def test_features_replace_names_by_their_kind(nlp) -> None:
    feats = features(nlp("Germany sent 500 tanks to Poland.")[:])
    assert "w:<GPE>" in feats and "w:<NUM>" in feats and "w:germany" not in feats
    assert any(f.startswith("r:send") for f in feats)


def _mentions(parse, text: str):
    parsed = parse(text)
    return parsed, ActorIndex.from_config(Config()).mentions(parsed)


@pytest.mark.parametrize(
    ("sentence", "proposal", "expected"),
    [
        ("Chile froze the assets of Peruvian officials.", ("SANCTION", "past", 0.9),
         ("SANCTION", "CHL", "PER")),
        ("Chile said it would extend a credit line to Peru.", ("AID", "future", 0.9),
         ("AGREE", "CHL", "PER")),
        ("Chile pulled its troops out of Peru.", ("YIELD", "past", 0.9), ("RETREAT", "CHL", "PER")),
        ("Chilean officials met in Santiago.", ("CONSULT", "past", 0.9), None),  # no recipient: none made
        ("Chile froze the assets of Peruvian officials.", None, None),  # no confident proposal
    ],
)
def test_fresh_candidates_take_their_roles_from_the_parse(parse, sentence, proposal, expected) -> None:
    parsed, mentions = _mentions(parse, sentence)
    lex = EventLexicon.from_config()
    [sent] = list(parsed.doc.sents)
    found = fresh_candidates(sent, MentionMap(parsed.doc, mentions), lex, proposal)
    got = [(c.event, c.actor[0].entity.code, c.recipient[0].entity.code) for c in found]
    assert got == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("sentence", "proposal", "told"),
    [
        # a material act read into a telling: a thing said, a verb of seeing carried by another verb
        ("The Chilean president delivered a speech outside the parliament in the Peruvian capital of Lima.",
         ("ASSAULT", "past", 0.9), True),
        ("The Chilean army issued a report on the Peruvian army that said it could attack.",
         ("ASSAULT", "past", 0.9), True),
        ("Chile continues to see Peruvian forces facing stiff resistance.", ("ASSAULT", "past", 0.9), True),
        # no act at all in a state
        ("Chile remains opposed to any Peruvian presence on the island.", ("REQUEST", "past", 0.9), True),
        # the act itself
        ("Chilean troops struck a base in the Peruvian town of Tacna.", ("ASSAULT", "past", 0.9), False),
        ("Chile delivered weapons to Peru.", ("AID", "past", 0.9), False),
    ],
)
def test_acts_read_into_a_telling_or_a_state_are_dropped(parse, sentence, proposal, told) -> None:
    parsed, mentions = _mentions(parse, sentence)
    lex = EventLexicon.from_config()
    [sent] = list(parsed.doc.sents)
    [cand] = fresh_candidates(sent, MentionMap(parsed.doc, mentions), lex, proposal)
    assert _told(cand, lex) is told


class _Sure(Detector):
    """A detector that gives one type the probability ``p`` whatever the sentence."""

    def __init__(self, kind: str, p: float) -> None:
        classes = ["ACCUSE", "ASSAULT", "SANCTION", "none"]
        weights = np.zeros((1, len(classes)), dtype=np.float32)
        modality = Linear(["bias"], ["past"], weights[:, :1])
        super().__init__(Linear(["bias"], classes, weights), modality, 0.5, {})
        self.kind, self.p = kind, p

    def scores(self, feats: list[str]) -> np.ndarray:
        rest = (1 - self.p) / 3
        return np.array([self.p if c == self.kind else rest for c in self.types.classes])


@pytest.mark.parametrize(
    ("kind", "p", "expected"),
    [("SANCTION", 0.95, "SANCTION"), ("SANCTION", 0.6, "ACCUSE"), ("ACCUSE", 0.95, "ACCUSE"),
     ("none", 0.95, "ACCUSE")],
)
def test_arbitration_retypes_only_on_confident_disagreement(parse, kind, p, expected) -> None:
    parsed, mentions = _mentions(parse, "Chile froze the assets of Peruvian officials.")
    sent = next(iter(parsed.doc.sents))
    chile = [m for m in mentions if m.entity.code == "CHL"]
    peru = [m for m in mentions if m.entity.code == "PER"]
    cand = Candidate(sent.root, Trigger("freeze", "verb", "ACCUSE"), "ACCUSE", None, chile, peru)
    [out] = arbitrate([cand], sent, _Sure(kind, p))
    assert out.event == expected


def test_combining_keeps_rule_candidates_unless_asked_to_retype(parse) -> None:
    from comity.events.detector_combine import combine

    parsed, mentions = _mentions(parse, "Chile froze the assets of Peruvian officials.")
    sent = next(iter(parsed.doc.sents))
    chile = [m for m in mentions if m.entity.code == "CHL"]
    peru = [m for m in mentions if m.entity.code == "PER"]
    lex = EventLexicon.from_config()

    def cands() -> list[Candidate]:
        return [Candidate(sent.root, Trigger("freeze", "verb", "ACCUSE"), "ACCUSE", None, chile, peru)]

    mm = MentionMap(parsed.doc, mentions)
    assert combine(sent, cands(), mm, lex, _Sure("SANCTION", 0.95))[0].event == "ACCUSE"
    assert combine(sent, cands(), mm, lex, _Sure("SANCTION", 0.95), retyping=True)[0].event == "SANCTION"

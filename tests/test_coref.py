"""The entity model: coreference measures, and who is who in sentences written for these tests."""

from __future__ import annotations

import pytest

from comity.evaluation.coref_metrics import b_cubed, ceaf_e, conll_f1, muc, scores
from comity.records import Article


def _clusters(*groups: str) -> list[frozenset]:
    return [frozenset(g) for g in groups]


def test_muc_counts_links() -> None:
    # the textbook case: gold {A B C D}, predicted {A B} {C D}: recall 2/3, precision 2/2
    prf = muc(_clusters("ABCD"), _clusters("AB", "CD"))
    assert (round(prf.recall, 3), prf.precision) == (0.667, 1.0)


def test_b_cubed_and_ceaf_e_on_a_split_entity() -> None:
    gold, predicted = _clusters("ABCD"), _clusters("AB", "CD")
    assert b_cubed(gold, predicted).recall == pytest.approx(0.5)
    assert b_cubed(gold, predicted).precision == pytest.approx(1.0)
    ceaf = ceaf_e(gold, predicted)  # best alignment: {ABCD}~{AB}, phi4 = 2*2/(4+2)
    assert (ceaf.recall, ceaf.precision) == (pytest.approx(2 / 3), pytest.approx(1 / 3))


def test_identical_clusterings_score_one() -> None:
    gold = _clusters("AB", "C", "DEF")
    assert conll_f1(scores(gold, gold)) == pytest.approx(1.0)


@pytest.fixture(scope="module")
def coder():
    from comity.pipeline import default_coder

    return default_coder()


def _resolved(coder, text: str) -> dict[str, str | None]:
    """Each pronoun and description of ``text`` (first occurrence of its word) → its referent's name."""
    [(_, parsed)] = list(coder.parse_many([Article(id="t", text=text, published=None)]))
    model = coder.entity_model(parsed)
    out: dict[str, str | None] = {}
    for ref in model.references:
        if ref.how in ("pronoun", "description", "group", "surname", "acronym", "name"):
            out.setdefault(ref.text, model.referents[ref.referent].name if ref.referent is not None else None)
    return out


@pytest.mark.parametrize(("text", "word", "expected"), [
    # he/she agree in gender with the antecedent the text marks
    ("Maria Lopez met Tom Becker in Lima. She said the talks were useful.", "She", "Maria Lopez"),
    ("Maria Lopez met Tom Becker in Lima. He said the talks were useful.", "He", "Tom Becker"),
    # a possessive takes the subject of its own clause
    ("Tom Becker said his ministry would respond.", "his", "Tom Becker"),
    # an organisation is "it", a person never is
    ("Tom Becker criticised Acme Holdings on Friday. It denied wrongdoing.", "It", "Acme Holdings"),
    # an acronym the text defines is the same organisation
    ("The Patriotic Liberation Front (PLF) said it would talk. The PLF has 2,000 fighters.", "PLF",
     "Patriotic Liberation Front"),
    # a surname is the person named in full earlier
    ("Anna Varga arrived in Vienna on Monday. Varga said the deal was close.", "Varga", "Anna Varga"),
    # "the company" beside its name
    ("The company, Norvex, said its profits rose.", "its", "Norvex"),
    # "I" in a quotation is its speaker
    ('"I will not resign," Tom Becker said.', "I", "Tom Becker"),
    # a pronoun with no compatible antecedent stays unresolved
    ("The storm hit the coast. She said nothing.", "She", None),
])
def test_who_is_who(coder, text: str, word: str, expected: str | None) -> None:
    assert _resolved(coder, text).get(word, "missing") == expected


def test_a_pair_phrase_is_the_two_states_of_the_occasion(coder) -> None:
    text = ("Peru and Chile signed a trade pact. Brazil and Argentina held talks in Brasilia on Tuesday, "
            "and the two countries agreed to meet again.")
    [(_, parsed)] = list(coder.parse_many([Article(id="t", text=text, published=None)]))
    model = coder.entity_model(parsed)
    [ref] = [r for r in model.references if r.text == "the two countries"]
    assert sorted(model.codes(model.referents[ref.referent])) == ["ARG", "BRA"]


def test_a_country_never_becomes_the_person_who_bears_its_name(coder) -> None:
    text = "Jordan condemned the raid. Jordan Smith, a spokeswoman for the group, said she was shocked."
    [(_, parsed)] = list(coder.parse_many([Article(id="t", text=text, published=None)]))
    model = coder.entity_model(parsed)
    first = model.referent_at(0)
    assert (first.kind, first.code) == ("state", "JOR")


@pytest.mark.parametrize(("text", "speaker"), [
    # an organisation's "it" speaks for it
    ("The Patriotic Liberation Front rejected the offer on Monday. It said the terms were unfair.",
     "Patriotic Liberation Front"),
    # a description beside the organisation's name
    ("Norvex Shipping, a Danish company, lost two vessels. The company said the crews were safe.",
     "Norvex Shipping"),
    # a document speaks for whoever issued it
    ("The Chilean Foreign Ministry issued a statement on Friday. The statement said talks would resume.",
     "Chilean Foreign Ministry"),
])
def test_bodies_speak_through_pronouns_descriptions_and_documents(coder, text: str, speaker: str) -> None:
    quotes = coder.code(text).quotes
    assert [q.speaker for q in quotes] == [speaker]


def _events(coder, text: str) -> set[tuple]:
    events = coder.code(text, published="2026-03-04").events
    def codes(side) -> tuple:
        return tuple(sorted(m.entity.code for m in side))

    return {(e.event, codes(e.actor), codes(e.recipient)) for e in events if not e.negated}


@pytest.mark.parametrize(("text", "expected"), [
    # a pronoun with no rival in reach gives the actor
    ("Ghana summoned the Nigerian ambassador on Monday. It also expelled two Nigerian diplomats.",
     ("SANCTION", ("GHA",), ("NGA",))),
    # "the country" with one state in reach
    ("Norway is facing a gas shortage. The country has asked Qatar for more shipments.",
     ("REQUEST", ("NOR",), ("QAT",))),
    # "the island": the island state in reach, however many continental states are named beside it
    ("A US congressional delegation arrived in Taiwan on Friday. Beijing was angered. On Saturday, "
     "China held naval drills around the island.", ("MOBILIZE", ("CHN",), ("TWN",))),
    ("Havana freed the prisoners last month. In return, Washington lifted its embargo on the island.",
     ("RETREAT", ("USA",), ("CUB",))),
    # "the Greek island of Lesbos" says which island it is: not Cyprus, named before
    ("Cyprus asked Greece for help. Turkey sent troops to the Greek island of Lesbos.",
     ("AID", ("TUR",), ("GRC",))),
    # group and pair phrases are the two sides of the occasion talked about, not another pair named first
    ("Peru and Chile signed a fishing pact last year. Kenya and Uganda held talks in Nairobi on Tuesday, "
     "and both sides agreed to cut tariffs.", ("AGREE", ("KEN", "UGA"), ())),
    ("Peru and Chile signed a fishing pact last year. Kenya and Uganda held talks in Nairobi on Tuesday, "
     "and the two countries agreed to reopen the border.", ("AGREE", ("KEN", "UGA"), ())),
    # "we" inside a quotation is the speaker's side
    ('"We urge Canberra to drop the tariffs," said Mei Lin, a spokeswoman for the Chinese Foreign '
     'Ministry.', ("REQUEST", ("CHN",), ("AUS",))),
])
def test_events_take_sides_from_pronouns_and_descriptions(coder, text: str, expected: tuple) -> None:
    assert expected in _events(coder, text)


@pytest.mark.parametrize("text", [
    # a pronoun with a rival in reach gives no side: "it" could be Ghana or Nigeria
    "Ghana and Nigeria met in Accra. It expelled two diplomats from Togo.",
    # an act with no recipient whose only actor is a pronoun named in an earlier sentence is not kept
    "The Treasury Department published its report on Monday. It was going to make a deal.",
    # "the island" with two island states in reach refers to neither
    "Japan and Taiwan held talks on Monday. China then held drills around the island.",
])
def test_no_event_rests_on_a_guess(coder, text: str) -> None:
    events = _events(coder, text)
    assert not any(e[0] == "SANCTION" and e[1] in (("GHA",), ("NGA",)) for e in events) \
        and not any(not e[2] for e in events if e[1] == ("USA",)) \
        and not any(e[2] in (("JPN",), ("TWN",)) for e in events if e[1] == ("CHN",))


def test_a_name_inside_a_long_mention_matches_it() -> None:
    from comity.entities.model import Reference
    from comity.evaluation.coref import GoldMention, GumDoc, _matches

    text = "Pan-democrat veteran Cyd Ho from the Labour Party lost her seat."
    gold = GumDoc("t", text, None, [GoldMention((0, 49), (13, 20), 1, "person", False)])  # head: "veteran"
    name = Reference("Cyd Ho", (21, 27), 3, 5, "name", 0, 4)
    party = Reference("Labour Party", (37, 49), 7, 9, "name", 1, 8)
    assert _matches([name, party], gold) == {0: 0}  # the name beside the head, not the party after it
    assert _matches([party], gold) == {0: 0}

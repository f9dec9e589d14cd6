"""The article's principal pair: "the two governments", "both sides", "both capitals"."""

from __future__ import annotations

from datetime import date

import pytest

from comity.events.pair import principal_pair
from comity.pipeline import code
from comity.records import Entity, Mention

OPENING = (
    "Ghana accused Togo of shelling border villages on Monday.\n\n"
    "Togo rejected Ghana's claims and accused Ghana of staging the attack.\n\n"
)


def _events(text: str) -> list[tuple[str, list[str], list[str]]]:
    coded = code(text, published=date(2025, 3, 5))
    return [(e.event, sorted(m.entity.code for m in e.actor), sorted(m.entity.code for m in e.recipient))
            for e in coded.events]


@pytest.mark.parametrize(("text", "expected"), [
    # an offer to host a meeting between the pair: the host's act on both
    (OPENING + "Norway offered to host a meeting between the two governments.",
     ("AGREE", ["NOR"], ["GHA", "TGO"])),
    # a time phrase before the infinitive does not cut the offer from what it offers
    (OPENING + "Norway offered on Tuesday to host a meeting between the two governments in Oslo.",
     ("AGREE", ["NOR"], ["GHA", "TGO"])),
    # "leaders in both capitals": a noun whose 'in' phrase is the pair
    (OPENING + "The Norwegian foreign minister spoke by phone with leaders in both capitals on Tuesday.",
     ("CONSULT", ["NOR"], ["GHA", "TGO"])),
    # the pair, not the mediator named in the sentence before
    (OPENING + "Norway sent an envoy to the region.\n\nThe two sides agreed to reopen the border.",
     ("AGREE", ["GHA", "TGO"], [])),
    (OPENING + "After talks hosted by Norway, the two sides agreed to reopen the border.",
     ("AGREE", ["GHA", "TGO"], [])),
    # "each other": the pair acts on itself (a reciprocal event, both sides as actors)
    (OPENING + "Norway said the two neighbours had threatened one another.",
     ("THREATEN", ["GHA", "TGO"], [])),
    # "leaders of both countries" as actor
    (OPENING + "Leaders of both countries welcomed the Norwegian proposal.",
     ("SUPPORT", ["GHA", "TGO"], ["NOR"])),
    # "the two chief negotiators": negotiators are one of the 'pair_nouns'
    (OPENING + "The two chief negotiators met in Geneva on Friday.",
     ("CONSULT", ["GHA", "TGO"], [])),
    # a bare "both" as the object, also where the parser hangs it on the infinitive
    (OPENING + "Norway urged both to show restraint.", ("REQUEST", ["NOR"], ["GHA", "TGO"])),
    (OPENING + "Norway, which has hosted talks with the two neighbours since 2019, urged both to show "
     "restraint and settle their differences.", ("REQUEST", ["NOR"], ["GHA", "TGO"])),
    # "the neighbours", plain
    (OPENING + "Norway urged the neighbours to show restraint.", ("REQUEST", ["NOR"], ["GHA", "TGO"])),
    # envoys sent "from" the pair; the city they meet in is a venue, neither their home nor a side
    (OPENING + "Delegations from the two governments met in Oslo on Tuesday.",
     ("CONSULT", ["GHA", "TGO"], [])),
    # a two-word city where talks were held is a venue, not a state naming another pair
    (OPENING + "Ghanaian negotiators held talks in Abu Dhabi on Tuesday. The two sides agreed to meet again "
     "next week.", ("AGREE", ["GHA", "TGO"], [])),
    # officials met in a capital are its hosts (a venue is only no home for those who travel to it)
    ("Norway's envoy met officials in Accra on Monday.", ("CONSULT", ["NOR"], ["GHA"])),
    # the nearest sentence naming two states names the pair through its officials ("Togolese negotiators")
    (OPENING + "Delegations met in Oslo with Swedish mediators, but Togolese negotiators turned down a "
     "Ghanaian demand.\n\nThe two sides agreed to meet again next week.", ("AGREE", ["GHA", "TGO"], [])),
])
def test_a_pair_phrase_stands_for_the_principal_pair(text: str, expected: tuple) -> None:
    assert expected in _events(text)


@pytest.mark.parametrize(("text", "unexpected"), [
    # the nearest sentence naming two states names another pair: that pair, not the principal one
    (OPENING + "Separately, Chile and Peru signed a trade deal.\n\nThe two countries agreed to cut tariffs.",
     ("AGREE", ["GHA", "TGO"], [])),
    # the mediator named as the subject is not one of "both sides"
    (OPENING + "The two sides agreed to reopen the border.",
     ("AGREE", ["GHA", "NOR"], [])),
    # a 'between' phrase of dates names no sides: the two named elsewhere did not attack each other
    ("The Russian and Belarusian attacks between March and May killed hundreds.",
     ("ASSAULT", ["BLR", "RUS"], [])),
    # "both ... and to ..." opens a coordination of two acts: it names no one
    (OPENING + "Norway agreed both to cut its quotas and to free the fishermen.",
     ("AGREE", ["NOR"], ["GHA", "TGO"])),
    # a U.N. mission "in" a state is not that state's body
    (OPENING + "The U.N. peacekeeping mission in Togo said both countries should show restraint.",
     ("REQUEST", ["TGO", "UNO"], ["GHA"])),
])
def test_a_pair_phrase_does_not_stand_for_another_pair(text: str, unexpected: tuple) -> None:
    assert unexpected not in _events(text)


def _m(code_: str, kind: str = "country", sector: str | None = None, at: int = 0) -> Mention:
    return Mention(code_, (at, at + 3), Entity(code_, sector, code_, kind))


GHA, TGO, NOR, SDN = _m("GHA"), _m("TGO"), _m("NOR"), _m("SDN")
ARMY, RSF = _m("SDN", "org", "MIL"), _m("SDN", "org", "REB")


@pytest.mark.parametrize(("events", "mentions", "expected"), [
    # the dyad most often on opposite sides of the events
    ([([GHA], [TGO]), ([TGO], [GHA]), ([NOR], [GHA])], [], ("GHA", "TGO")),
    # a tie between dyads: the two states most mentioned decide
    ([([GHA], [TGO]), ([NOR], [GHA])], [GHA, GHA, TGO, TGO, NOR], ("GHA", "TGO")),
    # no events: the two most mentioned states, each named twice at least
    ([], [GHA, GHA, GHA, NOR, NOR], ("GHA", "NOR")),
    ([], [GHA, GHA, NOR], ()),
    # a tie for second place decides nothing
    ([], [GHA, GHA, NOR, NOR, TGO, TGO], ()),
    # a civil war: two sides of one state act on each other more often than any two states do
    ([([ARMY], [RSF]), ([RSF], [ARMY]), ([NOR], [SDN])], [], ()),
    # one domestic act ("Islamabad blames the TTP") does not outweigh as many acts between two states
    ([([ARMY], [RSF]), ([GHA], [TGO])], [], ("GHA", "TGO")),
])
def test_principal_pair(events: list, mentions: list, expected: tuple) -> None:
    assert principal_pair(events, mentions) == expected

"""Recipients from the article's context: a side named once and acted on over several sentences."""

from __future__ import annotations

from datetime import date

import pytest

from comity.events.context import REACH, context_recipients
from comity.pipeline import code
from comity.records import Entity, Event, Mention

FILLER = "The deal covers pipelines, storage and prices for the coming decade. "


def _events(text: str) -> list[tuple[str, list[str], list[str], bool]]:
    coded = code(text, published=date(2025, 3, 5))
    return [(e.event, sorted(m.entity.code for m in e.actor), sorted(m.entity.code for m in e.recipient),
             e.negated) for e in coded.events]


@pytest.mark.parametrize(("text", "expected"), [
    # a denial answers the side the article's conflict is with
    ("Ghana expelled Togo's ambassador on Monday over the border dispute.\n\n"
     "On Tuesday, Togo denied any involvement in the attacks.",
     ("REJECT", ["TGO"], ["GHA"], False)),
    # a pledge after a deal: the partner of the cooperation
    ("Brazil and Argentina signed a gas deal on Monday.\n\nArgentina later pledged further investment.",
     ("AGREE", ["ARG"], ["BRA"], False)),
    # cooperation never lends its partner to a conflictual act
    ("Chile and Peru signed a trade agreement on Monday.\n\nPeru also deployed troops on Tuesday.",
     ("MOBILIZE", ["PER"], [], False)),
    # too far from the deal (more than REACH characters): left alone
    ("Brazil and Argentina signed a gas deal on Monday.\n\n" + FILLER * (REACH // len(FILLER) + 5)
     + "\n\nArgentina later pledged further investment.",
     ("AGREE", ["ARG"], [], False)),
])
def test_a_recipient_named_earlier_in_the_article(text: str, expected: tuple) -> None:
    assert expected in _events(text)


def _mention(code: str, start: int, kind: str = "country", sector: str | None = None) -> Mention:
    entity = Entity(code=code, sector=sector, name=code, kind=kind)
    return Mention(text=code, span=(start, start + 3), entity=entity)


def _event(kind: str, actor: Mention, recipient: Mention | None, start: int, quad: int, **extra) -> Event:
    return Event(id=f"{kind}{start}", event=kind, actor=(actor,), recipient=(recipient,) if recipient else (),
                 event_text="x", spans=((start, start + 10),), quad_code=quad, **extra)


@pytest.mark.parametrize(("extra", "actor_kind", "sector", "filled"), [
    ({}, "country", None, True),
    ({"negated": True}, "country", None, False),  # a denied act has no target to fill
    ({"aux": ("hypothetical",)}, "country", None, False),
    ({}, "person", None, False),  # a person with no office acts for nobody
    ({}, "person", "GOV", True),  # a leader acts for the state
    ({"partner_aux": ("historical",)}, "country", None, False),  # a past year's act names no partner now
])
def test_which_events_take_a_recipient(extra: dict, actor_kind: str, sector: str | None,
                                       filled: bool) -> None:
    ven, guy = _mention("VEN", 0), _mention("GUY", 10)
    first = _event("SANCTION", ven, guy, 0, 3, aux=extra.pop("partner_aux", ()))
    lone = _event("THREATEN", _mention("VEN", 100, actor_kind, sector), None, 100, 3, **extra)
    out = context_recipients([first, lone], [ven, guy])
    assert [m.entity.code for m in out[1].recipient] == (["GUY"] if filled else [])


def test_the_most_frequent_partner_wins_and_a_repeat_is_folded() -> None:
    ken, som, eth = _mention("KEN", 0), _mention("SOM", 20), _mention("ETH", 40)
    events = [_event("ASSAULT", ken, som, 0, 4), _event("ACCUSE", ken, eth, 50, 3),
              _event("ACCUSE", ken, som, 90, 3), _event("ACCUSE", _mention("KEN", 130), None, 130, 3)]
    out = context_recipients(events, [ken, som, eth])
    # the lone accusation goes to Somalia (two conflictual events) and is then the same as the third: folded
    assert [(e.event, [m.entity.code for m in e.recipient]) for e in out] == [
        ("ASSAULT", ["SOM"]), ("ACCUSE", ["ETH"]), ("ACCUSE", ["SOM"])]
    assert out[2].spans == ((90, 100), (130, 140))

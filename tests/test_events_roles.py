"""Who did it to whom: sentence -> expected (type, actor codes, recipient codes) records.

Each row exercises one way of finding an event's actor or recipient: a recipient named in the
object's own phrase, in the complement clause or by the act's scene; a victim with no coded doer;
an act between two bodies of one state; a dissident side acting on its own state. Records are
compared whole (actor and recipient code sets per record), so an act coded under one country on
both sides is seen, which the scorer's pairs would hide. Mentions come from a small fake resolver.
"""

from __future__ import annotations

import re

import pytest

from comity.config import Config
from comity.events.extract import EventLexicon, find_events
from comity.records import Entity, Mention

# name -> (code, kind, sector, how)
NAMES = {
    "Norway": ("NOR", "country", None, "name"),
    "Chile": ("CHL", "country", None, "name"),
    "Peru": ("PER", "country", None, "name"),
    "Bolivia": ("BOL", "country", None, "name"),
    "Finland": ("FIN", "country", None, "name"),
    "Uganda": ("UGA", "country", None, "name"),
    "Argentina": ("ARG", "country", None, "name"),
    "Kenya": ("KEN", "country", None, "name"),
    "Oslo": ("NOR", "country", "GOV", "capital"),
    "La Paz": ("BOL", "country", "GOV", "capital"),
    "Kenyan": ("KEN", "country", None, "demonym"),
    "Kenyans": ("KEN", "country", None, "demonym"),
    "Chilean": ("CHL", "country", None, "demonym"),
    "Chileans": ("CHL", "country", None, "demonym"),
    "President Ruto": ("KEN", "person", "GOV", "name"),
    "Chile's president": ("CHL", "person", "GOV", "title"),
    "Kenyan judge": ("KEN", "person", "JUD", "title"),
    "Kenyan government officials": ("KEN", "org", "GOV", "title"),
    "Kenyan lawmakers": ("KEN", "org", "LEG", "title"),
    "Kenyan police": ("KEN", "org", "COP", "title"),
    "Kenyan students": ("KEN", "group", "CVL", "title"),
    "Thousands of students": ("KEN", "group", "CVL", "title"),
    "Chilean rebels": ("CHL", "org", "REB", "title"),
    "Chilean police": ("CHL", "org", "COP", "title"),
    "Chilean soldiers": ("CHL", "org", "MIL", "title"),
}
_PATTERN = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(NAMES, key=len, reverse=True)) + r")(?!\w)"
)


def mentions(text: str) -> list[Mention]:
    out = []
    for match in _PATTERN.finditer(text):
        code, kind, sector, how = NAMES[match.group(1)]
        out.append(Mention(match.group(1), match.span(), Entity(code, sector, match.group(1), kind), how))
    return out


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.from_config(Config())


def coded(parse, lexicon, text: str) -> set[tuple]:
    """(type, actor codes, recipient codes) of each positive event."""
    return {
        (
            e.event,
            tuple(sorted({m.entity.code for m in e.actor})),
            tuple(sorted({m.entity.code for m in e.recipient})),
        )
        for e in find_events(parse(text), mentions(text), [], lexicon)
        if not e.negated
    }


def _rows(*rows: tuple[str, str, tuple[str, ...], tuple[str, ...]]) -> list[tuple[str, set]]:
    """(sentence, type, actors, recipients) rows; a type of '' means no event at all."""
    return [(text, {(kind, actors, recips)} if kind else set()) for text, kind, actors, recips in rows]


# the recipient named inside the object's phrase, the complement clause or the act's scene
TOUCHED = _rows(
    ("Norway suspended part of a military aid program for Bolivia.", "SANCTION", ("NOR",), ("BOL",)),
    ("Peru offered to hand over two suspects to Chile.", "AGREE", ("PER",), ("CHL",)),
    ("Norway threatened to carry out raids in Finland.", "THREATEN", ("NOR",), ("FIN",)),
    ("Chile lifted a curfew in Bolivia on Monday.", "CONCEDE", ("CHL",), ("BOL",)),
    ("Peru refused to return the funds to Argentina.", "REJECT", ("PER",), ("ARG",)),
    ("Norway rejected an offer from Uganda.", "REJECT", ("NOR",), ("UGA",)),
    ("Peru refused to reply to a request from Chile.", "REJECT", ("PER",), ("CHL",)),
    ("Peru threatened to leave the talks if Chile changes the quotas.", "THREATEN", ("PER",), ("CHL",)),
    ("Chile threatened to close the border unless Bolivia pays its debts.", "THREATEN", ("CHL",), ("BOL",)),
)

# a scene shared by several actors is where they act on each other, not a recipient
RECIPROCAL = _rows(
    ("Chile and Peru held joint naval exercises in Bolivia.", "COOPERATE", ("CHL", "PER"), ()),
)

# a weapon or blast that kills names no doer: the victims are coded alone
AGENTLESS = _rows(
    ("A roadside bomb killed three Chilean soldiers on Friday.", "ASSAULT", (), ("CHL",)),
    ("A car bombing wounded two Kenyan police officers.", "ASSAULT", (), ("KEN",)),
    ("Chilean soldiers were killed near the border.", "ASSAULT", (), ("CHL",)),
)

# acts between two bodies of one state, coded under its code on both sides, or not coded at all
HOME = _rows(
    ("A Kenyan judge opened an inquiry into Kenyan government officials.", "ACCUSE", ("KEN",), ("KEN",)),
    ("Kenyan police arrested Kenyan lawmakers on Tuesday.", "COERCE", ("KEN",), ("KEN",)),
    ("Chilean police confiscated weapons from Chilean armed groups.", "COERCE", ("CHL",), ("CHL",)),
    ("Kenyan lawmakers criticised President Ruto over the budget.", "", (), ()),
    ("Kenyan lawmakers urged President Ruto to resign.", "", (), ()),
)

# a dissident side acting alone acts on its own state when the sentence names it, and on no one otherwise
DISSIDENT = _rows(
    ("Kenyan students rioted outside the residence of President Ruto.", "PROTEST", ("KEN",), ("KEN",)),
    ("Thousands of students in Kenya staged demonstrations on Sunday.", "PROTEST", ("KEN",), ()),
    ("Chilean rebels blocked the roads into Chile's capital.", "PROTEST", ("CHL",), ("CHL",)),
    ("Young Kenyans blocked roads to press their demands on President Ruto.", "PROTEST", ("KEN",), ("KEN",)),
    ("Kenyan students blocked a road to show anger at Uganda's policies.", "PROTEST", ("KEN",), ("UGA",)),
)

# a crowd is of the country where it acts when its sentence names several
CROWDS = _rows(
    ("Thousands of people marched in Oslo against Chilean fishing policy.", "PROTEST", ("NOR",), ("CHL",)),
)

# a protest's topic (what its purpose clause demands or denounces) is no event of its own: it lends the
# protest its recipient (PLOVER manual, PROTEST)
PURPOSE = _rows(
    ("Hundreds of students rallied in La Paz to denounce Peru.", "PROTEST", ("BOL",), ("PER",)),
    ("Kenyan students marched to demand an apology from Uganda.", "PROTEST", ("KEN",), ("UGA",)),
    ("Chilean rebels blocked roads, demanding talks with Peru.", "PROTEST", ("CHL",), ("PER",)),
)

# a people named with the article beside a state is its side; counted people are not
PEOPLES = _rows(
    ("Peru and the Chileans reached an agreement on fishing rights.", "AGREE", ("CHL", "PER"), ()),
    ("Peru and most Chileans welcomed the ruling.", "", (), ()),
)

# the subject a passive shares with a later active verb is its patient, not its agent
PASSIVE = [
    (
        "Chile's president was indicted by Peru and resigned.",
        {("ACCUSE", ("PER",), ("CHL",)), ("RETREAT", ("CHL",), ())},
    )
]

# a go-between acts on both sides; "a mediation effort" is the mediation; talks between two are theirs
MEDIATION = _rows(
    ("Norway launched a mediation effort between Chile and Peru.", "CONSULT", ("NOR",), ("CHL", "PER")),
    ("Norway's mediation between Chile and Peru resumed on Monday.", "CONSULT", ("NOR",), ("CHL", "PER")),
    ("Talks between Chile and Peru resumed on Monday.", "CONSULT", ("CHL",), ("PER",)),
)

# what already worked keeps working: named recipients win, the first country named is not always the actor
KEPT = _rows(
    ("Norway suspended aid to Uganda.", "SANCTION", ("NOR",), ("UGA",)),
)

# "Peru, which has sent troops to help Bolivia, ...": the relative clause's act is Peru's too
KEPT.append(
    (
        "Peru, which has sent troops to help Bolivia, criticised Chile.",
        {("AID", ("PER",), ("BOL",)), ("ACCUSE", ("PER",), ("CHL",))},
    )
)

# an act named by a bare noun ("the attack", "the arrest", "the agreement") that a verb judges is the one told
# earlier: its doers are the recipient; with none told, a judgement needing a recipient is no record
JUDGED = [
    ("Chile shelled border posts in Bolivia on Monday. Norway condemned the attack.",
     {("ASSAULT", ("CHL",), ("BOL",)), ("ACCUSE", ("NOR",), ("CHL",))}),
    ("Chilean police arrested two Kenyans on Monday. Uganda described the arrest as a provocation.",
     {("COERCE", ("CHL",), ("KEN",)), ("ACCUSE", ("UGA",), ("CHL",))}),
    ("Chile and Peru agreed to a ceasefire on Friday. Norway welcomed the agreement.",
     {("AGREE", ("CHL", "PER"), ()), ("SUPPORT", ("NOR",), ("CHL", "PER"))}),
    ("Norway welcomed the agreement.", set()),
    # the latest attack is the judge's own: no older act of the other side is borrowed
    ("Chile shelled border posts in Peru on Sunday. Peru shelled border posts in Chile on Monday. "
     "Peru defended the attack.", {("ASSAULT", ("CHL",), ("PER",)), ("ASSAULT", ("PER",), ("CHL",))}),
    # the latest act of the kind is the judge's own, done with another side: that side is not judged
    ("Chile and Peru held joint naval drills on Sunday. Chile called the drills a provocation.",
     {("COOPERATE", ("CHL", "PER"), ()), ("ACCUSE", ("CHL",), ())}),
    ("Chile held joint naval drills with Peru on Sunday. Peru defended the drills.",
     {("COOPERATE", ("CHL",), ("PER",))}),
    # the noun's own phrase tells another act: no earlier act's doer is borrowed
    ("Chile shelled border posts in Bolivia on Monday. Norway condemned the attack on Uganda.",
     {("ASSAULT", ("CHL",), ("BOL",)), ("ACCUSE", ("NOR",), ())}),
]

# a refused request is also the request, by its owner to the side refusing it
REFUSED = [
    ("Peru turned down a Chilean demand to hand over the suspects.",
     {("REJECT", ("PER",), ("CHL",)), ("REQUEST", ("CHL",), ("PER",))}),
    ("Norway declined the request of Uganda for a visit.",
     {("REJECT", ("NOR",), ("UGA",)), ("REQUEST", ("UGA",), ("NOR",))}),
    ("Peru rejected demands for a referendum.", {("REJECT", ("PER",), ())}),
    # a statement is no request unless it says what must be done
    ("Norway rejected Uganda's statement.", {("REJECT", ("NOR",), ("UGA",))}),
]
# a war or clash between two sides: each acts on the other; three sides named say nothing of who fought whom
BETWEEN = _rows(
    ("The war between Chile and Peru lasted two years.", "ASSAULT", ("CHL", "PER"), ()),
    ("The war between Chile, Peru and Bolivia lasted two years.", "", (), ()),
)
# a predicate adjective of criticism, of a finite copula (an infinitive's is only asked or hoped for)
CRITICAL = _rows(
    ("Chile and Peru have been highly critical of Bolivia's policies.", "ACCUSE", ("CHL", "PER"), ("BOL",)),
    ("Peru urged Chile to be critical of Bolivia.", "REQUEST", ("PER",), ("CHL",)),
)

# the foe a group is named after ("counter-ISIS forces", "an anti-Chilean militia") is not its side
FOES = _rows(
    ("Norway suspended the training of anti-Chilean militias.", "", (), ()),
)

CASES = TOUCHED + RECIPROCAL + AGENTLESS + HOME + DISSIDENT + CROWDS + PURPOSE + PEOPLES + PASSIVE
CASES += MEDIATION + KEPT + JUDGED + REFUSED + BETWEEN + CRITICAL + FOES


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_roles(parse, lexicon, text, expected):
    assert coded(parse, lexicon, text) == expected


# a demonym on a place or a people named alone is no other side of the actor's state
NOT_HOME = [
    "Chilean rebels completed their withdrawal from the Chilean town of Arica.",
    "Kenyan police dispersed Kenyans gathered outside the stadium.",
]


@pytest.mark.parametrize("text", NOT_HOME, ids=[t[:48] for t in NOT_HOME])
def test_no_home_recipient_from_a_place_or_a_people(parse, lexicon, text):
    assert not any(set(actors) & set(recips) for _, actors, recips in coded(parse, lexicon, text))


# an undertaking noun is the act only under a support verb: halting mediation efforts is no mediation
NOT_OF_TYPE = [
    ("Norway halted mediation efforts between Chile and Peru.", "CONSULT"),
    ("Norway abandoned its mediation bid between Chile and Peru.", "CONSULT"),
]


@pytest.mark.parametrize(("text", "kind"), NOT_OF_TYPE, ids=[t[0][:48] for t in NOT_OF_TYPE])
def test_no_event_of_type(parse, lexicon, text, kind):
    assert kind not in {event for event, _, _ in coded(parse, lexicon, text)}


@pytest.mark.parametrize(
    ("name", "how", "kind", "sector", "acts"),
    [
        ("Nigerian doctors", "title", "org", "MED", True),  # a group of a country's people, with its sector
        ("Kenyan teachers", "title", "org", "EDU", True),
        ("Chilean traders", "title", "org", "BUS", True),
        ("Acme Mining", "name", "org", "BUS", False),  # a company named as such is no actor
        ("the Vell Institute", "name", "org", "EDU", False),
        ("Ruritania", "name", "country", None, True),
        ("Jo Bloggs", "name", "person", None, False),  # uncoded
    ],
)
def test_who_may_act(name, how, kind, sector, acts):
    from comity.events.extract import is_actor

    code = None if name == "Jo Bloggs" else "RUR"
    assert is_actor(Mention(name, (0, len(name)), Entity(code, sector, name, kind), how)) is acts

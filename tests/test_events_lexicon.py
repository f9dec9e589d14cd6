"""Event triggers and modality: sentence -> expected (type, mode, actor codes, recipient codes) records.

Mentions come from the fake resolver of ``test_events``, so these tests exercise the event lexicon
(``data/events.json``) and the modality reading (:mod:`comity.events.modality`) alone.
"""

from __future__ import annotations

import pytest

from comity.config import Config
from comity.events.extract import EventLexicon, find_events
from test_events import fake_mentions


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.from_config(Config())


def coded(parse, lexicon, text: str) -> set[tuple]:
    """(type, mode, actor codes, recipient codes) of every non-negated record."""
    events = find_events(parse(text), fake_mentions(text), [], lexicon)
    return {
        (
            e.event,
            e.mode,
            tuple(sorted({m.entity.code for m in e.actor})),
            tuple(sorted({m.entity.code for m in e.recipient})),
        )
        for e in events
        if not e.negated
    }


# (sentence, expected records as (type, mode, actors, recipients)); the set must match exactly
TRIGGERS = [
    # AGREE: a consensus reached
    ("India and Pakistan reached a consensus on water sharing.", [("AGREE", None, ("IND", "PAK"), ())]),
    ("Egypt reached a consensus with Qatar on Gaza.", [("AGREE", None, ("EGY",), ("QAT",))]),
    ("Japan and Australia reached a broad consensus on fisheries.", [("AGREE", None, ("AUS", "JPN"), ())]),
    ("Brazil expects to reach a consensus with Mexico.", [("AGREE", None, ("BRA",), ("MEX",))]),
    ("Brazil hopes to reach a consensus with Mexico.", []),  # only hoped for (wish_verbs)
    # SUPPORT: forgiving
    ("Poland forgave Germany for the wartime destruction.", [("SUPPORT", None, ("POL",), ("DEU",))]),
    ("Armenia has forgiven Azerbaijan for the border incident.", [("SUPPORT", None, ("ARM",), ("AZE",))]),
    ("Hungary welcomed Romania into the talks.", [("CONSULT", "visit", ("ROU",), ("HUN",))]),
    ("Canada praised Mexico for its reforms.", [("SUPPORT", None, ("CAN",), ("MEX",))]),
    ("Brazil opened an embassy in Qatar.", [("SUPPORT", None, ("BRA",), ("QAT",))]),
    ("Canada reopened its embassy in Tehran.", [("SUPPORT", None, ("CAN",), ("IRN",))]),
    ("Britain closed its embassy in Syria.", [("SANCTION", "withdraw", ("GBR",), ("SYR",))]),
    ("Turkey closed its border with Syria.", [("SANCTION", "discontinue", ("TUR",), ("SYR",))]),
    ("Brazil welcomed Mexico's decision.", [("SUPPORT", None, ("BRA",), ("MEX",))]),
    # CONCEDE: states of emergency and curfews lifted or shortened; pardons
    ("Egypt lifted the state of emergency.", [("CONCEDE", None, ("EGY",), ())]),
    ("Turkey shortened the nightly curfew.", [("CONCEDE", None, ("TUR",), ())]),
    ("Thailand ended the state of siege in the south.", [("CONCEDE", None, ("THA",), ())]),
    ("Venezuela accepted the election results.", [("CONCEDE", None, ("VEN",), ())]),
    ("Cambodia conceded defeat.", [("CONCEDE", None, ("KHM",), ())]),
    ("Venezuela pardoned two American journalists.", [("CONCEDE", None, ("VEN",), ("USA",))]),
    ("Cuba pardoned three British prisoners.", [("CONCEDE", None, ("CUB",), ("GBR",))]),
    # AID: peacekeepers deployed, wounded evacuated, compensation paid, fighters trained for a side
    ("NATO deployed peacekeepers to Serbia.", [("AID", None, ("IGO",), ("SRB",))]),
    ("France sent peacekeeping troops to Lebanon.", [("AID", None, ("FRA",), ("LBN",))]),
    ("Qatar evacuated wounded civilians from Sudan.", [("AID", None, ("QAT",), ("SDN",))]),
    ("Egypt evacuated refugees from Syria.", [("AID", None, ("EGY",), ("SYR",))]),
    ("Germany paid compensation to Poland for wartime damage.", [("AID", None, ("DEU",), ("POL",))]),
    ("Japan paid reparations to South Korea.", [("AID", None, ("JPN",), ("KOR",))]),
    ("Iran trained fighters for Hamas.", [("AID", None, ("IRN",), ("PSE",))]),
    # ACCUSE: inspectors and investigators sent
    ("The EU sent investigators to Serbia.", [("ACCUSE", "investigate", ("EUR",), ("SRB",))]),
    ("NATO dispatched inspectors to Iraq.", [("ACCUSE", "investigate", ("IGO",), ("IRQ",))]),
    ("Germany has dispatched investigators to Syria.", [("ACCUSE", "investigate", ("DEU",), ("SYR",))]),
    ("Australia sent inspectors to Cambodia.", [("ACCUSE", "investigate", ("AUS",), ("KHM",))]),
    # REQUEST: reminders of what must be done
    ("France issued a reminder to Iran that it must obey.", [("REQUEST", None, ("FRA",), ("IRN",))]),
    ("Britain reminded Turkey that it must protect civilians.", [("REQUEST", None, ("GBR",), ("TUR",))]),
    ("Canada reminded Venezuela that it should free the prisoners.", [
        ("REQUEST", "yield", ("CAN",), ("VEN",)),
    ]),
    ("Poland sent a reminder to Hungary.", [("REQUEST", None, ("POL",), ("HUN",))]),
    # SANCTION: inspectors and observers expelled or withdrawn, mediation and aid stopped or prohibited
    ("Iran expelled inspectors of the United Nations.", [("SANCTION", "expel", ("IRN",), ("UNO",))]),
    ("NATO withdrew its observers from Syria.", [("SANCTION", "withdraw", ("IGO",), ("SYR",))]),
    ("Qatar pulled out its monitors from Sudan.", [("SANCTION", "withdraw", ("QAT",), ("SDN",))]),
    ("Japan halted mediation efforts between Thailand and Cambodia.", [
        ("SANCTION", "withdraw", ("JPN",), ("KHM", "THA")),
    ]),
    ("Egypt ended mediation efforts between Israel and Hamas.", [
        ("SANCTION", "withdraw", ("EGY",), ("ISR", "PSE")),
    ]),
    ("Washington prohibited military aid to Venezuela.", [("SANCTION", "discontinue", ("USA",), ("VEN",))]),
    ("Germany suspended its aid program for Sudan.", [("SANCTION", "discontinue", ("DEU",), ("SDN",))]),
    ("Canada barred aid shipments to Cuba.", [("SANCTION", "discontinue", ("CAN",), ("CUB",))]),
    ("Russia suspended talks with Ukraine.", [("SANCTION", "withdraw", ("RUS",), ("UKR",))]),
    # MOBILIZE: fighters trained with nobody to receive them
    ("North Korea trained thousands of hackers.", [("MOBILIZE", "troops", ("PRK",), ())]),
    ("Pakistan trained hundreds of fighters.", [("MOBILIZE", "troops", ("PAK",), ())]),
    ("Russia deployed troops near Ukraine.", [("MOBILIZE", "troops", ("RUS",), ())]),
    ("Iran sent troops to the border.", [("MOBILIZE", "troops", ("IRN",), ())]),
    # COERCE: weapons confiscated from a side
    ("Egypt confiscated weapons from Hamas.", [("COERCE", "seize", ("EGY",), ("PSE",))]),
    ("Israel confiscated explosives from Hamas.", [("COERCE", "seize", ("ISR",), ("PSE",))]),
    ("Iran seized a British tanker.", [("COERCE", "seize", ("IRN",), ("GBR",))]),
    ("Iran seized two British ships.", [("COERCE", "seize", ("IRN",), ("GBR",))]),
    ("Egypt declared a state of emergency.", [("COERCE", "martial-law", ("EGY",), ())]),
    ("Thailand imposed a state of siege in the south.", [("COERCE", "martial-law", ("THA",), ())]),
    ("Israel blockaded Lebanon's ports.", [("COERCE", "restrict", ("ISR",), ("LBN",))]),
    ("Israel reimposed a curfew in Hebron.", [("COERCE", "curfew", ("ISR",), ())]),
    ("Turkey imposed a naval blockade on Syria.", [("COERCE", "restrict", ("TUR",), ("SYR",))]),
    # ASSAULT: a ceasefire violated (CAMEO 196)
    ("Azerbaijan violated the ceasefire with Armenia.", [("ASSAULT", None, ("AZE",), ("ARM",))]),
    ("Russia breached the truce with Ukraine.", [("ASSAULT", None, ("RUS",), ("UKR",))]),
    ("Turkey accused Russia of violating the ceasefire.", [("ACCUSE", "allege", ("TUR",), ("RUS",))]),
    ("Israel did not violate the truce with Hamas.", []),
    ("Pakistan violated the ceasefire with India.", [("ASSAULT", None, ("PAK",), ("IND",))]),
    ("Thailand breached the armistice with Cambodia.", [("ASSAULT", None, ("THA",), ("KHM",))]),
    # AID: material sent; REQUEST: a demand of an act by another
    ("Japan delivered relief material to the Philippines.", [("AID", None, ("JPN",), ("PHL",))]),
    # RETREAT: third parties let in (CAMEO 086: observers, inspectors, aid deliveries)
    ("Syria permitted the delivery of aid to Lebanon.", [("RETREAT", "access", ("SYR",), ("LBN",))]),
    ("Iraq allowed inspectors of the United Nations in.", [("RETREAT", "access", ("IRQ",), ("UNO",))]),
    ("Iran released three French nationals.", [("RETREAT", "release", ("IRN",), ("FRA",))]),
    ("China returned the seized vessel to Japan.", [("RETREAT", None, ("CHN",), ("JPN",))]),
    ("Sudan admitted observers from the EU.", [("RETREAT", "access", ("SDN",), ("EUR",))]),
    ("Iran refused to admit inspectors of the United Nations.", [("REJECT", "yield", ("IRN",), ("UNO",))]),
    # REQUEST: pressure on another; REJECT: reneging
    ("Britain pressured Iran to release the tanker.", [("REQUEST", None, ("GBR",), ("IRN",))]),
    ("Britain pushed Turkey to accept the deal.", [("REQUEST", "meet", ("GBR",), ("TUR",))]),
    ("The White House pushed for tax reform.", []),
    ("Venezuela reneged on its promise to Brazil.", [("REJECT", None, ("VEN",), ())]),
    ("Russia reneged on the deal.", [("REJECT", None, ("RUS",), ())]),
    ("Poland refused to admit observers from Russia.", [("REJECT", "yield", ("POL",), ("RUS",))]),
    ("Poland demanded an admission by Russia of its role.", [("REQUEST", None, ("POL",), ("RUS",))]),
    # SANCTION: a border, crossing or airspace closed to a side; RETREAT: reopened (not a country's own
    # borders closed or reopened to everyone)
    ("Pakistan closed its main border crossing with Turkey on Wednesday after two nights of fighting.",
     [("SANCTION", "discontinue", ("PAK",), ("TUR",))]),
    ("Canada closed its airspace to Russian aircraft.", [("SANCTION", "discontinue", ("CAN",), ("RUS",))]),
    ("Hungary sealed its border with Serbia.", [("SANCTION", "discontinue", ("HUN",), ("SRB",))]),
    ("China closed its borders during the pandemic.", []),
    ("Pakistan reopened the Torkham crossing with Turkey.", [("RETREAT", None, ("PAK",), ("TUR",))]),
    ("China took a major step toward reopening its borders.", []),
    # THREATEN: a promised response, forceful by its adverb (a reply to a letter is none)
    ("Serbia said it would respond symmetrically to Hungary's move.",
     [("THREATEN", None, ("SRB",), ("HUN",))]),
    ("China said it would respond firmly to Taiwan.", [("THREATEN", None, ("CHN",), ("TWN",))]),
    ("Germany will respond swiftly to France's letter.", []),
    # SANCTION: a side held "under" another's sanctions; joint training or exercises suspended
    ("Iran remains under U.S. sanctions.", [("SANCTION", "discontinue", ("USA",), ("IRN",))]),
    ("The United States suspended joint exercises with South Korea.",
     [("SANCTION", "discontinue", ("USA",), ("KOR",))]),
    # THREATEN: reserving the right to act (whom against, the article's context tells: comity.events.context)
    ("China reserves the right to take countermeasures.", [("THREATEN", None, ("CHN",), ())]),
    ("Japan reserves the right to defend itself.", []),
    # sanctions a side is "under", not a fronted "Under ..." of another clause
    ("Under U.S. sanctions, Iran cut its oil exports.", []),
    # ACCUSE: a predicate adjective of criticism; its copula's negation denies it
    ("France was critical of Russia.", [("ACCUSE", "disapprove", ("FRA",), ("RUS",))]),
    ("France has not been critical of Russia.", []),
    # SUPPORT: rallying behind or around a side (not a rally of protest)
    ("Qatar rallied behind Egypt.", [("SUPPORT", None, ("QAT",), ("EGY",))]),
    ("Poland and Romania rallied around Ukraine.", [("SUPPORT", None, ("POL", "ROU"), ("UKR",))]),
]


@pytest.mark.parametrize(("text", "expected"), TRIGGERS, ids=[c[0][:48] for c in TRIGGERS])
def test_trigger(parse, lexicon, text, expected):
    assert coded(parse, lexicon, text) == set(expected)


# Declared intentions: a conflictual act its doer announces as its own is a THREATEN; a bare future,
# one told by others, an announced retreat (a concession) and an announced deployment keep their type.
INTENT = [
    ("Canada said it would impose sanctions on Venezuela.", [("THREATEN", "relations", ("CAN",), ("VEN",))]),
    ("Mexico plans to impose tariffs on Cuba.", [("THREATEN", "relations", ("MEX",), ("CUB",))]),
    ("Poland vowed to expel Russian diplomats.", [("THREATEN", "expel", ("POL",), ("RUS",))]),
    ("Egypt announced that it is prepared to declare martial law.", [("THREATEN", "restrict", ("EGY",), ())]),
    ("Pakistan said it would boycott Indian goods.", [("THREATEN", "restrict", ("PAK",), ())]),
    ("Pakistan is ready to impose a blockade on India.", [("THREATEN", "restrict", ("PAK",), ("IND",))]),
    ("Canada will impose sanctions on Venezuela.", [("SANCTION", "discontinue", ("CAN",), ("VEN",))]),
    ("Analysts said Canada would impose sanctions on Venezuela.", [
        ("SANCTION", "discontinue", ("CAN",), ("VEN",)),
    ]),
    ("The EU is preparing sanctions against Russia.", [("SANCTION", "discontinue", ("EUR",), ("RUS",))]),
    ("Armenia said it would withdraw its troops from Azerbaijan.", [("CONCEDE", None, ("ARM",), ("AZE",))]),
    ("China said it would return the vessel to Japan.", [("CONCEDE", None, ("CHN",), ("JPN",))]),
    ("Syria is willing to withdraw its troops from Lebanon.", [("CONCEDE", None, ("SYR",), ("LBN",))]),
    ("Russia said it would send warships to the Philippines.", [("MOBILIZE", "weapons", ("RUS",), ())]),
    ("Israel said it would blockade Lebanon's ports.", [("THREATEN", "restrict", ("ISR",), ("LBN",))]),
    ("Canada said it would send relief material to Cuba.", [("AGREE", None, ("CAN",), ("CUB",))]),
    ("Japan said it would deliver relief material to Egypt.", [("AGREE", None, ("JPN",), ("EGY",))]),
    ("Britain said it would not impose sanctions on Iran.", []),
]


@pytest.mark.parametrize(("text", "expected"), INTENT, ids=[c[0][:48] for c in INTENT])
def test_declared_intention(parse, lexicon, text, expected):
    assert coded(parse, lexicon, text) == set(expected)


def test_bare_future_keeps_aux(parse, lexicon):
    text = "Canada will impose sanctions on Venezuela."
    (event,) = find_events(parse(text), fake_mentions(text), [], lexicon)
    assert event.event == "SANCTION" and "future" in event.aux


def test_every_new_family_has_four_rows():
    seen: dict[str, int] = {}
    for _, expected in TRIGGERS + INTENT:
        for row in expected:
            seen[row[0]] = seen.get(row[0], 0) + 1
    touched = {"AGREE", "SUPPORT", "CONCEDE", "AID", "ACCUSE", "REQUEST", "SANCTION", "MOBILIZE", "COERCE"}
    touched |= {"RETREAT", "REJECT", "ASSAULT"}
    assert {t for t in touched | {"THREATEN"} if seen.get(t, 0) < 4} == set()


# Acts recast by what governs them (comity.events.refuse): refusals are REJECT with the refused act's mode;
# a threat's mode is its content; a promise of harm is a threat; a noun a verb of ending takes is no event.
# Slots: 'of' actors, 'on' carriers, far particles, prepositions whose object was parsed as a clause subject.
RECAST = [
    ("Iran will not meet Britain's demands.", [("REJECT", "yield", ("IRN",), ("GBR",)),
                                               ("REQUEST", None, ("GBR",), ("IRN",))]),
    ("Venezuela did not accept Brazil's conditions.", [("REJECT", "yield", ("VEN",), ("BRA",))]),
    ("India and Pakistan failed to reach agreement on the dam.", [("REJECT", "meet", ("IND", "PAK"), ())]),
    ("Japan said it would not send troops to Iraq.", [("REJECT", "assist", ("JPN",), ("IRQ",))]),
    ("Washington said that lifting the sanctions on Cuba is out of the question.", [
        ("REJECT", "yield", ("USA",), ("CUB",)),
    ]),
    ("Japan did not send troops to Iraq.", []),
    ("Turkey threatened to expel the French ambassador.", [("THREATEN", "expel", ("TUR",), ("FRA",))]),
    ("Egypt said it would arrest two Russian nationals.", [("THREATEN", "arrest", ("EGY",), ("RUS",))]),
    ("Russia pledged to strike Kyiv.", [("THREATEN", "violence", ("RUS",), ("UKR",))]),
    ("Pakistan said it will boycott the summit unless India agrees to talks.", [
        ("THREATEN", "restrict", ("PAK",), ("IND",)),
        ("AGREE", None, ("IND",), ()),  # the condition, coded with aux hypothetical
    ]),
    ("Poland pledged to send tanks to Ukraine.", [("AGREE", None, ("POL",), ("UKR",))]),
    ("Qatar ended its mediation between Sudan and Egypt.", [
        ("SANCTION", "withdraw", ("QAT",), ("EGY", "SDN")),
    ]),
    ("The withdrawal of Russian forces from Syria began on Monday.", [
        ("RETREAT", "withdraw", ("RUS",), ("SYR",)),
    ]),
    ("Israel kept its troops on alert on Sunday.", [("MOBILIZE", "troops", ("ISR",), ())]),
    ("The United States issued a travel alert for Mexico.", []),
    ("Iran forced the United Nations mission out of the country.", [
        ("SANCTION", "expel", ("IRN",), ("UNO",)),
    ]),
    ("Putin is on a visit to China.", [("CONSULT", "visit", ("RUS",), ("CHN",))]),
    ("Armenia received a mission of observers from the United Nations.", [
        ("RETREAT", "access", ("ARM",), ("UNO",)),
    ]),
    ("Canada sent a contingent of peacekeepers to Sudan.", [("AID", None, ("CAN",), ("SDN",))]),
    ("Russian and Ukrainian negotiators returned to Istanbul for talks.", [
        ("CONSULT", None, ("RUS", "UKR"), ()),
    ]),
    ("Thousands of Russians gathered for a concert in Moscow.", []),
    ("Canada granted asylum to five Russian army officers holed up in its embassy since May.", [
        ("AID", None, ("CAN",), ("RUS",)),
    ]),
    # taking in refugees is AID (manual, AID: asylum); defying a law or ban is REJECT (CAMEO 128)
    ("Turkey accepted 3,000 refugees from Syria.", [("AID", None, ("TUR",), ("SYR",))]),
    ("Poland will not take in any refugees.", [("REJECT", "assist", ("POL",), ())]),
    ("Iran defied the sanctions of the United Nations.", [("REJECT", "yield", ("IRN",), ("UNO",))]),
    ("Egypt issued a call for Israel to withdraw its troops from Lebanon.", [
        ("REQUEST", "yield", ("EGY",), ("ISR",)),
    ]),
    ("Trump sounded a call for the United States to accept more refugees.", []),
    ("Russia launched drones, missiles and artillery fire against Ukrainian cities.", [
        ("ASSAULT", "heavy-weapons", ("RUS",), ("UKR",)),
    ]),
]


@pytest.mark.parametrize(("text", "expected"), RECAST, ids=[c[0][:48] for c in RECAST])
def test_recast_and_slots(parse, lexicon, text, expected):
    assert coded(parse, lexicon, text) == set(expected)

"""Who speaks, as real news names its sources (issues 11 and 14): bodies across sentences ("it noted",
"the ministry said", "the country's defense ministry"), documents and their issuers, a body's own
spokesperson, outlets and groups the tagger takes for people, names of missions abroad, reported
clauses the parser breaks. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from comity.pipeline import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


def speakers_of(coder: Coder, text: str) -> list[str | None]:
    return [q.speaker for q in coder.code(text, "2024-03-05").quotes]


def profile(coder: Coder, text: str, name: str) -> tuple:
    speaker = next(s for s in coder.code(text, "2024-03-05").speakers if s.name == name)
    return speaker.org, speaker.country


# (text, speaker of each quote, in order)
SOURCES = [
    # "it" continues the subject of the main clause, not of a clause inside it, nor a body quoted
    ("The Norwegian Ministry of Defence says that the loss of six patrol boats is a small part of the "
     "fleet Russia has in the north. But it noted that the port is the main base of the fleet. \"The "
     "port is now degraded. The incident will prompt the Russian navy to revise its plans,\" it said.",
     ["Norwegian Ministry of Defence"] * 3),
    # "the ministry": the ministry that spoke or was named last, whatever the last word of its name
    ("The Latvian health ministry said two people were hurt. The Norwegian Ministry of Defence says "
     "that the fleet is smaller. The losses are heavy, it noted. The port will be rebuilt, it said. "
     "The damage will take years to repair, the ministry said.",
     ["Latvian health ministry", "Norwegian Ministry of Defence", "Norwegian Ministry of Defence",
      "Norwegian Ministry of Defence", "Norwegian Ministry of Defence"]),
    # "the country's": the state named in the sentence itself
    ("Missiles struck Qatar and Oman on Monday. Qatar's Defense Ministry said two missiles were "
     "intercepted. Three soldiers of Oman's army were hurt at the base, according to the country's "
     "defense ministry.",
     ["Qatar's Defense Ministry", "Oman's defense ministry"]),
    # a document's issuer named by its seat speaks as the text names it
    ("Macron called Scholz on Monday. According to a statement from the Elysee Palace, the two leaders "
     "agreed to meet in Berlin next week.", ["Elysee Palace"]),
    # a definite document with no issuer of its own: who spoke just before
    ("The offer was turned down, the Polish embassy in Britain said on Twitter. \"Poles are proud of "
     "their army,\" the tweet adds.", ["Polish embassy in Britain", "Polish embassy in Britain"]),
    # the statement goes on being quoted several sentences after it was issued
    ("The strikes hit three sites, U.S. Central Command said in a statement posted to X. The damage was "
     "light. Ships were moved to the north. Two drones were shot down. Most of the crew were safe. The "
     "port reopened at noon. The base was hit by \"several missiles and drones,\" according to the "
     "statement.", ["U.S. Central Command", "U.S. Central Command"]),
    # a body's own spokesperson (a definite description) speaks for it
    ("About 300 people gathered outside the court, the Tel Aviv Police spokesperson said.",
     ["Tel Aviv Police"]),
    # outlets and groups the tagger takes for people
    ("Kim arrived in Moscow on Monday, North Korean newspaper Minju Joson reported.", ["Minju Joson"]),
    ("Kurdish rights group Halabja Watch said the family was under pressure, adding that the police had "
     "threatened them.", ["Halabja Watch", "Halabja Watch"]),
    # "quoted X as saying"
    ("The readout quoted Ana Duarte as saying that Brazil would \"work with China to extend mutual "
     "support on trade.\"", ["Ana Duarte"]),
    # the speech verb right before a quotation, not the phrase after it, says whose words they are
    ("The mood was grim. Mara Quist stood up and said \"we have got to pray,\" according to Jo Roe, who "
     "was present.", ["Mara Quist"]),
    ("The mood was grim. Mara Quist said \"we must pray,\" and Ana Duarte said \"we must fight,\" according "
     "to Jo Roe, who was present.", ["Mara Quist", "Ana Duarte"]),
    # a clause the parser broke in two, and a condition fronted before the cue
    ("Rivera argued the treaty, signed in part by the last government, wasn't strong enough.", ["Rivera"]),
    ('If voters return him to office, Rivera said, "we will have saved the republic."',
     ["Rivera", "Rivera"]),
    # a cue closing its sentence, which the parser joined to the clause before it
    ("Zelensky has also turned down an offer of evacuation from Kyiv, the Polish embassy in Britain said "
     "on Monday.", ["Polish embassy in Britain"]),
]


@pytest.mark.parametrize(("text", "expected"), SOURCES)
def test_speakers(coder: Coder, text: str, expected: list[str | None]) -> None:
    assert speakers_of(coder, text) == expected


# (text, speaker, organisation, country)
BODIES = [
    ("In March, the Houthis claimed an attack on a tanker in the Red Sea.", "Houthis", "Houthis", "YEM"),
    ("Kim arrived in Moscow on Monday, North Korean newspaper Minju Joson reported.",
     "Minju Joson", "Minju Joson", "PRK"),
    ("IRNA reported that the Amirkabir University of Technology in Tehran has announced that classes "
     "will be held online.", "Amirkabir University of Technology", "Amirkabir University of Technology",
     "IRN"),
    ("The new unit \"will coordinate missile warning in the region,\" according to US Forces Japan.",
     "US Forces Japan", "US Forces Japan", "USA"),
    ("Most drones targeted Lviv, according to the city's military administration, which said 18 were "
     "shot down. Ivan Petrenko, head of the Lviv city military administration, said the schools would "
     "reopen.", "Lviv city military administration", "Lviv city military administration", "UKR"),
    ("The report was released on Monday, according to a report from the Korean Central News Agency.",
     "Korean Central News Agency", "Korean Central News Agency", "PRK"),
    ("About 300 people gathered outside the court, the Tel Aviv Police spokesperson said.",
     "Tel Aviv Police", "Tel Aviv Police", "ISR"),
]


@pytest.mark.parametrize(("text", "name", "org", "country"), BODIES)
def test_body_profile(coder: Coder, text: str, name: str, org: str, country: str) -> None:
    assert profile(coder, text, name) == (org, country)


def test_a_spokesman_of_a_body_stays_unnamed(coder: Coder) -> None:
    """"A State Department spokesman said": one of its staff, not the body's own voice (held-out gold)."""
    assert speakers_of(coder, "A State Department spokesman said Washington supported the plan.") == [None]


def test_the_dictionary_form_of_a_surname(coder: Coder) -> None:
    """Of two full names with one surname in the text, the one the dictionary knows."""
    text = ("Biden met with Bibi Netanyahu on Wednesday. Israeli Prime Minister Benjamin Netanyahu "
            "arrived late. Netanyahu said the talks were good.")
    assert speakers_of(coder, text) == ["Benjamin Netanyahu"]


def test_the_city_names_the_mayor(coder: Coder) -> None:
    """"the city's mayor X": the country of the city named just before."""
    text = "A tree in the center of Lviv was lit on Sunday, the city's mayor Andriy Sadovyi said on Telegram."
    coded = coder.code(text, "2024-03-05")
    assert next(s for s in coded.speakers if s.name == "Andriy Sadovyi").country == "UKR"


def test_a_legislator_takes_the_dateline(coder: Coder) -> None:
    """"Sen. X" with no state in a story filed from Washington."""
    text = "WASHINGTON - Sen. Paul Rennick left a briefing on Tuesday. \"It was sobering,\" Rennick said."
    coded = coder.code(text, "2024-03-05")
    assert next(s for s in coded.speakers if s.name == "Paul Rennick").country == "USA"


def quotes_of(coder: Coder, text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.content) for q in coder.code(text, "2024-03-05").quotes]


# (text, (speaker, content) of each quote, in order)
CLAUSES = [
    # a participle after the reported clause goes on with the reporting verb's speaker
    ("Kurdish rights group Halabja Watch said the family was under pressure, adding that the police had "
     "threatened them.",
     [("Halabja Watch", "the family was under pressure"),
      ("Halabja Watch", "the police had threatened them")]),
    # a purpose clause ("to write") and a trailing participle ("warning ...") interrupt nothing
    ("Rights group Halabja Watch said the family was pressured by the police to write that statement.",
     [("Halabja Watch", "the family was pressured by the police to write that statement")]),
    ("A few hours later, Ana Duarte echoed his remarks, warning that the war would not stop there.",
     [("Ana Duarte", "the war would not stop there")]),
    # the "that" clause after the cue, not a quoted title before it
    ("In a video titled \u201cdo not believe the fakes,\u201d Ana Duarte revealed that she was still in "
     "Lisbon.",
     [("Ana Duarte", "she was still in Lisbon")]),
    # a straight mark spaced off the comma closes a curly opening
    ("Mara Quist won the vote. \u201cWe need strong, proven leadership for every one of us, \" Quist said "
     "after the vote.", [("Mara Quist", "We need strong, proven leadership for every one of us")]),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_reported_clauses(coder: Coder, text: str, expected: list[tuple[str | None, str]]) -> None:
    assert quotes_of(coder, text) == expected

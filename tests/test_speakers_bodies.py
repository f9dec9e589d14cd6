"""Bodies as speakers: organisations and governments named by the words around an organisation word,
in apposition, by an acronym the text defines, or by a description after their name."""

from __future__ import annotations

import pytest

from comity.pipeline import Coder
from comity.quotes.bodies import fullest_body


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


# (text, speaker of the last quote)
BODIES = [
    ("The harbour was closed for two days, the Chilean government said on Monday.", "Chilean government"),
    ("The U.S. military announced that two drones had been shot down over the gulf.", "U.S. military"),
    ("Peru's national news agency, Andina, reported that the road had reopened.", "Andina"),
    ("The U.N.'s refugee agency, the United Nations High Commissioner for Refugees, said that 4,000 people "
     "had crossed the border.", "United Nations High Commissioner for Refugees"),
    ("The Centre for Coastal Research (CCR) is based in Lisbon. Its fishermen are worried, CCR said.",
     "Centre for Coastal Research"),
    ("The Department of Water Affairs ordered an inquiry. The wells were safe, the department said.",
     "Department of Water Affairs"),
    # a lower-case word inside a body's name; not the last ministry named elsewhere
    ("The Russian Defence Ministry denied it. Two people were hurt, the Crimean health ministry said.",
     "Crimean health ministry"),
    # an office's name is a body's, not a person's
    ("According to the U.N. High Commissioner for Refugees, 4,000 people had crossed the border.",
     "U.N. High Commissioner for Refugees"),
    # unnamed people of a named body, or their work, speak for it
    ("Analysts at the Lowy Institute said the drills were a warning.", "Lowy Institute"),
    ("Most voters back the plan, according to a survey by researchers at the University of Lagos.",
     "University of Lagos"),
    # a lower-case description before the name stays out of it
    ("The plan would cost $40 billion, the nonpartisan Congressional Budget Office said.",
     "Congressional Budget Office"),
]


@pytest.mark.parametrize(("text", "speaker"), BODIES)
def test_body_speakers(coder, text, speaker):
    coded = coder.code(text, "2025-05-07")
    assert coded.quotes and coded.quotes[-1].speaker == speaker
    assert speaker in {s.name for s in coded.speakers}


def test_state_of_a_possessive(coder):
    coded = coder.code("Kenya closed its airspace. Two soldiers were hurt, according to the country's "
                       "defence ministry.", "2025-05-07")
    assert [q.speaker for q in coded.quotes] == ["Kenya's defence ministry"]
    speaker = next(s for s in coded.speakers if s.name == "Kenya's defence ministry")
    assert speaker.country == "KEN"


# (short name, names in the article, fullest name)
FULLEST = [
    ("Air Force", ["Ukrainian Air Force"], "Ukrainian Air Force"),
    ("Ministry of Defence", ["UK Ministry of Defence"], "UK Ministry of Defence"),
    ("Air Force", ["Air Force One Trust Fund of the United States"], "Air Force"),
    ("Senate", ["Senate"], "Senate"),
]


@pytest.mark.parametrize(("name", "names", "expected"), FULLEST)
def test_fullest_body(name, names, expected):
    assert fullest_body(name, names) == expected


# (text, speaker of the last quote): a description with a state's modifier is that state's office holder
DESCRIPTIONS = [
    ("Kenyan President William Ruto met Tanzanian President Grace Mwansa. "
     "The talks were useful, the Kenyan president said.", "William Ruto"),
    ("Kenyan President William Ruto met Tanzanian President Grace Mwansa. "
     "The Tanzanian leader said that trade would double.", "Grace Mwansa"),
    ("Kenyan President William Ruto met Tanzanian President Grace Mwansa. "
     "The Kenyan President said the border would stay open.", "William Ruto"),
    ("Crown Prince Abdullah bin Faisal has insisted there can be no deal this year.", "Abdullah bin Faisal"),
    ("“We are ready to talk,” U.S. Ambassador to Chile John Ward told reporters.", "John Ward"),
    # the dictionary's office holder when the text gives no title
    ("Emmanuel Macron met Olaf Scholz in Berlin. The French president said the talks had gone well.",
     "Emmanuel Macron"),
    # "he" after a statement: the main clause's subject, not a person named inside what was said
    ("Omar Aziz, a banker in Dubai, said Paul Grant should resign.\n\n“It is a sad day for us,” he said.",
     "Omar Aziz"),
]


@pytest.mark.parametrize(("text", "speaker"), DESCRIPTIONS)
def test_described_person(coder, text, speaker):
    coded = coder.code(text, "2025-05-07")
    assert coded.quotes and coded.quotes[-1].speaker == speaker

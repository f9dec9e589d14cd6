"""Speaker profiles: a seat after an organisation, a title's organisation before it, a description's
state for the body it names, a subject in an organisation's name, news agencies' countries and the
party tag of members of the United States Congress."""

from __future__ import annotations

import pytest

from comity.pipeline import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


# (text, speaker, {field: value} the speaker's profile must give)
PROFILES = [
    ("Mark Zain, a national security lawyer who has sued the agency for years, said the files were old.",
     "Mark Zain", {"title": "national security lawyer"}),
    ("Tim Ricci, a former Secret Service agent who now runs a security firm, said the route was risky.",
     "Tim Ricci", {"title": "former Secret Service agent"}),
    ('"Demand has collapsed," said Ana Ruiz, a lecturer at the University of Porto in Portugal.',
     "Ana Ruiz", {"org": "University of Porto", "country": "PRT"}),
    ('"Talks will resume," said Ravi Menon, a fellow of China studies at the Gateway Institute in India.',
     "Ravi Menon", {"org": "Gateway Institute", "country": "IND"}),
    ('"The evidence is clear," White House press secretary Dana Cole said.',
     "Dana Cole", {"title": "press secretary", "org": "White House", "country": "USA"}),
    ("Sen. Mary Holt, D-Ore., said the aid bill would pass.", "Mary Holt", {"country": "USA"}),
    ("Rep. Tom Banks (R-Ind.) said the aid bill would fail.", "Tom Banks", {"country": "USA"}),
    ("Peru's national news agency, Andina, reported that the road had reopened.",
     "Andina", {"country": "PER"}),
    ("The fire was under control, the Bahrain News Agency reported.", "Bahrain News Agency",
     {"country": "BHR"}),
    ("The reef is dying, Lisbon University marine scientist Rita Costa said.", "Rita Costa",
     {"title": "marine scientist", "org": "Lisbon University", "country": "PRT"}),
    ('"We are worried," said US Ambassador to Chile John Ward.', "John Ward",
     {"title": "US Ambassador to Chile", "country": "USA"}),
    ("The U.S. Southern Command sent two ships. Capt. David Moss, a spokesperson for Southern Command, "
     "said the ships had arrived.", "David Moss", {"country": "USA"}),
    ("Governor of São Paulo state, Rita Lobo, said the floods were receding.", "Rita Lobo",
     {"country": "BRA"}),
    ('"We will spend more," NATO Secretary-General Jo Berg said. Berg, a former prime minister of Norway, '
     "left early.", "Jo Berg", {"title": "NATO Secretary-General"}),
    # "In Kabul, ...": the place opening the sentence is where an unqualified title holder speaks from
    ("ISLAMABAD - Pakistan closed the border.\n\nIn Kabul, the acting foreign minister's deputy, Amir Zaki, "
     "said the Taliban did not want war.", "Amir Zaki", {"country": "AFG"}),
    # "its": the subject of the sentence before owns the title
    ("Estonia sided with Finland on Monday. Its foreign minister, Kaja Tamm, said the arrest was a "
     "provocation.", "Kaja Tamm", {"title": "foreign minister", "country": "EST"}),
    ("The Taliban administration in Kabul gave a different account. Its chief spokesman, Zabi Karimi, "
     "said the jets had bombed a village.", "Zabi Karimi", {"org": "Taliban", "country": "AFG"}),
]


@pytest.mark.parametrize(("text", "name", "fields"), PROFILES)
def test_profile(coder, text, name, fields):
    coded = coder.code(text, "2025-05-07")
    speaker = next(s for s in coded.speakers if s.name == name)
    assert {key: getattr(speaker, key) for key in fields} == fields


# (text, speaker): no country from the subject an organisation studies, nor from a tag that is not one
NO_COUNTRY = [
    ('"Trade is slowing," said Li Wen, director of the Center for Japanese Studies.', "Li Wen"),
    ("Dr. Mary Holt, Director of Surgery, said the ward had reopened.", "Mary Holt"),
]


@pytest.mark.parametrize(("text", "name"), NO_COUNTRY)
def test_no_country(coder, text, name):
    coded = coder.code(text, "2025-05-07")
    speaker = next(s for s in coded.speakers if s.name == name)
    assert speaker.country is None

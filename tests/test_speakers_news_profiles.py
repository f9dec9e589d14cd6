"""Speaker profiles as real news writes them (issues 11 and 14): titles with a participle, an
affiliation running on in lower case or held by an institution, a seat in apposition, a place "in"
a title, a party tag before an apposition, a list that is no apposition, names with combining
accents. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from comity.pipeline import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


def profile(coder: Coder, text: str, name: str) -> tuple:
    coded = coder.code(text, "2025-06-24")
    speaker = next(s for s in coded.speakers if s.name == name)
    return speaker.title, speaker.org, speaker.country


# (sentence, speaker, title, organisation, country)
PROFILES = [
    # a participle modifying the title's noun is part of the title
    ("The plan was unlikely to work, said Jane Roe, a visiting scholar at Georgetown University.",
     "Jane Roe", "visiting scholar", "Georgetown University", "USA"),
    # a name running on in lower case to an organisation word
    ("Ivan Petrenko, head of the Kyiv city military administration, said that the schools would reopen.",
     "Ivan Petrenko", "head", "Kyiv city military administration", "UKR"),
    ('"It was a mistake," said Sam Lowe, a former envoy in the Obama administration.',
     "Sam Lowe", "former envoy", "Obama administration", "USA"),
    # a party and state tag, then the apposition: the office first, the committee as the organisation
    ("Sen. Mary Quinn, D-Vt., the ranking member on the Armed Services committee, said the bill would pass.",
     "Mary Quinn", "Sen.", "Armed Services committee", "USA"),
    # a unit held by an institution: the institution is the affiliation, the unit stays in the title
    ('"The summit changed little," said Tom Reyes, a fellow with the Korea Project at the Brookings '
     "Institution.", "Tom Reyes", "fellow with the Korea Project", "Brookings Institution", "USA"),
    # the seat of an institution set beside it
    ("The talks will fail, said Kim Dae-ho, director of the Center for Japan Studies at the Asan Forum, "
     "a Seoul-based think tank.", "Kim Dae-ho", "director of the Center for Japan Studies", "Asan Forum",
     "KOR"),
    # a place "in" a title is the person's country, unless they are posted there
    ("A popular military blogger in Russia, Yuri Sokolov, said on Friday that the depot was sabotaged.",
     "Yuri Sokolov", "popular military blogger in Russia", None, "RUS"),
    # "head" is a title
    ("The head of Kenyan intelligence, Ruth Wanjiru, said the threat had grown.",
     "Ruth Wanjiru", "head of Kenyan intelligence", None, "KEN"),
    # a title with "co" before its role word
    ("The fund will grow, according to Ana Ruiz, a cofounder of the Lisbon-based Tejo Capital.",
     "Ana Ruiz", "cofounder", "Tejo Capital", "PRT"),
]


@pytest.mark.parametrize(("text", "name", "title", "org", "country"), PROFILES)
def test_profile(coder: Coder, text: str, name: str, title: str, org: str | None,
                 country: str | None) -> None:
    assert profile(coder, text, name) == (title, org, country)


def test_a_list_is_no_apposition(coder: Coder) -> None:
    """"with Rutte, the Ukrainian president and several European leaders": Rutte is none of them."""
    text = ("The president skipped a meeting with Halvorsen, the Polish president and several European "
            'leaders. "We will meet later," NATO Secretary-General Erik Halvorsen said.')
    title, _, _ = profile(coder, text, "Erik Halvorsen")
    assert title == "NATO Secretary-General"


def test_a_combining_accent_finds_the_dictionary(coder: Coder) -> None:
    """"Sa\u0301nchez" with a combining accent is the dictionary's Pedro Sánchez (Spain), not the
    dateline's state."""
    text = ("WASHINGTON - Spain objected. But Prime Minister Pedro Sa\u0301nchez said 5% was out of the "
            "question.")
    _, _, country = profile(coder, text, "Pedro Sa\u0301nchez")
    assert country == "ESP"

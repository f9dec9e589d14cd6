"""Non-English text is detected and reported, not coded; publication dates parse or fail clearly."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from comity.errors import InputError, LanguageError
from comity.text.language import check_english
from comity.text.normalize import article_id, as_date


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Außenminister sagte am Dienstag in Berlin, dass die Regierung die Gespräche mit Warschau "
         "fortsetzen werde, obwohl die Opposition dagegen ist.", "de"),
        ("Le ministre des Affaires étrangères a déclaré mardi à Paris que le gouvernement poursuivrait "
         "les négociations avec Madrid malgré l'opposition.", "fr"),
        ("El ministro de Asuntos Exteriores dijo el martes en Madrid que el gobierno continuará las "
         "conversaciones con Lisboa a pesar de la oposición.", "es"),
        ("Dem go chop everything wey dey for di table, na so dem talk am for di market yesterday "
         "morning.", "pcm"),
    ],
)
def test_other_languages_are_refused(text: str, lang: str) -> None:
    with pytest.raises(LanguageError) as info:
        check_english(text, "story.txt")
    assert info.value.code == "E030" and f"'{lang}'" in str(info.value) and "story.txt" in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister said on Tuesday that the government would continue talks with Warsaw "
        "despite objections from the opposition.",
        "Berlin und Paris",  # too short to judge: accepted
        "NATO, ASEAN and the EU met in Brussels; the UN observed.",
        # English full of West African names scores higher as Nigerian Pidgin; English is still likely
        "On Monday, Nigerian deputy trade minister Chukwuemeka Okafor summoned Benin's envoy Koffi Adjovi "
        "to complain of delays over the smuggling gangs.",
        "Nigerian governor Babatunde Adeyemi met Ghana's envoy Kwame Mensah to complain of inaction over "
        "the bandits.",
    ],
)
def test_english_and_short_texts_pass(text: str) -> None:
    check_english(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-05-07", date(2025, 5, 7)), ("2025-05-07T10:30:00Z", date(2025, 5, 7)),
     (datetime(2024, 2, 29, 23, 0), date(2024, 2, 29)), (date(2020, 1, 1), date(2020, 1, 1)),
     (None, None), ("", None)],
)
def test_as_date(value, expected) -> None:
    assert as_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "07/05/2025", "2025-13-01"])
def test_as_date_refuses(value: str) -> None:
    with pytest.raises(InputError) as info:
        as_date(value)
    assert info.value.code == "E025"


def test_article_id_ignores_white_space_only() -> None:
    assert article_id("Talks  resumed.\n") == article_id("Talks resumed.")
    assert article_id("Talks resumed.") != article_id("Talks stalled.")

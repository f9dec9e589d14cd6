"""Background acts get no date: an earlier act told only to place another one has no time of its own.

Every row is one sentence we wrote in the shape of a background mention seen on real news (or of a date
that must stay), coded by the whole pipeline with a publication date, and the records expected from it as
(type, date). A background act ("since Russia invaded", "after meeting the premier", "sanctions over the
invasion", "responded to her visit", "X, who met Y") used to take the publication date, or a time of the
clause it frames; it now has none (comity.events.background), unless its own phrase or clause gives one
("since Russia invaded on February 24"). The act of the main clause keeps its date.
"""

from __future__ import annotations

import pytest

from comity import Coder

PUBLISHED = "2025-11-09"  # a Sunday: Monday 3, Tuesday 4, Wednesday 5, Friday 7
WEEK = "2025-11-02/2025-11-09"  # an act told in the past with no time of its own (comity.events.undated)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def dates(coder: Coder, text: str, published: str = PUBLISHED) -> set[tuple]:
    return {(e.event, e.date) for e in coder.code(text, published).events}


BACKGROUND = [
    # a "since" clause or phrase
    ("Since Russia invaded Ukraine, analysts have compared Taiwan to Kyiv.", {("ASSAULT", None)}),
    ("Since invading Ukraine, Russia has faced sanctions from the European Union.", {("ASSAULT", None)}),
    # "after" / "before" with no time, in a sentence whose main clause is another act
    ("Two weeks after meeting the Chinese premier in Beijing, the Russian president invaded Ukraine.",
     {("CONSULT", None), ("ASSAULT", WEEK)}),
    ("Before Russia invaded Ukraine, Germany bought Russian gas.",
     {("ASSAULT", None), ("COOPERATE", WEEK)}),
    ("Kenya sent troops to Somalia after al-Shabaab attacked a Kenyan base.",
     {("AID", WEEK), ("ASSAULT", None)}),
    # the main clause's time is not the background act's own
    ("Egypt and Jordan held talks in Cairo on Thursday, a week after Israel struck Gaza.",
     {("CONSULT", "2025-11-06"), ("ASSAULT", None)}),
    # told as done on the day after the story's date: that day, no future act
    ("Egypt and Jordan held talks in Cairo on Monday.", {("CONSULT", "2025-11-10")}),
    ("Iran is calling for talks with Egypt, state media reported Monday.", {("REQUEST", "2025-11-10")}),
    ("Iran will hold talks with Egypt on Monday.", {("AGREE", "2025-11-10")}),  # told as to come
    ("Iran and Egypt are holding talks on Monday, officials said Sunday.", {("AGREE", "2025-11-10")}),
    # an act named by a noun that is only the cause or object of another clause
    ("Britain imposed sanctions over Russia's invasion of Ukraine.", {("ASSAULT", None)}),
    ("Tensions between China and Taiwan have reached new highs following the American speaker's visit to "
     "Taiwan.", {("CONSULT", None)}),
    ("Beijing responded to the Japanese premier's visit to Taipei with military drills.",
     {("CONSULT", None)}),
    ("The United Nations condemned Russia's invasion of Ukraine on Friday.",
     {("ACCUSE", "2025-11-07"), ("ASSAULT", None)}),
    # a relative clause in the past on a person
    ("Tsai Ing-wen, who met Nancy Pelosi during her visit, called the Chinese drills irresponsible.",
     {("CONSULT", None), ("ACCUSE", "2025-11-09")}),
    ("The Indian prime minister, who visited Moscow, criticized the sanctions imposed on Russia by "
     "Washington.",
     {("CONSULT", None)}),
    # an undatable mention merged with a mention told as news takes that one's date, in either order
    ("Qatar has already pledged to invest $10 billion in Egypt. Qatar pledged to invest $10 billion in "
     "Egypt, officials said.", {("AGREE", WEEK)}),
]

KEPT = [
    # a time of its own in the background phrase or clause
    ("Since Russia invaded Ukraine on February 24, analysts have compared Taiwan to Kyiv.",
     {("ASSAULT", "2025-02-24")}),
    ("After meeting the Chinese premier on Tuesday, the Russian president flew to Minsk.",
     {("CONSULT", "2025-11-04"), ("CONSULT", WEEK)}),
    ("The Pakistani premier flew to Kabul on Thursday after meeting the Iranian foreign minister on "
     "Wednesday.",
     {("CONSULT", "2025-11-06"), ("CONSULT", "2025-11-05")}),
    ("Following its withdrawal from Mali in August, France will cut aid to the region.",
     {("RETREAT", "2025-08")}),
    ("The Turkish president, who met Putin in Sochi on Tuesday, called for a ceasefire.",
     {("CONSULT", "2025-11-04")}),
    # not background: the main act, a present relative clause, a clause of place, an act not done
    ("Russia invaded Ukraine.", {("ASSAULT", WEEK)}),
    ("Russia is invading Ukraine.", {("ASSAULT", PUBLISHED)}),
    ("Erdogan, who is visiting Baghdad, urged Iraq to expel Kurdish rebels.",
     {("CONSULT", PUBLISHED), ("REQUEST", WEEK)}),
    ("Large protests broke out in Caracas on Wednesday, where Venezuelan police fired tear gas at Colombian "
     "demonstrators.", {("ASSAULT", "2025-11-05"), ("PROTEST", "2025-11-05")}),  # the protests: Venezuelans
    ("Serbia, which has not condemned the Russian invasion of Ukraine, buys Russian gas.",
     {("ACCUSE", None), ("COOPERATE", None), ("ASSAULT", None)}),  # a denied perfect, a habitual present
    ("Japan protested the Chinese coast guard's incursion into its waters.", {("ACCUSE", WEEK)}),
]


@pytest.mark.parametrize(("text", "expected"), BACKGROUND + KEPT)
def test_background_act_dates(coder: Coder, text: str, expected: set[tuple]) -> None:
    assert dates(coder, text) == expected


def test_background_act_on_another_publication_day(coder: Coder) -> None:
    """The publication date never dates a background act, whatever it is; nor the main act, which runs since
    then."""
    found = dates(coder, "Since Moscow attacked Kyiv, China has bought more Russian oil.", "2023-03-01")
    assert found == {("ASSAULT", None), ("COOPERATE", None)}



def test_a_user_events_file_extends_the_background_words(tmp_path) -> None:
    from comity import Config

    text = "Amid the Greek blockade of Cyprus, Turkey recalled its ambassador from Athens."
    extra = tmp_path / "events.json"
    extra.write_text('{"about": "a test file", "background_preps": ["amid"]}', encoding="utf-8")
    assert dates(Coder(), text) == {("SANCTION", WEEK), ("COERCE", WEEK)}
    assert dates(Coder(Config(event_files=(extra,))), text) == {("SANCTION", WEEK), ("COERCE", None)}

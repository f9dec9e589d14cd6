"""Article layout: headline, dateline, separators, headings and credits are not running text."""

from __future__ import annotations

import pytest

from comity.text.structure import find_parts, mask

BODY = "The two ministers met on Tuesday and agreed to expand joint exercises, officials said."


def kinds_and_text(text: str, title: str | None = None) -> list[tuple[str, str]]:
    return [(p.kind, text[p.span[0]:p.span[1]]) for p in find_parts(text, title)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Ministers agree on drills\n{BODY}", [("headline", "Ministers agree on drills")]),
        (f"{BODY}\n{BODY}", []),
        (f"PUTRAJAYA, Malaysia, July 28 (Reuters) - {BODY}",
         [("dateline", "PUTRAJAYA, Malaysia, July 28 (Reuters) - ")]),
        (f"WASHINGTON (AP) — {BODY}", [("dateline", "WASHINGTON (AP) — ")]),
        (f"NAIROBI, Kenya — {BODY}", [("dateline", "NAIROBI, Kenya — ")]),
        (f"Beijing, March 3 (Xinhua) -- {BODY}", [("dateline", "Beijing, March 3 (Xinhua) -- ")]),
        (f"{BODY}\n— — -\n{BODY}", [("separator", "— — -")]),
        (f"{BODY}\n***\n{BODY}", [("separator", "***")]),
        (f"{BODY}\nTrade tensions rise\n{BODY}", [("heading", "Trade tensions rise")]),
        # a heading may end on a quoted phrase; a sentence ends with punctuation inside the quote
        (f"{BODY}\nIran leader slams US, other 'old powers'\n{BODY}",
         [("heading", "Iran leader slams US, other 'old powers'")]),
        (f"{BODY}\nPence: 'Trump was wrong'\n{BODY}", [("heading", "Pence: 'Trump was wrong'")]),
        (f"{BODY}\nHe called the pact “ironclad.”\n{BODY}", []),
        (f"{BODY}\n“We will win,” he said, “and soon”\n{BODY}", []),
        (f"{BODY}\nJane Roe contributed to this report.",
         [("credit", "Jane Roe contributed to this report.")]),
        (f"{BODY}\nReporting by Ann Lee; Editing by Tom Hale",
         [("credit", "Reporting by Ann Lee; Editing by Tom Hale")]),
        (f"{BODY}\nAdditional reporting by Omar Said in Cairo.",
         [("credit", "Additional reporting by Omar Said in Cairo.")]),
        # a short line that ends a sentence is body text, not a heading
        (f"{BODY}\nHe declined to comment.\n{BODY}", []),
        # a line introducing a block quote is body text
        (f"{BODY}\nThe minister continued:\n{BODY}", []),
        # a sentence in capitals inside the body is not a dateline
        (f"{BODY}\n{BODY}\nNATO - the alliance - met again.", []),
    ],
)
def test_parts(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_and_text(text) == expected


def test_title_given_marks_first_line_even_with_a_full_stop() -> None:
    text = f"Leaders meet in Oslo.\n{BODY}"
    assert kinds_and_text(text, title="Leaders meet in Oslo.") == [("headline", "Leaders meet in Oslo.")]


def test_mask_keeps_offsets_and_newlines() -> None:
    text = f"Ministers agree on drills\nPARIS (AP) — {BODY}\nJo Bell contributed to this report."
    parts = find_parts(text)
    masked = mask(text, parts)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert BODY in masked
    assert "Ministers" not in masked and "PARIS" not in masked and "contributed" not in masked


def test_empty_text_has_no_parts() -> None:
    assert find_parts("") == ()
    assert find_parts("\n\n  \n") == ()


# Furniture of published news, as found in real CNN and USA Today pages: each line is masked
# whole (or, for a dateline, its prefix), with its kind.
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Antonio Scorza/AFP/Getty Images Russian President Vladimir Putin talks to Lula.", "caption"),
        ("Lady Susan Hussey was at the center of the royals' inner circle. Max Mumby/Indigo/Getty Images",
         "caption"),
        ("Kogi residents use canoes as flood waters submerge roads. Fatai Campbell/AP", "caption"),
        ("Dan Kitwood/Getty Images", "caption"),
        ("Smoke rises from a Russian tank. ANATOLII STEPANOV/AFP via Getty Images", "caption"),
        ("Photos: Russia invades Ukraine Smoke rises from a military airport in Chuhuiv.", "caption"),
        ("AUSTIN, TEXAS - MAY 14: Former U.S. President Donald Trump speaks during the tour.", "caption"),
        ("PHOTO OF THE WEEK", "caption"),
        ("– Aysha Bagchi", "byline"),
        ("--Associated Press", "byline"),
        ("–Chris McKenna, USA TODAY Network", "byline"),
        ("- Joey Garrison and Maureen Groppe", "byline"),
        ("Jane Doe, USA TODAY", "byline"),
        ("By Jane Doe and Omar Said", "byline"),
        ("Special for USA TODAY", "byline"),
        ("Associated Press", "byline"),
        ("Contributing: Kim Hjelmgaard and Francesca Chambers, USA TODAY; Reuters", "credit"),
        ("Kayla Jimenez contributed.", "credit"),
        ("This story has been updated with additional information.", "credit"),
        ("Saman Shafiq is a trending news reporter for USA TODAY. Reach her at sshafiq@usatodayco.com and "
         "follow her on X @saman_shafiq7.", "credit"),
        ("Sign up for CNN’s Wonder Theory science newsletter. Explore the universe with news on discoveries.",
         "promo"),
        ("Editor’s Note: A version of this story appeared in CNN’s Meanwhile in China newsletter, a "
         "three-times-a-week update.", "promo"),
        ("Stay in the conversation on politics:Sign up for the OnPolitics newsletter", "promo"),
        ("USA TODAY TELEGRAM: Join our new Russia-Ukraine war channel to receive updates.", "promo"),
        ("More:Beirut strike kills suspect in 1983 bombings that killed 300 Americans", "link"),
        ("Post-flights overview:Revisiting DeSantis, Martha's Vineyard, and the migrant flight controversy",
         "link"),
        ("Cheney's speech:'I will not sit back': In fiery speech, Liz Cheney calls Trump a 'threat'", "link"),
        ("READ MORE: Meet the space trailblazers who empowered others to dream", "credit"),
        ("WATCH: Biden vows to veto attempts to ban abortion", "link"),
        ("JUST WATCHED Video shows eruption that caused tsunami waves Replay More Videos ... MUST WATCH "
         "Video shows eruption that caused tsunami waves 01:37", "link"),
        ("Updated 6:45 AM EDT, Tue May 3, 2022", "stamp"),
        ("Correction: An earlier version of this story misstated the date of the call.", "credit"),
        ("WASHINGTON, DC - NOVEMBER 21: U.S. President Joe Biden pardons Chocolate, the National "
         "Thanksgiving Turkey, as he is joined by the 2022 National Turkey Federation Chairman Ronnie Parker "
         "on the South Lawn of the White House November 21, 2022 in Washington, DC. Chocolate, and the "
         "alternate, Chip, were raised at Circle S. Ranch, outside of Charlotte, North Carolina, and will "
         "reside on the campus of North Carolina State University following today's ceremony. (Photo by Win "
         "McNamee/Getty Images) Win McNamee/Getty Images", "caption"),
        ("Jan. 25, 2025 Updated Jan. 27, 2025, 11:43 a.m. ET", "stamp"),
    ],
)
def test_furniture_lines_are_masked_whole(line: str, kind: str) -> None:
    assert kinds_and_text(f"{BODY}\n{line}\n{BODY}") == [(kind, line)]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (f"BEIRUT/AMMAN, May 3 (Reuters) - {BODY}", "BEIRUT/AMMAN, May 3 (Reuters) - "),
        (f"Washington CNN —\n{BODY}", "Washington CNN —"),
        (f"Kyiv and Lviv, Ukraine CNN —\n{BODY}", "Kyiv and Lviv, Ukraine CNN —"),
        (f"CNN —\n{BODY}", "CNN —"),
        (f"Seoul, South Korea CNN — {BODY}", "Seoul, South Korea CNN — "),
        (f"JACKSON, Wyo. – {BODY}", "JACKSON, Wyo. – "),
        (f"WASHINGTON − {BODY}", "WASHINGTON − "),
    ],
)
def test_wire_and_cnn_datelines(text: str, dateline: str) -> None:
    assert kinds_and_text(text) == [("dateline", dateline)]


# Running text that looks like furniture stays body text.
@pytest.mark.parametrize(
    "line",
    [
        "Beirut, the capital, was quiet on Sunday as talks resumed, officials said.",
        "Washington and Beijing agreed to resume talks, CNN reported.",
        "“We will not back down,” the minister told Reuters on Tuesday.",
        "The ministry updated its guidance at 9:30 a.m. on Monday, officials said.",
        "Updated figures released at 10:00 on Monday showed the death toll had risen to 40.",
        "According to the Suffolk/USA TODAY poll, 57% of voters disapprove of his job performance.",
        "Our Suffolk University/USA TODAY national poll suggests the crisis could be a distraction.",
        "In a post on a Substack newsletter, the activist said he would keep protesting.",
        "Their families don’t sign up for this, the senator said of the threats.",
        "The senator told reporters: “We will vote on Friday.”",
        "Trump wrote on Truth Social that the deal was done, and aides confirmed it.",
        "Drought and heat contributed to the crop failure, the report said.",
        "The ministry said people can reach the hotline at help@example.org for advice.",
    ],
)
def test_running_text_is_not_masked(line: str) -> None:
    assert kinds_and_text(f"{BODY}\n{line}\n{BODY}") == []


# A live blog's entry stamps, as the corpus's USA TODAY live updates print them before each entry's headline.
@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("4:54 pm ET March 16, 2026 Share this update Oil stabilizes, stock market rises: Why it matters",
         "4:54 pm ET March 16, 2026 Share this update "),
        ("12:34 am ET March 1, 2026 Share this update Trump warns Iran against retaliatory strikes",
         "12:34 am ET March 1, 2026 Share this update "),
        ("11:48 pm ET February 28, 2026 Share this update Loud bangs heard in Dubai",
         "11:48 pm ET February 28, 2026 Share this update "),
    ],
)
def test_live_blog_entry_stamps_are_masked(line: str, stamp: str) -> None:
    assert kinds_and_text(f"{BODY}\n{line}\n{BODY}") == [("stamp", stamp)]


def test_a_time_in_running_text_is_no_stamp() -> None:
    line = "At 4:54 pm ET on March 16, 2026 the minister said he would share this update with allies."
    assert kinds_and_text(f"{BODY}\n{line}\n{BODY}") == []


# Photo galleries as CNN pages run them into one line (the corpus has 776 such lines in 25 articles): from
# the "Photos:" label, or the first "Hide Caption", to the end of the line.
@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Photos: 70 years ago, Queen Elizabeth II took the throne When her father died in 1952, Elizabeth II"
         " became the Queen. Hide Caption 1 of 16 Photos: 70 years ago, Queen Elizabeth II took the throne",
         None),
        ("Hide Caption 27 of 30 Photos: WNBA Star Brittney Griner Griner arrives to a hearing on June 27."
         " Hide Caption 28 of 30", None),
        ("The vote is the latest blow against the premier. Photos: A premiership in pictures The premier"
         " meets the press. Hide Caption 1 of 9", "Photos: A premiership in pictures The premier meets the"
         " press. Hide Caption 1 of 9"),
    ],
)
def test_photo_galleries_are_masked(line: str, caption: str | None) -> None:
    assert kinds_and_text(f"{BODY}\n{line}\n{BODY}") == [("caption", caption or line)]


def test_a_dateline_before_a_gallery_on_its_line_is_still_masked() -> None:
    line = ("LONDON (CNN) — The Queen spoke on Sunday. Photos: A reign in pictures The Queen in 1952. "
            "Hide Caption 1 of 16")
    assert kinds_and_text(f"{line}\n{BODY}") == [
        ("dateline", "LONDON (CNN) — "),
        ("caption", "Photos: A reign in pictures The Queen in 1952. Hide Caption 1 of 16")]


def test_a_caption_named_in_running_text_is_no_gallery() -> None:
    line = "Officials said the photos would be released once the minister signs the order on Monday."
    assert kinds_and_text(f"{BODY}\n{line}\n{BODY}") == []

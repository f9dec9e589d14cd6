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

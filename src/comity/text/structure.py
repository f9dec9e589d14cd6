"""An article's layout: which lines are running text and which are not.

News text carries parts that are neither statements nor events: the headline,
a wire dateline ("PUTRAJAYA, Malaysia, July 28 (Reuters) -"), section
separators ("— — -", "***"), section headings ("Areas of tension"), credit
lines ("Jane Doe contributed to this report.", "Editing by …") and the page
furniture of published news that :mod:`comity.text.boilerplate` recognises
(photo captions, bylines, newsletter promos, related-story links, "Updated …"
stamps, a live blog's entry stamps: "4:54 pm ET March 16, 2026 Share this update"), and photo
galleries run into a line ("Photos: … Hide Caption 1 of 16 Photos: …"). They are found here,
from the text alone, and masked before parsing
so that no later stage reads a quote or an event from them. Masking keeps
every character offset.

Datelines: a place in capitals, one or several ("BEIRUT/AMMAN"), with an
optional country, date and agency ("BEIRUT/AMMAN, May 3 (Reuters) -"); a place
in any case with an agency ("Beijing, March 3 (Xinhua) --"); or CNN's opener,
a place and "CNN —" ("Seoul, South Korea CNN —", "Kyiv and Lviv, Ukraine CNN —"),
alone on its line or before the first sentence.
"""

from __future__ import annotations

import re

from comity.records import Part
from comity.text.boilerplate import line_kind

_SEPARATOR = re.compile(r"^[\s\-—–_*=~#•·.]+$")
_CREDIT = re.compile(
    r"(contributed (?:reporting|to this (?:report|story|article))|^\(?\s*(?:additional )?"
    r"(?:reporting|writing|editing|compiled|translated|additional reporting) by\b"
    r"|^(?:photo|image|video)(?: credit)?:|^(?:read more|related|advertisement|follow us)\b)",
    re.IGNORECASE,
)
_AGENCY = r"\((?:[A-Z][\w.&' ]{0,30})\)"
_PLACE = r"[A-Z][A-Z.'’\-/ ]*[A-Z.]"  # a place in capitals: WASHINGTON, NEW DELHI, BEIRUT/AMMAN
_WHERE = r"(?:,\s[A-Z][\w.'’ ]{1,30}?){0,2}"  # ", Malaysia"
_WHEN = r"(?:,?\s[A-Z][a-z]{2,8}\.?\s\d{1,2})?"  # ", July 28"
_DATELINE = re.compile(
    rf"^(?:{_PLACE}{_WHERE}{_WHEN}\s*(?:{_AGENCY})?"  # capitals, agency optional
    rf"|[A-Z][\w.'’\-/ ]{{1,30}}?{_WHERE}{_WHEN}\s*{_AGENCY}"  # any case, agency required
    rf"|(?:[A-Z][\w.'’\- ]{{1,40}}?{_WHERE}\s)?CNN(?: Business)?)"  # CNN's opener: "Washington CNN —"
    r"\s*[—–−‒\-]{1,2}(?:\s+|$)"
)
# a live blog's entry stamp, before the entry's own headline: "4:54 pm ET March 16, 2026 Share this update"
_LIVE_STAMP = re.compile(
    r"^\d{1,2}:\d{2}\s?[ap]\.?m\.?\s(?:[A-Z]{2,4}\s)?[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s+Share this update\s*"
)
# a photo gallery run into one line: "Photos: <title> <caption> Hide Caption 1 of 16 Photos: <title> …"; from
# its label (or its first "Hide Caption") to the end of the line, after running text or alone
_GALLERY = re.compile(r"(?:^|(?<=\s))(?:Photos?:\s|Hide Caption \d+ of \d+).*Hide Caption \d+ of \d+.*$"
                      r"|^Hide Caption \d+ of \d+.*$")
_END_PUNCT = tuple(".!?\"”’'…:;,")
_CLOSING_QUOTES = "\"”’'"
_MAX_HEADING_WORDS = 12
_MAX_HEADLINE_WORDS = 30


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _is_heading(line: str) -> bool:
    """A short capitalised line that does not end a sentence. A closing quote ends a
    sentence only after punctuation ('… “ironclad.”'); a heading may end on a
    quoted phrase ("Iran leader slams US, other 'old powers'", "Pence: 'President
    Trump was wrong'")."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > _MAX_HEADING_WORDS or _ends_sentence(stripped):
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


def _ends_sentence(line: str) -> bool:
    body = line.rstrip(_CLOSING_QUOTES)
    if body != line:
        return not body or body.endswith(_END_PUNCT)
    return line.endswith(_END_PUNCT)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_parts(text: str, title: str | None = None) -> tuple[Part, ...]:
    """The non-body parts of ``text`` in order."""
    lines = [_strip_span(text, s, e) for s, e in _lines(text)]
    filled = [(s, e) for s, e in lines if e > s]
    parts: list[Part] = []
    if not filled:
        return ()
    first = filled[0]
    headline = text[first[0] : first[1]]
    is_title = bool(title) and headline.strip() == title.strip()
    if len(filled) > 1 and (is_title or (
            _is_heading_like_headline(headline) and not _DATELINE.match(headline))):
        parts.append(Part("headline", first))
        filled = filled[1:]
    body_seen = 0
    for index, (start, end) in enumerate(filled):
        line = text[start:end]
        last = index == len(filled) - 1
        gallery = _GALLERY.search(line)
        if gallery and gallery.start() == 0:
            parts.append(Part("caption", (start, end)))
            continue
        tail = None
        if gallery:  # running text, then a gallery: the text is read as any line, the gallery masked
            tail = (start + gallery.start(), end)
            line, end = line[:gallery.start()].rstrip(), tail[0]
        if _SEPARATOR.match(line):
            parts.append(Part("separator", (start, end)))
        elif _CREDIT.search(line) and len(line.split()) <= 25:
            parts.append(Part("credit", (start, end)))
        elif kind := line_kind(line):
            parts.append(Part(kind, (start, end)))
        elif not last and body_seen and _is_heading(line):
            parts.append(Part("heading", (start, end)))
        else:
            if body_seen < 2 and (match := _DATELINE.match(line)):
                parts.append(Part("dateline", (start, start + match.end())))
            elif match := _LIVE_STAMP.match(line):  # a live blog's entry: its time stamp
                parts.append(Part("stamp", (start, start + match.end())))
            body_seen += 1
        if tail is not None:
            parts.append(Part("caption", tail))
    return tuple(parts)


def _is_heading_like_headline(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped.split()) <= _MAX_HEADLINE_WORDS and not stripped.endswith(tuple(".!?…"))


def mask(text: str, parts: tuple[Part, ...]) -> str:
    """``text`` with every part blanked to spaces (newlines kept), offsets unchanged."""
    if not parts:
        return text
    chars = list(text)
    for part in parts:
        for i in range(*part.span):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)

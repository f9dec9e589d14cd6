"""Whole lines of page furniture that published news carries around the story.

Each rule below recognises one kind of line that is not running text, by its
shape alone (never by one article's words). :func:`line_kind` returns the
part kind for a line, or ``None`` for running text. The rules are deliberately
narrow: a line is only furniture when its shape says so — a sentence of the
story that mentions Reuters, a newsletter or an update stays body text.

Kinds: ``caption`` (a photo caption or credit), ``byline`` (an author line or
a live blog's sign-off), ``credit`` (contributors, an author's contact note),
``promo`` (a newsletter or subscription pitch), ``link`` (a related-story
link or a video player's clip title), ``stamp`` (an "Updated …" time stamp).
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w.'’\-]*(?:\s(?:[a-z]{1,3}\s)?[A-Z][\w.'’\-]*){0,4}"  # Jan M. Olsen, Daniel de Visé
_PHOTO_AGENCY = (
    r"(?:Getty Images|AFP|AP|Reuters|Bloomberg|EPA(?:-EFE)?|Shutterstock|Sipa(?: USA)?|Anadolu(?: Agency)?"
    r"|NurPhoto|SOPA Images|LightRocket|Pool|ZUMA(?: Press| Wire)?|Xinhua|Kyodo|Alamy|USA TODAY(?: Network)?"
    r"|Imagine China|AAP|Handout|CNN|Planet Labs(?: PBC)?|Maxar Technologies|Future Publishing|Corbis)"
)
# Rule caption-credit: a photo credit "Name/Agency" ("Dan Kitwood/Getty Images",
# "Jonathan Brady/WPA Pool/Getty Images", "Courtesy of Cheetah Conservation Fund/Reuters")
# anywhere in a line marks the whole line as a caption: the credit sits at its
# start or its end and the rest of the line describes the picture.
# The credit ends the line or is followed by the caption's capital, "via" or
# "for"; "the Suffolk/USA TODAY poll" (lower case after it) is running text.
_PHOTO_CREDIT = re.compile(
    rf"(?:^|\s){_NAME}(?:/[A-Z][\w.&'’\- ]*?)*/{_PHOTO_AGENCY}(?=\.?$|\s+(?:[A-Z]|via\b|for\b))"
)
# Rule caption-label: a gallery or picture label opens the line ("Photos: Russia
# invades Ukraine …", "Photo of the day") or an agency caption heading in
# capitals ("WASHINGTON, DC - OCTOBER 20: House Minority Whip …").
_CAPTION_LABEL = re.compile(
    r"^(?:photos?(?: of the (?:day|week))?\s*(?::|$)|(?:image|video|photo) (?:credit|courtesy)\b"
    r"|[A-Z][A-Z.,' ]+ - [A-Z]+ \d{1,2}(?:, \d{4})?:\s)",
    re.IGNORECASE,
)
_OUTLET = (
    r"(?:USA TODAY(?: Network)?(?:[-\w ]+)?|CNN(?: Business| Wire)?|(?:The )?Associated Press|AP|Reuters|AFP"
    r"|Bloomberg)"
)
# Rule byline: an author line — "By Jane Doe", "Jane Doe, USA TODAY",
# "Special for USA TODAY", or an agency named alone ("Associated Press").
_BYLINE = re.compile(
    rf"^(?:By\s{_NAME}(?:(?:,| and)\s{_NAME})*(?:,\s{_OUTLET})?|{_NAME}(?:(?:,| and)\s{_NAME})*,\s{_OUTLET}"
    rf"|Special (?:for|to) {_OUTLET}|{_OUTLET})\.?$"
)
# Rule sign-off: a live blog entry's closing signature, a dash and a name
# ("– Aysha Bagchi", "--Associated Press", "–Chris McKenna, USA TODAY Network").
_SIGN_OFF = re.compile(rf"^[–—\-−‒]{{1,2}}\s*{_NAME}(?:,\s{_OUTLET})?\.?$")
# Rule contributors: "Contributing: Jane Doe, USA TODAY; Reuters", "Kayla
# Jimenez contributed.", "Associated Press writers … contributed."
_CONTRIBUTORS = re.compile(
    r"^contributing\s*:|\bcontributed(?: reporting)?\.?$"
    r"|^this (?:story|article|report) (?:has been|was|will be) updated\b"
    r"|^(?:correction|clarification)\s*:",
    re.IGNORECASE,
)
# Rule contact: an author's contact note — an e-mail address or a social
# handle with "reach/follow/email" ("Reach her at sshafiq@… and follow her on X @…").
_CONTACT_CUE = re.compile(
    r"\b(?:(?:[Rr]each|[Ff]ollow|[Ee]-?mail|[Cc]ontact|[Ww]rite to)\s+(?:him|her|them|me|us|[A-Z]\w+)"
    r"|can be reached)\b"
)
_HANDLE = re.compile(r"[\w.\-]+@[\w\-]+\.\w+|(?:^|\s|at)@\w{2,}")
# Rule promo: a newsletter or subscription pitch ("Sign up for CNN’s Wonder
# Theory science newsletter.", "Get the news in your inbox:Sign up …",
# "A version of this story appeared in CNN’s Meanwhile in China newsletter").
_PROMO = re.compile(
    r"\bsign up\b[^.]*\b(?:newsletter|inbox|here|edition|updates)\b|\bin your inbox\b"
    r"|\bversion of this story appear(?:s|ed)\b"
    r"|\bsubscri(?:be|ption)\b[^.]*\b(?:newsletter|unlimited access)\b"
    r"|\bjoin our\b[^.]*\bchannel\b",
    re.IGNORECASE,
)
# Rule link: a related-story link, a short label glued to a headline by a colon
# ("More:Beirut strike kills suspect …", "Post-flights overview:Revisiting …"),
# or a known link label ("Read more: …", "RELATED: …", "WATCH: …").
_GLUED_LINK = re.compile(r"^[A-Z0-9][\w'’ ,&.\-]{1,45}[a-z)A-Z]:[A-Z0-9\"'‘“$]")
# Rule player: a video player's furniture, the clip's title between its controls ("JUST WATCHED
# <title> Replay More Videos ... MUST WATCH <title> 02:12").
_PLAYER = re.compile(r"^JUST WATCHED\b.*\bReplay More Videos\b|\bMUST WATCH\b.*\b\d{1,2}:\d{2}$")
_LINK_LABEL = re.compile(r"^(?:more|related(?: stories| coverage)?|read more|also read|see also|watch|listen"
                         r"|read|opinion|latest)\s*:", re.IGNORECASE)
# Rule stamp: a publication or update time stamp ("Updated 6:45 AM EDT, Tue May 3,
# 2022", "Jan. 25, 2025 Updated Jan. 27, 2025, 11:43 a.m. ET").
_STAMP_TOKEN = r"(?:[A-Z][a-z]{1,8}\.?,?|\d{1,4}(?::\d{2})?,?|[ap]\.m\.|[AP]M,?|[A-Z]{2,4},?)"
_STAMP = re.compile(
    rf"^(?:[A-Z][a-z]{{2,8}}\.? \d{{1,2}}, \d{{4}}\s+)?(?:Updated|UPDATED|Published|PUBLISHED|Posted)\s*:?"
    rf"(?:\s+{_STAMP_TOKEN}){{1,10}}(?:\s+/\s+{_NAME})?$"
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_MAX_FURNITURE_WORDS = 60
_MAX_FURNITURE_CHARS = 1_000  # furniture is short; a longer line is running text
_MAX_SHORT_WORDS = 12


def line_kind(line: str) -> str | None:
    """The furniture kind of one stripped line, or ``None`` when it is running text."""
    words = len(line.split())
    if _long_agency_caption(line, words):
        return "caption"
    if not words or words > _MAX_FURNITURE_WORDS or len(line) > _MAX_FURNITURE_CHARS:
        return None  # the length bound keeps the searches below linear on a run-on line
    if _PHOTO_CREDIT.search(line) or _CAPTION_LABEL.match(line):
        return "caption"
    if words <= _MAX_SHORT_WORDS and (_SIGN_OFF.match(line) or _BYLINE.match(line)):
        return "byline"
    if _STAMP.match(line) and _CLOCK.search(line):
        return "stamp"
    return _other_kind(line, words)


def _long_agency_caption(line: str, words: int) -> bool:
    """An agency's long caption: its "CITY - MONTH DD:" heading and its photo credit at the end."""
    if words <= _MAX_FURNITURE_WORDS or len(line) > 2 * _MAX_FURNITURE_CHARS:
        return False
    return bool(_CAPTION_LABEL.match(line)) and _PHOTO_CREDIT.search(line[-120:]) is not None


def _other_kind(line: str, words: int) -> str | None:
    if _CONTRIBUTORS.search(line) and (words <= 40 or line.lower().startswith("contributing")):
        return "credit"
    if _HANDLE.search(line) and _CONTACT_CUE.search(line):
        return "credit"
    if _PROMO.search(line):
        return "promo"
    if _LINK_LABEL.match(line) or (_GLUED_LINK.match(line) and not line.endswith(('"', "”"))):
        return "link"
    if _PLAYER.search(line):
        return "link"
    return None

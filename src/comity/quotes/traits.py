"""A speaker's country and sector, from the actor dictionary and the profile read in the text.

Order of evidence for a person: the actor dictionary's entry for a known
office holder; the seat of their organisation (a "Sydney-based" institute, a
known institution, a country named in the organisation's name); a demonym,
"of X" or possessor in their title ("Russian President", "the president's
envoy"). For an organisation: the dictionary, then its name (the first country
it names: "US Forces Korea" is American). A government, military, police or
legislative title the text leaves without a state ("police spokesman X", "Sen.
X") is the dateline's state's. Names are looked up in Unicode's composed form.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Protocol

from comity.quotes.cues import CueLexicon
from comity.quotes.profiles import Profile, role_sector
from comity.records import Entity, Speaker
from comity.records import Span as CharSpan
from comity.text.document import Parsed

STATE_KINDS = ("country",)
ORG_KINDS = ("igo", "org", "group", "country")
HOME_SECTORS = ("GOV", "MIL", "COP", "LEG")  # titles a report leaves unqualified for the dateline's state


class ActorLookup(Protocol):
    """What the speaker stage needs from the actor stage's ActorIndex."""

    def resolve(self, text: str, on: date | None = None) -> Entity | None: ...

    def country_of_place(self, name: str) -> str | None: ...

    def person(self, name: str, on: date | None = None) -> Entity | None: ...


class ComposedLookup:
    """An :class:`ActorLookup` asked in Unicode's composed form: a name the text writes with a
    combining accent ("Sa\u0301nchez") is the dictionary's "Sánchez"."""

    def __init__(self, index: ActorLookup) -> None:
        self.index = index

    def resolve(self, text: str, on: date | None = None) -> Entity | None:
        return self.index.resolve(unicodedata.normalize("NFC", text), on)

    def country_of_place(self, name: str) -> str | None:
        return self.index.country_of_place(unicodedata.normalize("NFC", name))

    def person(self, name: str, on: date | None = None) -> Entity | None:
        return self.index.person(unicodedata.normalize("NFC", name), on)


class SpeakerBook(Protocol):
    """What these rules read of :class:`comity.quotes.speakers.SpeakerBook`."""

    parsed: Parsed
    index: ActorLookup
    lex: CueLexicon
    on: date | None

    def body_name(self, name: str, at: int) -> str: ...


def _country_entity(entity: Entity | None) -> str | None:
    if entity is None or not entity.code:
        return None
    return entity.code


def _known_org(name: str, book: SpeakerBook, whole: bool) -> tuple[str | None, str | None] | None:
    """The lexicon's seat and sector of an organisation named ``name`` (``whole``), or of one whose
    name ``name`` holds ("the Brookings Institution's Foreign Policy program")."""
    low = name.lower()
    for org, country, sector in book.lex.organisations:
        if org.lower() == low if whole else (len(org) > 6 and org.lower() in low):
            return country, sector
    return None


def _countries_in(name: str, book: SpeakerBook) -> str | None:
    """The first country named (or given by demonym) inside an organisation's name: its owner, not
    where it serves ("US Forces Korea", "British Embassy in Kyiv")."""
    for match in re.finditer(r"[A-Z][\w.-]+(?: [A-Z][\w.-]+)?", name):
        word = match.group(0)
        if name[:match.start()].split()[-1:] in (["for"], ["on"]):
            continue  # "Center for Chinese Studies", "Council on Foreign Relations": a subject, not a seat
        for part in (p for w in (word, *word.split()) for p in (w, w.replace(".", ""))):
            entity = book.index.resolve(part, book.on)
            if entity is not None and entity.kind in STATE_KINDS and entity.code:
                return entity.code
    return None


def _owner_code(name: str, book: SpeakerBook) -> str | None:
    """"U.N. High Commissioner for Human Rights", "NATO Parliamentary Assembly": the code of the
    international body whose name opens the organisation's."""
    words = name.split()
    if len(words) < 2:
        return None
    for first in (words[0], words[0].replace(".", "")):
        entity = book.index.resolve(first, book.on)
        if entity is not None and entity.kind == "igo" and entity.code:
            return entity.code
    return None


def _org_traits(name: str, places: list[str], book: SpeakerBook) -> tuple[str | None, str | None]:
    """Country and sector of an organisation from its seat, the lexicon or its name."""
    country = sector = None
    for place in places:
        country = country or book.index.country_of_place(place)
    entity = book.index.resolve(name, book.on)  # after the lexicon's own entry, before a part of the name
    known = [k for k in (_known_org(name, book, True),) if k is not None]
    if entity is not None and entity.kind in ORG_KINDS:
        known.append((entity.code, entity.sector))
    known += [k for k in (_known_org(name, book, False),) if k is not None]
    for seat, kind in known:
        country, sector = country or seat, sector or kind
    country = country or _countries_in(name, book) or _owner_code(name, book)
    if sector is None:
        words = dict(book.lex.org_words)
        sector = next((words[w] for w in reversed(name.lower().split()) if w in words), None)
    return country, sector


def _owning_body(owners: list[str], book: SpeakerBook) -> str | None:
    """"The EU's special envoy, X": the international body or organisation owning a title."""
    for owner in owners:
        entity = book.index.resolve(owner, book.on)
        if entity is not None and entity.kind in ("igo", "org", "group") and entity.name:
            return entity.name
    return None


TITLE_OWNER_KINDS = frozenset({"country", "person", "igo", "group", "org"})


def _title_country(places: list[str], book: SpeakerBook) -> str | None:
    for place in places:
        entity = book.index.resolve(place, book.on) or book.index.resolve(place.replace(".", ""), book.on)
        if entity is not None and entity.code and entity.kind in TITLE_OWNER_KINDS:
            return entity.code  # "Japan's", "the EU's", "its" (the Taliban administration): their code
        person = book.index.person(place, book.on)
        if person is not None and person.code:
            return person.code
    for place in places:  # "Governor of São Paulo state": a place the gazetteer knows
        if len(place.split()) > 1 or place[:1].isupper():
            found = book.index.country_of_place(place)
            if found:
                return found
    return None


def describe(name: str, span: CharSpan | None, profile: Profile, is_org: bool, book: SpeakerBook) -> Speaker:
    """A :class:`Speaker` with what the dictionary and the text say about ``name``."""
    if is_org:
        country, sector = _org_traits(name, [], book)
        parent = next((o for o in profile.orgs if o != name), None)  # "NATO's force, KFOR"
        country = country or _title_country(profile.title_places, book)  # "its ministry", "NATO's force"
        if parent is not None:
            sector = sector or _org_traits(parent, [], book)[1]
        return Speaker(name=name, span=span, org=parent or name, country=country, sector=sector)
    title = profile.titles[0] if profile.titles else None
    leading = title.split()[:1] if title and title[:1].isupper() else []  # "NATO Secretary-General"
    org = profile.orgs[0] if profile.orgs else _owning_body([*profile.owners, *leading], book)
    known = book.index.person(name, book.on)
    first = name.split()[0].lower()
    if known is not None and len(name.split()) > 1 and known.name.split()[0].lower() != first:
        known = None  # another person of the same surname
    country = _country_entity(known)
    sector = known.sector if known is not None else None
    if known is not None and not title:
        title = known.title
    if org:
        full = book.body_name(org, span[0] if span else 0)  # "Central Command": "U.S. Central Command"
        org_country, org_sector = _org_traits(full, profile.places, book)
        country = country or org_country
        sector = sector or org_sector
    country = country or _title_country(profile.title_places, book)
    if country is None and org:
        country = _seat_in_text(org, book)
    if sector is None and title:
        sector = role_sector(title.replace(",", " ").split(), book.lex)
    if country is None and not org and sector in HOME_SECTORS:
        country = _dateline_state(book)
    return Speaker(name=name, span=span, title=title, org=org, country=country, sector=sector)


def _seat_in_text(org: str, book: SpeakerBook) -> str | None:
    """The state an organisation named without one ("Foreign Ministry spokesperson Lin") belongs
    to, when the article names it elsewhere with one: "China's Foreign Ministry", "the Russian
    Foreign Ministry"."""
    text, low = book.parsed.text, org.lower()
    lowered = text.lower()
    pos = lowered.find(low)
    for _ in range(20):
        if pos < 0:
            return None
        words = text[max(0, pos - 40):pos].split()
        if words:
            word = words[-1]
            for suffix in ("’s", "'s"):
                word = word[: -len(suffix)] if word.endswith(suffix) else word
            entity = book.index.resolve(word.strip(" ,(“\""), book.on)
            if entity is not None and entity.kind in STATE_KINDS and entity.code:
                return entity.code
        pos = lowered.find(low, pos + len(low))
    return None


def _dateline_state(book: SpeakerBook) -> str | None:
    """"KINSHASA, March 12 (Wire) -": the state of the city a report is filed from. A wire story
    names an office of that state without the state ("Foreign Minister X", "police spokesman Y")."""
    parsed = book.parsed
    for part in parsed.parts:
        if part.kind != "dateline":
            continue
        place = parsed.text[part.span[0]:part.span[1]].split(",")[0].split("(")[0].strip(" -—–")
        entity = book.index.resolve(place.title(), book.on) if place else None
        if entity is not None and entity.kind == "country" and entity.code:
            return entity.code
        return book.index.country_of_place(place) if place else None
    return None

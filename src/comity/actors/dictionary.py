"""The actor dictionary as typed entries: countries, organisations, people, titles.

The bundled files are ``data/actors.json`` (organisations, armed groups, titles),
``data/actors_countries.json`` (states, aliases, demonyms, capitals, seats of
power, places) and ``data/actors_people.json`` (office holders with dates). A
user file named in ``Config.actor_files`` may hold any of the keys
``countries``, ``places``, ``orgs``, ``titles`` and ``people``; its entries are
appended to the bundled ones.

Time: an office or a role has ``start`` and ``end`` (ISO dates, or ``YYYY-MM`` /
``YYYY`` when only that much is known; ``end`` null while current). A person is
coded with the sector of the office held on the article's date; after an office
ended and no other is held, the person is coded ``ELI`` (PLOVER's former
officials) with the country of the last office; before any office, the country
of the first office with no sector.
"""

from __future__ import annotations

import calendar
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

from comity.datafiles import load
from comity.errors import DataError
from comity.records import Entity

IGO_CODES = frozenset({"IGO", "UNO", "EUR"})
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS", "XKX"})


def words(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


SECTORS = words(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC"
)
FILES = ("actors.json", "actors_countries.json", "actors_people.json")


def valid_code(code: str | None) -> bool:
    """An ISO 3166 alpha-3 code (or Kosovo's XKX) or a PLOVER non-state code."""
    if code is None:
        return True
    return code in NON_STATE or pycountry.countries.get(alpha_3=code) is not None


# a generation after a name ("Ferdinand Marcos Jr.", "Donald Trump Jr."): no surname of its own
GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_words(name: str) -> list[str]:
    """The words of a person's name without a generation after it: its surname is the last."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in GENERATIONS:
        words.pop()
    return words


def fold(text: str) -> str:
    """Text without diacritics ("Élysée" -> "Elysee"), apostrophes made straight."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _parse_day(value: str | None, *, end: bool = False) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a partial end date is the last day it covers."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        day = calendar.monthrange(parts[0], parts[1])[1] if end else 1
        return date(parts[0], parts[1], day)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


@dataclass(frozen=True)
class _Role:
    """An office or a standing held over a period: code, sector, title, dates."""

    code: str | None
    sector: str | None
    title: str | None = None
    start: date | None = None
    end: date | None = None

    def holds(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[tuple[str, str], ...] = ()  # (text, sector)


@dataclass(frozen=True)
class Org:
    """An organisation or armed group, with roles when its standing changed over time."""

    name: str
    code: str | None
    sector: str | None
    kind: str  # igo, org, group
    aliases: tuple[str, ...] = ()
    roles: tuple[_Role, ...] = ()

    def entity(self, on: date | None) -> Entity:
        role = _pick_role(self.roles, on)
        if role is None:
            return Entity(self.code, self.sector, self.name, self.kind)
        return Entity(role.code, role.sector, self.name, self.kind)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[_Role, ...] = ()
    surname: bool = True

    def entity(self, on: date | None) -> Entity:
        """The person as coded on ``on`` (see the module docstring)."""
        if not self.roles:
            return Entity(None, None, self.name, "person")
        if on is None:
            current = [r for r in self.roles if r.end is None] or list(self.roles)
            role = max(current, key=lambda r: r.start or date.min)
            return Entity(role.code, role.sector, self.name, "person", role.title)
        held = [r for r in self.roles if r.holds(on)]
        if held:
            role = held[0]
            return Entity(role.code, role.sector, self.name, "person", role.title)
        past = [r for r in self.roles if r.end is not None and r.end <= on]
        if past:
            role = max(past, key=lambda r: r.end or date.min)
            title = f"former {role.title}" if role.title else None
            return Entity(role.code, "ELI", self.name, "person", title)
        first = min(self.roles, key=lambda r: r.start or date.min)
        return Entity(first.code, None, self.name, "person")


@dataclass(frozen=True)
class Title:
    """A title or institution that names an actor once a country is known ("foreign minister")."""

    text: str
    sector: str
    kind: str  # person or org
    country: str | None = None  # the country it implies when none is named ("Congress")
    case: bool = False  # match case-sensitively
    plural: str | None = None
    composed: bool = False  # names an actor only after a country, group or person ("Iraqi youths")


@dataclass(frozen=True)
class People:
    """An ethnic or religious group named by a word that says nothing of citizenship ("Serbs", "Muslim")."""

    text: str
    kind: str  # ethnic or religious
    plural: str | None = None


@dataclass(frozen=True)
class BodySeat:
    """A city hosting international bodies (organisation names); ``acts``: the body the city stands
    for when it acts alone ("Brussels imposed duties" -> the EU). See actors.seats."""

    text: str
    bodies: tuple[str, ...]
    acts: str | None = None


@dataclass(frozen=True)
class Dictionary:
    countries: tuple[Country, ...]
    places: dict[str, str]
    orgs: tuple[Org, ...]
    people: tuple[Person, ...]
    titles: tuple[Title, ...]
    blocks: tuple[str, ...] = ()
    peoples: tuple[People, ...] = ()
    seats: tuple[BodySeat, ...] = ()
    country_names: dict[str, str] = field(default_factory=dict)  # code -> canonical short name

    def identifier(self, code: str | None, fallback: str) -> str:
        """PLOVER's identifier_text for an office of a state: the state's canonical name ("Japan")."""
        return self.country_names.get(code, fallback) if code else fallback


def _pick_role(roles: tuple[_Role, ...], on: date | None) -> _Role | None:
    if not roles:
        return None
    if on is None:
        current = [r for r in roles if r.end is None]
        return max(current, key=lambda r: r.start or date.min) if current else None
    held = [r for r in roles if r.holds(on)]
    return held[0] if held else None


def _role(raw: dict[str, Any], where: str) -> _Role:
    code, sector = raw.get("code"), raw.get("sector")
    _check(code, sector, where)
    start, end = _parse_day(raw.get("start")), _parse_day(raw.get("end"), end=True)
    return _Role(code, sector, raw.get("title"), start, end)


def _check(code: str | None, sector: str | None, where: str) -> None:
    if not valid_code(code):
        raise DataError("E040", f"actor data: {where}: {code!r} is not an ISO alpha-3 or PLOVER code")
    if sector is not None and sector not in SECTORS:
        raise DataError("E040", f"actor data: {where}: {sector!r} is not a PLOVER sector")


def _country(raw: dict[str, Any]) -> Country:
    _check(raw["code"], None, raw["name"])
    seats = tuple((s["text"], s["sector"]) for s in raw.get("seats", ()))
    for text, sector in seats:
        _check(raw["code"], sector, text)
    return Country(
        raw["code"], raw["name"], tuple(raw.get("aliases", ())), tuple(raw.get("demonyms", ())),
        tuple(raw.get("capitals", ())), seats,
    )


def _org(raw: dict[str, Any], kind: str) -> Org:
    _check(raw.get("code"), raw.get("sector"), raw["name"])
    roles = tuple(_role(r, raw["name"]) for r in raw.get("roles", ()))
    return Org(raw["name"], raw.get("code"), raw.get("sector"), raw.get("kind", kind),
               tuple(raw.get("aliases", ())), roles)


def _person(raw: dict[str, Any]) -> Person:
    roles = tuple(_role(r, raw["name"]) for r in raw.get("roles", ()))
    return Person(raw["name"], tuple(raw.get("aliases", ())), roles, bool(raw.get("surname", True)))


def _title(raw: dict[str, Any]) -> Title:
    _check(raw.get("country"), raw["sector"], raw["text"])
    return Title(raw["text"], raw["sector"], raw.get("kind", "person"), raw.get("country"),
                 bool(raw.get("case", False)), raw.get("plural"), bool(raw.get("composed", False)))


def _people(raw: dict[str, Any]) -> People:
    if raw.get("kind") not in ("ethnic", "religious"):
        raise DataError("E040", f"actor data: {raw.get('text')!r}: a people is 'ethnic' or 'religious'")
    return People(raw["text"], raw["kind"], raw.get("plural"))


def load_dictionary(extra: tuple[Path, ...] = ()) -> Dictionary:
    """Read and validate the bundled actor files merged with the user's."""
    main, countries, people = (load(name, extra) for name in FILES)
    try:
        orgs = tuple(_org(o, "igo" if o.get("code") in IGO_CODES else "org") for o in main.get("orgs", ()))
        groups = tuple(_org(g, "group") for g in main.get("groups", ()))
        places = {}
        for place in countries.get("places", ()):
            _check(place["code"], None, place["name"])
            for name in (place["name"], *place.get("aliases", ())):
                places[name] = place["code"]
        states = tuple(_country(c) for c in countries.get("countries", ()))
        return Dictionary(
            countries=states,
            places=places,
            orgs=orgs + groups,
            people=tuple(_person(p) for p in people.get("people", ())),
            titles=tuple(_title(t) for t in main.get("titles", ())),
            blocks=tuple(str(b) for b in main.get("blocks", ())),
            peoples=tuple(_people(p) for p in main.get("peoples", ())),
            seats=tuple(BodySeat(b["text"], tuple(b["bodies"]), b.get("acts"))
                        for b in main.get("body_seats", ())),
            country_names={c.code: c.name for c in reversed(states)},
        )
    except (KeyError, TypeError, ValueError) as err:
        raise DataError("E040", f"actor data: malformed entry: {err!r}") from err

"""Composing matched units into actor mentions.

Rules, tried at each unit from left to right:

- country, seat, organisation or group + possessive/modifiers + title (+ person):
  "Russia's foreign minister", "the Chinese military", "Chinese leader Xi Jinping",
  "Kremlin spokesman Dmitry Peskov", "Hamas leader ..." -> one mention;
- title + "of" + country (+ person): "the foreign minister of Japan"; a people noun + "of" + a place:
  "residents of Crimea" (UKR CVL);
- a body or group + "based in" + place, or place + "-based" + body or group: "a terror group based in
  Somalia", "a Geneva-based rights group" (never a person or a state's organ: "a Florida-based
  president" is not Florida's): see comity.actors.placed;
- title + person: "Secretary of State Marco Rubio" (country from the person or the title);
- country + its own institution or person: "the Chinese People's Liberation Army", "China's Xi";
- country or body + "-led" + title: "Vietnamese-led forces" are Vietnam's
  ("Iran-backed militias" are not Iran's);
- person + government/administration: "the Trump administration" -> that person's country, GOV;
- ethnic and religious groups ("Bosnian Serbs", "ethnic Albanians", "Muslim hackers"):
  see comity.actors.peoples.

"former" among the modifiers makes a personal title ``ELI`` (former officials). An organisation the
model names right after "opposition", "fundamentalist", "Islamist" or "dissident" is ``OPP``
("the fundamentalist Umma party").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from comity.actors.dictionary import NON_STATE, Dictionary, words
from comity.actors.match import Target, Unit
from comity.actors.peoples import people_piece
from comity.actors.piece import MODIFIERS, Piece
from comity.actors.placed import (
    CIVIL_SECTORS,
    STATE_SECTORS,
    based_in,
    based_title,
    place_code,
    placed,
    title_based_in,
)
from comity.records import Entity
from comity.text.normalize import strip_possessive

POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
# portfolio words between a country and "minister"/"ministry" ("Egypt's health ministry")
PORTFOLIOS = words(
    "health education economy economic energy justice interior agriculture culture transport industry trade "
    "immigration labour labor environment climate finance security intelligence oil digital science tourism "
    "sports information communications home deputy vice first assistant foreign defence defense military "
    "presidential government state"
)
FORMER = frozenset({"former", "ex", "ex-", "then", "then-", "outgoing"})
ACTORLIKE = frozenset({"country", "seat", "org", "place"})
ENVOYS = frozenset({"ambassador", "envoy", "special envoy", "representative", "special representative",
                    "delegation", "mission", "diplomat", "negotiator"})
PORTFOLIO_TITLES = words("minister ministry ministers ministries spokesman spokeswoman spokesperson official "
                         "officials agency adviser secretary chief")
# "a spokesman for the Kremlin" speaks for Russia; an "envoy for Ukraine" is not Ukraine's
SPEAKS_FOR = words("spokesman spokeswoman spokesperson")
STANCE = words("pro anti pro- anti-")
# words before an organisation's name that make it an opposition group (the titles' OPP nouns)
OPPOSITION_WORDS = words("opposition fundamentalist islamist dissident")
GOVERNMENT_WORDS = words(
    "administration administrations government cabinet regime official officials aides team"
)
ORG_SECTORS = {
    "EDU": words("university institute institution center centre foundation school academy college studies "
                 "think-tank program programme"),
    "JRN": words("times post news journal herald television tv radio network newspaper press gazette "
                 "tribune telegraph guardian broadcasting"),
    "BUS": words("company corporation corp corp. inc inc. ltd ltd. group airlines bank holdings industries "
                 "motors energy llc plc"),
    "PTY": frozenset({"party"}),
}


class Composer:
    def __init__(self, dictionary: Dictionary, doc: Doc, on: date | None,
                 place: Callable[[str], str | None]) -> None:
        self.dictionary = dictionary
        self.doc = doc
        self.on = on
        self.place = place

    # -- single units -------------------------------------------------------------

    def person_entity(self, targets: list[Target]) -> Entity | None:
        people = [self.dictionary.people[t.ref] for t in targets if t.kind == "person"]
        if not people:
            return None
        if len(people) > 1 and self.on is not None:
            holding = [p for p in people if any(r.holds(self.on) for r in p.roles)]
            people = holding or people
        return people[0].entity(self.on)

    def entity_of(self, unit: Unit) -> tuple[Entity | None, str]:
        """The entity a lone unit stands for, and how it was named."""
        if unit.ner:
            return self.ner_entity(unit)
        target = unit.targets[0]
        if target.kind in ("block", "people"):
            return None, target.kind
        if target.kind == "person":
            return self.person_entity(unit.targets), "name"
        if target.kind == "org":
            if target.ref < 0:  # a state body named by the model ("U.S. Department of Agriculture")
                return Entity(target.code, target.sector, target.name, "org"), "name"
            return self.dictionary.orgs[target.ref].entity(self.on), "name"
        if target.kind in ("country", "seat", "place"):
            return Entity(target.code, target.sector, target.name, "country"), target.how
        title = self.dictionary.titles[target.ref]
        text = self.text(unit.start, unit.end)
        return Entity(title.country, title.sector, text, title.kind, title.text), "title"

    def ner_entity(self, unit: Unit) -> tuple[Entity | None, str]:
        """A name the model found that the dictionary lacks: a person, an organisation, a place."""
        text = self.text(unit.start, unit.end)
        if unit.ner == "PERSON":
            return Entity(None, None, strip_possessive(text), "person"), "name"
        if unit.ner == "ORG":
            sector = self.stance_sector(unit.start) or org_sector(text)
            return Entity(based_in(self, unit.start), sector, text, "org"), "name"
        code = self.place(text)
        return (Entity(code, None, text, "country"), "place") if code else (None, "place")

    def stance_sector(self, start: int) -> str | None:
        """OPP for an organisation the text calls opposition or fundamentalist right before its name
        ("the opposition Kuomintang party", "the fundamentalist Umma party")."""
        return "OPP" if start > 0 and self.doc[start - 1].lower_ in OPPOSITION_WORDS else None

    def name_of(self, base: Entity) -> str:
        """identifier_text of an office or body of ``base``: an organisation's or group's own name,
        else the state's canonical name ("Russia's foreign minister" -> "Russia")."""
        if base.kind in ("igo", "org", "group"):
            return base.name
        return self.dictionary.identifier(base.code, base.name)

    def text(self, start: int, end: int) -> str:
        return self.doc[start:end].text

    def gap(self, a: int, b: int) -> list[str]:
        return [t.lower_ for t in self.doc[a:b]]

    # -- rules --------------------------------------------------------------------

    def compose(self, units: list[Unit]) -> list[Piece]:
        pieces: list[Piece] = []
        i = 0
        while i < len(units):
            piece, step = self.at(units, i)
            if piece is not None:
                pieces.append(piece)
            i += step
        return pieces

    def at(self, units: list[Unit], i: int) -> tuple[Piece | None, int]:
        unit = units[i]
        nxt = units[i + 1] if i + 1 < len(units) else None
        people = people_piece(self, units, i)
        if people is not None:
            return people
        if nxt is not None and nxt.kind == "title" and self.gap(unit.end, nxt.start) == ["-", "based"]:
            found = based_title(self, unit, nxt)
            if found:
                return found, 2
        if unit.kind in ACTORLIKE and nxt is not None and nxt.kind == "country":
            found = self.posted_envoy(units, i)
            if found:
                return found
        if unit.kind in ACTORLIKE and nxt is not None:
            found = self.actor_then(unit, nxt, units[i + 2] if i + 2 < len(units) else None)
            if found:
                return found
            shared = self.shared_title(units, i)
            if shared:
                return shared, 1
        if unit.kind == "title":
            found = self.title_then(units, i)
            if found:
                return found
        if self.is_person(unit) and nxt is not None and nxt.kind == "title":
            found = self.person_government(unit, nxt)
            if found:
                return found
        return self.single(unit), 1

    def posted_envoy(self, units: list[Unit], i: int) -> tuple[Piece, int] | None:
        """ "Russia's Sudan envoy", "the US Ukraine envoy": the envoy is the first country's, posted to the
        second."""
        if i + 2 >= len(units) or units[i + 2].kind != "title":
            return None
        owner, posting, title = units[i], units[i + 1], units[i + 2]
        if self.dictionary.titles[title.targets[0].ref].text not in ENVOYS:
            return None
        owned = all(w in POSSESSIVE for w in self.gap(owner.end, posting.start))
        if not owned or self.gap(posting.end, title.start):
            return None
        base, _ = self.entity_of(owner)
        if base is None or base.kind != "country":
            return None
        after = units[i + 3] if i + 3 < len(units) else None
        piece, used = self.titled(owner.start, base, title, after, False)
        return piece, used + 1

    def is_person(self, unit: Unit) -> bool:
        return unit.ner == "PERSON" or unit.kind == "person"

    def actor_then(self, actor: Unit, nxt: Unit, after: Unit | None) -> tuple[Piece, int] | None:
        if self.stance(actor.start):
            return None  # "pro-Russian separatists" are not Russia's
        between = self.gap(actor.end, nxt.start)
        if nxt.kind == "title" and between == ["-", "led"]:
            between = []  # "Vietnamese-led forces", "NATO-led troops" are the leader's; "Iran-backed" are not
        portfolio = nxt.kind == "title" and any(w in PORTFOLIOS for w in between)
        if any(w not in POSSESSIVE and w not in MODIFIERS and w not in PORTFOLIOS for w in between):
            return None
        if portfolio and self.dictionary.titles[nxt.targets[0].ref].text not in PORTFOLIO_TITLES:
            return None
        former = any(w in FORMER for w in between)
        base, _ = self.entity_of(actor)
        if base is None:
            return None
        if nxt.kind == "title":
            return self.titled(actor.start, base, nxt, after, former)
        if self.is_person(nxt) and not nxt.ner and base.kind == "country":
            person = self.person_entity(nxt.targets)
            if person is not None:
                entity = person if person.code else replace(person, code=base.code)
                return Piece(actor.start, nxt.end, entity, "name", named=True), 2
        if nxt.kind in ("org", "seat") and base.kind == "country":
            return self.country_institution(actor, base, nxt, after, between)
        return None

    def country_institution(self, actor: Unit, base: Entity, nxt: Unit, after: Unit | None,
                            between: list[str]) -> tuple[Piece, int] | None:
        """"the Chinese People's Liberation Army"; "Germany's Foreign Office" (a national institution
        named for another country takes the country named); "Israel's UN ambassador"."""
        inner, how = self.entity_of(nxt)
        if inner is None:
            return None
        if inner.code == base.code:
            return Piece(actor.start, nxt.end, inner, how), 2
        if inner.code in NON_STATE:
            if after is not None and after.kind == "title" and after.start == nxt.end:
                title = self.dictionary.titles[after.targets[0].ref]
                if title.text in ENVOYS:
                    entity = Entity(base.code, title.sector, self.name_of(base), "person", title.text)
                    return Piece(actor.start, after.end, entity, "title"), 3
            return None
        if inner.sector in STATE_SECTORS and not any(w in POSSESSIVE for w in between[1:]):
            entity = Entity(base.code, inner.sector, self.name_of(base), "org", self.text(nxt.start, nxt.end))
            return Piece(actor.start, nxt.end, entity, "title"), 2
        return None

    def shared_title(self, units: list[Unit], i: int) -> Piece | None:
        """"the Chinese and Russian leaders", "British, French and German diplomats": every country
        of the list takes the title after the last one."""
        j = i
        while j + 1 < len(units) and units[j].kind == "country" and units[j + 1].kind == "country":
            if self.gap(units[j].end, units[j + 1].start) not in (["and"], [","], ["or"], [",", "and"]):
                return None
            j += 1
        if j == i or j + 1 >= len(units) or units[j + 1].kind != "title":
            return None
        between = self.gap(units[j].end, units[j + 1].start)
        if any(w not in POSSESSIVE and w not in MODIFIERS for w in between):
            return None
        unit = units[i]
        title = self.dictionary.titles[units[j + 1].targets[0].ref]
        code = unit.targets[0].code
        name = self.dictionary.identifier(code, unit.targets[0].name)
        entity = Entity(code, title.sector, name, title.kind, title.text)
        return Piece(unit.start, unit.end, entity, "title")

    def stance(self, start: int) -> bool:
        """A country word inside "pro-X" or "anti-X"."""
        before = self.gap(max(0, start - 2), start)
        if not before:
            return False
        return before[-1] in STANCE or (before[-1] == "-" and len(before) == 2 and before[0] in STANCE)

    def titled(self, start: int, base: Entity, title_unit: Unit, after: Unit | None, former: bool
               ) -> tuple[Piece, int]:
        title = self.dictionary.titles[title_unit.targets[0].ref]
        sector = title.sector
        if base.kind == "group" or (base.kind == "org" and base.sector in CIVIL_SECTORS):
            sector = base.sector  # "Harvard President Claudine Gay" heads a university, not a state
        elif former and title.kind == "person":
            sector = "ELI"
        code = base.code if base.code is not None else title.country
        name = self.name_of(base) if base.code is not None else self.text(start, title_unit.end)
        entity = Entity(code, sector, name, "person" if title.kind == "person" else base.kind
                        if base.kind in ("igo", "group") else title.kind, title.text)
        if after is not None and self.is_person(after) and after.start == title_unit.end:
            return self.with_person(start, entity, after), 3
        return Piece(start, title_unit.end, entity, "title"), 2

    def with_person(self, start: int, titled: Entity, person_unit: Unit) -> Piece:
        """A title followed by a name: the dictionary's person, else the title's actor under that name."""
        known = None if person_unit.ner else self.person_entity(person_unit.targets)
        if known is not None and known.code is not None:
            entity = known if known.title else replace(known, title=titled.title)
            if known.sector in (None, "ELI") and titled.sector not in (None, "ELI"):
                # the text names a current office the dictionary does not (yet) record
                entity = replace(known, sector=titled.sector, title=titled.title)
            elif known.sector is None and titled.sector == "ELI":
                entity = replace(entity, sector="ELI")  # "former Prime Minister X" dated before X's office
        else:
            name = strip_possessive(self.text(person_unit.start, person_unit.end))
            entity = Entity(titled.code, titled.sector, name, "person", titled.title)
        return Piece(start, person_unit.end, entity, "name", named=True)

    def title_then(self, units: list[Unit], i: int) -> tuple[Piece, int] | None:
        """A title followed by "of" + a country, or by a name; "former" before it makes it ELI."""
        unit = units[i]
        title = self.dictionary.titles[unit.targets[0].ref]
        start = unit.start
        former = start > 0 and self.doc[start - 1].lower_ in FORMER and title.kind == "person"
        if former:
            start -= 1
        sector = "ELI" if former else title.sector
        nxt = units[i + 1] if i + 1 < len(units) else None
        between = self.gap(unit.end, nxt.start) if nxt is not None else []
        of_country = between[:1] == ["of"] and set(between) <= {"of", "the"}
        if nxt is not None and nxt.kind == "country" and of_country:
            code = nxt.targets[0].code
            entity = Entity(code, sector, self.dictionary.identifier(code, self.text(nxt.start, nxt.end)),
                            title.kind, title.text)
            return Piece(start, nxt.end, entity, "title"), 2
        if nxt is not None and of_country and title.composed and (code := place_code(self, nxt)):
            # "residents of Crimea", "inhabitants of the Golan Heights": people of the place's country
            return Piece(start, nxt.end, placed(self.dictionary, code, title, sector), "title"), 2
        found = title_based_in(self, units, i, start, title)
        if found:
            return found
        if nxt is not None and self.is_person(nxt) and not between:
            base = Entity(title.country, sector, title.text, title.kind, title.text)
            return self.with_person(start, base, nxt), 2
        for_actor = between[:1] == ["for"] and set(between) <= {"for", "the"} and title.text in SPEAKS_FOR
        after = units[i + 2] if i + 2 < len(units) else None
        if nxt is not None and nxt.kind in ACTORLIKE and for_actor and not (after and after.start == nxt.end):
            base, _ = self.entity_of(nxt)
            if base is not None and base.code is not None:
                sector = base.sector if base.kind == "group" else sector
                entity = Entity(base.code, sector, self.name_of(base), "person", title.text)
                return Piece(start, nxt.end, entity, "title"), 2
        if former:
            entity = Entity(title.country, sector, self.text(start, unit.end), title.kind, title.text)
            return Piece(start, unit.end, entity, "title"), 1
        return None

    def person_government(self, person: Unit, nxt: Unit) -> tuple[Piece, int] | None:
        """"the Trump administration", "Trump officials", "Trump's envoy": the person's country."""
        title = self.dictionary.titles[nxt.targets[0].ref]
        between = self.gap(person.end, nxt.start)
        if any(w not in POSSESSIVE for w in between) or title.sector != "GOV":
            return None
        if title.text not in GOVERNMENT_WORDS and not between:
            return None
        known = None if person.ner else self.person_entity(person.targets)
        if known is None or known.code is None or known.sector not in ("GOV", "ELI"):
            return None
        entity = Entity(known.code, "GOV", self.dictionary.identifier(known.code, known.name), title.kind,
                        title.text)
        return Piece(person.start, nxt.end, entity, "title"), 2

    def single(self, unit: Unit) -> Piece | None:
        entity, how = self.entity_of(unit)
        if entity is None or (how == "title" and self.dictionary.titles[unit.targets[0].ref].composed):
            return None  # "office", "youths" alone name no actor ("Zelensky's office", "Iraqi youths")
        return Piece(unit.start, unit.end, entity, how, named=self.is_person(unit))


def org_sector(name: str) -> str | None:
    words = {w.lower().strip(".,") for w in name.split()}
    for sector, keys in ORG_SECTORS.items():
        if words & keys:
            return sector
    return None

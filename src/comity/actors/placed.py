"""Actors a place puts in its country: bodies and groups based in a place, people of a place.

- a body or group + "based in" + place ("a terror group based in Somalia", "a rights group
  based in east Beirut"), or place + "-based" + body or group ("a Geneva-based rights group",
  "Kenya-based rebels"): the place's country; never a person or a state's organ ("a
  Florida-based president", "a Geneva-based embassy" are not the place's);
- an organisation the model names right after "X-based" ("the Sydney-based Lowy Institute");
- a people noun + "of" + a place ("residents of Crimea") takes the place's country
  (:meth:`comity.actors.compose.Composer.title_then` reads the "of").

Rules of :mod:`comity.actors.compose`, which passes itself as ``composer``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from spacy.tokens import Doc

from comity.actors.dictionary import Dictionary, Title
from comity.actors.match import Unit
from comity.actors.piece import Piece
from comity.records import Entity

PLACE_KINDS = frozenset({"country", "place", "ner:GPE", "ner:LOC"})
BASED_WINDOW = 4  # words between "based in" and the place ("based in Christian east Beirut")
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
# companies, schools, clinics, charities and outlets: no side of a state acts through them, and their
# officers hold no state office ("Harvard President Claudine Gay")
CIVIL_SECTORS = frozenset({"BUS", "EDU", "MED", "NGO", "JRN"})


class Composer(Protocol):
    """What these rules read of :class:`comity.actors.compose.Composer`."""

    dictionary: Dictionary
    doc: Doc
    place: Callable[[str], str | None]

    def gap(self, start: int, end: int) -> list[str]: ...

    def text(self, start: int, end: int) -> str: ...


def based_in(composer: Composer, start: int) -> str | None:
    """The country of "the Sydney-based ..." just before an organisation."""
    tokens = composer.doc[max(0, start - 4):start]
    words = [t.lower_ for t in tokens]
    if len(words) >= 2 and words[-1] == "based" and words[-2] == "-":
        place = [t.text for t in tokens[:-2] if t.is_alpha and t.lower_ != "the"]
        return composer.place(" ".join(place)) if place else None
    return None


def placed(dictionary: Dictionary, code: str, title: Title, sector: str | None) -> Entity:
    """A title's actor in the country of a place the text puts it in."""
    return Entity(code, sector, dictionary.identifier(code, title.text), title.kind, title.text)


def place_code(composer: Composer, unit: Unit) -> str | None:
    """The country of a unit naming a country or a place in one (not a seat, body or person)."""
    if unit.kind not in PLACE_KINDS:
        return None
    if unit.kind in ("country", "place"):
        return unit.targets[0].code
    return composer.place(composer.text(unit.start, unit.end))


def based_title(composer: Composer, place: Unit, title_unit: Unit) -> Piece | None:
    """"a Beirut-based rights group", "Kenya-based rebels": the body's country is the place's."""
    code = place_code(composer, place)
    title = composer.dictionary.titles[title_unit.targets[0].ref]
    if code is None or not _based_body(title):
        return None
    return Piece(place.start, title_unit.end, placed(composer.dictionary, code, title, title.sector), "title")


def title_based_in(composer: Composer, units: list[Unit], i: int, start: int, title: Title
                   ) -> tuple[Piece, int] | None:
    """"a rights group based in east Beirut", "a terror group based in Somalia": the place's country."""
    end = units[i].end
    doc = composer.doc
    if not _based_body(title) or composer.gap(end, min(end + 2, len(doc))) != ["based", "in"]:
        return None
    for j in range(i + 1, min(i + 3, len(units))):
        between = doc[end + 2:units[j].start]
        if len(between) > BASED_WINDOW or any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in between):
            return None
        if units[j].kind in PLACE_KINDS:  # the first place named: its country, if known
            code = place_code(composer, units[j])
            if code is None:
                return None
            entity = placed(composer.dictionary, code, title, title.sector)
            return Piece(start, units[j].end, entity, "title"), j - i + 1
    return None


def _based_body(title: Title) -> bool:
    """A body or group a place it is based in gives a country ("a Beirut-based rights group"); not a person
    nor a state's organ ("a Florida-based president", "a Geneva-based embassy" are not the place's)."""
    return title.kind == "org" and title.sector not in STATE_SECTORS

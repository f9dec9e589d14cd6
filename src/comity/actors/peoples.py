"""Ethnic and religious groups: where the text places them, never where their name points.

A people word ("Serbs", "Albanian", "Muslim", "Tamil"; ``peoples`` in
``data/actors.json``) names an ethnic or religious group, not a state's
citizens. The PLOVER manual codes religion and ethnicity as extra attributes of
an actor, never as its country, so such a group takes a country only from the
text:

- a country word right before it says where the group lives: "Bosnian Serbs",
  "Kosovo Albanians", "Croatian Serb refugees" -> BIH, XKX, HRV;
- otherwise, for an ethnic group, a place right after it ("ethnic Albanian
  guerrillas operating in Macedonia", "Kurds in Iraq");
- otherwise, for a group with a people noun, a place right after "of" ("Druze
  villagers of the Golan Heights" -> SYR);
- otherwise no country: "Muslim hackers", "Jewish settlers" (``code`` None; the
  sector still comes from the people noun after it), and a lone people word
  with no country ("Kurds") is no mention.

"ethnic" before a country's demonym makes it a people word that keeps the
demonym's country unless the text places the group elsewhere ("ethnic
Albanians in south Serbia" -> SRB, "ethnic Turks" -> TUR). A lone people word
that is also a demonym ("Serbs") keeps its country, as any demonym does. A
group without a people noun acts as its country's demonym would (kind
``country``, how ``demonym``: "Iraqi Kurds demonstrated"). The sector is the title's
("Bosnian Serb forces" -> MIL, "Muslim hackers" -> UNK), ``None`` without one.
"""

from __future__ import annotations

from typing import Protocol

from comity.actors.dictionary import Dictionary, words
from comity.actors.match import Unit
from comity.actors.piece import MODIFIERS, Piece
from comity.records import Entity

ETHNIC_MARKERS = words("ethnic")
# words allowed between a group and the place it lives in ("operating in the northern ...")
PLACE_LEAD = words("operating living based fighting active")
PLACE_WORDS = words(
    "in the north south east west northern southern eastern western central northeastern northwestern "
    "southeastern southwestern north-eastern north-western south-eastern south-western far"
)
HOMELAND_HOW = frozenset({"name", "alias", "demonym"})
# words between a group and its people noun ("Ibo traditional elders", "Moslem fundamentalist demonstrators")
GROUP_MODIFIERS = words("traditional radical fundamentalist nationalist extremist hardline young local")


class Composer(Protocol):
    """What these rules read of :class:`comity.actors.compose.Composer`."""

    dictionary: Dictionary

    def gap(self, start: int, end: int) -> list[str]: ...

    def text(self, start: int, end: int) -> str: ...

    def entity_of(self, unit: Unit) -> tuple[Entity | None, str]: ...


def _people_target(unit: Unit) -> int | None:
    """The index of the unit's people entry, if the unit names one."""
    return next((t.ref for t in unit.targets if t.kind == "people"), None)


def people_piece(composer: Composer, units: list[Unit], i: int) -> tuple[Piece | None, int] | None:
    """A people mention starting at ``units[i]`` and the number of units it takes, or None."""
    unit = units[i]
    nxt = units[i + 1] if i + 1 < len(units) else None
    if _homeland(unit) and nxt is not None and nxt.start == unit.end and _people_target(nxt) is not None:
        return group(composer, units, i, i + 1, unit.targets[0].code)
    ethnic = any(w in ETHNIC_MARKERS for w in composer.gap(max(0, unit.start - 1), unit.start))
    demonym = bool(unit.targets) and unit.targets[0].kind == "country" and unit.targets[0].how == "demonym"
    if ethnic and demonym:  # "ethnic Albanians": Albania's unless the text places them elsewhere
        return group(composer, units, i, i, None, placed=True, default=unit.targets[0].code)
    ref = _people_target(unit)
    if ref is None or unit.targets[0].kind == "country":
        return None  # a demonym alone ("Serbs") keeps its country
    placed = ethnic or composer.dictionary.peoples[ref].kind == "ethnic"
    return group(composer, units, i, i, None, placed=placed)


def _homeland(unit: Unit) -> bool:
    """A country named as such (not a capital or seat) and not itself a people word ("Bosnian")."""
    target = unit.targets[0] if unit.targets else None
    return target is not None and target.kind == "country" and target.how in HOMELAND_HOW \
        and _people_target(unit) is None


def group(composer: Composer, units: list[Unit], first: int, last: int, code: str | None,
          placed: bool = False, default: str | None = None) -> tuple[Piece | None, int]:
    """The group over ``units[first..last]`` plus a title right after it; its country from ``code``,
    else (``placed``) from a place named after it, else ``default``."""
    start = units[first].start
    end = units[last].end
    title = None
    nxt = last + 1
    if nxt < len(units) and units[nxt].kind == "title":
        gap = composer.gap(end, units[nxt].start)
        if all(w in MODIFIERS or w in GROUP_MODIFIERS for w in gap):
            title = composer.dictionary.titles[units[nxt].targets[0].ref]
            end, nxt = units[nxt].end, nxt + 1
    if code is None and (placed or title is not None) and nxt < len(units):
        code = _place_after(composer, end, units[nxt], of=title is not None)
    code = code or default
    people = composer.text(units[last].start, units[last].end)
    if title is not None:
        name = composer.dictionary.identifier(code, people)
        entity = Entity(code, title.sector, name, title.kind, title.text)
        return Piece(start, end, entity, "title"), nxt - first
    if code is None:
        return None, nxt - first  # a people word alone, placed nowhere, names no actor
    # a people of a named country acts as that country's demonym would ("Iraqi Kurds demonstrated")
    entity = Entity(code, None, composer.dictionary.identifier(code, people), "country", people)
    return Piece(start, end, entity, "demonym"), nxt - first


def _place_after(composer: Composer, end: int, unit: Unit, of: bool = False) -> str | None:
    """The country of the place a group is said to be in ("... operating in Macedonia"); with ``of``,
    the place a people noun names them of ("Druze villagers of the Golan Heights")."""
    if unit.kind not in ("country", "place", "ner:GPE", "ner:LOC"):
        return None
    gap = composer.gap(end, unit.start)
    if of and gap in (["of"], ["of", "the"]):
        entity, _ = composer.entity_of(unit)
        return entity.code if entity is not None else None
    if "in" not in gap or len(gap) > 4 or any(w not in PLACE_LEAD and w not in PLACE_WORDS for w in gap):
        return None
    if gap.index("in") > 1:
        return None
    entity, _ = composer.entity_of(unit)
    return entity.code if entity is not None else None

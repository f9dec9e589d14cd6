"""Scoring rules for events (GOLD-FORMAT.md, "How it scores").

Every event record becomes a set of (type, actor, recipient, negated) tuples: one pair per actor and
recipient; several actors and no recipient act on each other (PLOVER's reciprocal rule); one actor and
no recipient gives (actor, None). CONSULT, AGREE and COOPERATE pairs are unordered. A gold cooperative act
marked ``future`` is also found as AGREE. Recall counts core gold tuples found; precision counts
predicted tuples that any gold tuple, core or not, accepts. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from comity.evaluation.score_text import records_of

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# cooperative types that PLOVER codes as AGREE when they are promised for the future
FUTURE_AGREE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# territories the scorer folds into the state they depend on, by state
_DEPENDENCIES = {
    "DNK": ("GRL", "FRO"),
    "FRA": ("NCL", "PYF", "GUF", "REU", "MYT", "GLP", "MTQ"),
    "USA": ("PRI", "GUM", "VIR", "ASM", "MNP"),
    "GBR": ("BMU", "GIB", "FLK"),
    "NZL": ("COK", "NIU", "TKL"),
}
CODE_ALIASES = {"KOS": "XKX"} | {part: state for state, parts in _DEPENDENCIES.items() for part in parts}
_TRUE_WORDS = frozenset({"true", "yes", "1"})
_FLAG_KEYS = ("aux", "modes", "mode", "context")


class EventTuple(NamedTuple):
    """One scored unit of an event: its type, the pair of codes, and whether it is negated."""

    event: str
    actor: str
    recipient: str | None
    negated: bool

    def label(self) -> str:
        """The tuple written as the shared scorer writes it (also its sort key)."""
        return str(tuple(self))


@dataclass(frozen=True)
class EventCounts:
    core: int = 0
    predicted: int = 0
    found: int = 0
    precise: int = 0
    missed: tuple[EventTuple, ...] = field(default=())
    spurious: tuple[EventTuple, ...] = field(default=())


def _actor_codes(value: Any) -> list[str]:
    """Codes of an actor or recipient given as a code, an entity object, or a list of either; upper-cased,
    with aliases folded. An object's ``code`` is read, else its ``country``."""
    if value is None or value == "" or value == []:
        return []
    items = [value] if isinstance(value, str | dict) else value
    if not isinstance(items, list | tuple):
        return []
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("code") or item.get("country") or ""
        if isinstance(item, str) and item:
            code = item.upper()
            out.append(CODE_ALIASES.get(code, code))
    return out


def _event_flags(event: dict) -> set[str]:
    """Lower-cased strings given under aux, modes, mode and context (each a string or a list)."""
    flags: set[str] = set()
    for key in _FLAG_KEYS:
        value = event.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                flags.add(item.lower())
    return flags


def _is_negated(event: dict) -> bool:
    flag = event.get("negated")
    said = flag is True or (isinstance(flag, str) and flag.lower() in _TRUE_WORDS)
    return said or "negation" in _event_flags(event)


def _event_types(event: dict) -> list[str]:
    value = event.get("event")
    return [str(kind).upper() for kind in (value if isinstance(value, list) else [value]) if kind]


def _ordered(event_type: str, actor: str, recipient: str | None) -> tuple[str, str | None]:
    """A symmetric type's pair in sorted order; others as given."""
    if event_type in SYMMETRIC_TYPES and recipient is not None and recipient < actor:
        return recipient, actor
    return actor, recipient


def _code_pairs(event: dict) -> set[tuple[str, str | None]]:
    """(actor, recipient) pairs of an event, before symmetric ordering."""
    actors, recipients = _actor_codes(event.get("actor")), _actor_codes(event.get("recipient"))
    if recipients:
        return {(a, r) for a in actors for r in recipients if a != r}
    if len(set(actors)) >= 2:
        return {(a, b) for a in actors for b in actors if a != b}
    return {(a, None) for a in actors}


def event_tuples(event: dict) -> set[EventTuple]:
    """All scored tuples of one event record."""
    negated = _is_negated(event)
    pairs = _code_pairs(event)
    return {
        EventTuple(kind, *_ordered(kind, actor, recipient), negated)
        for kind in _event_types(event)
        for actor, recipient in pairs
    }


def _accepted_for(gold_tuple: EventTuple, future: bool) -> frozenset[EventTuple]:
    """Predicted tuples that find a gold tuple: itself, and AGREE for a future cooperative act."""
    accepted = {gold_tuple}
    if future and gold_tuple.event in FUTURE_AGREE_TYPES:
        actor, recipient = _ordered("AGREE", gold_tuple.actor, gold_tuple.recipient)
        accepted.add(EventTuple("AGREE", actor, recipient, gold_tuple.negated))
    return frozenset(accepted)


def accepted_tuples(gold: dict) -> set[EventTuple]:
    """Every predicted tuple the gold accepts (core or not)."""
    return {way for record in records_of(gold.get("events")) for unit in event_tuples(record)
            for way in _accepted_for(unit, "future" in _event_flags(record))}


def count_events(gold: dict, prediction: dict) -> EventCounts:
    """Core recall, precision over all gold (core or not), and the missed and spurious tuples."""
    core: dict[EventTuple, set[EventTuple]] = {}
    accepted = accepted_tuples(gold)
    for record in records_of(gold.get("events")):
        if record.get("core", True):
            future = "future" in _event_flags(record)
            for unit in event_tuples(record):
                core.setdefault(unit, set()).update(_accepted_for(unit, future))
    predicted: set[EventTuple] = set()
    for record in records_of(prediction.get("events")):
        predicted |= event_tuples(record)
    missed = [unit for unit, ways in core.items() if not ways & predicted]
    return EventCounts(
        core=len(core),
        predicted=len(predicted),
        found=len(core) - len(missed),
        precise=len(predicted & accepted),
        missed=tuple(sorted(missed, key=EventTuple.label)),
        spurious=tuple(sorted(predicted - accepted, key=EventTuple.label)),
    )


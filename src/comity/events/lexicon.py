"""The event lexicon: trigger lemmas mapped to PLOVER types, and the PLOVER type table.

``data/events.json`` holds the triggers and the cue lists (negation, future,
hypothetical words, support verbs, agent nouns, context cues); its ``"about"``
key documents every field. ``data/plover.json`` holds the 16 types with their
quad class, modes and scores. A user extends the triggers through
``Config.event_files``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from comity import datafiles
from comity.config import Config
from comity.errors import DataError

if TYPE_CHECKING:
    from spacy.tokens import Token

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# a sense entry: the lemma in this construction is not an event ("occupies a unique role", "offered no
# explanation"); tried in the same order as the others, so a specific sense entry shadows a general trigger
NO_EVENT = "NONE"


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma that signals a PLOVER event, with its conditions."""

    lemma: str
    pos: str  # verb, noun or adj (a predicate adjective)
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    prep: str | None = None
    object: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    swap: bool = False
    of: str = "recipient"
    alone: bool | None = None
    actor_kinds: tuple[str, ...] = ()
    reciprocal: bool = False
    fallback: tuple[str, str | None] | None = None
    state: tuple[str, str | None] | None = None
    modal: tuple[str, ...] = ()
    joint: tuple[str, str | None] | None = None
    under: tuple[str, ...] = ()
    irrealis: bool = False  # an act only promised, threatened or foreseen ("vowed to retaliate")


    @property
    def specific(self) -> bool:
        return bool(self.prep or self.object or self.modifier or self.modal or self.under)


@dataclass(frozen=True)
class PloverType:
    """A PLOVER type: quad class, score, modes and whether the manual requires a recipient."""

    name: str
    quad: int
    score: float
    requires_recipient: bool
    modes: dict[str, float | None] = field(default_factory=dict)

    def scale(self, mode: str | None) -> float:
        value = self.modes.get(mode) if mode else None
        return self.score if value is None else value


@dataclass(frozen=True)
class Homonym:
    """A country that shares its name with a US state, and the words that tell which one an article means."""

    code: str
    name: str
    state_words: tuple[str, ...]
    country_words: tuple[str, ...]


@dataclass(frozen=True)
class EventLexicon:
    """Triggers by (pos, lemma), most specific first, plus the cue lists."""

    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    types: dict[str, PloverType]
    slots: dict[str, dict[str, tuple[str, ...]]]
    lists: dict[str, frozenset[str]]
    context_cues: dict[str, tuple[str, ...]]
    homonyms: tuple[Homonym, ...] = ()

    @classmethod
    def from_config(cls, config: Config | None = None) -> EventLexicon:
        config = config or Config()
        return _build(tuple(config.event_files))

    def lookup(self, pos: str, lemma: str) -> tuple[Trigger, ...]:
        return self.triggers.get((pos, lemma.lower()), ())

    def has(self, name: str, lemma: str) -> bool:
        """True when ``lemma`` is in the word list ``name`` (e.g. ``support_verbs``); a name that
        events.json does not define raises KeyError (a misspelt list would otherwise match nothing)."""
        words = self.lists.get(name)
        if words is None:
            raise KeyError(f"events.json has no word list {name!r}")
        return lemma.lower() in words

    def has_word(self, name: str, tok: Token) -> bool:
        """``has`` for a token's lemma, or for the lemma with the final "e" the parser's lemmatiser drops
        ("hopes" -> "hop") when the word is written with it."""
        lemma = tok.lemma_.lower()
        return self.has(name, lemma) or (tok.lower_.startswith(lemma + "e") and self.has(name, lemma + "e"))

    def default_slots(self, pos: str, event: str) -> tuple[str, ...]:
        return self.slots.get(pos, {}).get(event, ())

    def requires_recipient(self, trigger: Trigger) -> bool:
        """Whether the trigger yields no event without a recipient (unless its actors act on each other).

        An entry's ``alone`` decides; else nouns always need one, and verbs of the types in
        ``recipient_required`` (a superset of the manual's: precision over recall).
        """
        if trigger.alone is not None:
            return not trigger.alone
        if trigger.pos == "noun":
            return True
        kind = self.types.get(trigger.event)
        return bool(kind and kind.requires_recipient) or self.has("recipient_required", trigger.event.lower())


def _pair(value: Any, where: str) -> tuple[str, str | None] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or value.get("event") not in PLOVER_TYPES:
        raise DataError("E040", f"events.json: {where} must name a PLOVER event")
    return value["event"], value.get("mode") or None


def _trigger(raw: Any) -> Trigger:
    if not isinstance(raw, dict) or not raw.get("lemma") or raw.get("event") not in (*PLOVER_TYPES, NO_EVENT):
        raise DataError("E040", f"events.json: bad trigger entry {raw!r}")
    pos = raw.get("pos", "verb")
    if pos not in ("verb", "noun", "adj"):
        raise DataError("E040", f"events.json: pos must be verb, noun or adj in {raw!r}")
    return Trigger(
        lemma=str(raw["lemma"]).lower(),
        pos=pos,
        event=raw["event"],
        mode=raw.get("mode") or None,
        context=tuple(raw.get("context", ())),
        prep=raw.get("prep"),
        object=tuple(raw.get("object", ())),
        modifier=tuple(raw.get("modifier", ())),
        recipient=tuple(raw.get("recipient", ())),
        swap=bool(raw.get("swap", False)),
        of=raw.get("of", "recipient"),
        alone=raw.get("alone"),
        actor_kinds=tuple(raw.get("actor_kinds", ())),
        reciprocal=bool(raw.get("reciprocal", False)),
        fallback=_pair(raw.get("fallback"), "fallback"),
        state=_pair(raw.get("state"), "state"),
        modal=tuple(raw.get("modal", ())),
        joint=_pair(raw.get("joint"), "joint"),
        under=tuple(raw.get("under", ())),
        irrealis=bool(raw.get("irrealis", False)),
    )


def _types(raw: dict[str, Any]) -> dict[str, PloverType]:
    out = {}
    for name, spec in raw.get("types", {}).items():
        out[name] = PloverType(
            name,
            int(spec["quad"]),
            float(spec["score"]),
            bool(spec.get("requires_recipient", False)),
            dict(spec.get("modes", {})),
        )
    missing = set(PLOVER_TYPES) - set(out)
    if missing:
        raise DataError("E040", f"plover.json lacks types {sorted(missing)}")
    return out


@cache
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER types of ``data/plover.json``: the one place quad classes and scores are read from."""
    return _types(datafiles.bundled("plover.json"))


@cache
def _build(extra: tuple) -> EventLexicon:
    raw = datafiles.load("events.json", extra)
    by_key: dict[tuple[str, str], list[Trigger]] = {}
    for entry in raw.get("triggers", []):
        trig = _trigger(entry)
        by_key.setdefault((trig.pos, trig.lemma), []).append(trig)
    triggers = {k: tuple(sorted(v, key=lambda t: not t.specific)) for k, v in by_key.items()}
    slots = {pos: {ev: tuple(s) for ev, s in table.items()} for pos, table in raw.get("slots", {}).items()}
    lists = {
        k: frozenset(str(x).lower() for x in v)
        for k, v in raw.items()
        if isinstance(v, list) and k not in ("triggers", "context_cues", "state_homonyms")
    }
    homonyms = tuple(Homonym(h["code"], h["name"], tuple(h["state_words"]), tuple(h["country_words"]))
                     for h in raw.get("state_homonyms", []))
    cues: dict[str, list[str]] = {}
    for item in raw.get("context_cues", []):
        for lemma in item.get("lemmas", []):
            cues.setdefault(lemma.lower(), []).append(item["context"])
    return EventLexicon(
        triggers,
        plover_types(),
        slots,
        lists,
        {k: tuple(v) for k, v in cues.items()},
        homonyms,
    )

"""Phrase matching of the actor dictionary over a spaCy Doc.

Names, aliases, demonyms, capitals, seats of power, organisations and people
are matched case-sensitively (token ORTH: "US" is not "us", "Chinese" is not
"china"); titles ("foreign minister", "army") case-insensitively unless the
title says otherwise ("Congress"). Each pattern is also added in its
diacritic-free form, with a capitalised first letter, and with curly
apostrophes. Matches become :class:`Unit` objects, longest first, never
overlapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from comity.actors.dictionary import Dictionary, Person, Title, fold, name_words, words

COMMON_SURNAMES = words(
    "Lee Kim Park Wang Li Zhang Liu Chen Yang Singh Khan Ali Ahmed Johnson Brown Smith Martin Sharif "
    "Wong May Rice Gates Hunt Carter King Young Law Ford Shah"
)
# people of these countries are named family name first ("Xi Jinping"): give their short forms as aliases
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM"})


@dataclass(frozen=True)
class Target:
    """What a matched phrase stands for."""

    kind: str  # country, seat, place, org, person, title, people, block
    how: str  # name, alias, demonym, capital, seat, title
    code: str | None = None
    sector: str | None = None
    name: str = ""
    ref: int = -1  # index into Dictionary.orgs / people / titles


@dataclass
class Unit:
    """A matched stretch of tokens (end exclusive) with what it may stand for."""

    start: int
    end: int
    targets: list[Target]
    ner: str | None = None  # the NER label when the unit comes from the model

    @property
    def kind(self) -> str:
        return self.targets[0].kind if self.targets else f"ner:{self.ner}"


@dataclass
class PhraseTable:
    exact: dict[str, list[Target]] = field(default_factory=dict)
    loose: dict[str, list[Target]] = field(default_factory=dict)


def _variants(text: str) -> set[str]:
    """A pattern as written, diacritic-free, with a capital first letter, with curly apostrophes."""
    forms = {text, fold(text)}
    forms |= {f[:1].upper() + f[1:] for f in forms}
    forms |= {f.replace("'", "\u2019") for f in forms if "'" in f}
    return {f for f in forms if f.strip()}


def _add(table: dict[str, list[Target]], text: str, target: Target, tokenize, lower: bool = False) -> None:
    for form in _variants(text):
        key = " ".join(t.text for t in tokenize(form))
        key = key.lower() if lower else key
        bucket = table.setdefault(key, [])
        if target not in bucket:
            bucket.append(target)


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "sh", "ch", "ss", "x", "s", ".")) or not demonym[-1].isalpha():
        return None
    return demonym + "s"


def _shouted(text: str) -> str | None:
    """The all-capitals form of a name for headlines and datelines ("BEIJING"), if long enough to be safe."""
    return text.upper() if len(text) >= 4 and text.upper() != text else None


def _countries(dictionary: Dictionary, table: PhraseTable, tokenize) -> None:
    for c in dictionary.countries:
        _add(table.exact, c.name, Target("country", "name", c.code, None, c.name), tokenize)
        for text, how, sector in [(c.name, "name", None), *((cap, "capital", "GOV") for cap in c.capitals)]:
            if _shouted(text):
                _add(table.exact, _shouted(text), Target("country", how, c.code, sector, c.name), tokenize)
        for alias in c.aliases:
            _add(table.exact, alias, Target("country", "alias", c.code, None, c.name), tokenize)
        for dem in c.demonyms:
            target = Target("country", "demonym", c.code, None, c.name)
            _add(table.exact, dem, target, tokenize)
            if _plural(dem):
                _add(table.exact, _plural(dem), target, tokenize)
        for capital in c.capitals:
            _add(table.exact, capital, Target("country", "capital", c.code, "GOV", c.name), tokenize)
        for text, sector in c.seats:
            _add(table.exact, text, Target("seat", "seat", c.code, sector, c.name), tokenize)


def _surnames(people: tuple[Person, ...]) -> dict[str, list[int]]:
    """Last names usable alone: not common ones, and not for names written family name first."""
    out: dict[str, list[int]] = {}
    for i, person in enumerate(people):
        parts = name_words(person.name)
        eastern = bool(person.roles) and person.roles[0].code in FAMILY_NAME_FIRST
        if person.surname and not eastern and len(parts) > 1 and parts[-1] not in COMMON_SURNAMES:
            out.setdefault(parts[-1], []).append(i)
    return out


def _people(dictionary: Dictionary, table: PhraseTable, tokenize) -> None:
    for i, p in enumerate(dictionary.people):
        target = Target("person", "name", None, None, p.name, i)
        for name in (p.name, *p.aliases):
            _add(table.exact, name, target, tokenize)
    for surname, refs in _surnames(dictionary.people).items():
        for i in refs:
            target = Target("person", "name", None, None, dictionary.people[i].name, i)
            _add(table.exact, surname, target, tokenize)


def _orgs(dictionary: Dictionary, table: PhraseTable, tokenize) -> None:
    for i, org in enumerate(dictionary.orgs):
        target = Target("org", "name", org.code, org.sector, org.name, i)
        for name in (org.name, *org.aliases):
            _add(table.exact, name, target, tokenize)


def _titles(titles: tuple[Title, ...], table: PhraseTable, tokenize) -> None:
    for i, title in enumerate(titles):
        target = Target("title", "title", title.country, title.sector, title.text, i)
        forms = [title.text]
        if title.plural:
            forms.append(title.plural)
        for form in forms:
            if title.case:
                _add(table.exact, form, target, tokenize)
            else:
                _add(table.loose, form, target, tokenize, lower=True)


class ActorMatcher:
    """The dictionary's phrase matchers, built once."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.tokenizer = spacy.blank("en")
        tokenize = self.tokenizer.make_doc
        self.table = PhraseTable()
        _countries(dictionary, self.table, tokenize)
        _orgs(dictionary, self.table, tokenize)
        _people(dictionary, self.table, tokenize)
        _titles(dictionary.titles, self.table, tokenize)
        for name, code in dictionary.places.items():
            _add(self.table.exact, name, Target("place", "place", code, None, name), tokenize)
        for i, people in enumerate(dictionary.peoples):
            target = Target("people", "people", None, None, people.text, i)
            for form in filter(None, (people.text, people.plural)):
                _add(self.table.exact, form, target, tokenize)
        for phrase in dictionary.blocks:
            _add(self.table.exact, phrase, Target("block", "block", name=phrase), tokenize)
        vocab = self.tokenizer.vocab
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.exact.add("ACTOR", [tokenize(k) for k in self.table.exact])
        self.loose = PhraseMatcher(vocab, attr="LOWER")
        self.loose.add("TITLE", [tokenize(k) for k in self.table.loose])

    def units(self, doc: Doc) -> list[Unit]:
        """Every dictionary match in ``doc``, longest first, as non-overlapping units sorted by start."""
        found: list[Unit] = []
        for _, start, end in self.exact(doc):
            key = " ".join(t.text for t in doc[start:end])
            found.append(Unit(start, end, list(self.table.exact.get(key, ()))))
        for _, start, end in self.loose(doc):
            key = " ".join(t.lower_ for t in doc[start:end])
            found.append(Unit(start, end, list(self.table.loose.get(key, ()))))
        return non_overlapping([u for u in found if u.targets])

    def lookup(self, text: str) -> list[Target]:
        """The targets of one phrase, exact case first, then as a title."""
        tokens = [t.text for t in self.tokenizer.make_doc(text.strip())]
        key = " ".join(tokens)
        return list(self.table.exact.get(key) or self.table.loose.get(key.lower()) or ())


def non_overlapping(units: list[Unit]) -> list[Unit]:
    """Longest first (earliest on ties); returns the kept units sorted by start."""
    taken: set[int] = set()
    kept: list[Unit] = []
    for unit in sorted(units, key=lambda u: (u.start - u.end, u.start)):
        positions = range(unit.start, unit.end)
        if any(p in taken for p in positions):
            continue
        taken.update(positions)
        kept.append(unit)
    return sorted(kept, key=lambda u: u.start)

"""Misspelt names: a country or a known person one typing slip away ("Ethopia", "Francois Mitterand").

Wire copy often misspells names. One edit is an inserted, dropped or replaced
letter, or two neighbouring letters swapped.

- A word is read as a country's one-word name or alias (of 5 letters or more)
  one edit away ("Quatar" -> Qatar, "Afganistan" -> Afghanistan,
  "Phillippines" -> the Philippines) when it is capitalised, alphabetic and of
  6 letters or more; is no word the language model knows (its vocabulary has
  "Indiana", "Columbia", "Angela", "Franco") and no place the gazetteer knows;
  is not the name's plural ("the Americas", "the two Koreas"); and is not part
  of a person's name or of a longer name anywhere in the article ("Donna
  Brazile ... Brazile said" is no Brazil). Demonyms and capitals are never
  corrected ("Palawan" is not "Palauan").
- A person the model names ("Francois Mitterand") is a dictionary person whose
  full name has the same first names (case and diacritics aside) and a surname
  of 6 letters or more one edit away. A surname alone is never corrected
  ("Fallon" is not "Fillon"), nor a first name (families share surnames).

Without the model's vocabulary (an unknown pipeline) nothing is corrected.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache

from spacy.tokens import Doc, Span, Token

from comity.actors.dictionary import fold
from comity.actors.match import PhraseTable, Target

MIN_WORD = 6  # letters in a word read as a misspelt country
MIN_COUNTRY = 5  # letters in a country name or alias that may be misspelt
MIN_SURNAME = 6  # letters in a known person's surname that may be misspelt
COUNTRY_HOWS = frozenset({"name", "alias"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


def one_edit(a: str, b: str) -> bool:
    """Exactly one inserted, dropped or replaced letter, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) > len(b):
        return a[i + 1:] == b[i:]
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    if a[i + 1:] == b[i + 1:]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped: two words one edit apart share one."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


class _NearIndex:
    """Keys one edit from a word, found through their shared _deletions."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.buckets: dict[str, set[str]] = {}
        for k in keys:
            for d in _deletions(k):
                self.buckets.setdefault(d, set()).add(k)

    def near(self, word: str) -> list[str]:
        found = {k for d in _deletions(word) for k in self.buckets.get(d, ())}
        return sorted(k for k in found if one_edit(word, k))


@cache
def known_words(model: str) -> frozenset[str]:
    """The strings of an installed spaCy pipeline's vocabulary (as shipped, not as grown while parsing)."""
    try:
        import spacy.util

        root = spacy.util.get_package_path(model)
    except ImportError:  # an unknown pipeline: nothing is known, nothing is corrected
        return frozenset()
    for path in (root / "vocab" / "strings.json", *root.glob("*/vocab/strings.json")):
        if path.is_file():
            try:
                return frozenset(s for s in json.loads(path.read_text(encoding="utf-8")) if s.isalpha())
            except (OSError, ValueError):
                return frozenset()
    return frozenset()


class Misspellings:
    """Countries and known people under a misspelt name; see the module docstring."""

    def __init__(self, table: PhraseTable, known: frozenset[str]) -> None:
        self.known = known
        self.exact = table.exact
        self.countries: dict[str, list[Target]] = {}
        self.people: dict[str, list[Target]] = {}  # folded lower-case surname -> full-name keys' targets
        self.full: dict[str, tuple[list[str], list[Target]]] = {}
        for key, targets in table.exact.items():
            if key.isalpha() and len(key) >= MIN_COUNTRY and key[0].isupper() and key[1:].islower():
                countries = [t for t in targets if t.kind == "country" and t.how in COUNTRY_HOWS]
                if countries:
                    self.countries.setdefault(key, countries)
            people = [t for t in targets if t.kind == "person"]
            parts = fold(key).lower().split()
            if people and len(parts) > 1 and len(parts[-1]) >= MIN_SURNAME and parts[-1].isalpha():
                self.full.setdefault(" ".join(parts), (parts, people))
        self.country_index = _NearIndex(self.countries)
        self.surname_index = _NearIndex({parts[-1] for parts, _ in self.full.values()})
        self.by_surname: dict[str, list[str]] = {}
        for name, (parts, _) in self.full.items():
            self.by_surname.setdefault(parts[-1], []).append(name)

    def country(self, doc: Doc, token: Token, place: Callable[[str], str | None]) -> list[Target]:
        """The country a misspelt word names, or []."""
        word = token.text
        if not self.known or word in self.exact or not self.could_be_country(word) or place(word):
            return []
        if _in_a_name(doc, word):
            return []
        keys = [k for k in self.country_index.near(word) if word != k + "s"]
        codes = {t.code for k in keys for t in self.countries[k]}
        return list(self.countries[keys[0]]) if len(codes) == 1 else []

    def could_be_country(self, word: str) -> bool:
        return (len(word) >= MIN_WORD and word.isalpha() and word[0].isupper() and word[1:].islower()
                and word not in self.known and word.lower() not in self.known)

    def person(self, span: Span) -> list[Target]:
        """The known person a misspelt full name names ("Francois Mitterand"), or []."""
        parts = fold(" ".join(t.text for t in span)).lower().split()
        if not self.known or len(parts) < 2 or " ".join(parts) in self.full:
            return []  # spelt right: the dictionary's own matcher has it
        found = [name for surname in self.surname_index.near(parts[-1])
                 for name in self.by_surname[surname] if self.full[name][0][:-1] == parts[:-1]]
        people = {id(t): t for name in found for t in self.full[name][1]}
        return list(people.values()) if len({t.ref for t in people.values()}) == 1 else []


def _in_a_name(doc: Doc, word: str) -> bool:
    """The word is part of a person's name, or of a longer name, somewhere in the article."""
    for ent in doc.ents:
        longer = len(ent) > 1 and ent.label_ not in PLACE_LABELS
        if (ent.label_ == "PERSON" or longer) and any(t.text == word for t in ent):
            return True
    return False

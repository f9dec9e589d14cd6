"""Actors: who is mentioned, resolved to a country (or international body) and a sector.

>>> index = ActorIndex.from_config(Config())
>>> index.resolve("the Kremlin")
Entity(code='RUS', sector='GOV', name='Russia', kind='country', title=None)

An :class:`ActorIndex` holds the actor dictionary (``data/actors*.json`` plus
the user's ``Config.actor_files``) and its phrase matchers, built once per
configuration. ``mentions(parsed)`` finds every actor mention in an article:
dictionary phrases first (longest match wins), composed with titles
("Russia's foreign minister", "Chinese leader Xi Jinping"), then the model's
PERSON, ORG and place names the dictionary lacks. A one-word name resolves to
the fullest form of that surname seen earlier in the article ("Kennedy" after
"Scott Kennedy"). Office holders are coded by the publication date.

What a mention's entity says:

- ``kind``: ``country`` (a state, its capital, seat of power or a place in it),
  ``igo`` (UN, EU and other intergovernmental bodies; ``name`` is PLOVER's
  identifier_text), ``org``, ``group`` (armed and opposition groups),
  ``person`` (named, or a personal title such as "Russia's foreign minister").
- ``sector``: ``None`` for a country named as such ("Russia", "Russian"),
  ``GOV`` for capitals and most seats, the title's sector for a titled mention
  ("the Chinese military" -> MIL), the office's for a known person on the date,
  ``ELI`` for a former office holder ("former President ...", or a dictionary
  person whose offices all ended before the date).
- ``name``: PLOVER's identifier_text, the canonical name of what the mention
  identifies: a state's canonical name for the state and its offices ("foreign
  ministers of Japan" -> "Japan", the title in ``title``), an organisation's
  or group's own name for it and its offices ("NATO chief").
- ``how`` (on the :class:`Mention`): ``name``, ``alias``, ``demonym``,
  ``capital``, ``seat``, ``place``, ``title`` (a title phrase, with or without a
  country) or ``coref`` (a surname resolved to a person named earlier).
- Groups of people: "Burundian militiamen" (BDI REB), "Vietnamese-led forces",
  ethnic and religious groups ("Bosnian Serbs" BIH, "Muslim hackers" with no
  country): see actors.peoples. A city hosting an international body stands
  for it when the sentence is about the body's acts ("Brussels imposed duties"
  -> EU): see actors.seats.
  Unknown people have ``code`` None unless a title or an apposition states it
  ("X, Kenya's foreign minister", "X, a fellow at Peking University").
- Misspelt names: a word one typing slip from a country's name ("Ethopia") and a
  person the model names one slip from a known office holder ("Francois
  Mitterand") are read as them, guarded by the model's vocabulary: see
  actors.fuzzy. An organisation's name takes a lower-case "party" and a
  parenthesised gloss the model left out ("the Umma (Nation) party" PTY).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token

from comity.actors.compose import ORG_SECTORS, POSSESSIVE, Composer, org_sector
from comity.actors.coref import bare_surnames, resolve_people
from comity.actors.dictionary import Dictionary, load_dictionary, words
from comity.actors.fuzzy import Misspellings, known_words
from comity.actors.match import ActorMatcher, Target, Unit, non_overlapping
from comity.actors.piece import Piece
from comity.actors.places import build_place_table, geonames_country, key, shared_capitals
from comity.actors.seats import seat_pieces
from comity.config import Config
from comity.datafiles import load
from comity.records import Entity, Mention
from comity.text.document import Parsed

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
DETERMINERS = frozenset({"the", "a", "an"})
ORG_WORDS = frozenset().union(*ORG_SECTORS.values())
# head words of a state's own bodies named after it ("U.S. Department of Agriculture")
STATE_BODIES = {
    **dict.fromkeys(words("department ministry agency commission office bureau authority service services "
                          "directorate administration council secretariat"), "GOV"),
    **dict.fromkeys(words("army navy forces force guard command corps"), "MIL"),
    **dict.fromkeys(words("police gendarmerie"), "COP"),
    **dict.fromkeys(words("court tribunal"), "JUD"),
    **dict.fromkeys(words("parliament assembly senate congress"), "LEG"),
}


class ActorIndex:
    """The actor dictionary with its matchers; build with :meth:`from_config`."""

    def __init__(self, dictionary: Dictionary, dependencies: dict[str, str],
                 known: frozenset[str] = frozenset()) -> None:
        self.dictionary = dictionary
        self.dependencies = dependencies
        self.matcher = ActorMatcher(dictionary)
        self.places = build_place_table(dictionary, dependencies)
        self.misspelt = Misspellings(self.matcher.table, known)

    @classmethod
    def from_config(cls, config: Config | None = None) -> ActorIndex:
        config = config or Config()
        return _index(config.actor_files, config.model)

    # -- public API ----------------------------------------------------------------

    def mentions(self, parsed: Parsed) -> list[Mention]:
        """Every actor mention in the article, non-overlapping, sorted by span."""
        return self.mentions_in(parsed.doc, parsed.article.published, parsed.masked_text)

    def mentions_in(self, doc: Doc, on: date | None, text: str | None = None) -> list[Mention]:
        """Every actor mention in ``doc`` (``text``: the Doc's text, when the caller has it)."""
        units = self.units(doc)
        pieces = Composer(self.dictionary, doc, on, self.country_of_place).compose(units)
        pieces = seat_pieces(doc, pieces, self.dictionary, on)
        pieces = resolve_people(doc, pieces)
        pieces = sorted(pieces + bare_surnames(doc, pieces), key=lambda p: p.start)
        mentions = [self.to_mention(doc, p) for p in pieces]
        mentions += self.hyphenated(doc, units, on, doc.text if text is None else text)
        return sorted(shared_capitals(mentions, self.dictionary, on), key=lambda m: m.span)

    def resolve(self, text: str, on: date | None = None) -> Entity | None:
        """What a name, alias, demonym, seat, person, organisation or title phrase stands for."""
        doc = self.matcher.tokenizer.make_doc(text.strip().rstrip(".,;:"))
        words = [t for t in doc if t.lower_ not in DETERMINERS]
        while words and words[-1].lower_ in POSSESSIVE:
            words.pop()
        if not words:
            return None
        first, last = words[0].i, words[-1].i + 1
        units = self.matcher.units(doc)
        pieces = Composer(self.dictionary, doc, on, self.country_of_place).compose(units)
        for piece in pieces:
            if piece.start <= first and piece.end >= last:
                return piece.entity
        return None

    def country_of_place(self, name: str) -> str | None:
        """The country a place is in: a country, capital, region or city name ("Sydney" -> "AUS")."""
        k = key(name)
        if not k:
            return None
        return self.places.get(k) or geonames_country(k, self.dependencies)

    def person(self, name: str, on: date | None = None) -> Entity | None:
        """A known office holder by full name, alias or (unambiguous) surname, coded for ``on``."""
        targets = [t for t in self.matcher.lookup(name) if t.kind == "person"]
        if not targets:
            return None
        doc = self.matcher.tokenizer.make_doc(name)
        return Composer(self.dictionary, doc, on, self.country_of_place).person_entity(targets)

    # -- internals -----------------------------------------------------------------

    def units(self, doc: Doc) -> list[Unit]:
        """Dictionary units merged with the model's names (PERSON, ORG, places)."""
        units = self.matcher.units(doc)
        owner = [-1] * len(doc)
        for n, unit in enumerate(units):
            for i in range(unit.start, unit.end):
                owner[i] = n
        extra: list[Unit] = []
        dropped: set[int] = set()
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS:
                continue
            start, end = trim(doc, ent.start, ent.end)
            if start >= end or not self.proper_name(doc, start, end):
                continue
            if ent.label_ == "ORG":
                end = _party_end(doc, start, end)
            inside = {owner[i] for i in range(start, end) if owner[i] >= 0}
            within = [units[n] for n in inside]
            if (misspelt := self.misspelt_unit(doc, ent.label_, start, end, bool(inside))) is not None:
                dropped |= inside
                extra.append(misspelt)
            elif not inside:
                extra.append(Unit(start, end, [], ner=ent.label_))
            elif self.model_wins(doc, ent.label_, start, end, within):
                dropped |= inside
                extra.append(_named_unit(doc, ent.label_, start, end, within))
            elif (institution := self.state_institution(doc, ent.label_, start, end, within)):
                dropped |= inside
                extra.append(institution)
            elif (named := _after_titles(ent.label_, start, end, within)) is not None:
                extra.append(named)
        kept = [u for n, u in enumerate(units) if n not in dropped]
        return non_overlapping(kept + extra + self.misspelt_words(doc, kept + extra))

    def misspelt_unit(self, doc: Doc, label: str, start: int, end: int, matched: bool) -> Unit | None:
        """A model's name that misspells a known person ("Francois Mitterand") or a country ("Quatar");
        ``matched``: the dictionary matched words inside it."""
        if label == "PERSON":
            targets = self.misspelt.person(doc[start:end])
        elif end - start == 1 and not matched:
            targets = self.misspelt.country(doc, doc[start], self.country_of_place)
        else:
            targets = []
        return Unit(start, end, targets) if targets else None

    def misspelt_words(self, doc: Doc, units: list[Unit]) -> list[Unit]:
        """Words outside every name that misspell a country ("Ethopia has agreed")."""
        covered = {i for u in units for i in range(u.start, u.end)}
        out = []
        for token in doc:
            if token.i in covered or token.ent_type_ or not self.misspelt.could_be_country(token.text):
                continue
            targets = self.misspelt.country(doc, token, self.country_of_place)
            if targets:
                out.append(Unit(token.i, token.i + 1, targets))
        return out

    def state_institution(self, doc: Doc, label: str, start: int, end: int, inside: list[Unit]
                          ) -> Unit | None:
        """A named body of a state the dictionary lacks: "the U.S. Department of Agriculture" -> USA GOV."""
        if label != "ORG" or any(u.start < start or u.end > end or u.kind == "title" for u in inside):
            return None
        code = _leading_country(start, inside)
        sector = next((STATE_BODIES[t.lower_] for t in doc[start:end] if t.lower_ in STATE_BODIES), None)
        if code is None or sector is None:
            return None
        return Unit(start, end, [Target("org", "name", code, sector, doc[start:end].text)])

    def proper_name(self, doc: Doc, start: int, end: int) -> bool:
        """A capitalised name that is not countries joined by hyphens ("U.S.-Mexico")."""
        text = doc[start:end].text
        if not any(ch.isupper() for ch in text):
            return False
        if end - start == 1 and "-" in text[1:-1]:
            return not any(self.matcher.lookup(part) for part in text.split("-") if part)
        return True

    def model_wins(self, doc: Doc, label: str, start: int, end: int, inside: list[Unit]) -> bool:
        """A longer name of the model beats dictionary words inside it ("Jordan Peterson",
        "East China Normal University"), never a title or an institution."""
        if any(u.start < start or u.end > end for u in inside):
            return False
        if sum(u.end - u.start for u in inside) >= end - start:
            return False
        kinds = {u.kind for u in inside if not (u.kind == "title" and u.start > start)}
        if label == "PERSON":
            if self.matcher.lookup(doc[start:end].text):
                return False
            return kinds <= {"country", "person", "place", "block"}
        if label in ("ORG", "FAC"):
            has_org_word = any(t.lower_ in ORG_WORDS for t in doc[start:end])
            return has_org_word and kinds <= {"country", "person", "place", "block"}
        return False

    def to_mention(self, doc: Doc, piece: Piece) -> Mention:
        span = doc[piece.start:piece.end]
        return Mention(span.text, (span.start_char, span.end_char), piece.entity, piece.how)

    def hyphenated(self, doc: Doc, units: list[Unit], on: date | None, text: str) -> list[Mention]:
        """Countries and organisations inside one token joined by hyphens ("U.S.-China", "NATO-led");
        ``text``: the Doc's text."""
        covered = {i for u in units for i in range(u.start, u.end)}
        out: list[Mention] = []
        for token in _hyphen_tokens(doc, text):
            if token.i in covered or "-" not in token.text[1:-1]:
                continue
            offset = 0
            for part in token.text.split("-"):
                entity = self.part_entity(part, on)
                if entity is not None:
                    begin = token.idx + offset
                    out.append(Mention(part, (begin, begin + len(part)), entity, "name"))
                offset += len(part) + 1
        return out

    def part_entity(self, part: str, on: date | None) -> Entity | None:
        targets = [t for t in self.matcher.lookup(part) if t.kind in ("country", "org")] if part else []
        if not targets:
            return None
        t = targets[0]
        if t.kind == "org":
            return self.dictionary.orgs[t.ref].entity(on)
        return Entity(t.code, t.sector, t.name, "country")


def _hyphen_tokens(doc: Doc, text: str) -> list[Token]:
    """The tokens, in order, that may hold a hyphen between two other characters (found in the text,
    so that an article's every token need not be looked at)."""
    found: dict[int, Token] = {}
    for match in _INNER_HYPHEN.finditer(text):
        token = doc.char_span(match.start() + 1, match.start() + 2, alignment_mode="expand")
        if token is not None and len(token) == 1:
            found.setdefault(token[0].i, token[0])
    return list(found.values())


_INNER_HYPHEN = re.compile(r"[^ ](?=-[^ ])")  # no token but a blank one holds a space


def _after_titles(label: str, start: int, end: int, inside: list[Unit]) -> Unit | None:
    """The name after the titles a model's PERSON begins with ("Archbishop Amos Wekesa" -> the title
    and "Amos Wekesa"), when the dictionary knows nothing else in it."""
    if label != "PERSON" or not inside or any(u.kind != "title" for u in inside):
        return None
    stop = start
    for unit in sorted(inside, key=lambda u: u.start):
        if unit.start != stop:
            return None
        stop = unit.end
    return Unit(stop, end, [], ner=label) if stop < end else None


def _leading_country(start: int, inside: list[Unit]) -> str | None:
    """The country a name begins with ("Russian Academy of Sciences" -> RUS), if any."""
    first = min(inside, key=lambda u: u.start, default=None)
    if first is None or first.start != start or first.kind != "country":
        return None
    return first.targets[0].code


def _named_unit(doc: Doc, label: str, start: int, end: int, inside: list[Unit]) -> Unit:
    """A model's name that beat the dictionary words inside it; an organisation keeps a leading country."""
    code = _leading_country(start, inside) if label in ("ORG", "FAC") else None
    if code is None:
        return Unit(start, end, [], ner=label)
    text = doc[start:end].text
    return Unit(start, end, [Target("org", "name", code, org_sector(text), text)])


PARTY_WORDS = words("party")
GLOSS_WINDOW = 4


def _party_end(doc: Doc, start: int, end: int) -> int:
    """The end of an organisation's name with its gloss and a lower-case "party" the model left out:
    "the Umma (Nation) party", "the Baath party"."""
    if any(t.text == "(" for t in doc[start:end]) and not any(t.text == ")" for t in doc[start:end]):
        close = next((t.i for t in doc[end:end + GLOSS_WINDOW] if t.text == ")"), None)
        if close is None:
            return end
        end = close + 1
    if end < len(doc) and doc[end].lower_ in PARTY_WORDS:
        return end + 1
    return end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name without leading determiners or a trailing possessive."""
    while start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    while end > start and doc[end - 1].lower_ in POSSESSIVE:
        end -= 1
    return start, end


@cache
def _index(actor_files: tuple, model: str) -> ActorIndex:
    dictionary = load_dictionary(actor_files)
    dependencies = dict(load("actors_countries.json", actor_files).get("dependencies", {}))
    dependencies.pop("about", None)
    return ActorIndex(dictionary, dependencies, known_words(model))

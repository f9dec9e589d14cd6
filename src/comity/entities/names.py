"""Referents from names: the actor stage's mentions and the parser's named entities.

Every name in the article body becomes a reference. Names of one thing share a
referent: a state's name, alias, capital and seat ("China", "Beijing"); a
person's full name, surname and title-plus-name ("Sergei Lavrov", "Lavrov",
"Mr. Lavrov"); an organisation's name and the acronym the text defines for it
("the National Liberation Front (NLF)" ... "the NLF"). A demonym used as a
modifier ("Chinese officials") names no referent of its own. A name the actor
dictionary knows as a country stays a state, even where a person elsewhere
bears it as a given name ("Jordan" and "Jordan Smith").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from comity.actors.dictionary import name_words
from comity.entities.model import GROUP, ORGANISATION, PERSON, PLACE, STATE, EntityModel, Reference, Referent
from comity.records import Entity, Mention
from comity.text.normalize import strip_possessive

ACTOR_KINDS = {"country": STATE, "igo": ORGANISATION, "org": ORGANISATION, "group": ORGANISATION,
               "person": PERSON}
NER_KINDS = {"PERSON": PERSON, "ORG": ORGANISATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
NAME_EDGE = " \t\n,.;:'’\"“”()[]-—–"


@dataclass
class Traits:
    """What the entity model reads of the knowledge files: gender words, given names, honorifics and
    nouns naming people (``data/roles.json``), and verbs and nouns of saying (``data/cues.json``)."""

    gender_words: dict[str, str] = field(default_factory=dict)
    given_names: dict[str, str] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()
    person_nouns: dict[str, str] = field(default_factory=dict)  # noun -> male, female or any
    people_nouns: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()  # "statement", "letter": what a verb of saying's object may be


@dataclass
class _NameBook:
    """The names read so far and the referent each belongs to."""

    model: EntityModel
    traits: Traits
    by_key: dict[tuple[str, str], int] = field(default_factory=dict)
    surnames: dict[str, int] = field(default_factory=dict)
    aliases: dict[str, int] = field(default_factory=dict)
    titled: dict[int, Mention] = field(default_factory=dict)  # a title phrase's head token -> its mention


def is_subject(token: Token) -> bool:
    """The head of a subject, or a conjunct of one ("Russia and China said"), or a name set beside one
    ("an independent, Edward Yiu, defeated ...")."""
    for _ in range(6):
        if token.dep_ not in ("conj", "appos") or token.head.i == token.i:
            break
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def _phrase_head(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of tokens ``start``..``end``: the span's root, or the noun a name is a compound
    of when the parser split the name ("Wong Yeung-tat": "tat")."""
    head = doc[start:end].root
    for _ in range(3):
        if head.dep_ not in ("compound", "flat") or head.head.i < end or head.head.i > end + 2:
            break
        head = head.head
    return head


def _head(doc: Doc, start: int, end: int) -> Token:
    return doc[start:end].root


def _modifier(doc: Doc, mention: Mention, start: int, end: int) -> bool:
    """A demonym or name used to modify a noun ("Chinese officials", "the Russia desk")."""
    head = _head(doc, start, end)
    return mention.how == "demonym" and head.dep_ in MODIFIER_DEPS and head.head.i >= end


def _gender(doc: Doc, start: int, end: int, traits: Traits) -> str | None:
    """What the words right around a person's name, or their given name, say of their gender."""
    near = [doc[i] for i in range(max(0, start - 3), min(len(doc), end + 6))]
    for token in near:
        found = traits.gender_words.get(token.lower_)
        if found:
            return found
    return traits.given_names.get(doc[start].lower_) if end - start > 1 else None


def _person_name(text: str, traits: Traits) -> str:
    words = strip_possessive(text).strip(NAME_EDGE).split()
    while len(words) > 1 and words[0].lower().rstrip(".") + "." in traits.honorifics | {"mr.", "mrs.", "ms."}:
        words = words[1:]
    return " ".join(words)


def _person_referent(book: _NameBook, name: str, entity_name: str | None) -> Referent | None:
    """The person a name belongs to: the dictionary's name, the same full name, or a surname or given
    name already read in a longer name."""
    canonical = entity_name or name
    known = book.by_key.get((PERSON, canonical.lower()))
    if known is not None:
        return book.model.referents[known]
    words = name.split()
    if len(words) == 1:
        found = book.surnames.get(words[0].lower())
        if found is not None:
            return book.model.referents[found]
        return None
    tail = " " + name.lower()  # "Fernández de Kirchner", "Lula da Silva": the end of a full name read before
    longer = {i for (kind, key), i in book.by_key.items() if kind == PERSON and key.endswith(tail)}
    return book.model.referents[longer.pop()] if len(longer) == 1 else None


def _new(book: _NameBook, kind: str, name: str, key: str, **traits) -> Referent:
    referent = book.model.add_referent(kind, name, **traits)
    book.by_key[(kind, key.lower())] = referent.id
    words = name_words(name)
    if kind == PERSON and len(words) > 1:
        book.surnames[words[-1].lower()] = referent.id
    return referent


def _reference(doc: Doc, start: int, end: int, how: str, referent: Referent | None) -> Reference:
    span = doc[start:end]
    head = _phrase_head(doc, start, end)
    return Reference(span.text, (span.start_char, span.end_char), start, end, how,
                     referent.id if referent is not None else None, head.i, is_subject(head))


def _add_actor_mention(book: _NameBook, doc: Doc, mention: Mention) -> None:
    """A reference (and, when new, a referent) for one actor-stage mention."""
    span = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
    if span is None or _modifier(doc, mention, span.start, span.end):
        return
    entity = mention.entity
    kind = ACTOR_KINDS.get(entity.kind)
    if kind is None or mention.how == "pronoun":
        return
    if mention.how == "demonym" and _phrase_head(doc, span.start, span.end).tag_ in PLURAL_TAGS:
        _add_people(book, doc, span.start, span.end, entity.code)  # "the Russians": people, not the state
        return
    if mention.how == "title" and kind == PERSON and entity.code and entity.title:
        holder = _holder(book, entity.code, entity.title)  # "the US President": the one the text named
        if holder is not None:
            book.model.add(_reference(doc, span.start, span.end, "description", holder))
        else:
            book.titled[_phrase_head(doc, span.start, span.end).i] = mention
        return
    if mention.how == "title" and (kind == PERSON or mention.text.islower()):
        return  # a title alone ("the foreign minister", "the ministry") is a description, read later
    if kind == PERSON:
        name = _person_name(mention.text, book.traits)
        referent = _person_referent(book, name, entity.name if entity.name != mention.text else None)
        if referent is None:
            if not entity.code:
                entity = _titled_by(book, doc, span.start, span.end) or entity
            referent = _new(book, PERSON, entity.name or name, entity.name or name, code=entity.code,
                            sector=entity.sector, title=entity.title,
                            gender=_gender(doc, span.start, span.end, book.traits))
        how = "surname" if len(name.split()) == 1 or mention.how == "coref" else "name"
    elif mention.how in ("capital", "place") and mention.text.lower() in book.surnames:
        referent = book.model.referents[book.surnames[mention.text.lower()]]  # "Valeska Paris ... Paris said"
        how = "surname"
    elif mention.how == "title":  # "the Chilean Foreign Ministry": a body of the state, not the state
        name = strip_possessive(mention.text).strip(NAME_EDGE)
        name = name[4:] if name.lower().startswith("the ") else name
        known = book.by_key.get((ORGANISATION, name.lower()))
        referent = book.model.referents[known] if known is not None else _new(
            book, ORGANISATION, name, name, code=entity.code, sector=entity.sector)
        how = "name"
    else:
        key = entity.code if kind == STATE and entity.code else entity.name
        known = book.aliases.get(mention.text) or book.by_key.get((kind, key.lower()))
        referent = book.model.referents[known] if known is not None else _new(
            book, kind, entity.name, key, code=entity.code, sector=entity.sector)
        how = "name" if mention.how in ("name", "alias") else mention.how
    book.model.add(_reference(doc, span.start, span.end, how, referent))
    _define_acronym(book, doc, span.end, referent)


def _titled_by(book: _NameBook, doc: Doc, start: int, end: int) -> Entity | None:
    """ "The Argentine vice president, Cristina Fernandez,": a name set beside a title phrase of a state
    takes the title's code, sector and title (the actor stage reads a title only before or after a name)."""
    head = _phrase_head(doc, start, end)
    mention = book.titled.get(head.head.i) if head.dep_ == "appos" and head.head.i < head.i else None
    return replace(mention.entity, name=None) if mention is not None else None


def _holder(book: _NameBook, code: str, title: str) -> Referent | None:
    """The latest person of state ``code`` the text named with the title word ``title`` (its last word)."""
    word = title.lower().split()[-1]
    for referent in reversed(book.model.referents):
        if referent.kind == PERSON and referent.code == code and referent.title \
                and word in referent.title.lower().split():
            return referent
    return None


def _define_acronym(book: _NameBook, doc: Doc, end: int, referent: Referent) -> None:
    """"the National Liberation Front (NLF)": the acronym in parentheses right after a name is an alias."""
    if referent.kind not in (ORGANISATION, STATE) or end + 2 >= len(doc):
        return
    if doc[end].text == "(" and doc[end + 2].text == ")" and ACRONYM.match(doc[end + 1].text):
        acronym = doc[end + 1].text
        book.aliases.setdefault(acronym, referent.id)
        book.by_key.setdefault((referent.kind, acronym.lower()), referent.id)
        book.model.update(referent, aliases=(*referent.aliases, acronym))


def _add_people(book: _NameBook, doc: Doc, start: int, end: int, code: str | None) -> None:
    """A people named by a plural demonym or group word ("the Russians", "Muslims"): one plural group."""
    name = doc[start:end].text
    known = book.by_key.get((GROUP, name.lower()))
    referent = book.model.referents[known] if known is not None else _new(
        book, GROUP, name, name, code=code, plural=True)
    book.model.add(_reference(doc, start, end, "name", referent))


def _add_named_entity(book: _NameBook, ent: TokenSpan) -> None:
    """A reference for a parser entity the actor stage left alone (an unknown person, company, town)."""
    if ent.label_ == "NORP" and ent.root.tag_ in PLURAL_TAGS:
        _add_people(book, ent.doc, ent.start + (1 if ent[0].lower_ == "the" else 0), ent.end, None)
        return
    kind = NER_KINDS.get(ent.label_)
    if kind is None:
        return
    doc = ent.doc
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    if start >= ent.end:
        return
    text = strip_possessive(doc[start:ent.end].text).strip(NAME_EDGE)
    if not text or not any(c.isalpha() for c in text):
        return
    if kind == PERSON:
        name = _person_name(text, book.traits)
        referent = _person_referent(book, name, None) or _new(
            book, PERSON, name, name, gender=_gender(doc, start, ent.end, book.traits))
        how = "surname" if len(name.split()) == 1 else "name"
    else:
        known = book.aliases.get(text) or book.by_key.get((kind, text.lower()))
        if known is None and kind == PLACE:
            known = book.by_key.get((STATE, text.lower()))
        referent = book.model.referents[known] if known is not None else _new(book, kind, text, text)
        how = "acronym" if text in book.aliases else "name"
    book.model.add(_reference(doc, start, ent.end, how, referent))
    _define_acronym(book, doc, ent.end, referent)


def read_names(model: EntityModel, doc: Doc, mentions: list[Mention], in_body, traits: Traits) -> _NameBook:
    """Every name of the article body as a reference, in text order (actor mentions win over the parser's
    entities where both cover a word)."""
    book = _NameBook(model, traits)
    taken: set[int] = set()
    items: list[tuple[int, object]] = []
    for mention in mentions:
        if in_body(mention.span):
            span = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
            if span is not None:
                taken.update(range(span.start, span.end))
                items.append((span.start, mention))
    for ent in doc.ents:
        wanted = ent.label_ in NER_KINDS or ent.label_ == "NORP"
        free = not taken.intersection(range(ent.start, ent.end))
        if wanted and free and in_body((ent.start_char, ent.end_char)):
            items.append((ent.start, ent))
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, Mention):
            _add_actor_mention(book, doc, item)
        else:
            _add_named_entity(book, item)
    return book

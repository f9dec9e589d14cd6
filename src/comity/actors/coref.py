"""People named again in an article: a surname to the fullest name seen before, an unknown person's
country and sector from the apposition after the name.

Run by :meth:`comity.actors.resolve.ActorIndex.mentions_in` over the composed pieces, in text
order: "Kennedy" after "Scott Kennedy" is that person (``how`` ``coref``), also where the model
missed the surname or the text misspells it ("Francois Mitterand ... Mitterand said"); "X,
Russia's foreign minister" and "X, a fellow at the Sydney-based Y Institute" give X a country.
"""

from __future__ import annotations

from spacy.tokens import Doc

from comity.actors.dictionary import fold, name_words
from comity.actors.fuzzy import one_edit
from comity.actors.piece import Piece
from comity.records import Entity


def resolve_people(doc: Doc, pieces: list[Piece]) -> list[Piece]:
    """Surnames to the fullest name seen before; appositions ("X, Russia's foreign minister") to X."""
    last: dict[str, Entity] = {}
    first: dict[str, Entity] = {}
    out: list[Piece] = []
    for n, piece in enumerate(pieces):
        entity = piece.entity
        one_word = piece.end - piece.start == 1 and (entity.code is None or piece.how == "place")
        if one_word and (entity.name in last or entity.name in first):
            known = last.get(entity.name) or first[entity.name]
            out.append(Piece(piece.start, piece.end, known, "coref", True))
            continue
        if entity.kind == "person" and piece.named:
            entity = apposition(doc, pieces, n)
            given = entity.name.split()
            if len(given) > 1:
                remember(first, given[0], entity)  # "King Charles III ... Charles said"
            words = name_words(entity.name)
            if len(words) > 1:
                remember(last, words[-1], entity)
                written = doc[piece.end - 1].text
                spelt = words[-1].isalpha() and written.isalpha()
                if spelt and one_edit(fold(written).lower(), fold(words[-1]).lower()):
                    remember(last, written, entity)  # "Francois Mitterand ... Mitterand said"
        out.append(Piece(piece.start, piece.end, entity, piece.how, piece.named))
    return out


def remember(seen: dict[str, Entity], word: str, entity: Entity) -> None:
    """The latest person of that name; for the same person, the fullest record (with a country)."""
    known = seen.get(word)
    if known is None or known.name != entity.name or (known.code is None and entity.code is not None):
        seen[word] = entity


def bare_surnames(doc: Doc, pieces: list[Piece]) -> list[Piece]:
    """Capitalised words the model missed that are the surname of the latest person of that name."""
    named = [p for p in pieces if p.entity.kind == "person" and p.named and p.how != "coref"
             and len(name_words(p.entity.name)) > 1]
    if not named:
        return []
    covered = {i for p in pieces for i in range(p.start, p.end)}
    current: dict[str, Entity] = {}
    out: list[Piece] = []
    n = 0
    for token in doc:
        while n < len(named) and named[n].end <= token.i:
            current[name_words(named[n].entity.name)[-1]] = named[n].entity
            n += 1
        entity = current.get(token.text)
        if entity is not None and token.i not in covered and token.text[:1].isupper():
            out.append(Piece(token.i, token.i + 1, entity, "coref", True))
    return out


AFFILIATION_PREPS = frozenset({"at", "of", "for", "with", "from", "to"})
APPOSITION_WINDOW = 14


def apposition(doc: Doc, pieces: list[Piece], n: int) -> Entity:
    """An unknown person's country and sector from the apposition after the name: a title
    ("X, Russia's foreign minister") or an affiliation ("X, a fellow at the Sydney-based Y Institute")."""
    piece = pieces[n]
    entity = piece.entity
    if entity.code is not None or piece.end >= len(doc) or doc[piece.end].text != ",":
        return entity
    for other in pieces[n + 1:n + 5]:
        if other.start - piece.end > APPOSITION_WINDOW or not plain_words(doc, piece.end + 1, other.start):
            break
        found = other.entity
        if found.code is None or (found.kind == "country" and other.how != "title"):
            continue
        if other.how == "title" and found.kind == "person" and other.start - piece.end <= 2:
            return Entity(found.code, found.sector, entity.name, "person", found.title)
        if found.kind in ("org", "igo", "group") and before_affiliation(doc, other.start):
            return Entity(found.code, found.sector, entity.name, "person", entity.title)
    return entity


def plain_words(doc: Doc, start: int, end: int) -> bool:
    """No clause boundary between a name and its apposition: no comma, no verb but "-based"."""
    for token in doc[start:end]:
        if token.text in {",", ";", ":", "(", ")", "\u2014", "\u2013"} or token.is_quote:
            return False
        if token.pos_ in ("VERB", "AUX") and token.lower_ != "based":
            return False
    return True


def before_affiliation(doc: Doc, start: int) -> bool:
    """The words before an organisation end in "at", "of", "for" ... ("at the Sydney-based")."""
    i = start - 1
    while i >= 0 and (doc[i].lower_ in ("the", "based", "-") or doc[i].ent_type_ in ("GPE", "LOC")):
        i -= 1
    return i >= 0 and doc[i].lower_ in AFFILIATION_PREPS

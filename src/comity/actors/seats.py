"""Cities that host an international body: the body when the sentence is about its acts.

"Brussels" is Belgium's capital and the seat of the EU and NATO; "Geneva" and
"New York" host UN bodies. Such a city (``body_seats`` in ``data/actors.json``)
is coded as its state unless, in its sentence, it is not a location (no "in",
"at", "to", "from" ... before it) and either

1. one of its bodies is named in the same sentence (an organisation of the
   list, or any body with the same code: "the European Commission" for
   Brussels' EU) -> that body ("The EU said Brussels would respond");
2. the city has a body it stands for when it acts (``acts``: Brussels -> EU)
   and it is set against or beside another state ("talks between London and
   Brussels", "Brussels and Washington reached a deal") -> that body;
3. the city has such a body and is the subject of an active verb other than
   "be" ("Brussels imposed duties on Chinese cars") -> that body.

Otherwise the city keeps its state ("Belgian police raided homes in Brussels").
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from comity.actors.dictionary import BodySeat, Dictionary, Org, words
from comity.actors.piece import Piece

LOCATIVE = words("in at to from near outside into via through across around inside within of")
SUBJECTS = frozenset({"nsubj"})
STATE_HOW = frozenset({"name", "capital", "seat", "alias"})  # a state named as such, not a place in it
FAMILIES = frozenset({"EUR", "UNO"})  # any EU (UN) body named makes an EU (UN) seat stand for it
FACING = words("with against")  # "talks with Brussels", "a dispute against Brussels"


def seat_pieces(doc: Doc, pieces: list[Piece], dictionary: Dictionary, on: date | None) -> list[Piece]:
    """``pieces`` with each host city that stands for a body recoded as that body."""
    seats = {s.text: s for s in dictionary.seats}
    if not seats:
        return pieces
    out = []
    for piece in pieces:
        seat = seats.get(doc[piece.start:piece.end].text)
        body = _body_for(doc, pieces, piece, seat, dictionary) if seat is not None else None
        if body is not None:
            piece = Piece(piece.start, piece.end, body.entity(on), "seat")
        out.append(piece)
    return out


def _body_for(doc: Doc, pieces: list[Piece], piece: Piece, seat: BodySeat, dictionary: Dictionary
             ) -> Org | None:
    if piece.entity.kind != "country" or _locative(doc, piece.start):
        return None
    first, last = sentence(doc, piece.start)
    others = [p for p in pieces if p is not piece and first <= p.start < last]
    orgs = {o.name: o for o in dictionary.orgs}
    hosted = [orgs[name] for name in seat.bodies if name in orgs]
    for other in others:
        for body in hosted:
            family = other.entity.kind == "igo" and body.code in FAMILIES and other.entity.code == body.code
            if other.entity.name == body.name or family:
                return body
    acting = orgs.get(seat.acts) if seat.acts else None
    if acting is None:
        return None
    states = {i for p in others if p.entity.kind == "country" and p.how in STATE_HOW
              and p.entity.code not in (None, piece.entity.code) for i in range(p.start, p.end)}
    root = doc[piece.start:piece.end].root
    if not doc.has_annotation("DEP"):
        return None
    if states and (beside(root, states) or (piece.start > 0 and doc[piece.start - 1].lower_ in FACING)):
        return acting
    if root.dep_ in SUBJECTS and root.head.lemma_ != "be":
        return acting
    return None


def beside(root: Token, states: set[int]) -> bool:
    """The city coordinated with a state ("London and Brussels", "between Brussels and Beijing")."""
    if root.dep_ == "conj" and root.head.i in states:
        return True
    return any(child.dep_ == "conj" and child.i in states for child in root.children)


def sentence(doc: Doc, i: int) -> tuple[int, int]:
    """The token range of the sentence holding token ``i`` (the whole text when unparsed)."""
    if not doc.has_annotation("SENT_START"):
        return 0, len(doc)
    sent = doc[i].sent
    return sent.start, sent.end


def _locative(doc: Doc, start: int) -> bool:
    """A city named as a place: "in Brussels", "talks in Geneva", "arrived at The Hague"."""
    i = start - 1
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE

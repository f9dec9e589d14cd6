"""A source phrase read through the article's entity model: "it said", "the company said", "the
statement said", "they said".

The speaker book asks here first for pronouns and descriptions: when the
entity model (:mod:`comity.entities`) resolved the source phrase to an
organisation, a state or a document, the speaker is that body (a document's
speaker is whoever issued it: "the ministry said in a statement ... the
statement said"); a person is left to the book, which knows people's titles
and names (measured: the model's person pronouns and titled descriptions cost speaker
accuracy on the held-out and real-news sets); an unresolved phrase or a group
of people stays with the book's own reading (an unnamed source). A document a state's seat issued
("a statement from the Elysee Palace") is the seat's, as the text names it.
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.entities.model import DOCUMENT, ORGANISATION, STATE, EntityModel, Referent

BODY_KINDS = frozenset({ORGANISATION, STATE})
READ_HOW = frozenset({"pronoun", "description"})


def body_behind(model: EntityModel, head: Token) -> Referent | None:
    """The organisation or state a pronoun or description at ``head`` stands for, if the model knows."""
    ref = model.at(head.i)
    if ref is None or ref.how not in READ_HOW or ref.referent is None:
        return None
    referent = model.referents[ref.referent]
    if referent.kind == DOCUMENT and referent.author is not None:
        referent = model.referents[referent.author]
    return referent if referent.kind in BODY_KINDS else None


def issuing_seat(model: EntityModel, head: Token) -> str | None:
    """"According to a statement from the Elysee Palace, ...": the seat that issued the document at
    ``head``, as the text names it where the document is introduced (the palace speaks, for France)."""
    ref = model.at(head.i)
    document = model.referents[ref.referent] if ref is not None and ref.referent is not None else None
    if document is None or document.kind != DOCUMENT or document.author is None:
        return None
    first = model.references_to(document.id)[0]
    for tok in head.doc[first.head].subtree:
        seat = model.at(tok.i)
        if seat is not None and seat.referent == document.author and seat.how == "seat":
            return seat.text[4:] if seat.text.lower().startswith("the ") else seat.text
    return None

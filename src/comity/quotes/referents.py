"""A source phrase read through the article's entity model: "it said", "the company said", "the
statement said", "they said".

The speaker book asks here first for pronouns and descriptions: when the
entity model (:mod:`comity.entities`) resolved the source phrase to an
organisation, a state or a document, the speaker is that body (a document's
speaker is whoever issued it: "the ministry said in a statement ... the
statement said"); a person is left to the book, which knows people's titles
and names (measured: the model's person pronouns and titled descriptions cost speaker
accuracy on the held-out and real-news sets); an unresolved phrase or a group
of people stays with the book's own reading (an unnamed source).
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

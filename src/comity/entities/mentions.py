"""The entity model's pronouns and descriptions as actor mentions, for the event stage.

"It imposed tariffs", "the country expelled two diplomats", "he met Xi": a
pronoun or description the model resolved to a state, an organisation or a
person with a code becomes an actor mention of that entity (``how`` is
``pronoun`` or ``description``), so the event stage fills actors and recipients
the sentence gives only so; an event with no recipient whose actors are only
such mentions is not kept (:func:`comity.events.extract.find_events`).

A document is no actor here ("welcomed the statement": the statement's noun may
itself be a trigger); it speaks, in the quote stage. Names are not repeated
here: the actor stage's mentions already hold them; but a person's name the
actor stage found no country for takes the one the model learned for that
person (``coded_names``: "The Argentine vice president, Cristina Fernandez,
... solidarity with Fernandez"). A pronoun that had rivals
in reach, or "the country" with several states in reach (``confident`` False),
is left out: an event's sides must be right. "We" in a quotation is the
speaker's body (a body or state named beside them or where they were first
named), or the state of a government or military speaker only.
"""

from __future__ import annotations

from comity.entities.model import ORGANISATION, PERSON, STATE, EntityModel, Referent
from comity.records import Entity, Mention

ACTOR_KINDS = {STATE: "country", ORGANISATION: "org", PERSON: "person"}


def model_mentions(model: EntityModel) -> list[Mention]:
    """A mention for every resolved pronoun and description whose referent has an actor code."""
    out = []
    for ref in model.references:
        if ref.how not in ("pronoun", "description") or ref.referent is None or not ref.confident:
            continue
        referent = model.referents[ref.referent]
        kind = ACTOR_KINDS.get(referent.kind)
        if kind is None or not referent.code:
            continue
        entity = Entity(referent.code, referent.sector, referent.name, kind, referent.title)
        out.append(Mention(ref.text, ref.span, entity, ref.how))
    return out


def coded_names(model: EntityModel, mentions: list[Mention]) -> list[Mention]:
    """The actor stage's mentions, a person's uncoded name taking the code its referent has in the model."""
    coded: dict[tuple[int, int], Referent] = {}
    for ref in model.references:
        if ref.how in ("name", "surname") and ref.referent is not None:
            referent = model.referents[ref.referent]
            if referent.kind == PERSON and referent.code:
                coded[ref.span] = referent
    out = []
    for m in mentions:
        referent = coded.get(m.span) if m.entity.kind == "person" and not m.entity.code else None
        if referent is not None:
            m = Mention(m.text, m.span, Entity(referent.code, referent.sector, m.entity.name or referent.name,
                                               "person", referent.title), m.how)
        out.append(m)
    return out

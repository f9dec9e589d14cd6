"""The side a show of force faces: troops moved to, massed on, or kept along the border with X.

PLOVER codes a MOBILIZE (troops, weapons, alert) against the side it is aimed at
(manual, MOBILIZE: "increase military alert status", "mobilize or increase armed
forces", with a target). News names that side as the other country of the border
the forces are sent to or stand along: "moved 3,000 soldiers to the border with
X", "deployed more troops onto Ukraine's border", "raised the readiness of units
stationed along the boundary with X", "kept troops near the frontier with X on
alert". ``frontier_side`` reads it from the trigger's clause (the trigger and the
verb that carries a noun trigger): a border noun ('BORDER_NOUNS') whose "with"
phrase names a side other than the actor's, or whose possessor or modifier does when
the forces move onto, across or along it ('FACING_PREPS': "to the Polish border" may be
an ally's). Only MOBILIZE
events with no recipient of their own take it.
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events.lexicon import EventLexicon
from comity.events.roles import MentionMap, collect, light_verb
from comity.records import Mention

BORDER_NOUNS = frozenset({"border", "boundary", "frontier", "borderline"})
FACING_TYPES = frozenset({"MOBILIZE"})


FACING_PREPS = frozenset({"onto", "across", "along", "near", "toward", "towards", "at"})


def frontier_side(
    tok: Token, event: str, actors: list[Mention], mm: MentionMap, lex: EventLexicon
) -> list[Mention]:
    """The other country of the border a show of force is sent to or stands along; [] when none."""
    if event not in FACING_TYPES:
        return []
    verb = light_verb(tok, lex) if tok.pos_ in ("NOUN", "PROPN") else None
    host = verb if verb is not None else tok
    mine = {m.entity.code for m in actors}
    for noun in host.subtree:
        if noun.lemma_.lower() not in BORDER_NOUNS:
            continue
        withs = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
        if noun.head.lower_ in FACING_PREPS:  # "onto Ukraine's border", not "to the Polish border"
            withs += [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
        found = [m for o in withs for m in collect(o, mm, lex) if m.entity.code not in mine]
        if found:
            return found
    return []

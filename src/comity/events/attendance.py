"""Attendance: taking part in a meeting is a meeting with its host.

"Xi Jinping will attend the G20 summit in New Delhi", "Leaders of India, Brazil and South Africa attended
the summit hosted by China", "Putin took part in the BRICS summit in Johannesburg": the meeting noun is the
trigger, but who meets is the subject of the verb of attending ('attendance_verbs', "take part in",
"participate in"), not the forum the noun names ("the G20 summit" is no act of the G20). The PLOVER
manual codes attending a summit as a CONSULT with its host (and, reported as future, an AGREE). The
host is the side named by "hosted by", else the place the meeting is held ("in New Delhi"), else the
body or state the noun names ("the EU summit"). A host that is one of the attendees is the others'
recipient ("officials from Chile, Peru and Bolivia took part in talks in Lima": Chile and Bolivia meet
Peru).
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events.lexicon import EventLexicon
from comity.events.roles import MentionMap, collect, subject_tokens
from comity.records import Mention
from comity.text.syntax import pobjs

PLACE_PREPS = frozenset({"in", "at"})
FORUM_DEPS = frozenset({"compound", "amod", "nmod"})


def attended_by(noun: Token, lex: EventLexicon) -> Token | None:
    """The verb of attending whose object the meeting noun is ("attend the summit", "joined the talks",
    "took part in the summit", "participated in the meeting"), if any."""
    head = noun.head
    if noun.dep_ == "dobj" and lex.has("attendance_verbs", head.lemma_):
        return head
    if noun.dep_ != "pobj" or head.lower_ != "in":
        return None
    verb = head.head
    if verb.lemma_ == "participate":
        return verb
    if verb.lemma_ == "part" and verb.head.lemma_ == "take":
        return verb.head  # "took part in": the parser hangs 'in' on 'part'
    if verb.lemma_ == "take" and any(c.lemma_ == "part" for c in verb.children):
        return verb
    return None


def attendance_roles(noun: Token, verb: Token, mm: MentionMap, lex: EventLexicon
                     ) -> tuple[list[Mention], list[Mention]]:
    """Who attends (the verb's subject) and the host (module docstring)."""
    actors = [m for t in subject_tokens(verb, mm) for m in collect(t, mm, lex, agent=True)]
    mine = {m.entity.code for m in actors}
    hosts = [m for c in noun.children if c.dep_ == "acl" and c.lemma_ == "host"
             for a in c.children if a.dep_ == "agent" for o in pobjs(a) for m in collect(o, mm, lex)]
    for host in (noun, verb):
        hosts += [m for p in host.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS
                  for o in pobjs(p) if o != noun for m in collect(o, mm, lex, deep=True)]
    host_codes = {m.entity.code for m in hosts if m.entity.code}
    if host_codes and host_codes < mine:  # "officials from Chile, Peru and Bolivia took part in talks in
        return [m for m in actors if m.entity.code not in host_codes], hosts  # Lima": they meet Peru
    if not host_codes - mine:
        hosts = [m for c in noun.children if c.dep_ in FORUM_DEPS for m in collect(c, mm, lex)]
    return actors, [m for m in hosts if m.entity.code and m.entity.code not in mine]

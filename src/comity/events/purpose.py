"""An act's purpose clause: the topic a protest is about, the target it aims at, the act it says.

"Students marched to demand reforms from X": the demand is the protest's topic, no event of its own
(PLOVER manual, PROTEST), and lends the protest its recipient; "rallied to denounce X" aims the rally
at X; in "sent troops to help Russia" the purpose clause says the act, and the fallback reading of the
sending is dropped. A march or rally held to mark, celebrate or honour something ("soldiers marching on
Red Square to mark Victory Day") is a ceremony, and one a person holds ("Trump held one of his final
rallies") a campaign event: neither is a protest.
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events.lexicon import EventLexicon
from comity.events.roles import light_verb
from comity.events.triggers import Candidate
from comity.records import Mention

TOPIC_TYPES = frozenset({"REQUEST", "ACCUSE"})


def _hosts(cand: Candidate, lex: EventLexicon) -> list[Token]:
    """The trigger and the support verb that carries it, if any ("staged a rally")."""
    verb = light_verb(cand.tok, lex)
    return [cand.tok] if verb is None else [cand.tok, verb]


def fold_topics(cands: dict[int, Candidate], lex: EventLexicon) -> None:
    """ "Students marched to demand reforms from X": the topic of a protest (a 'TOPIC_TYPES' act in its
    purpose or participle clause) is no event of its own (PLOVER manual, PROTEST); it lends the protest
    its recipient."""
    for cand in [c for c in cands.values() if c.event == "PROTEST"]:
        hosts = _hosts(cand, lex)
        mine = {m.entity.code for m in cand.actor}
        for child in (c for h in hosts for c in h.children if c.dep_ in ("advcl", "xcomp", "acl")):
            topic = cands.get(child.i)
            if topic is None or topic.event not in TOPIC_TYPES or topic.negated:
                continue
            if not cand.recipient:
                cand.recipient = [m for m in topic.recipient if m.entity.code not in mine]
            del cands[child.i]


def no_protest(cand: Candidate, lex: EventLexicon) -> bool:
    """A PROTEST trigger that names a ceremony ("marching on Red Square to mark Victory Day": a purpose
    clause headed by a 'ceremony_verbs' verb, with no other purpose joined to it) or a person's own rally
    ("Trump held a rally", "one of his rallies": a 'held_events' noun whose holder, the support verb's
    subject or the noun's possessor, is a person)."""
    if cand.trigger.event != "PROTEST":  # also when a state's protest is read as its criticism
        return False
    hosts = _hosts(cand, lex)
    if any(c.dep_ in ("advcl", "xcomp", "acl") and lex.has("ceremony_verbs", c.lemma_)
           and not any(k.dep_ == "conj" for k in c.children)  # "to mark the anniversary and denounce X"
           for h in hosts for c in h.children):
        return True
    if cand.tok.pos_ != "NOUN" or not lex.has("held_events", cand.tok.lemma_):
        return False
    holders = [c for h in hosts for c in h.children if c.dep_ in ("poss", "nsubj")]
    return any(_a_person(h, cand) for h in holders)


def _a_person(tok: Token, cand: Candidate) -> bool:
    """The holder is a person: a personal pronoun, a person's name, or the actor named by a person's
    mention."""
    if tok.lower_ in ("his", "her", "he", "she") or tok.ent_type_ == "PERSON":
        return True
    return any(m.entity.kind == "person" and m.span[0] <= tok.idx < m.span[1] for m in cand.actor)


def target(cand: Candidate, cands: dict[int, Candidate], lex: EventLexicon) -> list[Mention]:
    """ "Students rallied to denounce X": an act with no recipient aims at whom its purpose clause does."""
    hosts = _hosts(cand, lex)
    mine = {m.entity.code for m in cand.actor}
    for child in (c for h in hosts for c in h.children if c.dep_ in ("advcl", "xcomp")):
        if child.i in cands and cands[child.i] is not cand and _same_kind(cand, cands[child.i], lex):
            found = [m for m in cands[child.i].recipient if m.entity.code not in mine]
            if found:
                return found
    return []


def _same_kind(cand: Candidate, purpose: Candidate, lex: EventLexicon) -> bool:
    """A conflictual act aims at whom a conflictual purpose does; "moved forces to support its allies"
    does not make the allies the target of the deployment."""
    def cooperative(c: Candidate) -> bool:
        return lex.types[c.event].quad in (1, 2)
    return cooperative(cand) == cooperative(purpose)


def covers(cand: Candidate, cands: dict[int, Candidate]) -> bool:
    """In "sent troops to help Russia" the purpose clause says the act; the fallback reading is dropped."""
    for child in cand.tok.children:
        if (
            child.dep_ in ("advcl", "xcomp")
            and child.i in cands
            and cands[child.i].trigger.event == cand.trigger.event
        ):
            return True
    return False

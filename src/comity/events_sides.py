"""Who may act in an event with no foreign counterpart: domestic sides, lone actors, peoples.

PLOVER codes acts inside one country when two sides of it meet (government
against rebels, police against protesters: one code, different sectors); a
state, a government body, a leader or an armed group may act with no
recipient ("resigned", "threatened to resume attacks"); a people named as a
whole acts as its side only against another state ("Palestinians blamed
Israel").
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events_lexicon import EventLexicon
from comity.events_roles import MentionMap, objects, subject_tokens
from comity.records import Mention

STATES = frozenset({"country", "igo"})


def people_against(tok: Token, recips: list[Mention], mm: MentionMap) -> list[Mention]:
    """ "Palestinians blamed Israel": a people named as a whole acts as its side against another state.

    Alone ("Americans agree", "most Iranians say") a demonym subject is no actor; aimed at another
    country it is.
    """
    out = [
        m
        for t in subject_tokens(tok, mm)
        if t.tag_ in ("NNS", "NNPS")
        for m in mm.all(t)
        if m.how == "demonym" and m.span[0] <= t.idx and t.idx + len(t) <= m.span[1]
    ]
    return out if any(r.entity.code not in {m.entity.code for m in out} for r in recips) else []


def side(m: Mention) -> str:
    """A mention's side within its country: its sector, a country standing for its government."""
    return (m.entity.sector or ("GOV" if m.entity.kind in STATES else "")).upper()


def domestic_side(actors: list[Mention], found: list[Mention], lex: EventLexicon) -> list[Mention]:
    """Recipients of the actor's own country that are another side of an internal conflict.

    Government against rebels, police against protesters, the opposition against the president:
    PLOVER codes these under one country with different sectors. Two arms of one state, or two
    parties' politicians, are not sides.
    """
    dissident = lex.lists.get("dissident_sectors", frozenset())
    mine = {side(m) for m in actors}
    out: list[Mention] = []
    for m in found:
        theirs = side(m)
        if not theirs or theirs in mine or m.how in ("demonym", "place"):
            continue
        if theirs.lower() in dissident or any(s.lower() in dissident for s in mine):
            _add_side(out, m)
    return out


def _add_side(out: list[Mention], m: Mention) -> None:
    if all((o.entity.code, side(o)) != (m.entity.code, side(m)) for o in out):
        out.append(m)


def stands_alone(m: Mention, event: str, lex: EventLexicon) -> bool:
    """A state, an international body, a government body, or a sub-state side acting on its own.

    A leader, a rebel group, the police or protesters may act with no recipient ("resigned",
    "threatened to resume attacks", "rioted"); a bare demonym acts alone only in a protest or an
    assault ("Palestinian prisoners rioted"), and a place never does.
    """
    ent = m.entity
    if m.how == "place":
        return False  # "New Hampshire": not a state acting
    if m.how == "demonym":
        return lex.has("crowd_types", event)  # "American Muslim" says nothing; "Iraqi Kurds demonstrated"
    if ent.kind in STATES or (ent.kind == "org" and ent.sector in ("GOV", "MIL")):
        return True
    if ent.kind == "person":  # "the president resigned", "rejected the plan"; other lone words are not coded
        return bool(ent.code) and (
            lex.has("lone_person_types", event)
            or (lex.has("lone_leader_sectors", ent.sector or "") and lex.has("lone_leader_types", event))
        )
    return bool(ent.code) and lex.has("lone_sectors", (ent.sector or "")) and lex.has("lone_types", event)


def uncoded_addressee(tok: Token, mm: MentionMap) -> bool:
    """ "urged supporters to monitor", "told voters to": the act is aimed at someone no code names."""
    if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False
    return any(not mm.all(o) for o in objects(tok) if o.pos_ in ("NOUN", "PROPN", "PRON"))

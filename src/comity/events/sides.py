"""Who may act in an event with no foreign counterpart: domestic sides, lone actors, peoples.

PLOVER codes acts inside one country when two sides of it meet (government
against rebels, police against protesters: one code, different sectors), and
material acts, concessions and investigations between two bodies of one state
("a judge opened an inquiry into officials", "police seized weapons from
armed groups": 'HOME_TYPES', 'HOME_MODES'); verbal acts between a country's
own politicians stay uncoded. A state, a government body, a leader or an
armed group may act with no recipient ("resigned", "threatened to resume
attacks"); a dissident side or a people acting alone acts on its own state
when the sentence names it ("students blocked roads to press demands on the
president"); a people named as a whole acts as its side only against another
state ("Palestinians blamed Israel"). An act with no recipient is none, whoever does it, when it is aimed
at an uncoded addressee ("urged supporters to"), when it is a warning that threatens nothing ("the fund
warned that growth would slow"), or when a person refuses or offers no act ("refused to release his
records", "offered no proof").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from comity.events.clauses import condition_subjects
from comity.events.lexicon import EventLexicon
from comity.events.roles import (
    MentionMap,
    collect,
    light_verb,
    mention_root,
    subject_tokens,
    through_quantity,
)
from comity.records import Mention
from comity.text.syntax import objects

STATES = frozenset({"country", "igo"})
# acts one body of a state does to another inside it, coded under one country on both sides ("the court
# opened an inquiry into officials", "the government lifted the curfew it had imposed on the province",
# "police confiscated the party's weapons"): the manual's material acts that need no recipient (its
# "Requires recipient: No" types of the MATERIAL quad categories), concessions, and investigations.
# Verbal acts between a country's own politicians (criticism, appeals, endorsements) stay domestic
# politics, not coded.
HOME_TYPES = frozenset({"RETREAT", "CONCEDE", "MOBILIZE", "COERCE", "ASSAULT"})
HOME_MODES = frozenset({"investigate"})


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


def home_side(
    tok: Token, actors: list[Mention], found: list[Mention], lex: EventLexicon, event: str, mode: str | None
) -> list[Mention]:
    """Recipients of the actor's own country that are another body of it, in an act coded at home.

    "A judge opened an inquiry into government officials", "police seized weapons from Ruritanian armed
    groups": PLOVER codes such acts under the country's code on both sides ('HOME_TYPES', 'HOME_MODES').
    A people as a whole ("Ruritanians") or a place of the country is no side here; a group its demonym
    qualifies is.
    """
    if event not in HOME_TYPES and mode not in HOME_MODES:
        return []
    mine = {side(m) for m in actors}
    out: list[Mention] = []
    for m in found:
        if m.how == "place" or (m.how == "demonym" and not _qualifies(tok.doc, m, lex)):
            continue
        if side(m) and side(m) not in mine:
            _add_side(out, m)
    return out


def _qualifies(doc: Doc, m: Mention, lex: EventLexicon) -> bool:
    """The demonym qualifies a group ('group_heads', 'civilian_nouns': "Ruritanian armed groups"), not a
    people named alone nor a place ("the Ruritanian town of X")."""
    root = mention_root(doc, m)
    if root is None or root.dep_ not in ("amod", "compound", "nmod"):
        return False
    return lex.has("group_heads", root.head.lemma_) or lex.has("civilian_nouns", root.head.lemma_)


def home_target(tok: Token, actors: list[Mention], mm: MentionMap, lex: EventLexicon) -> list[Mention]:
    """The state a dissident side or a people acting alone acts against, when its sentence names it.

    "Students throughout Ruritania staged demonstrations against President Vell's government", "rebels
    in Ruritania blocked the roads to the capital": protesters, rebels or the opposition acting with no
    named recipient act on their own state (PLOVER codes both sides under one code). The recipient is
    the first mention in the sentence of that country that is not itself a dissident side nor part of the
    actor's phrase ("students in Ruritania" says where they are); none when the actors are of several
    countries or the sentence names their state nowhere else.
    """
    dissident = lex.lists.get("dissident_sectors", frozenset())
    codes = {m.entity.code for m in actors}
    if len(codes) != 1 or not all(side(m).lower() in dissident or m.how == "demonym" for m in actors):
        return []
    own = {t.i for t in tok.sent if any(m in actors for m in mm.all(t))}
    own |= {d.i for t in tok.sent if t.i in own for d in t.subtree}  # "rebels in Ruritania": where they are
    for t in tok.sent:
        if t.i in own:
            continue
        for m in mm.all(t):
            if m.entity.code in codes and side(m).lower() not in dissident:
                return [m]
    return []


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


def _uncoded_addressee(tok: Token, mm: MentionMap) -> bool:
    """ "urged supporters to monitor", "told voters to": the act is aimed at someone no code names."""
    if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False
    return any(not mm.all(o) for o in objects(tok) if o.pos_ in ("NOUN", "PROPN", "PRON"))


def is_state(m: Mention, lex: EventLexicon) -> bool:
    """A state, an international body, or a state organ ('state_sectors')."""
    ent = m.entity
    return ent.kind in ("country", "igo") or (ent.sector or "").lower() in lex.lists.get("state_sectors", ())


def civilian_subject(tok: Token, mm: MentionMap, lex: EventLexicon) -> bool:
    """Civilians, not their state: "Pakistani demonstrators protested", "students staged a rally"."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else light_verb(tok, lex)
    heads = subject_tokens(verb, mm) if verb is not None else [tok]
    heads += [q for h in heads if mm.get(h) is None for q in through_quantity(h, lex)]  # "thousands of"
    for head in heads:
        mention = mm.get(head)
        if lex.has("civilian_nouns", head.lemma_):
            return True
        if mention is not None and mention.how == "demonym" and head.tag_ in ("NNS", "NNPS"):
            return True  # "Palestinians", "ethnic Turks": people, not their state
    return False


def _empty_warning(tok: Token, actors: list[Mention], mm: MentionMap, lex: EventLexicon) -> bool:
    """ "The fund had warned", "warned that growth would slow": a warning with no recipient threatens no one.

    A warning ('warning_verbs') aimed at no one is a threat only when its complement clause tells what
    the warner's own side will do ("the security chief warned that police will no longer tolerate rallies",
    "warned that we will respond") or what will befall another side if it acts (:func:`consequence_targets`);
    a forecast or a bare warning is none (PLOVER manual, THREATEN: the actor threatens to take an action).
    """
    if not lex.has("warning_verbs", tok.lemma_):
        return False
    codes = {m.entity.code for m in actors}
    selves = ("we", "i", "they") if len(codes) > 1 else ("we", "i")  # "the US and Britain warned they will"
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        for subj in (s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")):
            if subj.lower_ in selves or any(m.entity.code in codes for m in mm.all(subj)):
                return False
    return not consequence_targets(tok, codes, mm, lex)


def consequence_targets(tok: Token, codes: set[str | None], mm: MentionMap, lex: EventLexicon
                        ) -> list[Mention]:
    """ "warned that the Kim regime will come to an end if North Korea attempts to use nuclear weapons": a
    warning ('warning_verbs') that tells what will befall another side on the condition of that side's own
    act threatens it; the condition's subjects are its targets (none for a forecast: "warned that growth
    would slow if China raised rates" tells nothing of China)."""
    if not lex.has("warning_verbs", tok.lemma_):
        return []
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        if not any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll") for a in clause.children):
            continue
        told = {m.entity.code for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                for m in collect(s, mm, lex)} - {None}
        targets = [m for s in condition_subjects(clause, lex) for m in collect(s, mm, lex)]
        if told and told <= {m.entity.code for m in targets} and not told & codes:
            return targets
    return []


def idle_alone(
    tok: Token, event: str, actors: list[Mention], mm: MentionMap, lex: EventLexicon, trigger: Callable
) -> bool:
    """An act with no recipient that is no event even for an actor who may act alone: one aimed at an
    uncoded addressee, a warning that threatens nothing, a person's refusal or offer of no act.
    ``trigger(token, mm, lex)`` is the event trigger a token matches, or None."""
    return (
        _uncoded_addressee(tok, mm)
        or _empty_warning(tok, actors, mm, lex)
        or _idle_act(tok, event, actors, lex, lambda t: trigger(t, mm, lex) is not None)
    )


def _idle_act(
    tok: Token, event: str, actors: list[Mention], lex: EventLexicon, is_act: Callable[[Token], bool]
) -> bool:
    """ "Refused to disclose his records", "offered no proof": a person's lone refusal or offer of no act.

    A leader acting alone rejects or offers an act ("declined to resign", "rejected the offer", "reneged
    on his commitment", "his rejection of the offer", "offered talks"): the verb's object, the object of
    its (or the noun's) preposition or its complement is an event trigger or an act named by a noun
    ('reply_nouns'); an agreement or promise may also tell its act in a clause ("promised to hold
    elections"). A person refusing or offering anything else with no recipient ("refused to release his
    tax records", "the president's veto", "offered insights", "made the pledge") is no PLOVER event.
    """
    if event not in ("REJECT", "AGREE") or any(m.entity.kind != "person" for m in actors):
        return False
    verb = tok.pos_ in ("VERB", "AUX")
    kids = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "prep", "ccomp")]
    kids = [c for c in kids if verb or c.dep_ == "prep"]
    if event == "AGREE" and any(c.dep_ in ("xcomp", "ccomp") for c in kids):
        return False
    kids += [g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return not any(is_act(t) or lex.has("reply_nouns", t.lemma_) for t in kids)

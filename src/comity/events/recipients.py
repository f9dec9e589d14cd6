"""Finding an event's recipient in the dependency parse: the phrases a trigger's recipient slots name.

A trigger entry lists the slots its recipient may stand in (``dobj``, ``dative``,
``prep:against``, ``obj-prep:to``, ``ccomp-subj``, ``speech-subj``, ...); a noun trigger
also reads them on the light verb that carries it ("imposed sanctions on X") and through
an ``of`` phrase ("a suspension of flights to Russia"). ``between A and B`` (or "Russia-China
ties") gives both sides. When the slots name no one, the phrases of the act's object and of
the act it states ("threatened to cut off supplies to X") say whom it touches. The
mentions these phrases refer to are read by :func:`comity.events.roles.collect`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from comity.events.lexicon import EventLexicon
from comity.events.roles import RELATIVE, MentionMap, add_once, collect, light_verb, through_quantity
from comity.records import Mention
from comity.text.syntax import for_to_clause, is_complement, is_passive, objects, pobjs, preps_of

TOPIC_PREPS = frozenset({"on", "over", "about"})  # what a verb is about: "agreed on", "talks over"


HELD_VERBS = frozenset({"be", "remain", "stay", "come", "fall", "live", "suffer"})  # "is under sanctions"


def slot_tokens(tok: Token, slot: str, lex: EventLexicon) -> list[Token]:
    """Tokens heading the phrase in recipient slot ``slot`` of trigger ``tok``."""
    hosts = [tok]
    if tok.pos_ in ("NOUN", "PROPN"):
        own_of = slot == "of" and bool(preps_of(tok, "of"))  # "X's invasion of Y and Z's purchases of oil"
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and not own_of:
            hosts.append(tok.head)
        verb = light_verb(tok, lex)
        if verb is not None and (slot.startswith("prep:") or slot == "dative"):
            hosts.append(verb)
        if slot.startswith("prep:") and slot != "prep:of":  # "a suspension of flights to Russia"
            hosts.extend(o for p in preps_of(tok, "of") for o in pobjs(p))
    elif slot.startswith("prep:"):  # "launched artillery and rocket fire against X": on the last conjunct
        hosts.extend(h for o in objects(tok) for h in (o, *o.conjuncts, *through_quantity(o, lex)))
    if slot.startswith("dobj"):
        objs = objects(tok) if tok.pos_ in ("VERB", "AUX") else []
        objs += [s for c in small_clauses(tok) for s in c.children if s.dep_ == "nsubj"]
        objs += free_relative(tok)
        objs += [] if objs else misread_both(tok)
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):  # "the UAE, which Sudan accused"
            objs = [tok.head if o.lower_ in RELATIVE else o for o in objs]
        return objs
    if slot.startswith("obj-prep:"):
        return [o for obj in objects(tok) for p in preps_of(obj, slot[9:]) for o in pobjs(p)]
    if slot == "under-subj":  # "Maduro and his oil sector are under heavy U.S. sanctions": whom they bind
        prep, verb = tok.head, tok.head.head  # (not a fronted "Under the sanctions, the EU banned ...")
        held = tok.dep_ == "pobj" and prep.lower_ == "under" and verb.lemma_ in HELD_VERBS and prep.i > verb.i
        return [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")] if held else []
    if slot == "ccomp-subj":
        clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "acl") or _opened_by_for(c)]
        asked = [o for p in preps_of(tok, "for") for o in pobjs(p) if any(c.i > o.i for c in clauses)]
        return [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")] + asked
    if slot == "speech-subj":  # "criticised the agreement, saying India was using water as a weapon"
        says = [c for c in tok.children if c.dep_ in ("advcl", "xcomp") and lex.has("speech_verbs", c.lemma_)]
        clauses = [c for s in says for c in s.children if c.dep_ == "ccomp"]
        return [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    if slot == "dative":
        return [c for h in hosts for c in h.children if c.dep_ in ("dative", "iobj")] + [
            o for h in hosts for p in preps_of(h, "to") for o in pobjs(p) if p.dep_ == "dative"
        ]
    if slot == "prep:by" and tok.pos_ in ("VERB", "AUX") and is_passive(tok):
        return []  # the passive agent is the actor
    name = {"of": "of", "between": "between"}.get(slot, slot[5:] if slot.startswith("prep:") else "")
    if not name:
        return []
    found = [o for host in hosts for p in preps_of(host, name) for o in pobjs(p)]
    if not found and name == "with" and tok.pos_ in ("VERB", "AUX"):
        found = _with_on_topic(tok)
    return found + [q for o in found for q in through_quantity(o, lex)]  # "tariffs on $250 billion in goods"


def misread_both(verb: Token) -> list[Token]:
    """ "urged both to show restraint": the parser may hang the object "both" on the infinitive as a
    pre-conjunction."""
    return [c for x in verb.children if x.dep_ == "xcomp" for c in x.children
            if c.dep_ == "preconj" and c.lower_ == "both" and c.i < x.i]


def _with_on_topic(verb: Token) -> list[Token]:
    """ "agreed on evacuation routes with Ukrainian forces": the parser hangs the partner on the topic."""
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ in TOPIC_PREPS
            for t in pobjs(p) for w in preps_of(t, "with") for o in pobjs(w)]


def free_relative(verb: Token) -> list[Token]:
    """ "condemned what it called Togo's interference": the parser makes "what" the object of the clause
    that names it; what the verb acts on is the name that clause gives (its object predicate)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return [p for c in verb.children if c.dep_ == "ccomp"
            and any(w.dep_ == "dobj" and w.lower_ == "what" and w.i == verb.i + 1 for w in c.children)
            for p in c.children if p.dep_ == "oprd"]


def small_clauses(verb: Token) -> list[Token]:
    """ "declared Saudi Arabia a pariah": the parser's verbless complement clause, a noun or adjective with
    a subject of its own, is what the verb calls its object."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "ADJ")
            and any(s.dep_ == "nsubj" for s in c.children)]


def _opened_by_for(clause: Token) -> bool:
    """ "called for Hezbollah to lay down its arms": a for-to clause names whom it asks."""
    return clause.dep_ == "advcl" and for_to_clause(clause)


def between(tok: Token, mm: MentionMap, lex: EventLexicon) -> list[Mention]:
    """Both sides of "talks between Kyiv and Moscow" or "Russia-China ties"."""
    sides: list[Mention] = []
    verb = light_verb(tok, lex) if tok.pos_ == "NOUN" else None
    extra = [o for p in preps_of(verb, "between") for o in pobjs(p)] if verb is not None else []
    for obj in slot_tokens(tok, "between", lex) or extra:  # "launched a mediation effort between A and B"
        for m in collect(obj, mm, lex):
            add_once(sides, m)
    if not sides and tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod") and mm.get(child) is not None:
                for m in collect(child, mm, lex):
                    add_once(sides, m)
    sides.sort(key=lambda m: m.span)
    return sides if len({m.entity.code for m in sides}) >= 2 else []


# prepositions whose object, on an act's object or in its complement clause, names whom the act touches
TOUCHED_PREPS = frozenset(
    {"to", "for", "with", "against", "on", "from", "into", "in", "at", "toward", "towards"}
)
# prepositions that say where an act itself took place ("lifted the curfew in X", "demonstrated in X")
SCENE_PREPS = frozenset({"in", "at", "inside", "into", "throughout"})
PLACE_PREPS = frozenset({"in", "at"})


def touched_tokens(
    verb: Token, lex: EventLexicon, scene: bool, is_act: Callable[[Token], bool], places: bool = True
) -> list[Token]:
    """Heads of phrases naming whom an act touches when its recipient slots name no one.

    The object's own phrases ("suspended part of an aid programme for X", "rejected an offer from X"),
    the object and phrases of the verb it governs or the purpose it states ("threatened to cut off
    supplies to X", "refused to station troops in X", "blocked a road to show their anger at X"), one
    phrase deeper ("mobilised reservists for a war against X"), and with ``scene`` where the act itself
    happened ("lifted the curfew in X"). Without ``places`` the object's place phrases are left out: where
    an appeal was launched is no side of it ("an appeal in New York"), where a visit went is.
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    out: list[Token] = []
    comps = [  # a complement that is itself an act (``is_act``) is an event of its own ("help defend X")
        c for c in verb.children if is_complement(c) and not is_act(c)
    ]
    for v in (verb, *comps):
        objs = [h for o in objects(v) for h in (o, *through_quantity(o, lex))]
        if v != verb:
            out += objs
        for host in objs:
            out += _phrase_objects(host, TOUCHED_PREPS if places else TOUCHED_PREPS - PLACE_PREPS)
        out += _phrase_objects(v, TOUCHED_PREPS if v != verb else SCENE_PREPS if scene else frozenset())
    return out + [o for t in out for o in _phrase_objects(t, TOUCHED_PREPS)]


# nouns of a phrase that gives an act's cause, not whom it touches: "in response to", "in retaliation for"
CAUSE_NOUNS = frozenset({"response", "retaliation", "reaction", "reply", "revenge", "answer"})
# "at the request of X", "at the invitation of", "on the initiative of": who asked for the act, not its side
ASKED_NOUNS = frozenset({"request", "invitation", "behest", "urging", "instigation", "initiative",
                         "suggestion"})


def _phrase_objects(host: Token, preps: frozenset[str]) -> list[Token]:
    return [o for p in host.children if p.dep_ in ("prep", "dative") and p.lower_ in preps for o in pobjs(p)
            if o.lemma_.lower() not in CAUSE_NOUNS
            and not (p.lower_ in ("at", "on", "upon") and o.lemma_.lower() in ASKED_NOUNS)]


def answered(verb: Token, actors: list[Mention], mm: MentionMap, lex: EventLexicon) -> list[Mention]:
    """ "fired missiles in response to Pyongyang's tests", "in retaliation for a U.S. drone strike": an act
    with no recipient of its own answers the side that did the act its cause phrase names (the act's own
    possessor or modifier, or the side named as the cause)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    mine = {m.entity.code for m in actors}
    found: list[Mention] = []
    for prep in preps_of(verb, "in"):
        for cause in pobjs(prep):
            if cause.lemma_.lower() not in CAUSE_NOUNS:
                continue
            for act in (o for p in cause.children if p.dep_ == "prep" for o in pobjs(p)):
                doers = [c for c in act.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
                for tok in doers or [act]:
                    found += [m for m in collect(tok, mm, lex) if m.entity.code not in mine]
    return found


HARM_VERBS = frozenset({"kill", "hit", "target", "wound", "injure", "destroy", "strike", "damage", "sink"})


def victims(noun: Token, event: str, mm: MentionMap, lex: EventLexicon) -> list[Mention]:
    """ "a U.S. drone strike that killed one of Tehran's most powerful officials": an attack named by a noun
    whose relative clause tells whom it harmed is aimed at their side."""
    if event != "ASSAULT":
        return []
    harms = [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.lemma_ in HARM_VERBS]
    return [m for v in harms for o in v.children if o.dep_ in ("dobj", "nsubjpass")
            for m in collect(o, mm, lex) if m.how != "place"]

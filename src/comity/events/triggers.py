"""Matching event triggers in a sentence and filling one trigger's roles.

A :class:`Candidate` is one trigger occurrence with its actor and recipient
mentions. :func:`match_trigger` finds the lexicon entry a token matches (its
object, modifier and preposition conditions checked); :func:`candidate` fills
its roles from the verb's or noun's slots, keeps or drops it by the
recipient and domestic-act policies, and applies a joint or state variant.
How the candidates of one sentence are combined (embedding, modality,
refusals, purposes) is :mod:`comity.events.candidates`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from comity.events import clauses, sides
from comity.events import modality as aux
from comity.events.attendance import attendance_roles, attended_by
from comity.events.infer import HAPPENING_VERBS, scene_crowd
from comity.events.lexicon import NO_EVENT, EventLexicon, Trigger
from comity.events.recipients import between, slot_tokens, small_clauses, touched_tokens, victims
from comity.events.roles import (
    MentionMap,
    collect,
    light_verb,
    noun_actor_tokens,
    subject_tokens,
    through_quantity,
)
from comity.records import Mention
from comity.text.syntax import for_to_clause, is_passive, objects, pobjs, preps_of

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})  # "the Russian invasion", "Washington's tariffs"
FUTURE_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# a promised provision stands with no counterpart ("will provide aid"); a meeting or backing needs one
FUTURE_ALONE = frozenset({"COOPERATE", "AID"})
# material acts, and concessions, whose scene names whom they touch ("lifted the curfew in X")
SCENE_TYPES = frozenset(
    {"CONCEDE", "COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
)
# what a protest's purpose clause says it demands or denounces is its topic, not an event of its own
# a threat is aimed at whoever must meet its condition ("threatened to leave the talks unless X ...")
CONDITIONED_TYPES = frozenset({"THREATEN"})
# backing is for whom its own slots name: "supports talks with Russia", "supported staying in the EU" back a
# policy, not the side its phrases name
BACKING_TYPES = frozenset({"SUPPORT"})
# ties a side holds ("has a partnership with", "maintains close relations with"): a state of affairs
TIE_NOUNS = frozenset({"partnership", "alliance", "tie", "relation", "relationship", "friendship",
                       "cooperation", "link", "bond"})
STATE_HOLDERS = frozenset({"have", "maintain", "enjoy", "share", "keep"})
# modes of a go-between's act: "A's mediation between B and C" is A's act on B and C (CONSULT third-party)
THIRD_PARTY_MODES = frozenset({"third-party"})
# nouns that only name an undertaking of the act their compound names ("launched a mediation effort"),
# read so under a support verb only ("halted mediation efforts" is the halting)
ACT_HEADS = frozenset({"effort", "mission", "bid", "attempt", "initiative", "drive", "push"})


@dataclass
class Candidate:
    """One trigger occurrence with its roles, before dating and merging."""

    tok: Token
    trigger: Trigger
    event: str
    mode: str | None
    actor: list[Mention]
    recipient: list[Mention]
    negated: bool = False
    aux: list[str] = field(default_factory=list)
    context: tuple[str, ...] = ()


def _object_ok(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> bool:
    """The object condition: on the direct object, or, for an entry with a preposition, on that
    preposition's object ("respond to the attack", "committed to its security")."""
    want = trig.object
    objs = objects(tok) if tok.pos_ in ("VERB", "AUX") else []
    if trig.prep:
        objs += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == trig.prep
                 for o in c.children if o.dep_ in ("pobj", "pcomp")]
    if "@gerund" in want and any(o.tag_ == "VBG" for o in objs):
        return True  # "attacked X for pulling out of the deal": the reason is an act
    if "@predicate" in want and any(c.dep_ == "oprd" and _predicate(c, objs, mm) for c in tok.children):
        return True  # "calls Trudeau two-faced", "called the Danish leader 'nasty'": what it is called
    if "@predicate" in want and any(_named_as(o) for o in objs):
        return True  # "calls the Venezuelan leader a dictator", parsed as an apposition
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    for polarity in ("negative", "positive"):
        words = f"{polarity}_words"
        if f"@{polarity}" in want and any(lex.has(words, t.lemma_) for t in _predicate_words(tok)):
            return True  # "called the drills 'an irresponsible act'", "described her as a friend"
    if "@object" in want and objs:
        return True  # "undertake a complete siege": the verb carries a noun, it promises nothing
    if "@infinitive" in want and not objs and any(c.dep_ == "xcomp" for c in tok.children):
        return True  # "to help induce China": helping along an act, no aid to anyone
    if "@disaster" in want and any(lex.has("disaster_nouns", t.lemma_) for o in objs for t in o.subtree):
        return True  # "declared a state of emergency over the drought": no coercion of anyone
    if "@report" in want and _reported_fact(tok):
        return True  # "warned Russian troops were mining roads": a report of another's act, no threat
    if "@stranded" in want and objs and _state_after(tok, objs, lex):
        return True  # "left Lebanon in the crossfire", "leaving Russia on its own": a state it is left in
    if "@person" in want and _persons(objs, mm) and _persons(subjects, mm):
        return True  # "Trump attacked the Pope": one person attacking another criticises him
    if "@speakers" in want and subjects and all(_persons([s, *s.conjuncts], mm) for s in subjects):
        return True  # "Macron and Meloni clashed over migration": people clash in words
    if "@said" in want and _persons(objs, mm) and _in_words(tok, lex):
        return True  # "attacked the Pope in a post", "attacked Macron, calling him weak"
    if "@say" in want and _comment(tok, objs, lex):
        return True  # "declined comment", "declined to estimate the number"
    if "@view" in want and any(_view(c) for c in tok.children if c.dep_ == "ccomp"):
        return True  # "agreed that Guantanamo might have been necessary": a view shared, not a deal
    if "@bare" in want and not objs and not any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("to", "for", "on", "against"))
        for c in tok.children
    ):
        return True  # "while the state appeals": a court appeal, not an appeal to anyone
    if "@none" in want and not objs and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return True
    if "@any" in want and (objs or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)):
        return True
    for obj in objs:
        heads = [obj, *(c for c in obj.children if c.dep_ == "conj"), *through_quantity(obj, lex)]
        heads += [c for h in heads for c in h.children if c.dep_ == "compound"]  # "aid deliveries"
        if any(h.lemma_.lower() in want for h in heads):
            return True
        if ("@actor" in want or "@place" in want) and (mm.all(obj) or collect(obj, mm, lex, agent=True)):
            return True  # "killed three Albanians", "called Putin"; not "calling Mexican border-crossers"
    return False


def _predicate_words(verb: Token) -> list[Token]:
    """The words of what a verb of naming calls its object: its object predicate ("called X nasty"), an
    indefinite apposition ("called X a liar"), or its 'as' phrase ("described X as a threat")."""
    heads = [c for c in verb.children if c.dep_ == "oprd" and not c.ent_type_]
    heads += [a for o in objects(verb) if _named_as(o) for a in o.children if a.dep_ == "appos"]
    heads += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children]
    heads += small_clauses(verb)  # "declared Saudi Arabia a pariah", parsed as a clause with no verb
    near = ("amod", "compound", "acomp")
    return [t for h in heads for t in (h, *(c for c in h.children if c.dep_ in near))]


def _predicate(oprd: Token, objs: list[Token], mm: MentionMap) -> bool:
    """An object predicate: beside an object, an adjective, or a word naming no one that the parser hung
    the object on ("called the Danish leader nasty"; not "called Foreign Minister Wang")."""
    if (objs and oprd not in objs) or oprd.pos_ == "ADJ" or sum(o.dep_ == "oprd" for o in objs) > 1:
        return True  # "called China's drills 'an irresponsible act'": object and predicate both read as oprd
    return mm.get(oprd) is None and any(
        g.dep_ in ("nmod", "npadvmod", "compound") and g.i < oprd.i for g in oprd.children
    )


BINDING_MODALS = frozenset({"will", "would", "shall", "should", "must", "'ll", "wo"})


def _view(clause: Token) -> bool:
    kids = list(clause.children)
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in kids) and not any(
        c.dep_ == "aux" and c.lower_ in BINDING_MODALS | {"to"} for c in kids
    )


def _comment(verb: Token, objs: list[Token], lex: EventLexicon) -> bool:
    """What is declined is a comment: the noun "comment" or an infinitive of commenting ('comment_words')."""
    return any(o.lemma_.lower() in ("comment", "interview") for o in objs) or aux.comments(verb, lex)


def _reported_fact(verb: Token) -> bool:
    """A complement that tells, in the past or as going on, what someone did or does: a finite clause with
    an auxiliary of tense but no modal ("were mining", "had entered"), whose subject is not the speaker."""
    for c in verb.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        auxes = [a for a in c.children if a.dep_ in ("aux", "auxpass")]
        tensed = c.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ in ("be", "have") for a in auxes)
        modal = any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes)
        named = [s for s in (*c.children, *verb.children) if s.dep_ in ("nsubj", "dobj") and s.i < c.i
                 and s.i > verb.i]  # "warned Russian troops were mining": the parser's object is its subject
        other = bool(named) and all(s.pos_ != "PRON" for s in named)  # "it was ready to strike" is his own
        ahead = c.lemma_ in ("go", "prepare", "plan", "ready") or any(  # "was going to", "was preparing to"
            g.dep_ in ("xcomp", "acomp") for g in c.children)
        if tensed and not modal and other and not ahead:
            return True
    return False


def _state_after(verb: Token, objs: list[Token], lex: EventLexicon) -> bool:
    """After its object, the verb names a state it is left in: a predicate ("left it vulnerable") or a
    phrase whose noun is one of the 'stranded_nouns' ("in the crossfire", "on its own"; not "in 2000",
    not "under Trump")."""
    last = max(o.i for o in objs)
    for c in verb.children:
        if c.i <= last:
            continue
        if c.dep_ in ("oprd", "acomp"):
            return True
        if c.dep_ == "prep" and any(lex.has("stranded_nouns", o.lemma_) for o in pobjs(c)):
            return True
    return False


def _persons(heads: list[Token], mm: MentionMap) -> bool:
    return any(m.entity.kind == "person" for h in heads for m in mm.all(h))


def _in_words(verb: Token, lex: EventLexicon) -> bool:
    """An act done in words: in a speech, post or statement, or by saying or calling something."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "via", "through") and any(
            lex.has("speech_nouns", o.lemma_) for o in c.children if o.dep_ == "pobj"
        ):
            return True
        if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and (
            lex.has("speech_verbs", c.lemma_) or c.lemma_ in ("call", "label", "brand", "describe", "accuse")
        ):
            return True
    return False


def _named_as(obj: Token) -> bool:
    """An object followed by an indefinite apposition: what the object is called ("X a dictator")."""
    return any(c.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
               for c in obj.children)


def _for_clause(tok: Token, prep: str) -> bool:
    """ "called for Hezbollah to disarm": the preposition opens the clause that follows the verb."""
    return prep == "for" and any(
        c.dep_ in ("advcl", "ccomp", "xcomp") and for_to_clause(c) and tok.i + 1 in {m.i for m in c.children}
        for c in tok.children
    )


def _modifier_ok(tok: Token, want: tuple[str, ...], mm: MentionMap) -> bool:
    """A modifier of the noun, or its 'of' object and that object's modifiers ("withdrawal of its forces")."""
    deps = ("compound", "amod", "nmod", "poss", "npadvmod")
    for target in [tok] if tok.pos_ in ("NOUN", "PROPN") else objects(tok):
        ofs = [o for p in target.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        kids = [c for t in (target, *ofs) for c in t.children if c.dep_ in deps] + ofs
        if any(c.lemma_.lower() in want or ("@actor" in want and mm.get(c) is not None) for c in kids):
            return True
    return False


def _matches(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> bool:
    after = max((o.right_edge.i for o in objects(tok)), default=tok.i) + 1  # "forced X, Y, out of"
    if trig.prep and not any(
        c.lower_ == trig.prep and (0 < c.i - tok.i <= 2 or c.i == after)
        for c in tok.children
        if c.dep_ in ("prep", "prt", "advmod")  # "moved its troops back"
    ) and not _for_clause(tok, trig.prep):
        return False
    if trig.under and not (tok.dep_ == "pobj" and tok.head.lower_ in trig.under):
        return False  # "troops on alert", not "issued an alert"
    if trig.object and not _object_ok(tok, trig, mm, lex):
        return False
    if trig.modal and not any(
        m.lower_ in trig.modal
        for c in tok.children
        if c.dep_ in ("ccomp", "acl")
        for m in c.children
        if m.dep_ == "aux"
    ):
        return False
    return not trig.modifier or _modifier_ok(tok, trig.modifier, mm)


LEXICON_POS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun"}  # spaCy's tag -> a slot


def match_trigger(tok: Token, mm: MentionMap, lex: EventLexicon) -> Trigger | None:
    pos = LEXICON_POS.get(tok.pos_)
    if pos is None:
        return None
    if pos == "noun" and tok.dep_ == "compound":
        return None  # "war machine", "sanctions regime"
    if pos == "noun" and tok.lemma_.lower() in ACT_HEADS and light_verb(tok, lex) is not None:
        inner = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        found = (t for c in inner for t in lex.lookup("noun", c.lemma_) if _matches(c, t, mm, lex))
        return _sense(next(found, None))
    if pos == "verb" and tok.dep_ == "amod":
        return None  # "occupied territory", "disputed islands"
    if pos == "noun" and lex.has("expression_nouns", tok.lemma_) and not _expressed(tok, lex):
        return None  # "NATO nations' growing concerns", "raising concern about supply": no one expresses it
    found = _sense(next((t for t in lex.lookup(pos, tok.lemma_) if _matches(tok, t, mm, lex)), None))
    if found is not None and (_figurative_threat(tok, found, lex) or _standing_tie(tok, lex)):
        return None
    return found


def _expressed(noun: Token, lex: EventLexicon) -> bool:
    """ "Ireland expressed concern over", "raised concerns with Moscow": a feeling named by a noun is an act
    only when a side expresses it ('expression_verbs'), in a clause of its own (not "..., raising concern")."""
    verb = light_verb(noun, lex)
    return (verb is not None and lex.has("expression_verbs", verb.lemma_)
            and not (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "acl")))


def read_by_lexicon(tok: Token, mm: MentionMap, lex: EventLexicon) -> bool:
    """Whether an entry of the lexicon, a sense entry included, matches ``tok`` in its construction."""
    pos = LEXICON_POS.get(tok.pos_)
    return pos is not None and any(_matches(tok, t, mm, lex) for t in lex.lookup(pos, tok.lemma_))


def _sense(found: Trigger | None) -> Trigger | None:
    """The matched entry, or None for a sense entry that says the word is no event here."""
    return None if found is None or found.event == NO_EVENT else found


def _figurative_threat(tok: Token, trig: Trigger, lex: EventLexicon) -> bool:
    """ "the campaign threatens to strain his coalition": a threat whose act is a consequence
    ('consequence_verbs'), not something a side would do, is a figure of speech."""
    return trig.event == "THREATEN" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "xcomp" and lex.has("consequence_verbs", c.lemma_) for c in tok.children
    )


def _standing_tie(tok: Token, lex: EventLexicon) -> bool:
    """ "The Kremlin has a strategic partnership with Iran": a tie a side has or keeps is a state."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in TIE_NOUNS:
        return False
    verb = light_verb(tok, lex)
    return verb is not None and verb.lemma_ in STATE_HOLDERS


def dedupe(mentions: list[Mention], drop: set[str] = frozenset()) -> list[Mention]:
    seen, out = set(drop), []
    for m in mentions:
        if m.entity.code not in seen:
            seen.add(m.entity.code)
            out.append(m)
    return out


def _rescue_list(tok: Token, mm: MentionMap, lex: EventLexicon) -> list[Mention]:
    """A list the parser attached elsewhere in the clause.

    "hosting the leaders of two dozen countries at the parade, including Brazil".
    """
    out: list[Mention] = []
    for t in tok.subtree:
        if t.i > tok.i and t.dep_ == "prep" and lex.has("list_preps", t.lower_):
            for obj in (c for c in t.children if c.dep_ == "pobj"):
                out += collect(obj, mm, lex)
    return out


def verb_roles(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> tuple[list, list]:
    crowd = trig.event == "PROTEST"  # "Palestinians protested": people may protest, not only states
    actors = [m for t in subject_tokens(tok, mm) for m in collect(t, mm, lex, agent=not crowd)]
    if trig.swap:
        guests = [m for o in objects(tok) for m in collect(o, mm, lex)] or _rescue_list(tok, mm, lex)
        return guests, actors
    recips = _fill(tok, trig.recipient or lex.default_slots("verb", trig.event), mm, lex)
    if not recips and lex.has("said_of_types", trig.event):  # "criticised the deal, saying India was ..."
        recips = _fill(tok, ("speech-subj",), mm, lex)
    if not recips and trig.event in CONDITIONED_TYPES:  # "threatened to walk out unless X ..."
        recips = [m for t in clauses.condition_subjects(tok, lex) for m in collect(t, mm, lex)]
    if not recips and trig.event in CONDITIONED_TYPES:  # "warned that X will pay if X attacks"
        recips = sides.consequence_targets(tok, {m.entity.code for m in actors}, mm, lex)
    if not actors and clauses.ruled_out(tok, lex):  # "X said that removing sanctions is out of the question"
        actors = [m for t in clauses.ruling_speakers(tok, mm) for m in collect(t, mm, lex, agent=True)]
    if not actors and recips:
        actors = sides.people_against(tok, recips, mm)
    return actors, recips


def _fill(tok: Token, slots: tuple[str, ...], mm: MentionMap, lex: EventLexicon) -> list[Mention]:
    """Recipient mentions from the slots in order.

    A slot marked '?' is read only if none was found yet; one marked '~' reads location phrases too.
    """
    recips: list[Mention] = []
    for slot in slots:
        if slot.startswith("?"):
            if recips:
                continue
            slot = slot[1:]
        deep = slot.startswith("~")
        slot = slot.lstrip("~")
        doer = slot.endswith("-doer")  # "called the attack on Israel terrorism": aimed at its doer alone
        for t in slot_tokens(tok, slot.removesuffix("-doer"), lex):
            if _event_noun(t, lex):
                recips += _doers(t, mm, lex, fallback=not doer)
            else:
                recips += collect(t, mm, lex, deep=deep)
    return recips


def _event_noun(tok: Token, lex: EventLexicon) -> bool:
    return tok.pos_ == "NOUN" and bool(lex.lookup("noun", tok.lemma_))


def _doers(noun: Token, mm: MentionMap, lex: EventLexicon, fallback: bool = True
           ) -> list[Mention]:
    """Who did the act an event noun names: "condemned Russia's invasion of Ukraine" is aimed at Russia."""
    heads = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    by = (
        ("by", "from", "of")
        if any(t.of == "actor" for t in lex.lookup("noun", noun.lemma_))
        else ("by", "from")
    )
    heads += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in by for o in c.children]
    found = [m for h in heads for m in collect(h, mm, lex)]
    return found or (collect(noun, mm, lex) if fallback else [])


def noun_roles(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> tuple[list, list]:
    verb = attended_by(tok, lex) if trig.event == "CONSULT" and not preps_of(tok, "between") else None
    if verb is not None:
        return attendance_roles(tok, verb, mm, lex)  # "Xi will attend the G20 summit in New Delhi"
    sides = between(tok, mm, lex)
    crowd = trig.event == "PROTEST"  # "thousands of Ruritanian students staged a rally", as with the verb
    actors = [
        m
        for t in noun_actor_tokens(tok, trig, lex, mm)
        for m in collect(t, mm, lex, agent=not crowd and not (t.head == tok and t.dep_ in MODIFIERS))
    ]
    if not actors and trig.event == "PROTEST":
        actors = scene_crowd(tok, mm, lex)  # "Protests erupted in Tehran": the people of that state
    if sides and trig.mode in THIRD_PARTY_MODES and actors:
        return actors, sides  # "Qatar's mediation between A and B": the mediator acts on both sides
    if sides:
        if trig.reciprocal or trig.event not in SYMMETRIC:
            return sides, []
        return sides[:1], sides[1:]
    slots = trig.recipient or lex.default_slots("noun", trig.event)
    recips = _fill(tok, tuple(s for s in slots if s != "of" or trig.of == "recipient"), mm, lex)
    return actors, recips or victims(tok, trig.event, mm, lex)  # "a U.S. drone strike that killed X"


def _needs_recipient(tok: Token, trig: Trigger, lex: EventLexicon) -> bool:
    """A noun carried by a light verb is an act like its verb ("students staged demonstrations", "crowds
    gathered for a rally")."""
    verb = light_verb(tok, lex) if trig.pos == "noun" and trig.alone is None else None
    if verb is not None and ((tok.dep_ == "dobj" and verb == tok.head) or tok.head.lower_ == "for"):
        return lex.requires_recipient(replace(trig, pos="verb"))
    happening = tok.dep_ == "nsubj" and tok.head.lemma_ in HAPPENING_VERBS
    if trig.pos == "noun" and trig.event == "PROTEST" and happening:
        return lex.requires_recipient(replace(trig, pos="verb"))  # "protests erupted": as "people protested"
    return lex.requires_recipient(trig)


def _agentless(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> bool:
    """ "Three soldiers were killed (by a roadside bomb)", "a roadside bomb killed three soldiers": an act
    of an 'agentless_types' type whose doer is uncoded names only its victims."""
    if tok.pos_ != "VERB" or not lex.has("agentless_types", trig.event):
        return False
    return (is_passive(tok) and not clauses.other_cause(tok, mm, lex)) or clauses.blast_subject(tok, mm, lex)


def _touched(tok: Token, trig: Trigger, actors: list[Mention], mm: MentionMap, lex: EventLexicon) -> list:
    """Foreign sides the act's object, complement or scene names when its recipient slots name none.

    Several actors with no recipient act on each other ("China and Russia held drills in the Sea of
    Japan"): their scene is not read.
    """
    host = tok if tok.pos_ in ("VERB", "AUX") else light_verb(tok, lex)
    mine = {m.entity.code for m in actors}
    if host is None or len(mine) > 1 or trig.event in BACKING_TYPES:
        return []
    scene = trig.event in SCENE_TYPES
    touched = touched_tokens(host, lex, scene, lambda t: match_trigger(t, mm, lex) is not None)
    found = [m for t in touched for m in collect(t, mm, lex, deep=True)]
    return [m for m in found if m.entity.code not in mine]


def _kinds_ok(trig: Trigger, actors: list[Mention], recips: list[Mention]) -> bool:
    if not trig.actor_kinds:
        return True
    if any(m.entity.kind not in trig.actor_kinds for m in actors):
        return False
    return all(m.entity.kind == "country" for m in recips)


def candidate(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> Candidate | None:
    """The event a matched trigger makes, or None when its roles are not filled sensibly."""
    roles = verb_roles if trig.pos == "verb" else noun_roles
    actors, found = roles(tok, trig, mm, lex)
    actors = dedupe(actors)
    if actors and not found and not any(s.endswith("-doer") for s in trig.recipient):
        found = _touched(tok, trig, actors, mm, lex)  # not for a slot that names the doer alone
    recips = dedupe(found, {m.entity.code for m in actors})
    if not (actors or (recips and _agentless(tok, trig, mm, lex))) or not _kinds_ok(trig, actors, recips):
        return None
    if found and not recips:
        recips = sides.domestic_side(actors, found, lex) or sides.home_side(
            tok, actors, found, lex, trig.event, trig.mode
        )
        if not recips and not (trig.alone and all(m.how == "place" for m in found)):
            return None  # aimed only at the actor's own side: a domestic act
        # a measure taken in one of the actor's own places ("lifted the curfew in Cairo") stands alone
    event, mode = trig.event, trig.mode
    if not recips and trig.joint is not None and len({m.entity.code for m in actors}) >= 2:
        event, mode = trig.joint  # "Japanese and Australian warships held drills": a joint operation
        return Candidate(tok, trig, event, mode, actors, [], context=aux.contexts(tok, trig.context, lex))
    if not recips and _needs_recipient(tok, trig, lex):
        reciprocal = len(actors) >= 2 and (trig.reciprocal or event in SYMMETRIC)
        reciprocal = reciprocal or (event in FUTURE_ALONE and aux.is_future(tok, lex))
        if trig.fallback is not None:
            event, mode = trig.fallback
        elif not reciprocal:
            return None
    if (
        trig.state is not None
        and all(sides.is_state(m, lex) for m in actors)
        and not sides.civilian_subject(tok, mm, lex)
    ):
        event, mode = trig.state
    return Candidate(tok, trig, event, mode, actors, recips, context=aux.contexts(tok, trig.context, lex))

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
from comity.events.conditions import for_clause_of, modifier_ok, object_ok
from comity.events.infer import happening, scene_crowd
from comity.events.lexicon import NO_EVENT, EventLexicon, Trigger
from comity.events.recipients import between, slot_tokens, touched_tokens, victims
from comity.events.roles import (
    LEXICON_POS,
    MentionMap,
    collect,
    light_verb,
    noun_actor_tokens,
    subject_tokens,
)
from comity.records import Mention
from comity.text.syntax import is_passive, objects, pobjs, preps_of

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
OWNING_DEPS = frozenset({"compound", "amod", "nmod", "prep", "npadvmod"})  # words that say whose act
CLASH_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "ACCUSE"})  # sides may do them to each other
TOLD_ACT_JUDGES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})  # may judge an act told earlier
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
# types whose object's place names their other side ("visited a plant in Pennsylvania"); for the rest of
# the non-scene types it is only where the act was made ("launched an appeal in New York")
PLACED_TYPES = frozenset({"CONSULT"})
# backing is for whom its own slots name: "supports talks with Russia", "supported staying in the EU" back a
# policy, not the side its phrases name
BACKING_TYPES = frozenset({"SUPPORT"})
# ties a side holds ("has a partnership with", "maintains close relations with"): a state of affairs
TIE_NOUNS = frozenset({"partnership", "alliance", "tie", "relation", "relationship", "friendship",
                       "cooperation", "link", "bond"})
STATE_HOLDERS = frozenset({"have", "maintain", "enjoy", "share", "keep"})
# modes of a go-between's act: "A's mediation between B and C" is A's act on B and C (CONSULT third-party)
THIRD_PARTY_MODES = frozenset({"third-party"})
JUDGING_TYPES = frozenset({"ACCUSE"})  # a verb whose object act is judged: aimed at its doer
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
    pending: bool = False  # no recipient yet: its object is an act told earlier (extract._judged_acts)


def _matches(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> bool:
    if tok.pos_ == "ADJ" and not _finite_predicate(tok):
        return False  # "urged China to be critical of Japan": only a stated judgement is one
    after = max((o.right_edge.i for o in objects(tok)), default=tok.i) + 1  # "forced X, Y, out of"
    if trig.prep and not any(
        c.lower_ == trig.prep and (0 < c.i - tok.i <= 2 or c.i == after)
        for c in tok.children
        if c.dep_ in ("prep", "prt", "advmod")  # "moved its troops back"
    ) and not for_clause_of(tok, trig.prep):
        return False
    if trig.under and not (tok.dep_ == "pobj" and tok.head.lower_ in trig.under):
        return False  # "troops on alert", not "issued an alert"
    if trig.object and not object_ok(tok, trig, mm, lex):
        return False
    if trig.modal and not any(
        m.lower_ in trig.modal
        for c in tok.children
        if c.dep_ in ("ccomp", "acl")
        for m in c.children
        if m.dep_ == "aux"
    ):
        return False
    return not trig.modifier or modifier_ok(tok, trig.modifier, mm)


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
    if found is not None and (_figurative_threat(tok, found, lex) or _standing_tie(tok, lex)
                              or _standing_accord(tok, found, lex)):
        return None
    return found


def _expressed(noun: Token, lex: EventLexicon) -> bool:
    """ "Ireland expressed concern over", "raised concerns with Moscow", "issued a statement, expressing grave
    concern over": a feeling named by a noun is an act only when a side expresses it ('expression_verbs');
    "..., raising concern about supply" tells what an act caused, not what anyone said."""
    verb = light_verb(noun, lex)
    caused = verb is not None and verb.lemma_ == "raise" and verb.tag_ == "VBG" and verb.dep_ in (
        "advcl", "xcomp", "acl")
    return verb is not None and lex.has("expression_verbs", verb.lemma_) and not caused


def read_by_lexicon(tok: Token, mm: MentionMap, lex: EventLexicon) -> bool:
    """Whether an entry of the lexicon, a sense entry included, matches ``tok`` in its construction."""
    pos = LEXICON_POS.get(tok.pos_)
    return pos is not None and any(_matches(tok, t, mm, lex) for t in lex.lookup(pos, tok.lemma_))


def _sense(found: Trigger | None) -> Trigger | None:
    """The matched entry, or None for a sense entry that says the word is no event here."""
    return None if found is None or found.event == NO_EVENT else found


def _figurative_threat(tok: Token, trig: Trigger, lex: EventLexicon) -> bool:
    """ "the campaign threatens to strain his coalition": a threat whose act is a consequence
    ('consequence_verbs'), not something a side would do, is a figure of speech; one to raise a harm
    the lexicon names ("threatened to increase tariffs on Chinese products") is a threat."""
    return trig.event == "THREATEN" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "xcomp" and lex.has("consequence_verbs", c.lemma_) and not _raises_harm(c, lex)
        for c in tok.children
    )


def _raises_harm(verb: Token, lex: EventLexicon) -> bool:
    return any(lex.has("threat_types", t.event) for o in objects(verb) for t in lex.lookup("noun", o.lemma_))


def _standing_tie(tok: Token, lex: EventLexicon) -> bool:
    """ "The Kremlin has a strategic partnership with Iran": a tie a side has or keeps is a state."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in TIE_NOUNS:
        return False
    return _holder(tok, lex) is not None


def _holder(noun: Token, lex: EventLexicon) -> Token | None:
    """The verb by which a side has or keeps what the noun names ('STATE_HOLDERS': "has a partnership")."""
    verb = light_verb(noun, lex)
    return verb if verb is not None and verb.lemma_ in STATE_HOLDERS else None


def _standing_accord(tok: Token, trig: Trigger, lex: EventLexicon) -> bool:
    """ "the existing North American trade agreement", "goods covered under the pact", "re-working parts
    of the free trade agreement with South Korea", "has no extradition treaty with": an accord named as
    one in force ('standing_words'), one a side has or keeps (:func:`_held_accord`), one
    under which something falls, or one acted on as a standing thing ('standing_verbs'), is no act of
    agreeing."""
    if trig.event != "AGREE" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and lex.has("standing_words", c.lemma_) for c in tok.children):
        return True
    if _held_accord(tok, lex):
        return True  # "Russia does not have an extradition treaty with the US": held, not agreed
    if tok.dep_ == "pobj":  # an "of", "under", "with" or "by" phrase
        prep = tok.head
        if prep.lower_ == "under":
            return True
        owner = prep.head
        if owner.pos_ in ("NOUN", "PROPN"):  # "parts of the agreement", "the terms of the deal"
            return lex.has("standing_words", owner.lemma_)
        return owner.pos_ == "VERB" and lex.has("standing_verbs", owner.lemma_)  # "comply with the treaty"
    return tok.dep_ in ("dobj", "nsubjpass") and lex.has("standing_verbs", tok.head.lemma_)


STANDING_ACCORDS = frozenset({"treaty", "pact", "alliance", "accord", "understanding", "convention"})


def _held_accord(tok: Token, lex: EventLexicon) -> bool:
    """An accord a side has or keeps is a state when it is denied ("does not have a deal", "has no
    agreement"), held over time ("has had a similar understanding") or a standing kind of accord ("has a
    defense treaty with"); "we have an agreement with China", "now have a ceasefire agreement" are news."""
    verb = _holder(tok, lex)
    if verb is None:
        return False
    denied = any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
    held = verb.tag_ == "VBN" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return denied or held or tok.lemma_.lower() in STANDING_ACCORDS


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
    recips = _fill(tok, trig.recipient or lex.default_slots("verb", trig.event), mm, lex,
                   judged=_judges(trig))
    if not recips and lex.has("said_of_types", trig.event):  # "criticised the deal, saying India was ..."
        recips = _fill(tok, ("speech-subj",), mm, lex)
    if not recips and trig.event in CONDITIONED_TYPES:  # "threatened to walk out unless X ...", "warned
        recips = [m for t in clauses.condition_subjects(tok, lex) for m in collect(t, mm, lex)] or \
            sides.consequence_targets(tok, {m.entity.code for m in actors}, mm, lex)  # that X will pay if X"
    if not actors and clauses.ruled_out(tok, lex):  # "X said that removing sanctions is out of the question"
        actors = [m for t in clauses.ruling_speakers(tok, mm) for m in collect(t, mm, lex, agent=True)]
    if not actors and recips:
        actors = sides.people_against(tok, recips, mm)
    return actors, recips


def _fill(tok: Token, slots: tuple[str, ...], mm: MentionMap, lex: EventLexicon, judged: bool = False
          ) -> list[Mention]:
    """Recipient mentions from the slots in order.

    A slot marked '?' is read only if none was found yet; one marked '~' reads location phrases too. With
    ``judged`` (a verb that judges an act: "condemns the attacks by Hamas against Israeli civilians"), a
    phrase of an object that is an act named by a noun is that act's, not the verb's: it is aimed at the
    act's doer alone.
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
            if judged and slot.startswith("prep:") and _of_an_act(t, tok, lex):
                continue
            if _event_noun(t, lex):
                recips += _doers(t, mm, lex, fallback=not doer)
            else:
                recips += collect(t, mm, lex, deep=deep)
    return recips


def _judges(trig: Trigger) -> bool:
    """A verb that judges an act its object names ("condemned the attacks"), not one whose entry names what
    it carries ("lodged a protest with X": the protest is the accusation itself)."""
    return trig.event in JUDGING_TYPES and not trig.object


def _of_an_act(found: Token, verb: Token, lex: EventLexicon) -> bool:
    """``found`` is the object of a phrase of the verb's object, an act named by a noun ("the attacks ...
    against Israeli civilians")."""
    prep = found.head
    return prep.dep_ == "prep" and prep.head in objects(verb) and _event_noun(prep.head, lex)


def _event_noun(tok: Token, lex: EventLexicon) -> bool:
    return tok.pos_ == "NOUN" and bool(lex.lookup("noun", tok.lemma_))


def _doers(noun: Token, mm: MentionMap, lex: EventLexicon, fallback: bool = True
           ) -> list[Mention]:
    """Who did the act an event noun names: "condemned Russia's invasion of Ukraine" is aimed at Russia."""
    heads = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    found = [m for h in heads for m in collect(h, mm, lex)]
    if found:  # "Moscow's annexation of Crimea from Ukraine": the owner did it, "from" names the loser
        return found
    brokered = any(t.mode in THIRD_PARTY_MODES for t in lex.lookup("noun", noun.lemma_))
    parties = [] if brokered else between(noun, mm, lex)
    if parties:  # "welcomed the agreement between Rwanda and Congo": its parties did it (not a mediation's)
        return parties
    by = (
        ("by", "from", "of")
        if any(t.of == "actor" for t in lex.lookup("noun", noun.lemma_))
        else ("by", "from")
    )
    heads = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in by for o in c.children]
    found = [m for h in heads for m in collect(h, mm, lex)]
    return found or (collect(noun, mm, lex) if fallback else [])


def noun_roles(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> tuple[list, list]:
    own = preps_of(tok, "between") or preps_of(tok, "with")  # "joined the talks with Turkey in Brussels"
    verb = attended_by(tok, lex) if trig.event == "CONSULT" and not own else None
    if verb is not None:
        return attendance_roles(tok, verb, mm, lex)  # "Xi will attend the G20 summit in New Delhi"
    sides = between(tok, mm, lex)
    crowd = trig.event == "PROTEST"  # "thousands of Ruritanian students staged a rally", as with the verb
    actors = [
        m
        for t in noun_actor_tokens(tok, trig, lex, mm)
        for m in collect(t, mm, lex, agent=not crowd and not (t.head == tok and t.dep_ in MODIFIERS))
    ]
    targets: list[Mention] = []
    if not actors and trig.event == "PROTEST":
        actors = scene_crowd(tok, mm, lex)  # "Protests erupted in Tehran": the people of that state
        targets = [m for p in tok.head.children if p.dep_ == "prep" and p.lower_ in ("against", "over")
                   for o in pobjs(p) for m in collect(o, mm, lex)] if actors else []
    if sides and trig.mode in THIRD_PARTY_MODES and actors:
        return actors, sides  # "Qatar's mediation between A and B": the mediator acts on both sides
    if sides:
        if trig.reciprocal or trig.event not in SYMMETRIC:
            return sides, []
        return sides[:1], sides[1:]
    slots = trig.recipient or lex.default_slots("noun", trig.event)
    recips = _fill(tok, tuple(s for s in slots if s != "of" or trig.of == "recipient"), mm, lex)
    return actors, recips or targets or victims(tok, trig.event, mm, lex)  # "a drone strike that killed X"


def _needs_recipient(tok: Token, trig: Trigger, lex: EventLexicon) -> bool:
    """A noun carried by a light verb is an act like its verb ("students staged demonstrations", "crowds
    gathered for a rally")."""
    verb = light_verb(tok, lex) if trig.pos == "noun" and trig.alone is None else None
    if verb is not None and ((tok.dep_ == "dobj" and verb == tok.head) or tok.head.lower_ == "for"):
        return lex.requires_recipient(replace(trig, pos="verb"))
    if trig.pos == "noun" and trig.event == "PROTEST" and happening(tok):
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
    places = scene or trig.event in PLACED_TYPES
    is_act = lambda t: match_trigger(t, mm, lex) is not None  # noqa: E731
    touched = touched_tokens(host, lex, scene, is_act, places)
    if (not touched and host.tag_ == "VBG" and host.dep_ == "advcl" and host.head.pos_ == "VERB"
            and lex.types[trig.event].quad in (3, 4)):
        # "set off bombs in Ankara, killing 90 people": the harm is done where the clause it ends is
        touched = touched_tokens(host.head, lex, scene, is_act, places)
    if _judges(trig):  # "condemned the attack against Israeli civilians": not aimed at them
        touched = [t for t in touched if not _of_an_act(t, host, lex)]
    found = [m for t in touched for m in collect(t, mm, lex, deep=True)]
    return [m for m in found if m.entity.code not in mine]


def _kinds_ok(trig: Trigger, actors: list[Mention], recips: list[Mention]) -> bool:
    if not trig.actor_kinds:
        return True
    if any(m.entity.kind not in trig.actor_kinds for m in actors):
        return False
    return all(m.entity.kind == "country" for m in recips)


def _finite_predicate(adj: Token) -> bool:
    """A predicate adjective of a finite copula ("has been critical of X"), not of an infinitive ("to be
    critical of X", which the modality of verbs would not read through the adjective)."""
    return adj.dep_ == "acomp" and not any(c.tag_ == "TO" for c in adj.head.children)


def _between_two(tok: Token, trig: Trigger, actors: list[Mention]) -> bool:
    """An act noun whose two sides its 'between' phrase names (both actors are in it: not "the Russian and
    Belarusian attacks between March and May"): they act on each other."""
    if trig.pos != "noun" or trig.event not in CLASH_TYPES or len({m.entity.code for m in actors}) != 2:
        return False
    spans = [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge)) for p in preps_of(tok, "between")]
    return bool(spans) and all(any(a <= m.span[0] and m.span[1] <= b for a, b in spans) for m in actors)


def _owned(tok: Token, mm: MentionMap) -> bool:
    return any(mm.all(t) or t.tag_ == "PRP$" for t in tok.subtree)


def judged_acts(tok: Token, event: str, lex: EventLexicon, mm: MentionMap) -> set[str]:
    """For a verb of a type that may judge an act told earlier (``TOLD_ACT_JUDGES``), the event types
    (other than ``event``) of the act noun it takes as its direct object, when the noun's phrase names no
    side ("condemned the missile attack", "described the arrest as", "welcomed the deal"; not "Russia's
    attack", "the attack on Kyiv", "his arrest"); else none."""
    if event not in TOLD_ACT_JUDGES or tok.pos_ not in ("VERB", "AUX"):
        return set()
    kinds = set()
    for obj in (o for o in tok.children if o.dep_ == "dobj" and o.pos_ == "NOUN"):
        if any(c.dep_ == "poss" or (c.dep_ in OWNING_DEPS and _owned(c, mm)) for c in obj.children):
            continue  # its phrase says whose act ("a trip of his own"), or on whom: not one told before
            # (a relative or content clause says something else of it: "the demands that they say ...")
        kinds |= {t.event for t in lex.lookup("noun", obj.lemma_)}
    return kinds - {event, NO_EVENT}


def candidate(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> Candidate | None:
    """The event a matched trigger makes, or None when its roles are not filled sensibly."""
    roles = noun_roles if trig.pos == "noun" else verb_roles  # a predicate adjective as its copula's verb
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
        reciprocal = reciprocal or _between_two(tok, trig, actors)  # "the war between Israel and Iran"
        if trig.fallback is not None:
            event, mode = trig.fallback
        elif not reciprocal:  # "condemned the attack": the attack told earlier may say whose, else none
            return Candidate(tok, trig, event, mode, actors, [], context=aux.contexts(tok, trig.context, lex),
                             pending=True) if judged_acts(tok, event, lex, mm) else None
    if (
        trig.state is not None
        and all(sides.is_state(m, lex) for m in actors)
        and not sides.civilian_subject(tok, mm, lex)
    ):
        event, mode = trig.state
    return Candidate(tok, trig, event, mode, actors, recips, context=aux.contexts(tok, trig.context, lex))

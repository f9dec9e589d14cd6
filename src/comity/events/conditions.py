"""The conditions a lexicon entry puts on its trigger's construction (``data/events.json`` "about":
'object', 'modifier', 'prep'): what the object must be or hold ("@negative": "called the drills 'an
irresponsible act'"; "@report": "warned Russian troops were mining roads"; "@say": "declined comment"),
which modifiers the trigger needs ("a phone call"), and the for-to clause that carries a preposition.
``triggers.match_trigger`` reads an entry through them.
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events import modality as aux
from comity.events.lexicon import EventLexicon, Trigger
from comity.events.recipients import small_clauses
from comity.events.roles import MentionMap, collect, through_quantity
from comity.text.syntax import for_to_clause, objects, pobjs


def object_ok(tok: Token, trig: Trigger, mm: MentionMap, lex: EventLexicon) -> bool:
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
    if "@backing" in want and any(o.lemma_ in ("support", "backing") and any(
            c.dep_ == "amod" and lex.has("backing_words", c.lemma_) for c in o.children) for o in objs):
        return True  # "offered Russia tacit support": backing in words, not aid
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
    if "@departed" in want and _persons(subjects, mm) and any(
            m.entity.kind == "country" or m.how in ("place", "capital") for o in objs for m in mm.all(o)):
        return True  # "Pelosi left Taiwan": a visitor departs ("Israel left Lebanon" withdrew)
    if "@retaliation" in want and any(_retaliation(o, lex) for o in objs):
        return True  # "reserves the right to respond", "to take countermeasures"; not "to review the deal"
    if "@permitted" in want and _permits(tok, subjects, mm, lex):
        return True  # "Turkey allowed Sweden to join NATO"; not "allowed the group to grow", nor "the lull
        # allowed Hamas to send fighters", where no side allows anything and the act inside is Hamas's own
    for obj in objs:
        heads = [obj, *(c for c in obj.children if c.dep_ == "conj"), *through_quantity(obj, lex)]
        heads += [c for h in heads for c in h.children if c.dep_ in ("compound", "quantmod")]  # "aid
        # deliveries"; "$75 million", where the parser may make "million" the object and "$" its modifier
        if any(h.lemma_.lower() in want or h.lower_ in want for h in heads):
            return True  # the word as written too: "the crossing" the parser took for a verb ("cross")
        if "@money" in want and any(lex.has("money_words", h.lemma_) for h in heads):
            return True  # "provided $400 million to", "gave 12 million euros to": a sum of money
        if ("@actor" in want or "@place" in want) and (mm.all(obj) or collect(obj, mm, lex, agent=True)):
            return True  # "killed three Albanians", "called Putin"; not "calling Mexican border-crossers"
    return False


def _retaliation(obj: Token, lex: EventLexicon) -> bool:
    """A 'right' to one of the 'retaliation_acts': its infinitive's verb, or that verb's object."""
    if obj.lemma_.lower() != "right":
        return False
    acts = [c for c in obj.children if c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ in ("VERB", "AUX")]
    words = [a for a in acts] + [o for a in acts for o in a.children if o.dep_ == "dobj"]
    return any(lex.has("retaliation_acts", w.lemma_) for w in words)


def _permits(verb: Token, subjects: list[Token], mm: MentionMap, lex: EventLexicon) -> bool:
    """A side (the subject, or the side a controlling verb gives: "refusing to allow") lets another do one
    of the 'permitted_verbs' acts."""
    named = not subjects or any(mm.all(s) or collect(s, mm, lex, agent=True) for s in subjects)
    return named and any(c.dep_ in ("xcomp", "ccomp") and lex.has("permitted_verbs", c.lemma_)
                         for c in verb.children)


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


def for_clause_of(tok: Token, prep: str) -> bool:
    """ "called for Hezbollah to disarm": the preposition opens the clause that follows the verb."""
    return prep == "for" and any(
        c.dep_ in ("advcl", "ccomp", "xcomp") and for_to_clause(c) and tok.i + 1 in {m.i for m in c.children}
        for c in tok.children
    )


def modifier_ok(tok: Token, want: tuple[str, ...], mm: MentionMap) -> bool:
    """A modifier of the noun, or its 'of' object and that object's modifiers ("withdrawal of its forces")."""
    deps = ("compound", "amod", "nmod", "poss", "npadvmod")
    for target in [tok] if tok.pos_ in ("NOUN", "PROPN") else objects(tok):
        ofs = [o for p in target.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        kids = [c for t in (target, *ofs) for c in t.children if c.dep_ in deps] + ofs
        if any(c.lemma_.lower() in want or ("@actor" in want and mm.get(c) is not None) for c in kids):
            return True
    return False

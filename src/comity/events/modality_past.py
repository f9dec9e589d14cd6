"""Where a cue of modality stops: the clause that governs an act, not the whole sentence.

A cue (a negation, a modal, a verb of planning) said of one act reaches the acts its clause embeds, not
an act told in a clause or phrase of its own:

- a complement clause in the past with its own subject ("doubted Iran could carry out what it was
  threatening", "did not say that troops had crossed"): that act was done; the cue is about the telling
  (``told_apart``); nor does a cue cross a paragraph break (a parse run across paragraphs);
- an act in a framing phrase ('framing_preps': "after meeting Xi", "during the visit", "since invading
  Ukraine"): a negation never reaches it ("did not comment after meeting Xi"); an act since which, amid
  which or despite which another happens ('actual_preps') is real, so no mode reaches it either; an act
  after which another happens ('sequence_preps') is dated by its own time when the phrase has one
  ("after meeting the premier on Monday, he will fly home"), and otherwise shares the mode of what it
  precedes ("will fly home after meeting Xi") (``framed_out``).

A verb joined to another with no subject or auxiliary of its own ("will attend the summit and meet
Biden") shares that one's auxiliaries (``shared_conjunct``). A negated verb of not doing ("will not
hesitate to fight", "never stopped supplying arms") negates nothing (``double_negative``). What an
epistemic modal ('epistemic_words') says of a definite act by a predicate that is not its occurring
('occurrence_verbs': "her trip could pose risks", "Kim's visit may be a sign of a thaw"), or a negated
perfect modal ("the meeting could not have come at a worse time"), judges an act already done: it does
not make the act hypothetical (``judged``). An act whose cancellation or postponement is told
('cancelling_words': "the cancellation of future calls", "postponed the planned talks") is a future act
that will not happen (``is_cancelled``).
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events.lexicon import EventLexicon
from comity.text.syntax import auxiliaries, crosses_paragraph

DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def told_apart(verb: Token) -> bool:
    """``verb`` heads a complement clause in the past with its own subject, or the parse joins it to its
    head across a paragraph break: no cue of the verbs above it reaches it."""
    if verb.head == verb:
        return False
    if crosses_paragraph(verb, verb.head):
        return True
    if verb.dep_ != "ccomp" or verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = auxiliaries(verb)
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
        return False  # "said it would meet": the reported act's own modal
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes)
    return past and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def framed_out(cur: Token, cue: str, lex: EventLexicon) -> bool:
    """``cur`` is the object of a framing preposition that a ``cue`` ('negation' or 'mode') of the verb
    the phrase hangs on does not reach."""
    prep = cur.head
    fronted = cur.dep_ == "pcomp" and prep.dep_ == "prep" and prep.i < prep.head.i
    if cue == "negation" and fronted and prep.lower_ in ("in", "by"):
        return True  # "In defending Assad, Moscow does not appear to ...": the clause comments on the act
    if cur.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or not lex.has("framing_preps", prep.lower_):
        return False
    if cue == "negation" or lex.has("actual_preps", prep.lower_):
        return True
    return lex.has("sequence_preps", prep.lower_) and any(t.ent_type_ == "DATE" for t in prep.subtree)


def shared_conjunct(verb: Token) -> Token | None:
    """ "will attend the summit and meet Biden", "did not attend it or meet him", "could attack Ukraine and
    invade Moldova": a bare verb joined to another, with no subject or auxiliary of its own, shares that
    verb's auxiliaries and what governs it. The first conjunct, or None."""
    if verb.pos_ != "VERB" or verb.tag_ != "VB":
        return None
    cur = verb
    for _ in range(4):
        if cur.dep_ != "conj" or cur.head == cur or cur.head.pos_ not in ("VERB", "AUX"):
            break
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in cur.children):
            break
        cur = cur.head
    return cur if cur != verb else None


def double_negative(verb: Token, lex: EventLexicon) -> bool:
    """ "will not hesitate to fight", "never stopped supplying": a verb of not doing, itself negated."""
    return lex.has("negating_verbs", verb.lemma_) and any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children
    )


def _definite(noun: Token) -> bool:
    """A noun naming one known act: a possessor ("Kim's trip", "her visit") or a definite determiner."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)


def judged(noun: Token, verb: Token, lex: EventLexicon) -> bool:
    """The modal of ``verb``, the predicate of the act named by the subject ``noun``, judges the act rather
    than tells whether it happens."""
    auxes = auxiliaries(verb)
    modals = [a.lower_ for a in auxes if a.tag_ == "MD"]
    if not modals:
        return False
    perfect = any(a.lemma_ == "have" for a in auxes)
    if perfect and any(c.dep_ == "neg" for c in verb.children):
        return True  # "could not have come at a worse time": said of an act that happened
    epistemic = all(lex.has("epistemic_words", m) for m in modals)
    return epistemic and _definite(noun) and not lex.has("occurrence_verbs", verb.lemma_)


def is_cancelled(tok: Token, lex: EventLexicon) -> bool:
    """ "the cancellation of future calls and meetings", "postponed the planned talks": the act is what is
    cancelled or put off."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    cur = tok
    while cur.dep_ == "conj" and cur.head != cur and cur.head.pos_ == cur.pos_:
        cur = cur.head  # "calls and meetings": the second shares the first one's place
    head = cur.head
    if cur.dep_ == "pobj" and head.lower_ == "of":
        return lex.has("cancelling_words", head.head.lemma_)
    return cur.dep_ in ("dobj", "nsubjpass") and lex.has("cancelling_words", head.lemma_)

"""Background acts: an act the sentence tells only as the frame, cause or object of another act.

News often names an earlier act only to place another one: "Since Moscow attacked Kyiv, analysts have
compared ...", "three weeks after meeting the premier, the president invaded", "sanctions imposed over the
invasion", "Beijing responded to her trip with drills", "Tsai, who met the speaker, called the drills
irresponsible". Such an act has no time of its own in the sentence; the publication date would put it in
the wrong month. ``background_frame(tok, lex)`` finds the phrase or clause that makes the act of the trigger
``tok`` a background one, or None when the act is told in its own right:

- the object of a background preposition ('background_preps': "since the invasion", "after meeting Xi",
  "following her visit", "before attacking", "over the invasion"), or a clause it introduces ("since Russia
  invaded", "after it was formed");
- the object of a word of reaction or judgement ('reaction_words': "responded to her trip", "in response to
  the strikes", "condemned the invasion", "the anniversary of the war");
- a relative clause in the past on a person or a named actor ("Tsai, who met the speaker", "Delhi, which has
  not condemned the invasion");
- the act a side's decision or move names ("after Britain's decision to leave the EU");
- the reason of another act, told by 'for' and a gerund ("sanctions to punish Moscow for annexing Crimea");

and any act named inside such a frame ("who met the speaker during her visit"). The events stage dates a
background act only by a time inside its frame ("since Russia invaded on February 24"), never by another
act's time or the publication date (``comity.events.merge``).
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events.lexicon import EventLexicon
from comity.events.roles import carried_out_owner
from comity.records import Span, TimeRef
from comity.times.grammar import tense

NOUNS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB", "AUX"})
# how a noun hangs on the phrase or clause above it, inside one clause
NOUN_UP = frozenset({"nsubj", "nsubjpass", "dobj", "conj", "appos", "compound", "attr", "pobj", "prep"})
ACTOR_ENTITIES = frozenset({"PERSON", "GPE", "ORG", "NORP"})
RELATIVE_PERSONS = frozenset({"who", "whom", "whose"})
CIRCUMSTANCE_RELATIVES = frozenset({"where", "when", "while"})
# a joined verb with one of these has a clause of its own ("... and that's hosting talks")
OWN_CLAUSE = frozenset({"mark", "nsubj", "nsubjpass", "aux", "auxpass", "expl"})
MAX_STEPS = 8


def background_frame(tok: Token, lex: EventLexicon) -> Token | None:
    """The token heading the phrase or clause that tells the act of ``tok`` as background, or None."""
    cur = tok
    for _ in range(MAX_STEPS):
        frame = _frame_at(cur, lex)
        if frame is not None:
            return frame
        up = _step_up(cur)
        if up is None:
            return None
        cur = up
    return None


def _frame_at(cur: Token, lex: EventLexicon) -> Token | None:
    head = cur.head
    if cur.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and lex.has("background_preps", head.lower_):
        return head  # "since the invasion", "after meeting Xi", "over Russia's invasion"
    if cur.dep_ == "pcomp" and head.lower_ == "for" and cur.tag_ == "VBG" and head.head.pos_ in VERBS:
        return head  # "to punish Moscow for annexing Crimea": the reason of another act
    if cur.pos_ in VERBS and carried_out_owner(cur):
        return head  # "Britain's decision to leave the EU", "Trump's decision to bomb": a known act, named
    if cur.pos_ in VERBS:
        return _clause_frame(cur, lex)
    if cur.pos_ not in NOUNS:
        return None
    if cur.dep_ == "pobj" and head.dep_ == "prep" and lex.has("reaction_words", head.head.lemma_):
        return head  # "responded to her trip", "in response to the strikes"
    if cur.dep_ == "dobj" and lex.has("reaction_words", head.lemma_):
        return cur  # "condemned the invasion"
    if _named_subject(cur, lex):
        return cur  # "Sunak's resignation was a calculated move", "Russia's cyberattacks included ..."
    return None


def _named_subject(noun: Token, lex: EventLexicon) -> bool:
    """An act named by a noun that is the subject of a predicate that comments on it ('comment_predicates':
    "Sunak's resignation was a calculated move", "the cyberattacks included stolen data") is a known act;
    one that tells what it did ("the strike killed 12", "the drills alarmed Japan") is news of its own."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in VERBS or verb == noun:
        return False
    return lex.has("comment_predicates", verb.lemma_)


def _clause_frame(verb: Token, lex: EventLexicon) -> Token | None:
    """ "since Russia invaded", "after it was formed": an adverbial clause of a background preposition; "Tsai,
    who met the speaker": a relative clause in the past on a person or a named actor."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and lex.has("background_preps", c.lower_)
                                    for c in verb.children):
        return verb
    if verb.dep_ == "relcl" and _on_actor(verb) and _told_before(verb):
        return verb
    return None


def _told_before(verb: Token) -> bool:
    """A past act of its own: not one told where or when another happens ("Tehran, where police fired"),
    nor one not done ("which has not condemned")."""
    if any(c.lower_ in CIRCUMSTANCE_RELATIVES or c.dep_ == "neg" for c in verb.children):
        return False
    return tense(verb) == "past"


def _on_actor(relcl: Token) -> bool:
    antecedent = relcl.head
    return (antecedent.ent_type_ in ACTOR_ENTITIES or antecedent.pos_ == "PROPN"
            or any(c.lower_ in RELATIVE_PERSONS for c in relcl.children))


def _step_up(cur: Token) -> Token | None:
    """The word above ``cur`` in its own clause: a noun's governor, or the first of joined verbs."""
    if cur.head == cur:
        return None
    if (cur.dep_ in NOUN_UP and cur.pos_ not in VERBS) or cur.dep_ == "prep":
        return cur.head
    if cur.dep_ == "xcomp":
        return cur.head  # "after deciding to invade": the infinitive shares its governor's frame
    if cur.pos_ in VERBS and cur.dep_ == "conj" and cur.head.pos_ in VERBS:
        return None if any(c.dep_ in OWN_CLAUSE for c in cur.children) else cur.head
    return None


def within(frame: Token, ref: TimeRef) -> bool:
    """The time expression lies inside the phrase or clause ``frame`` heads."""
    return _inside(_extent(frame), ref.span)


def _extent(frame: Token) -> Span:
    return frame.left_edge.idx, frame.right_edge.idx + len(frame.right_edge)


def _inside(outer: Span, inner: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]

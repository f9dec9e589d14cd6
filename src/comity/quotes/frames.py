"""Frames of reporting verbs: the complements with which a verb's object is itself what was said.

"accused Kyiv of shelling the town", "described the vote as a fraud", "called the
plan a disaster", "threatened to leave the talks", "denied taking part",
"expressed concern over the arrests": no complement clause, yet a statement.
Which verb takes which frame is data (``frames`` in ``data/cues.json``):

- a preposition ("of", "for", "as", "with"): an object, then that preposition,
  on the verb or on the object; the statement runs from the object to the end
  of the preposition's phrase;
- ``+`` and a preposition ("+of"): the preposition's phrase right on the verb
  ("warned of a wider war", "boasted about the economy");
- ``to``: an infinitive ("pledged to rebuild");
- ``-ing``: a gerund ("denied ordering the strike");
- ``predicate``: an object and what it is called ("called the trial a farce");
- ``object``: a plain noun object ("voiced alarm at the arrests").

A passive verb ("was accused of") takes no frame: its subject is not the source; nor
does an infinitive ("sought to portray X as Y", "pushed her to call for Y"): an aim, not a
statement. Nor does an object that is the subject itself ("described himself as a
conservative", "calls herself a socialist", "cast himself as an outsider"): a self-description
tells who someone is or poses as, not what they said of the world.
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.records import Span
from comity.text.syntax import doc_text

NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "ADJ")
CLAUSES = ("advcl", "conj", "parataxis")
TAILS = ("prep", "advcl", "npadvmod")  # what runs on after a preposition on the verb: "of war if talks fail"
LEAST_WORDS = 3  # "the target it pledged to reach": two words tell nothing


def framed_report(tok: Token, frames: tuple[str, ...]) -> tuple[Span, Token] | None:
    """What ``tok`` reports through one of ``frames`` (its lemma's), with the root of that stretch."""
    aim = _aim(tok) or (tok.dep_ == "conj" and _aim(tok.head))
    if not frames or aim or any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return None
    for frame in frames:
        found = _frame(tok, frame)
        if found is not None and reflexive(found[0]):
            continue
        span = _stretch(_tails(tok, found)) if found is not None else None
        if span is not None and len(doc_text(tok.doc)[span[0]:span[1]].split()) >= LEAST_WORDS:
            return span, found[0]
    return None


def reflexive(tok: Token) -> bool:
    """A reflexive pronoun ("himself", "themselves"): the subject named again as the object."""
    return tok.tag_ == "PRP" and tok.lower_.endswith(("self", "selves"))


def _tails(tok: Token, parts: list[Token]) -> list[Token]:
    """The complements and what the verb goes on with after them ("framed the war as necessary after
    NATO expanded", "called it a common ailment during long campaigns")."""
    last = max(p.right_edge.i for p in parts)
    return [*parts, *(c for c in tok.children if c.i > last and c.dep_ in TAILS)]


def _aim(tok: Token) -> bool:
    """An infinitive ("sought to portray", "pushed her to describe"): what someone means to say."""
    return tok.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _frame(tok: Token, frame: str) -> list[Token] | None:
    """The complements (the first is the root) that realise ``frame`` on ``tok``, if they are there."""
    after = [c for c in tok.children if c.i > tok.i]
    objects = [c for c in after if c.dep_ == "dobj" and c.pos_ in NOMINAL]
    if frame == "to":
        return next(([c] for c in after if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if frame == "-ing":
        return next(([c] for c in after if c.dep_ in ("xcomp", "dobj", "pcomp") and c.tag_ == "VBG"), None)
    if frame == "object":
        return objects[:1] + [c for c in after if c.dep_ == "prep" and objects and c.i > objects[0].i] \
            if objects and objects[0].pos_ in ("NOUN", "PROPN") else None
    if frame == "predicate":
        said = [c for c in after if c.dep_ == "oprd"]
        named = objects or [c for o in said[:1] for c in o.children
                            if c.dep_ in ("dobj", "attr") and c.i > o.i]
        return [*named[:1], *said[:1]] if named and said else None
    if frame.startswith("+"):  # "warned of the consequences": the preposition right on the verb
        prep = next((c for c in after if c.dep_ == "prep" and c.lower_ == frame[1:]
                     and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        return None if prep is None else [prep, *(c for c in after if c.i > prep.i and c.dep_ in TAILS)]
    if not objects:
        return None
    doc, edge = tok.doc, objects[0].right_edge.i
    preps = [c for c in after + list(objects[0].children)
             if c.dep_ == "prep" and c.lower_ == frame and c.i > objects[0].i]
    if preps:
        return objects[:1] + preps[:1]
    if edge + 1 < len(doc) and doc[edge + 1].lower_ == frame:  # "described it as fragile": "as" parsed lower
        return [*objects[:1], _below(tok, doc[edge + 1])]
    return None


def _below(tok: Token, word: Token) -> Token:
    """The child of ``tok`` whose phrase holds ``word`` (``word`` itself when it hangs elsewhere)."""
    node = word
    while node.head.i != node.i and node.head.i != tok.i:  # (a Token is made anew at each read: not 'is')
        node = node.head
    return node if node.head.i == tok.i else word


def _stretch(parts: list[Token]) -> Span:
    """From the first complement's first word to the last one's last, short of a clause joined on
    after a comma ("accused X of Y, saying ...": the "saying" clause is a statement of its own)."""
    doc = parts[0].doc
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts)
    joined = next((t.i for t in doc[start + 1:end + 1] if t.dep_ in CLAUSES and t.pos_ in ("VERB", "AUX")
                   and doc[t.left_edge.i - 1].text == "," and t.left_edge.i - 1 > start), None)
    if joined is not None:
        end = doc[joined].left_edge.i - 1
    while end > start and doc[end].is_punct and doc[end].text not in "\"”’'":
        end -= 1
    return doc[start].idx, doc[end].idx + len(doc[end])

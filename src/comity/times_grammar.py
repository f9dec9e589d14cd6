"""Which way a time expression points, read from the grammar of its governing verb.

"will attend Friday's parade" points ahead, "said on Friday" back, "is to visit
Beijing in September" ahead, "has spoken to Putin on Jan. 21" back, "is in
Moscow from Wednesday" now. Explicit words (next, last, ago) are handled by
the resolver; this module only reads tense and aspect.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from comity.times_words import vocabulary

FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "pcomp"}


@cache
def future_verbs() -> frozenset[str]:
    return frozenset(vocabulary()["future_verbs"])


def governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary at or above ``token`` in the parse (None in a verbless fragment)."""
    seen = 0
    while seen < 40:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token, seen = token.head, seen + 1
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _infinitive_governor(verb: Token) -> Token | None:
    """For 'to visit' in 'is to visit' / 'plans to visit', the governing 'is' / 'plans'."""
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and any(c.lower_ == "to" for c in _auxiliaries(verb)):
        return verb.head
    return None


def tense(verb: Token, depth: int = 0) -> str | None:
    """``past``, ``future``, ``present`` or None (a modal, or nothing to go on)."""
    auxes = _auxiliaries(verb)
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX:
        return "future"
    if lowers & {"would", "could", "might", "may", "should", "must", "can"}:
        return None
    governor = _infinitive_governor(verb)
    if governor is not None and depth < 3:
        if governor.lemma_ in future_verbs() or governor.lemma_ == "be":
            return "future" if tense(governor, depth + 1) != "past" else None
        return tense(governor, depth + 1)
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if verb.lemma_ in future_verbs() and (verb.tag_ == "VBN" or any(a.dep_ == "auxpass" for a in auxes)):
        return "future"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl"):
        return "past"
    if any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBN":
        return "past"
    if any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        return "future" if any(a.tag_ in ("VBZ", "VBP") for a in auxes) else "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def direction(doc: Doc, start: int, end: int) -> str | None:
    """The direction of the time expression at characters ``start``-``end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    return tense(verb) if verb is not None else None


def clause_head(token: Token) -> Token:
    """The head of the clause holding ``token``: the nearest verb that heads a clause."""
    current, seen = token, 0
    while seen < 40:
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_DEPS:
            return current
        if current.head.i == current.i:
            return current
        current, seen = current.head, seen + 1
    return current

"""Subjects the parser misplaces: repairs the role readers of :mod:`comity.events.roles` apply.

- "Putin, since invading Ukraine, ...": the subject set off before an interrupting phrase
  (``interrupting_subject``);
- "According to a statement from the Elysee, Macron and Biden met", "After the talks in Geneva, Russia and
  the US agreed": the subject hung on the fronted phrase as a conjunct after its comma
  (``fronted_subject``, ``after_comma``);
- "its war against Ukraine and China has been ratcheting up": a conjoined name the parser hung on a list
  that is the subject of the clause after it (``stray_subject``, ``stray_subject_of``);
- "Russia and North Korea, which has sent troops": a relative pronoun's antecedent the parser hung
  elsewhere (``relative_antecedent``).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token


class MentionMap(Protocol):
    """What the repairs read of :class:`comity.events.roles.MentionMap`: the mention a token heads (a
    protocol, so this module need not import roles, which imports it)."""

    def get(self, tok: Token) -> object | None: ...


def stray_subject(tok: Token) -> bool:
    """ "its war against Ukraine and China has been ratcheting up": a conjoined name the parser hung on a
    list is the subject of the clause that follows it, which has none of its own."""
    after = tok.right_edge.i + 1
    if after >= len(tok.doc) or tok.dep_ != "conj":
        return False
    verb = tok.doc[after]
    if verb.tag_ == "TO":
        return False  # "urged Russia and China to stop": an infinitive takes its subject from the verb above
    verb = verb.head if verb.dep_ in ("aux", "auxpass") else verb
    if after_comma(tok.head) and verb.dep_ == "ROOT":
        return False  # "According to X, Macron and Biden met": one of a subject's names (fronted_subject)
    return verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def after_comma(tok: Token) -> bool:
    """A conjunct right after a comma ("…, Macron and Biden"): where a fronted phrase may end."""
    return tok.dep_ == "conj" and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def interrupting_subject(verb: Token, mm: MentionMap) -> Token | None:
    """In "Putin, since invading Ukraine, ...", the mention just before the comma."""
    start = verb.head if verb.dep_ == "pcomp" else verb
    i = min(start.i, verb.left_edge.i)
    doc = verb.doc
    end = max(start.right_edge.i, verb.right_edge.i) + 1
    enclosed = end < len(doc) and doc[end].text == ","  # set off by commas on both sides
    if enclosed and i >= 2 and doc[i - 1].text == "," and mm.get(doc[i - 2]) is not None:
        return doc[i - 2]
    return None


def fronted_subject(verb: Token, mm: MentionMap, phrases: tuple[Token, ...] = ()) -> Token | None:
    """ "According to a statement from the Elysee Palace, Macron and Biden met": the parser joins the
    subject to the fronted phrase's last noun as a conjunct after its comma, leaving the main verb with no
    subject (or, after a subordinator, "After the talks in Geneva, Russia and the US agreed", with the
    fronted phrase as its subject). The first named conjunct right after a comma inside a phrase the
    verb opens with (``phrases``, by default its prepositional and adverbial ones) that begins a list
    running to the verb is it: a list has one 'and' at most, so in "According to officials in Egypt,
    Jordan and Qatar, Israel and Hamas agreed" the subject is Israel, not Jordan."""
    if verb.dep_ != "ROOT":
        return None
    for phrase in phrases or (c for c in verb.lefts if c.dep_ in ("prep", "advcl", "npadvmod")):
        for tok in phrase.subtree:
            if after_comma(tok) and tok.head.i < tok.i < verb.i and mm.get(tok) is not None and sum(
                    t.dep_ == "cc" for t in tok.doc[tok.i:verb.i]) <= 1:
                return tok
    return None


def stray_subject_of(verb: Token, mm: MentionMap) -> Token | None:
    """ "As the US moves forces to support its NATO allies and Russia deploys troops": the verb's subject is
    the conjoined name the parser hung on the list just before it (``stray_subject``)."""
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i)])
    if first == 0:
        return None
    prev = verb.doc[first - 1]
    for _ in range(4):  # "Russia's army": up to the head of the name's phrase
        if prev.dep_ in ("compound", "poss", "case") and prev.head.i < first:
            prev = prev.head
        else:
            break
    if prev.dep_ == "conj" and mm.get(prev) is not None and stray_subject(prev):
        return prev
    return None


# prepositions of a place that locates a noun: "the attack in Israel that killed", "troops near Kharkiv who"
LOCATING_PREPS = frozenset({"in", "at", "near", "inside"})


def relative_antecedent(pronoun: Token, verb: Token, mm: MentionMap) -> Token | None:
    """The antecedent of the relative pronoun ``pronoun`` subject of ``verb``, when it is not the noun the
    parser hung the clause on (None: that noun). "Russia and North Korea, which has sent ...": the mention
    right before the pronoun; "the attack in Israel that killed 1,200": not the place right before it
    but the noun it locates; a mention in another phrase of the noun the clause is hung on: None."""
    i = pronoun.i - 1
    while i >= 0 and pronoun.doc[i].is_punct:
        i -= 1
    if i < 0 or mm.get(pronoun.doc[i]) is None:
        return None
    before = pronoun.doc[i]
    prep = before.head if before.dep_ == "pobj" and before.head.dep_ == "prep" else None
    if prep is None or pronoun.i != before.i + 1:
        return before  # ", which" after a comma is about the name right before it
    if prep.lower_ in LOCATING_PREPS and prep.head.pos_ == "NOUN" and verb.head is not before:
        return prep.head
    return None if prep.head == verb.head else before

"""What the publication date tells of an act whose sentence gives it no time of its own.

The article's date is when the act was reported, not always when it happened:

- an act told as done some time before, with nothing to date it, is undated (``undatable``): "has
  already pledged", "has long backed", "once invaded" (a past adverb); "visited Australia 16 times"
  (acts counted); "for months, Trump threatened" (an act over a span); "his recent trip" (an act named
  as done before); "had tried to call" (the past perfect); "was the second Arab nation to normalize
  relations" (the first, last or Nth to do it); "former President Trump sanctioned ICC officials" (a
  former office holder's past act);
- an act told in the past tense ("Biden congratulated Truss", "the talks were held", "after he
  refused to attend") happened on or before the day it was reported, most often within the week
  before: it is dated by the seven days up to publication, a range whose ``date_source`` is still
  "publication" (``told_past``; issue 12: "the publication date is used only when the tense and the
  text allow it");
- any other act (told in the present, as under way, or as planned) is dated by the publication day.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc, Token

from comity.records import Mention
from comity.text.syntax import auxiliaries, doc_text

When = tuple[str | None, str | None, str | None]  # date, precision, source
REPORTED_WITHIN = 7  # days before publication an act told in the past is taken to fall in
# adverbs of an act told as done some time before ("has already pledged", "has long backed")
PAST_ADVERBS = frozenset({"already", "previously", "once", "formerly", "repeatedly", "long", "routinely",
                          "often", "frequently", "regularly", "recently"})
SPANS_OF_TIME = frozenset({"days", "weeks", "months", "years", "decades"})  # "for months, Trump threatened"
EARLIER_WORDS = frozenset({"recent", "previous", "earlier", "past", "prior", "last", "former"})
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "only"})


def _over_a_span(tok: Token) -> bool:
    """ "For months ahead of the election, Trump threatened ...": an act repeated over weeks, months or years
    has no one day, the publication's least of all."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return any(
        c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
            o.dep_ == "pobj" and o.lower_ in SPANS_OF_TIME and not any(n.dep_ == "nummod" for n in o.children)
            for o in c.children)
        for c in verb.children
    )


def undatable(tok: Token, actors: list[Mention]) -> bool:
    """An act told as done some time before, with no time of its own: the publication date would be a
    guess. "has already pledged", "has long backed", "once invaded" (a past adverb); "visited Australia 16
    times" (acts counted); "his recent trip" (an act named as done before); "had tried to call"
    (the past perfect); "was the second Arab nation to normalize relations" (the first, last or Nth to do
    it); "former President Trump sanctioned ICC officials" (a former office holder's past act)."""
    adverbs = (a for t in (tok, *tok.ancestors) for a in t.children if a.dep_ == "advmod")
    if any(a.lower_ in PAST_ADVERBS for a in adverbs):
        return True
    if _over_a_span(tok) or _counted_times(tok) or _earlier_noun(tok):
        return True
    verbs = [tok, *tok.ancestors][:3]
    if any(c.dep_ == "aux" and c.lower_ == "had" for v in verbs for c in v.children) and tok.tag_ == "VBN":
        return True
    if _ranked_past(tok):
        return True
    past = tok.tag_ == "VBD" or (tok.pos_ in ("NOUN", "PROPN") and tok.head.tag_ == "VBD")
    return past and any(_former(tok.doc, m) for m in actors)


def _counted_times(tok: Token) -> bool:
    """ "The Queen visited Australia 16 times", "Trump hosted Abe twice": acts counted have no one day."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for c in verb.children:
        if c.lower_ in ("twice", "thrice"):
            return True
        if c.dep_ in ("npadvmod", "dobj", "advmod") and c.lemma_ == "time" and c.tag_ == "NNS" and any(
                n.dep_ in ("nummod", "amod") for n in c.children):
            return True  # "16 times", "several times", "many times"
    return False


def _earlier_noun(tok: Token) -> bool:
    """ "During his recent trip to London", "his previous visit": an act named by a noun as done before."""
    return tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lower_ in EARLIER_WORDS for c in tok.children)


def _ranked_past(tok: Token) -> bool:
    """ "Jordan was the second Arab nation to normalize relations": the act of the first, last or Nth."""
    if tok.dep_ not in ("acl", "relcl", "advcl", "xcomp"):
        return False
    head = tok.head
    copula, noun = (head.head, head) if head.pos_ in ("NOUN", "PROPN") else (head, None)
    noun = noun or next((c for c in copula.children if c.dep_ == "attr"), None)
    if noun is None or copula.lemma_ != "be" or copula.tag_ != "VBD":
        return False
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ORDINALS) for c in noun.children)


def _former(doc: Doc, mention: Mention) -> bool:
    """The mention names a past office holder: "former President Trump", "ex-minister X"."""
    before = doc_text(doc)[max(0, mention.span[0] - 12):mention.span[0]].lower()
    return "former" in before.split()[-2:] or before.rstrip().endswith("ex-") or \
        mention.text.lower().startswith(("former ", "ex-"))


def by_publication(tok: Token, actors: list[Mention], published: date | None) -> When:
    """(date, precision, source) of an act with no time of its own in its sentence."""
    if published is None or undatable(tok, actors):
        return None, None, None
    if told_past(tok):
        first = published - timedelta(days=REPORTED_WITHIN)
        return f"{first.isoformat()}/{published.isoformat()}", "range", "publication"
    return published.isoformat(), "day", "publication"


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NONFINITE_LINKS = frozenset({"xcomp", "advcl", "acl", "relcl", "conj", "ccomp", "pcomp", "prep", "pobj",
                             "dobj", "nsubj", "nsubjpass", "attr", "appos", "npadvmod", "compound"})


def told_past(tok: Token) -> bool:
    """The clause that tells the act is in the past tense: "met", "was killed", "did not attend"; a noun
    act or a verb without tense of its own ("agreed to lower tariffs", "struck a boat, killing four")
    takes the tense of the verb that carries it."""
    return _tense_tag(tok) == "VBD"


def _tense_tag(tok: Token) -> str | None:
    """The tag that gives the tense of the clause carrying the act: its first auxiliary's ("was", "did",
    "has", "will") or its finite verb's own ("met"), at the nearest verb at or above the trigger that has
    one, climbing at most four steps."""
    cur = tok
    for _ in range(5):
        if cur.pos_ in ("VERB", "AUX"):
            tensed = [a for a in auxiliaries(cur) if a.lower_ != "to"]
            if tensed:
                return tensed[0].tag_
            if cur.tag_ in FINITE_TAGS:
                return cur.tag_
        if cur.head == cur or cur.dep_ not in NONFINITE_LINKS:
            return None
        cur = cur.head
    return None

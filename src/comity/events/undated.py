"""What the publication date tells of an act whose sentence gives it no time of its own.

The article's date is when the act was reported, not always when it happened:

- an act told as done some time before, with nothing to date it, is undated (``undatable``): "has
  already pledged", "has long backed", "once invaded" (a past adverb); "visited Australia 16 times"
  (acts counted); "for months, Trump threatened" (an act over a span); "his recent trip" (an act named
  as done before); "remembered traveling to Hiroshima" (an act recalled); "had tried to call" (the
  past perfect); "was the second Arab nation to normalize relations" (the first, last or Nth to do
  it); "former President Trump sanctioned ICC officials" (a former office holder's past act);
- an act told in the past tense ("Biden congratulated Truss", "the talks were held", "after he
  refused to attend") happened on or before the day it was reported, most often within the week
  before: it is dated by the seven days up to publication, a range whose ``date_source`` is still
  "publication" (``_telling``; a noun act or a verb without tense of its own, "agreed to lower
  tariffs", takes the tense of the verb that carries it; issue 12: "the publication date is used
  only when the tense and the text allow it");
- an act told in the present perfect ("has sanctioned", "have been killed") is news of the days before
  too, dated by the same week; one the present perfect denies ("hasn't annexed") never happened, so it
  has no date;
- a noun act carried by a present-tense clause ("as Russia's invasion of Ukraine draws condemnation",
  "Turkey's support for Palestinian rights") and a material act told in the simple present outside a
  quotation ("Israel coordinates with the Russians ahead of strikes") name a standing or habitual act,
  not the publication day's: undated (a statement so told, "China warns the US", is the day's news);
- any other act (told as under way, "is urging", or as planned) is dated by the publication day.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from spacy.tokens import Doc, Token

from comity.events.lexicon import EventLexicon
from comity.records import Mention
from comity.text.syntax import auxiliaries, doc_text

When = tuple[str | None, str | None, str | None]  # date, precision, source
Clause = tuple[Token, Token | None]  # the verb that tells an act, and its first tensed auxiliary
REPORTED_WITHIN = 7  # days before publication an act told in the past is taken to fall in
# adverbs of an act told as done some time before ("has already pledged", "has long backed")
PAST_ADVERBS = frozenset({"already", "previously", "once", "formerly", "repeatedly", "long", "routinely",
                          "often", "frequently", "regularly", "recently"})
SAME_TIME_MARKS = frozenset({"as", "while"})  # "as Blinken visits Beijing, China warns ..."
LASTING_VERBS = frozenset({"continue", "last", "go"})  # "as the invasion continues": under way since before
MEMORY_VERBS = frozenset({"remember", "recall", "recollect", "reminisce", "commemorate"})
SPANS_OF_TIME = frozenset({"days", "weeks", "months", "years", "decades", "centuries"})  # "for months, ..."
SPAN_PAST_WORDS = frozenset({"recent", "past", "last"})  # "in recent years", "in the past few months"
EARLIER_WORDS = frozenset({"recent", "previous", "earlier", "past", "prior", "last", "former"})
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "only"})
CURRENT_WORDS = frozenset({"ongoing", "current", "continuing", "latest", "new", "upcoming", "planned",
                           "proposed", "expected", "imminent"})  # a noun act named as under way or to come


def _over_a_span(tok: Token) -> bool:
    """ "For months ahead of the election, Trump threatened ...", "have held talks in the past few years",
    "has expelled thousands since the end of Title 42": an act repeated over weeks, months or years, or
    running since some time, has no one day, the publication's least of all; so has an act a verb so told
    carries ("For decades, the US sent arms into Afghanistan, first to arm the mujahideen")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for _ in range(3):
        if _spans(verb):
            return True
        if verb.dep_ not in ("xcomp", "advcl") or verb.head == verb:
            return False
        verb = verb.head
    return False


def _spans(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "since" and any(o.dep_ == "pobj" for o in c.children):
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children) and any(
                a.lemma_ == "have" for a in auxiliaries(verb)):
            return True  # "since Moscow attacked Kyiv, China has bought oil" (not "since he refused, ...")
        if c.dep_ == "prep" and c.lower_ in ("for", "over", "in", "during", "throughout") and any(
                _span_of_time(o, c.lower_ == "in", c.lower_ in ("for", "throughout")) for o in c.children):
            return True
    return False


def _span_of_time(obj: Token, earlier: bool, counted: bool = False) -> bool:
    """ "months", "years", "the past few years", "recent weeks" (after "in" the span must be named as
    past, and a number makes it a length, "in two weeks"; after "for" a number still tells a span: "has
    had tariffs on China for more than two centuries")."""
    if obj.dep_ != "pobj" or obj.lower_ not in SPANS_OF_TIME:
        return False
    if any(n.dep_ == "nummod" for n in obj.children) and not counted:
        return False
    return not earlier or any(n.lower_ in SPAN_PAST_WORDS for n in obj.children)


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
    if _ranked_past(tok) or _remembered(tok):
        return True
    past = tok.tag_ == "VBD" or (tok.pos_ in ("NOUN", "PROPN") and tok.head.tag_ == "VBD")
    return past and any(_former(tok.doc, m) for m in actors)


def _remembered(tok: Token) -> bool:
    """ "I will always remember ... the experience of traveling to Hiroshima together": an act told as
    remembered or recalled was done some time before."""
    path = [tok, *list(tok.ancestors)[:5]]
    return any(
        above.lemma_ in MEMORY_VERBS and above.pos_ == "VERB" and below.dep_ in ("dobj", "ccomp", "xcomp")
        for below, above in pairwise(path)
    )  # what is remembered, not a phrase beside it ("amid the blockade, Turkey recalled its envoy")


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


def by_publication(tok: Token, actors: list[Mention], published: date | None,
                   lex: EventLexicon | None = None, verbal: bool = False) -> When:
    """(date, precision, source) of an act with no time of its own in its sentence; ``verbal``: the act
    is of a verbal quad class (a statement, an appeal, a warning)."""
    if published is None or undatable(tok, actors):
        return None, None, None
    clause = _tensed_clause(tok)
    telling = _telling(clause)
    if telling == "perfect-denied" or _standing(tok, clause, telling, lex, verbal):
        return None, None, None
    if telling in ("past", "perfect"):
        first = published - timedelta(days=REPORTED_WITHIN)
        return f"{first.isoformat()}/{published.isoformat()}", "range", "publication"
    return published.isoformat(), "day", "publication"


def _standing(tok: Token, clause: Clause | None, telling: str | None, lex: EventLexicon | None,
              verbal: bool) -> bool:
    """A standing or habitual act the present tense tells: a noun act in a present-tense clause not named
    as under way ("Russia's invasion of Ukraine draws condemnation", "as the invasion continues"; not "the
    ongoing talks", nor "the talks enter a second day": an 'occurrence_verbs' verb other than one of
    lasting tells it happening now), or a material act in the simple present outside a quotation and
    outside a clause of the same time ("Israel coordinates with the Russians"; not "China warns the US",
    news of the day, nor "as Blinken visits Beijing")."""
    verb = clause[0] if clause is not None else None
    if tok.pos_ in ("NOUN", "PROPN"):
        happening = verb is not None and lex is not None and lex.has_word("occurrence_verbs", verb) \
            and verb.lemma_ not in LASTING_VERBS
        return telling in ("present", None) and not happening and not any(
            c.dep_ == "amod" and c.lower_ in CURRENT_WORDS for c in tok.children)
    same_time = verb is not None and any(
        c.dep_ == "mark" and c.lower_ in SAME_TIME_MARKS for c in verb.children)
    return (telling == "present" and tok.tag_ in ("VBZ", "VBP") and not _quoted(tok) and not verbal
            and not same_time)


def _quoted(tok: Token) -> bool:
    """The token stands inside a quotation its sentence opened before it."""
    before = tok.doc.text[tok.sent.start_char:tok.idx]
    straight = before.count('"') % 2 == 1
    return straight or before.count("\u201c") > before.count("\u201d")


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NONFINITE_LINKS = frozenset({"xcomp", "advcl", "acl", "relcl", "conj", "ccomp", "pcomp", "prep", "pobj",
                             "dobj", "nsubj", "nsubjpass", "attr", "appos", "npadvmod", "compound"})


def told_done(tok: Token) -> bool:
    """The clause carrying the act tells it as done: the past or the present perfect."""
    return _telling(_tensed_clause(tok)) in ("past", "perfect")


def _telling(clause: Clause | None) -> str | None:
    """How the clause carrying the act (``_tensed_clause``) tells it: "past" ("met", "was killed"),
    "perfect" ("has met", "have been killed"; "perfect-denied": "hasn't met"), "future" ("will meet", a
    modal, a headline's "Xi to meet"), "under way" ("is meeting"), "present" ("meets", "is committed"), or
    None (no tensed verb above the trigger); the clause's first auxiliary gives the tense."""
    if clause is None:
        return None
    verb, first = clause
    if first is None:
        return {"VBD": "past", "MD": "future"}.get(verb.tag_, "present")
    if first.tag_ == "VBD":
        return "past"
    if first.tag_ in ("MD", "TO"):
        return "future"
    if first.lemma_ == "have" and verb.tag_ == "VBN":
        return "perfect-denied" if any(c.dep_ == "neg" for c in verb.children) else "perfect"
    return "under way" if verb.tag_ == "VBG" else "present"


def _tensed_clause(tok: Token) -> Clause | None:
    """The nearest verb at or above ``tok`` with a tensed auxiliary (and that auxiliary) or with a finite
    form of its own (and None), climbing at most four steps through non-finite links."""
    cur = tok
    for _ in range(5):
        if cur.pos_ in ("VERB", "AUX"):
            tensed = [a for a in auxiliaries(cur) if a.lower_ != "to" or cur.dep_ == "ROOT"]
            if tensed:  # a headline's "to" ("China to impose sanctions") announces the act
                return cur, tensed[0]
            if cur.tag_ in FINITE_TAGS:
                return cur, None
        if cur.head == cur or cur.dep_ not in NONFINITE_LINKS:
            return None
        cur = cur.head
    return None

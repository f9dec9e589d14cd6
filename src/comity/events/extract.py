"""PLOVER 2.0 events: who did what to whom, when, with evidence.

``find_events(parsed, mentions, times, lexicon, figures)`` reads every running-text
sentence, finds trigger verbs and nouns from the event lexicon
(``data/events.json``), fills actor and recipient from the dependency parse
with the actor stage's mentions, reads negation and modality (future,
hypothetical, historical), dates each occurrence with the time stage's
expressions, reads the size of ASSAULT, COERCE and PROTEST events (dead,
injured, arrested, participants) from the figures stage's counts in the
trigger's clause (:mod:`comity.events.size`), and merges repeated mentions of
one occasion into one :class:`~comity.records.Event`.

The policies that decide whether a trigger is an event, and which (who acts,
domestic acts, recipients, modality, sizes, merging) are set out in
``docs/architecture.md`` ("Event policies") and in ``data/events.json``'s
``about``; each names the module that applies it.
"""

from __future__ import annotations

from comity.events.candidates import Candidate, sentence_candidates
from comity.events.context import context_recipients
from comity.events.homonyms import state_homonyms
from comity.events.infer import infer_countries
from comity.events.lexicon import PLOVER_TYPES, EventLexicon, PloverType, Trigger
from comity.events.merge import dated, merge, to_event
from comity.events.pair import PairMap, principal_pair
from comity.events.roles import MentionMap, is_actor, light_verb
from comity.events.sides import side
from comity.events.size import event_size
from comity.records import Event, Figure, Mention, TimeRef
from comity.text.document import Parsed

__all__ = ["PLOVER_TYPES", "EventLexicon", "PloverType", "Trigger", "find_events", "is_actor"]


def candidates(parsed: Parsed, body: list[Mention], lexicon: EventLexicon) -> list[Candidate]:
    """Every trigger occurrence with its roles, sentence by sentence, from the running text's mentions."""
    states = state_homonyms(parsed.text, body, lexicon)  # "trips to Georgia, Wisconsin and Arizona"
    body = [m for i, m in enumerate(body) if i not in states]
    inferred = infer_countries(parsed.doc, body, lexicon)
    mm = MentionMap(parsed.doc, inferred)
    found = [(sent, sentence_candidates(sent, mm, lexicon)) for sent in parsed.body_sents()]
    pair = principal_pair(((c.actor, c.recipient) for _, cs in found for c in cs if not c.negated), inferred)
    if pair and mm.paired:  # "the two sides", "both capitals": the principal pair (comity.events.pair)
        pm = PairMap(parsed.doc, inferred, pair)  # read again only the sentences that hold a pair phrase
        found = [(s, sentence_candidates(s, pm, lexicon) if s.start in mm.paired else cs) for s, cs in found]
    return _replies(_drop_partial(parsed, [c for _, cs in found for c in cs]), lexicon)


def _replies(cands: list[Candidate], lexicon: EventLexicon) -> list[Candidate]:
    """ "Turkey accused Greece ... Greece rejected the accusation": a reply answers who acted on its actor.

    A recipient-less candidate whose object is an act named by a noun ('reply_nouns') takes as recipient
    the actor of the latest earlier candidate, at most 120 words back, whose recipient was this actor.
    """
    for i, cand in enumerate(cands):
        if cand.recipient or not _answers(cand, lexicon):
            continue
        mine = {m.entity.code for m in cand.actor}
        for prior in reversed(cands[:i]):
            if cand.tok.i - prior.tok.i > 120:
                break
            if mine & {m.entity.code for m in prior.recipient}:
                cand.recipient = [m for m in prior.actor if m.entity.code not in mine] or [
                    m for m in prior.actor if side(m) != side(cand.actor[0])
                ]
                break
    return cands


def _answers(cand: Candidate, lexicon: EventLexicon) -> bool:
    return cand.tok.pos_ in ("VERB", "AUX") and any(
        o.dep_ == "dobj" and lexicon.has("reply_nouns", o.lemma_) for o in cand.tok.children
    )


def _drop_partial(parsed: Parsed, cands: list[Candidate]) -> list[Candidate]:
    """A recipient-less mention of an act the same paragraph records in full is that act, told again."""
    full = {
        (parsed.paragraph_of(c.tok.idx), c.event, c.negated, frozenset(m.entity.code for m in c.actor))
        for c in cands
        if c.recipient
    }

    def partial(c: Candidate) -> bool:
        key = (parsed.paragraph_of(c.tok.idx), c.event, c.negated, frozenset(m.entity.code for m in c.actor))
        return not c.recipient and key in full

    return [c for c in cands if not partial(c)]


def find_events(
    parsed: Parsed,
    mentions: list[Mention],
    times: list[TimeRef],
    lexicon: EventLexicon | None = None,
    figures: list[Figure] | None = None,
) -> list[Event]:
    """The article's PLOVER events, one per occasion, in text order.

    ``figures`` (from :func:`comity.figures.find_figures`) give the sizes; without them none is read.
    """
    lexicon = lexicon or EventLexicon.from_config()
    body = [m for m in mentions if parsed.in_body(m.span)]
    times = list(times)
    items = [d for c in candidates(parsed, body, lexicon) for d in dated(parsed, c, times)]
    if figures is not None:
        counts = list(figures)
        for d in items:
            d.size = event_size(d.cand.tok, d.cand.event, d.cand.negated, counts)
    events = [to_event(parsed, d, lexicon) for d in merge(items, parsed.article.published)]
    filled = context_recipients(events, body, lambda event: _nominal(parsed, event, lexicon))
    return [e for e in filled if not _unnamed_alone(parsed, e, body)]


def _nominal(parsed: Parsed, event: Event, lexicon: EventLexicon) -> bool:
    """Whether a noun names the event with no verb to carry it, or with a possessor for its doer: "Iran's
    attack", "his resignation"; not "started new airstrikes", whose light verb makes it a clause."""
    if not event.spans or not event.trigger:
        return False
    span = parsed.doc.char_span(*event.spans[0], alignment_mode="expand")
    words = [t for t in span or () if t.text == event.trigger]
    if not words or words[0].pos_ not in ("NOUN", "PROPN"):
        return False
    owned = any(c.dep_ == "poss" for c in words[0].children)  # "called Iran's attack reckless": Iran's act
    return owned or light_verb(words[0], lexicon) is None


REFERRING = frozenset({"pronoun", "description"})


def _unnamed_alone(parsed: Parsed, event: Event, body: list[Mention]) -> bool:
    """An event with no recipient whose actors the text gives only as pronouns or descriptions, named in
    no earlier part of the sentence ("it was going to make a deal", "the government could deny permits";
    not "Syria says it will not accept refugees"): in domestic news such acts are what the lone-actor
    policies let through most often wrongly, so they need their side named in the sentence."""
    if event.recipient or not event.actor or not all(m.how in REFERRING for m in event.actor):
        return False
    start = min(m.span[0] for m in event.actor)
    sentence = parsed.doc.char_span(start, start + 1, alignment_mode="expand")
    if sentence is None:
        return True
    begin = sentence.sent.start_char
    codes = {m.entity.code for m in event.actor}
    named = (m for m in body if m.how not in REFERRING and begin <= m.span[0] < start)
    return not any(m.entity.code in codes for m in named)

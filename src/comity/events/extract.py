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

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from comity.events.candidates import Candidate, sentence_candidates, unreal
from comity.events.context import context_recipients
from comity.events.detector import load_detector
from comity.events.detector_combine import combine
from comity.events.homonyms import state_homonyms
from comity.events.infer import infer_countries
from comity.events.lexicon import PLOVER_TYPES, EventLexicon, PloverType, Trigger
from comity.events.merge import dated, merge, to_event
from comity.events.pair import PairMap, principal_pair
from comity.events.roles import MentionMap, collect, is_actor, light_verb
from comity.events.sides import side
from comity.events.size import event_size
from comity.events.speech import speech_candidates
from comity.events.triggers import SYMMETRIC, dedupe, judged_acts, match_trigger, read_by_lexicon
from comity.records import Event, Figure, Mention, Quote, Speaker, TimeRef
from comity.text.document import Parsed
from comity.text.syntax import objects, pobjs, preps_of

__all__ = ["PLOVER_TYPES", "EventLexicon", "PloverType", "Trigger", "find_events", "is_actor"]


def candidates(parsed: Parsed, body: list[Mention], lexicon: EventLexicon) -> list[Candidate]:
    """Every trigger occurrence with its roles, sentence by sentence, from the running text's mentions."""
    states = state_homonyms(parsed.text, body, lexicon)  # "trips to Georgia, Wisconsin and Arizona"
    body = [m for i, m in enumerate(body) if i not in states]
    inferred = infer_countries(parsed.doc, body, lexicon)
    mm = MentionMap(parsed.doc, inferred)
    found = [(sent, _sentence(sent, mm, lexicon)) for sent in parsed.body_sents()]
    pair = principal_pair(((c.actor, c.recipient) for _, cs in found for c in cs if not c.negated), inferred)
    if pair and mm.paired:  # "the two sides", "both capitals": the principal pair (comity.events.pair)
        pm = PairMap(parsed.doc, inferred, pair, lexicon)  # re-read only the sentences holding a pair phrase
        found = [(s, _sentence(s, pm, lexicon) if s.start in mm.paired else cs) for s, cs in found]
    cands = _replies(_drop_partial(parsed, [c for _, cs in found for c in cs]), lexicon)
    return _refused_requests(_judged_acts(cands, lexicon, mm), mm, lexicon)


def _side_by_side(cand: Candidate) -> bool:
    """ "Russia and China demanded de-escalation": a verb's several actors with no recipient act side by
    side; meetings, agreements and joint acts (symmetric types), clashes ('reciprocal' triggers) and a
    noun's pair ("the Israel-Iran ceasefire") are acts on each other."""
    return (not cand.recipient and cand.tok.pos_ in ("VERB", "AUX") and cand.event not in SYMMETRIC
            and not cand.trigger.reciprocal and cand.mode not in MUTUAL_MODES
            and len({m.entity.code for m in cand.actor}) >= 2)


def _rivals(events: list[Event]) -> set[frozenset[str]]:
    """Pairs of sides one of which acts against the other (a conflictual event, quad class 3 or 4; not a
    request or refusal, whose recipient is often a partner asked or the side a rejected measure concerns:
    "Russia asked China for support", "China has rejected sanctions against Russia")."""
    return {frozenset((a.entity.code, r.entity.code)) for e in events
            if e.quad_code in (3, 4) and e.event not in NOT_RIVALRY
            for a in e.actor for r in e.recipient if a.entity.code != r.entity.code}


NOT_RIVALRY = frozenset({"REQUEST", "REJECT"})


def _at_odds(event: Event, rivals: set[frozenset[str]]) -> bool:
    """ "Both Trump and Iranian officials threatened reprisals": rivals doing a conflictual act with no
    recipient do it to each other."""
    codes = {m.entity.code for m in event.actor}
    return event.quad_code in (3, 4) and any(pair <= codes for pair in rivals)


def _one_per_actor(event: Event) -> list[Event]:
    """One record per actor, each with its own id (the shared scorer, like PLOVER, reads several actors
    with no recipient as acting on each other)."""
    codes = list(dict.fromkeys(m.entity.code for m in event.actor))
    return [replace(event, id=hashlib.sha1(f"{event.id}|{code}".encode()).hexdigest()[:16],
                    actor=tuple(m for m in event.actor if m.entity.code == code)) for code in codes]


def _sentence(sent: Span, mm: MentionMap, lexicon: EventLexicon) -> list[Candidate]:
    """The rules' candidates; in a sentence where no lexicon entry matched, one from a confident proposal
    of the trained detector (:mod:`comity.events.detector_combine`) that the sentence reports as happening."""
    rules = sentence_candidates(sent, mm, lexicon)
    if rules or any(read_by_lexicon(t, mm, lexicon) for t in sent):
        return rules  # the lexicon has read this sentence's acts, and ruled: the detector adds nothing
    fresh = combine(sent, rules, mm, lexicon, load_detector())
    return [c for c in fresh if not unreal(c.tok, c.event, lexicon) and not _told(c, lexicon)]


def _told(cand: Candidate, lexicon: EventLexicon) -> bool:
    """A material act (quad class 2 or 4) the detector reads into a verb of saying, naming or thinking
    ("called the attack on Israel a terrorist act"; carried by another verb, "continues to see Russian
    forces facing resistance"; or whose object is a thing said, "delivered a speech in Warsaw", "issued a
    report that said ISIS could resurge") is what was spoken of, not done by the speaker; and no act at all
    is read into a state ("Iran remains opposed to any U.S. presence", "officials are concerned that",
    "Chile has no diplomatic relations with Taiwan")."""
    verb = cand.tok
    if verb.lemma_ == "have" or (verb.lemma_ in STATE_VERBS and any(c.dep_ in ("acomp", "attr")
                                                                     for c in verb.children)):
        return True
    if lexicon.types[cand.event].quad not in (2, 4):
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    if any(lexicon.has("speech_verbs", v.lemma_) or v.lemma_ in TELLING_VERBS for v in verbs):
        return True
    return any(lexicon.has("speech_nouns", o.lemma_) for o in objects(verb))


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


def _judged_acts(cands: list[Candidate], lexicon: EventLexicon, mm: MentionMap) -> list[Candidate]:
    """ "Russia struck a hospital ... Japan condemned the attack": a verb whose object is an act named by a
    noun that names no side ("the attack", "the arrest", "the agreement") is aimed at the doers of the
    latest earlier act of that noun's type, at most ``JUDGED_REACH`` tokens back, when that act was
    reported as done (not negated, future or hypothetical) by another side than the verb's actor ("The
    Kremlin defended the attack" after Russia's own strike aims at no one); a candidate kept only for this
    (``pending``) that finds none is dropped."""
    for i, cand in enumerate(cands):
        kinds = set() if cand.recipient else judged_acts(cand.tok, cand.event, lexicon, mm)
        prior = _latest(cands[:i], cand, kinds) if kinds else None
        mine = {m.entity.code for m in cand.actor}
        doers = [] if prior is None else prior.actor + (prior.recipient if prior.event in SYMMETRIC else [])
        own = mine & {m.entity.code for m in doers}  # its own act, done with another, is not judged
        if doers and not own and not prior.negated and not prior.aux:  # doers: there is a prior
            cand.recipient, cand.pending = doers, False
    return [c for c in cands if not (c.pending and not c.recipient)]


def _latest(earlier: list[Candidate], cand: Candidate, kinds: set[str]) -> Candidate | None:
    """The latest earlier candidate of one of ``kinds`` with an actor, within ``JUDGED_REACH`` tokens."""
    for prior in reversed(earlier):
        if cand.tok.i - prior.tok.i > JUDGED_REACH:
            return None
        if prior.event in kinds and prior.actor and not prior.pending:
            return prior
    return None


def _refused_requests(cands: list[Candidate], mm: MentionMap, lexicon: EventLexicon) -> list[Candidate]:
    """ "Afghan negotiators turned down a Pakistani demand", "Macron declined the Kremlin's request": a
    refused request is also the request, made by the side that owns it to the side that refuses it."""
    out: list[Candidate] = []
    for cand in cands:
        out.append(cand)
        if cand.event != "REJECT" or cand.negated or cand.aux or cand.tok.pos_ not in ("VERB", "AUX"):
            continue
        mine = {m.entity.code for m in cand.actor}
        for obj in objects(cand.tok):
            trig = match_trigger(obj, mm, lexicon)  # the noun's sense here: not "a phone call", "a statement"
            if trig is None or trig.event != "REQUEST" or any(c.tok == obj for c in cands):
                continue
            owners = [m for c in obj.children if c.dep_ in OWNER_DEPS for m in collect(c, mm, lexicon)]
            owners += [m for p in preps_of(obj, "of") for o in pobjs(p) for m in collect(o, mm, lexicon)]
            owners = dedupe(owners, mine)
            if owners and cand.actor:
                out.append(Candidate(obj, trig, "REQUEST", trig.mode, owners, list(cand.actor),
                                     context=cand.context))
    return out


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
    quotes: Sequence[Quote] = (),
    speakers: Sequence[Speaker] = (),
) -> list[Event]:
    """The article's PLOVER events, one per occasion, in text order.

    ``figures`` (from :func:`comity.figures.find_figures`) give the sizes; without them none is read.
    ``quotes`` and ``speakers`` (the quote stage's) add the acts done by speaking
    (:mod:`comity.events.speech`).
    """
    lexicon = lexicon or EventLexicon.from_config()
    body = [m for m in mentions if parsed.in_body(m.span)]
    times = list(times)
    ruled = candidates(parsed, body, lexicon)
    quoted = [q for q in quotes if parsed.in_body(q.content_span)]
    ruled += speech_candidates(parsed.doc, quoted, list(speakers), body, ruled, lexicon)
    items = [d for c in ruled for d in dated(parsed, c, times, lexicon)]
    if figures is not None:
        counts = list(figures)
        for d in items:
            d.size = event_size(d.cand.tok, d.cand.event, d.cand.negated, counts)
    merged = merge(items, parsed.article.published)
    events = [to_event(parsed, d, lexicon) for d in merged]
    apart = {e.id for d, e in zip(merged, events, strict=True) if _side_by_side(d.cand)}
    nominal = lambda event: _nominal(parsed, event, lexicon)  # noqa: E731
    filled = context_recipients(events, body, nominal, parsed.paragraph_of)
    rivals = _rivals(filled)
    split = [one for e in filled
             for one in (_one_per_actor(e) if e.id in apart and not _at_odds(e, rivals) else [e])]
    return [e for e in split if not _unnamed_alone(parsed, e, body)]


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
JUDGED_REACH = 250  # tokens: a few paragraphs
OWNER_DEPS = frozenset({"poss", "amod", "compound"})  # "the Kremlin's request", "a Pakistani demand"
MUTUAL_MODES = frozenset({"ceasefire"})  # "Israel and Hamas observed a ceasefire": with each other
# verbs of naming, judging and thinking: their object or clause is what is spoken or thought of
STATE_VERBS = frozenset({"be", "remain", "stay", "seem", "appear", "become"})
TELLING_VERBS = frozenset({
    "call", "describe", "label", "brand", "term", "dub", "condemn", "denounce", "criticize", "criticise",
    "praise", "welcome", "blame", "accuse", "deny", "warn", "urge", "consider", "see", "view", "regard",
    "fear", "worry", "believe", "think", "know", "expect", "note", "cite", "recall", "mention", "discuss",
    "report", "confirm", "claim", "allege"})


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

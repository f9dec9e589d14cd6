"""PLOVER 2.0 events: who did what to whom, when, with evidence.

``find_events(parsed, mentions, times, lexicon)`` reads every running-text
sentence, finds trigger verbs and nouns from the event lexicon
(``data/events.json``), fills actor and recipient from the dependency parse
with the actor stage's mentions, reads negation and modality (future,
hypothetical, historical), dates each occurrence with the time stage's
expressions, and merges repeated mentions of one occasion into one
:class:`~comity.records.Event`.

Policies (documented in ``data/events.json``): only coded states and
international bodies act (a leader, ministry, army or capital stands for its
country); cooperative acts reported as future are coded AGREE with aux
``future``; an event needs a recipient unless its type may stand alone or its
actors act on each other. Sizes of protests and assaults are not read.
"""

from __future__ import annotations

from spacy.tokens import Span

from comity.document import Parsed
from comity.events_find import Candidate, sentence_candidates
from comity.events_lexicon import PLOVER_TYPES, EventLexicon, PloverType, Trigger
from comity.events_merge import dated, merge, to_event
from comity.events_roles import MentionMap, is_actor
from comity.records import Event, Mention, TimeRef

__all__ = ["PLOVER_TYPES", "EventLexicon", "PloverType", "Trigger", "find_events", "is_actor"]


def candidates(parsed: Parsed, mentions: list[Mention], lexicon: EventLexicon) -> list[Candidate]:
    """Every trigger occurrence with its roles, sentence by sentence."""
    parts = [p.span for p in parsed.parts]
    mm = MentionMap(parsed.doc, [m for m in mentions if _in_body(m.span, parts)])
    out: list[Candidate] = []
    for sent in parsed.doc.sents:  # Parsed.body_sents, without rebuilding the doc's text per sentence
        if sent.text.strip() and _in_body((sent.start_char, sent.end_char), parts, sent):
            out.extend(sentence_candidates(sent, mm, lexicon))
    return _drop_partial(parsed, out)


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


def _in_body(span: tuple[int, int], parts: list[tuple[int, int]], sent: Span | None = None) -> bool:
    """True when ``span`` (white space trimmed, for a sentence) overlaps no headline, dateline or credit."""
    start, end = span
    if sent is not None:
        words = [t for t in sent if not t.is_space]
        if not words:
            return False
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return not any(a < end and start < b for a, b in parts)


def find_events(
    parsed: Parsed, mentions: list[Mention], times: list[TimeRef], lexicon: EventLexicon | None = None
) -> list[Event]:
    """The article's PLOVER events, one per occasion, in text order."""
    lexicon = lexicon or EventLexicon.from_config()
    items = [d for c in candidates(parsed, list(mentions), lexicon) for d in dated(parsed, c, list(times))]
    return [to_event(parsed, d, lexicon) for d in merge(items, parsed.article.published)]

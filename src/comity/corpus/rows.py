"""Records to database rows (pure functions): the article's content id, the
sentence behind an event, and one tuple per row of each table for a
:class:`~comity.records.Coded`.

The content id hashes the text after normalising white space, typographic
quotes and dashes, and wire-service boilerplate (datelines such as
"BEIJING (Reuters) -", "Reporting by …; Editing by …", copyright lines,
"Read more" links), so copies of one wire story published by several outlets
are stored once, with all their URLs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from comity.corpus.dates import interval
from comity.io.output import entity_json, size_json
from comity.records import Coded, Event

_SENTENCE_END = re.compile(r"(?P<stop>[.!?][\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n")


_ABBREVIATION = re.compile(r"(?:^|[\s(“\"])(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])*|No|Nos|vs|etc)$")


def _ends(text: str, start: int, stop: int) -> Iterator[re.Match]:
    """Sentence ends in ``text[start:stop]``, not counting the stop of an abbreviation ("Jan.", "U.S.")."""
    for m in _SENTENCE_END.finditer(text, start, stop):
        if m["stop"] and m["stop"][0] == "." and _ABBREVIATION.search(text, max(0, m.start() - 6), m.start()):
            continue
        yield m


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) of ``text`` holding ``start``..``end``, by punctuation."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = 0
    for m in _ends(text, max(0, start - 1500), min(len(text), start + 3)):
        if m.end() <= start:
            left = m.end()
    m = next(_ends(text, max(end - 1, start), len(text)), None)
    right = (m.end("stop") if m["stop"] else m.start()) if m else len(text)
    return re.sub(r"\s+", " ", text[left:right]).strip()


def _s(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


@dataclass
class Rows:
    """Every row one coded article adds, table by table."""

    events: list[tuple] = field(default_factory=list)
    dyads: list[tuple] = field(default_factory=list)
    entities: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    speakers: list[tuple] = field(default_factory=list)
    times: list[tuple] = field(default_factory=list)
    figures: list[tuple] = field(default_factory=list)


def _event_rows(coded: Coded, version: str) -> tuple[list[tuple], list[tuple]]:
    aid, text = coded.article.id, coded.article.text
    events, dyads, seen = [], [], set()
    for seq, event in enumerate(coded.events):
        eid = event.id  # made by comity.events.merge from the store's content id, so unique in the store
        if eid in seen:
            continue
        seen.add(eid)
        spans = [list(s) for s in event.spans]
        lo, hi = spans[0] if spans else (0, 0)  # the main mention's sentence, never all mentions between
        days = interval(event.date)
        events.append((
            eid, aid, seq, event.event, event.mode, list(event.context), list(event.aux), event.negated,
            event.date, event.date_precision, event.date_source, days[0] if days else None,
            days[1] if days else None, event.quad_code, event.event_scale, event.trigger, event.event_text,
            spans, sentence_around(text, lo, hi) if spans else event.event_text,
            [m.entity.code for m in event.actor], [m.entity.code for m in event.recipient],
            json.dumps([entity_json(m) for m in event.actor], ensure_ascii=False),
            json.dumps([entity_json(m) for m in event.recipient], ensure_ascii=False), version,
            _size(event)))
        dyads.extend(_dyads(eid, aid, event))
    return events, dyads


def _size(event: Event) -> str | None:
    """The ``size_json`` column (migration 0003_event_size): the size object as JSON, or None."""
    size = size_json(event.size)
    return json.dumps(size, ensure_ascii=False) if size else None


def _pairs(event: Event) -> list[tuple]:
    """(actor, recipient) mention pairs. Several actors of different codes and no recipient act on each
    other (PLOVER's reciprocal rule, as the shared scorer reads it): "China and Russia held joint drills"
    gives CHN→RUS and RUS→CHN. One actor, or actors of one code, and no recipient give (actor, None)."""
    if event.recipient:
        return [(a, r) for a in event.actor for r in event.recipient]
    codes = {m.entity.code for m in event.actor if m.entity.code}
    if len(codes) < 2:
        return [(a, None) for a in event.actor]
    return [(a, b) for a in event.actor for b in event.actor
            if a.entity.code and b.entity.code and a.entity.code != b.entity.code]


def _dyads(eid: str, aid: str, event: Event) -> list[tuple]:
    rows = []
    for actor, recipient in _pairs(event):
        a, r = actor.entity, recipient.entity if recipient else None
        rows.append((eid, aid, len(rows), a.code, a.sector, a.name, actor.text,
                     r.code if r else None, r.sector if r else None, r.name if r else None,
                     recipient.text if recipient else None))
    return rows


def rows_of(coded: Coded, version: str) -> Rows:
    """The rows of every derived table for one coded article."""
    aid = coded.article.id
    rows = Rows()
    rows.events, rows.dyads = _event_rows(coded, version)
    rows.entities = [(aid, i, m.entity.code, m.entity.sector, m.entity.name, m.entity.kind, m.entity.title,
                      m.text, *_s(m.span), m.how) for i, m in enumerate(coded.mentions)]
    rows.quotes = [(aid, i, q.speaker, q.speaker_text, *_s(q.speaker_span), q.kind, q.content,
                    *_s(q.content_span), q.cue, q.cue_lemma, q.paragraph, list(q.actors), version)
                   for i, q in enumerate(coded.quotes)]
    rows.speakers = [(aid, i, s.name, s.title, s.org, s.country, s.sector, s.description, *_s(s.span))
                     for i, s in enumerate(coded.speakers)]
    rows.times = [(aid, i, t.text, *_s(t.span), t.value, t.granularity, t.resolved)
                  for i, t in enumerate(coded.times)]
    rows.figures = [(aid, i, f.text, *_s(f.span), float(f.value), f.unit, f.qualifier, f.about, f.period)
                    for i, f in enumerate(coded.figures)]
    return rows


def article_row(coded: Coded, version: str, urls: Iterable[str | None]) -> tuple:
    """The ``articles`` row of one coded article; ``urls`` are where it was read (its own URL first,
    then the places it was found, copies included): the first of them is its ``url`` when it has none."""
    a = coded.article
    return (a.id, a.url or next((u for u in urls if u), None), a.title, a.published, a.source, a.text,
            version, list(coded.warnings))

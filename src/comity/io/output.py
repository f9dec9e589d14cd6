"""The per-article JSON: what ``comity code --format json`` prints and the scorer reads.

Shape (DESIGN.md, GOLD-FORMAT.md "What the scorer reads"):
``{"article", "speakers", "quotes", "events", "times", "figures"}``. Every text
field is a plain string with its character span in a key beside it; events
follow the PLOVER JSON record, with actor and recipient as lists of entity
objects (``code``, ``sector``, ``entity_text``, ``identifier_text``, ``span``),
and ``size``, the manual's size object (``dead``, ``injured``, ``arrested``,
plus ``participants`` for protests, integers, only those the text states, and
``qualifier`` mapping a field to its bound such as "at least" when the text
gives one), or null.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from comity.datafiles import active, cached_for
from comity.records import Coded, Count, Event, Figure, Mention, Quote, Size, Speaker, TimeRef


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return list(span) if span else None


def _speaker_json(speaker: Speaker) -> dict[str, Any]:
    return {"name": speaker.name, "span": _span(speaker.span), "title": speaker.title, "org": speaker.org,
            "country": speaker.country, "sector": speaker.sector, "description": speaker.description}


def _quote_json(quote: Quote) -> dict[str, Any]:
    return {"speaker": quote.speaker, "speaker_text": quote.speaker_text,
            "speaker_span": _span(quote.speaker_span), "kind": quote.kind, "content": quote.content,
            "content_span": _span(quote.content_span), "cue": quote.cue, "cue_span": _span(quote.cue_span),
            "cue_lemma": quote.cue_lemma, "paragraph": quote.paragraph, "actors": list(quote.actors)}


def entity_json(mention: Mention) -> dict[str, Any]:
    entity = mention.entity
    return {"code": entity.code, "sector": entity.sector, "entity_text": mention.text,
            "identifier_text": entity.name, "span": _span(mention.span)}


def size_json(size: Size | None) -> dict[str, Any] | None:
    """The size object: ``{"dead": 12, "injured": 30, "qualifier": {"dead": "at least"}}``, or None."""
    if size is None or not size.counts():
        return None
    out: dict[str, Any] = dict(size.numbers())
    if qualifiers := size.qualifiers():
        out["qualifier"] = qualifiers
    return out


def size_from_json(data: dict[str, Any] | None) -> Size | None:
    """The inverse of :func:`size_json`."""
    if not data:
        return None
    qualifiers = data.get("qualifier") or {}
    return Size(**{k: Count(int(v), qualifiers.get(k)) for k, v in data.items() if k != "qualifier"})


def _event_json(event: Event, coder: str) -> dict[str, Any]:
    return {
        "id": event.id, "date": event.date, "date_precision": event.date_precision,
        "date_source": event.date_source, "event": event.event, "mode": event.mode,
        "context": list(event.context), "aux": list(event.aux), "negated": event.negated,
        "actor": [entity_json(m) for m in event.actor],
        "recipient": [entity_json(m) for m in event.recipient],
        "event_text": event.event_text, "spans": [list(s) for s in event.spans],
        "evidence": [{"text": e.text, "span": list(e.span)} for e in event.evidence],
        "trigger": event.trigger, "quad_code": event.quad_code, "event_scale": event.event_scale,
        "size": size_json(event.size), "coder_version": coder,
    }


def _time_json(time: TimeRef) -> dict[str, Any]:
    return {"text": time.text, "span": _span(time.span), "value": time.value,
            "granularity": time.granularity, "resolved": time.resolved}


def _figure_json(figure: Figure) -> dict[str, Any]:
    value: float | int = int(figure.value) if float(figure.value).is_integer() else figure.value
    return {"text": figure.text, "span": _span(figure.span), "value": value, "unit": figure.unit,
            "qualifier": figure.qualifier, "about": figure.about, "period": figure.period}


def reported(coded: Coded, hypothetical: bool = False, lone: bool = False) -> Coded:
    """The result as output by default: without the events coded ``hypothetical`` (scenarios, conditions,
    possibilities: acts the text does not report as done, under way or promised), as ties and network
    leave them out (the store, its exports and ``comity events`` keep every record with its ``aux``);
    ``hypothetical`` keeps them. Nor, unless ``lone``, the :func:`unaimed` events."""
    events = [e for e in coded.events if hypothetical or "hypothetical" not in e.aux]
    events = [e for e in events if lone or not unaimed(e)]
    return coded if len(events) == len(coded.events) else replace(coded, events=tuple(events))


def unaimed(event: Event) -> bool:
    """An act that has a target by its nature ('counterpart_types' in events.json: a threat, an assault,
    an accusation) done by one side at no side the sentence or the article's context names: on the real
    news of the project's audits such records were wrong far more often than right (most had lost their
    target: "Russian missiles hit an aircraft repair plant there"; many were domestic: "the police in
    Chicago falsely accused him"). They name no dyad, so ties and network never count them."""
    if event.recipient or len({m.entity.code for m in event.actor}) > 1:
        return False
    return event.event in _counterpart_types()


@cached_for("events.json")
def _counterpart_types() -> frozenset[str]:
    return frozenset(active("events.json").get("counterpart_types", ()))


def to_json(coded: Coded, hypothetical: bool = False, lone: bool = False) -> dict[str, Any]:
    """One article's result as a JSON-ready dict (hypothetical events only with ``hypothetical``, unaimed
    ones only with ``lone``)."""
    coded = reported(coded, hypothetical, lone)
    article = coded.article
    coder = str(coded.version)
    return {
        "article": {"id": article.id, "title": article.title, "url": article.url,
                    "published": article.published.isoformat() if article.published else None,
                    "coder_version": coder,
                    "parts": [{"kind": p.kind, "span": list(p.span)} for p in coded.parts],
                    "warnings": list(coded.warnings)},
        "speakers": [_speaker_json(s) for s in coded.speakers],
        "quotes": [_quote_json(q) for q in coded.quotes],
        "events": [_event_json(e, coder) for e in coded.events],
        "times": [_time_json(t) for t in coded.times],
        "figures": [_figure_json(f) for f in coded.figures],
    }

"""The per-article JSON: what ``comity code --format json`` prints and the scorer reads.

Shape (DESIGN.md, GOLD-FORMAT.md "What the scorer reads"):
``{"article", "speakers", "quotes", "events", "times", "figures"}``. Every text
field is a plain string with its character span in a key beside it; events
follow the PLOVER JSON record, with actor and recipient as lists of entity
objects (``code``, ``sector``, ``entity_text``, ``identifier_text``, ``span``).
"""

from __future__ import annotations

from typing import Any

from comity.records import Coded, Event, Figure, Mention, Quote, Speaker, TimeRef


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return list(span) if span else None


def speaker_json(speaker: Speaker) -> dict[str, Any]:
    return {"name": speaker.name, "span": _span(speaker.span), "title": speaker.title, "org": speaker.org,
            "country": speaker.country, "sector": speaker.sector, "description": speaker.description}


def quote_json(quote: Quote) -> dict[str, Any]:
    return {"speaker": quote.speaker, "speaker_text": quote.speaker_text,
            "speaker_span": _span(quote.speaker_span), "kind": quote.kind, "content": quote.content,
            "content_span": _span(quote.content_span), "cue": quote.cue, "cue_span": _span(quote.cue_span),
            "cue_lemma": quote.cue_lemma, "paragraph": quote.paragraph, "actors": list(quote.actors)}


def entity_json(mention: Mention) -> dict[str, Any]:
    entity = mention.entity
    return {"code": entity.code, "sector": entity.sector, "entity_text": mention.text,
            "identifier_text": entity.name, "span": _span(mention.span)}


def event_json(event: Event, coder: str) -> dict[str, Any]:
    return {
        "id": event.id, "date": event.date, "date_precision": event.date_precision,
        "date_source": event.date_source, "event": event.event, "mode": event.mode,
        "context": list(event.context), "aux": list(event.aux), "negated": event.negated,
        "actor": [entity_json(m) for m in event.actor],
        "recipient": [entity_json(m) for m in event.recipient],
        "event_text": event.event_text, "spans": [list(s) for s in event.spans],
        "trigger": event.trigger, "quad_code": event.quad_code, "event_scale": event.event_scale,
        "coder_version": coder,
    }


def time_json(time: TimeRef) -> dict[str, Any]:
    return {"text": time.text, "span": _span(time.span), "value": time.value,
            "granularity": time.granularity, "resolved": time.resolved}


def figure_json(figure: Figure) -> dict[str, Any]:
    value: float | int = int(figure.value) if float(figure.value).is_integer() else figure.value
    return {"text": figure.text, "span": _span(figure.span), "value": value, "unit": figure.unit,
            "qualifier": figure.qualifier, "about": figure.about, "period": figure.period}


def to_json(coded: Coded) -> dict[str, Any]:
    """One article's result as a JSON-ready dict."""
    article = coded.article
    coder = str(coded.version)
    return {
        "article": {"id": article.id, "title": article.title, "url": article.url,
                    "published": article.published.isoformat() if article.published else None,
                    "coder_version": coder,
                    "parts": [{"kind": p.kind, "span": list(p.span)} for p in coded.parts],
                    "warnings": list(coded.warnings)},
        "speakers": [speaker_json(s) for s in coded.speakers],
        "quotes": [quote_json(q) for q in coded.quotes],
        "events": [event_json(e, coder) for e in coded.events],
        "times": [time_json(t) for t in coded.times],
        "figures": [figure_json(f) for f in coded.figures],
    }

"""Long articles: cut into parts the parser can take, and the parts' records put back together.

An article longer than :data:`PART_CHARS` is cut at paragraph boundaries (a
blank line, else a line break, else a sentence end, else a space; a hard cut
only as a last resort) into parts of at most ``PART_CHARS`` characters. Each
part is coded as an article of its own; :func:`merge` shifts every character
span of a part's records (mentions, quotes, speakers, events, times, figures,
layout parts) by the part's offset and joins them into one
:class:`~comity.records.Coded` for the whole article, so a record found in a
part is the same record, at the same place, in the article. What a part cannot
see (a speaker named only in an earlier part) is not found; news articles are
far shorter than a part, so this touches only exceptional texts.

Texts are also cleaned here of characters no stage can use (:func:`clean`):
control characters and lone surrogates become spaces, one for one, so every
offset stays valid.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import fields, is_dataclass, replace
from typing import Any

from comity.records import Article, Coded, Event, Quote

PART_CHARS = 100_000  # articles up to this length are coded whole
MAX_CHARS = 5_000_000  # longer articles are refused (E027)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = ("\n\n", "\n", ". ", " ")


def clean(text: str) -> str:
    """``text`` with control characters (but tab, line feed, carriage return), lone surrogates and
    non-characters replaced by a space each: same length, same offsets."""
    return _CONTROL.sub(" ", text)


def cut_points(text: str, limit: int = PART_CHARS) -> list[int]:
    """Offsets where the parts of ``text`` begin (``[0]`` when it fits in one part)."""
    starts = [0]
    while len(text) - starts[-1] > limit:
        start = starts[-1]
        window = text[start:start + limit]
        cut = next((start + i + len(sep) for sep in _BREAKS
                    if (i := window.rfind(sep, limit // 2)) > 0), start + limit)
        starts.append(cut)
    return starts


def split_article(article: Article, limit: int = PART_CHARS) -> list[tuple[int, Article]]:
    """(offset, part) pairs of a long article; the title goes with the first part only."""
    starts = cut_points(article.text, limit)
    ends = [*starts[1:], len(article.text)]
    return [(start, replace(article, text=article.text[start:end], title=article.title if not i else None))
            for i, (start, end) in enumerate(zip(starts, ends, strict=True))]


def _shift_value(value: Any, offset: int, name: str = "") -> Any:
    if name == "span" or name.endswith("_span"):
        return None if value is None else (value[0] + offset, value[1] + offset)
    if name == "spans":
        return tuple((s + offset, e + offset) for s, e in value)
    if isinstance(value, tuple):
        return tuple(_shift_value(v, offset) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return shift(value, offset)
    return value


def shift(record: Any, offset: int) -> Any:
    """``record`` (any record dataclass) with every character span moved by ``offset``."""
    if not offset:
        return record
    changes = {f.name: _shift_value(getattr(record, f.name), offset, f.name) for f in fields(record)}
    return replace(record, **changes)


def _event(event: Event, offset: int, article_id: str) -> Event:
    moved = shift(event, offset)
    if not offset:
        return moved
    raw = f"{article_id}|{event.id}|{offset}"  # unique across parts, the same on every run
    return replace(moved, id=hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16])


def _quote(quote: Quote, offset: int, lines_before: int) -> Quote:
    return replace(shift(quote, offset), paragraph=quote.paragraph + lines_before)


def merge(article: Article, coded: list[tuple[int, Coded]]) -> Coded:
    """One :class:`Coded` for ``article`` from its parts' results (offset, Coded), in order."""
    first = coded[0][1]
    speakers: dict[Any, Any] = {}
    records: dict[str, list] = {k: [] for k in ("parts", "quotes", "events", "times", "figures", "mentions")}
    warnings: list[str] = []
    for offset, part in coded:
        lines = article.text.count("\n", 0, offset)
        records["parts"] += [shift(p, offset) for p in part.parts]
        records["quotes"] += [_quote(q, offset, lines) for q in part.quotes]
        records["events"] += [_event(e, offset, article.id) for e in part.events]
        for kind in ("times", "figures", "mentions"):
            records[kind] += [shift(r, offset) for r in getattr(part, kind)]
        for speaker in part.speakers:
            speakers.setdefault(speaker.name or (offset, speaker.span), shift(speaker, offset))
        warnings += [w for w in part.warnings if w not in warnings]
    return Coded(article=article, version=first.version, speakers=tuple(speakers.values()),
                 warnings=tuple(warnings), **{k: tuple(v) for k, v in records.items()})

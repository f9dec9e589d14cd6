"""Scoring rules for time expressions and figures (GOLD-FORMAT.md, "How it scores").

A time value denotes a span of days: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www`` (an ISO week,
Monday to Sunday) or ``A/B`` (from the first day of A to the last day of B). Two values agree when their
spans are equal. Standard library only.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from comity.evaluation.score_text import field_text, records_of, word_list

# words dropped from the front of a time expression before comparing texts ("in May", "since 2014")
TIME_FILLER = frozenset({"in", "on", "at", "since", "by", "from", "until", "during", "the", "of", "s"})
FIGURE_TOLERANCE = 0.005  # relative; absolute below 1
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

DaySpan = tuple[date, date]


def _single_span(value: str) -> DaySpan | None:
    """The days of one value without a slash; raises ValueError for impossible dates."""
    if week := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return monday, monday + timedelta(days=6)
    if _YEAR.fullmatch(value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if month := _MONTH.fullmatch(value):
        year, number = int(month[1]), int(month[2])
        return date(year, number, 1), date(year, number, monthrange(year, number)[1])
    if _DAY.fullmatch(value):
        day = date.fromisoformat(value)
        return day, day
    return None


def day_span(value: Any) -> DaySpan | None:
    """First and last day a time value denotes, or ``None`` when it is not one of the forms."""
    text = str(value).strip() if value else ""
    head, slash, tail = text.partition("/")
    if slash:
        start, end = day_span(head), day_span(tail)
        return (start[0], end[1]) if start and end else None
    try:
        return _single_span(text)
    except ValueError:
        return None


def _time_words(text: str) -> str:
    """A time expression's words without the leading filler ("in", "on", "since", ...)."""
    words = word_list(text)
    while words and words[0] in TIME_FILLER:
        words.pop(0)
    return " ".join(words)


def same_expression(predicted: str, gold: str) -> bool:
    """The two texts overlap: one's words (without filler) are a substring of the other's."""
    p, g = _time_words(predicted), _time_words(gold)
    return bool(p) and bool(g) and (p in g or g in p)


def _time_values(record: dict) -> list[tuple[str, DaySpan | None]]:
    return [(field_text(t.get("text")), day_span(t.get("value"))) for t in records_of(record.get("times"))]


@dataclass(frozen=True)
class TimeCounts:
    gold: int = 0
    found: int = 0
    judged: int = 0
    right: int = 0


def count_times(gold: dict, prediction: dict) -> TimeCounts:
    """A gold expression is found when a prediction overlapping its text denotes the same, resolvable days.
    Precision is judged over predictions whose text overlaps a gold expression."""
    golds = _time_values(gold)
    preds = _time_values(prediction)
    found = sum(
        span is not None and any(same_expression(p, text) and p_span == span for p, p_span in preds)
        for text, span in golds
    )
    judged = right = 0
    for p, p_span in preds:
        overlapping = [span for text, span in golds if same_expression(p, text)]
        if overlapping:
            judged += 1
            right += p_span in overlapping
    return TimeCounts(len(golds), found, judged, right)


@dataclass(frozen=True)
class FigureCounts:
    gold: int = 0
    found: int = 0


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return None


def same_figure(predicted: dict, gold: dict) -> bool:
    """Values within 0.5 % (of the gold value, or absolutely below 1) and a word of the texts shared."""
    p, g = _number(predicted.get("value")), _number(gold.get("value"))
    if p is None or g is None or not abs(p - g) <= FIGURE_TOLERANCE * max(abs(g), 1):
        return False
    shared = set(word_list(field_text(predicted.get("text")))) & set(word_list(field_text(gold.get("text"))))
    return bool(shared)


def count_figures(gold: dict, prediction: dict) -> FigureCounts:
    golds = list(records_of(gold.get("figures")))
    preds = list(records_of(prediction.get("figures")))
    return FigureCounts(len(golds), sum(any(same_figure(p, g) for p in preds) for g in golds))


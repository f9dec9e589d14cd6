"""Dates as the store reads them: a time value ("2025", "2025-05", "2025-05-07",
"2025-W19", "2025-Q1", "A/B") turned into the span of days it denotes, and a
span of days placed in a period of a series (day, week, month, year) without
spreading or guessing: an event known only to its month stays a month.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

PRECISIONS = ("day", "week", "month", "year")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")

Interval = tuple[date, date, str]


def _one(value: str) -> Interval | None:
    value = value.strip()
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day, "day"
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), "year"
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6), "week"
        if m := _QUARTER.match(value):
            first = 3 * (int(m[2]) - 1) + 1
            year = int(m[1])
            last = calendar.monthrange(year, first + 2)[1]
            return date(year, first, 1), date(year, first + 2, last), "range"
    except ValueError:
        return None
    return None


def interval(value: str | None) -> Interval | None:
    """The first and last day ``value`` denotes and its precision; ``None`` when unreadable."""
    if not value:
        return None
    if "/" not in value:
        return _one(value)
    left, _, right = value.partition("/")
    start, end = _one(left), _one(right)
    if start is None or end is None or end[1] < start[0]:
        return None
    return start[0], end[1], "range"


def _week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _fits(start: date, end: date, level: str) -> bool:
    if level == "day":
        return start == end
    if level == "week":
        return start.isocalendar()[:2] == end.isocalendar()[:2]
    if level == "month":
        return (start.year, start.month) == (end.year, end.month)
    return start.year == end.year


def _label(day: date, level: str) -> tuple[str, date, date]:
    if level == "day":
        return day.isoformat(), day, day
    if level == "week":
        monday = day - timedelta(days=day.weekday())
        return _week_label(day), monday, monday + timedelta(days=6)
    if level == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return f"{day.year}-{day.month:02d}", day.replace(day=1), day.replace(day=last)
    return str(day.year), date(day.year, 1, 1), date(day.year, 12, 31)


def period(start: date, end: date, by: str) -> tuple[str, str, date, date]:
    """The period an event dated ``start``..``end`` falls in when binning ``by`` day, week or month.

    Returns (label, precision, first day, last day). An event whose dates do not fit in one
    period of the requested size is shown at the finest coarser precision that holds it
    (a month-dated event stays a month, a year-dated one a year); one spanning years keeps
    its own range.
    """
    levels = PRECISIONS[PRECISIONS.index(by):]
    for level in levels:
        if _fits(start, end, level):
            label, first, last = _label(start, level)
            return label, level, first, last
    return _range_label(start, end), "range", start, end


def _range_label(start: date, end: date) -> str:
    """``2022/2025`` for whole years, ``2024-12/2025-01`` for whole months, else the two days."""
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and (start.month, end.month) == (1, 12):
        return f"{start.year}/{end.year}"
    if whole_months:
        return f"{start.year}-{start.month:02d}/{end.year}-{end.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _next(day: date, level: str) -> date:
    """The first day of the period after the one of ``level`` that starts on ``day``."""
    if level == "day":
        return day + timedelta(days=1)
    if level == "week":
        return day + timedelta(days=7)
    if level == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def periods_between(first: date, last: date, by: str) -> list[tuple[str, date, date]]:
    """Every period of size ``by`` from the one holding ``first`` to the one holding ``last``:
    (label, first day, last day), in order — the complete axis of a series, empty periods included."""
    label, start, end = _label(first, by)
    found = []
    while start <= last:
        found.append((label, start, end))
        label, start, end = _label(_next(start, by), by)
    return found

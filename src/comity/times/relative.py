"""Resolving times counted in calendar units from the publication date.

"earlier this month", "last week", "this past weekend", "the end of the year", "the second
half of the month", "the past three years", "two years ago", "in two years", "the weekend":
the resolvers of :mod:`comity.times.resolve`'s table for these pattern kinds, with what they
share: the calendar unit holding a date moved by some units (``_unit_value``), the first and
last day a value denotes (``value_bounds``), and the relative word of a match (``rel_word``;
an anaphoric one, "the previous", "the following", is left unresolved).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from comity.times import calendar as cal
from comity.times.words import parse_number, units

Groups = dict[str, str | None]
Result = tuple[str | None, str]
ANAPHORIC = {"previous", "the previous", "the following", "the same", "the next"}


def rel_word(groups: Groups) -> str:
    """The relative word of a match ("last", "this past", "the next"), lower-case, single-spaced."""
    return " ".join((groups.get("rel") or "").lower().split())


def resolve_edgeunit(g: Groups, published: date | None, direction: str | None) -> Result:
    """'earlier this month', 'later this year', 'late last year', 'early next week'."""
    edge, rel, unit = (g["edge"] or "").lower(), rel_word(g), (g["unit"] or "").lower()
    if published is None or rel == "the":
        return None, "range"
    offset = {"last": -1, "next": 1}.get(rel, 0)
    value, granularity = _unit_value(published, unit, offset)
    if rel == "this" and edge in ("earlier", "later") and value is not None:
        start, end = value_bounds(value)
        today = cal.day(published)
        return (f"{start}/{today}" if edge == "earlier" else f"{today}/{end}"), "range"
    return value, granularity


def value_bounds(value: str) -> tuple[str, str]:
    """The first and last day a value denotes, as ISO dates."""
    if "/" in value:
        a, b = value.split("/", 1)
        return value_bounds(a)[0], value_bounds(b)[1]
    if "-W" in value:
        start = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        return cal.day(start), cal.day(start + timedelta(days=6))
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        first = date(int(value[:4]), int(value[5:]), 1)
        return cal.day(first), cal.day(cal.month_end(first))
    return value, value


def _unit_value(published: date, unit: str, offset: int) -> Result:
    """The calendar unit holding the publication date, moved by ``offset`` units."""
    unit = units().get(unit, unit)
    if unit == "day":
        return cal.day(published + timedelta(days=offset)), "day"
    if unit == "week":
        return cal.week(published + timedelta(weeks=offset)), "week"
    if unit == "weekend":
        return cal.weekend(published + timedelta(weeks=offset)), "range"
    if unit == "month":
        shifted = cal.add_months(published, offset)
        return cal.month(shifted.year, shifted.month), "month"
    if unit == "quarter":
        return cal.relative_quarter(published, offset), "quarter"
    if unit == "year":
        return f"{published.year + offset:04d}", "year"
    if unit == "decade":
        return cal.decade(published.year // 10 * 10 + 10 * offset), "decade"
    return None, unit


def resolve_relunit(g: Groups, published: date | None, direction: str | None) -> Result:
    rel, unit = rel_word(g), units().get((g["unit"] or "").lower(), "")
    if rel in ("the next", "the coming") and unit != "day" and direction != "past":
        rel = "the coming"
    if published is None or rel in ANAPHORIC:
        return None, unit
    if rel in ("the past", "the last", "the coming") or (unit == "decade" and rel in ("past", "last")):
        return resolve_window({**g, "num": "1", "rel": rel.removeprefix("the ")}, published, direction)
    if unit == "weekend":
        return _relative_weekend(rel, published, direction)
    offset = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1}.get(rel, 0)
    return _unit_value(published, unit, offset)


def _relative_weekend(rel: str, published: date, direction: str | None) -> Result:
    """'last weekend', 'this past weekend', 'this weekend' (the one just gone when told in the past)."""
    weekday = published.isoweekday()
    if rel in ("last", "past", "this past", "previous") or (rel == "this" and direction == "past"):
        return cal.weekend(published - timedelta(weeks=1 if weekday < 6 else 0)), "range"
    if rel == "next":
        return cal.weekend(published + timedelta(weeks=1)), "range"
    if rel in ("this", "coming", "this coming"):
        return cal.weekend(published), "range"
    return None, "range"


def resolve_edgeof(g: Groups, published: date | None, direction: str | None) -> Result:
    """'the end of the year', 'the rest of the month', 'the start of next year': that whole unit;
    'the second half of the year' its half (months 7-12; of a month, days 16 to the end).

    'the year' is the current one unless the tense looks back (then it may be a year the
    story has named, so it stays unresolved; the caller passes ``unnamed="year"`` when no
    year is named before it). Told in the past, a half or the end of an unnamed year is
    one that has begun: 'rose at the end of the year' in May is last year's."""
    rel, unit = rel_word(g), (g["unit"] or "").lower()
    unnamed = rel == "the" and g.get("unnamed") == unit
    if published is None or (rel == "the" and direction == "past" and not unnamed):
        return None, unit
    value, granularity = _unit_value(published, unit, {"last": -1, "next": 1}.get(rel, 0))
    edge = " ".join((g.get("edge") or "").lower().split())
    if direction == "past" and unnamed and edge in ("end", "turn"):
        return (value if published.month == 12 else f"{published.year - 1:04d}"), granularity
    if value is None or edge not in ("first half", "second half"):
        return value, granularity
    half = _half(value, unit, edge == "second half")
    if direction == "past" and unnamed and half[0] and value_bounds(half[0])[0] > cal.day(published):
        earlier, _ = _unit_value(published, unit, -1)  # told in the past, so a half already begun
        return _half(earlier, unit, edge == "second half") if earlier else half
    return half


def _half(value: str, unit: str, second: bool) -> Result:
    start, end = (date.fromisoformat(v) for v in value_bounds(value))
    if unit == "year":
        first_month, last_month = (7, 12) if second else (1, 6)
        return f"{cal.month(start.year, first_month)}/{cal.month(start.year, last_month)}", "range"
    if unit == "month":
        middle = start.replace(day=15)
        lo, hi = (middle + timedelta(days=1), end) if second else (start, middle)
        return f"{cal.day(lo)}/{cal.day(hi)}", "range"
    return None, "range"


def resolve_window(g: Groups, published: date | None, direction: str | None) -> Result:
    """'in the past three years' -> 2022/2025; 'the next two weeks'; 'the past decade'."""
    count = parse_number(g["num"] or "")
    unit = units().get((g["unit"] or "").lower(), "")
    if published is None or count is None or count != int(count) or unit not in STEPS:
        return None, "range"
    n = int(count) * (-1 if g["rel"] in ("past", "last", "previous") else 1)
    other = STEPS[unit](published, n)
    if unit in ("year", "decade"):
        years = sorted((published.year, other.year))
        return f"{years[0]:04d}/{years[1]:04d}", "range"
    if unit == "month":
        a, b = sorted((published, other))
        return f"{cal.month(a.year, a.month)}/{cal.month(b.year, b.month)}", "range"
    a, b = sorted((published, other))
    return f"{cal.day(a)}/{cal.day(b)}", "range"


STEPS: dict[str, Callable[[date, int], date]] = {
    "day": lambda d, n: d + timedelta(days=n),
    "week": lambda d, n: d + timedelta(weeks=n),
    "month": cal.add_months,
    "year": cal.add_years,
    "decade": lambda d, n: cal.add_years(d, 10 * n),
}


def resolve_inunits(g: Groups, published: date | None, direction: str | None) -> Result:
    """'will open in two years' (a point ahead); 'in two years it grew' is a duration, not a time."""
    if direction != "future" and not g.get("time"):
        return None, "duration"
    return resolve_ago({**g, "dir": "from now"}, published, direction)


def resolve_ago(g: Groups, published: date | None, direction: str | None) -> Result:
    """'two years ago' -> its year; 'three weeks ago' -> its week; 'a month from now'."""
    unit = units().get((g["unit"] or "").lower(), "")
    way = (g["dir"] or "").lower()
    count = parse_number(g["num"] or "")
    granularity = "year" if unit == "decade" else unit
    if published is None or count is None or count != int(count) or way not in ("ago", "from now"):
        return None, granularity
    if unit not in STEPS:
        return None, granularity
    moment = STEPS[unit](published, int(count) * (-1 if way == "ago" else 1))
    if unit in ("year", "decade"):
        return f"{moment.year:04d}", "year"
    if unit == "month":
        return cal.month(moment.year, moment.month), "month"
    if unit == "week":
        return cal.week(moment), "week"
    return cal.day(moment), "day"


def resolve_weekend(g: Groups, published: date | None, direction: str | None) -> Result:
    """'the weekend': the last one when looking back, the coming one when ahead, else the nearer."""
    if published is None:
        return None, "range"
    weekday = published.isoweekday()
    if direction is None or direction == "present":
        direction = "past" if weekday <= 3 else "future"
    if direction == "past" and weekday < 6:
        return cal.weekend(published - timedelta(weeks=1)), "range"
    return cal.weekend(published), "range"

"""Resolving one matched time expression to a value, given the publication date and direction.

One small resolver per pattern kind of :mod:`comity.times.patterns`. Each
returns ``(value, granularity)``; ``value`` is None when the expression cannot
be resolved (no publication date for a relative expression, an anaphoric
"the previous day", a vague "a few years ago").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from comity.times import calendar as cal
from comity.times.words import day_words, holidays, months, parse_number, seasons, units, weekdays

Groups = dict[str, str | None]
Result = tuple[str | None, str]
QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "final": 4, "last": 4}
DAY_OFFSETS = {"this": 0, "last": -1, "before yesterday": -2, "after tomorrow": 2}
ANAPHORIC = {"previous", "the previous", "the following", "the same", "the next"}


def _mon(text: str | None) -> int:
    return months()[(text or "").lower().rstrip(".")]


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _rel(groups: Groups) -> str:
    return " ".join((groups.get("rel") or "").lower().split())


def _pointer(rel: str, direction: str | None) -> str | None:
    """An explicit last/next/this word overrides the tense."""
    if rel in ("last", "past", "this past", "previous"):
        return "past"
    if rel in ("next", "coming", "this coming"):
        return "future"
    if rel == "this":
        return "present"
    return direction


def resolve_date(g: Groups, published: date | None, direction: str | None) -> Result:
    mon, dom, year = _mon(g["mon"]), int(g["day"] or 0), _year(g.get("year"))
    try:
        if year is not None:
            return cal.day(date(year, mon, dom)), "day"
        if published is None:
            return None, "day"
        picked = cal.pick_date(published, mon, dom, direction)
    except ValueError:
        return None, "day"
    return (cal.day(picked) if picked else None), "day"


def resolve_iso(g: Groups, published: date | None, direction: str | None) -> Result:
    try:
        return cal.day(date(int(g["year"] or 0), int(g["monn"] or 0), int(g["day"] or 0))), "day"
    except ValueError:
        return None, "day"


def resolve_dayrange(g: Groups, published: date | None, direction: str | None) -> Result:
    first, _ = resolve_date(g, published, direction)
    if first is None:
        return None, "range"
    start = date.fromisoformat(first)
    try:
        end = date(start.year, start.month, int(g["day2"] or 0))
    except ValueError:
        return None, "range"
    return (f"{cal.day(start)}/{cal.day(end)}" if end > start else None), "range"


def resolve_daterange(g: Groups, published: date | None, direction: str | None) -> Result:
    """'Jan. 30-Feb. 2', 'between January 1 and September 26', 'Dec. 30, 2024 to Jan. 2, 2025'."""
    first, second = (_mon(g["mon"]), int(g["day"] or 0)), (_mon(g["mon2"]), int(g["day2"] or 0))
    year, year2 = _year(g.get("year")), _year(g.get("year2"))
    wraps = second < first
    if year is None and year2 is not None:
        year = year2 - 1 if wraps else year2
    if year is None:
        picked, _ = resolve_date({**g, "year": None}, published, direction)
        if picked is None:
            return None, "range"
        year = int(picked[:4])
    end_year = year2 if year2 is not None else year + (1 if wraps else 0)
    start, end = date(year, *first), date(end_year, *second)
    return (f"{cal.day(start)}/{cal.day(end)}" if start < end else None), "range"


def resolve_month(g: Groups, published: date | None, direction: str | None) -> Result:
    rel = _rel(g)
    if rel in ANAPHORIC or published is None:
        return None, "month"
    mon = _mon(g["mon"])
    if rel == "past":  # "looked past November": a preposition, not "this past November"
        rel = ""
    if rel in ("last", "this past"):
        return cal.month(published.year - (0 if mon < published.month else 1), mon), "month"
    if rel in ("next", "coming", "this coming"):
        return cal.month(published.year + (0 if mon > published.month else 1), mon), "month"
    return cal.pick_month(published, mon, _pointer(rel, direction)), "month"


def resolve_monthyear(g: Groups, published: date | None, direction: str | None) -> Result:
    return cal.month(int(g["year"] or 0), _mon(g["mon"])), "month"


def resolve_monthrange(g: Groups, published: date | None, direction: str | None) -> Result:
    first, second, year = _mon(g["mon"]), _mon(g["mon2"]), _year(g.get("year"))
    if year is None:
        if published is None:
            return None, "range"
        year = int(cal.pick_month(published, first, direction)[:4])
    end_year = year if second >= first else year + 1
    return f"{cal.month(year, first)}/{cal.month(end_year, second)}", "range"


def resolve_yearrange(g: Groups, published: date | None, direction: str | None) -> Result:
    start, end_text = int(g["year"] or 0), g["year2"] or ""
    end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
    return (f"{start}/{end}" if start < end <= start + 200 else None), "range"


def resolve_weekday(g: Groups, published: date | None, direction: str | None) -> Result:
    rel = _rel(g)
    if published is None or rel in ANAPHORIC:
        return None, "day"
    weekday = weekdays()[(g["wd"] or "").lower()]
    if rel in ("last", "past", "this past", "previous"):
        back = (published.isoweekday() - weekday) % 7 or 7
        return cal.day(published - timedelta(days=back)), "day"
    if rel in ("next", "coming", "this coming"):
        ahead = (weekday - published.isoweekday()) % 7 or 7
        return cal.day(published + timedelta(days=ahead)), "day"
    if rel == "this":  # "this Friday": the coming one, unless the verb looks back
        way = "past" if direction == "past" else "future"
        return cal.day(cal.pick_weekday(published, weekday, way)), "day"
    return cal.day(cal.pick_weekday(published, weekday, direction)), "day"


def resolve_wdrange(g: Groups, published: date | None, direction: str | None) -> Result:
    """'Monday through Thursday': this week's when told in the present and it holds the publication day.

    'is in Canberra Monday through Thursday' on a Wednesday is the current week; otherwise
    the first day is resolved like a lone weekday (ahead in the future, back in the past)."""
    if published is None or _rel(g) in ANAPHORIC:
        return None, "range"
    first, second = weekdays()[(g["wd"] or "").lower()], weekdays()[(g["wd2"] or "").lower()]
    today = published.isoweekday()
    if direction in ("present", None) and _rel(g) == "" and first <= today <= second:
        start = published - timedelta(days=today - first)
    else:
        picked, _ = resolve_weekday(g, published, direction)
        if picked is None:
            return None, "range"
        start = date.fromisoformat(picked)
    end = start + timedelta(days=(second - start.isoweekday()) % 7)
    return f"{cal.day(start)}/{cal.day(end)}", "range"


def resolve_dayword(g: Groups, published: date | None, direction: str | None) -> Result:
    if published is None:
        return None, "day"
    word = (g["dw"] or "").lower()
    offset = DAY_OFFSETS.get(word, day_words().get(word, 0))
    return cal.day(published + timedelta(days=offset)), "day"


def resolve_edgeunit(g: Groups, published: date | None, direction: str | None) -> Result:
    """'earlier this month', 'later this year', 'late last year', 'early next week'."""
    edge, rel, unit = (g["edge"] or "").lower(), _rel(g), (g["unit"] or "").lower()
    if published is None or rel == "the":
        return None, "range"
    offset = {"last": -1, "next": 1}.get(rel, 0)
    value, granularity = unit_value(published, unit, offset)
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


def unit_value(published: date, unit: str, offset: int) -> Result:
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
    rel, unit = _rel(g), units().get((g["unit"] or "").lower(), "")
    if rel in ("the next", "the coming") and unit != "day" and direction != "past":
        rel = "the coming"
    if published is None or rel in ANAPHORIC:
        return None, unit
    if rel in ("the past", "the last", "the coming") or (unit == "decade" and rel in ("past", "last")):
        return resolve_window({**g, "num": "1", "rel": rel.removeprefix("the ")}, published, direction)
    if unit == "weekend":
        return _relative_weekend(rel, published, direction)
    offset = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1}.get(rel, 0)
    return unit_value(published, unit, offset)


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
    rel, unit = _rel(g), (g["unit"] or "").lower()
    unnamed = rel == "the" and g.get("unnamed") == unit
    if published is None or (rel == "the" and direction == "past" and not unnamed):
        return None, unit
    value, granularity = unit_value(published, unit, {"last": -1, "next": 1}.get(rel, 0))
    edge = " ".join((g.get("edge") or "").lower().split())
    if direction == "past" and unnamed and edge in ("end", "turn"):
        return (value if published.month == 12 else f"{published.year - 1:04d}"), granularity
    if value is None or edge not in ("first half", "second half"):
        return value, granularity
    half = _half(value, unit, edge == "second half")
    if direction == "past" and unnamed and half[0] and value_bounds(half[0])[0] > cal.day(published):
        earlier, _ = unit_value(published, unit, -1)  # told in the past, so a half already begun
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


def resolve_weekof(g: Groups, published: date | None, direction: str | None) -> Result:
    """'the first week of May' -> May 1-7; 'the last week of June' -> its last seven days."""
    mon, year = _mon(g["mon"]), _year(g.get("year"))
    if year is None:
        if published is None:
            return None, "range"
        year = int(cal.pick_month(published, mon, direction)[:4])
    last_day = cal.month_end(date(year, mon, 1)).day
    nth = (g["nth"] or "").lower()
    first = last_day - 6 if nth in ("last", "final") else 1 + 7 * QUARTER_WORDS[nth] - 7
    return f"{cal.day(date(year, mon, first))}/{cal.day(date(year, mon, first + 6))}", "range"


def resolve_century(g: Groups, published: date | None, direction: str | None) -> Result:
    start = (int(g["cent"] or 0) - 1) * 100
    return f"{start:04d}/{start + 99:04d}", "range"


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


def resolve_quarter(g: Groups, published: date | None, direction: str | None) -> Result:
    if g.get("qd"):
        number = int(g["qd"] or 0)
    else:
        word = (g.get("qn") or "").lower()
        number = QUARTER_WORDS[word]
        if word == "last" and not g.get("year") and not g.get("yrel"):
            return (cal.relative_quarter(published, -1) if published else None), "quarter"
    year = _year(g.get("year"))
    yrel = (g.get("yrel") or "").lower()
    if year is None and yrel and published is not None:
        year = published.year + {"last": -1, "next": 1}.get(yrel, 0)
    if year is not None:
        return cal.quarter(year, number), "quarter"
    if published is None:
        return None, "quarter"
    return cal.pick_quarter(published, number, direction), "quarter"


def resolve_season(g: Groups, published: date | None, direction: str | None) -> Result:
    first = seasons()[(g["season"] or "").lower()]
    year = _year(g.get("year"))
    if year is not None:
        return cal.season(year, first), "season"
    rel = _rel(g)
    if published is None or rel in ANAPHORIC:
        return None, "season"
    how = {"last": "last", "past": "last", "this past": "last", "next": "next", "coming": "future",
           "this coming": "future", "this": "this"}.get(rel, direction)
    return cal.pick_season(published, first, how), "season"


def resolve_decade(g: Groups, published: date | None, direction: str | None) -> Result:
    if g.get("dec"):
        return cal.decade(int(g["dec"] or 0)), "decade"
    short = int(g.get("dec2") or 0)
    now = published.year % 100 if published else 20
    return cal.decade((2000 if short <= now else 1900) + short), "decade"


def resolve_year(g: Groups, published: date | None, direction: str | None) -> Result:
    return str(int(g["year"] or 0)), "year"


def resolve_holiday(g: Groups, published: date | None, direction: str | None) -> Result:
    """A fixed-date holiday ('Christmas', 'New Year's Eve 2023'), resolved like a date without a year."""
    mon, dom = (int(part) for part in holidays()[g["holiday"] or ""].split("-"))
    year = _year(g.get("year"))
    if year is not None:
        return cal.day(date(year, mon, dom)), "day"
    if published is None:
        return None, "day"
    picked = cal.pick_date(published, mon, dom, direction)
    return (cal.day(picked) if picked else None), "day"


RESOLVERS: dict[str, Callable[[Groups, date | None, str | None], Result]] = {
    "date": resolve_date, "iso": resolve_iso, "dayrange": resolve_dayrange, "month": resolve_month,
    "monthyear": resolve_monthyear, "monthrange": resolve_monthrange, "yearrange": resolve_yearrange,
    "weekday": resolve_weekday, "wdrange": resolve_wdrange, "dayword": resolve_dayword,
    "edgeunit": resolve_edgeunit, "relunit": resolve_relunit, "window": resolve_window, "ago": resolve_ago,
    "daterange": resolve_daterange, "inunits": resolve_inunits, "edgeof": resolve_edgeof,
    "weekof": resolve_weekof, "century": resolve_century,
    "quarter": resolve_quarter, "weekend": resolve_weekend, "season": resolve_season,
    "decade": resolve_decade, "year": resolve_year, "holiday": resolve_holiday,
}


def resolve(kind: str, groups: Groups, published: date | None, direction: str | None) -> Result:
    """Resolve a matched expression; never raises on odd input (returns an unresolved result)."""
    try:
        value, granularity = RESOLVERS[kind](groups, published, direction)
        if value is not None:
            first, last = value_bounds(value)
            if not date.fromisoformat(first) <= date.fromisoformat(last):
                return None, granularity
        return value, granularity
    except (ValueError, KeyError, OverflowError):
        return None, kind

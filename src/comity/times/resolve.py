"""Resolving one matched time expression to a value, given the publication date and direction.

One small resolver per pattern kind of :mod:`comity.times.patterns`. Each
returns ``(value, granularity)``; ``value`` is None when the expression cannot
be resolved (no publication date for a relative expression, an anaphoric
"the previous day", a vague "a few years ago").

Here: the resolvers of dates, months, weekdays, quarters, seasons, decades and
holidays, and the table that picks one per kind; those of times counted in
calendar units from the publication date ("last week", "two years ago", "the
end of the year") are in :mod:`comity.times.relative`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from comity.times import calendar as cal
from comity.times.relative import (
    ANAPHORIC,
    Groups,
    Result,
    rel_word,
    resolve_ago,
    resolve_edgeof,
    resolve_edgeunit,
    resolve_inunits,
    resolve_relunit,
    resolve_weekend,
    resolve_window,
    value_bounds,
)
from comity.times.words import day_words, holidays, months, seasons, weekdays

QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "final": 4, "last": 4}
DAY_OFFSETS = {"this": 0, "last": -1, "before yesterday": -2, "after tomorrow": 2}


def _mon(text: str | None) -> int:
    return months()[(text or "").lower().rstrip(".")]


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _pointer(rel: str, direction: str | None) -> str | None:
    """An explicit last/next/this word overrides the tense."""
    if rel in ("last", "past", "this past", "previous"):
        return "past"
    if rel in ("next", "coming", "this coming"):
        return "future"
    if rel == "this":
        return "present"
    return direction


def _resolve_date(g: Groups, published: date | None, direction: str | None) -> Result:
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


def _resolve_iso(g: Groups, published: date | None, direction: str | None) -> Result:
    try:
        return cal.day(date(int(g["year"] or 0), int(g["monn"] or 0), int(g["day"] or 0))), "day"
    except ValueError:
        return None, "day"


def _resolve_dayrange(g: Groups, published: date | None, direction: str | None) -> Result:
    first, _ = _resolve_date(g, published, direction)
    if first is None:
        return None, "range"
    start = date.fromisoformat(first)
    try:
        end = date(start.year, start.month, int(g["day2"] or 0))
    except ValueError:
        return None, "range"
    return (f"{cal.day(start)}/{cal.day(end)}" if end > start else None), "range"


def _resolve_daterange(g: Groups, published: date | None, direction: str | None) -> Result:
    """'Jan. 30-Feb. 2', 'between January 1 and September 26', 'Dec. 30, 2024 to Jan. 2, 2025'."""
    first, second = (_mon(g["mon"]), int(g["day"] or 0)), (_mon(g["mon2"]), int(g["day2"] or 0))
    year, year2 = _year(g.get("year")), _year(g.get("year2"))
    wraps = second < first
    if year is None and year2 is not None:
        year = year2 - 1 if wraps else year2
    if year is None:
        picked, _ = _resolve_date({**g, "year": None}, published, direction)
        if picked is None:
            return None, "range"
        year = int(picked[:4])
    end_year = year2 if year2 is not None else year + (1 if wraps else 0)
    start, end = date(year, *first), date(end_year, *second)
    return (f"{cal.day(start)}/{cal.day(end)}" if start < end else None), "range"


def _resolve_month(g: Groups, published: date | None, direction: str | None) -> Result:
    rel = rel_word(g)
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


def _resolve_monthyear(g: Groups, published: date | None, direction: str | None) -> Result:
    return cal.month(int(g["year"] or 0), _mon(g["mon"])), "month"


def _resolve_monthrange(g: Groups, published: date | None, direction: str | None) -> Result:
    first, second, year = _mon(g["mon"]), _mon(g["mon2"]), _year(g.get("year"))
    if year is None:
        if published is None:
            return None, "range"
        year = int(cal.pick_month(published, first, direction)[:4])
    end_year = year if second >= first else year + 1
    return f"{cal.month(year, first)}/{cal.month(end_year, second)}", "range"


def _resolve_yearrange(g: Groups, published: date | None, direction: str | None) -> Result:
    start, end_text = int(g["year"] or 0), g["year2"] or ""
    end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
    return (f"{start}/{end}" if start < end <= start + 200 else None), "range"


def _resolve_weekday(g: Groups, published: date | None, direction: str | None) -> Result:
    """A weekday: "last"/"next" as said; told as done, the latest one up to publication, but the day after
    it rather than six days before (a story dated in one time zone tells what happened on the next day
    in another, or was updated after its date: "Modi gave his speech Sunday" in a story of Saturday 31
    December is 1 January; not one its sentence lists with other weekdays, read together); else as
    ``calendar.pick_weekday`` reads the tense."""
    rel = rel_word(g)
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
    if direction == "past" and (weekday - published.isoweekday()) % 7 == 1 and not g.get("among"):
        return cal.day(published + timedelta(days=1)), "day"
    return cal.day(cal.pick_weekday(published, weekday, direction)), "day"


def _resolve_wdrange(g: Groups, published: date | None, direction: str | None) -> Result:
    """'Monday through Thursday': this week's when told in the present and it holds the publication day.

    'is in Canberra Monday through Thursday' on a Wednesday is the current week; otherwise
    the first day is resolved like a lone weekday (ahead in the future, back in the past)."""
    if published is None or rel_word(g) in ANAPHORIC:
        return None, "range"
    first, second = weekdays()[(g["wd"] or "").lower()], weekdays()[(g["wd2"] or "").lower()]
    today = published.isoweekday()
    if direction in ("present", None) and rel_word(g) == "" and first <= today <= second:
        start = published - timedelta(days=today - first)
    else:
        picked, _ = _resolve_weekday(g, published, direction)
        if picked is None:
            return None, "range"
        start = date.fromisoformat(picked)
    end = start + timedelta(days=(second - start.isoweekday()) % 7)
    return f"{cal.day(start)}/{cal.day(end)}", "range"


def _resolve_dayword(g: Groups, published: date | None, direction: str | None) -> Result:
    if published is None:
        return None, "day"
    word = (g["dw"] or "").lower()
    offset = DAY_OFFSETS.get(word, day_words().get(word, 0))
    return cal.day(published + timedelta(days=offset)), "day"


def _resolve_weekof(g: Groups, published: date | None, direction: str | None) -> Result:
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


def _resolve_century(g: Groups, published: date | None, direction: str | None) -> Result:
    start = (int(g["cent"] or 0) - 1) * 100
    return f"{start:04d}/{start + 99:04d}", "range"


def _resolve_quarter(g: Groups, published: date | None, direction: str | None) -> Result:
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


def _resolve_season(g: Groups, published: date | None, direction: str | None) -> Result:
    first = seasons()[(g["season"] or "").lower()]
    year = _year(g.get("year"))
    if year is not None:
        return cal.season(year, first), "season"
    rel = rel_word(g)
    if published is None or rel in ANAPHORIC:
        return None, "season"
    how = {"last": "last", "past": "last", "this past": "last", "next": "next", "coming": "future",
           "this coming": "future", "this": "this"}.get(rel, direction)
    return cal.pick_season(published, first, how), "season"


def _resolve_decade(g: Groups, published: date | None, direction: str | None) -> Result:
    if g.get("dec"):
        return cal.decade(int(g["dec"] or 0)), "decade"
    short = int(g.get("dec2") or 0)
    now = published.year % 100 if published else 20
    return cal.decade((2000 if short <= now else 1900) + short), "decade"


def _resolve_year(g: Groups, published: date | None, direction: str | None) -> Result:
    return str(int(g["year"] or 0)), "year"


def _resolve_holiday(g: Groups, published: date | None, direction: str | None) -> Result:
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
    "date": _resolve_date, "iso": _resolve_iso, "dayrange": _resolve_dayrange, "month": _resolve_month,
    "monthyear": _resolve_monthyear, "monthrange": _resolve_monthrange, "yearrange": _resolve_yearrange,
    "weekday": _resolve_weekday, "wdrange": _resolve_wdrange, "dayword": _resolve_dayword,
    "edgeunit": resolve_edgeunit, "relunit": resolve_relunit, "window": resolve_window, "ago": resolve_ago,
    "daterange": _resolve_daterange, "inunits": resolve_inunits, "edgeof": resolve_edgeof,
    "weekof": _resolve_weekof, "century": _resolve_century,
    "quarter": _resolve_quarter, "weekend": resolve_weekend, "season": _resolve_season,
    "decade": _resolve_decade, "year": _resolve_year, "holiday": _resolve_holiday,
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

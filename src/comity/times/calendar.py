"""Calendar arithmetic for resolving time expressions, and the value forms of GOLD-FORMAT.md.

Every function is pure: it takes the publication date and a direction and
returns a value string (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``,
``A/B``). A direction is ``"past"`` (the expression looks back from the
publication date), ``"future"`` (it looks ahead), ``"present"`` (the current
period, or ahead for a weekday) or ``None`` (unknown: the nearest fitting one).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

Direction = str | None


def day(d: date) -> str:
    return d.isoformat()


def week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def month(year: int, mon: int) -> str:
    return f"{year:04d}-{mon:02d}"


def quarter(year: int, number: int) -> str:
    return f"{month(year, 3 * number - 2)}/{month(year, 3 * number)}"


def season(year: int, first_month: int) -> str:
    """A season of three months starting in ``first_month`` of ``year`` (winter runs into the next year)."""
    last = first_month + 2
    end_year = year + (last - 1) // 12
    return f"{month(year, first_month)}/{month(end_year, (last - 1) % 12 + 1)}"


def decade(start: int) -> str:
    return f"{start:04d}/{start + 9:04d}"


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months (the day clipped to the month's length)."""
    index = d.year * 12 + d.month - 1 + n
    year, mon = divmod(index, 12)
    return date(year, mon + 1, min(d.day, monthrange(year, mon + 1)[1]))


def add_years(d: date, n: int) -> date:
    return add_months(d, 12 * n)


def month_end(d: date) -> date:
    return date(d.year, d.month, monthrange(d.year, d.month)[1])


def pick_weekday(published: date, weekday: int, direction: Direction) -> date:
    """The weekday (ISO, Monday=1) the text means.

    Back when past (the publication day itself if it is that weekday), ahead when future or
    present ("talks resume Monday"), from the day before publication on when ``recent`` (a
    future in the past: "said the session on Monday would focus on …"), and in the
    publication's own week when nothing tells.
    """
    ahead = (weekday - published.isoweekday()) % 7
    back = (published.isoweekday() - weekday) % 7
    if direction == "past":
        return published - timedelta(days=back)
    if direction == "recent":  # a future told in a report: from the day before publication on
        return published - timedelta(days=1) + timedelta(days=(weekday - published.isoweekday() + 1) % 7)
    if direction in ("future", "present"):
        return published + timedelta(days=ahead)
    return published + timedelta(days=weekday - published.isoweekday())


def _pick_year(published: date, key: tuple[int, int], direction: Direction) -> int:
    """The year of a (month, day) without a year: the nearest one that fits the direction.

    With no direction (or the present tense) it is the nearest occurrence, so a "January"
    in a November article is the coming one and a "March" in a May article the last one.
    """
    now = (published.month, published.day)
    if direction == "past":
        return published.year if key <= now else published.year - 1
    if direction == "future":
        return published.year if key >= now else published.year + 1
    mon, dom = key
    here = published.month * 31 + published.day
    there = mon * 31 + min(max(dom, 1), 31)
    if abs(there - here) <= 186:
        return published.year
    return published.year + (1 if there < here else -1)


def pick_date(published: date, mon: int, dom: int, direction: Direction) -> date | None:
    """A month and day without a year; Feb. 29 goes to the nearest leap year in the direction.

    The tense decides, unless it points almost a year away while the other reading is within
    45 days: "the June 7 primary" under a past-tense verb in a May article is this June's.
    """
    picked = _date_towards(published, mon, dom, direction)
    if picked is None or direction not in ("past", "future"):
        return picked
    other = _date_towards(published, mon, dom, "future" if direction == "past" else "past")
    if other is not None and abs((picked - published).days) > 300 and abs((other - published).days) <= 45:
        return other
    return picked


def _date_towards(published: date, mon: int, dom: int, direction: Direction) -> date | None:
    year = _pick_year(published, (mon, dom), direction)
    step = 1 if direction == "future" else -1
    for _ in range(9):
        if dom <= monthrange(year, mon)[1]:
            return date(year, mon, dom)
        year += step
    return None


def pick_month(published: date, mon: int, direction: Direction) -> str:
    day_of_month = {"past": 0, "future": 32}.get(direction or "", 15)
    return month(_pick_year(published, (mon, day_of_month), direction), mon)


def _current_quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def pick_quarter(published: date, number: int, direction: Direction) -> str:
    now = _current_quarter(published)
    year = published.year
    if direction == "past" and number > now:
        year -= 1
    elif direction == "future" and number < now:
        year += 1
    elif direction not in ("past", "future") and abs(number - now) > 2:
        year += 1 if number < now else -1
    return quarter(year, number)


def relative_quarter(published: date, offset: int) -> str:
    index = published.year * 4 + _current_quarter(published) - 1 + offset
    year, q = divmod(index, 4)
    return quarter(year, q + 1)


def _season_start(year: int, first_month: int) -> date:
    return date(year, first_month, 1)


def _season_end(year: int, first_month: int) -> date:
    return month_end(add_months(date(year, first_month, 1), 2))


def pick_season(published: date, first_month: int, how: Direction) -> str:
    """A season: ``how`` is last, next, this, or a direction (past, future, present, None)."""
    years = range(published.year - 2, published.year + 2)
    spans = [(y, _season_start(y, first_month), _season_end(y, first_month)) for y in years]
    if how == "last":
        year = max(y for y, _, end in spans if end < published)
    elif how == "next":
        year = min(y for y, start, _ in spans if start > published)
    elif how == "past":
        year = max(y for y, start, _ in spans if start <= published)
    elif how == "future":
        year = min(y for y, _, end in spans if end >= published)
    else:
        holding = [y for y, start, end in spans if start <= published <= end]
        year = holding[0] if holding else published.year
    return season(year, first_month)


def weekend(d: date) -> str:
    """The Saturday and Sunday of ``d``'s ISO week."""
    saturday = d + timedelta(days=6 - d.isoweekday())
    return f"{day(saturday)}/{day(saturday + timedelta(days=1))}"

"""The surface forms of time expressions, as compiled regular expressions.

Each pattern has a kind (``date``, ``weekday``, ``month`` …) that names the
resolver for it in :mod:`comity.times.resolve`. All are matched case-
insensitively; month and weekday names must still be capitalised in the text
(checked by the caller), so "may" and "march" as verbs are not months.
"""

from __future__ import annotations

import re

from comity.datafiles import cached_for
from comity.times.words import alternation, holidays, months, number_word_pattern, seasons, weekdays

APOS = "['’]"
# what may follow "Jan. 20 and 21" for it to be two days, not "Jan. 20 and 21 people"
AFTER_PAIR = (r"(?=\s*(?:[,.;:)]|$)"
              r"|\s+(?:to|in|at|on|for|with|as|and|but|or|when|while|after|before|during)\b)")


def _month(name: str, full_only: bool = False) -> str:
    full = [m for m in months() if len(m) > 4 or m in ("may", "june", "july")]
    short = [m for m in months() if m not in full]
    if full_only:
        return rf"(?P<{name}>{alternation(full)})\b"
    return rf"(?P<{name}>(?:{alternation(full)})\b|(?:{alternation(short)})\b\.?)"


def _weekday(name: str) -> str:
    return rf"(?P<{name}>{alternation(list(weekdays()))})"


def _year(name: str) -> str:
    return rf"(?P<{name}>1[5-9]\d\d|20\d\d)(?![\d])(?!,\d)(?!\s?%)"


def _day(name: str) -> str:
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:%])(?!,\d)"


def _sources() -> list[tuple[str, str]]:
    mon, mon2, wd, wd2 = _month("mon"), _month("mon2"), _weekday("wd"), _weekday("wd2")
    year, year2, dom, dom2 = _year("year"), _year("year2"), _day("day"), _day("day2")
    num = rf"(?P<num>\d+|{number_word_pattern()}|an?|a few|few|several|many|some|a couple of)"
    unit = r"(?P<unit>days?|weeks?|months?|years?|decades?|weekends?|quarters?)"
    rel = r"(?P<rel>last|next|this|coming|past|previous|this past|this coming|the past|the last|" \
          r"the previous|the coming|the next|the following|the same)"
    edge = r"(?:(?P<edge>early|late|mid|earlier|later|end|the end of|the start of|the beginning of)[\s-]+)"
    season = rf"(?P<season>{alternation(list(seasons()))})"
    return [
        ("dayrange", rf"\b{mon}\s*{dom}\s*(?:-|–|to|through|until)\s*{dom2}(?:\s*,?\s*{year})?"),
        ("dayrange", rf"\b{mon}\s*{dom}\s+(?P<conj>and|&)\s+{dom2}(?:\s*,?\s*{year})?{AFTER_PAIR}"),
        ("daterange", rf"\b{mon}\s*{dom}(?:\s*,?\s*{year})?\s*(?:-|–|to|through|until)\s*{mon2}\s*{dom2}"
                      rf"(?:\s*,?\s*{year2})?"),
        ("daterange", rf"\bbetween\s+{mon}\s*{dom}(?:\s*,?\s*{year})?\s+and\s+{mon2}\s*{dom2}"
                      rf"(?:\s*,?\s*{year2})?"),
        ("date", rf"\b(?:{wd},?\s+)?{mon}\s*{dom}(?:\s*,?\s*{year})?"),
        ("date", rf"\b{dom}\s+(?:of\s+)?{mon}(?:\s*,?\s*{year})?"),
        ("iso", r"\b(?P<year>\d{4})-(?P<monn>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("monthrange", rf"\b(?:from|between)\s+{mon}\s+(?:to|until|through|and)\s+{mon2}(?:\s*,?\s*{year})?"),
        ("monthrange", rf"\b{mon}\s*(?:-|–|to|through)\s*{mon2}\s*,?\s*{year}"),
        ("monthyear", rf"\b{edge}?{mon}\s*(?:of\s+)?,?\s*{year}"),
        ("month", rf"\b(?:{rel}\s+)?{edge}?{_month('mon', full_only=True)}(?!\s*\d)"),
        ("yearrange", rf"\b(?:from|between)\s+{year}\s*(?:to|until|through|and|-|–)\s*{year2}"),
        ("yearrange", rf"\b{year}\s*(?:-|–|/)\s*(?P<year2>\d{{4}}|\d\d)(?![\d])"),
        ("wdrange", rf"\b(?:from\s+)?{wd}\s+(?:through|to|until|thru|-|–)\s+{wd2}\b"),
        ("weekday", rf"\b(?:{rel}\s+)?{wd}(?:{APOS}s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b"),
        ("dayword", r"\b(?P<dw>today|tonight|yesterday|tomorrow)(?:['’]s)?\b"
                    r"(?:\s+(?P<part>morning|afternoon|evening|night))?"),
        ("dayword", r"\b(?P<dw>this|last)\s+(?P<part>morning|afternoon|evening|night)\b"),
        ("dayword", r"\bthe\s+day\s+(?P<dw>before yesterday|after tomorrow)\b"),
        ("edgeunit", r"\b(?P<edge>earlier|later|early|late|mid|end)[\s-]+(?:in\s+)?"
                     r"(?P<rel>this|last|next|the)\s+(?P<unit>week|month|year|decade)\b"),
        ("edgeof", r"\b(?:the\s+)?(?P<edge>end|start|beginning|middle|rest|remainder|turn|first half|"
                   r"second half)\s+of\s+(?P<rel>the|this|next|last)\s+(?P<unit>year|month|week|decade)\b"),
        ("weekof", rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+{mon}"
                   rf"(?:\s*,?\s*{year})?"),
        ("century", r"\b(?:the\s+)?(?P<cent>1[0-9]|2[0-2])(?:st|nd|rd|th)\s+century\b(?!-)"),
        ("window", rf"\b(?:the\s+)?(?P<rel>past|last|previous|next|coming)\s+{num}\s+{unit}"),
        ("quarter", r"\b(?:the\s+)?(?P<qn>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+"
                    rf"quarter(?:\s+(?:of\s+)?(?:{year}|(?P<yrel>this|last|next)\s+year))?"),
        ("relunit", rf"\b{rel}\s+(?P<unit>day|week|month|year|decade|weekend|quarter)\b"),
        ("inunits", rf"\bin\s+{num}\s+{unit}(?P<time>['’]?\s*time)?\b"),
        ("ago", rf"\b{num}\s+{unit}\s+(?P<dir>ago|from now|earlier|later|before|after|prior)\b"),
        ("weekend", r"\bthe\s+weekend\b"),
        ("quarter", rf"\bQ(?P<qd>[1-4])(?:\s+{year})?\b"),
        ("season", rf"\b(?:{rel}\s+)?{edge}?{season}(?:\s+(?:of\s+)?{year})?\b(?!\s+of\b)"),
        ("decade", r"\b(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d0)['’]?s\b"),
        ("decade", r"\b(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?['’](?P<dec2>\d0)s\b"),
        ("year", rf"\b{edge}?(?:fiscal\s+)?{year}\b"),
        ("holiday", rf"\b(?P<holiday>{alternation(list(holidays()))})(?:['’]s)?(?:\s+(?:of\s+)?{year})?\b"),
    ]


MONTH_KINDS = {"dayrange", "daterange", "weekof", "date", "monthrange", "monthyear", "month"}
WEEKDAY_KINDS = {"wdrange", "weekday"}
DIGIT_KINDS = {"iso", "yearrange", "decade", "year", "century"}


def _anchor_of(kind: str, source: str) -> str:
    """The anchor every match of a pattern holds (see :func:`comity.times.words.windows`)."""
    if kind in MONTH_KINDS:
        return "month"
    if kind in WEEKDAY_KINDS:
        return "weekday"
    if kind in DIGIT_KINDS or source.startswith(r"\bQ"):
        return "digit"
    if kind == "season":
        return "season"
    if kind == "dayword":
        return "dayword"
    if kind == "holiday":
        return "holiday"
    return "unit"


@cached_for("times.json")
def anchors() -> dict[str, re.Pattern[str]]:
    heads = sorted({m[:3] for m in months()})
    caps = [h.capitalize() for h in heads] + [h.upper() for h in heads]
    days = [d.capitalize() for d in weekdays()] + [d.upper() for d in weekdays()]
    return {
        "month": re.compile(rf"\b(?:{alternation(caps)})"),
        "weekday": re.compile(rf"\b(?:{alternation(days)})"),
        "digit": re.compile(r"\d+"),
        "season": re.compile(rf"\b(?:{alternation(list(seasons()))})\b", re.IGNORECASE),
        "dayword": re.compile(r"\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|day)\b",
                              re.IGNORECASE),
        "holiday": re.compile(rf"\b(?:{alternation(list(holidays()))})"),
        "unit": re.compile(r"\b(?:day|week|month|year|decade|weekend|quarter)s?\b", re.IGNORECASE),
    }


@cached_for("times.json")
def patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(kind, compiled pattern, anchor name) for every surface form."""
    return tuple((kind, re.compile(src, re.IGNORECASE), _anchor_of(kind, src)) for kind, src in _sources())

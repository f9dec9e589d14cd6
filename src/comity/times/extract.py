"""The times stage: time expressions in the running text, resolved against the publication date.

``find_times(parsed, published)`` matches the surface forms of
:mod:`comity.times.patterns` (our own patterns, because spaCy's DATE entities
are often wrongly bounded: "Friday's Victory Day", "Jan. 21 and Feb. 24" as
one), keeps the longest non-overlapping matches, reads the direction of each
from the tense of its governing verb (:mod:`comity.times.grammar`) and
resolves it (:mod:`comity.times.resolve`). spaCy DATE entities that hold a
calendar word but match no pattern are kept unresolved. Durations ("80
years", "a century") are not time points and are not returned; unresolved
expressions keep ``value=None`` and are never replaced by the publication date.

Datelines ("CANBERRA, March 4 (Comity Wire) -") are masked out of the parse,
but their date is the day of the report: it is read from ``parsed.text`` and
resolved looking back (the nearest such date on or before publication; one a
few days after it, as across time zones, stays in the same year).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from comity.records import TimeRef
from comity.text.document import Parsed
from comity.times.grammar import direction
from comity.times.patterns import anchors, patterns
from comity.times.relative import value_bounds
from comity.times.resolve import resolve
from comity.times.words import find_in, months, seasons, weekdays, windows

NAME_GROUPS = ("mon", "mon2", "wd", "wd2")
MONTH_CUES = re.compile(
    r"\b(?:in|since|until|till|by|before|after|during|from|through|to|of|early|late|mid|last|next|this|"
    r"and|or|between|around|throughout|on|a|the|with|than|for|at|into)[\s-]*$",
    re.IGNORECASE,
)
SEASON_CUES = re.compile(
    r"\b(?:in|during|by|until|since|through|over|before|after|throughout)\s+(?:the\s+)?$", re.IGNORECASE
)
NOT_YEAR_BEFORE = re.compile(
    r"(?:[$€£¥#№]|\b(?:about|some|nearly|around|almost|roughly|approximately|least|estimated|more than|"
    r"fewer than|less than|number|No\.|Article|Resolution|Flight)\s*)$",
    re.IGNORECASE,
)
YEAR_CUES = re.compile(r"\b(?:in|since|of|by|from|until|before|after|year)\s+$", re.IGNORECASE)
YEAR_NAMED = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    kind: str
    order: int
    groups: dict[str, str | None]


def _names_capitalised(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return all(not groups.get(name) or (groups[name] or " ")[0].isupper() for name in NAME_GROUPS)


def _plausible(kind: str, match: re.Match[str], text: str) -> bool:
    """Guards that keep verbs, counts and names out ("May I", "the fall in prices", "$2000")."""
    if not _names_capitalised(match):
        return False
    groups = match.groupdict()
    before = text[max(0, match.start() - 30):match.start()]
    if kind == "month" and not groups.get("rel") and not groups.get("edge"):
        name = (groups.get("mon") or "").lower()
        after = text[match.end():match.end() + 3]
        cued = MONTH_CUES.search(before)
        if not cued and (name in ("may", "march") or re.match(r"\s[A-Z]", after)):
            return False  # "May I", "April Mellody said"
    if kind == "season" and not groups.get("rel") and not groups.get("year"):
        return bool(SEASON_CUES.search(before))
    if kind == "dayword" and (groups.get("dw") or " ")[0].isupper() and re.search(r"[A-Z]\w*\s+$", before):
        return False  # a name: "USA Today"
    if kind == "year":
        if NOT_YEAR_BEFORE.search(before) or re.search(r"[A-Za-z]-$", before):
            return False
        return int(groups.get("year") or 0) >= 1800 or bool(YEAR_CUES.search(before))
    if kind == "dayrange" and groups.get("conj"):  # "Jan. 20 and 21": two days in a row, one span
        return 1 <= int(groups.get("day") or 0) == int(groups.get("day2") or 0) - 1
    if kind in ("date", "dayrange"):
        return 1 <= int(groups.get("day") or 0) <= 31
    return True


def _candidates(text: str) -> tuple[list[_Match], list[tuple[int, int]]]:
    """Every plausible match, and the spans of matches the guards turned away."""
    found, rejected = [], []
    spans = {name: windows(anchor, text) for name, anchor in anchors().items()}
    for order, (kind, pattern, anchor) in enumerate(patterns()):
        for match in find_in(pattern, text, spans[anchor]):
            if match.end() <= match.start():
                continue
            if not _plausible(kind, match, text):
                rejected.append(match.span())
                continue
            end = match.start() + len(match.group(0).rstrip(" ,"))
            found.append(_Match(match.start(), end, kind, order, match.groupdict()))
    return found, rejected


def _non_overlapping(candidates: list[_Match]) -> list[_Match]:
    """The longest matches first; a shorter one is kept only where it overlaps none taken."""
    starts: list[int] = []
    taken: list[_Match] = []  # kept sorted by start, never overlapping
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        k = bisect_left(starts, cand.start)
        if k > 0 and taken[k - 1].end > cand.start:
            continue
        if k < len(taken) and taken[k].start < cand.end:
            continue
        starts.insert(k, cand.start)
        taken.insert(k, cand)
    return taken


def _since(value: str | None, published: date | None) -> str | None:
    if value is None or published is None:
        return None
    start = value.split("/", 1)[0]
    if value_bounds(start)[0] > published.isoformat():
        return None
    return f"{start}/{published.isoformat()}"


def _this_year_unnamed(parsed: Parsed, cand: _Match) -> bool:
    """For 'the end of the year' told in the past: True when no year is named earlier in its paragraph."""
    groups = cand.groups
    if cand.kind != "edgeof" or (groups.get("rel") or "").lower() != "the" or groups.get("unit") != "year":
        return False
    start = parsed.paragraph_span(parsed.paragraph_of(cand.start))[0]
    return not YEAR_NAMED.search(parsed.text, start, cand.start)


def _time_ref(parsed: Parsed, cand: _Match, published: date | None) -> TimeRef:
    text = parsed.text
    since = SINCE_BEFORE.search(text[max(0, cand.start - 12):cand.start])
    way = "past" if since else direction(parsed.doc, cand.start, cand.end, now=cand.kind == "wdrange",
                                         weekday=cand.kind in ("weekday", "wdrange"))
    groups = cand.groups
    if way == "past" and _this_year_unnamed(parsed, cand):
        groups = {**groups, "unnamed": "year"}  # "rose in the first half of the year", no year named before
    value, granularity = resolve(cand.kind, groups, published, way)
    start = cand.start
    if since:
        try:
            value, granularity = _since(value, published), "range"
        except (ValueError, OverflowError):
            value = None
        start = cand.start - len(since.group(0))
    return TimeRef(text=text[start:cand.end], span=(start, cand.end), value=value,
                   granularity=granularity, resolved=value is not None)


def _among_weekdays(cands: list[_Match], parsed: Parsed) -> list[_Match]:
    """Mark a weekday its sentence lists with other weekdays ("on Monday, Tuesday and Wednesday", "began
    Monday, ended Wednesday"): they are read together, so none is taken for the day after publication."""
    def sentence(cand: _Match) -> int:
        tok = parsed.doc.char_span(cand.start, cand.end, alignment_mode="expand")
        return tok.sent.start if tok is not None and len(tok) else -1

    sentence_of = {id(c): sentence(c) for c in cands if c.kind in ("weekday", "wdrange")}
    counts = Counter(sentence_of.values())
    return [replace(c, groups={**c.groups, "among": "weekdays"})
            if c.kind == "weekday" and counts[sentence_of[id(c)]] > 1 else c for c in cands]


def _calendar_words() -> set[str]:
    return set(months()) | set(weekdays()) | set(seasons()) | {"today", "yesterday", "tomorrow", "tonight"}


def _leftover_entities(parsed: Parsed, seen: list[tuple[int, int]]) -> list[TimeRef]:
    """spaCy DATE entities with a calendar word that no pattern saw at all: kept, unresolved."""
    words = _calendar_words()
    refs = []
    for ent in parsed.doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        if not any(tok.lower_.rstrip(".") in words and tok.text[:1].isupper() for tok in ent):
            continue
        if not any(s < end and start < e for s, e in seen):
            refs.append(TimeRef(ent.text, (start, end), None, "day", False))
    return refs


DATELINE_KINDS = {"date", "iso", "weekday", "dayword"}


def _dateline_refs(parsed: Parsed, candidates: list[_Match], published: date | None) -> list[TimeRef]:
    """The date of each dateline part: the day of the report, so resolved looking back."""
    spans = [p.span for p in parsed.parts if p.kind == "dateline"]
    refs = []
    for cand in candidates:
        if cand.kind not in DATELINE_KINDS or not any(s <= cand.start and cand.end <= e for s, e in spans):
            continue
        value, granularity = resolve(cand.kind, cand.groups, published, "past")
        refs.append(TimeRef(text=parsed.text[cand.start:cand.end], span=(cand.start, cand.end), value=value,
                            granularity=granularity, resolved=value is not None))
    return refs


def find_times(parsed: Parsed, published: date | None) -> list[TimeRef]:
    """Every time expression in the running text and datelines, resolved against ``published``."""
    found, rejected = _candidates(parsed.text)
    chosen = _non_overlapping(found)
    taken = _among_weekdays([c for c in chosen if parsed.in_body((c.start, c.end))], parsed)
    refs = [ref for cand in taken if (ref := _time_ref(parsed, cand, published)).granularity != "duration"]
    refs += _dateline_refs(parsed, chosen, published)
    seen = [(c.start, c.end) for c in found] + rejected
    refs += [r for r in _leftover_entities(parsed, seen) if parsed.in_body(r.span)]
    return sorted(refs, key=lambda r: r.span)

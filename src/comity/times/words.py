"""Vocabulary and number words for the times and figures stages.

The words come from ``data/times.json`` (loaded once); this module turns them
into the regular-expression pieces :mod:`comity.times.patterns` is built from,
and reads numbers written in words ("two dozen", "twenty-five", "three").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from comity.datafiles import active, cached_for

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def vocabulary() -> dict[str, Any]:
    """times.json as the running coder extends it (Config.time_files)."""
    return active("times.json")


def months() -> dict[str, int]:
    return vocabulary()["months"]


def weekdays() -> dict[str, int]:
    return vocabulary()["weekdays"]


def seasons() -> dict[str, int]:
    return vocabulary()["seasons"]


def units() -> dict[str, str]:
    return vocabulary()["units"]


def day_words() -> dict[str, int]:
    return vocabulary()["day_words"]


def holidays() -> dict[str, str]:
    return vocabulary().get("holidays", {})


def number_words() -> dict[str, float]:
    return vocabulary()["number_words"]


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of ``words``, longest first, escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cached_for("times.json")
def number_word_pattern() -> str:
    """Numbers in words: 'two', 'twenty-five', 'two dozen', 'a hundred'."""
    words = [w for w in number_words() if w not in ("a", "an", "half", "dozen", "hundred")]
    tens = [w for w, v in number_words().items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    ones = [w for w, v in number_words().items() if 1 <= v <= 9 and w not in ("a", "an")]
    compound = rf"(?:{alternation(tens)})[-‐ ](?:{alternation(ones)})"
    single = rf"(?:{compound}|{alternation(words)})"
    return rf"(?:(?:{single}|an?)\s+(?:dozen|hundred)|{single})"


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words; None when it is not one."""
    text = text.strip().lower().replace("\u2010", "-")
    digits = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    total, current = 0.0, 0.0
    found = False
    previous = ""
    for word in re.split(r"[\s-]+", text):
        skip = word in ("and", "") or (word in ("a", "an") and previous == "half")
        previous = word
        if skip:
            continue
        if word in SCALES:
            total += max(current, 1.0) * SCALES[word]
            current, found = 0.0, True
        elif word in ("dozen", "hundred"):
            current = max(current, 1.0) * number_words()[word]
            found = True
        elif word in number_words():
            current += number_words()[word]
            found = True
        elif re.fullmatch(r"\d+(?:\.\d+)?", word.replace(",", "")):
            current += float(word.replace(",", ""))
            found = True
        else:
            return None
    return total + current if found else None


def windows(anchor: re.Pattern[str], text: str, reach: int = 120) -> list[tuple[int, int]]:
    """Stretches of ``text`` around each hit of ``anchor``, merged where they touch.

    A pattern whose every match holds an anchor word (a month name, a digit) need only
    be searched there, which is much faster than trying it at every word of the text.
    """
    spans: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        lo, hi = max(0, m.start() - reach), min(len(text), m.end() + reach)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def find_in(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Every match of ``pattern`` inside the given stretches of ``text``."""
    for lo, hi in spans:
        yield from pattern.finditer(text, lo, hi)

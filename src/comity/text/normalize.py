"""Small pure helpers shared by every stage: publication dates, article ids, names without a possessive."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

from comity.errors import InputError


def article_id(text: str) -> str:
    """The hash of the text with white space normalised (see :func:`content_id` for an article's id)."""
    normal = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def as_date(value: date | datetime | str | None) -> date | None:
    """A publication date from a date, datetime or ISO string (E025 if unreadable)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00")).date()
    except ValueError as err:
        raise InputError("E025", f"publication date '{value}' is not an ISO date (YYYY-MM-DD)") from err


POSSESSIVE_ENDINGS = ("'s", "\u2019s")


def strip_possessive(name: str) -> str:
    """A name without surrounding spaces and without a trailing possessive ("Putin's" → "Putin")."""
    name = name.strip()
    for ending in POSSESSIVE_ENDINGS:
        if name.endswith(ending):
            return name[: -len(ending)].rstrip()
    return name


_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b"
    r"|(?:©|\(c\)|copyright\b)|all rights reserved"
    r"|(?:read|see)\s+(?:more|also)\b|related\s*(?:articles|stories|coverage)?\s*:"
    r"|(?:follow|like)\s+(?:us|\w+)\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky)\b"
    r"|sign\s+up\b|subscribe\b|advertisement\s*$|(?:file\s+)?photo\s*(?:credit)?\s*:"
    r"|share\s+this\s+(?:article|story)\b|click\s+here\b)",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'’\-]{1,60}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*"
    r"\((?:[A-Za-z][\w .&-]{0,30})\)\s*[-—–]+\s*"
)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "})
_MAX_BOILERPLATE = 200  # a longer line is running text, whatever it starts with


def _comparable_text(text: str) -> str:
    """The text as compared for duplicates: no boilerplate lines or datelines, plain quotes and dashes."""
    kept = []
    for line in text.translate(_QUOTES).splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) <= _MAX_BOILERPLATE and _BOILERPLATE_LINE.match(stripped):
            continue
        kept.append(_DATELINE.sub("", stripped))
    return re.sub(r"\s+", " ", " ".join(kept)).strip()


def content_id(text: str) -> str:
    """An article's id: the hash of its :func:`_comparable_text` (of the text itself when that is empty).
    The same text with other spacing, quotation marks, boilerplate lines or dateline has the same id,
    so a store keeps a wire copy once and ``comity code`` names an article as the store does."""
    return article_id(_comparable_text(text) or text)

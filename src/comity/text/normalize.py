"""Small pure helpers shared by ingest and the pipeline: publication dates and article ids."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

from comity.errors import InputError


def article_id(text: str) -> str:
    """A stable id: the hash of the text with white space normalised."""
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

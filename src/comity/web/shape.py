"""Turning query results into what the pages and the JSON API hand out: plain JSON values, the
outlet of a URL, links that are safe to put in an ``href``, quad-class names and limits."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
QUAD_KEYS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
             4: "material_conflict"}
BYS = ("day", "week", "month")

# Limits on what one request may ask for (a local app, but a page must never hang on a huge answer).
MAX_ROWS = 500        # events, quotes or speakers in one page or download
MAX_EDGES = 300       # edges of the network
MAX_PERIODS = 1500    # periods of one dyad's series (day by day over years is too many: use weeks)
MAX_OFFSET = 100_000  # how deep a search may page
MAX_TEXT = 200        # characters of a search string
MAX_NAME = 120        # characters of an actor code, article id or speaker name


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO days, NaN and NaT as None, NumPy scalars and arrays unwrapped."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat() if not (value.hour or value.minute or value.second) \
            else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is pd.NA:
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as JSON-ready dicts."""
    names = list(frame.columns)
    return [{n: plain(v) for n, v in zip(names, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link (a stored URL is untrusted: never a ``javascript:`` link)."""
    if not url or not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def outlet(url: str | None) -> str | None:
    """The site an article came from (``www.cnn.com`` → ``cnn.com``), or None for a file."""
    link = safe_url(url)
    if link is None:
        return None
    host = (urlsplit(link).hostname or "").lower()
    return host.removeprefix("www.") or None


def with_sources(rows: list[dict[str, Any]], url_key: str = "url") -> list[dict[str, Any]]:
    """``rows`` with the outlet added and any link that is not http(s) removed."""
    for row in rows:
        row["outlet"] = outlet(row.get(url_key))
        row[url_key] = safe_url(row.get(url_key))
    return rows

"""Text-level helpers every stage shares: the parsed document, article structure (headline, body
parts, masking), language check, ids and date normalisation.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {
    "Parsed": "document",
    "find_parts": "structure",
    "mask": "structure",
    "check_english": "language",
    "language_of": "language",
    "article_id": "normalize",
    "as_date": "normalize",
}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)

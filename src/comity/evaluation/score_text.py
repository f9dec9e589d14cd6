"""Text helpers every part of the score uses: folding text for comparison, and reading loose JSON fields.

Text is compared after folding: Unicode NFKC, typographic quotes and dashes made plain, lower case,
quotation marks dropped, runs of space collapsed, edge punctuation trimmed. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_PLAIN = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "`": "'", "\u2014": "-", "\u2013": "-",
    }
)
_QUOTE_MARK = re.compile("[\"']")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_EDGE = " .,;:"


def normalise(text: str | None) -> str:
    """Fold a text for comparison (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", text or "").translate(_PLAIN).lower()
    folded = _QUOTE_MARK.sub(" ", folded)
    return _SPACE.sub(" ", folded).strip(_EDGE)


def word_list(text: str | None) -> list[str]:
    """The words of a text after folding."""
    return _WORD.findall(normalise(text))


def field_text(value: Any) -> str:
    """A field read as text: a string as is, an object by its ``text``; anything else is empty."""
    if isinstance(value, dict):
        value = value.get("text")
    return value if isinstance(value, str) else ""


def records_of(value: Any) -> list[dict]:
    """The objects of a list field; anything else in it, or a field that is not a list, is ignored."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]

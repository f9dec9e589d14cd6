"""A composed actor mention and the words that may stand between its parts.

Shared by :mod:`comity.actors.compose` and the rules it delegates to
(:mod:`comity.actors.peoples`, :mod:`comity.actors.seats`).
"""

from __future__ import annotations

from dataclasses import dataclass

from comity.actors.dictionary import words
from comity.records import Entity

MODIFIERS = words(
    "top senior new former acting then outgoing incoming interim longtime veteran ex - then- ex- chief "
    "current newly appointed elected"
)


@dataclass
class Piece:
    """A composed mention over tokens ``start``..``end`` (end exclusive)."""

    start: int
    end: int
    entity: Entity
    how: str
    named: bool = False  # a person named in the text (not a bare title)

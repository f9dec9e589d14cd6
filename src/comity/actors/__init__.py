"""Actors: the actor dictionary and the mentions of countries, organisations, people and sectors
resolved to PLOVER/CAMEO-style codes.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {"ActorIndex": "resolve", "Dictionary": "dictionary", "load_dictionary": "dictionary"}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)

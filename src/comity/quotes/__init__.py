"""Quotes and their speakers: cue verbs and nouns, quotation marks, speaker names and profiles.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {"extract_quotes": "extract", "CueLexicon": "cues", "SpeakerBook": "speakers"}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)

"""PLOVER events: the trigger lexicon, triggers and their roles, a sentence's candidates,
modality, dating, merging, sizes and the article-level context rules.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {"find_events": "extract", "EventLexicon": "lexicon", "Trigger": "lexicon", "PloverType": "lexicon"}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)

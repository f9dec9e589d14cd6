"""Time expressions, found and resolved to dates against the publication date.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {"find_times": "extract"}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)

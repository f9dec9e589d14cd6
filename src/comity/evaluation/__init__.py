"""Evaluation: coding gold articles and scoring them as the shared scorer does (GOLD-FORMAT.md),
and the PLOVER gold-standard sentences.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {
    "evaluate": "evaluate",
    "gold_files": "scoring",
    "score_dir": "scoring",
    "format_summary": "scoring",
    "evaluate_gsr": "gsr",
}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)

"""The corpus: the DuckDB store, its migrations and rows, ingesting sources, ties between
countries, networks and exports.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {
    "Corpus": "corpus",
    "Summary": "corpus",
    "Store": "store",
    "StoreError": "store",
    "DEFAULT_DB": "store",
    "ties": "ties",
    "network": "ties",
    "export": "export",
}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)

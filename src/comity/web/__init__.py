"""The web explorer (``comity serve``): a local FastAPI app over a store opened read-only, with
pages for the network, a dyad, an article, a speaker and an event search, and the JSON API they use.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {
    "create_app": "app",
    "LOOPBACK": "app",
}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)
